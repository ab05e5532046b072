// Download mode (no endpoint configured, what a fresh `make serve` shows): the
// confirmation offers one PDF per application with the JSON and the attachments inside,
// and the zip for systems that read JSON, opened here with real readers: poppler
// (pdftotext, pdffonts, pdfinfo, pdfdetach), qpdf, `unzip` and the JSON Schema (ajv).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, useServerAndBrowser } from './support/harness.mjs';
import { schemaErrors, downloadPdf, downloadZip, detached, pdfFacts } from './support/receiver.mjs';
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
  assert.match(await page.textContent('[data-role=download-mode]'), /Ansökan är inte skickad än\..*Skicka PDF-filen med e-post/s);
  return page;
}

for (const app of [internship, exchange]) {
  test(`download mode: the PDF holds valid JSON and the attachments, and reads as the application (${app.label})`, async () => {
    const page = await downloadFromConfirmation(app);
    const { name, path, dir, names } = await downloadPdf(page);
    assert.match(name, /^ansokan-\d{4}-\d{2}-\d{2}-\d{4}\.pdf$/);
    const attachments = (app.attachments ?? []).map((a) => a.name);
    assert.deepEqual([...names].sort(), ['ansokan.json', ...attachments].sort(), 'pdfdetach -list');
    for (const attachment of app.attachments ?? []) {
      assert.deepEqual(readFileSync(join(dir, attachment.name)), attachment.buffer, 'the attachment as chosen');
    }

    const application = JSON.parse(readFileSync(join(dir, 'ansokan.json'), 'utf8'));
    assert.deepEqual(schemaErrors(application), []);
    assert.equal(application.applicant.name, app.applicant.name);
    assert.equal(application.activities.length, app.activities.length);
    assert.deepEqual(application.attachments.map((a) => a.name), attachments);

    const pdf = pdfFacts(path);
    assert.match(pdf.meta.replace(/\s+/g, ''), /pdfaid:part(>3<|="3")/, 'PDF/A-3');
    assert.match(pdf.meta.replace(/\s+/g, ''), /pdfaid:conformance(>A<|="A")/, 'level A');
    assert.match(normalise(pdf.text), /Filerna ovan finns inuti den här PDF-filen/);
    for (const attachment of app.attachments ?? []) {
      assert.ok(normalise(pdf.text).includes(attachment.name), `Bilagor names ${attachment.name}`);
    }
    const text = normalise(pdf.text);
    const account = app.payment.account;
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
      // The check-answers page's "4123/3500" is named by segment in the PDF (below).
      ...app.expected.sv.filter((s) => !s.includes(':') && s !== 'Inte angivet' && !/^\d+\/\d+$/.test(s)),
      // Written for the case officer: the summary, the municipality's box, the named
      // kontosträng segments and who declared what.
      'Sammanfattning',
      'Kommunens anteckningar',
      ...(account ? [`Kontosträng Ansvar ${account.ansvar}, Verksamhet ${account.verksamhet}`] : []),
      `Sökande ${app.applicant.name} har intygat att uppgifterna är riktiga och att rektor ${app.payment.principalName} har godkänt ansökan.`,
    ];
    for (const expected of mustShow) {
      assert.ok(text.includes(normalise(expected)), `the PDF shows "${expected}"`);
    }
    assert.doesNotMatch(text, /Ditt namn/, 'the form\'s second-person label');
    assert.match(pdf.text, /Sida 1 av \d+/);
    assert.match(pdf.fonts, /[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/, pdf.fonts);
    assert.match(pdf.info, /Tagged:\s+yes/);
    assert.match(pdf.info, /Title:\s+\S/);
    assert.ok(pdf.qpdf.ok, `qpdf --check: ${pdf.qpdf.output}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('download mode: the zip, for systems that read JSON, holds the JSON, the same PDF and the attachments', async () => {
  const app = exchange;
  const page = await downloadFromConfirmation(app);
  assert.match(await page.textContent('#download-zip-hint'), /JSON/);
  const { name, dir, names } = await downloadZip(page);
  assert.match(name, /^ansokan-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
  const attachments = app.attachments.map((a) => a.name);
  assert.deepEqual(names, ['ansokan.json', 'ansokan.pdf', ...attachments.map((a) => `bilagor/${a}`)]);
  for (const attachment of app.attachments) {
    assert.deepEqual(readFileSync(join(dir, 'bilagor', attachment.name)), attachment.buffer, 'the attachment as chosen');
  }
  const json = readFileSync(join(dir, 'ansokan.json'), 'utf8');
  assert.deepEqual(schemaErrors(JSON.parse(json)), []);
  // The PDF in the zip is the PDF/A-3 with the same JSON inside.
  const inside = detached(join(dir, 'ansokan.pdf'));
  assert.equal(readFileSync(join(inside.dir, 'ansokan.json'), 'utf8'), json);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
