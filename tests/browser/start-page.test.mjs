// The start page is in index.html (made at build time from the Swedish texts by
// src/start_page.rs): on screen before the WebAssembly arrives, taken over by the app with
// the same markup and nothing moving; a click on "Starta ansökan", or focus on it, before
// the app is ready is not lost; a wasm that cannot load leaves a notice, not dead buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir, useServerAndBrowser } from './support/harness.mjs';
import { trackProblems } from './support/drafts.mjs';
import { tabTo, focusDescription, waitForStep } from './support/journeys.mjs';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

const STATIC = '[data-sku-static]';
const APP = '.sku-app:not([data-sku-static])';

/** A page whose wasm download waits until `release()` is called. */
async function pageWithWasmHeld() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = trackProblems(await context.newPage());
  const held = [];
  let released = false;
  await page.route(/skolutbyte-[^/]*_bg\.wasm$/, (route) => (released ? route.continue() : held.push(route)));
  const release = async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
  return { page, release };
}

/**
 * The markup without comments (the app's placeholders), without the static mark, and
 * with each element's attributes in one order (their order does not change the page).
 */
function markup(root) {
  const copy = root.cloneNode(true);
  copy.removeAttribute('data-sku-static');
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.remove();
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    const attributes = [...element.attributes].map((a) => [a.name, a.value]).sort();
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, value] of attributes) element.setAttribute(name, value);
  }
  // Below the start page the app adds the draft panel; nothing above it moves.
  copy.querySelector('section.sku-drafts')?.remove();
  return copy.outerHTML;
}

const MEASURED = ['.sku-app__bar', 'h1', '.sku-lead', '[data-role=start]', '[data-role=privacy-browser]', '[data-role=contact]'];

async function boxes(page, root) {
  return page.evaluate(
    ([root, selectors]) => selectors.map((s) => {
      const box = document.querySelector(`${root} ${s}`).getBoundingClientRect();
      return [s, Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)];
    }),
    [root, MEASURED],
  );
}

test('the start page is on screen before the WebAssembly, and the app takes it over without moving anything', async () => {
  const { page, release } = await pageWithWasmHeld();
  await page.goto(server.url);
  await page.waitForSelector(`${STATIC} h1`);
  assert.match(await page.textContent(`${STATIC} h1`), /fonden för internationellt skolutbyte/);
  assert.ok(await page.isVisible(`${STATIC} [data-role=start]`), '"Starta ansökan" is there');
  assert.equal(await page.locator(APP).count(), 0, 'the app has not run yet');
  const before = await boxes(page, STATIC);
  const staticMarkup = await page.$eval(STATIC, markup);

  await release();
  await page.waitForSelector(`${APP} h1`);
  assert.equal(await page.locator(STATIC).count(), 0, 'the static markup is gone');
  assert.deepEqual(await boxes(page, APP), before, 'nothing moved');
  assert.equal(await page.$eval(APP, markup), staticMarkup, 'the app renders the same markup');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a click on "Starta ansökan" before the app is ready is not lost', async () => {
  const { page, release } = await pageWithWasmHeld();
  await page.goto(server.url);
  await page.click(`${STATIC} [data-role=start]`);
  await release();
  await page.waitForFunction(() => document.activeElement?.matches('.sku-app h1')
    && document.activeElement.textContent.includes('Om dig och din skola'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a keyboard user on "Starta ansökan" before the app is ready stays on it when the app takes over', async () => {
  const { page, release } = await pageWithWasmHeld();
  await page.goto(server.url);
  await tabTo(page, `${STATIC} [data-role=start]`);
  await release();
  await page.waitForSelector(`${APP} h1`);
  await page.waitForFunction((sel) => document.activeElement?.matches(sel), `${APP} [data-role=start]`, { timeout: 3000 })
    .catch(async () => assert.fail(`focus went to ${await focusDescription(page)}, not the app's "Starta ansökan"`));
  await page.keyboard.press('Enter');
  await waitForStep(page, 'applicant');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('when the WebAssembly cannot be loaded, the start page gives way to a notice in both languages', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/skolutbyte-[^/]*_bg\.wasm$/, (route) => route.abort());
  await page.goto(server.url);
  await page.waitForSelector('[data-role=load-failed]');
  assert.match(await page.textContent('[data-role=load-failed] [lang=sv]'), /Ansökan kunde inte laddas/);
  assert.match(await page.textContent('[data-role=load-failed] [lang=en]'), /could not be loaded/);
  assert.equal(await page.locator(`${STATIC} [data-role=start]`).count(), 0, 'no button that cannot work');
  await context.close();
});

test('without JavaScript the page says so first, above the start page', async () => {
  const index = await readFile(join(distDir, 'index.html'), 'utf8');
  const noscript = index.indexOf('<noscript>');
  assert.ok(noscript >= 0 && noscript < index.indexOf('data-sku-static'), 'the <noscript> message comes before the start page');
});

test('host pages get the same start page as a file of its own', async () => {
  const snippet = (await readFile(join(distDir, 'start-page.html'), 'utf8')).trim();
  const index = await readFile(join(distDir, 'index.html'), 'utf8');
  assert.match(snippet, /^<div class="sku-app" lang="sv" data-sku-static="">/);
  assert.ok(index.includes(snippet), 'index.html carries the same markup');
  assert.doesNotMatch(snippet, /<script|style=/, 'nothing a strict Content-Security-Policy would block');
});
