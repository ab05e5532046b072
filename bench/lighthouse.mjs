// Item 2: Lighthouse 13, mobile and desktop, against the app on the brotli server.
//
// The app never changes the URL per step, so a question step cannot be a plain
// navigation. Each run is one Lighthouse *user flow* (puppeteer-core driving Debian's
// Chromium), per form factor:
//   1. navigation "start page": a cold load, storage cleared — the first visit;
//   2. a complete internship application saved on the budget step is written to
//      localStorage, then navigation "start page with a saved draft" (the resume prompt);
//   3. timespan "resume to the budget step": a real click on "Fortsätt" until the budget
//      step is shown and its heading focused (TBT and INP of the step change);
//   4. snapshot "budget step": the filled question step's accessibility score.
// The question step's load figures are those of step 2 (that load is how an applicant
// gets back to a question step) plus step 3's blocking time.
import { mkdirSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startFlow } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { DRAFT_KEY } from '../tests/browser/support/drafts.mjs';
import { draftOn, median } from './app.mjs';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const configs = { mobile: undefined /* Lighthouse's default: a throttled mobile */, desktop: desktopConfig };

/**
 * `reportDir`: where the first run's HTML flow report per form factor is written, to see
 * why a score is what it is (not committed).
 */
export async function lighthouseRuns(url, envelope, { runs, chromePath, reportDir }) {
  const results = {};
  for (const [formFactor, config] of Object.entries(configs)) {
    const perRun = [];
    for (let i = 0; i < runs; i += 1) {
      const report = i === 0 && reportDir ? `${reportDir}/flow-${formFactor}.html` : undefined;
      perRun.push(await oneFlow(url, envelope, config, chromePath, report));
    }
    results[formFactor] = {
      runs,
      startPage: medians(perRun.map((r) => r.startPage)),
      savedDraftLoad: medians(perRun.map((r) => r.savedDraftLoad)),
      resumeToBudget: medians(perRun.map((r) => r.resumeToBudget)),
      budgetStep: medians(perRun.map((r) => r.budgetStep)),
    };
  }
  return results;
}

async function oneFlow(url, envelope, config, chromePath, reportPath) {
  // A fresh browser per run: nothing cached or compiled from an earlier run.
  const browser = await puppeteer.launch({
    executablePath: chromePath,
    headless: true,
    defaultViewport: null, // Lighthouse sets the viewport of each form factor
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage();
    const flow = await startFlow(page, { config, flags: { logLevel: 'error' } });
    await flow.navigate(url, { name: 'Start page' });

    const draft = JSON.stringify(draftOn(envelope, 'budget'));
    await page.evaluate((key, text) => localStorage.setItem(key, text), DRAFT_KEY, draft);
    await flow.navigate(url, { name: 'Start page with a saved draft' });
    await page.waitForSelector('[data-role=resume]');

    await flow.startTimespan({ name: 'Resume to the budget step' });
    await page.click('[data-role=resume]');
    await page.waitForFunction(
      () => document.querySelector('button#budget-rows') && document.activeElement?.matches('.sku-app h1'),
    );
    await flow.endTimespan();

    await flow.snapshot({ name: 'Budget step' });
    if (reportPath) {
      mkdirSync(reportPath.replace(/\/[^/]*$/, ''), { recursive: true });
      writeFileSync(reportPath, await flow.generateReport());
    }
    const [start, saved, resume, budget] = (await flow.createFlowResult()).steps.map((s) => s.lhr);
    return {
      startPage: figures(start),
      savedDraftLoad: figures(saved),
      resumeToBudget: figures(resume),
      budgetStep: figures(budget),
    };
  } finally {
    await browser.close();
  }
}

const AUDITS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  ttiMs: 'interactive', // still computed by Lighthouse 13, hidden from its report
  speedIndexMs: 'speed-index',
  cls: 'cumulative-layout-shift',
  inpMs: 'interaction-to-next-paint',
  transferBytes: 'total-byte-weight', // shows the server's brotli reached the browser
};

/** The scores (0–100) and metrics one Lighthouse step offers (null when not in its mode). */
function figures(lhr) {
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const out = { mode: lhr.gatherMode, performance: score('performance'), accessibility: score('accessibility') };
  for (const [key, id] of Object.entries(AUDITS)) out[key] = lhr.audits[id]?.numericValue ?? null;
  // What the unthrottled page load showed, before Lighthouse simulates a phone on slow 4G
  // from it: tells a slow paint from a pessimistic estimate.
  const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
  out.observedFcpMs = observed.observedFirstContentfulPaint ?? null;
  out.observedLcpMs = observed.observedLargestContentfulPaint ?? null;
  // Accessibility audits that did not pass, so a score under 100 says why.
  out.failedAccessibilityAudits = (lhr.categories.accessibility?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.scoreDisplayMode === 'binary' && a.score !== null && a.score < 1)
    .map((a) => a.id);
  out.warnings = lhr.runWarnings ?? [];
  if (lhr.runtimeError) out.warnings.push(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  return out;
}

/** Median of every numeric figure over runs; lists are joined (unique). */
function medians(runs) {
  const out = {};
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((r) => r[key]);
    if (Array.isArray(values[0])) out[key] = [...new Set(values.flat())];
    else if (typeof values[0] === 'string') out[key] = values[0];
    else out[key] = median(values.filter((v) => v !== null));
  }
  out.samples = runs.map(({ failedAccessibilityAudits, warnings, ...numbers }) => numbers);
  return out;
}
