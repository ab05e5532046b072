// axe-core finds no WCAG 2.1 A/AA or best-practice violations on any step in any state
// (empty, after an empty Continue, filled in), and at 320 CSS pixels wide (WCAG 1.4.10,
// reflow) no step scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, axeViolations, useServerAndBrowser } from './support/harness.mjs';
import { internship, exchange, walkAllStates, switchLanguage } from './support/journeys.mjs';

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
      const found = {};
      let visited = 0;
      await walkAllStates(page, app, async (step, state) => {
        visited += 1;
        const violations = await axeViolations(page);
        if (violations.length) found[`${step} (${state})`] = violations;
      });
      assert.ok(visited >= 30, `every state was visited (${visited})`);
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
