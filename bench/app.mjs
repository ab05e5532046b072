// Driving the app for the in-browser measurements: a fresh browser context per run, the
// bench-only instrumentation (an init script, no product change) and saved drafts that
// take the app straight back to a given step through its own resume prompt.
import { launchBrowser } from '../tests/browser/support/harness.mjs';
import { fastDriver, fillUntil, fillStep, continueFrom, internship, waitForStep } from '../tests/browser/support/journeys.mjs';
import { DRAFT_KEY } from '../tests/browser/support/drafts.mjs';

export { launchBrowser };

/**
 * Runs in every document before the app's scripts:
 * - keeps the wasm instance's exported memory (wrapping WebAssembly.instantiate and
 *   instantiateStreaming) so its size can be read after the form is completed;
 * - records `usable`: the first moment the start page's heading is rendered and its
 *   Start button exists and is enabled (Leptos renders on the client, so a rendered
 *   button already has its click handler).
 */
function instrumentation() {
  const bench = (window.__bench = { marks: {}, wasmMemories: [] });
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    const memory = instance?.exports?.memory;
    if (memory instanceof WebAssembly.Memory) bench.wasmMemories.push(memory);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then(keep);
    };
  }
  const usable = () => {
    const button = document.querySelector('.sku-app:not([data-sku-static]) [data-role=start]');
    return Boolean(document.querySelector('.sku-app:not([data-sku-static]) h1') && button && !button.disabled);
  };
  const observer = new MutationObserver(() => {
    if (bench.marks.usable || !usable()) return;
    bench.marks.usable = performance.now();
    requestAnimationFrame(() => (bench.marks.usableFrame = performance.now()));
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * A fresh context (empty storage, cold cache) with the instrumentation installed.
 * `cpuSlowdown` > 1 slows the page's CPU as Lighthouse's mobile preset does (4×), through
 * CDP's Emulation.setCPUThrottlingRate (kept across navigations of this page).
 */
export async function newInstrumentedPage(browser, { width = 1280, height = 900, seed, cpuSlowdown = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  await context.addInitScript(instrumentation);
  // A saved draft, written before the app reads its storage (first document only, so
  // the app's own saves are not overwritten later).
  if (seed) await context.addInitScript(seedDraft, [DRAFT_KEY, JSON.stringify(seed)]);
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  return page;
}

function seedDraft([key, text]) {
  if (sessionStorage.getItem('bench-seeded')) return;
  localStorage.setItem(key, text);
  sessionStorage.setItem('bench-seeded', '1');
}

/** `envelope` saved on `slug` (a step slug of src/domain/step.rs), with `budgetRows` rows. */
export function draftOn(envelope, slug, budgetRows) {
  const copy = structuredClone(envelope);
  copy.step = slug;
  copy.saved_at_ms = Date.now();
  delete copy.tab_id; // as if saved by an earlier visit, not by another open tab
  if (budgetRows) {
    const template = copy.draft.budget_rows[0];
    copy.draft.budget_rows = Array.from({ length: budgetRows }, (_, i) => ({
      ...template,
      description: `Kostnad ${i + 1}`,
      amount: '1000',
    }));
  }
  return copy;
}

/**
 * Opens the app with `envelope` in its storage and presses "Fortsätt" on the resume
 * prompt; resolves when `step` (a journeys.mjs step name) is shown.
 */
export async function resumeAt(browser, url, envelope, step, { cpuSlowdown } = {}) {
  const page = await newInstrumentedPage(browser, { seed: envelope, cpuSlowdown });
  await page.goto(url);
  await page.click('[data-role=resume]');
  await waitForStep(page, step, { timeout: 20000 });
  return page;
}

/** From the declaration (ticked) to the confirmation page. */
export async function confirm(page) {
  await continueFrom(fastDriver(page), internship, 'declaration');
}

export const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
