// Writes scores.json: what Lighthouse's own code scores lab metric values at, for the tests of BundleBudget's score.
// Run: npm ci && node make.mjs
import fs from 'node:fs';
import {Util} from 'lighthouse/shared/util.js';
import {ReportScoring} from 'lighthouse/core/scoring.js';
import defaultConfig from 'lighthouse/core/config/default-config.js';
import FirstContentfulPaint from 'lighthouse/core/audits/metrics/first-contentful-paint.js';
import LargestContentfulPaint from 'lighthouse/core/audits/metrics/largest-contentful-paint.js';
import TotalBlockingTime from 'lighthouse/core/audits/metrics/total-blocking-time.js';
import CumulativeLayoutShift from 'lighthouse/core/audits/metrics/cumulative-layout-shift.js';
import SpeedIndex from 'lighthouse/core/audits/metrics/speed-index.js';
import InteractiveMetric from 'lighthouse/core/audits/metrics/interactive.js';

const audits = {
  fcp: [FirstContentfulPaint, 'first-contentful-paint'],
  lcp: [LargestContentfulPaint, 'largest-contentful-paint'],
  tbt: [TotalBlockingTime, 'total-blocking-time'],
  cls: [CumulativeLayoutShift, 'cumulative-layout-shift'],
  si: [SpeedIndex, 'speed-index'],
  tti: [InteractiveMetric, 'interactive'],
};
const weights = Object.fromEntries(defaultConfig.categories.performance.auditRefs.map(ref => [ref.id, ref.weight]));
const grid = {
  ms: [0, 1, 50, 100, 150, 200, 250, 400, 600, 800, 934, 1000, 1200, 1311, 1500, 1600, 1800, 2000, 2300, 2400, 2500, 3000, 3387, 3500, 3785, 4000, 4500, 5000, 5800, 7300, 10000, 20000, 60000],
  cls: [0, 0.001, 0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5, 1, 3],
};
const result = {lighthouse: '13.5.0', metrics: {}, categories: []};
for (const [name, [audit, id]] of Object.entries(audits)) {
  const options = audit.defaultOptions;
  result.metrics[name] = {weight: weights[id] ?? 0};
  for (const device of ['mobile', 'desktop']) {
    // CLS has one curve for both devices, the others a curve each.
    const scoring = options[device]?.scoring ?? options;
    result.metrics[name][device] = {
      p10: scoring.p10,
      median: scoring.median,
      scores: (name === 'cls' ? grid.cls : grid.ms).map(value => [value, Util.computeLogNormalScore(scoring, value)]),
    };
  }
}

// Category scores of some whole sets of metrics, as the report computes them.
const sets = [
  {fcp: 1000, lcp: 1500, tbt: 50, cls: 0.01, si: 1500},
  {fcp: 2200, lcp: 3100, tbt: 350, cls: 0.12, si: 4200},
  {fcp: 4000, lcp: 6500, tbt: 1200, cls: 0.4, si: 8000},
  {fcp: 1800, lcp: 2500, tbt: 200, cls: 0.1, si: 3387},
];
for (const device of ['mobile', 'desktop']) {
  for (const metrics of sets) {
    const items = Object.entries(metrics).map(([name, value]) => ({
      score: Util.computeLogNormalScore(audits[name][0].defaultOptions[device]?.scoring ?? audits[name][0].defaultOptions, value),
      weight: result.metrics[name].weight,
    }));
    result.categories.push({device, metrics, score: ReportScoring.arithmeticMean(items)});
  }
}

fs.writeFileSync('scores.json', JSON.stringify(result, null, 1) + '\n');
console.log(`scores.json: ${Object.keys(result.metrics).length} metrics, ${result.categories.length} category scores`);
