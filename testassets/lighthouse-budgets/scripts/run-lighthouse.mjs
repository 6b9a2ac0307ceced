// Runs Lighthouse 11.7.1 (the last Lighthouse with performance budgets, --budget-path) on testassets/vite-app/dist,
// served with gzip (level 9) as a static host serves it, and writes what it decided for each budget of
// lighthouse-budget.json into results/: the verdicts BundleBudget must give for the same budget.json.
// Needs Node 20 and a Chromium (CHROME_PATH, default /usr/bin/chromium). Offline: everything is on this machine.
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.resolve(root, '../vite-app/dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.woff': 'font/woff' };
const text = new Set(['.html', '.js', '.css', '.svg']);

const server = createServer(async (request, response) => {
  let file = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  if (file.endsWith('/')) file += 'index.html';
  const extension = path.extname(file);
  try {
    let body = await readFile(path.join(dist, file));
    const headers = { 'content-type': types[extension] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (text.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(200, headers).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

await mkdir(path.join(root, 'results'), { recursive: true });
const verdicts = { tool: 'lighthouse 11.7.1', command: 'lighthouse URL --budget-path=lighthouse-budget.json --only-audits=performance-budget,timing-budget,resource-summary,network-requests,first-contentful-paint,interactive,speed-index', pages: {} };
for (const page of ['/', '/about.html']) {
  const output = path.join(root, 'results', `lhr-${page === '/' ? 'index' : 'about'}.json`);
  // Asynchronously: the server answering Lighthouse's requests runs in this process.
  await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/lighthouse/cli/index.js'), origin + page,
    '--budget-path=' + path.join(root, 'lighthouse-budget.json'),
    // The audits the budgets need: Lighthouse 11's other gatherers time out against today's Chromium (Debugger.disable).
    '--only-audits=performance-budget,timing-budget,resource-summary,network-requests,first-contentful-paint,interactive,speed-index',
    '--output=json', '--output-path=' + output, '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } });
  const lhr = JSON.parse(await readFile(output, 'utf8'));
  const budget = lhr.audits['performance-budget'].details?.items ?? [];
  const timing = lhr.audits['timing-budget'].details?.items ?? [];
  verdicts.pages[page] = {
    resources: budget.map(item => ({
      resourceType: item.resourceType, requestCount: item.requestCount, transferSize: item.transferSize,
      sizeOverBudget: item.sizeOverBudget ?? null, countOverBudget: item.countOverBudget ?? null,
    })),
    timings: timing.map(item => ({ metric: item.metric, measurement: item.measurement, overBudget: item.overBudget ?? null })),
    requests: (lhr.audits['network-requests'].details?.items ?? []).map(r => ({ url: r.url.replace(origin, ''), resourceType: r.resourceType, transferSize: r.transferSize })),
  };
  // Only what the verdicts need is kept: the full report holds this machine's timings and paths.
  await writeFile(output, JSON.stringify({ lighthouseVersion: lhr.lighthouseVersion, requestedUrl: lhr.requestedUrl.replace(origin, ''), audits: { 'performance-budget': lhr.audits['performance-budget'], 'timing-budget': lhr.audits['timing-budget'] } }, null, 2) + '\n');
}
await writeFile(path.join(root, 'results', 'verdicts.json'), JSON.stringify(verdicts, null, 2) + '\n');
server.close();
