// Runs bundlewatch, bundlesize and size-limit on their configs here (all measuring ../vite-app/dist) and writes what
// each says to results/: the tool's own output, and verdicts.json, the verdict of each file or check parsed from it.
// Offline: without a GitHub token neither bundlewatch nor bundlesize posts anything; bundlewatch's one request (to
// shorten its results URL) goes to a closed loopback port through the proxy variables and fails at once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(here, 'results');
mkdirSync(results, { recursive: true });
const env = { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' };
delete env.CI;
const run = (tool, args) => {
  const result = spawnSync('npx', ['--no-install', tool, ...args], { cwd: here, env, encoding: 'utf8' });
  const output = (result.stdout + result.stderr).replace(/\x1b\[[0-9;]*m/g, '');
  return { exit: result.status, output };
};

const bundlewatch = run('bundlewatch', ['--config', 'bundlewatch.config.json']);
writeFileSync(join(results, 'bundlewatch.txt'), bundlewatch.output.replace(/^Result breakdown at: .*$/m, 'Result breakdown at: (URL left out)'));
const bundlesize = run('bundlesize', []);
writeFileSync(join(results, 'bundlesize.txt'), bundlesize.output);
const sizeLimit = run('size-limit', ['--json']);
writeFileSync(join(results, 'size-limit.json'), sizeLimit.output);

// "PASS path: size < max (compression)", "FAIL ...", "ERROR path: There is no matching file ..."
const lines = (text, pattern) => [...text.matchAll(pattern)].map(m => ({ path: m[2], status: m[1].toLowerCase() }));
const verdicts = {
  bundlewatch: { version: '0.4.2', exit: bundlewatch.exit, files: lines(bundlewatch.output, /^(PASS|FAIL|ERROR) (.+?): /gm) },
  bundlesize: { version: '0.18.2', exit: bundlesize.exit, files: lines(bundlesize.output, /^ (PASS|FAIL) {2}(.+?): /gm) },
  sizeLimit: { version: '12.1.0', exit: sizeLimit.exit, checks: JSON.parse(sizeLimit.output).map(c => ({ name: c.name, passed: c.passed, size: c.size, sizeLimit: c.sizeLimit })) },
};
writeFileSync(join(results, 'verdicts.json'), JSON.stringify(verdicts, null, 2) + '\n');
console.log(JSON.stringify(verdicts, null, 2));
