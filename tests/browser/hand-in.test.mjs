// Handing the application in, in download mode (no endpoint): the confirmation says it is
// not sent yet and how to send it. With `data-contact-email` it offers a `mailto:` link
// whose subject names the school and whose body reminds the applicant to attach the PDF,
// percent-encoded per RFC 6068; without one it says in words whom to e-mail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDirectory, launchBrowser, openApp, pageWithSettings, axeViolations } from './support/harness.mjs';
import { exchange, fastDriver, fillUntil, fillStep, continueFrom, switchLanguage } from './support/journeys.mjs';

const CONTACT = 'internationella@skelleftea.se';
// A school name with å, ä, ö and an ampersand, which must not end the subject.
const school = {
  ...exchange,
  applicant: { ...exchange.applicant, otherSchoolName: 'Öståkers Ängs- & Hagaskola' },
};

let server;
let browser;

before(async () => {
  server = await serveDirectory(undefined, {}, {}, {
    '/contact.html': await pageWithSettings({ 'data-contact-email': CONTACT }),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function confirmation(path) {
  const page = await openApp(browser, server.url, { path });
  const d = fastDriver(page);
  await fillUntil(d, school, 'declaration');
  await fillStep.declaration(d, school);
  await continueFrom(d, school, 'declaration');
  return page;
}

/** RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes. */
const strictEncode = (text) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** "Not sent yet" and the numbered step that says where to e-mail the PDF. */
const downloadModeText = async (page) =>
  [
    await page.textContent('[data-role=download-mode] > p'),
    await page.textContent('[data-role=hand-in-steps] > li:nth-child(2)'),
  ].join(' ').replace(/\s+/g, ' ').trim();

test('download mode with a contact address: the mailto: link is exact and encoded, in Swedish and English', async () => {
  const page = await confirmation('contact.html');
  const expected = {
    sv: {
      subject:
        'Ans%C3%B6kan%20%E2%80%93%20fonden%20f%C3%B6r%20internationellt%20skolutbyte' +
        '%20%E2%80%93%20%C3%96st%C3%A5kers%20%C3%84ngs-%20%26%20Hagaskola',
      body:
        'Hej!\r\n\r\nHär är vår ansökan till fonden för internationellt skolutbyte.\r\n\r\n' +
        '(Glöm inte att bifoga PDF-filen som du laddade ner.)\r\n',
      words: /^Ansökan är inte skickad än\. Så här skickar du den: Skicka PDF-filen med e-post till Internationella enheten: internationella@skelleftea\.se\.$/,
    },
    en: {
      subject:
        'Application%20%E2%80%93%20fund%20for%20international%20school%20exchange' +
        '%20%E2%80%93%20%C3%96st%C3%A5kers%20%C3%84ngs-%20%26%20Hagaskola',
      body:
        'Hello,\r\n\r\nHere is our application to the fund for international school exchange.\r\n\r\n' +
        '(Remember to attach the PDF file you downloaded.)\r\n',
      words: /^The application has not been sent yet\. To send it: Email the PDF file to the International Unit \(Internationella enheten\): internationella@skelleftea\.se\.$/,
    },
  };
  for (const lang of ['sv', 'en']) {
    if (lang === 'en') assert.equal(await switchLanguage(page), 'en');
    const { subject, body, words } = expected[lang];
    const href = await page.getAttribute('[data-role=mailto]', 'href');
    assert.equal(href, `mailto:${CONTACT}?subject=${subject}&body=${strictEncode(body)}`, lang);
    assert.doesNotMatch(href, /[ +]/, 'spaces are %20, never +');
    assert.equal(await page.textContent('[data-role=mailto]'), CONTACT, 'the link shows the address');
    assert.match(await downloadModeText(page), words, 'says it is not sent yet, and how to send it');
    assert.doesNotMatch(await page.getAttribute('.sku-panel', 'class'), /^sku-panel$/, 'not the green panel of a receipt');
    assert.deepEqual(await axeViolations(page), [], `axe-core (${lang})`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('download mode without a contact address: the page says whom to e-mail, in Swedish and English', async () => {
  const page = await confirmation('');
  assert.equal(await page.locator('[data-role=mailto]').count(), 0);
  assert.equal(
    await downloadModeText(page),
    'Ansökan är inte skickad än. Så här skickar du den: Skicka PDF-filen med e-post till Internationella enheten på Skellefteå kommun, ' +
      'med skolans namn i ämnesraden. Vet du inte adressen? Ring 0910-73 50 00.',
  );
  assert.doesNotMatch(await page.textContent('.sku-app'), /skickad(?! än)/, 'nowhere does it say sent');
  assert.equal(await switchLanguage(page), 'en');
  assert.equal(
    await downloadModeText(page),
    'The application has not been sent yet. To send it: Email the PDF file to the International Unit (Internationella enheten) ' +
      "at Skellefteå Municipality, with the school's name in the subject line. Don't know the address? Call 0910-73 50 00.",
  );
  assert.doesNotMatch(await page.textContent('.sku-app'), /Application sent/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
