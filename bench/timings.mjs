// Item 3: in-browser timings in headless Chromium (playwright-core). Every figure is
// taken inside the page with performance.now() / event.timeStamp (same clock), from the
// user's input event to the DOM change a MutationObserver sees ("dom") and to the next
// animation frame after it ("frame", roughly when it can be painted).
import { internship, fastDriver, fillUntil, fillStep, continueFrom } from '../tests/browser/support/journeys.mjs';
import { DRAFT_KEY } from '../tests/browser/support/drafts.mjs';
import { newInstrumentedPage, resumeAt, draftOn, confirm, median } from './app.mjs';

/** Time from navigation start to the start page being usable (see app.mjs). */
export async function firstStepUsable(browser, url, runs, { cpuSlowdown = 1 } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await newInstrumentedPage(browser, { cpuSlowdown });
    await page.goto(url);
    // The paint entry is queued after the frame is presented: wait for it too.
    await page.waitForFunction(
      () => window.__bench.marks.usableFrame && performance.getEntriesByName('first-contentful-paint').length,
      null,
      { timeout: 20000 },
    );
    samples.push(
      await page.evaluate(() => ({
        usableMs: window.__bench.marks.usable,
        usableFrameMs: window.__bench.marks.usableFrame,
        fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        wasmFetchedMs: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.responseEnd ?? null,
      })),
    );
    await page.context().close();
  }
  return { cpuSlowdown, ...summarise(samples, runs) };
}

/**
 * Arms a timer in the page: from the next `eventType` event (its timeStamp) to the
 * moment `changed()` first holds after a DOM mutation, and to the frame after that.
 * `changed` is source text of a function, evaluated in the page.
 */
function armTimer(page, eventType, changed) {
  return page.evaluate(
    ([eventType, changedSource]) => {
      const changed = new Function(`return (${changedSource})();`);
      window.__bench.timer = new Promise((resolve) => {
        let t0;
        document.addEventListener(eventType, (e) => (t0 ??= e.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (t0 === undefined || !changed()) return;
          const dom = performance.now() - t0;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ dom, frame: performance.now() - t0 }));
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    },
    [eventType, changed.toString()],
  );
}
const timerResult = (page) => page.evaluate(() => window.__bench.timer);

/**
 * Keystroke to updated totals on a budget of `rows` rows: resumes a saved draft on the
 * budget step, then types into the first row's amount, alternating a digit and Backspace
 * (each changes the total), and times each key until the shown total (#budget-total)
 * reads differently.
 */
export async function keystrokeToTotals(browser, url, envelope, { rows, keystrokes, pageLoads, cpuSlowdown = 1 }) {
  const samples = [];
  for (let load = 0; load < pageLoads; load += 1) {
    const page = await resumeAt(browser, url, draftOn(envelope, 'budget', rows), 'budget', { cpuSlowdown });
    const shownRows = await page.$$eval('[id^=budget-][id$=-amount]', (els) => els.length);
    if (shownRows !== rows) throw new Error(`expected ${rows} budget rows, the page shows ${shownRows}`);
    await page.click('#budget-0-amount');
    await page.keyboard.press('End');
    for (let i = 0; i < keystrokes; i += 1) {
      const before = await page.textContent('#budget-total');
      await armTimer(page, 'keydown', `() => document.querySelector('#budget-total')?.textContent !== ${JSON.stringify(before)}`);
      await page.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
      samples.push(await timerResult(page));
    }
    await page.context().close();
  }
  return { rows, cpuSlowdown, keystrokes: samples.length, pageLoads, ...summarise(samples) };
}

/**
 * Validating the complete application: Continue on the check-answers page (the whole
 * application is validated before the declaration is shown) and Continue on the ticked
 * declaration (validated again, then the confirmation), each timed from the click to
 * the next step's marker appearing.
 */
export async function validation(browser, url, envelope, runs) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await resumeAt(browser, url, draftOn(envelope, 'kontrollera'), 'check');
    await armTimer(page, 'click', `() => Boolean(document.querySelector('input[type=checkbox]#declaration'))`);
    await page.click('[data-role=continue]');
    const checkToDeclaration = await timerResult(page);
    await page.waitForFunction(() => document.activeElement?.matches('.sku-app h1'));
    if (!(await page.isChecked('#declaration'))) await page.check('#declaration');
    await armTimer(page, 'click', `() => Boolean(document.querySelector('[data-role=download-application]'))`);
    await page.click('[data-role=continue]');
    const declarationToConfirmation = await timerResult(page);
    samples.push({ checkToDeclaration, declarationToConfirmation });
    await page.context().close();
  }
  return {
    runs,
    checkToDeclaration: summarise(samples.map((s) => s.checkToDeclaration)),
    declarationToConfirmation: summarise(samples.map((s) => s.declarationToConfirmation)),
  };
}

/**
 * The PDF and the zip bundle, straight from the worker: the page starts the worker as
 * the app does (./worker_loader.js), waits for ["ready"], then posts `jobs` "zip" jobs
 * one after another and reads pdfMs and totalMs from each ["bundle", …] reply. A "zip"
 * job makes the PDF first (the primary download, with the JSON inside: pdfMs), then the
 * zip around it (totalMs), so one job times both files. The first job of a fresh worker
 * is reported apart (cold), the rest as warm medians.
 */
export async function workerBundle(browser, url, envelope, { jobs, workers, budgetRows }) {
  const draftJson = JSON.stringify(draftOn(envelope, 'intyga', budgetRows));
  const results = [];
  for (let w = 0; w < workers; w += 1) {
    const page = await newInstrumentedPage(browser);
    await page.goto(url);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    results.push(
      await page.evaluate(
        async ([draftJson, jobs]) => {
          const t0 = performance.now();
          const worker = new Worker('./worker_loader.js');
          const next = () => new Promise((ok) => (worker.onmessage = (e) => ok(e.data)));
          const ready = await next();
          if (ready[0] !== 'ready') throw new Error(`worker said ${ready}`);
          const startupMs = performance.now() - t0;
          const replies = [];
          for (let i = 0; i < jobs; i += 1) {
            const reply = next();
            const posted = performance.now();
            worker.postMessage(['zip', draftJson, [], 'sv', '', [], '']);
            const [kind, blob, fileName, pdfMs, totalMs] = await reply;
            if (kind !== 'bundle') throw new Error(`worker replied ${kind}: ${blob}`);
            replies.push({ pdfMs, totalMs, roundTripMs: performance.now() - posted, zipBytes: blob.size, fileName });
          }
          worker.terminate();
          return { startupMs, replies };
        },
        [draftJson, jobs],
      ),
    );
    await page.context().close();
  }
  const cold = results.map((r) => r.replies[0]);
  const warm = results.flatMap((r) => r.replies.slice(1));
  return {
    budgetRows: budgetRows ?? envelope.draft.budget_rows.length,
    workers,
    jobsPerWorker: jobs,
    workerStartupMs: median(results.map((r) => r.startupMs)),
    cold: summarise(cold),
    warm: summarise(warm),
    zipBytes: results[0].replies[0].zipBytes,
  };
}

/**
 * Click to download through the UI: from the confirmation page of a resumed complete
 * draft, the time from the click on "download" until the browser reports the download
 * (timed in Node: the download event is not visible to the page). A fresh page per run,
 * so each includes starting the worker, as an applicant's one click does.
 */
export async function clickToDownload(browser, url, envelope, runs) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    // A draft saved on the declaration resumes on check answers (the declaration is
    // given again each time), so the run continues from there to the declaration.
    const page = await resumeAt(browser, url, draftOn(envelope, 'kontrollera'), 'check');
    await page.click('[data-role=continue]');
    await page.waitForSelector('input[type=checkbox]#declaration');
    if (!(await page.isChecked('#declaration'))) await page.check('#declaration');
    await confirm(page);
    const started = performance.now();
    await Promise.all([
      page.waitForEvent('download', { timeout: 30000 }),
      page.click('[data-role=download-application]'),
    ]);
    samples.push({ clickToDownloadMs: performance.now() - started });
    await page.context().close();
  }
  return summarise(samples, runs);
}

/**
 * The whole form filled through the UI (fastDriver) up to the confirmation; returns the
 * saved-draft envelope the app wrote (the "complete application" every other
 * measurement resumes from) and the memory after completing the form: JS heap (CDP
 * Performance.getMetrics after a forced garbage collection) and the wasm instance's
 * linear memory (kept by the instrumentation).
 */
export async function completeTheForm(browser, url, runs) {
  let envelope;
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await newInstrumentedPage(browser);
    await page.goto(url);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    const d = fastDriver(page);
    await fillUntil(d, internship, 'declaration');
    await fillStep.declaration(d, internship);
    envelope = await savedEnvelope(page, (e) => e?.draft?.declaration_confirmed);
    await continueFrom(d, internship, 'declaration');
    samples.push(await memory(page));
    await page.context().close();
  }
  return { envelope, memory: summarise(samples, runs) };
}

async function savedEnvelope(page, accept) {
  for (let i = 0; i < 200; i += 1) {
    const envelope = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)) ?? 'null');
    if (accept(envelope)) return envelope;
    await page.waitForTimeout(50);
  }
  throw new Error('the app did not save the completed draft');
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const wasm = await page.evaluate(() => window.__bench.wasmMemories.map((m) => m.buffer.byteLength));
  return {
    jsHeapUsedBytes: metric('JSHeapUsedSize'),
    jsHeapTotalBytes: metric('JSHeapTotalSize'),
    wasmMemoryBytes: wasm.reduce((a, b) => a + b, 0),
    domNodes: metric('Nodes'),
  };
}

/** Medians of every numeric field of `samples` (objects, possibly nested one level). */
export function summarise(samples, runs = samples.length) {
  const out = { runs };
  const keys = Object.keys(samples[0] ?? {});
  for (const key of keys) {
    if (typeof samples[0][key] === 'number') {
      out[key] = median(samples.map((s) => s[key]));
    }
  }
  out.samples = samples;
  return out;
}
