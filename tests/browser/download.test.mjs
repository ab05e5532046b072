// Download mode (no endpoint configured, what a fresh `make serve` shows): the
// confirmation offers one zip per application, opened here with real readers: `unzip`,
// the JSON Schema (ajv), and the PDF with poppler (pdftotext, pdffonts, pdfinfo) and qpdf.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, useServerAndBrowser } from './support/harness.mjs';
import { schemaErrors, downloadBundle, pdfFacts } from './support/receiver.mjs';
import { internship, exchange, fastDriver, fillUntil, fillStep, continueFrom, normalise } from './support/journeys.mjs';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

async function downloadFromConfirmation(app) {
  const page = await openApp(browser, server.url);
  const d = fastDriver(page);
  await fillUntil(d, app, 'declaration');
  await fillStep.declaration(d, app);
  await continueFrom(d, app, 'declaration');
  assert.match(await page.textContent('[data-role=download-mode]'), /Ladda ner den och skicka PDF-filen med e-post/);
  return { page, ...(await downloadBundle(page)) };
}

for (const app of [internship, exchange]) {
  test(`download mode: the zip holds valid JSON, a checked PDF and the attachments (${app.label})`, async () => {
    const { page, name, dir, names } = await downloadFromConfirmation(app);
    assert.match(name, /^ansokan-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
    const attachments = (app.attachments ?? []).map((a) => `bilagor/${a.name}`);
    assert.deepEqual(names, ['ansokan.json', 'ansokan.pdf', ...attachments]);
    for (const attachment of app.attachments ?? []) {
      assert.deepEqual(readFileSync(join(dir, 'bilagor', attachment.name)), attachment.buffer, 'the attachment as chosen');
    }

    const application = JSON.parse(readFileSync(join(dir, 'ansokan.json'), 'utf8'));
    assert.deepEqual(schemaErrors(application), []);
    assert.equal(application.applicant.name, app.applicant.name);
    assert.equal(application.activities.length, app.activities.length);
    assert.deepEqual(application.attachments.map((a) => a.name), (app.attachments ?? []).map((a) => a.name));

    const pdf = pdfFacts(join(dir, 'ansokan.pdf'));
    const text = normalise(pdf.text);
    const mustShow = [
      app.applicant.name,
      app.applicant.email,
      app.dates.country,
      app.dates.place,
      app.dates.partner,
      app.description.goals,
      app.payment.principalName,
      ...app.activities.map((a) => a.description),
      ...app.budget.rows.map((r) => r.description),
      ...app.expected.sv.filter((s) => !s.includes(':') && s !== 'Inte angivet'),
    ];
    for (const expected of mustShow) {
      assert.ok(text.includes(normalise(expected)), `the PDF shows "${expected}"`);
    }
    assert.match(pdf.text, /Sida 1 av \d+/);
    assert.match(pdf.fonts, /[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/, pdf.fonts);
    assert.match(pdf.info, /Tagged:\s+yes/);
    assert.match(pdf.info, /Title:\s+\S/);
    assert.ok(pdf.qpdf.ok, `qpdf --check: ${pdf.qpdf.output}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
