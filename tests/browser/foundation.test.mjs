// The build is proven end to end: the release bundle mounts in Chromium and shows the
// start of the form, in Swedish, without errors, and passes axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, axeViolations, useServerAndBrowser } from './support/harness.mjs';

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
