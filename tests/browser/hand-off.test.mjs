// The hand-off pages (issue "Words and the case officer's PDF", items 3, 4 and 7): in
// download mode the declaration's button says what it does and the confirmation says in
// numbered steps how to hand the application in, with the PDF as the primary button;
// Internationella enheten's contact details on the start page and the confirmation; the
// declaration names the principal who approved; the draft panel only where it helps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { distDir, serveDirectory, launchBrowser, openApp, pageWithSettings, axeViolations } from './support/harness.mjs';
import { DRAFT_KEY } from './support/drafts.mjs';
import {
  exchange, fastDriver, fillUntil, fillStep, continueFrom, switchLanguage, normalise, waitForStep,
} from './support/journeys.mjs';
import { expectErrors } from './support/errors.mjs';

const CONTACT = 'internationella@skelleftea.se';
const PHONE = '0910-73 50 12';

let server;
let browser;

before(async () => {
  server = await serveDirectory(undefined, {}, {}, {
    '/contact.html': await pageWithSettings({ 'data-contact-email': CONTACT, 'data-contact-phone': PHONE }),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const texts = async (locator) => (await locator.allTextContents()).map(normalise);

test('download mode: the declaration says what its button does; the confirmation says in numbered steps how to send it, with contact details', async () => {
  const page = await openApp(browser, server.url, { path: 'contact.html' });
  // The start page: whom to ask, before anything is filled in.
  assert.deepEqual(await texts(page.locator('[data-role=contact] li')), [`E-post: ${CONTACT}`, `Telefon: ${PHONE}`]);
  assert.equal(await page.getAttribute('[data-role=contact] a', 'href'), `mailto:${CONTACT}`);

  const d = fastDriver(page);
  await fillUntil(d, exchange, 'declaration');
  assert.equal(normalise(await page.textContent('[data-role=continue]')), 'Gör ansökan klar att skicka');
  assert.equal(await switchLanguage(page), 'en');
  assert.equal(normalise(await page.textContent('[data-role=continue]')), 'Make the application ready to send');
  assert.equal(await switchLanguage(page), 'sv');
  await fillStep.declaration(d, exchange);
  await continueFrom(d, exchange, 'declaration');

  assert.match(normalise(await page.textContent('.sku-panel')), /Ansökan är klar att skicka/);
  assert.equal(normalise(await page.textContent('[data-role=download-mode] > p')), 'Ansökan är inte skickad än. Så här skickar du den:');
  const steps = page.locator('[data-role=hand-in-steps] > li');
  assert.equal(await steps.count(), 3, 'three numbered steps');
  assert.equal(await page.locator('ol[data-role=hand-in-steps]').count(), 1, 'an ordered list');
  // 1. Download: the PDF is the primary button, in the first step.
  assert.match(normalise(await steps.nth(0).textContent()), /^Ladda ner ansökan som PDF-fil\./);
  const pdf = steps.nth(0).locator('[data-role=download-application]');
  assert.equal(await pdf.count(), 1, 'the download is the first step');
  assert.equal(await pdf.getAttribute('class'), 'sku-button', 'the PDF is the primary button');
  assert.match(await steps.nth(0).locator('[data-role=download-zip]').getAttribute('class'), /sku-button--secondary/);
  // 2. E-mail it to the contact address.
  assert.equal(normalise(await steps.nth(1).textContent()), `Skicka PDF-filen med e-post till Internationella enheten: ${CONTACT}.`);
  assert.equal(await steps.nth(1).locator('[data-role=mailto]').count(), 1);
  // 3. What happens then.
  assert.equal(
    normalise(await steps.nth(2).textContent()),
    'Internationella enheten registrerar ansökan när den kommer in och beslutar om bidraget. Du och ansvarig rektor får beskedet med e-post.',
  );
  // Contact details on the confirmation too.
  assert.deepEqual(await texts(page.locator('[data-role=contact] li')), [`E-post: ${CONTACT}`, `Telefon: ${PHONE}`]);

  assert.equal(await switchLanguage(page), 'en');
  assert.equal(normalise(await page.textContent('[data-role=download-mode] > p')), 'The application has not been sent yet. To send it:');
  assert.match(normalise(await steps.nth(0).textContent()), /^Download the application as a PDF file\./);
  assert.deepEqual(await texts(page.locator('[data-role=contact] li')), [`Email: ${CONTACT}`, `Telephone: ${PHONE}`]);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without a contact address the start page and the confirmation give the phone number', async () => {
  const page = await openApp(browser, server.url);
  assert.deepEqual(await texts(page.locator('[data-role=contact] li')), ['Telefon: 0910-73 50 00']);
  await page.context().close();
});

test('the declaration: the applicant confirms that the named principal has approved the application', async () => {
  const page = await openApp(browser, server.url);
  const d = fastDriver(page);
  await fillUntil(d, exchange, 'declaration');
  const label = () => page.textContent('label[for=declaration]').then(normalise);
  assert.equal(
    await label(),
    `Jag intygar att uppgifterna är riktiga och att ansvarig rektor, ${exchange.payment.principalName}, har godkänt ansökan.`,
  );
  await page.click('[data-role=continue]');
  await expectErrors(page, [['declaration', 'Bekräfta att uppgifterna är riktiga och att ansvarig rektor har godkänt ansökan']]);
  assert.equal(await switchLanguage(page), 'en');
  assert.equal(
    await label(),
    `I confirm that the information is correct and that the responsible headteacher, ${exchange.payment.principalName}, has approved the application.`,
  );
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the draft panel: no saving on a fresh start page, opening stays; on attachments one file chooser in sight', async () => {
  const page = await openApp(browser, server.url);
  assert.equal(await page.locator('[data-role=save-draft]').count(), 0, 'nothing to save on a fresh start page');
  assert.equal(await page.getByLabel('Öppna sparat utkast', { exact: true }).count(), 1, 'a saved draft can be opened');
  assert.equal(normalise(await page.textContent('#sku-drafts-title')), 'Har du sparat ett utkast?');

  const d = fastDriver(page);
  await fillUntil(d, exchange, 'attachments');
  assert.equal(await page.locator('[data-role=save-draft]').count(), 1, 'the answers can be saved');
  const attachmentsChooser = page.getByLabel('Välj filer att bifoga (valfritt)', { exact: true });
  const draftChooser = page.getByLabel('Öppna sparat utkast', { exact: true });
  assert.equal(await attachmentsChooser.count(), 1);
  assert.equal(await draftChooser.count(), 1);
  assert.equal(await page.locator('input[type=file]:visible').count(), 1, 'one file chooser in sight');
  assert.ok(await attachmentsChooser.isVisible(), 'the one in sight is the attachments\'');
  await page.click('summary:has-text("Öppna sparat utkast")');
  assert.ok(await draftChooser.isVisible(), 'the draft chooser is behind its disclosure');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the resume prompt\'s button is named apart from the step\'s Continue', async () => {
  const page = await openApp(browser, server.url);
  const css = (await readdir(distDir)).find((name) => name.endsWith('.css'));
  await page.goto(server.url + css);
  const saved = { format: 'skolutbyte-utkast', version: 2, saved_at_ms: Date.now(), step: 'sokande', draft: { applicant_name: 'Anna Lindqvist' } };
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [DRAFT_KEY, JSON.stringify(saved)]);
  await page.goto(server.url);
  await page.waitForSelector('#sku-resume-title');
  assert.equal(await page.getByRole('button', { name: 'Fortsätt med ansökan', exact: true }).count(), 1);
  await page.getByRole('button', { name: 'Fortsätt med ansökan', exact: true }).click();
  await waitForStep(page, 'applicant');
  assert.equal(await page.inputValue('#applicant-name'), 'Anna Lindqvist');
  await page.context().close();
});
