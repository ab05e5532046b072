// `make bench`: measures the release build and writes docs/benchmarks.md (printed too)
// and docs/benchmarks.json (every raw figure), then checks the budgets and exits
// non-zero naming each broken one. Separate from the tests: nothing here asserts
// behaviour, it only measures.
//
// Usage: node bench/run.mjs [--quick] [--dist DIR] [--only sizes,lighthouse,timings,axe]
//        node bench/run.mjs --report-only   (docs/benchmarks.md again from the .json)
//   SKU_DIST=DIR is the same as --dist (default: dist/). --quick: fewer runs, for
//   development; the committed report should come from a full run. --only measures
//   some parts and prints them without replacing docs/benchmarks.*.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveCompressed } from './server.mjs';
import { measureSizes } from './sizes.mjs';
import { describeMachine } from './machine.mjs';
import { launchBrowser } from './app.mjs';
import { firstStepUsable, keystrokeToTotals, validation, workerBundle, clickToDownload, completeTheForm } from './timings.mjs';
import { axeAllStates } from './accessibility.mjs';
import { checkBudgets, renderMarkdown } from './report.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes('--quick');
const dist = resolve(option('--dist') ?? process.env.SKU_DIST ?? join(repoRoot, 'dist'));
const only = option('--only')?.split(',');
const wanted = (part) => !only || only.includes(part);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
process.env.CHROME_PATH = chromePath;

/** How many times each figure is measured (medians are reported). */
const RUNS = quick
  ? { lighthouse: 1, usable: 3, keystrokes: 10, keystrokePageLoads: 1, validation: 3, workers: 1, jobsPerWorker: 3, download: 2, journey: 1 }
  : { lighthouse: 5, usable: 20, keystrokes: 40, keystrokePageLoads: 3, validation: 10, workers: 5, jobsPerWorker: 6, download: 5, journey: 3 };

const docs = join(repoRoot, 'docs');
if (args.includes('--report-only')) {
  // After a change to report.mjs: re-render without measuring again.
  const saved = JSON.parse(readFileSync(join(docs, 'benchmarks.json'), 'utf8'));
  saved.budgets = checkBudgets(saved);
  writeFileSync(join(docs, 'benchmarks.md'), renderMarkdown(saved));
  process.stdout.write(renderMarkdown(saved));
  process.exit(0);
}

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const started = Date.now();
const result = { machine: describeMachine(chromePath), quick, runs: RUNS, dist };

const server = await serveCompressed(dist);
log(`serving ${dist} with brotli at ${server.url}`);
const browser = await launchBrowser();
try {
  if (wanted('sizes')) result.sizes = measureSizes(dist, repoRoot);

  // Every later measurement resumes from the complete application this journey saves.
  log('filling the whole form through the UI (complete application, memory)');
  const journey = await completeTheForm(browser, server.url, RUNS.journey);
  const envelope = journey.envelope;

  if (wanted('timings')) {
    result.timings = { memoryAfterCompletingTheForm: journey.memory };
    log('first step usable');
    result.timings.firstStepUsable = await firstStepUsable(browser, server.url, RUNS.usable);
    log('keystroke to updated totals, 100 budget rows');
    result.timings.keystrokeToTotals = await keystrokeToTotals(browser, server.url, envelope, {
      rows: 100,
      keystrokes: RUNS.keystrokes,
      pageLoads: RUNS.keystrokePageLoads,
    });
    // The same two on a CPU slowed down as Lighthouse's mobile preset does: a cheap phone.
    log('the same, with a 4× CPU slowdown');
    result.timings.firstStepUsableSlowCpu = await firstStepUsable(browser, server.url, RUNS.usable, { cpuSlowdown: 4 });
    result.timings.keystrokeToTotalsSlowCpu = await keystrokeToTotals(browser, server.url, envelope, {
      rows: 100,
      keystrokes: RUNS.keystrokes,
      pageLoads: 1,
      cpuSlowdown: 4,
    });
    log('validating the complete application');
    result.timings.validation = await validation(browser, server.url, envelope, RUNS.validation);
    log('PDF and bundle in the worker');
    const jobs = { workers: RUNS.workers, jobs: RUNS.jobsPerWorker };
    result.timings.bundle = await workerBundle(browser, server.url, envelope, jobs);
    result.timings.bundle100Rows = await workerBundle(browser, server.url, envelope, { ...jobs, budgetRows: 100 });
    log('click to download through the UI');
    result.timings.clickToDownload = await clickToDownload(browser, server.url, envelope, RUNS.download);
  }
  if (wanted('axe')) {
    log('axe-core over every step and state');
    result.axe = await axeAllStates(browser, server.url, { quick });
  }
  if (wanted('lighthouse')) {
    // Loaded only here: `--only timings` works without the bench packages installed.
    const { lighthouseRuns } = await import('./lighthouse.mjs');
    log(`Lighthouse, mobile and desktop, ${RUNS.lighthouse} run(s) each`);
    result.lighthouse = await lighthouseRuns(server.url, envelope, {
      runs: RUNS.lighthouse,
      chromePath,
      reportDir: join(repoRoot, 'bench/lighthouse-reports'),
    });
  }
} finally {
  await browser.close();
  await server.close();
}
result.servedBytes = server.served;
result.durationSeconds = Math.round((Date.now() - started) / 1000);
result.budgets = checkBudgets(result);

const markdown = renderMarkdown(result);
// A partial run (--only) is printed but does not replace the report.
if (!only) {
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'benchmarks.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(docs, 'benchmarks.md'), markdown);
}
process.stdout.write(markdown);

const broken = result.budgets.filter((b) => b.ok === false);
if (broken.length) {
  for (const b of broken) console.error(`bench: budget broken: ${b.name}: ${b.shown} (limit ${b.limit})`);
  process.exit(1);
}
