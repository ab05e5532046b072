// The budgets of the issue, and the Markdown report (docs/benchmarks.md).

const KB = 1024;
const kb = (bytes) => (bytes / KB).toFixed(1);
const ms = (value) => (value == null ? '–' : value === 0 ? '0' : value < 10 ? value.toFixed(2) : value.toFixed(0));
const mib = (bytes) => (bytes == null ? '–' : (bytes / 2 ** 20).toFixed(1));
const num = (value) => (value == null ? '–' : String(value));

/**
 * Each budget: what it limits, the measured value, whether it holds (null when that
 * part was not measured, e.g. with --only).
 */
export function checkBudgets(r) {
  const budgets = [];
  const add = (name, value, limit, ok, shown) =>
    budgets.push({ name, value, limit, ok: value == null ? null : ok, shown: value == null ? '–' : shown });
  const firstLoad = r.sizes?.firstLoad.total.brotli;
  add('first load, brotli total', firstLoad, '≤ 100 KB', firstLoad <= 100 * KB, firstLoad == null ? '–' : `${kb(firstLoad)} KB`);
  const mobile = r.lighthouse?.mobile;
  for (const [label, nav, snap] of [
    ['start page', mobile?.startPage, mobile?.startPage],
    ['question step (budget)', mobile?.savedDraftLoad, mobile?.budgetStep],
  ]) {
    add(`Lighthouse mobile performance, ${label}`, nav?.performance, '≥ 95', nav?.performance >= 95, num(nav?.performance));
    add(`Lighthouse mobile accessibility, ${label}`, snap?.accessibility, '= 100', snap?.accessibility === 100, num(snap?.accessibility));
  }
  // Issue 13: the start page on screen and usable sooner on a phone (medians).
  const start = mobile?.startPage;
  add('Lighthouse mobile LCP, start page, median', start?.lcpMs, '≤ 1.2 s', start?.lcpMs <= 1200, `${ms(start?.lcpMs)} ms`);
  add('Lighthouse mobile TTI, start page, median', start?.ttiMs, '≤ 1.5 s', start?.ttiMs <= 1500, `${ms(start?.ttiMs)} ms`);
  const keystroke = r.timings?.keystrokeToTotals;
  add('keystroke to updated totals (key event → DOM), 100 rows, median', keystroke?.dom, '< 16 ms', keystroke?.dom < 16, `${ms(keystroke?.dom)} ms`);
  const pdf = r.timings?.bundle?.cold.pdfMs;
  add('PDF of a full application (fresh worker), median', pdf, '< 300 ms', pdf < 300, `${ms(pdf)} ms`);
  const axe = r.axe?.violations.length;
  add('axe-core violations, every step and state', axe, '0', axe === 0, num(axe));
  return budgets;
}

export function renderMarkdown(r) {
  const out = [];
  const line = (text = '') => out.push(text);
  // Numbers are right-aligned; `textColumns` columns (from the left) are not.
  const table = (header, rows, textColumns = 1) => {
    line(`| ${header.join(' | ')} |`);
    line(`| ${header.map((h, i) => (i < textColumns ? '---' : '---:')).join(' | ')} |`);
    for (const row of rows) line(`| ${row.join(' | ')} |`);
    line();
  };
  const m = r.machine;
  line('# Benchmarks');
  line();
  line(`Made by \`make bench\` (bench/run.mjs${r.quick ? ' --quick: few runs, for the format only' : ''}) on ${m.date.slice(0, 10)} ` +
    `in ${r.durationSeconds} s. Re-run it on a quiet machine before quoting a figure; timings move with load.`);
  line();
  table(['machine', ''], [
    ['CPU', `${m.cpuModel}, ${m.cores} cores`],
    ['memory', `${m.memoryGiB} GiB`],
    ['OS', m.os],
    ['browser', m.chromium],
    ['Node', m.node],
  ], 2);

  line('## Budgets');
  line();
  table(['budget', 'limit', 'measured', ''], r.budgets.map((b) => [b.name, b.limit, b.shown, b.ok === null ? 'not measured' : b.ok ? 'met' : '**BROKEN**']), 1);

  if (r.sizes) {
    const s = r.sizes;
    const rows = (t) => [...t.files.map((f) => [f.file, kb(f.raw), kb(f.gzip), kb(f.brotli)]), ['**total**', kb(t.total.raw), kb(t.total.gzip), `**${kb(t.total.brotli)}**`]];
    line('## Sizes');
    line();
    line('KB = 1024 bytes; gzip level 9, brotli quality 11 (what the bench server sends).');
    line();
    line('First page load (index.html and every file it references):');
    line();
    table(['file', 'raw KB', 'gzip KB', 'brotli KB'], rows(s.firstLoad));
    line('The PDF module, fetched only when the applicant makes the PDF or sends:');
    line();
    table(['file', 'raw KB', 'gzip KB', 'brotli KB'], rows(s.pdfModule));
    line('The font, embedded in worker_bg.wasm (already counted above):');
    line();
    table(['file', 'raw KB', 'gzip KB', 'brotli KB'], rows(s.font));
    line('For comparison: SurveyJS is about 320 KB brotli of script and CSS before a single question.');
    line();
    if (s.floor) {
      const floor = Object.fromEntries(s.floor.map((r) => [r.module, r]));
      const { leptos_only: leptosOnly, leptos_and_core: core, signals_only: signalsOnly, app } = floor;
      const others = s.firstLoad.total.brotli - s.firstLoad.files.filter((f) => f.file.endsWith('.wasm')).reduce((n, f) => n + f.brotli, 0);
      line('The floor (bench/floor.mjs): the same wasm-bindgen and wasm-opt steps on a minimal Leptos page, on that ' +
        'page with the domain core every first load needs (reading a draft, checking the whole application, its JSON, ' +
        'its errors in both languages), and on the app (without the short import names, so a little above the table).');
      line();
      table(['wasm module', 'raw KB', 'brotli KB'], [
        ['Leptos alone (`leptos_only`)', kb(leptosOnly.raw), kb(leptosOnly.brotli)],
        ['the same page with Leptos\' signals but no view layer (`signals_only`, the DOM API directly)', kb(signalsOnly.raw), kb(signalsOnly.brotli)],
        ['Leptos and the domain core (`leptos_and_core`)', kb(core.raw), kb(core.brotli)],
        ['the app', kb(app.raw), kb(app.brotli)],
        ["the app's own views, texts and browser glue (app − floor)", '–', kb(app.brotli - core.brotli)],
        ['left for them in a 100 KB first load (100 KB − floor − the other first-load files)', '–', kb(100 * KB - core.brotli - others)],
      ]);
    }
  }

  if (r.lighthouse) {
    line('## Lighthouse');
    line();
    line(`Lighthouse 13 user flows (puppeteer-core, ${m.chromium}), a fresh browser per run, ` +
      `${r.lighthouse.mobile.runs} run(s) per form factor, medians. Mobile is Lighthouse's default ` +
      '(simulated slow 4G and 4× CPU slowdown), desktop its desktop preset. The app is served on loopback ' +
      'with brotli (bench/server.mjs).');
    line();
    line('The app keeps one URL for every step, so a question step is measured in the same flow: after the ' +
      'start page, a complete application saved on the budget step is put in localStorage and the page is ' +
      'loaded again (the resume prompt: that load is how an applicant returns to a question step), a timespan ' +
      'covers the click on "Fortsätt" until the budget step is shown, and a snapshot scores the budget step\'s ' +
      'accessibility. Performance scores exist only for navigations.');
    line();
    const rows = [];
    for (const [formFactor, x] of Object.entries(r.lighthouse)) {
      rows.push([`${formFactor}: start page`, num(x.startPage.performance), num(x.startPage.accessibility), ms(x.startPage.fcpMs), ms(x.startPage.lcpMs), ms(x.startPage.tbtMs), ms(x.startPage.ttiMs), ms(x.startPage.speedIndexMs), '–']);
      rows.push([`${formFactor}: load with a saved draft`, num(x.savedDraftLoad.performance), num(x.savedDraftLoad.accessibility), ms(x.savedDraftLoad.fcpMs), ms(x.savedDraftLoad.lcpMs), ms(x.savedDraftLoad.tbtMs), ms(x.savedDraftLoad.ttiMs), ms(x.savedDraftLoad.speedIndexMs), '–']);
      rows.push([`${formFactor}: click "Fortsätt" → budget step (timespan)`, '–', '–', '–', '–', ms(x.resumeToBudget.tbtMs), '–', '–', ms(x.resumeToBudget.inpMs)]);
      rows.push([`${formFactor}: budget step (snapshot)`, '–', num(x.budgetStep.accessibility), '–', '–', '–', '–', '–', '–']);
    }
    table(['step', 'performance', 'accessibility', 'FCP ms', 'LCP ms', 'TBT ms', 'TTI ms', 'Speed Index ms', 'INP ms'], rows);
    const transfer = r.lighthouse.mobile.startPage.transferBytes;
    if (transfer) line(`Bytes transferred for the start page as Lighthouse saw them (brotli, with headers): ${kb(transfer)} KB.`);
    line();
    line('The HTML flow report of the first run per form factor: bench/lighthouse-reports/ (not committed).');
    line();
    line('TTI: Lighthouse 13 still computes the `interactive` audit (weight 0, hidden from its report); it is shown ' +
      'here, next to the in-browser "first step usable" below, which is the figure to quote.');
    const start = r.lighthouse.mobile.startPage;
    if (start.observedLcpMs != null) {
      line();
      line(`LCP: in the page load Lighthouse observed (unthrottled, before simulating the phone) the mobile start page's ` +
        `first contentful paint came at ${ms(start.observedFcpMs)} ms and its largest at ${ms(start.observedLcpMs)} ms ` +
        '(medians). The simulated LCP is much larger than the simulated FCP because Lighthouse\'s simulation (Lantern) ' +
        'counts every request that started before the largest paint, and index.html preloads the wasm so that the form ' +
        "is usable sooner: the simulated LCP follows the wasm's download until the wasm is smaller, or fetched only " +
        'after the first paint (which would make the form usable later).');
    }
    const failed = Object.entries(r.lighthouse).flatMap(([ff, x]) =>
      ['startPage', 'savedDraftLoad', 'budgetStep'].flatMap((k) => x[k].failedAccessibilityAudits.map((a) => `${ff} ${k}: ${a}`)));
    line();
    line(failed.length ? `Failed accessibility audits: ${failed.join('; ')}.` : 'No accessibility audit failed.');
    const warnings = [...new Set(Object.values(r.lighthouse).flatMap((x) => ['startPage', 'savedDraftLoad', 'resumeToBudget', 'budgetStep'].flatMap((k) => x[k].warnings)))];
    if (warnings.length) line(`Lighthouse warnings: ${warnings.join(' ')}`);
    line();
  }

  if (r.timings) {
    const t = r.timings;
    line('## In-browser timings');
    line();
    line(`Headless Chromium (playwright-core), 1280×900, no throttling, the same brotli server, a fresh context per page load; ` +
      'timed inside the page with performance.now() from the input event\'s timeStamp to the DOM change ' +
      '(MutationObserver) and to the next animation frame. Medians. Both Continue presses run the full ' +
      'validation of the application (src/domain/validate.rs) before the next step is shown. The 4× CPU ' +
      'slowdown rows (CDP Emulation.setCPUThrottlingRate, as Lighthouse\'s mobile preset) are for information; ' +
      'the budgets use the unthrottled figures.');
    line();
    const u = t.firstStepUsable;
    const k = t.keystrokeToTotals;
    const v = t.validation;
    const b = t.bundle;
    const b100 = t.bundle100Rows;
    const d = t.clickToDownload;
    table(['measurement', 'runs', 'median ms', 'to next frame ms'], [
      ['navigation → start page usable (heading shown, Start button enabled)', u.runs, ms(u.usableMs), ms(u.usableFrameMs)],
      ['navigation → first contentful paint (same loads)', u.runs, ms(u.fcpMs), '–'],
      [`keystroke → updated totals, ${k.rows} budget rows`, `${k.keystrokes} keys, ${k.pageLoads} loads`, ms(k.dom), ms(k.frame)],
      ...(t.firstStepUsableSlowCpu ? [
        [`navigation → start page usable, ${t.firstStepUsableSlowCpu.cpuSlowdown}× CPU slowdown`, t.firstStepUsableSlowCpu.runs, ms(t.firstStepUsableSlowCpu.usableMs), ms(t.firstStepUsableSlowCpu.usableFrameMs)],
        [`keystroke → updated totals, ${k.rows} rows, ${t.keystrokeToTotalsSlowCpu.cpuSlowdown}× CPU slowdown`, `${t.keystrokeToTotalsSlowCpu.keystrokes} keys, ${t.keystrokeToTotalsSlowCpu.pageLoads} load`, ms(t.keystrokeToTotalsSlowCpu.dom), ms(t.keystrokeToTotalsSlowCpu.frame)],
      ] : []),
      ['validate the complete application: Continue on check answers → declaration shown', v.runs, ms(v.checkToDeclaration.dom), ms(v.checkToDeclaration.frame)],
      ['validate again: Continue on the declaration → confirmation shown', v.runs, ms(v.declarationToConfirmation.dom), ms(v.declarationToConfirmation.frame)],
      ['worker start: new Worker → "ready"', b.workers, ms(b.workerStartupMs), '–'],
      ['PDF, complete application, fresh worker (pdfMs)', b.cold.runs, ms(b.cold.pdfMs), '–'],
      ['PDF + zip bundle, fresh worker (totalMs)', b.cold.runs, ms(b.cold.totalMs), '–'],
      ['PDF, warm worker (pdfMs)', b.warm.runs, ms(b.warm.pdfMs), '–'],
      ['PDF + zip bundle, warm worker (totalMs)', b.warm.runs, ms(b.warm.totalMs), '–'],
      [`PDF, ${b100.budgetRows} budget rows, fresh worker`, b100.cold.runs, ms(b100.cold.pdfMs), '–'],
      [`PDF + zip, ${b100.budgetRows} budget rows, warm worker`, b100.warm.runs, ms(b100.warm.totalMs), '–'],
      ['click "download" → download starts (through the UI, worker started by the click; timed in Node)', d.runs, ms(d.clickToDownloadMs), '–'],
    ]);
    const mem = t.memoryAfterCompletingTheForm;
    line(`Memory after completing the form through the UI (confirmation page, after a forced garbage collection, ` +
      `median of ${mem.runs}): JS heap used ${mib(mem.jsHeapUsedBytes)} MiB (of ${mib(mem.jsHeapTotalBytes)} MiB allocated), ` +
      `wasm linear memory ${mib(mem.wasmMemoryBytes)} MiB, ${num(mem.domNodes)} DOM nodes. The worker's memory is its own ` +
      'and not included.');
    line();
    line(`The bundle of the complete application is ${kb(b.zipBytes)} KB (zip of the JSON and the PDF).`);
    line();
  }

  if (r.axe) {
    line('## axe-core');
    line();
    line(`axe-core (WCAG 2.0/2.1 A and AA, best practice) over ${r.axe.statesChecked} states: every step empty, ` +
      `with errors and filled, for ${r.axe.applications.length === 1 ? 'the application' : 'both applications'} ` +
      `(${r.axe.applications.join('; ')}).`);
    line();
    if (!r.axe.violations.length) line('No violations.');
    else table(['application', 'step', 'state', 'rule', 'elements'], r.axe.violations.map((v) => [v.application, v.step, v.state, `${v.id}: ${v.help}`, v.nodes.join(', ')]), 5);
    line();
  }
  line(`Raw figures, every sample: docs/benchmarks.json. Runs per measurement: ${Object.entries(r.runs).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  line();
  return out.join('\n');
}
