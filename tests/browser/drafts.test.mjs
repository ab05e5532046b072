// "Never lose an answer": autosave to the browser's storage and the resume prompt, reloads
// at random moments (also mid-typing), "Start again", the draft file (save, open in a
// fresh browser, refused files), storage that is disabled, full or holds garbage, and two
// tabs editing the same application.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { distDir, useServerAndBrowser, axeViolations } from './support/harness.mjs';
import {
  internship,
  fastDriver,
  fillStep,
  fillUntil,
  continueFrom,
  waitForStep,
  currentStep,
  nextStep,
  fieldValues,
  normalise,
} from './support/journeys.mjs';
import {
  DRAFT_KEY,
  CORRUPT_PREFIX,
  SV,
  savedAtText,
  localDate,
  openTab,
  storedText,
  storedEnvelope,
  storageEntries,
  waitForStored,
  visibleText,
  waitForText,
  seededRandom,
  shuffle,
  getPath,
  sleep,
} from './support/drafts.mjs';

const TIME_ZONE = 'Europe/Stockholm';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

/** A fresh browser profile (empty storage) in Swedish time; closed afterwards. */
async function withContext(body, { initScript, acceptDownloads = false } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: TIME_ZONE,
    locale: 'sv-SE',
    acceptDownloads,
  });
  if (initScript) await context.addInitScript(initScript);
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

/** Puts `text` under `key` in the app's origin without the app running (a 404 page). */
async function seedStorage(page, entries) {
  // The style sheet: a document of the same origin in which the app does not run.
  const css = (await readdir(distDir)).find((name) => name.endsWith('.css'));
  await page.goto(server.url + css);
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) window.localStorage.setItem(key, value);
  }, entries);
}

async function waitForFocus(page, id) {
  await page
    .waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 2000 })
    .catch(async () => {
      throw new Error(`expected focus on #${id}, it is on ${await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)}`);
    });
}

function assertNoProblems(...pages) {
  for (const page of pages) assert.deepEqual(page.problems, [], 'no script errors in the page');
}

const STEP_SLUGS = {
  start: 'start',
  applicant: 'sokande',
  kind: 'typ',
  dates: 'datum',
  participants: 'deltagare',
  description: 'beskrivning',
  activities: 'aktiviteter',
  support: 'stod',
  budget: 'budget',
  payment: 'utbetalning',
};

// ---------------------------------------------------------------------------------------
// 1. Reloads at random moments.

/**
 * The internship application as a list of small operations: each types (key by key),
 * fills, chooses or adds one thing, or presses Continue. `path` is where the answer lives
 * in the stored draft.
 */
function operations(app) {
  const ops = [];
  const add = (op) => ops.push(op);
  const typed = (step, id, path, value) => add({ type: 'type', step, id, path, value });
  const filled = (step, id, path, value) => add({ type: 'fill', step, id, path, value });
  const date = (step, id, path, [y, m, d], how = typed) => {
    how(step, id, `${path}.year`, y);
    how(step, `${id}-month`, `${path}.month`, m);
    how(step, `${id}-day`, `${path}.day`, d);
  };
  const cont = (step) => add({ type: 'continue', step });

  cont('start');
  const a = app.applicant;
  typed('applicant', 'applicant-name', 'applicant_name', a.name);
  typed('applicant', 'applicant-email', 'applicant_email', a.email);
  typed('applicant', 'applicant-phone', 'applicant_phone', a.phone);
  add({ type: 'radio', step: 'applicant', id: 'applicant-role', path: 'applicant_role', value: 'staff' });
  add({ type: 'select', step: 'applicant', id: 'school', path: 'school_id', value: a.school, initial: '' });
  cont('applicant');
  add({ type: 'radio', step: 'kind', id: 'kind-2', path: 'kind', value: 'internship_abroad' });
  cont('kind');
  const x = app.dates;
  date('dates', 'project-start', 'project_start', x.projectStart);
  date('dates', 'project-end', 'project_end', x.projectEnd);
  date('dates', 'trip-start', 'trip_start', x.tripStart);
  date('dates', 'trip-end', 'trip_end', x.tripEnd);
  typed('dates', 'country', 'country', x.country);
  typed('dates', 'place', 'place', x.place);
  filled('dates', 'partner', 'partner', x.partner);
  cont('dates');
  typed('participants', 'pupils', 'pupils', app.participants.pupils);
  typed('participants', 'staff', 'staff', app.participants.staff);
  typed('participants', 'group', 'group', app.participants.group);
  cont('participants');
  filled('description', 'goals', 'goals', app.description.goals);
  filled('description', 'theme', 'theme', app.description.theme);
  cont('description');
  for (const [i, row] of app.activities.entries()) {
    const p = `activities.${i}`;
    add({
      type: 'addRow', step: 'activities', button: 'button#activities', firstId: `activity-${i}-date`,
      leaves: [[`${p}.date.year`, ''], [`${p}.date.month`, ''], [`${p}.date.day`, ''], [`${p}.phase`, null], [`${p}.description`, '']],
    });
    date('activities', `activity-${i}-date`, `${p}.date`, row.date, filled);
    add({ type: 'select', step: 'activities', id: `activity-${i}-phase`, path: `${p}.phase`, value: row.phase });
    filled('activities', `activity-${i}-description`, `${p}.description`, row.description);
  }
  cont('activities');
  filled('support', 'support-measures', 'support_measures', app.support);
  cont('support');
  for (const [i, row] of app.budget.rows.entries()) {
    const p = `budget_rows.${i}`;
    add({
      type: 'addRow', step: 'budget', button: 'button#budget-rows', firstId: `budget-${i}-category`,
      leaves: [[`${p}.category`, null], [`${p}.description`, ''], [`${p}.amount`, '']],
    });
    add({ type: 'select', step: 'budget', id: `budget-${i}-category`, path: `${p}.category`, value: row.category });
    filled('budget', `budget-${i}-description`, `${p}.description`, row.description);
    typed('budget', `budget-${i}-amount`, `${p}.amount`, row.amount);
  }
  typed('budget', 'other-funding', 'other_funding', app.budget.otherFunding);
  typed('budget', 'amount-applied', 'amount_applied', app.budget.applied);
  cont('budget');
  return ops;
}

function describeOp(op) {
  return op.type === 'continue' ? `Continue on ${op.step}` : `${op.type} #${op.id ?? op.firstId} on ${op.step}`;
}

/**
 * What the applicant has answered, as every value each answer has had and when: after a
 * reload, the stored answer must be the one it had 500 ms before, or a later one.
 */
class AnswerHistory {
  constructor(ops) {
    this.initial = new Map();
    for (const op of ops) {
      if (op.type === 'addRow') for (const [path] of op.leaves) this.initial.set(path, undefined);
      else if (op.path && !this.initial.has(op.path)) {
        this.initial.set(op.path, 'initial' in op ? op.initial : op.type === 'radio' || op.type === 'select' ? null : '');
      }
    }
    // Choices in rows start as null once the row exists; the row's absence is undefined.
    this.reset(null);
  }

  /** Starts over from `draft` (null: nothing answered). */
  reset(draft) {
    this.entries = new Map();
    for (const [path, initial] of this.initial) {
      const value = draft ? getPath(draft, path) : initial;
      this.entries.set(path, [{ t: 0, v: value }]);
    }
  }

  record(path, value) {
    this.entries.get(path).push({ t: Date.now(), v: value });
  }

  /** The values `path` may have in a draft saved at `reloadAt` (the settled one first). */
  acceptable(path, reloadAt) {
    const list = this.entries.get(path);
    let from = 0;
    list.forEach((entry, i) => {
      if (entry.t <= reloadAt - 500) from = i;
    });
    return list.slice(from).map((e) => e.v);
  }

  /** True when every answer that must be back is still unanswered. */
  nothingRequired(reloadAt) {
    return [...this.initial].every(([path, initial]) => {
      const [settled] = this.acceptable(path, reloadAt);
      return settled === initial || (initial === undefined && settled == null);
    });
  }
}

/** Runs one operation; a typed one stops between two keys once `stopAt` has passed. */
async function runOperation(page, app, op, history, { stopAt = Infinity, keyDelay = 25 } = {}) {
  const sel = op.id ? `[id="${op.id}"]` : null;
  switch (op.type) {
    case 'continue':
      await page.click(op.step === 'start' ? '[data-role=start]' : '[data-role=continue]');
      await waitForStep(page, nextStep(app, op.step));
      return 'done';
    case 'type': {
      await page.focus(sel);
      if (await page.inputValue(sel)) {
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        history.record(op.path, await page.inputValue(sel));
      }
      for (const ch of op.value) {
        if (Date.now() >= stopAt) return 'interrupted';
        await page.keyboard.type(ch);
        history.record(op.path, await page.inputValue(sel));
        await sleep(keyDelay);
      }
      return 'done';
    }
    case 'fill':
      await page.fill(sel, op.value);
      history.record(op.path, op.value);
      return 'done';
    case 'radio':
      await page.check(sel);
      history.record(op.path, op.value);
      return 'done';
    case 'select':
      await page.selectOption(`select${sel}`, op.value);
      history.record(op.path, op.value);
      return 'done';
    case 'addRow':
      await page.click(op.button);
      await page.waitForSelector(`[id="${op.firstId}"]`);
      for (const [path, value] of op.leaves) history.record(path, value);
      return 'done';
    default:
      throw new Error(`unknown operation ${op.type}`);
  }
}

/** Whether `op`'s answer is on screen as intended (used to redo lost work after a resume). */
async function operationShows(page, op) {
  const sel = op.id ? `[id="${op.id}"]` : null;
  switch (op.type) {
    case 'addRow':
      return Boolean(await page.$(`[id="${op.firstId}"]`));
    case 'radio':
      return page.isChecked(sel);
    case 'type':
    case 'fill':
    case 'select':
      return (await page.$(sel)) !== null && (await page.inputValue(sel)) === op.value;
    default:
      return true;
  }
}

/** The value the user sees for `op`'s answer, in the stored draft's terms. */
async function shownValue(page, op) {
  const sel = `[id="${op.id}"]`;
  if (!(await page.$(sel))) return undefined;
  if (op.type === 'radio') return (await page.isChecked(sel)) ? op.value : 'not chosen';
  const value = await page.inputValue(sel);
  return op.type === 'select' && value === '' && op.initial !== '' ? null : value;
}

test('reloading at random moments, also mid-typing, loses no answer typed half a second before, and returns to the same step', async (t) => {
  const seed = Number(process.env.SKU_SEED ?? 20261124);
  const random = seededRandom(seed);
  const app = internship;
  const ops = operations(app);
  const history = new AnswerHistory(ops);

  // 25 reloads: on each of applicant, dates, participants and budget up to two in the
  // middle of typing an answer; the rest after random operations, after a random pause.
  const plan = new Map();
  for (const step of ['applicant', 'dates', 'participants', 'budget']) {
    const typedHere = ops
      .map((op, i) => [op, i])
      .filter(([op]) => op.type === 'type' && op.step === step && op.value.length >= 3);
    for (const [, i] of shuffle(typedHere, random).slice(0, 2)) plan.set(i, 'mid');
  }
  const midCount = plan.size;
  for (const i of shuffle(ops.map((_, i) => i).filter((i) => !plan.has(i)), random).slice(0, 25 - midCount)) {
    plan.set(i, 'after');
  }
  assert.equal(plan.size, 25);

  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    let index = 0;
    let reloads = 0;
    const interruptedOn = [];
    const reloadedOn = new Set();

    while (index < ops.length) {
      const op = ops[index];
      const mode = plan.get(index);
      plan.delete(index); // each planned reload happens once, also when the operation is redone
      const keyDelay = 15 + Math.floor(random() * 30);
      let stopAt = Infinity;
      // Somewhere between the first and the last key.
      if (mode === 'mid') stopAt = Date.now() + (0.1 + 0.75 * random()) * op.value.length * (keyDelay + 8);
      const outcome = await runOperation(page, app, op, history, { stopAt, keyDelay });
      if (!mode) {
        index += 1;
        continue;
      }
      if (mode === 'after') await sleep(Math.floor(random() * 800));

      // Reload, as the applicant would with F5.
      const shownBefore = await currentStep(page);
      const reloadAt = Date.now();
      reloads += 1;
      reloadedOn.add(shownBefore);
      if (outcome === 'interrupted') interruptedOn.push(`#${op.id}`);
      await page.reload();
      await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
      const stored = await storedEnvelope(page);
      const prompt = await page.$('#sku-resume-title');
      const at = `seed ${seed}, reload ${reloads} (${mode === 'mid' ? 'while typing' : 'after'}: ${describeOp(op)})`;

      if (history.nothingRequired(reloadAt) && !prompt) {
        // Nothing answered yet: nothing to offer, the form starts over.
        assert.equal(await currentStep(page), 'start', `${at}: a blank form starts on the start page`);
        history.reset(null);
        index = 0;
        continue;
      }
      assert.ok(prompt, `${at}: the resume prompt is shown after a reload with answers; stored: ${JSON.stringify(stored)?.slice(0, 300)}`);
      assert.ok(stored?.draft, `${at}: a draft is stored`);

      // Every answer is back as it was at least 500 ms before the reload (or newer).
      const lost = [];
      for (const path of history.initial.keys()) {
        const allowed = history.acceptable(path, reloadAt);
        const got = getPath(stored.draft, path);
        if (!allowed.some((v) => v === got || (v === undefined && got === undefined))) {
          lost.push(`${path}: stored ${JSON.stringify(got)}, expected ${allowed.map((v) => JSON.stringify(v)).join(' or ')}`);
        }
      }
      assert.deepEqual(lost, [], `${at}: answers lost or wrong after the reload`);
      assert.equal(stored.step, STEP_SLUGS[shownBefore], `${at}: the stored step is the one shown (${shownBefore})`);

      await page.click('[data-role=resume]');
      await waitForStep(page, shownBefore).catch((e) => {
        throw new Error(`${at}: Continue should show the step left, ${shownBefore}: ${e.message}`);
      });
      assert.equal(await page.$('#sku-resume-title'), null, `${at}: the prompt is gone after Continue`);

      // What the applicant sees on this step is what was stored.
      for (const other of ops.filter((o) => o.step === shownBefore && o.id && o.path)) {
        const shown = await shownValue(page, other);
        const want = getPath(stored.draft, other.path);
        if (other.type === 'radio') {
          assert.equal(shown === other.value, want === other.value, `${at}: radio #${other.id} is as stored`);
        } else {
          assert.equal(shown, want, `${at}: #${other.id} shows the stored answer`);
        }
      }
      history.reset(stored.draft);

      // Carry on: redo the interrupted answer, and anything on this step that was too new
      // to be required (none, when the pagehide save works).
      index = outcome === 'interrupted' ? index : index + 1;
      for (let j = 0; j < index; j += 1) {
        if (ops[j].step === shownBefore && ops[j].type !== 'continue' && !(await operationShows(page, ops[j]))) {
          await runOperation(page, app, ops[j], history);
        }
      }
    }

    assert.equal(reloads, 25, 'all planned reloads happened');
    t.diagnostic(`seed ${seed}: 25 reloads on ${[...reloadedOn].join(', ')}; ${interruptedOn.length} mid-typing (${interruptedOn.join(' ')})`);
    assert.ok(interruptedOn.length >= midCount - 1, `the planned ${midCount} reloads came in the middle of typing`);
    for (const step of ['applicant', 'dates', 'participants', 'budget']) {
      assert.ok(reloadedOn.has(step), `a reload on the ${step} step`);
    }
    assert.equal(await currentStep(page), 'payment', 'the whole walk ends on the payment step');
    const final = await waitForStored(
      page,
      (e) => e?.step === 'utbetalning' && [...history.initial.keys()].every((p) => getPath(e.draft, p) === history.entries.get(p).at(-1).v),
      'every answer of the walk is stored at the end',
    );
    assert.equal(final.draft.applicant_name, app.applicant.name);
    assert.equal(final.draft.budget_rows.length, app.budget.rows.length);
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// 2. The resume prompt.

/** True when a stored draft holds no answer at all. */
function isBlankDraft(draft) {
  const blank = (v) =>
    v === '' || v === null || v === false || typeof v === 'number' ||
    (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.values(v).every(blank));
  return Object.values(draft).every(blank);
}

test('the resume prompt shows when the answers were saved; Continue restores them; Start again asks first and then leaves nothing', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    // A draft saved three days ago (drafts expire after 30), on the participants step.
    const savedAt = Date.now() - 3 * 24 * 3600 * 1000;
    const envelope = {
      format: 'skolutbyte-utkast',
      version: 2,
      saved_at_ms: savedAt,
      step: 'deltagare',
      tab_id: 'en-annan-flik',
      draft: { applicant_name: 'Karin Öberg', applicant_email: 'karin.oberg@skelleftea.se', pupils: '12', staff: '2', group: 'Åk 9' },
    };
    await seedStorage(page, { [DRAFT_KEY]: JSON.stringify(envelope) });
    await page.goto(server.url);
    await page.waitForSelector('#sku-resume-title');
    assert.equal(await visibleText(page, '#sku-resume-title'), SV.resumeTitle(savedAtText(savedAt, TIME_ZONE)));

    // Start again, then No: the offer is still there and nothing was removed. Focus
    // follows, so a screen reader reads the question and then the offer again.
    await page.click('[data-role=restart]');
    await waitForText(page, '#sku-restart-title', SV.restartTitle);
    await waitForFocus(page, 'sku-restart-title');
    assert.equal(await page.$('[data-role=resume]'), null, 'the confirmation replaces the offer');
    await page.click('[data-role=restart-cancel]');
    await waitForText(page, '#sku-resume-title', SV.resumeTitle(savedAtText(savedAt, TIME_ZONE)));
    await waitForFocus(page, 'sku-resume-title');
    assert.equal(await page.$('#sku-restart-title'), null, 'the confirmation is gone');
    await sleep(500);
    assert.equal(await storedText(page), JSON.stringify(envelope), 'cancelling keeps the stored draft untouched');

    // Continue: the participants step with the answers.
    await page.click('[data-role=resume]');
    await waitForStep(page, 'participants');
    assert.equal(await page.inputValue('#pupils'), '12');
    assert.equal(await page.inputValue('#staff'), '2');
    assert.equal(await page.inputValue('#group'), 'Åk 9');
    await page.click('.sku-back-link'); // dates
    await page.click('.sku-back-link'); // kind
    await page.click('.sku-back-link'); // applicant
    await waitForStep(page, 'applicant');
    assert.equal(await page.inputValue('#applicant-name'), 'Karin Öberg');
    assert.equal(await page.inputValue('#applicant-email'), 'karin.oberg@skelleftea.se');

    // A new answer, then a reload: the prompt shows the time of the latest save.
    await page.fill('#applicant-phone', '0910-123 45');
    const saved = await waitForStored(page, (e) => e?.draft?.applicant_phone === '0910-123 45', 'the phone number is saved');
    await page.reload();
    await page.waitForSelector('#sku-resume-title');
    assert.equal(await visibleText(page, '#sku-resume-title'), SV.resumeTitle(savedAtText(saved.saved_at_ms, TIME_ZONE)));

    // Start again, confirmed: a blank form, and no answer left in the browser.
    await page.click('[data-role=restart]');
    await waitForText(page, '#sku-restart-title', SV.restartTitle);
    await page.click('[data-role=restart-confirm]');
    await waitForStep(page, 'start');
    assert.equal(await page.$('#sku-resume-title'), null, 'no offer after starting again');
    assert.equal(await page.$('#sku-restart-title'), null, 'no confirmation after starting again');
    await sleep(600); // any autosave has run
    const left = await storageEntries(page);
    for (const [key, value] of Object.entries(left)) {
      for (const answer of ['Karin', 'karin.oberg', '0910-123 45', 'Åk 9']) {
        assert.ok(!value.includes(answer), `"${answer}" is removed from the browser, but ${key} still holds it`);
      }
    }
    const remaining = await storedEnvelope(page);
    assert.ok(remaining === null || isBlankDraft(remaining.draft), `no answers stored after starting again: ${JSON.stringify(remaining)}`);
    await page.click('[data-role=start]');
    await waitForStep(page, 'applicant');
    assert.equal(await page.inputValue('#applicant-name'), '', 'the form is blank');
    assert.equal(await page.inputValue('#applicant-phone'), '', 'the form is blank');

    await page.reload();
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    await sleep(200);
    assert.equal(await page.$('#sku-resume-title'), null, 'after starting again a reload offers nothing to resume');
    assert.equal(await currentStep(page), 'start');
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// 3. The draft file, from one browser to another.

/** The internship application with answers that stress the file format. */
const tricky = {
  ...internship,
  description: {
    goals: 'Rad ett: praktik hos "Elektro Cork Ltd".\nRad två: yrkesengelska \\ säkerhet – 100 %.',
    theme: 'Hållbar energi 🌍 <b>inte fet</b>',
    summary: '',
  },
};

test('a saved draft file opens in a fresh browser with every answer identical, on the step it was saved on', async () => {
  let file;
  let answersA;
  let fieldsA;
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const d = fastDriver(page);
    await fillUntil(d, tricky, 'budget');
    await fillStep.budget(d, tricky);
    fieldsA = await fieldValues(page);
    const stored = await waitForStored(
      page,
      (e) => e?.step === 'budget' && e.draft.amount_applied === tricky.budget.applied,
      'the last answer is saved',
    );
    answersA = stored.draft;

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-role=save-draft]')]);
    assert.equal(download.suggestedFilename(), `ansokan-utkast-${localDate(Date.now(), TIME_ZONE)}.json`);
    file = await readFile(await download.path(), 'utf8');
    const parsed = JSON.parse(file);
    assert.equal(parsed.format, 'skolutbyte-utkast');
    assert.equal(parsed.version, 2);
    assert.equal(parsed.step, 'budget');
    assert.deepEqual(parsed.draft, answersA, 'the file holds the answers that are stored');

    // Opening a file while the resume prompt is offered: asked first; when the applicant
    // takes the file, the offer goes.
    const other = structuredClone(parsed);
    other.draft.applicant_name = 'Fil Filsson';
    other.step = 'deltagare';
    await page.reload();
    await page.waitForSelector('#sku-resume-title');
    await page.setInputFiles('#sku-open-draft', {
      name: 'ansokan-utkast.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other, null, 2)),
    });
    await page.click('[data-role=file-replace]');
    await waitForStep(page, 'participants');
    await waitForText(page, '[data-role=draft-opened]', SV.fileLoaded);
    assert.equal(await page.$('#sku-resume-title'), null, 'the resume offer is gone');
    assert.equal(await page.inputValue('#group'), tricky.participants.group);
    await waitForStored(page, (e) => e?.draft?.applicant_name === 'Fil Filsson' && e.step === 'deltagare', 'the opened file is saved');
    assertNoProblems(page);
  }, { acceptDownloads: true });

  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    assert.equal(await storedText(page), null, 'a fresh profile has nothing stored');
    await page.setInputFiles('#sku-open-draft', {
      name: `ansokan-utkast-${localDate(Date.now(), TIME_ZONE)}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(file, 'utf8'),
    });
    await waitForStep(page, 'budget');
    await waitForText(page, '[data-role=draft-opened]', SV.fileLoaded);
    assert.equal(await page.$('[data-role=draft-refused]'), null);
    assert.equal(await page.$('[data-role=file-replace]'), null, 'a blank form takes the file without asking');
    assert.deepEqual(await fieldValues(page), fieldsA, 'the budget step shows the same answers');
    const stored = await waitForStored(page, (e) => e?.step === 'budget' && e.draft.amount_applied === tricky.budget.applied, 'the opened draft is saved in the new browser');
    assert.deepEqual(stored.draft, answersA, 'the new browser stores exactly the same answers');

    // Earlier steps too, as the applicant would look at them.
    for (let i = 0; i < 3; i += 1) await page.click('.sku-back-link');
    await waitForStep(page, 'description');
    assert.equal(await page.inputValue('#goals'), tricky.description.goals);
    assert.equal(await page.inputValue('#theme'), tricky.description.theme);
    assertNoProblems(page);
  });
});

/** A draft file (the envelope the app writes) holding `draft`, on `step`. */
function draftFile(step, draft, name = 'ansokan-utkast.json') {
  const envelope = { format: 'skolutbyte-utkast', version: 2, saved_at_ms: Date.now(), step, draft };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(envelope, null, 2)) };
}

/** Waits for the question before a file replaces answers; checks its words and focus. */
async function waitForFileQuestion(page, what) {
  await page.waitForSelector('[data-role=file-replace]', { timeout: 3000 }).catch(() => {
    throw new Error(`${what}: expected to be asked before the file replaces the answers`);
  });
  assert.equal(await visibleText(page, '#sku-file-question-title'), SV.fileQuestion, `${what}: the question`);
  assert.equal(await visibleText(page, '[data-role=file-replace]'), SV.fileReplace);
  assert.equal(await visibleText(page, '[data-role=file-keep]'), SV.fileKeep);
  await waitForFocus(page, 'sku-file-question-title');
  assert.equal(await page.getAttribute('#sku-file-question-title', 'tabindex'), '-1');
}

test('opening a draft file asks before it replaces answers, in the form or behind the resume prompt, and keeps them until the applicant chooses', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const anna = {
      format: 'skolutbyte-utkast',
      version: 2,
      saved_at_ms: Date.now() - 3 * 24 * 3600 * 1000,
      step: 'sokande',
      tab_id: 'en-annan-flik',
      draft: { applicant_name: 'Anna Lindqvist', applicant_email: 'anna@skelleftea.se' },
    };
    const bertil = { applicant_name: 'Bertil Berg', applicant_email: 'bertil@skelleftea.se' };
    await seedStorage(page, { [DRAFT_KEY]: JSON.stringify(anna) });

    // Stored Anna, the resume prompt showing, a file with Bertil: asked first, and the
    // stored draft is untouched while the question waits.
    await page.goto(server.url);
    await page.waitForSelector('#sku-resume-title');
    await page.setInputFiles('#sku-open-draft', draftFile('sokande', bertil));
    await waitForFileQuestion(page, 'the resume prompt showing');
    assert.deepEqual(await axeViolations(page), [], 'the question passes axe-core');
    await sleep(700); // longer than autosave's delay
    assert.equal(await storedText(page), JSON.stringify(anna), 'the stored draft is untouched while the applicant decides');
    assert.ok(await page.$('#sku-resume-title'), 'the resume prompt is still offered');

    // "Behåll mina svar": Anna's answers, in the form and in storage.
    await page.click('[data-role=file-keep]');
    await waitForStep(page, 'applicant');
    assert.equal(await page.inputValue('#applicant-name'), 'Anna Lindqvist', 'the stored answers are in the form');
    assert.equal(await page.inputValue('#applicant-email'), 'anna@skelleftea.se');
    await waitForText(page, '[data-role=draft-kept]', SV.fileKept);
    assert.equal(await page.$('[data-role=file-replace]'), null, 'the question is gone');
    assert.equal(await page.$('#sku-resume-title'), null, 'keeping them answers the resume prompt too');
    await sleep(700);
    const kept = await storedEnvelope(page);
    assert.equal(kept.draft.applicant_name, 'Anna Lindqvist', 'Anna is still stored');
    assert.equal(kept.draft.applicant_email, 'anna@skelleftea.se');

    // Again from the resume prompt, and "Ersätt mina svar med filens": Bertil's answers.
    await page.reload();
    await page.waitForSelector('#sku-resume-title');
    await page.setInputFiles('#sku-open-draft', draftFile('sokande', bertil));
    await waitForFileQuestion(page, 'the resume prompt showing, again');
    await page.click('[data-role=file-replace]');
    await waitForStep(page, 'applicant');
    assert.equal(await page.inputValue('#applicant-name'), 'Bertil Berg', 'the file\'s answers are in the form');
    await waitForText(page, '[data-role=draft-opened]', SV.fileLoaded);
    assert.equal(await page.$('#sku-resume-title'), null, 'the resume offer is gone');
    await waitForStored(page, (e) => e?.draft?.applicant_name === 'Bertil Berg', 'the file\'s answers are saved once chosen');

    // Answers in the form (Bertil's, one more typed), a file with Anna's: asked first;
    // the applicant's answers stay in the form and are still saved meanwhile.
    await page.fill('#applicant-phone', '070-123 45 67');
    await page.setInputFiles('#sku-open-draft', draftFile('deltagare', anna.draft));
    await waitForFileQuestion(page, 'answers in the form');
    assert.equal(await currentStep(page), 'applicant', 'nothing opened yet');
    assert.equal(await page.inputValue('#applicant-name'), 'Bertil Berg', 'nothing replaced yet');
    await waitForStored(page, (e) => e?.draft?.applicant_phone === '070-123 45 67' && e.draft.applicant_name === 'Bertil Berg', 'the applicant\'s answers are saved while the question waits');
    await page.click('[data-role=file-keep]');
    await waitForFocus(page, 'sku-open-draft');
    await waitForText(page, '[data-role=draft-kept]', SV.fileKept);
    assert.equal(await page.inputValue('#applicant-name'), 'Bertil Berg');
    assert.equal(await page.inputValue('#applicant-phone'), '070-123 45 67');
    await sleep(700);
    assert.equal((await storedEnvelope(page)).draft.applicant_name, 'Bertil Berg', 'the file did not reach storage');

    // A file with exactly the answers on screen replaces nothing: it opens at once.
    const same = { ...bertil, applicant_phone: '070-123 45 67' };
    await page.setInputFiles('#sku-open-draft', draftFile('typ', same));
    await waitForStep(page, 'kind');
    await waitForText(page, '[data-role=draft-opened]', SV.fileLoaded);
    assert.equal(await page.$('[data-role=file-replace]'), null, 'no question for the same answers');
    assertNoProblems(page);
  });
});

/**
 * A complete internship application saved on the declaration page with the declaration
 * ticked (as autosave stores it), made once for the tests that need one.
 */
let tickedOnce;
function completeTickedDraft() {
  tickedOnce ??= (async () => {
    let ticked;
    await withContext(async (context) => {
      const page = await openTab(context, server.url);
      const d = fastDriver(page);
      await fillUntil(d, internship, 'declaration');
      await fillStep.declaration(d, internship);
      ticked = await waitForStored(page, (e) => e?.step === 'intyga' && e.draft.declaration_confirmed === true, 'the ticked declaration is saved');
    });
    return ticked;
  })();
  return tickedOnce;
}

test('a hand-made draft file on "klart" with the declaration ticked opens on check answers, nothing ticked, no receipt', async () => {
  const ticked = await completeTickedDraft();
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    await page.setInputFiles('#sku-open-draft', draftFile('klart', { ...ticked.draft, declaration_confirmed: true }));
    await waitForStep(page, 'check').catch(async (e) => {
      throw new Error(`${e.message}; the page reads: ${normalise(await page.textContent('.sku-app__main')).slice(0, 200)}`);
    });
    assert.ok(!normalise(await page.textContent('.sku-app')).includes('Ansökan är klar'), 'no receipt for an application never sent');
    await continueFrom(fastDriver(page), internship, 'check');
    assert.equal(await page.isChecked('#declaration'), false, 'the declaration is not ticked by the file');
    const stored = await waitForStored(page, (e) => e?.draft?.applicant_name === internship.applicant.name, 'the opened file is saved');
    assert.equal(stored.draft.declaration_confirmed, false, 'nor stored as ticked');
    assertNoProblems(page);
  });
});

test('a stored draft saved on the declaration, ticked, resumes on check answers with the declaration unticked', async () => {
  const ticked = await completeTickedDraft();
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    await seedStorage(page, { [DRAFT_KEY]: JSON.stringify(ticked) });
    await page.goto(server.url);
    await page.waitForSelector('#sku-resume-title');
    await page.click('[data-role=resume]');
    await waitForStep(page, 'check');
    await continueFrom(fastDriver(page), internship, 'check');
    assert.equal(await page.isChecked('#declaration'), false, 'the resumed declaration is not ticked');

    // Nor can a page of the same origin write "klart" into storage to show a receipt.
    await seedStorage(page, { [DRAFT_KEY]: JSON.stringify({ ...ticked, step: 'klart' }) });
    await page.goto(server.url);
    await page.waitForSelector('#sku-resume-title');
    await page.click('[data-role=resume]');
    await waitForStep(page, 'check');
    assert.ok(!normalise(await page.textContent('.sku-app')).includes('Ansökan är klar'));
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// 4. Files that are not drafts.

test('a file that is not a usable draft is refused with a plain reason and changes nothing', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const d = fastDriver(page);
    await fillUntil(d, internship, 'participants');
    await fillStep.participants(d, internship);
    const saved0 = await waitForStored(page, (e) => e?.draft?.group === internship.participants.group && e.step === 'deltagare', 'the answers are saved');
    const fieldsBefore = await fieldValues(page);

    // A real draft file to spoil.
    const valid = { ...saved0, saved_at_ms: Date.now() };
    delete valid.tab_id;
    const validText = JSON.stringify(valid, null, 2);
    const emailAt = validText.indexOf(internship.applicant.email);
    const wrongType = structuredClone(valid);
    wrongType.draft.pupils = [1];
    const newer = { ...valid, version: 3 };
    const deep = `{"format":"skolutbyte-utkast","version":2,"step":"deltagare","draft":{"goals":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;

    const E = SV.importError;
    // Consecutive cases have different messages, so each new message is seen arriving.
    const cases = [
      ['text that is not JSON', 'budget.txt', 'Hej! Här är min budget:\nFlyg 42 000 kr\nBoende 36 500 kr', E.notADraft],
      ['a draft cut off in the middle', 'ansokan-utkast.json', validText.slice(0, emailAt + 6), E.truncated],
      ['JSON that is not a draft', 'package.json', JSON.stringify({ name: 'skolutbyte', version: '1.0.0', dependencies: {} }), E.notADraft],
      ['a draft with a list where a number belongs', 'ansokan-utkast.json', JSON.stringify(wrongType, null, 2), E.wrongShape('draft.pupils')],
      ['a file over 1 MB', 'ansokan-utkast.json', validText + ' '.repeat(1_100_000), E.tooLarge],
      ['deeply nested JSON', 'ansokan-utkast.json', deep, E.notADraft],
      ['an empty file', 'ansokan-utkast.json', '', E.empty],
      ['a draft from a newer version', 'ansokan-utkast.json', JSON.stringify(newer, null, 2), E.newerVersion],
    ];
    for (const [label, name, text, message] of cases) {
      await page.setInputFiles('#sku-open-draft', { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
      await waitForText(page, '[data-role=draft-refused]', message, { contains: true, timeout: 5000 }).catch((e) => {
        throw new Error(`${label}: ${e.message}`);
      });
      assert.equal(await visibleText(page, '[data-role=draft-refused]'), normalise(`${SV.errorPrefix} ${message}`), `${label}: the whole message`);
      assert.equal(await page.$('[data-role=draft-opened]'), null, `${label}: not reported as opened`);
      assert.equal(await currentStep(page), 'participants', `${label}: the step is unchanged`);
      assert.deepEqual(await fieldValues(page), fieldsBefore, `${label}: the answers on screen are unchanged`);
    }
    await sleep(500);
    assert.deepEqual((await storedEnvelope(page)).draft, saved0.draft, 'the stored answers are unchanged');

    // The form still works: answers are still saved, and earlier answers are intact.
    await page.fill('#staff', '3');
    await waitForStored(page, (e) => e?.draft?.staff === '3', 'typing after refused files is saved');
    await page.click('.sku-back-link');
    await page.click('.sku-back-link');
    await page.click('.sku-back-link');
    await waitForStep(page, 'applicant');
    assert.equal(await page.inputValue('#applicant-name'), internship.applicant.name);
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// 5.–7. Storage that cannot be used.

test('with storage disabled a warning shows and the applicant step can still be completed', async () => {
  const initScript = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException(
          "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
          'SecurityError',
        );
      },
    });
  };
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    await waitForText(page, '[data-role=storage-warning]', SV.storageUnavailable);
    const d = fastDriver(page);
    await continueFrom(d, internship, 'start');
    await fillStep.applicant(d, internship);
    await continueFrom(d, internship, 'applicant');
    assert.equal(await currentStep(page), 'kind', 'Continue works without storage');
    await page.check('#kind-2');
    await continueFrom(d, internship, 'kind');
    await page.click('.sku-back-link');
    await page.click('.sku-back-link');
    await waitForStep(page, 'applicant');
    assert.equal(await page.inputValue('#applicant-name'), internship.applicant.name, 'answers kept in memory');
    assert.equal(await page.inputValue('#applicant-email'), internship.applicant.email);
    assert.equal(await page.inputValue('#school'), internship.applicant.school);
    assert.ok(await page.isChecked('#applicant-role'));
    assert.equal(await visibleText(page, '[data-role=storage-warning]'), SV.storageUnavailable, 'the warning stays');

    // The warning's advice works: the draft can be saved as a file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-role=save-draft]')]);
    const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(saved.draft.applicant_name, internship.applicant.name);
    assertNoProblems(page);
  }, { initScript, acceptDownloads: true });
});

test('with storage full a warning shows after typing, answers stay in memory, and it goes when saving works again', async () => {
  const initScript = () => {
    window.__storageFull = false;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) {
        throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  };
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const d = fastDriver(page);
    await continueFrom(d, internship, 'start');
    await sleep(400);
    assert.equal(await page.$('[data-role=storage-warning]'), null, 'no warning while saving works');
    await page.evaluate(() => { window.__storageFull = true; });
    await page.type('#applicant-name', 'Anna', { delay: 20 });
    await waitForText(page, '[data-role=storage-warning]', SV.storageFull);
    await page.fill('#applicant-name', internship.applicant.name);
    await fillStep.applicant(d, internship);
    await continueFrom(d, internship, 'applicant');
    await page.check('#kind-2');
    await continueFrom(d, internship, 'kind');
    await page.fill('#country', 'Irland');
    await page.click('.sku-back-link');
    await page.click('.sku-back-link');
    await waitForStep(page, 'applicant');
    assert.equal(await page.inputValue('#applicant-name'), internship.applicant.name, 'answers kept in memory');
    assert.equal(await page.inputValue('#applicant-phone'), internship.applicant.phone);
    assert.equal(await visibleText(page, '[data-role=storage-warning]'), SV.storageFull, 'the warning stays');
    assert.equal((await storedEnvelope(page))?.draft?.applicant_name ?? '', '', 'nothing could be stored');

    // Space is freed: the next change is saved and the warning goes.
    await page.evaluate(() => { window.__storageFull = false; });
    await page.fill('#applicant-phone', '070-765 43 21');
    const saved = await waitForStored(page, (e) => e?.draft?.applicant_phone === '070-765 43 21', 'saving works again');
    assert.equal(saved.draft.country, 'Irland', 'everything kept in memory is saved');
    await page.waitForSelector('[data-role=storage-warning]', { state: 'detached', timeout: 2000 });
    assertNoProblems(page);
  }, { initScript });
});

test('unreadable stored data is kept aside under its own key, never overwritten, and new answers are saved', async () => {
  await withContext(async (context) => {
    const page = await openTab(context, server.url);
    const garbage1 = '{"format":"skolutbyte-utkast","version":2,"step":"budget","draft":{"applicant_name":"Anna Lindqvist","goals":"Eleverna gör tre v';
    const garbage2 = 'inte json alls: ÅÄÖ 🙂 \u0000 slut';
    await seedStorage(page, { [DRAFT_KEY]: garbage1 });
    await page.goto(server.url);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    await waitForText(page, '[data-role=corrupt-warning]', SV.corruptNotice);
    assert.equal(await page.$('#sku-resume-title'), null, 'nothing to resume');
    let aside = await storageEntries(page, CORRUPT_PREFIX);
    assert.deepEqual(Object.values(aside), [garbage1], 'the unreadable text is kept exactly, under one key');
    const [firstKey] = Object.keys(aside);
    assert.notEqual(await storedText(page), garbage1, 'it is no longer under the main key');

    // New answers go to the main key.
    await page.click('[data-role=start]');
    await waitForStep(page, 'applicant');
    await page.type('#applicant-name', 'Ny Sökande', { delay: 10 });
    await waitForStored(page, (e) => e?.draft?.applicant_name === 'Ny Sökande', 'new typing is saved to the main key');

    // A second unreadable draft is kept aside too; the first copy is untouched.
    await seedStorage(page, { [DRAFT_KEY]: garbage2 });
    await page.goto(server.url);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    await waitForText(page, '[data-role=corrupt-warning]', SV.corruptNotice);
    aside = await storageEntries(page, CORRUPT_PREFIX);
    assert.equal(aside[firstKey], garbage1, 'the first copy is never overwritten');
    assert.deepEqual(Object.values(aside).sort(), [garbage1, garbage2].sort(), 'both unreadable texts are kept');
    await page.click('[data-role=start]');
    await page.type('#applicant-name', 'Tredje', { delay: 10 });
    await waitForStored(page, (e) => e?.draft?.applicant_name === 'Tredje', 'typing is saved after the second one');

    // A reload now offers the readable draft, and the warning is not repeated.
    await page.reload();
    await waitForText(page, '#sku-resume-title', SV.resumeTitle(''), { contains: true });
    assert.equal(await page.$('[data-role=corrupt-warning]'), null, 'no warning when the stored draft is readable');
    assert.deepEqual(await storageEntries(page, CORRUPT_PREFIX), aside, 'the copies are still there');
    assertNoProblems(page);
  });
});

// ---------------------------------------------------------------------------------------
// 8. Two tabs.

test('two tabs: the other tab\'s change is noticed, this tab waits for a choice, then uses theirs or keeps its own', async () => {
  await withContext(async (context) => {
    const a = await openTab(context, server.url);
    await a.click('[data-role=start]');
    await waitForStep(a, 'applicant');
    await a.type('#applicant-name', 'Anna Lindqvist', { delay: 5 });
    const fromA = await waitForStored(a, (e) => e?.draft?.applicant_name === 'Anna Lindqvist', 'tab A saves');

    const b = await openTab(context, server.url);
    await b.waitForSelector('#sku-resume-title');
    await b.click('[data-role=resume]');
    await waitForStep(b, 'applicant');
    assert.equal(await b.inputValue('#applicant-name'), 'Anna Lindqvist');
    await waitForStored(a, (e) => e?.tab_id && e.tab_id !== fromA.tab_id, 'tab B saves the resumed answers');
    await sleep(300);
    assert.equal(await a.$('[data-role=other-tab]'), null, 'the same answers from another tab are no news');

    // B changes an answer: A is told, and A's typing does not overwrite B's answers.
    await b.type('#applicant-email', 'b@skelleftea.se', { delay: 5 });
    const fromB = await waitForStored(b, (e) => e?.draft?.applicant_email === 'b@skelleftea.se', 'tab B saves its change');
    await waitForText(a, '[data-role=other-tab] p', SV.otherTab);
    await a.type('#applicant-phone', '070-111 11 11', { delay: 5 });
    await a.evaluate(() => window.dispatchEvent(new Event('pagehide'))); // nor when the tab is hidden
    await sleep(800);
    assert.deepEqual((await storedEnvelope(a)).draft, fromB.draft, 'tab A saves nothing until a choice is made');

    // Use theirs: A shows B's answers.
    await a.click('[data-role=other-tab-use]');
    await a.waitForSelector('[data-role=other-tab]', { state: 'detached' });
    await waitForStep(a, 'applicant');
    assert.equal(await a.inputValue('#applicant-email'), 'b@skelleftea.se', 'tab A shows the other tab\'s answer');
    assert.equal(await a.inputValue('#applicant-phone'), '', 'tab A\'s unsaved typing was replaced');
    await sleep(500);
    assert.equal(await b.$('[data-role=other-tab]'), null, 'tab B is not disturbed: the answers are the same');

    // B changes again; this time A keeps its own.
    await b.fill('#applicant-phone', '090-222 22 22');
    await waitForStored(b, (e) => e?.draft?.applicant_phone === '090-222 22 22', 'tab B saves');
    await waitForText(a, '[data-role=other-tab] p', SV.otherTab);
    await a.fill('#applicant-email', 'a@skelleftea.se');
    await sleep(600);
    assert.equal((await storedEnvelope(a)).draft.applicant_email, 'b@skelleftea.se', 'still waiting for a choice');
    await a.click('[data-role=other-tab-keep]');
    await a.waitForSelector('[data-role=other-tab]', { state: 'detached' });
    const kept = await waitForStored(a, (e) => e?.draft?.applicant_email === 'a@skelleftea.se', 'keep saves tab A\'s answers');
    assert.equal(kept.draft.applicant_phone, '', 'tab A\'s answers as a whole, not a mix');
    assert.equal(await a.inputValue('#applicant-phone'), '');
    await waitForText(b, '[data-role=other-tab] p', SV.otherTab); // now B is told
    await a.fill('#applicant-name', 'Anna L');
    await waitForStored(a, (e) => e?.draft?.applicant_name === 'Anna L', 'tab A autosaves again after the choice');
    assertNoProblems(a, b);
  });
});
