// English is not in the first load: the build writes it as a data file beside the app
// (src/i18n/data.rs), fetched when the applicant chooses English, or at once when the
// page starts in English (data-locale="en"). While it loads the switch says it is busy; a
// file that does not come keeps the form in Swedish and says so in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, pageWithSettings, serveDirectory } from './support/harness.mjs';
import { trackProblems } from './support/drafts.mjs';
import { normalise, exchange, fastDriver, fillUntil, fillStep, continueFrom } from './support/journeys.mjs';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

const ENGLISH_FILE = /\/skolutbyte-en-[0-9a-f]+\.txt$/;
const APP = '.sku-app:not([data-sku-static])';
const LANGUAGE = `${APP} [data-role=language]`;

/** A page at `url` that records the English file's requests; `route` may answer them. */
async function openPage(url, route) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = trackProblems(await context.newPage());
  const requests = [];
  page.on('request', (request) => ENGLISH_FILE.test(new URL(request.url()).pathname) && requests.push(request.url()));
  if (route) await page.route(ENGLISH_FILE, route);
  await page.goto(url);
  await page.waitForSelector(LANGUAGE);
  return { page, requests };
}

const heading = (page) => page.textContent(`${APP} h1`).then(normalise);
const appLang = (page) => page.getAttribute(APP, 'lang');

test('English is fetched only when chosen, the switch is busy meanwhile, and then the form is in English', async () => {
  const held = [];
  const { page, requests } = await openPage(server.url, (route) => held.push(route));
  try {
    assert.deepEqual(requests, [], 'the first load does not fetch English');
    assert.equal(await heading(page), 'Ansök om bidrag ur fonden för internationellt skolutbyte');

    const requested = page.waitForRequest((request) => ENGLISH_FILE.test(new URL(request.url()).pathname));
    await page.click(LANGUAGE);
    await requested;
    await page.waitForSelector(`${LANGUAGE}[aria-busy=true]`);
    assert.equal(normalise(await page.textContent(LANGUAGE)), 'English …', 'the switch says it is working');
    assert.equal(await appLang(page), 'sv', 'Swedish until English is there');
    assert.equal(held.length, 1, 'one request for the English file');

    await Promise.all(held.map((route) => route.continue()));
    await page.waitForFunction((app) => document.querySelector(app)?.lang === 'en', APP);
    assert.equal(await heading(page), 'Apply for a grant from the fund for international school exchange');
    assert.equal(normalise(await page.textContent(LANGUAGE)), 'Svenska');
    assert.equal(await page.getAttribute(LANGUAGE, 'aria-busy'), null, 'no longer busy');

    // Back to Swedish and to English again: no second fetch.
    await page.click(LANGUAGE);
    await page.waitForFunction((app) => document.querySelector(app)?.lang === 'sv', APP);
    await page.click(LANGUAGE);
    await page.waitForFunction((app) => document.querySelector(app)?.lang === 'en', APP);
    assert.equal(requests.length, 1, 'English is fetched once');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('when the English file does not come the form stays Swedish, says so in both languages, and a second try works', async () => {
  let fail = true;
  const { page } = await openPage(server.url, (route) =>
    fail ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }) : route.continue(),
  );
  try {
    await page.click(LANGUAGE);
    const notice = `${APP} [data-role=language-failed]`;
    await page.waitForSelector(notice);
    assert.equal(await page.getAttribute(notice, 'role'), 'alert');
    const parts = await page.$$eval(`${notice} p`, (ps) => ps.map((p) => [p.lang, p.textContent]));
    assert.deepEqual(parts.map(([lang]) => lang), ['sv', 'en']);
    assert.match(parts[0][1], /engelska versionen kunde inte hämtas/);
    assert.match(parts[1][1], /English version could not be loaded/);
    assert.equal(await appLang(page), 'sv', 'the form stays Swedish');
    assert.equal(await heading(page), 'Ansök om bidrag ur fonden för internationellt skolutbyte');
    assert.equal(await page.getAttribute(LANGUAGE, 'aria-busy'), null, 'the switch is not left busy');
    assert.equal(normalise(await page.textContent(LANGUAGE)), 'English');

    fail = false;
    await page.click(LANGUAGE);
    await page.waitForFunction((app) => document.querySelector(app)?.lang === 'en', APP);
    assert.equal(await page.$(notice), null, 'the notice goes once English is there');
    // The only console errors are the browser's own reports of the missing file.
    assert.ok(page.problems.every((p) => /skolutbyte-en-/.test(p)), page.problems.join('\n'));
  } finally {
    await page.context().close();
  }
});

test('a page that starts in English (data-locale="en") starts in English, and again after a reload', async () => {
  const english = await serveDirectory(undefined, {}, {}, { '/': await pageWithSettings({ 'data-locale': 'en' }) });
  const { page, requests } = await openPage(english.url);
  try {
    assert.equal(await appLang(page), 'en');
    assert.equal(await heading(page), 'Apply for a grant from the fund for international school exchange');
    await page.reload();
    await page.waitForSelector(LANGUAGE);
    assert.equal(await appLang(page), 'en', 'English after a reload');
    assert.equal(requests.length, 2, 'fetched once per load');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await english.close();
  }
});

test('a page that starts in English but cannot fetch it starts in Swedish and says so', async () => {
  const english = await serveDirectory(undefined, {}, {}, { '/': await pageWithSettings({ 'data-locale': 'en' }) });
  const { page } = await openPage(english.url, (route) => route.fulfill({ status: 404, body: '' }));
  try {
    await page.waitForSelector(`${APP} [data-role=language-failed]`);
    assert.equal(await appLang(page), 'sv');
    assert.equal(await heading(page), 'Ansök om bidrag ur fonden för internationellt skolutbyte');
  } finally {
    await page.context().close();
    await english.close();
  }
});

test('a failure met in Swedish is worded in English after the switch, though English was fetched after it', async () => {
  const { page } = await openPage(server.url);
  try {
    // The worker cannot start: its message is the app's own, in both languages.
    await page.route(/\/worker_loader\.js$/, (route) => route.abort());
    const d = fastDriver(page);
    await fillUntil(d, exchange, 'declaration');
    await fillStep.declaration(d, exchange);
    await continueFrom(d, exchange, 'declaration');
    await page.click('[data-role=download-application]');
    const failure = `${APP} [data-role=delivery-failed] p`;
    await page.waitForSelector(failure, { timeout: 30000 });
    assert.match(normalise(await page.textContent(failure)), /^.?Det gick inte att skicka eller ladda ner ansökan/);

    await page.click(LANGUAGE);
    await page.waitForFunction((app) => document.querySelector(app)?.lang === 'en', APP);
    assert.match(normalise(await page.textContent(failure)), /^.?The application cannot be sent or downloaded/);
  } finally {
    await page.context().close();
  }
});
