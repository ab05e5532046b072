// WCAG 2.2 AA criteria that axe-core cannot see, checked in Chromium on every step and
// state that matters, with the engine-neutral checks of support/wcag.mjs (the same
// functions run in Firefox and WebKit through their adapters). Chromium-only here: the
// emulation of forced colours and reduced motion (`page.emulateMedia`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, launchBrowser, serveDirectory, pageWithSettings } from './support/harness.mjs';
import { startReceiver } from './support/receiver.mjs';
import { serveExamples, STRICT_CSP } from './support/embed.mjs';
import {
  internship,
  exchange,
  walkAllStates,
  inEveryState,
  fastDriver,
  fillUntil,
  fillStep,
  continueFrom,
  waitForStep,
  waitForErrorSummary,
  switchLanguage,
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

/** `options.url`: another server than the release build's (default). */
async function withPage(options, body) {
  const page = await openApp(browser, options.url ?? server.url, options);
  try {
    await body(page);
    assert.deepEqual(page.problems, [], 'no page or console errors');
  } finally {
    await page.context().close();
  }
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
    // Focus must land on the question, in the form: on <body> it would be lost, not hidden.
    await page
      .waitForFunction(() => document.activeElement.closest('.sku-app') && !document.activeElement.closest('#sku-error-summary'), null, { timeout: 3000 })
      .catch(() => {});
    const state = await focusState(page);
    if (!state.inApp) problems.push(`error summary link ${i + 1}: focus went to ${state.at}, not to its question`);
    else if (state.problem) problems.push(`error summary link ${i + 1}: ${state.problem}`);
  }
  return problems;
}

for (const app of [internship, exchange]) {
  test(`2.4.11: on the host page with a sticky header, focus is never hidden behind it: every control of every step, forwards and backwards, the heading after Continue and each error link (${app.label})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      await page.goto(`${examples.url}host/`);
      await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
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
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
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

test('2.5.8: the back link is a target of at least 24×24 CSS px on its own, not only by the space around it', async () => {
  await withPage({}, async (page) => {
    await continueFrom(fastDriver(page), internship, 'start');
    const box = await page.evaluate(() => {
      const r = document.querySelector('.sku-back-link').getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    assert.ok(box.width >= 24 && box.height >= 24, `the back link is ${box.width.toFixed(1)}×${box.height.toFixed(1)} px`);
  });
});

// ---------------------------------------------------------------------------------------
// Focus indicators (2.4.7, 1.4.11) and forced colours: screenshots, checked pixel by pixel.

for (const forced of [false, true]) {
  const mode = forced ? 'in forced colours' : 'in the default colours';
  test(`2.4.7 and 1.4.11: every control of every step shows its focus with a 3:1 change around it, ${mode} (${exchange.label})`, async () => {
    await withPage({}, async (page) => {
      if (forced) await page.emulateMedia({ forcedColors: 'active' });
      const d = fastDriver(page);
      const found = {};
      let visited = 0;
      let step = 'start';
      while (true) {
        await fillStep[step]?.(d, exchange);
        await page.evaluate(() => document.querySelector('.sku-app h1').focus());
        const result = await focusIndicatorProblems(page);
        visited += result.visited;
        if (result.problems.length) found[step] = result.problems;
        if (step === 'confirmation') break;
        step = await continueFrom(d, exchange, step);
      }
      assert.ok(visited > 80, `${visited} controls were focused`);
      assert.deepEqual(found, {}, 'controls whose focus cannot be seen well enough, by step');
    });
  });
}

for (const forced of [false, true]) {
  const mode = forced ? 'in forced colours' : 'in the default colours';
  test(`errors stay visible ${mode}: the summary's border, each question's bar and its message`, async () => {
    await withPage({}, async (page) => {
      if (forced) await page.emulateMedia({ forcedColors: 'active' });
      const d = fastDriver(page);
      const found = {};
      let step = await continueFrom(d, internship, 'start');
      for (const next of ['applicant', 'dates', 'budget']) {
        await fillUntil(d, internship, next);
        step = next;
        await d.submit();
        await waitForErrorSummary(page);
        const problems = await errorVisibilityProblems(page);
        if (problems.length) found[step] = problems;
      }
      assert.deepEqual(found, {});
    });
  });

  test(`a chosen radio and a ticked checkbox look different from unchosen ones ${mode}`, async () => {
    await withPage({}, async (page) => {
      if (forced) await page.emulateMedia({ forcedColors: 'active' });
      const d = fastDriver(page);
      await continueFrom(d, exchange, 'start');
      const problems = await selectionVisibleProblems(page, ['#applicant-role-1', '#applicant-role']);
      await fillUntil(d, exchange, 'kind');
      problems.push(...(await selectionVisibleProblems(page, ['#kind-2', '#kind-1', '#kind'])));
      await fillUntil(d, exchange, 'declaration');
      problems.push(...(await selectionVisibleProblems(page, ['#declaration'])));
      assert.deepEqual(problems, []);
    });
  });
}

// ---------------------------------------------------------------------------------------
// prefers-reduced-motion

test('prefers-reduced-motion: reduce: nothing animates, transitions or scrolls smoothly, in every state, also right after focus moves to an error', async () => {
  await withPage({ width: 1280, height: 600 }, async (page) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const found = await inEveryState(page, internship, async (page, step, state) => {
      if (state === 'error') {
        // The last error link: its field is furthest down, so following it scrolls.
        await page.evaluate(() => [...document.querySelectorAll('#sku-error-summary a')].pop()?.focus());
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => !document.activeElement.closest('#sku-error-summary'), null, { timeout: 3000 });
      }
      return motionProblems(page);
    });
    assert.deepEqual(found, {}, 'motion under prefers-reduced-motion: reduce');
  });
});

// ---------------------------------------------------------------------------------------
// 3.3.7 Redundant Entry and 1.3.5 Identify Input Purpose

for (const [app, lang] of [
  [internship, 'sv'],
  [exchange, 'en'],
]) {
  test(`3.3.7 and 1.3.5: nothing is asked twice, and only the applicant's own details have an autocomplete purpose, ${lang} (${app.label})`, async () => {
    await withPage({}, async (page) => {
      if (lang === 'en') await switchLanguage(page);
      const d = fastDriver(page);
      const visits = [];
      await continueFrom(d, app, 'start');
      await fillUntil(d, app, 'check', {
        onStep: async (step) => visits.push({ step, ...(await questionsOnPage(page)) }),
      });
      assert.ok(visits.length >= 9, `every question step was read (${visits.length})`);
      assert.deepEqual(askedTwiceProblems(visits), [], 'questions and instructions that ask for an earlier answer again');
      const purposes = Object.fromEntries(
        visits.flatMap((v) => v.fields).filter((f) => f.purpose && f.purpose !== 'off').map((f) => [f.id, f.purpose]),
      );
      assert.deepEqual(purposes, {
        'applicant-name': 'name',
        'applicant-email': 'email',
        'applicant-phone': 'tel',
        ...(app.applicant.school === 'other' ? { 'other-school-name': 'organization' } : {}),
      }, 'autocomplete purposes (the destination country is not the applicant\'s own)');
    });
  });
}

// ---------------------------------------------------------------------------------------
// Findings of docs/accessibility.md, fixed.

test("3.1.1: on the form's own page <html lang> follows the language switch; embedded, it stays the site's", async () => {
  await withPage({}, async (page) => {
    const htmlLang = () => page.evaluate(() => document.documentElement.lang);
    assert.equal(await htmlLang(), 'sv');
    assert.equal(await switchLanguage(page), 'en');
    assert.equal(await htmlLang(), 'en', 'English: the document is English');
    assert.match(await page.title(), /fund for international school exchange/);
    assert.equal(await switchLanguage(page), 'sv');
    assert.equal(await htmlLang(), 'sv');
  });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${examples.url}host/`);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    assert.equal(await switchLanguage(page), 'en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv', "the host page's own language stays");
  } finally {
    await context.close();
  }
});

test('2.4.3: a row moved into the first or last place keeps focus on its own other button', async () => {
  await withPage({}, async (page) => {
    const d = fastDriver(page);
    await continueFrom(d, internship, 'start');
    await fillUntil(d, internship, 'activities');
    await fillStep.activities(d, { activities: internship.activities.slice(0, 3) });
    const description = (i) => page.inputValue(`#activity-${i}-description`);
    const moved = await description(1);
    await page.evaluate(() => document.querySelector('#activity-1-up').focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction((text) => document.querySelector('#activity-0-description').value === text, moved);
    // Focus moves a frame after the rows are drawn: wait for it to reach the moved row,
    // and if it never does, let the assertion below say where it is.
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('activity-0-'), null, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.id), 'activity-0-down', 'moved to the top: focus on its "Flytta ner"');
    await page.evaluate(() => document.querySelector('#activity-0-down').focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction((text) => document.querySelector('#activity-1-description').value === text, moved);
    await page.evaluate(() => document.querySelector('#activity-1-down').focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction((text) => document.querySelector('#activity-2-description').value === text, moved);
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('activity-2-'), null, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.id), 'activity-2-up', 'moved to the bottom: focus on its "Flytta upp"');
  });
});

test('4.1.3: "Utkastet är öppnat" is told in a live region that was in the page, empty, before the file was opened', async () => {
  let file;
  await withPage({}, async (page) => {
    const d = fastDriver(page);
    await continueFrom(d, internship, 'start');
    await fillUntil(d, internship, 'kind');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-role=save-draft]')]);
    file = await readFile(await download.path());
  });
  await withPage({}, async (page) => {
    const region = await page.evaluate(() => {
      const status = document.querySelector('.sku-app [role=status][data-role=draft-status]');
      if (!status) return null;
      status.setAttribute('data-test-before', '');
      return status.textContent.trim();
    });
    assert.equal(region, '', 'an empty status region is in the page before anything happens');
    await page.setInputFiles('#sku-open-draft', { name: 'ansokan-utkast.json', mimeType: 'application/json', buffer: file });
    await waitForStep(page, 'kind');
    await page.waitForSelector('[data-role=draft-opened]');
    assert.equal(
      await page.evaluate(() => Boolean(document.querySelector('[data-role=draft-opened]').closest('[role=status][data-test-before]'))),
      true,
      'the message appeared inside the region that was already there',
    );
    assert.equal(await page.evaluate(() => document.querySelector('[data-role=draft-opened]').getAttribute('role')), null, 'not a second live region of its own');
  });
});

test('3.1.2: a receiver\'s own Swedish words are marked lang="sv" in the English form, in the summary, beside the field and in the failure sentence; its words the app knows are English', async () => {
  const receiver = await startReceiver();
  const sendServer = await serveDirectory(undefined, {}, {}, {
    '/send.html': await pageWithSettings({ 'data-endpoint': receiver.endpoint() }),
  });
  try {
    await withPage({ path: 'send.html', url: sendServer.url }, async (page) => {
      const d = fastDriver(page);
      await fillUntil(d, internship, 'declaration');
      await fillStep.declaration(d, internship);
      await receiver.queueFaults(['422-fields']);
      await switchLanguage(page);
      await page.click('[data-role=continue]');
      await waitForErrorSummary(page, { timeout: 15000 });
      const items = await page.$$eval('#sku-error-summary li', (lis) =>
        // The language a screen reader uses: the nearest lang around the words.
        lis.map((li) => ({ text: li.textContent.trim().slice(0, 20), lang: (li.querySelector('a') ?? li).closest('[lang]').getAttribute('lang') })),
      );
      assert.deepEqual(items, [
        { text: 'Enter your email add', lang: 'en' },
        { text: 'Beloppet är större ä', lang: 'sv' },
        { text: 'Ange vilket skolområ', lang: 'sv' },
      ]);
      // The failure sentence quotes the receiver's detail inside English.
      assert.equal(
        await page.$eval('[data-role=delivery-failed] p', (p) => [...p.querySelectorAll('[lang]')].map((e) => `${e.getAttribute('lang')}: ${e.textContent}`).join()),
        'sv: Ansökan har 3 fel som behöver rättas innan den kan tas emot.',
      );
      await page.click('#sku-error-summary a[href="#budget-0-amount"]');
      await page.waitForFunction(() => document.activeElement?.id === 'budget-0-amount', null, { timeout: 5000 });
      assert.equal(
        await page.$eval('#budget-0-amount-error', (p) => [...p.querySelectorAll('[lang]')].map((e) => `${e.getAttribute('lang')}: ${e.textContent.slice(0, 20)}`).join()),
        'sv: Beloppet är större ä',
        'the inline message too',
      );
    });
  } finally {
    await sendServer.close();
    receiver.close();
  }
});
