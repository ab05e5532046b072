// axe-core finds no WCAG 2.1 A/AA or best-practice violations on any step in any state
// (empty, after an empty Continue, filled in), and at 320 CSS pixels wide (WCAG 1.4.10,
// reflow) no step scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, axeViolations, useServerAndBrowser } from './support/harness.mjs';
import { internship, exchange, walkAllStates, inEveryState, switchLanguage } from './support/journeys.mjs';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

async function withPage(options, body) {
  const page = await openApp(browser, server.url, options);
  try {
    await body(page);
    assert.deepEqual(page.problems, [], 'no page or console errors');
  } finally {
    await page.context().close();
  }
}

for (const app of [internship, exchange]) {
  test(`axe-core: no violations on any step, empty, with errors and filled (${app.label})`, async () => {
    await withPage({}, async (page) => {
      const found = await inEveryState(page, app, axeViolations);
      assert.deepEqual(found, {}, 'axe-core violations by step and state');
    });
  });
}

/** Elements sticking out to the right of the viewport, for the failure message. */
async function overflow(page, width) {
  return page.evaluate((width) => {
    const scroll = document.documentElement.scrollWidth;
    if (scroll <= width) return null;
    const culprits = [...document.querySelectorAll('.sku-app *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 0.5)
      .slice(0, 5)
      .map((el) => {
        const name = el.id ? `#${el.id}` : `.${String(el.className).split(' ')[0]}`;
        return `${el.tagName.toLowerCase()}${name} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`;
      });
    return { scrollWidth: scroll, culprits };
  }, width);
}

for (const [app, lang] of [
  [internship, 'sv'],
  [exchange, 'sv'],
  [exchange, 'en'],
]) {
  test(`320 px wide: no horizontal scrolling on any step, ${lang} (${app.label})`, async () => {
    await withPage({ width: 320, height: 640 }, async (page) => {
      if (lang === 'en') await switchLanguage(page);
      const found = {};
      await walkAllStates(page, app, async (step, state) => {
        const result = await overflow(page, 320);
        if (result) found[`${step} (${state})`] = result;
      });
      assert.deepEqual(found, {}, 'steps wider than 320 px (document.documentElement.scrollWidth)');
    });
  });
}

/**
 * Words of our own texts (hints, error messages, labels, legends, inset texts) that the
 * browser split across two lines: a word broken mid-way ("Objek/t") is hard to read. Slashes
 * and hyphens are places where a line may break, so they separate the words checked here.
 */
async function wordsBrokenAcrossLines(page) {
  return page.evaluate(() => {
    const broken = [];
    const ours = '.sku-hint, .sku-error-message, .sku-label, .sku-fieldset__legend, .sku-inset-text';
    for (const element of document.querySelectorAll(`.sku-app :is(${ours})`)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/[^\s/\-–]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

for (const [app, lang] of [
  [internship, 'sv'],
  [internship, 'en'],
]) {
  test(`360 px wide: no word of a hint, label or message is broken across lines, ${lang} (${app.label})`, async () => {
    await withPage({ width: 360, height: 740 }, async (page) => {
      if (lang === 'en') await switchLanguage(page);
      const found = {};
      await walkAllStates(page, app, async (step, state) => {
        const broken = await wordsBrokenAcrossLines(page);
        if (broken.length) found[`${step} (${state})`] = broken;
      });
      assert.deepEqual(found, {}, 'words split across two lines, by step and state');
    });
  });
}

test('no step repeats its heading as the legend or label of its question', async () => {
  await withPage({}, async (page) => {
    const found = {};
    const headings = {};
    await walkAllStates(page, internship, async (step, state) => {
      if (state !== 'empty') return;
      const result = await page.evaluate(() => {
        const h1s = [...document.querySelectorAll('.sku-app h1')];
        const heading = h1s[0]?.textContent.replace(/\s+/g, ' ').trim() ?? '';
        const repeated = [...document.querySelectorAll('.sku-app legend, .sku-app label')]
          .filter((el) => !el.closest('h1') && !el.querySelector('h1'))
          .map((el) => el.textContent.replace(/\s+/g, ' ').trim())
          .filter((text) => text === heading);
        return { count: h1s.length, heading, repeated, inQuestion: Boolean(h1s[0]?.closest('legend, label') || h1s[0]?.querySelector('label')) };
      });
      headings[step] = result;
      if (result.count !== 1 || result.repeated.length) found[step] = result;
    });
    assert.deepEqual(found, {}, 'steps with other than one h1, or a legend or label that repeats it');
    assert.ok(headings.kind.inQuestion, 'the kind step: the legend is the page heading');
    assert.ok(headings.support.inQuestion, 'the support step: the label is the page heading');
  });
});
