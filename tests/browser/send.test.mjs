// Sending to the municipality's endpoint, against the reference receiver (receiver/, a
// real HTTP server on loopback): the application arrives once, exactly as sent, valid
// against the published JSON Schema; every injected fault ends in the right message with
// the download still offered; retries never create a second application; the draft is
// cleared only after the receiver's confirmation.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDirectory, launchBrowser, openApp, pageWithSettings, axeViolations } from './support/harness.mjs';
import { startReceiver, schemaErrors, downloadPdf, detached } from './support/receiver.mjs';
import { internship, exchange, fastDriver, fillUntil, fillStep, waitForStep, shownAnswers } from './support/journeys.mjs';
import { DRAFT_KEY, sleep } from './support/drafts.mjs';

const KEY_STORAGE = 'skolutbyte:idempotensnyckel';

let receiver;
let server;
let browser;

before(async () => {
  receiver = await startReceiver();
  server = await serveDirectory(undefined, {}, {}, {
    '/send.html': await pageWithSettings({
      'data-endpoint': receiver.endpoint(),
      'data-contact-email': 'internationella@skelleftea.se',
    }),
    '/multipart.html': await pageWithSettings({ 'data-endpoint': receiver.endpoint(), 'data-multipart': 'true' }),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  receiver?.close();
});

beforeEach(() => receiver.reset());

/**
 * Opens the configured page, answers everything up to the declaration and ticks it.
 * `posts` collects every POST to the endpoint: its body and Idempotency-Key.
 */
async function readyToSend({ path = 'send.html', app = internship, setup } = {}) {
  const page = await openApp(browser, server.url, { path });
  if (setup) await setup(page);
  const posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().startsWith(receiver.endpoint())) {
      posts.push({ body: request.postData(), key: request.headers()['idempotency-key'] });
    }
  });
  const d = fastDriver(page);
  await fillUntil(d, app, 'declaration');
  await fillStep.declaration(d, app);
  return { page, posts };
}

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

async function pressSend(page) {
  await page.click('[data-role=continue]');
}

async function waitForFailure(page, timeout = 20000) {
  await page.waitForSelector('[data-role=delivery-failed]', { timeout });
  return (await page.textContent('[data-role=delivery-failed]')).replace(/\s+/g, ' ');
}

test('a full application is received once, exactly as sent, valid against the schema; the draft is cleared only after the confirmation', async () => {
  const { page, posts } = await readyToSend();
  // The receiver holds its answer for 4 s: long enough to look at the page meanwhile.
  await receiver.queueFaults(['delay:4000']);
  await pressSend(page);
  await page.waitForFunction(() => /Skickar ansökan/.test(document.querySelector('[data-role=delivery-status]')?.textContent));
  assert.ok(await stored(page, DRAFT_KEY), 'while sending, the draft is still saved');
  assert.ok(await stored(page, KEY_STORAGE), 'the Idempotency-Key is kept until confirmed');
  // Meanwhile the applicant goes back and changes an answer: what was sent stays sent.
  await page.click('.sku-back-link');
  await waitForStep(page, 'check');
  await page.click('.sku-summary-list a[href="#applicant-phone"]');
  await page.fill('#applicant-phone', '070-000 00 00');

  await waitForStep(page, 'confirmation', { timeout: 10000 });
  const received = await receiver.applications();
  assert.equal(received.length, 1, 'received exactly once');
  const { reference, idempotency_key: key } = received[0];
  assert.match(await page.textContent('[data-role=reference]'), new RegExp(reference));
  assert.match(await page.textContent('.sku-panel__title'), /Ansökan är skickad/);
  assert.deepEqual(await axeViolations(page), [], 'the receipt page passes axe-core');

  assert.equal(posts.length, 1);
  assert.equal(posts[0].key, key, 'the stored key is the one the app sent');
  const storedJson = await receiver.storedJson(reference);
  assert.equal(storedJson, posts[0].body, 'the stored JSON is byte for byte what was sent');
  const application = JSON.parse(storedJson);
  assert.deepEqual(schemaErrors(application), []);
  assert.equal(application.applicant.name, internship.applicant.name);
  assert.equal(application.budget.amount_applied, 70_000_00);

  assert.equal(await stored(page, DRAFT_KEY), null, 'after the confirmation the draft is cleared');
  assert.equal(await stored(page, KEY_STORAGE), null, 'and so is the key');
  // Nothing is saved again afterwards, not even when the page is hidden.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await sleep(500);
  assert.equal(await stored(page, DRAFT_KEY), null, 'a sent application is not saved as a draft again');

  // The sent application stays downloadable, with the reference in its name and PDF.
  const download = await downloadPdf(page);
  assert.equal(download.name, `ansokan-${reference}.pdf`);
  assert.equal(
    readFileSync(join(download.dir, 'ansokan.json'), 'utf8'),
    storedJson,
    'the download is the application the receiver has, not the answers changed meanwhile',
  );

  // Back to the answers: read-only now, and Continue leads back to the receipt; nothing
  // is resent.
  await page.click('[data-role=to-check-answers]');
  await waitForStep(page, 'check');
  await page.click('[data-role=continue]');
  await waitForStep(page, 'confirmation');
  assert.equal((await receiver.applications()).length, 1, 'still one application');
  assert.equal(posts.length, 1, 'and no second POST');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** The receipt panel's text, spaces normalised. */
const receipt = async (page) => (await page.textContent('.sku-panel')).replace(/\s+/g, ' ');

test('after a confirmed send the answers are read-only, and the receipt shows what was sent even if edited while sending', async () => {
  const { page, posts } = await readyToSend();
  await receiver.queueFaults(['delay:3000']);
  await pressSend(page);
  await page.waitForFunction(() => /Skickar ansökan/.test(document.querySelector('[data-role=delivery-status]')?.textContent));
  // While the POST is in flight: Back, change the amount, and press Send again.
  await page.click('.sku-back-link');
  await waitForStep(page, 'check');
  await page.click('.sku-summary-list a[href="#amount-applied"]');
  await page.waitForSelector('#amount-applied');
  await page.fill('#amount-applied', '60 000');
  await page.click('[data-role=continue]');
  await waitForStep(page, 'check');
  await page.click('[data-role=continue]');
  await waitForStep(page, 'declaration');
  await pressSend(page);

  await waitForStep(page, 'confirmation', { timeout: 10000 });
  const received = await receiver.applications();
  assert.equal(received.length, 1, 'the receiver holds exactly one application');
  assert.equal(posts.length, 1, 'and was sent one POST');
  const sent = JSON.parse(await receiver.storedJson(received[0].reference));
  assert.equal(sent.budget.amount_applied, 70_000_00);
  assert.match(await receipt(page), /Belopp du söker ur fonden: 70 000 kr( |$)/, 'the receipt shows the amount the receiver has');
  assert.match(await page.textContent('[data-role=changes-not-sent]'), /kom inte med/, 'the edit made while sending is named as not sent');

  // The answers as sent, without Change links.
  await page.click('[data-role=to-check-answers]');
  await waitForStep(page, 'check');
  assert.equal(await page.locator('.sku-summary-list a:visible').count(), 0, 'no Change links once sent');
  assert.match(await page.textContent('[data-role=check-intro]'), /Ansökan är skickad och kan inte ändras här/);
  const shown = (await shownAnswers(page)).join(' | ');
  assert.ok(shown.includes('70 000 kr') && !shown.includes('60 000 kr'), shown);
  assert.deepEqual(await axeViolations(page), [], 'the read-only answers pass axe-core');

  // Back and Forward never reach a step that changes an answer: the declaration and the
  // budget step (history entries from before) now show the receipt.
  for (const expected of ['confirmation', 'confirmation', 'check', 'confirmation']) {
    await page.goBack();
    await waitForStep(page, expected);
  }
  assert.equal(await page.locator('#amount-applied, #declaration').count(), 0);
  await page.goForward();
  await waitForStep(page, 'check');
  assert.equal(await page.locator('.sku-summary-list a:visible').count(), 0);

  // The language switch still works, and the receipt stays what was sent.
  await page.click('[data-role=continue]');
  await waitForStep(page, 'confirmation');
  await page.click('[data-role=language]');
  await page.waitForFunction(() => /Application sent/.test(document.querySelector('.sku-panel__title')?.textContent));
  assert.match(await page.textContent('[data-role=reference]'), new RegExp(received[0].reference));
  assert.match(await receipt(page), /Amount you are applying for from the fund: SEK 70,000( |$)/);
  assert.equal((await receiver.applications()).length, 1, 'still exactly one application');
  assert.equal(posts.length, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Each fault from the receiver, what the applicant is told, and how many applications
// the receiver holds afterwards. Retries reuse the key, so none ever holds two.
const faults = [
  { faults: ['503'], sent: true, attempts: 2, what: '503 with Retry-After, then success' },
  { faults: ['drop-after-store'], sent: true, attempts: 2, what: 'stored but the answer lost: the retry gets the same reference' },
  { faults: ['500', '500', '500', '500'], message: /kan inte ta emot ansökningar just nu/, attempts: 4, what: '500 on every attempt' },
  { faults: ['429', '429', '429', '429'], message: /kan inte ta emot ansökningar just nu/, attempts: 4, what: '429 on every attempt' },
  { faults: ['drop', 'drop', 'drop', 'drop'], message: /inte gick att nå kommunen/, attempts: 4, what: 'the connection dropped every time' },
  { faults: ['413'], message: /för stor/, attempts: 1, what: '413, not retried' },
  // A field error joins the error summary, which takes focus (see the test below).
  { faults: ['422'], message: /Kommunen kunde inte ta emot ansökan: .*fel/, attempts: 1, focus: 'sku-error-summary', what: '422 with problem+json, not retried' },
];

for (const { faults: queue, sent, attempts, message, focus, what } of faults) {
  test(`fault: ${what}`, async () => {
    const { page, posts } = await readyToSend();
    await receiver.queueFaults(queue);
    await pressSend(page);
    if (sent) {
      await waitForStep(page, 'confirmation', { timeout: 15000 });
      const [only, ...more] = await receiver.applications();
      assert.equal(more.length, 0, 'one application, not two');
      assert.match(await page.textContent('[data-role=reference]'), new RegExp(only.reference));
    } else {
      const shown = await waitForFailure(page);
      assert.match(shown, message);
      assert.match(shown, /Ansökan är inte skickad/);
      assert.equal((await receiver.applications()).length, 0, 'nothing stored');
      // Focus moves to the message (after it is drawn, so allow a moment).
      await page.waitForFunction(
        (id) => (id ? document.activeElement?.id === id : document.activeElement?.dataset.role === 'delivery-failed'),
        focus,
        { timeout: 2000 },
      );
      assert.ok(await stored(page, DRAFT_KEY), 'the draft is kept');
      assert.deepEqual(await axeViolations(page), [], 'the page with the failure passes axe-core');
      // The download (the PDF, with the JSON inside) is there as the fallback.
      const download = await downloadPdf(page);
      assert.match(download.name, /^ansokan-.*\.pdf$/);
      const application = JSON.parse(readFileSync(join(download.dir, 'ansokan.json'), 'utf8'));
      assert.deepEqual(schemaErrors(application), []);
      assert.equal(application.applicant.email, internship.applicant.email);
    }
    assert.equal(posts.length, attempts, `${attempts} attempt(s)`);
    assert.equal(new Set(posts.map((p) => p.key)).size, 1, 'every attempt carries the same Idempotency-Key');
    assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), []);
    await page.context().close();
  });
}

test('an answer slower than the timeout is retried with the same key and stored once', async () => {
  const { page, posts } = await readyToSend();
  await receiver.queueFaults(['delay:20000']);
  await pressSend(page);
  await waitForStep(page, 'confirmation', { timeout: 30000 });
  assert.equal((await receiver.applications()).length, 1);
  assert.equal(posts.length, 2);
  assert.equal(posts[0].key, posts[1].key);
  await page.context().close();
});

test('after a failure, Send again succeeds with the same key and one application', async () => {
  const { page, posts } = await readyToSend();
  await receiver.queueFaults(['drop', 'drop', 'drop', 'drop']);
  await pressSend(page);
  await waitForFailure(page);
  await pressSend(page);
  await waitForStep(page, 'confirmation', { timeout: 15000 });
  assert.equal((await receiver.applications()).length, 1);
  assert.equal(posts.length, 5);
  assert.equal(new Set(posts.map((p) => p.key)).size, 1);
  await page.context().close();
});

test('multipart: the JSON, the PDF (with the JSON and the attachment inside) and the attachment arrive as parts', async () => {
  const { page } = await readyToSend({ path: 'multipart.html', app: exchange });
  await pressSend(page);
  await waitForStep(page, 'confirmation', { timeout: 15000 });
  const [application] = await receiver.applications();
  assert.match(application.content_type, /^multipart\/form-data/);
  const parts = application.files.map((f) => `${f.part}:${f.file_name}`);
  assert.ok(parts.includes('pdf:ansokan.pdf'), parts.join(', '));
  assert.ok(parts.includes('attachments:inbjudan.pdf'), parts.join(', '));
  const storedJson = await receiver.storedJson(application.reference);
  assert.deepEqual(schemaErrors(JSON.parse(storedJson)), []);
  // The pdf part is the same PDF/A-3 as the download: the JSON part and the file inside.
  const inside = detached(join(receiver.dataDir, application.reference, 'ansokan.pdf'));
  assert.deepEqual([...inside.names].sort(), ['ansokan.json', 'inbjudan.pdf']);
  assert.equal(readFileSync(join(inside.dir, 'ansokan.json'), 'utf8'), storedJson);
  assert.deepEqual(readFileSync(join(inside.dir, 'inbjudan.pdf')), exchange.attachments[0].buffer);
  await page.context().close();
});

test('a refused application, once corrected, is sent with a new key and received', async () => {
  const { page, posts } = await readyToSend();
  await receiver.queueFaults(['422']);
  await pressSend(page);
  await waitForFailure(page);
  // The message follows the language switch.
  await page.click('[data-role=language]');
  await page.waitForFunction(() => /could not accept/.test(document.querySelector('[data-role=delivery-failed]')?.textContent));
  await page.click('[data-role=language]');
  await page.waitForFunction(() => /kunde inte ta emot/.test(document.querySelector('[data-role=delivery-failed]')?.textContent));

  // The applicant corrects an answer and sends again.
  await page.click(`.sku-back-link`);
  await waitForStep(page, 'check');
  await page.click('.sku-summary-list a[href="#applicant-phone"]');
  await page.waitForSelector('#applicant-phone');
  await page.fill('#applicant-phone', '070-765 43 21');
  await page.click('[data-role=continue]');
  await waitForStep(page, 'check');
  await page.click('[data-role=continue]');
  await waitForStep(page, 'declaration');
  await pressSend(page);
  await waitForStep(page, 'confirmation', { timeout: 15000 });
  const [only, ...more] = await receiver.applications();
  assert.equal(more.length, 0);
  assert.equal(posts.length, 2);
  assert.notEqual(posts[0].key, posts[1].key, 'changed answers carry a new key');
  assert.equal(only.idempotency_key, posts[1].key);
  assert.equal(JSON.parse(await receiver.storedJson(only.reference)).applicant.phone, '070-765 43 21');
  await page.context().close();
});

/** The error summary's items: each item's text and its link's href (null: no link). */
const summaryItems = (page) =>
  page.$$eval('#sku-error-summary li', (items) =>
    items.map((li) => ({ text: li.textContent.trim(), href: li.querySelector('a')?.getAttribute('href') ?? null })),
  );

test("a 422 with field errors: the summary links reach the fields on their steps, an unknown field is listed without a link", async () => {
  const { page, posts } = await readyToSend();
  // The receiver refuses twice with field errors (applicant step, budget step, and a
  // field the form does not have), then accepts.
  await receiver.queueFaults(['422-fields', '422-fields']);
  await pressSend(page);
  await page.waitForSelector('#sku-error-summary');
  await page.waitForFunction(() => document.activeElement?.id === 'sku-error-summary', null, { timeout: 2000 });
  assert.match(await page.title(), /^Fel: /);
  assert.match(await page.textContent('#sku-error-summary'), /Det finns ett problem/);
  assert.deepEqual(await summaryItems(page), [
    // Known field and code: the app's own message.
    { text: 'Ange din e-postadress i rätt format, till exempel namn@skelleftea.se', href: '#applicant-email' },
    // Known field, a code of the receiver's own: its detail.
    { text: 'Beloppet är större än vad nämnden beviljar för en kostnad utan särskilt beslut.', href: '#budget-0-amount' },
    // A field this form does not have: listed, without a link.
    { text: 'Ange vilket skolområde skolan hör till.', href: null },
  ]);
  assert.match(await waitForFailure(page), /Ansökan är inte skickad/, 'the failure itself is still said');
  assert.deepEqual(await axeViolations(page), [], 'the page with the summary passes axe-core');

  // In English the app's own message follows; the receiver's words stay as they came.
  await page.click('[data-role=language]');
  await page.waitForFunction(() => /There is a problem/.test(document.querySelector('#sku-error-summary')?.textContent));
  const english = await summaryItems(page);
  assert.match(english[0].text, /^Enter your email address in the correct format/);
  assert.equal(english[1].text, 'Beloppet är större än vad nämnden beviljar för en kostnad utan särskilt beslut.');
  await page.click('[data-role=language]');
  await page.waitForFunction(() => /Det finns ett problem/.test(document.querySelector('#sku-error-summary')?.textContent));

  // The budget link moves to the budget step and focuses the amount, with the message beside it.
  await page.click('#sku-error-summary a[href="#budget-0-amount"]');
  await page.waitForFunction(() => document.activeElement?.id === 'budget-0-amount', null, { timeout: 5000 });
  assert.match(await page.textContent('#budget-0-amount-error'), /Beloppet är större än vad nämnden beviljar/);
  assert.deepEqual(await summaryItems(page), [
    { text: 'Beloppet är större än vad nämnden beviljar för en kostnad utan särskilt beslut.', href: '#budget-0-amount' },
  ], 'on the budget step, its own error');

  // Continue returns to the check page, then the declaration; Send again: the second refusal.
  await page.click('[data-role=continue]');
  await waitForStep(page, 'check');
  await page.click('[data-role=continue]');
  await waitForStep(page, 'declaration');
  assert.equal(await page.$('#sku-error-summary'), null, "the receiver's errors are gone once the applicant moved on");
  await page.check('#declaration');
  await pressSend(page);
  await page.waitForFunction(() => document.activeElement?.id === 'sku-error-summary', null, { timeout: 10000 });
  assert.equal((await summaryItems(page)).length, 3);

  // The e-mail link moves to the applicant step and focuses the field, with the inline message.
  await page.click('#sku-error-summary a[href="#applicant-email"]');
  await page.waitForFunction(() => document.activeElement?.id === 'applicant-email', null, { timeout: 5000 });
  assert.match(await page.textContent('#applicant-email-error'), /Ange din e-postadress i rätt format/);
  assert.equal(await page.getAttribute('#applicant-email', 'aria-invalid'), 'true');

  // Corrected (here: unchanged) and sent again: the receiver now accepts.
  await page.click('[data-role=continue]');
  await waitForStep(page, 'check');
  await page.click('[data-role=continue]');
  await waitForStep(page, 'declaration');
  await page.check('#declaration');
  await pressSend(page);
  await waitForStep(page, 'confirmation', { timeout: 15000 });
  assert.equal((await receiver.applications()).length, 1);
  assert.equal(posts.length, 3);
  assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), []);
  await page.context().close();
});

test("an error body that is not problem+json is never shown: the applicant gets the app's own words", async () => {
  const { page } = await readyToSend();
  await receiver.queueFaults(['422-json']);
  await pressSend(page);
  const shown = await waitForFailure(page);
  assert.match(shown, /Kommunen kunde inte ta emot ansökan\. Ladda ner ansökan/);
  assert.doesNotMatch(await page.textContent('body'), /BankID|0700|Åtgärd krävs/);
  assert.equal(await page.$('#sku-error-summary'), null);
  await page.context().close();
});

test("when the worker's wasm cannot load, the applicant is told within 20 s", async () => {
  const { page } = await readyToSend({ setup: (page) => page.route(/worker_bg\.wasm/, (route) => route.abort()) });
  await pressSend(page);
  const shown = await waitForFailure(page, 30000);
  assert.match(shown, /Dina svar är kvar/);
  await page.context().close();
});

test('when the worker cannot load, the applicant is told and nothing is lost', async () => {
  // Blocked before the check-answers page would start it early.
  const { page } = await readyToSend({ setup: (page) => page.route(/worker/, (route) => route.abort()) });
  await pressSend(page);
  const shown = await waitForFailure(page);
  assert.match(shown, /Dina svar är kvar/);
  assert.ok(await stored(page, DRAFT_KEY));
  assert.equal(await page.isChecked('#declaration'), true, 'the declaration is still ticked');
  await page.context().close();
});
