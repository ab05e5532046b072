// What the browser keeps, and how an applicant removes it: attachments kept in IndexedDB
// (by the worker) survive a reload, a closed tab and the resume prompt, and are in the
// download and the POST byte for byte; "Börja om", "Ta bort mina svar från den här
// datorn" (from a step, from the resume prompt, after a download), a confirmed send and
// 30 days without changes remove them with the answers, the copies set aside and the
// Idempotency-Key; storage that is off or full keeps the file for the visit; two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory, launchBrowser, pageWithSettings } from './support/harness.mjs';
import { startReceiver, unzipped } from './support/receiver.mjs';
import { exchange, fastDriver, fillUntil, fillStep, continueFrom, waitForStep, currentStep, normalise } from './support/journeys.mjs';
import {
  DRAFT_KEY,
  CORRUPT_PREFIX,
  SV,
  openTab,
  storedEnvelope,
  waitForStored,
  visibleText,
  waitForText,
  sleep,
} from './support/drafts.mjs';
import { KEY_STORAGE, DAY_MS, keptFiles, appStorage, seedBrowser, binaryBytes } from './support/storage.mjs';

/** The Swedish texts of src/i18n/sv.rs these tests look for. */
const TEXT = {
  forget: 'Ta bort mina svar från den här datorn',
  forgetTitle: 'Vill du ta bort dina svar från den här datorn?',
  forgotten: 'Dina svar och filer är borttagna från den här datorn.',
  notStored: (names) =>
    `${names} kunde inte sparas i webbläsaren (lagringen är avstängd eller full). Filen är bifogad tills du laddar om eller stänger sidan.`,
  afterDownload:
    'Svaren finns kvar i den här webbläsaren tills du tar bort dem, högst 30 dagar. Använder andra också datorn? Ta bort dem när du har skickat filen.',
  noFiles: 'Inga filer bifogade.',
  forgetEn: 'Remove my answers from this computer',
};

/** Two attachments: a PDF and a spreadsheet of bytes that are not text. */
const FILES = [
  { name: 'inbjudan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), binaryBytes(40_000, 7)]) },
  { name: 'budget.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: binaryBytes(70_123, 11) },
];

let receiver;
let server;
let browser;

before(async () => {
  receiver = await startReceiver();
  server = await serveDirectory(undefined, {}, {}, {
    '/multipart.html': await pageWithSettings({ 'data-endpoint': receiver.endpoint(), 'data-multipart': 'true' }),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  receiver?.close();
});

/** A fresh browser profile (empty storage); closed afterwards. */
async function withContext(body, { initScript } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', acceptDownloads: true });
  if (initScript) await context.addInitScript(initScript);
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

/**
 * Downloads the zip of the application (the secondary download where the primary one is
 * the PDF) and unpacks it: its name, folder and entry names.
 */
async function downloadZip(page) {
  const button = (await page.$('[data-role=download-zip]')) ? '[data-role=download-zip]' : '[data-role=download-application]';
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.click(button)]);
  const zipPath = join(mkdtempSync(join(tmpdir(), 'skolutbyte-zip-')), download.suggestedFilename());
  await download.saveAs(zipPath);
  return { name: download.suggestedFilename(), ...unzipped(zipPath) };
}

/** The attachments listed on the attachments step: "name size" each. */
function listedFiles(page) {
  return page.$$eval('.sku-file-list__item', (items) =>
    items.map((li) => `${li.querySelector('.sku-file-list__name').textContent} ${li.querySelector('.sku-file-list__size').textContent}`),
  );
}

/** Answers the exchange up to the attachments step and attaches FILES; waits until both are kept. */
async function attachFiles(page) {
  const d = fastDriver(page);
  await fillUntil(d, exchange, 'attachments');
  await page.setInputFiles('#attachments', FILES);
  await page.waitForFunction(() => document.querySelectorAll('.sku-file-list__item').length === 2);
  await waitForStored(page, (e) => e?.files?.length === 2, 'both attachments are listed with the stored draft');
  return d;
}

function assertKeptAsChosen(kept, what) {
  assert.deepEqual(
    kept.map((f) => [f.name, f.size, Buffer.from(f.bytes, 'base64').equals(FILES.find((x) => x.name === f.name).buffer)]),
    [['budget.xlsx', FILES[1].buffer.length, true], ['inbjudan.pdf', FILES[0].buffer.length, true]],
    what,
  );
}

async function waitForKept(page, count, what) {
  const deadline = Date.now() + 6000;
  for (;;) {
    const kept = await keptFiles(page);
    if (kept.length === count) return kept;
    if (Date.now() > deadline) assert.fail(`${what}: ${kept.length} files kept in IndexedDB, expected ${count}`);
    await sleep(100);
  }
}

async function resume(page, step) {
  await page.waitForSelector('#sku-resume-title');
  await page.click('[data-role=resume]');
  await waitForStep(page, step);
}

async function waitForFocusOn(page, selector) {
  await page.waitForFunction((sel) => document.activeElement?.matches(sel), selector, { timeout: 3000 }).catch(async () => {
    throw new Error(`expected focus on ${selector}, it is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`);
  });
}

function assertNoProblems(...pages) {
  for (const page of pages) assert.deepEqual(page.problems, [], 'no script errors in the page');
}

// ---------------------------------------------------------------------------------------
// Attachments survive.

test('attachments survive a reload and a closed tab: listed again with name and size, in the download byte for byte, and gone after Börja om', async () => {
  await withContext(async (context) => {
    let page = await openTab(context, server.url);
    const d = await attachFiles(page);
    const listedBefore = await listedFiles(page);
    assert.equal(listedBefore.length, 2);
    assertKeptAsChosen(await keptFiles(page), 'IndexedDB holds both files as chosen');
    assert.ok(normalise(await page.textContent('[data-role=attachments-kept]')).includes('innehåller bara svaren'), 'the attachments page says a draft file holds the answers only');
    assert.ok(normalise(await page.textContent('.sku-drafts .sku-hint')).includes('Filen innehåller bara svaren, inte bilagorna.'), 'and so do the draft-file controls');

    // A reload: the resume prompt, then the same list on the step left.
    await page.reload();
    await resume(page, 'attachments');
    assert.deepEqual(await listedFiles(page), listedBefore, 'listed again with name and size after a reload');

    // Check your answers lists them too.
    await continueFrom(d, exchange, 'attachments');
    const summary = normalise((await page.$$eval('.sku-summary-list', (lists) => lists.map((l) => l.textContent))).join(' '));
    for (const file of FILES) assert.ok(summary.includes(file.name), `check answers lists ${file.name}`);

    // A closed tab and a new one.
    await waitForStored(page, (e) => e?.step === 'kontrollera', 'the step is saved');
    await page.close();
    page = await openTab(context, server.url);
    await resume(page, 'check');
    const again = normalise((await page.$$eval('.sku-summary-list', (lists) => lists.map((l) => l.textContent))).join(' '));
    for (const file of FILES) assert.ok(again.includes(file.name), `after a closed tab, check answers lists ${file.name}`);

    // The download, made from files this page never held in memory.
    const d2 = fastDriver(page);
    await continueFrom(d2, exchange, 'check');
    await fillStep.declaration(d2, exchange);
    await continueFrom(d2, exchange, 'declaration');
    const bundle = await downloadZip(page);
    for (const file of FILES) {
      assert.ok(bundle.names.includes(`bilagor/${file.name}`), `the zip holds ${file.name}: ${bundle.names}`);
      assert.ok(readFileSync(join(bundle.dir, 'bilagor', file.name)).equals(file.buffer), `${file.name} byte for byte`);
    }
    const json = JSON.parse(readFileSync(join(bundle.dir, 'ansokan.json'), 'utf8'));
    assert.deepEqual(json.attachments.map((a) => [a.name, a.size_bytes]).sort(), FILES.map((f) => [f.name, f.buffer.length]).sort());

    // Börja om: no file left, in the list or in the browser.
    await page.reload();
    await page.waitForSelector('#sku-resume-title');
    await page.click('[data-role=restart]');
    await page.click('[data-role=restart-confirm]');
    await waitForStep(page, 'start');
    assert.deepEqual(await waitForKept(page, 0, 'Börja om removes the files'), []);
    await sleep(500);
    assert.equal(await storedEnvelope(page), null, 'no draft left');
    await fillUntil(fastDriver(page), exchange, 'attachments');
    assert.equal(await visibleText(page, '#attachments-list'), TEXT.noFiles, 'the list is empty after Börja om');
    await page.reload();
    await page.waitForSelector('#sku-resume-title');
    await page.click('[data-role=resume]');
    await waitForStep(page, 'attachments');
    assert.equal(await visibleText(page, '#attachments-list'), TEXT.noFiles, 'and stays empty after a reload');
    assertNoProblems(page);
  });
});

test('after a reload the multipart POST carries the kept attachments byte for byte; the confirmed send removes them from the browser, and the receipt still downloads them', async () => {
  await receiver.reset();
  await withContext(async (context) => {
    const page = await openTab(context, `${server.url}multipart.html`);
    const d = await attachFiles(page);
    await continueFrom(d, exchange, 'attachments');
    await continueFrom(d, exchange, 'check');
    await fillStep.declaration(d, exchange);
    await waitForStored(page, (e) => e?.draft?.declaration_confirmed === true, 'the declaration is saved');

    await page.reload();
    // A resumed application returns to "Kontrollera dina svar" with the declaration to
    // tick again (a stored step never skips the journey; README, "Draft files").
    await resume(page, 'check');
    await continueFrom(d, exchange, 'check');
    await fillStep.declaration(d, exchange);
    await page.click('[data-role=continue]');
    await waitForStep(page, 'confirmation', { timeout: 20000 });
    const received = await receiver.applications();
    assert.equal(received.length, 1, 'received once');
    // What the receiver stored from the multipart body's `attachments` parts.
    const parts = received[0].files.filter((f) => f.part === 'attachments');
    assert.deepEqual(parts.map((f) => f.file_name).sort(), FILES.map((f) => f.name).sort(), 'one part per attachment');
    for (const file of FILES) {
      const part = parts.find((f) => f.file_name === file.name);
      const bytes = readFileSync(join(receiver.dataDir, received[0].reference, ...part.stored_as.split('/')));
      assert.ok(bytes.equals(file.buffer), `the multipart part holds ${file.name} byte for byte`);
    }

    assert.deepEqual(await waitForKept(page, 0, 'a confirmed send removes the kept files'), []);
    assert.equal(await storedEnvelope(page), null, 'and the draft');
    const bundle = await downloadZip(page);
    for (const file of FILES) {
      assert.ok(readFileSync(join(bundle.dir, 'bilagor', file.name)).equals(file.buffer), `the receipt's download still holds ${file.name}`);
    }
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// Storage that is off or full.

test('with storage off a chosen file stays attached for the visit, with a message, and is in the download', async () => {
  const initScript = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  };
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const d = fastDriver(page);
    await fillUntil(d, exchange, 'attachments');
    await page.setInputFiles('#attachments', [FILES[0]]);
    await waitForText(page, '[data-role=attachments-not-stored]', TEXT.notStored('inbjudan.pdf'));
    assert.equal((await listedFiles(page)).length, 1, 'the file is listed');
    await continueFrom(d, exchange, 'attachments');
    await continueFrom(d, exchange, 'check');
    await fillStep.declaration(d, exchange);
    await continueFrom(d, exchange, 'declaration');
    const bundle = await downloadZip(page);
    assert.ok(readFileSync(join(bundle.dir, 'bilagor', 'inbjudan.pdf')).equals(FILES[0].buffer), 'the file is in the download');
    assertNoProblems(page);
  }, { initScript });
});

test('with IndexedDB full a chosen file stays attached for the visit, with a message; the answers are still saved', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    // A real quota, far too small for the file: the worker's put is refused by the browser.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url.replace(/\/$/, ''), quotaSize: 4096 });
    const d = fastDriver(page);
    await fillUntil(d, exchange, 'attachments');
    await page.setInputFiles('#attachments', [FILES[1]]);
    await waitForText(page, '[data-role=attachments-not-stored]', TEXT.notStored('budget.xlsx'), { timeout: 10000 });
    assert.equal((await listedFiles(page)).length, 1, 'the file is listed for this visit');
    await page.click('.sku-back-link');
    await waitForStep(page, 'payment');
    await page.fill('#principal-name', 'Maria Holm-Berg');
    const saved = await waitForStored(page, (e) => e?.draft?.principal_name === 'Maria Holm-Berg', 'answers are still saved');
    assert.equal(saved.files, undefined, 'a file that could not be kept is not listed in the stored draft');
    assert.deepEqual(await keptFiles(page), [], 'nothing half-kept');
    await continueFrom(d, exchange, 'payment');
    assert.equal((await listedFiles(page)).length, 1, 'still attached on the way back');
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// Removing everything.

/** Answers, two kept files, a copy set aside and an Idempotency-Key: what a visit leaves. */
async function leaveTraces(page) {
  await attachFiles(page);
  await page.evaluate(([copy, key]) => {
    localStorage.setItem(copy, '{"format":"skolutbyte-utkast","version":2,"draft":{"applicant_name":"Gammal');
    localStorage.setItem(key, '19ab2c3d4e5f6a7b8c');
  }, [`${CORRUPT_PREFIX}${Date.now() - DAY_MS}`, KEY_STORAGE]);
  const keys = Object.keys(await appStorage(page));
  assert.equal(keys.length, 3, `the draft, a copy set aside and the key: ${keys}`);
  assert.ok(keys.includes(DRAFT_KEY) && keys.includes(KEY_STORAGE) && keys.some((k) => k.startsWith(CORRUPT_PREFIX)));
  assert.equal((await keptFiles(page)).length, 2);
}

async function assertNothingLeft(page, what) {
  await sleep(600); // any autosave has run
  assert.deepEqual(await appStorage(page), {}, `${what}: nothing of the form is left in localStorage`);
  assert.deepEqual(await waitForKept(page, 0, what), [], `${what}: no file is left in IndexedDB`);
}

async function assertEmptyStart(page, what) {
  await waitForText(page, '[data-role=forgotten]', TEXT.forgotten);
  await waitForFocusOn(page, '[data-role=forgotten]');
  assert.equal(await currentStep(page), 'start', `${what}: the start page`);
  await assertNothingLeft(page, what);
  await page.click('[data-role=start]');
  await waitForStep(page, 'applicant');
  assert.equal(await page.inputValue('#applicant-name'), '', `${what}: the form is empty`);
  assert.equal(await page.$('[data-role=forgotten]'), null, 'the message is gone once the applicant moves on');
  await page.reload();
  await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
  await sleep(300);
  assert.equal(await page.$('#sku-resume-title'), null, `${what}: nothing to resume after a reload`);
}

test('"Ta bort mina svar från den här datorn" on a step asks once, then removes answers, files, copies and the key; another open tab asks before it saves again', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    await leaveTraces(page);
    const other = await openTab(context, server.url);
    await resume(other, 'attachments');
    assert.equal((await listedFiles(other)).length, 2, 'the other tab lists the files');

    // The control is at the foot of the step, and asks first; No keeps everything.
    const button = '.sku-drafts [data-role=forget]';
    assert.equal(await visibleText(page, button), TEXT.forget);
    await page.click(button);
    await waitForText(page, '#sku-restart-title', TEXT.forgetTitle);
    await waitForFocusOn(page, '#sku-restart-title');
    await page.click('[data-role=restart-cancel]');
    await waitForFocusOn(page, button);
    assert.equal(await page.$('#sku-restart-title'), null, 'the question is gone');
    await sleep(400);
    assert.equal(Object.keys(await appStorage(page)).length, 3, 'No removes nothing');
    assert.equal((await keptFiles(page)).length, 2);

    await page.click(button);
    await waitForText(page, '#sku-restart-title', TEXT.forgetTitle);
    await page.click('[data-role=restart-confirm]');
    await assertEmptyStart(page, 'from a step');

    // The other tab still shows its answers, but saves nothing until its applicant
    // chooses; taking "the other tab's" answers empties it.
    await waitForText(other, '[data-role=other-tab] p', SV.otherTab);
    await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await sleep(500);
    assert.deepEqual(await appStorage(other), {}, 'the other tab did not save its copy again');
    await other.click('[data-role=other-tab-use]');
    await waitForStep(other, 'start');
    await other.click('[data-role=start]');
    await waitForStep(other, 'applicant');
    assert.equal(await other.inputValue('#applicant-name'), '', 'the other tab is empty too');
    assertNoProblems(page, other);
  });
});

test('"Ta bort mina svar från den här datorn" from the resume prompt removes everything after one confirmation', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    await leaveTraces(page);
    await page.reload();
    await page.waitForSelector('#sku-resume-title');
    const inPrompt = '[aria-labelledby=sku-resume-title] [data-role=forget]';
    assert.equal(await visibleText(page, inPrompt), TEXT.forget);
    // No: back to the prompt, focus on the button that asked.
    await page.click(inPrompt);
    await waitForText(page, '#sku-restart-title', TEXT.forgetTitle);
    assert.equal(await page.$('[data-role=resume]'), null, 'the question replaces the prompt');
    await page.click('[data-role=restart-cancel]');
    await waitForFocusOn(page, inPrompt);
    await page.click(inPrompt);
    await waitForText(page, '#sku-restart-title', TEXT.forgetTitle);
    await page.click('[data-role=restart-confirm]');
    await assertEmptyStart(page, 'from the resume prompt');

    // In English too.
    await page.click('[data-role=language]');
    await page.waitForFunction(() => document.querySelector('.sku-app')?.getAttribute('lang') === 'en');
    assert.equal(await visibleText(page, '.sku-drafts [data-role=forget]'), TEXT.forgetEn);
    assertNoProblems(page);
  });
});

test('download mode: after the download the confirmation offers to remove the saved answers, which are kept until the applicant chooses', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const d = await attachFiles(page);
    await continueFrom(d, exchange, 'attachments');
    await continueFrom(d, exchange, 'check');
    await fillStep.declaration(d, exchange);
    await continueFrom(d, exchange, 'declaration');
    assert.equal(await page.$('[data-role=after-download-text]'), null, 'no offer before the download');
    await downloadZip(page);
    await waitForText(page, '[data-role=after-download-text]', TEXT.afterDownload);
    await sleep(800);
    assert.ok((await storedEnvelope(page))?.draft?.applicant_name, 'the answers are kept by default');
    assert.equal((await keptFiles(page)).length, 2, 'and the files');

    await page.click('[data-role=after-download] [data-role=forget]');
    await waitForText(page, '#sku-restart-title', TEXT.forgetTitle);
    await page.click('[data-role=restart-confirm]');
    await assertEmptyStart(page, 'after the download');
    assertNoProblems(page);
  });
});

test('the start page says truly what the browser keeps, for how long, and how to remove it on a shared computer', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const text = normalise(await page.textContent('.sku-app'));
    assert.ok(!text.includes('sparas inte om du stänger sidan'), 'no longer says the answers are not saved');
    assert.ok(text.includes('Svaren och filerna sparas i den här webbläsaren medan du fyller i'), 'says the answers and files are saved');
    assert.ok(text.includes(`Välj ”${TEXT.forget}” längst ner på sidan`), 'says how to remove them on a shared computer');
    assert.ok(text.includes(TEXT.forget), 'and the button is there');
    const privacy = normalise(await page.textContent('[data-role=privacy-browser]'));
    assert.match(privacy, /bara i den här webbläsaren, inte hos kommunen/);
    assert.match(privacy, /30 dagar efter din senaste ändring/);
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// Expiry and set-aside copies.

function envelope(savedAtMs, files) {
  return JSON.stringify({
    format: 'skolutbyte-utkast',
    version: 2,
    saved_at_ms: savedAtMs,
    step: 'bilagor',
    tab_id: 'en-tidigare-flik',
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.text.length, type: f.type, added_ms: savedAtMs })),
    draft: { applicant_name: 'Karin Öberg', applicant_email: 'karin.oberg@skelleftea.se' },
  });
}

const OLD_FILE = { id: 'fil-1', name: 'inbjudan.pdf', type: 'application/pdf', text: '%PDF-1.4 inbjudan' };

test('30 days after the last change the draft is removed with its files, the copies set aside and the key; at 29 days it is offered', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const now = Date.now();
    await seedBrowser(page, server.url, {
      entries: {
        [DRAFT_KEY]: envelope(now - 31 * DAY_MS, [OLD_FILE]),
        [`${CORRUPT_PREFIX}${now - 40 * DAY_MS}`]: 'oläsbart 1',
        [`${CORRUPT_PREFIX}${now - 2 * DAY_MS}`]: 'oläsbart 2',
        [KEY_STORAGE]: '19ab2c3d4e5f',
      },
      files: [OLD_FILE],
    });
    await page.goto(server.url);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    assert.equal(await page.$('#sku-resume-title'), null, 'nothing is offered');
    await assertNothingLeft(page, 'after 31 days');

    // 29 days: still there. A copy set aside 40 days ago goes on its own; a recent one stays.
    const recentCopy = `${CORRUPT_PREFIX}${now - 2 * DAY_MS}`;
    await seedBrowser(page, server.url, {
      entries: { [DRAFT_KEY]: envelope(now - 29 * DAY_MS, [OLD_FILE]), [`${CORRUPT_PREFIX}${now - 40 * DAY_MS}`]: 'oläsbart 1', [recentCopy]: 'oläsbart 2' },
      files: [OLD_FILE],
    });
    await page.goto(server.url);
    await resume(page, 'attachments');
    assert.equal(await visibleText(page, '.sku-file-list__name'), 'inbjudan.pdf', 'the file is listed');
    assert.deepEqual(Object.keys(await appStorage(page)).filter((k) => k.startsWith(CORRUPT_PREFIX)), [recentCopy], 'only the old copy is removed');
    assertNoProblems(page);
  });
});

test('Börja om also removes the copies set aside', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const now = Date.now();
    await seedBrowser(page, server.url, {
      entries: { [DRAFT_KEY]: envelope(now - DAY_MS, []), [`${CORRUPT_PREFIX}${now - DAY_MS}`]: 'oläsbart' },
    });
    await page.goto(server.url);
    await page.waitForSelector('#sku-resume-title');
    await page.click('[data-role=restart]');
    await page.click('[data-role=restart-confirm]');
    await waitForStep(page, 'start');
    await sleep(500);
    assert.deepEqual(await appStorage(page), {}, 'no draft and no copy left');
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// Two tabs.

test('two tabs: the files follow the answers the applicant chooses to keep', async () => {
  await withContext(async (context) => {
    const a = await openTab(context, server.url);
    const d = fastDriver(a);
    await fillUntil(d, exchange, 'attachments');
    await a.setInputFiles('#attachments', [FILES[0]]);
    await waitForStored(a, (e) => e?.files?.length === 1, 'tab A keeps its file');

    const b = await openTab(context, server.url);
    await resume(b, 'attachments');
    assert.deepEqual((await listedFiles(b)).map((f) => f.split(' ')[0]), ['inbjudan.pdf']);

    // B attaches a second file: same answers, different files; A is told and takes B's.
    await b.setInputFiles('#attachments', [FILES[1]]);
    await waitForStored(b, (e) => e?.files?.length === 2, 'tab B keeps its file');
    await waitForText(a, '[data-role=other-tab] p', SV.otherTab);
    await a.click('[data-role=other-tab-use]');
    await waitForStep(a, 'attachments');
    assert.deepEqual((await listedFiles(a)).map((f) => f.split(' ')[0]), ['inbjudan.pdf', 'budget.xlsx'], 'tab A lists tab B\'s files');

    // A removes B's file; B keeps its own answers: the file is kept again.
    await a.click('.sku-file-list__item:nth-child(2) button');
    await waitForStored(a, (e) => e?.files?.length === 1, 'tab A saves the removal');
    await waitForKept(a, 1, 'the removed file leaves IndexedDB');
    await waitForText(b, '[data-role=other-tab] p', SV.otherTab);
    await b.click('[data-role=other-tab-keep]');
    await waitForStored(b, (e) => e?.files?.length === 2, 'tab B\'s list is stored again');
    assertKeptAsChosen(await waitForKept(b, 2, 'tab B keeps its file again'), 'both files are kept again, as chosen');
    assertNoProblems(a, b);
  });
});
