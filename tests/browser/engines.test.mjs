// The journeys that must work for every applicant, in each of the three engines Debian
// offers (support/engines.mjs): Chromium, Firefox ESR and WebKit (Safari's engine).
// The same journey code runs in each; a failure's name starts with its engine.
//
// - both kinds of application, start to confirmation, with the keyboard alone;
// - the download (the PDF with the JSON inside, and the zip), read with real readers;
// - sending to the reference receiver;
// - resume after a reload; saving a draft file and opening it in a fresh browser;
// - the embedded page under the strict CSP, and iframe mode's height messages;
// - axe-core (WCAG 2.0–2.2 A/AA and best practice) over every state of the form, and the
//   checks of support/wcag.mjs that need no emulation: reflow at 400 % zoom, target size,
//   label in name, text spacing (wcag22.test.mjs runs these and the rest in Chromium).
//
// Chromium runs the same journeys, and the deeper tests of each area, in the other files
// (journey, download, send, drafts, embed, accessibility, wcag22); SKU_ENGINES adds it
// here too (support/engines.mjs).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDirectory, pageWithSettings, axeViolations } from './support/harness.mjs';
import { ENGINES, launchEngine, problemsOf } from './support/engines.mjs';
import { startReceiver, schemaErrors, downloadPdf, downloadZip } from './support/receiver.mjs';
import { serveExamples, STRICT_CSP, FRAMING_CSP, hostPageHtml } from './support/embed.mjs';
import { DRAFT_KEY, waitForStored } from './support/drafts.mjs';
import { targetSizeProblems, labelInNameProblems, reflowProblems, textSpacingProblems } from './support/wcag.mjs';
import {
  internship,
  exchange,
  keyboardDriver,
  fastDriver,
  fillStep,
  fillUntil,
  continueFrom,
  waitForStep,
  waitForErrorSummary,
  shownAnswers,
  fieldValues,
  inEveryState,
  normalise,
} from './support/journeys.mjs';

/** A hung browser fails its test (named by engine) instead of stalling the whole run. */
const PER_TEST = { timeout: 180_000 };

/** The strict policy, with violations reported to the test server. */
const REPORTED_CSP = `${STRICT_CSP}; report-uri /csp-report`;

let receiver;
let site; // the app at /, download mode; /send.html sends to the receiver
let host; // examples/ with the strict CSP, the app under /skolutbyte/
let framing; // the iframe example's parent page …
let framingForm; // … and the form on another origin (another port)

before(async () => {
  receiver = await startReceiver();
  site = await serveDirectory(undefined, {}, {}, {
    '/send.html': await pageWithSettings({ 'data-endpoint': receiver.endpoint() }),
  });
  host = await serveExamples(REPORTED_CSP);
  framingForm = await serveExamples(`${FRAMING_CSP}; report-uri /csp-report`);
  const iframePage = readFileSync(new URL('../../examples/iframe/index.html', import.meta.url), 'utf8')
    .replace('src="/skolutbyte/index.html"', `src="${framingForm.url}skolutbyte/index.html"`);
  framing = await serveExamples(`${FRAMING_CSP}; report-uri /csp-report`, { '/iframe/': iframePage });
});

after(async () => {
  receiver?.close();
  await Promise.all([site, host, framing, framingForm].map((s) => s?.close()));
});

/** Answers every step of `app` from the start page up to the confirmation. */
async function applyUntilConfirmation(d, app) {
  await continueFrom(d, app, 'start');
  await fillUntil(d, app, 'check');
  const shown = await shownAnswers(d.page);
  for (const expected of app.expected.sv) {
    assert.ok(shown.some((value) => value.includes(normalise(expected))), `check answers shows "${expected}"`);
  }
  await continueFrom(d, app, 'check');
  await fillStep.declaration(d, app);
  await continueFrom(d, app, 'declaration');
}

for (const engineName of ENGINES) {
  describe(engineName, () => {
    let engine;
    before(async () => {
      engine = await launchEngine(engineName);
    });
    after(async () => {
      await engine?.close();
    });

    /** A fresh page (its own cookies and storage) on `url`, closed after `body`. */
    async function withPage(url, body, { width = 1280, height = 900, mounted = true } = {}) {
      let page;
      try {
        page = await engine.newPage({ width, height });
        await page.goto(url);
        if (mounted) await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
        await body(page);
      } finally {
        await page?.dispose();
      }
    }

    test(`${engineName}: internship by keyboard alone, then the PDF and the zip download`, PER_TEST, async () => {
      await withPage(site.url, async (page) => {
        await applyUntilConfirmation(keyboardDriver(page), internship);
        assert.match(normalise(await page.textContent('.sku-panel')), /Ansökan är klar att skicka/);

        const pdf = await downloadPdf(page);
        assert.match(pdf.name, /^ansokan-\d{4}-\d{2}-\d{2}-\d{4}\.pdf$/);
        assert.deepEqual(pdf.names, ['ansokan.json'], 'pdfdetach -list');
        const application = JSON.parse(readFileSync(join(pdf.dir, 'ansokan.json'), 'utf8'));
        assert.deepEqual(schemaErrors(application), []);
        assert.equal(application.applicant.name, internship.applicant.name);
        assert.equal(application.budget.amount_applied, 70_000_00);

        const zip = await downloadZip(page);
        assert.match(zip.name, /^ansokan-.*\.zip$/);
        assert.deepEqual(zip.names, ['ansokan.json', 'ansokan.pdf']);
        assert.deepEqual(JSON.parse(readFileSync(join(zip.dir, 'ansokan.json'), 'utf8')), application);
        assert.deepEqual(await problemsOf(page), []);
      });
    });

    test(`${engineName}: exchange with an attachment by keyboard alone, sent to the receiver`, PER_TEST, async () => {
      await receiver.reset();
      await withPage(`${site.url}send.html`, async (page) => {
        await applyUntilConfirmation(keyboardDriver(page), exchange);
        await page.waitForSelector('[data-role=reference]', { timeout: 20000 });
        const received = await receiver.applications();
        assert.equal(received.length, 1, 'received exactly once');
        assert.match(await page.textContent('[data-role=reference]'), new RegExp(received[0].reference));
        const application = JSON.parse(await receiver.storedJson(received[0].reference));
        assert.deepEqual(schemaErrors(application), []);
        assert.equal(application.applicant.name, exchange.applicant.name);
        assert.deepEqual(application.attachments.map((a) => a.name), ['inbjudan.pdf']);
        assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), null, 'the draft is cleared');
        assert.deepEqual(await problemsOf(page), []);
      });
    });

    test(`${engineName}: after a reload the resume prompt brings back the answers and the step`, PER_TEST, async () => {
      await withPage(site.url, async (page) => {
        const d = fastDriver(page);
        await fillUntil(d, internship, 'dates');
        await d.text('country', 'Irland');
        await waitForStored(page, (e) => e?.draft?.country === 'Irland', 'the country is saved');
        await page.reload();
        await page.waitForSelector('#sku-resume-title');
        await page.click('[data-role=resume]');
        await waitForStep(page, 'dates');
        assert.equal(await page.inputValue('#country'), 'Irland');
        await page.click('.sku-back-link'); // kind
        await page.click('.sku-back-link'); // applicant
        await waitForStep(page, 'applicant');
        assert.equal(await page.inputValue('#applicant-name'), internship.applicant.name);
        assert.deepEqual(await problemsOf(page), []);
      });
    });

    test(`${engineName}: a saved draft file opens in a fresh browser with every answer, on its step`, PER_TEST, async () => {
      let file;
      let fields;
      await withPage(site.url, async (page) => {
        const d = fastDriver(page);
        await fillUntil(d, exchange, 'budget');
        await fillStep.budget(d, exchange);
        fields = await fieldValues(page);
        await waitForStored(page, (e) => e?.draft?.amount_applied === exchange.budget.applied, 'the last answer is saved');
        file = await page.downloadBy('[data-role=save-draft]');
        assert.match(file.name, /^ansokan-utkast-\d{4}-\d{2}-\d{2}\.json$/);
        assert.equal(JSON.parse(file.bytes.toString('utf8')).step, 'budget');
      });
      await withPage(site.url, async (page) => {
        await page.setInputFiles('#sku-open-draft', [{ name: file.name, mimeType: 'application/json', buffer: file.bytes }]);
        await waitForStep(page, 'budget');
        assert.deepEqual(await fieldValues(page), fields, 'every answer as it was');
        assert.deepEqual(await problemsOf(page), []);
      });
    });

    test(`${engineName}: embedded in the host page under a strict CSP, completed and downloaded`, PER_TEST, async () => {
      host.cspReports.length = 0;
      await withPage(`${host.url}host/`, async (page) => {
        assert.equal(await page.textContent('.site-title'), 'Fonden för internationellt skolutbyte');
        await applyUntilConfirmation(fastDriver(page), internship);
        // The PDF is made by the worker, which the policy's worker-src allows from /skolutbyte/.
        const pdf = await downloadPdf(page);
        assert.deepEqual(pdf.names, ['ansokan.json']);
        assert.equal(await page.url(), `${host.url}host/`, 'the address stays the host page\'s own');
        assert.deepEqual(await problemsOf(page), []);
      });
      assert.deepEqual(host.cspReports, [], 'no Content-Security-Policy violation was reported');
      assert.match(await hostPageHtml(), /id="skolutbyte"/, 'the example is the snippet the README gives');
    });

    test(`${engineName}: English, fetched when chosen, under the strict CSP: the form in English, answers and errors too`, PER_TEST, async () => {
      host.cspReports.length = 0;
      await withPage(`${host.url}host/`, async (page) => {
        const app = '.sku-app:not([data-sku-static])';
        await page.click(`${app} [data-role=language]`);
        await page.waitForFunction((app) => document.querySelector(app)?.lang === 'en', app);
        assert.equal(normalise(await page.textContent(`${app} h1`)), 'Apply for a grant from the fund for international school exchange');
        const d = fastDriver(page);
        await d.press('[data-role=start]');
        await waitForStep(page, 'applicant');
        await d.submit();
        await waitForErrorSummary(page);
        assert.match(normalise(await page.textContent('#sku-error-summary')), /There is a problem.*Enter your name/);
        assert.deepEqual(await problemsOf(page), []);
      });
      assert.deepEqual(host.cspReports, [], 'no Content-Security-Policy violation was reported');
    });

    test(`${engineName}: iframe mode: the iframe follows the form's height, told by messages from the form's origin`, PER_TEST, async () => {
      framing.cspReports.length = 0;
      framingForm.cspReports.length = 0;
      await withPage(`${framing.url}iframe/`, async (page) => {
        await page.evaluate(() => {
          window.formMessages = [];
          addEventListener('message', (e) => window.formMessages.push({ origin: e.origin, ...e.data }));
        });
        const frame = await page.frameOf('iframe[data-skolutbyte]');
        await frame.waitForSelector('.sku-app:not([data-sku-static]) h1');
        const fits = () => frame.evaluate(() => {
          const root = document.documentElement;
          return root.scrollHeight <= root.clientHeight + 1;
        });
        const height = () => page.$eval('iframe[data-skolutbyte]', (f) => f.clientHeight);
        await frame.waitForFunction(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight + 1, null, { timeout: 5000 });
        const start = await height();

        const d = fastDriver(frame);
        await d.press('[data-role=start]');
        await waitForStep(frame, 'applicant');
        await page.waitForFunction((before) => document.querySelector('iframe[data-skolutbyte]').clientHeight < before - 100, start, { timeout: 5000 });
        await frame.waitForFunction(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight + 1, null, { timeout: 5000 });
        const applicant = await height();
        await d.submit();
        await waitForErrorSummary(frame);
        // The iframe grows with the error messages.
        await page.waitForFunction((before) => document.querySelector('iframe[data-skolutbyte]').clientHeight > before, applicant, { timeout: 5000 });
        await frame.waitForFunction(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight + 1, null, { timeout: 5000 });
        assert.ok(await fits(), 'the form fits its iframe: no scrollbar inside');

        const messages = await page.evaluate(() => window.formMessages);
        const fromForm = messages.filter((m) => String(m.type).startsWith('skolutbyte:'));
        const formOrigin = new URL(framingForm.url).origin;
        assert.ok(fromForm.length > 0, 'the form sent messages');
        assert.ok(fromForm.every((m) => m.origin === formOrigin), 'every message comes from the form\'s origin');
        const lastHeight = fromForm.filter((m) => m.type === 'skolutbyte:height').at(-1);
        assert.equal(lastHeight?.height, await height(), 'the iframe has the height the form last reported');
        assert.deepEqual(await problemsOf(page), []);
      }, { mounted: false });
      assert.deepEqual([...framing.cspReports, ...framingForm.cspReports], [], 'no CSP violation in the parent or the form');
    });

    // MiniBrowser's window cannot be narrower than about 450 CSS px (its toolbar), so in
    // WebKit reflow at 320 px is not checked; Chromium (wcag22.test.mjs) and Firefox check it.
    const narrowest = engineName === 'webkit' && 'MiniBrowser windows are at least ~450 CSS px wide';
    test(`${engineName}: at 400 % zoom (320×256 CSS px), in every state: no sideways scrolling (1.4.10), targets of 24×24 px (2.5.8)`, { ...PER_TEST, skip: narrowest }, async () => {
      await withPage(site.url, async (page) => {
        const found = await inEveryState(page, internship, async (p) => [
          ...(await reflowProblems(p)),
          ...(await targetSizeProblems(p)),
        ]);
        assert.deepEqual(found, {});
      }, { width: 320, height: 256 });
    });

    test(`${engineName}: in every state: targets of 24×24 px (2.5.8), names that contain the visible label (2.5.3), and with the text spacing of 1.4.12 nothing cut off or overlapping`, PER_TEST, async () => {
      await withPage(site.url, async (page) => {
        const found = await inEveryState(page, exchange, async (p) => [
          ...(await targetSizeProblems(p)),
          ...(await labelInNameProblems(p)),
          ...(await textSpacingProblems(p)),
        ]);
        assert.deepEqual(found, {});
      }, { width: 1280, height: 800 });
    });

    test(`${engineName}: axe-core finds no WCAG 2.2 A/AA or best-practice violation in any state`, PER_TEST, async () => {
      await withPage(site.url, async (page) => {
        assert.deepEqual(await inEveryState(page, exchange, axeViolations), {});
      });
    });
  });
}
