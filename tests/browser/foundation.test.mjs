// The build is proven end to end: the release bundle mounts in Chromium and shows the
// start of the form, in Swedish, without errors, and passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, axeViolations, useServerAndBrowser, distDir } from './support/harness.mjs';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

test('the app mounts into its element and shows the start of the form in Swedish', async () => {
  const page = await openApp(browser, server.url);
  const heading = await page.textContent('#skolutbyte h1');
  assert.match(heading, /fonden för internationellt skolutbyte/);
  assert.equal(await page.getAttribute('.sku-app', 'lang'), 'sv');
  assert.equal(await page.locator('noscript').count(), 0, 'the noscript fallback is replaced');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the start page has no axe-core violations', async () => {
  const page = await openApp(browser, server.url);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

// wasm-bindgen's names carry 16 random hex digits each, written in the wasm and again in
// its glue; scripts/short-wasm-names.mjs renames them in both (~3.5 KB brotli of every
// first load). The app starting at all (every test here) proves the two still agree.
test('the first load carries no wasm-bindgen hash names', async () => {
  const hashed = /__wbg_\w+_[0-9a-f]{16}|closures_____invoke__h[0-9a-f]{16}/;
  const wasm = (await readdir(distDir)).find((f) => /^skolutbyte-.*_bg\.wasm$/.test(f));
  assert.ok(wasm, 'the page\'s wasm is in the build');
  for (const file of [wasm, 'skolutbyte.js']) {
    const text = (await readFile(join(distDir, file))).toString('latin1');
    assert.equal(text.match(hashed)?.[0], undefined, `${file} still names one`);
  }
});
