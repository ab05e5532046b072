// The privacy notice on the start page (GDPR art. 13): the controller, the purpose, the
// legal basis, the storage time, the rights and the data protection officer's contact,
// with the municipality's details from the page's settings or the defaults, in both
// languages; and the reminder not to name pupils on every free-text and attachment step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDirectory, launchBrowser, openApp, pageWithSettings, axeViolations } from './support/harness.mjs';
import { internship, fastDriver, fillUntil, switchLanguage } from './support/journeys.mjs';

let server;
let browser;

before(async () => {
  server = await serveDirectory(undefined, {}, {}, {
    '/configured.html': await pageWithSettings({
      'data-controller': 'Barn- och utbildningsnämnden, Skellefteå kommun',
      'data-dpo-email': 'dso@skelleftea.se',
      'data-contact-phone': '0910-123 45',
    }),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The notice's paragraphs, joined. */
const notice = async (page) =>
  (await page.$$eval('[data-role=privacy]', (ps) => ps.map((p) => p.textContent).join(' '))).replace(/\s+/g, ' ');

const words = {
  sv: [
    /handlägga ansökan, besluta om bidraget, betala ut det/, // purpose
    /uppgift av allmänt intresse.*artikel 6\.1 e/, // legal basis
    /dokumenthanteringsplan.*arkivlagen/, // storage time
    /få veta vilka uppgifter.*rättade.*begränsas.*invända.*raderade när lagen tillåter det/, // rights
    /klaga hos Integritetsskyddsmyndigheten \(IMY\)/,
    /dataskyddsombud/,
  ],
  en: [
    /handle the application, decide on the grant, pay it/,
    /task in the public interest.*Article 6\(1\)\(e\)/,
    /records management plan.*Archives Act/,
    /know what data about you.*corrected.*restrict.*object.*erased where the law allows it/,
    /complain to the Swedish Authority for Privacy Protection/,
    /data protection officer/,
  ],
};

for (const [path, controller, dpo, phone] of [
  ['configured.html', 'Barn- och utbildningsnämnden, Skellefteå kommun', 'dso@skelleftea.se', '0910-123 45'],
  ['', 'Kommunstyrelsen, Skellefteå kommun', 'dataskyddsombud@skelleftea.se', '0910-73 50 00'],
]) {
  test(`the privacy notice names the controller, legal basis, rights and DPO (${path ? 'from the settings' : 'defaults'})`, async () => {
    const page = await openApp(browser, server.url, { path });
    for (const lang of ['sv', 'en']) {
      if (lang === 'en') assert.equal(await switchLanguage(page), 'en');
      const text = await notice(page);
      const controllerSentence = lang === 'sv' ? `Personuppgiftsansvarig är ${controller}.` : `The controller of your personal data is ${controller}.`;
      assert.ok(text.includes(controllerSentence), `${lang}: ${text}`);
      for (const expected of words[lang]) assert.match(text, expected, lang);
      assert.ok(text.includes(`dataskyddsombud, ${dpo}.`) || text.includes(`data protection officer, ${dpo}.`), `${lang}: the DPO's address ${dpo}`);
      assert.ok(text.includes(phone), `${lang}: the phone number ${phone}`);
      assert.deepEqual(await axeViolations(page), [], `axe-core (${lang})`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('the reminder not to name pupils is on every free-text step and the attachments step, in both languages', async () => {
  const page = await openApp(browser, server.url);
  const d = fastDriver(page);
  const seen = [];
  const reminders = {
    description: /Skriv inte elevernas namn/,
    activities: /Skriv inte elevernas namn/,
    support: /Skriv inte elevernas namn/,
    attachments: /Bifoga inga filer med elevernas namn/,
  };
  await fillUntil(d, internship, 'check', {
    onStep: async (step) => {
      if (!reminders[step]) return;
      seen.push(step);
      assert.match(await page.textContent('[data-role=names-warning]'), reminders[step], step);
    },
  });
  assert.deepEqual(seen, ['description', 'activities', 'support', 'attachments']);
  // And in English, on the attachments step.
  await page.click('.sku-back-link');
  await page.waitForSelector('#attachments');
  await switchLanguage(page);
  assert.match(await page.textContent('[data-role=names-warning]'), /Do not attach files with pupils' names/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
