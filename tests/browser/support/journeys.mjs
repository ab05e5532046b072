// Journeys through the form: the order of the steps, how to recognise each step, two
// complete and valid applications, and two ways to give the answers:
//
// - `keyboardDriver`: what a keyboard-only user does. Focus moves only with Tab and
//   Shift+Tab (a bounded loop that fails with the path it took), text is typed key by key,
//   radios are chosen with the arrow keys and Space, selects with the arrow keys,
//   checkboxes with Space, buttons and links with Enter.
// - `fastDriver`: Playwright's fill/check/selectOption/click, for tests whose subject is
//   a later step (errors, axe, layout) and only need to get past the earlier ones.
import assert from 'node:assert/strict';

/** Every step, in the order an internship application meets them. */
export const STEP_ORDER = [
  'start',
  'applicant',
  'kind',
  'dates',
  'participants',
  'description',
  'activities',
  'support',
  'budget',
  'payment',
  'attachments',
  'check',
  'declaration',
  'confirmation',
];

/** An element only that step shows: how a test knows which step is on screen. */
export const STEP_MARKERS = {
  start: '[data-role=start]',
  applicant: '#applicant-name',
  kind: 'input[type=radio]#kind',
  dates: '#project-start',
  participants: '#pupils',
  description: '#goals',
  activities: 'button#activities',
  support: '#support-measures',
  budget: 'button#budget-rows',
  payment: '#principal-name',
  attachments: 'input[type=file]#attachments',
  check: '.sku-summary-list',
  declaration: 'input[type=checkbox]#declaration',
  confirmation: '.sku-panel',
};

/** Steps that ask questions (and so have an error state). */
export const QUESTION_STEPS = STEP_ORDER.filter(
  (s) => !['start', 'check', 'declaration', 'confirmation'].includes(s),
);

/** The steps `app` passes through: support measures only for an internship abroad. */
export function stepsFor(app) {
  return STEP_ORDER.filter((s) => s !== 'support' || app.kind.radio === 'kind-2');
}

export function nextStep(app, step) {
  const steps = stepsFor(app);
  return steps[steps.indexOf(step) + 1];
}

// ---------------------------------------------------------------------------------------
// What is on screen.

/** Which step the page shows, by its marker; undefined when none matches. */
export async function currentStep(page) {
  return page.evaluate((markers) => {
    // Each marker is on one step only; later steps are tried first.
    const names = Object.keys(markers).reverse();
    return names.find((name) => document.querySelector(markers[name]));
  }, STEP_MARKERS);
}

/** A short description of an element, for failure messages (source text for evaluate). */
const DESCRIBE_FOCUS = `(el) => {
  if (!el || el === document.body) return 'body';
  const tag = el.tagName.toLowerCase();
  if (el.id) return tag + '#' + el.id;
  const role = el.getAttribute('data-role');
  if (role) return tag + '[data-role=' + role + ']';
  const href = el.getAttribute('href');
  if (href) return tag + '[href="' + href + '"]';
  return tag + (el.className ? '.' + String(el.className).split(' ')[0] : '') +
    ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
}`;

export async function focusDescription(page) {
  return page.evaluate(`(${DESCRIBE_FOCUS})(document.activeElement)`);
}

export async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** The visible text of the error summary, or '' when there is none. */
export async function summaryText(page) {
  return page.evaluate(
    () => document.querySelector('#sku-error-summary')?.textContent?.trim() ?? '',
  );
}

/**
 * Waits until `step` is shown and focus has moved to its heading (the app does this
 * after every change of step; a test that starts tabbing earlier would lose its place).
 */
export async function waitForStep(page, step, { timeout = 5000 } = {}) {
  const marker = STEP_MARKERS[step];
  assert.ok(marker, `unknown step ${step}`);
  try {
    await page.waitForFunction(
      (sel) => {
        const active = document.activeElement;
        return Boolean(document.querySelector(sel)) && Boolean(active?.matches('.sku-app h1'));
      },
      marker,
      { timeout },
    );
  } catch {
    const shown = await currentStep(page);
    const summary = await summaryText(page);
    throw new Error(
      `expected step "${step}" with its heading focused, but the page shows "${shown}"` +
        ` (focus on ${await focusDescription(page)})` +
        (summary ? `; error summary: ${summary}` : ''),
    );
  }
}

/** Waits until the error summary is shown and has focus. */
export async function waitForErrorSummary(page, { timeout = 5000 } = {}) {
  try {
    await page.waitForFunction(() => document.activeElement?.id === 'sku-error-summary', null, {
      timeout,
    });
  } catch {
    throw new Error(
      `expected the error summary to appear and take focus; focus is on ${await focusDescription(page)}, ` +
        `summary: "${await summaryText(page)}"`,
    );
  }
}

/** Replaces no-break spaces and runs of white space with one space. */
export function normalise(text) {
  return String(text).replace(/[\u00a0\u202f\s]+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------
// Keyboard primitives.

/**
 * Presses Tab (or Shift+Tab, when the target comes before the focused element) until the
 * focused element matches `selector`. Fails after `max` presses with the path it took.
 */
export async function tabTo(page, selector, { max = 150 } = {}) {
  const probe = `(sel) => {
    const describe = ${DESCRIBE_FOCUS};
    const active = document.activeElement;
    return { matches: Boolean(active && active.matches(sel)), at: describe(active) };
  }`;
  const check = () => page.evaluate(`(${probe})(${JSON.stringify(selector)})`);
  let state = await check();
  if (state.matches) return;
  const backwards = await page.evaluate((sel) => {
    const target = document.querySelector(sel);
    if (!target) return null;
    const active = document.activeElement;
    if (!active || active === document.body) return false;
    return Boolean(active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING);
  }, selector);
  if (backwards === null) {
    throw new Error(`tabTo: no element matches ${selector} on step "${await currentStep(page)}"`);
  }
  const key = backwards ? 'Shift+Tab' : 'Tab';
  const path = [state.at];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    state = await check();
    if (state.matches) return;
    path.push(state.at);
  }
  throw new Error(
    `tabTo: pressed ${key} ${max} times without reaching ${selector}; focus went ${path
      .slice(0, 40)
      .join(' → ')}${path.length > 40 ? ' → …' : ''}`,
  );
}

/** Tabs to the field with this id. */
export function tabToId(page, id, options) {
  return tabTo(page, `[id="${id}"]`, options);
}

/** Selects everything in the focused text box and deletes it (no-op when empty). */
async function clearFocused(page) {
  const hasValue = await page.evaluate(() => Boolean(document.activeElement?.value));
  if (!hasValue) return;
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
}

// ---------------------------------------------------------------------------------------
// Drivers: the same operations, by keyboard or by Playwright's shortcuts.

export function keyboardDriver(page) {
  return {
    page,
    name: 'keyboard',
    async text(id, value) {
      await tabToId(page, id);
      await clearFocused(page);
      if (value) await page.keyboard.type(value);
      assert.equal(await page.inputValue(`[id="${id}"]`), value, `typed into #${id}`);
    },
    /** Pastes (one input event), as a person does with Ctrl+V. */
    async paste(id, value) {
      await tabToId(page, id);
      await clearFocused(page);
      await page.keyboard.insertText(value);
    },
    async date(id, [year, month, day]) {
      await this.text(id, year);
      await this.text(`${id}-month`, month);
      await this.text(`${id}-day`, day);
    },
    /** Tabs into the radio group, then arrows to the option and presses Space. */
    async radio(id) {
      const name = await page.getAttribute(`input[type=radio][id="${id}"]`, 'name');
      assert.ok(name, `radio #${id} exists`);
      await tabTo(page, `input[type=radio][name="${name}"]`);
      for (let i = 0; i < 10 && (await focusedId(page)) !== id; i += 1) {
        await page.keyboard.press('ArrowDown');
      }
      assert.equal(await focusedId(page), id, `arrow keys reach radio #${id}`);
      if (!(await page.isChecked(`[id="${id}"]`))) await page.keyboard.press('Space');
      assert.ok(await page.isChecked(`[id="${id}"]`), `radio #${id} is chosen`);
    },
    /** Tabs to the select, then moves with the arrow keys to the option with `value`. */
    async select(id, value) {
      const selector = `select[id="${id}"]`;
      await tabTo(page, selector);
      const { values, index } = await page.$eval(selector, (el) => ({
        values: [...el.options].map((o) => o.value),
        index: el.selectedIndex,
      }));
      const target = values.indexOf(value);
      assert.ok(target >= 0, `#${id} offers ${value} (it offers ${values.join(', ')})`);
      const key = target > index ? 'ArrowDown' : 'ArrowUp';
      for (let i = 0; i < Math.abs(target - index); i += 1) await page.keyboard.press(key);
      assert.equal(await page.inputValue(selector), value, `arrow keys choose ${value} in #${id}`);
    },
    async checkbox(id) {
      await tabToId(page, id);
      if (!(await page.isChecked(`[id="${id}"]`))) await page.keyboard.press('Space');
      assert.ok(await page.isChecked(`[id="${id}"]`), `checkbox #${id} is ticked`);
    },
    /** Tabs to a button or link and presses Enter. */
    async press(selector) {
      await tabTo(page, selector);
      await page.keyboard.press('Enter');
    },
    /** Continue (or Send): tabs to the form's submit button and presses Enter. */
    async submit() {
      await this.press('[data-role=continue]');
    },
  };
}

export function fastDriver(page) {
  return {
    page,
    name: 'fast',
    async text(id, value) {
      await page.fill(`[id="${id}"]`, value);
    },
    async paste(id, value) {
      await page.fill(`[id="${id}"]`, value);
    },
    async date(id, [year, month, day]) {
      await this.text(id, year);
      await this.text(`${id}-month`, month);
      await this.text(`${id}-day`, day);
    },
    async radio(id) {
      await page.check(`[id="${id}"]`);
    },
    async select(id, value) {
      await page.selectOption(`select[id="${id}"]`, value);
    },
    async checkbox(id) {
      await page.check(`[id="${id}"]`);
    },
    async press(selector) {
      await page.click(selector);
    },
    async submit() {
      await page.click('[data-role=continue]');
    },
  };
}

// ---------------------------------------------------------------------------------------
// Two complete, valid applications.

/** (a) Internship abroad (praktik), from a municipal school paying by account string. */
export const internship = {
  label: 'praktik utomlands från en kommunal skola',
  applicant: {
    name: 'Anna Lindqvist',
    email: 'anna.lindqvist@skelleftea.se',
    phone: '070-123 45 67',
    role: 'applicant-role', // Lärare eller annan personal
    school: 'anderstorpsgymnasiet',
  },
  kind: { radio: 'kind-2' }, // Praktik eller gymnasiearbete utomlands
  dates: {
    projectStart: ['2027', '1', '18'],
    projectEnd: ['2027', '6', '11'],
    tripStart: ['2027', '4', '5'],
    tripEnd: ['2027', '4', '23'],
    country: 'Irland',
    place: 'Cork',
    partner: 'Cork College of Further Education and Training',
  },
  participants: { pupils: '6', staff: '2', group: 'El- och energiprogrammet åk 3' },
  description: {
    goals: 'Eleverna gör tre veckors praktik hos elinstallatörer och tränar yrkesengelska.',
    theme: 'Hållbar energi',
    summary: '',
  },
  activities: [
    { date: ['2027', '2', '10'], phase: 'preparation', description: 'Föräldramöte om resan' },
    { date: ['2027', '3', '17'], phase: 'preparation', description: 'Yrkesengelska och säkerhet' },
    { date: ['2027', '4', '5'], phase: 'trip', description: 'Resa till Cork, första praktikdagen' },
    { date: ['2027', '5', '20'], phase: 'follow_up', description: 'Eleverna redovisar för åk 2' },
  ],
  support:
    'Handledare på varje arbetsplats. Läraren träffar eleverna varje dag och har jour dygnet runt.',
  budget: {
    rows: [
      { category: 'travel', description: 'Flyg Skellefteå–Cork, 8 personer', amount: '42 000' },
      { category: 'lodging', description: 'Värdfamiljer i tre veckor', amount: '36 500' },
      { category: 'staff_costs', description: 'Traktamente för två lärare', amount: '12000' },
    ],
    otherFunding: '20 000',
    applied: '70 000',
  },
  payment: {
    principalName: 'Per Nilsson',
    principalEmail: 'per.nilsson@skelleftea.se',
    account: { ansvar: '4123', verksamhet: '3500' },
  },
  /** Shown on the check-answers page, per language (compared with spaces normalised). */
  expected: {
    sv: [
      'Anna Lindqvist',
      'anna.lindqvist@skelleftea.se',
      'Anderstorpsgymnasiet',
      'Praktik eller gymnasiearbete utomlands',
      '18 januari 2027',
      '5 april 2027',
      '23 april 2027',
      '90 500 kr',
      '20 000 kr',
      '70 000 kr',
      'Resor: Flyg Skellefteå–Cork, 8 personer – 42 000 kr',
      '4123/3500',
      'Inte angivet',
    ],
    en: ['Anna Lindqvist', '18 January 2027', '5 April 2027', 'SEK 90,500', 'SEK 70,000', '4123/3500'],
  },
};

/** (b) An already granted exchange receiving visitors, from an independent school not in
 * the list, paid by bankgiro; applied for by a pupil, with one attachment. */
export const exchange = {
  label: 'beviljat utbyte där skolan tar emot besök, fristående skola med bankgiro',
  applicant: {
    name: 'Elsa Marklund',
    email: 'elsa.marklund@engelska.se',
    phone: '',
    role: 'applicant-role-1', // Elev
    school: 'other',
    otherSchoolName: 'Internationella Engelska Skolan Skellefteå',
    otherSchoolType: 'other-school-type-1', // Fristående skola
  },
  kind: { radio: 'kind', grantedProject: 'Erasmus+ 2026-1-SE01-KA122-SCH-000234567' },
  dates: {
    projectStart: ['2027', '2', '1'],
    projectEnd: ['2027', '10', '29'],
    tripStart: ['2027', '9', '13'],
    tripEnd: ['2027', '9', '19'],
    country: 'Tyskland',
    place: 'Lübeck',
    partner: 'Thomas-Mann-Schule',
  },
  participants: { pupils: '24', staff: '3', group: 'Åk 8' },
  description: {
    goals: 'Eleverna tar emot klassen från Lübeck, tränar tyska och jämför elevinflytande.',
    theme: 'Demokrati och elevinflytande',
    summary: 'Besöket avslutar ett tvåårigt utbyte med Thomas-Mann-Schule.',
  },
  activities: [
    { date: ['2027', '5', '12'], phase: 'preparation', description: 'Eleverna planerar veckan' },
    { date: ['2027', '9', '13'], phase: 'trip', description: 'Gästerna kommer, välkomstmiddag' },
    { date: ['2027', '9', '16'], phase: 'trip', description: 'Utflykt till Bonnstan' },
    { date: ['2027', '10', '6'], phase: 'follow_up', description: 'Utvärdering med partnerskolan' },
  ],
  budget: {
    rows: [
      { category: 'meals', description: 'Välkomst- och avslutningsmiddag', amount: '18 400' },
      { category: 'experiences', description: 'Guidad tur och inträden', amount: '9 600' },
      { category: 'local_transport', description: 'Buss till utflykterna', amount: '7 250,50' },
      { category: 'gifts', description: 'Gåvor till partnerskolan', amount: '1 800 kr' },
    ],
    otherFunding: '5 000',
    applied: '32 000',
  },
  payment: {
    principalName: 'Maria Holm',
    principalEmail: 'maria.holm@engelska.se',
    giroMethod: 'giro-method', // Bankgiro
    giroNumber: '5402-9681',
  },
  attachments: [
    { name: 'inbjudan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% inbjudan\n') },
  ],
  expected: {
    sv: [
      'Elsa Marklund',
      'Internationella Engelska Skolan Skellefteå (Fristående skola)',
      'Erasmus+ 2026-1-SE01-KA122-SCH-000234567',
      '1 februari 2027',
      '13 september 2027',
      '19 september 2027',
      '37 050,50 kr',
      '5 000 kr',
      '32 000 kr',
      'Transporter på plats: Buss till utflykterna – 7 250,50 kr',
      '5402-9681',
      'inbjudan.pdf',
    ],
    en: ['Elsa Marklund', '13 September 2027', 'SEK 37,050.50', 'SEK 32,000', '5402-9681', 'inbjudan.pdf'],
  },
};

// ---------------------------------------------------------------------------------------
// Filling one step at a time. Each leaves the Continue button unpressed.

export const fillStep = {
  async start() {},
  async applicant(d, app) {
    const a = app.applicant;
    await d.text('applicant-name', a.name);
    await d.text('applicant-email', a.email);
    await d.text('applicant-phone', a.phone);
    await d.radio(a.role);
    await d.select('school', a.school);
    if (a.school === 'other') {
      await d.page.waitForSelector('#other-school-name');
      await d.text('other-school-name', a.otherSchoolName);
      await d.radio(a.otherSchoolType);
    }
  },
  async kind(d, app) {
    await d.radio(app.kind.radio);
    if (app.kind.grantedProject !== undefined) {
      await d.page.waitForSelector('#granted-project');
      await d.text('granted-project', app.kind.grantedProject);
    }
  },
  async dates(d, app) {
    const x = app.dates;
    await d.date('project-start', x.projectStart);
    await d.date('project-end', x.projectEnd);
    await d.date('trip-start', x.tripStart);
    await d.date('trip-end', x.tripEnd);
    await d.text('country', x.country);
    await d.text('place', x.place);
    await d.text('partner', x.partner);
  },
  async participants(d, app) {
    const x = app.participants;
    await d.text('pupils', x.pupils);
    await d.text('staff', x.staff);
    await d.text('group', x.group);
  },
  async description(d, app) {
    const x = app.description;
    await d.text('goals', x.goals);
    await d.text('theme', x.theme);
    await d.text('summary', x.summary);
  },
  async activities(d, app) {
    for (const [i, row] of app.activities.entries()) {
      await addRow(d, 'button#activities', `activity-${i}-date`);
      await d.date(`activity-${i}-date`, row.date);
      await d.select(`activity-${i}-phase`, row.phase);
      await d.text(`activity-${i}-description`, row.description);
    }
  },
  async support(d, app) {
    await d.text('support-measures', app.support);
  },
  async budget(d, app) {
    for (const [i, row] of app.budget.rows.entries()) {
      await addRow(d, 'button#budget-rows', `budget-${i}-category`);
      await d.select(`budget-${i}-category`, row.category);
      await d.text(`budget-${i}-description`, row.description);
      await d.text(`budget-${i}-amount`, row.amount);
    }
    await d.text('other-funding', app.budget.otherFunding);
    await d.text('amount-applied', app.budget.applied);
  },
  async payment(d, app) {
    const x = app.payment;
    await d.text('principal-name', x.principalName);
    await d.text('principal-email', x.principalEmail);
    if (x.account) {
      await d.text('account-ansvar', x.account.ansvar);
      await d.text('account-verksamhet', x.account.verksamhet);
    } else {
      await d.radio(x.giroMethod);
      await d.text('giro-number', x.giroNumber);
    }
  },
  async attachments(d, app) {
    if (!app.attachments?.length) return;
    // A file chooser is the operating system's dialog, out of reach of page keys: the
    // keyboard user tabs to the input, and the file is handed to it as the dialog would.
    if (d.name === 'keyboard') await tabToId(d.page, 'attachments');
    await d.page.setInputFiles('#attachments', app.attachments);
    await d.page.waitForSelector('.sku-file-list__item');
  },
  async check() {},
  async declaration(d) {
    await d.checkbox('declaration');
  },
};

/** Adds a row with the list's add button, and waits until focus is in the new row. */
async function addRow(d, addButton, firstFieldId) {
  if (await d.page.$(`[id="${firstFieldId}"]`)) return;
  await d.press(addButton);
  await d.page.waitForSelector(`[id="${firstFieldId}"]`);
  // As a person does: go on once the new row has focus. (The app moves focus on the next
  // animation frame, which WebKit may run a little later than the row appears.)
  await d.page.waitForFunction((id) => document.activeElement?.id === id, firstFieldId, {
    timeout: 3000,
  });
}

/** Presses Continue on `step` (Start on the start page) and waits for the next step. */
export async function continueFrom(d, app, step) {
  if (step === 'start') await d.press('[data-role=start]');
  else await d.submit();
  const next = nextStep(app, step);
  await waitForStep(d.page, next);
  return next;
}

/**
 * Answers every step from the one shown up to (not including) `until`, pressing Continue
 * after each. `onStep(step)` runs after a step is filled, before Continue.
 */
export async function fillUntil(d, app, until, { onStep } = {}) {
  let step = await currentStep(d.page);
  const steps = stepsFor(app);
  assert.ok(steps.includes(until), `${until} is a step of this application`);
  while (step !== until) {
    assert.ok(
      steps.indexOf(step) < steps.indexOf(until),
      `fillUntil(${until}) started on ${step}, which is already past it`,
    );
    await fillStep[step](d, app);
    if (onStep) await onStep(step);
    step = await continueFrom(d, app, step);
  }
}

/** Switches the language with the keyboard: Tab to the language button, Enter. */
export async function switchLanguage(page) {
  const before = await page.getAttribute('.sku-app', 'lang');
  await tabTo(page, '[data-role=language]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (old) => document.querySelector('.sku-app')?.getAttribute('lang') !== old,
    before,
    { timeout: 3000 },
  );
  return page.getAttribute('.sku-app', 'lang');
}

/** The values of every field on the page, by id (radios and checkboxes: checked). */
export async function fieldValues(page) {
  return page.evaluate(() => {
    const values = {};
    for (const el of document.querySelectorAll('.sku-app input, .sku-app select, .sku-app textarea')) {
      if (!el.id || el.type === 'file') continue;
      values[el.id] = el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value;
    }
    return values;
  });
}

/** The answers shown on the check-answers page, one normalised string per row value. */
export async function shownAnswers(page) {
  const values = await page.$$eval('.sku-summary-list__value', (cells) =>
    cells.map((c) => c.textContent),
  );
  return values.map(normalise);
}

/**
 * Walks `app` from the start page to the confirmation (quickly, with `fastDriver`) and
 * calls `visit(step, state)` in every state a person can see: each question step empty,
 * with the errors of an empty Continue (for the lists also the errors of an empty row;
 * for attachments a rejected file), and filled in; the start, check-answers,
 * declaration and confirmation pages likewise where they have such states.
 */
export async function walkAllStates(page, app, visit) {
  const d = fastDriver(page);
  let step = await currentStep(page);
  assert.equal(step, 'start', 'the walk begins on the start page');
  await visit(step, 'empty');
  step = await continueFrom(d, app, step);
  while (step !== 'confirmation') {
    if (step === 'check') {
      await visit(step, 'filled');
      step = await continueFrom(d, app, step);
      continue;
    }
    await visit(step, 'empty');
    if (step === 'attachments') {
      await page.setInputFiles('#attachments', [
        { name: 'tom.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
      ]);
    } else {
      await d.submit();
    }
    await waitForErrorSummary(page);
    await visit(step, 'error');
    if (step === 'activities' || step === 'budget') {
      await addRow(d, ...(step === 'activities' ? ['button#activities', 'activity-0-date'] : ['button#budget-rows', 'budget-0-category']));
      await d.submit();
      await waitForErrorSummary(page);
      await visit(step, 'row error');
      await d.press(step === 'activities' ? '#activity-0-remove' : '#budget-0-remove');
    }
    await fillStep[step](d, app);
    await visit(step, 'filled');
    step = await continueFrom(d, app, step);
  }
  await visit(step, 'filled');
}

/**
 * Runs `check(page, step, state)` in every state of the walk through `app` (a fresh page on
 * the start page); returns the problems it found, by "step (state)". Fails when the walk
 * visited too few states to mean anything.
 */
export async function inEveryState(page, app, check) {
  const found = {};
  let visited = 0;
  await walkAllStates(page, app, async (step, state) => {
    visited += 1;
    const problems = await check(page, step, state);
    if (problems.length) found[`${step} (${state})`] = problems;
  });
  assert.ok(visited >= 30, `every state was visited (${visited})`);
  return found;
}
