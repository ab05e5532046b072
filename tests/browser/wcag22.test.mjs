// WCAG 2.2 AA criteria that axe-core cannot see, checked in Chromium on every step and
// state that matters, with the engine-neutral checks of support/wcag.mjs (the same
// functions run in Firefox and WebKit through their adapters). Chromium-only here: the
// emulation of forced colours and reduced motion (`page.emulateMedia`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, launchBrowser, serveDirectory } from './support/harness.mjs';
import { serveExamples, STRICT_CSP } from './support/embed.mjs';
import {
  internship,
  exchange,
  walkAllStates,
  fastDriver,
  fillUntil,
  fillStep,
  continueFrom,
  waitForStep,
  waitForErrorSummary,
  stepsFor,
  switchLanguage,
  tabTo,
} from './support/journeys.mjs';
import {
  targetSizeProblems,
  focusState,
  tabThroughFocusProblems,
  textSpacingProblems,
  reflowProblems,
  focusIndicatorProblems,
  errorVisibilityProblems,
  selectionVisibleProblems,
  motionProblems,
  labelInNameProblems,
  questionsOnPage,
  askedTwiceProblems,
} from './support/wcag.mjs';

let server;
let examples;
let browser;

before(async () => {
  server = await serveDirectory();
  examples = await serveExamples(STRICT_CSP);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([server, examples].map((s) => s?.close()));
});

async function withPage(options, body) {
  const page = await openApp(browser, server.url, options);
  try {
    await body(page);
    assert.deepEqual(page.problems, [], 'no page or console errors');
  } finally {
    await page.context().close();
  }
}

/** Runs `check(page)` in every state of `app`'s walk; returns the problems by state. */
async function inEveryState(page, app, check) {
  const found = {};
  let visited = 0;
  await walkAllStates(page, app, async (step, state) => {
    visited += 1;
    const problems = await check(page, step, state);
    if (problems.length) found[`${step} (${state})`] = problems;
  });
  assert.ok(visited >= 30, `every state was visited (${visited})`);
  return found;
}

// ---------------------------------------------------------------------------------------
// 2.5.8 Target Size (Minimum)

for (const app of [internship, exchange]) {
  test(`2.5.8: every control is at least 24×24 CSS px or spaced apart, in every state (${app.label})`, async () => {
    await withPage({ width: 320, height: 640 }, async (page) => {
      const found = await inEveryState(page, app, targetSizeProblems);
      assert.deepEqual(found, {}, 'targets under 24×24 px without room around them, by step and state');
    });
  });
}

// ---------------------------------------------------------------------------------------
// 2.5.3 Label in Name

for (const [app, lang] of [
  [internship, 'sv'],
  [exchange, 'en'],
]) {
  test(`2.5.3: every control's accessible name contains its visible label, in every state, ${lang} (${app.label})`, async () => {
    await withPage({}, async (page) => {
      if (lang === 'en') await switchLanguage(page);
      const found = await inEveryState(page, app, labelInNameProblems);
      assert.deepEqual(found, {}, 'controls whose name does not contain their visible label');
    });
  });
}

// ---------------------------------------------------------------------------------------
// 1.4.12 Text Spacing

for (const [app, width] of [
  [internship, 320],
  [exchange, 1280],
]) {
  test(`1.4.12: with the text spacing of WCAG nothing is cut off or overlaps, at ${width} px, in every state (${app.label})`, async () => {
    await withPage({ width, height: 800 }, async (page) => {
      const found = await inEveryState(page, app, textSpacingProblems);
      assert.deepEqual(found, {}, 'clipped or overlapping text with wider spacing');
    });
  });
}

// ---------------------------------------------------------------------------------------
// 1.4.10 Reflow: 400 % zoom of a 1280×1024 window is 320×256 CSS px.

for (const app of [internship, exchange]) {
  test(`1.4.10: at 400 % zoom (320×256 CSS px) nothing scrolls sideways or sticks out, in every state (${app.label})`, async () => {
    await withPage({ width: 320, height: 256 }, async (page) => {
      const found = await inEveryState(page, app, reflowProblems);
      assert.deepEqual(found, {}, 'sideways scrolling at 320×256');
    });
  });
}

// ---------------------------------------------------------------------------------------
// 2.4.11 Focus Not Obscured (Minimum), on the example host page with its sticky header.

/** Follows each link of the error summary with Enter; the problems of the focus after each. */
async function followSummaryLinksFocus(page) {
  const problems = [];
  const count = await page.evaluate(() => document.querySelectorAll('#sku-error-summary a').length);
  for (let i = 0; i < count; i += 1) {
    await page.evaluate((n) => document.querySelectorAll('#sku-error-summary a')[n].focus(), i);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.activeElement.closest('#sku-error-summary'), null, { timeout: 3000 });
    const state = await focusState(page);
    if (state.problem) problems.push(`error summary link ${i + 1}: ${state.problem}`);
  }
  return problems;
}

for (const app of [internship, exchange]) {
  test(`2.4.11: on the host page with a sticky header, focus is never hidden behind it: every control of every step, forwards and backwards, the heading after Continue and each error link (${app.label})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      await page.goto(`${examples.url}host/`);
      await page.waitForSelector('.sku-app h1');
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).position), 'sticky', 'the site header is sticky at 1280×720');
      const d = fastDriver(page);
      const found = {};
      let visited = 0;
      let step = 'start';
      const note = (state, problems) => {
        if (problems.length) found[`${step} (${state})`] = [...(found[`${step} (${state})`] ?? []), ...problems];
      };
      while (true) {
        const heading = await focusState(page);
        note('heading', heading.problem ? [heading.problem] : []);
        if (!['start', 'check', 'declaration', 'confirmation'].includes(step)) {
          if (step === 'attachments') {
            await page.setInputFiles('#attachments', [{ name: 'tom.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }]);
          } else {
            await d.submit();
          }
          await waitForErrorSummary(page);
          const summary = await focusState(page);
          note('error summary', summary.problem ? [summary.problem] : []);
          note('error links', await followSummaryLinksFocus(page));
        }
        await fillStep[step]?.(d, app);
        // From the top of the step: Tab through everything, then Shift+Tab back.
        await page.evaluate(() => {
          window.scrollTo(0, 0);
          document.querySelector('.sku-app h1').focus();
        });
        const tabbing = await tabThroughFocusProblems(page);
        visited += tabbing.visited;
        note('tabbing', tabbing.problems);
        if (step === 'confirmation') break;
        step = await continueFrom(d, app, step);
      }
      assert.ok(visited > 150, `Tab and Shift+Tab met ${visited} controls`);
      assert.deepEqual(found, {}, 'focus hidden behind the sticky header, by step');
    } finally {
      await context.close();
    }
  });
}

test('1.4.10: the host page at 400 % zoom (320×256 CSS px): its header scrolls away, nothing scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 256 } });
  try {
    const page = await context.newPage();
    await page.goto(`${examples.url}host/`);
    await page.waitForSelector('.sku-app h1');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).position), 'static');
    const d = fastDriver(page);
    const found = {};
    let step = await continueFrom(d, internship, 'start');
    while (step !== 'check') {
      await fillStep[step](d, internship);
      const problems = await reflowProblems(page);
      if (problems.length) found[step] = problems;
      step = await continueFrom(d, internship, step);
    }
    assert.deepEqual(found, {});
  } finally {
    await context.close();
  }
});
