// The whole form with the keyboard alone, for both kinds of application, in Swedish and
// in English: every answer typed, radios and selects chosen with arrow keys, Enter to go
// on, up to the confirmation. Also the check-answers page, "Change" links, the browser's
// Back and Forward buttons, the language switch, and editing the repeatable rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useServerAndBrowser } from './support/harness.mjs';
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
  switchLanguage,
  tabTo,
  focusedId,
  fieldValues,
  shownAnswers,
  summaryText,
  normalise,
  stepsFor,
  currentStep,
  QUESTION_STEPS,
} from './support/journeys.mjs';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

/** Runs `body` with a fresh page in its own context, closed afterwards. */
async function withPage(body, options) {
  const page = await openApp(browser, server.url, options);
  try {
    await body(page);
  } finally {
    await page.context().close();
  }
}

const TEXTS = {
  // Download mode (no endpoint): the declaration's button makes the application ready;
  // nothing is sent from it.
  sv: { continue: 'Fortsätt', send: 'Gör ansökan klar att skicka', change: 'Ändra', language: 'English', done: 'Ansökan är klar att skicka' },
  en: { continue: 'Continue', send: 'Make the application ready to send', change: 'Change', language: 'Svenska', done: 'Your application is ready to send' },
};

async function text(page, selector) {
  return normalise(await page.textContent(selector));
}

/** Waits until `step` is shown and the field `id` (not the heading) has focus. */
async function waitForFieldOnStep(page, step, id) {
  await page.waitForFunction(
    ({ id }) => document.activeElement?.id === id,
    { id },
    { timeout: 5000 },
  ).catch(async () => {
    throw new Error(`a Change link should show the ${step} step with #${id} focused; focus is on #${await focusedId(page)}`);
  });
  assert.equal(await currentStep(page), step, `the Change link shows the ${step} step`);
}

for (const app of [internship, exchange]) {
  for (const lang of ['sv', 'en']) {
    test(`keyboard only, ${lang}: ${app.label}, from start to confirmation`, async () => {
      await withPage(async (page) => {
        const d = keyboardDriver(page);
        const t = TEXTS[lang];
        if (lang === 'en') {
          assert.equal(await switchLanguage(page), 'en', 'the language button switches to English');
          assert.equal(await text(page, '[data-role=language]'), 'Svenska');
          assert.notEqual(await text(page, '[data-role=start]'), 'Starta ansökan', 'the start button is translated');
          assert.match(await page.title(), /^[^–]+–/, 'the document title is set');
        } else {
          assert.equal(await text(page, '[data-role=language]'), 'English');
        }

        await continueFrom(d, app, 'start');
        assert.equal(await text(page, '[data-role=continue]'), t.continue);
        if (lang === 'en') {
          assert.notEqual(await text(page, 'h1'), 'Om dig och din skola', 'step headings are translated');
          assert.notEqual(await text(page, 'label[for=applicant-name]'), 'Ditt namn', 'labels are translated');
        }

        // "Steg 3 av 10": support measures count until an exchange is chosen.
        const questions = stepsFor(app).filter((s) => QUESTION_STEPS.includes(s));
        await fillUntil(d, app, 'check', {
          onStep: async (step) => {
            if (!QUESTION_STEPS.includes(step)) return;
            const n = questions.indexOf(step) + 1;
            const total = step === 'applicant' ? 10 : questions.length;
            const want = lang === 'sv' ? `Steg ${n} av ${total}` : `Step ${n} of ${total}`;
            assert.equal(await text(page, '.sku-caption'), want, `progress on the ${step} step`);
          },
        });

        // Check answers: formatted amounts and dates, chosen options, the typed text.
        const shown = await shownAnswers(page);
        for (const expected of app.expected[lang]) {
          assert.ok(
            shown.some((value) => value.includes(normalise(expected))),
            `check answers shows "${expected}"; it shows:\n  ${shown.join('\n  ')}`,
          );
        }

        // A Change link leads to the question, focused; Continue comes straight back.
        const link = '.sku-summary-list a[href="#amount-applied"]';
        assert.ok((await text(page, link)).startsWith(t.change), `the link reads ${t.change}`);
        await d.press(link);
        await waitForFieldOnStep(page, 'budget', 'amount-applied');
        await d.text('amount-applied', '30000');
        await d.submit();
        await waitForStep(page, 'check');
        const changed = lang === 'sv' ? '30 000 kr' : 'SEK 30,000';
        assert.ok(
          (await shownAnswers(page)).includes(changed),
          `after the change check answers shows ${changed}`,
        );

        await continueFrom(d, app, 'check');
        await fillStep.declaration(d, app);
        assert.equal(await text(page, '[data-role=continue]'), t.send);
        await continueFrom(d, app, 'declaration');

        const panel = await text(page, '.sku-panel');
        if (t.done) assert.match(panel, new RegExp(t.done));
        assert.ok(panel.includes(changed), `the confirmation names the amount applied, ${changed}: "${panel}"`);
        assert.equal(await page.getAttribute('.sku-app', 'lang'), lang);
        assert.doesNotMatch(await page.title(), /^(Fel|Error):/);

        // Download mode: the confirmation leads back to the answers, which can be printed.
        await tabTo(page, '[data-role=to-check-answers]');
        await page.keyboard.press('Enter');
        await waitForStep(page, 'check');
        assert.equal(await page.locator('[data-role=print]').count(), 1, 'the answers can be printed or saved as PDF');
        assert.deepEqual(page.problems, []);
      });
    });
  }
}

test("the browser's Back and Forward buttons move between steps and keep the answers", async () => {
  await withPage(async (page) => {
    const d = keyboardDriver(page);
    const app = internship;
    await fillUntil(d, app, 'participants');
    await fillStep.participants(d, app);

    await page.goBack();
    await waitForStep(page, 'dates');
    let values = await fieldValues(page);
    assert.equal(values['project-start'], '2027');
    assert.equal(values['trip-end-day'], '23');
    assert.equal(values.partner, app.dates.partner);

    await page.goBack();
    await waitForStep(page, 'kind');
    assert.equal((await fieldValues(page))['kind-2'], true, 'the chosen kind is still chosen');

    await page.goForward();
    await waitForStep(page, 'dates');
    assert.equal((await fieldValues(page)).country, 'Irland');

    await page.goForward();
    await waitForStep(page, 'participants');
    values = await fieldValues(page);
    assert.deepEqual(
      [values.pupils, values.staff, values.group],
      [app.participants.pupils, app.participants.staff, app.participants.group],
      'answers typed before going back are kept',
    );

    // The page's own Back link, by keyboard, does the same; Continue (Enter in a text
    // box, implicit submission) goes on again.
    await d.press('.sku-back-link');
    await waitForStep(page, 'dates');
    await tabTo(page, '#partner');
    await page.keyboard.press('Enter');
    await waitForStep(page, 'participants');
    assert.equal((await fieldValues(page)).pupils, '6');
    assert.deepEqual(page.problems, []);
  });
});

test('switching the language keeps every answer typed so far, and translates errors', async () => {
  await withPage(async (page) => {
    const d = keyboardDriver(page);
    const app = exchange;
    await continueFrom(d, app, 'start');
    await fillStep.applicant(d, app);
    const typed = await fieldValues(page);

    assert.equal(await switchLanguage(page), 'en');
    assert.deepEqual(await fieldValues(page), typed, 'every answer is kept after switching to English');
    assert.equal(await text(page, '[data-role=continue]'), 'Continue');
    assert.equal(await page.inputValue('#school'), 'other');
    assert.notEqual(await text(page, 'label[for=school]'), 'Skola');

    assert.equal(await switchLanguage(page), 'sv');
    assert.deepEqual(await fieldValues(page), typed, 'and after switching back');
    assert.equal(await text(page, '[data-role=continue]'), 'Fortsätt');

    await continueFrom(d, app, 'applicant');
    await fillUntil(d, app, 'participants');

    // An error shown in Swedish is shown in English after the switch, with the answer kept.
    await d.text('pupils', 'sex');
    await d.text('staff', '3');
    await d.submit();
    await waitForErrorSummary(page);
    const swedish = await summaryText(page);
    assert.match(swedish, /Ange antal elever med siffror/);
    assert.match(await page.title(), /^Fel: /);

    await switchLanguage(page);
    const english = await summaryText(page);
    assert.ok(english.length > 0, 'the summary stays');
    assert.notEqual(english, swedish, 'the summary is translated');
    assert.doesNotMatch(english, /Ange antal elever/);
    assert.match(await page.title(), /^Error: /);
    assert.equal(await page.inputValue('#pupils'), 'sex');
    assert.equal(await page.inputValue('#staff'), '3');
    const inline = normalise(await page.textContent('#pupils-error'));
    assert.match(inline, /^Error:/, 'the inline error starts with the hidden "Error:"');

    // Budget totals follow the language too.
    await d.text('pupils', '24');
    await continueFrom(d, app, 'participants');
    await fillUntil(fastDriver(page), app, 'budget');
    await fillStep.budget(d, app);
    assert.equal(await text(page, '#budget-total'), 'SEK 37,050.50');
    await switchLanguage(page);
    assert.equal(await text(page, '#budget-total'), '37 050,50 kr');
    assert.equal(await page.inputValue('#budget-2-amount'), '7 250,50');
    assert.deepEqual(page.problems, []);
  });
});

test('activity and budget rows are added, moved and removed with the keyboard', async () => {
  await withPage(async (page) => {
    const d = keyboardDriver(page);
    const app = internship;
    await fillUntil(fastDriver(page), app, 'activities');
    const descriptions = () =>
      page.$$eval('textarea[id^=activity-]', (boxes) => boxes.map((b) => b.value));

    for (const [i, words] of ['Första', 'Andra', 'Tredje'].entries()) {
      await d.press('button#activities');
      await page.waitForFunction((id) => document.activeElement?.id === id, `activity-${i}-date`);
      await d.text(`activity-${i}-description`, words);
    }
    assert.deepEqual(await descriptions(), ['Första', 'Andra', 'Tredje']);
    assert.ok(await page.isDisabled('#activity-0-up'), 'the first row cannot move up');
    assert.ok(await page.isDisabled('#activity-2-down'), 'the last row cannot move down');

    await d.press('#activity-2-up');
    await page.waitForFunction(() => document.activeElement?.id === 'activity-1-up');
    assert.deepEqual(await descriptions(), ['Första', 'Tredje', 'Andra'], 'Move up swaps the rows');
    assert.match(normalise(await page.textContent('#activity-1-up')), /Aktivitet 2/, 'the button names its row');

    await d.press('#activity-0-remove');
    await page.waitForFunction(() => document.activeElement?.id === 'activity-0-remove');
    assert.deepEqual(await descriptions(), ['Tredje', 'Andra'], 'Remove takes the row away');

    // Budget: totals follow the rows; removing the last row returns focus to the add button.
    for (const id of ['activity-1-remove', 'activity-0-remove']) await d.press(`#${id}`);
    await page.waitForFunction(() => document.activeElement?.id === 'activities');
    await fillStep.activities(fastDriver(page), app);
    await continueFrom(d, app, 'activities');
    await fillStep.support(d, app);
    await continueFrom(d, app, 'support');

    await d.press('button#budget-rows');
    await page.waitForFunction(() => document.activeElement?.id === 'budget-0-category');
    await d.select('budget-0-category', 'travel');
    await d.text('budget-0-amount', '12 500');
    await d.press('button#budget-rows');
    await page.waitForFunction(() => document.activeElement?.id === 'budget-1-category');
    await d.select('budget-1-category', 'travel');
    await d.text('budget-1-amount', '2 500,50');
    assert.equal(await text(page, '#budget-total'), '15 000,50 kr', 'the total is live');
    await d.press('#budget-1-remove');
    await page.waitForFunction(() => document.activeElement?.id === 'budget-0-remove');
    assert.equal(await text(page, '#budget-total'), '12 500 kr');
    await d.press('#budget-0-remove');
    await page.waitForFunction(() => document.activeElement?.id === 'budget-rows');
    assert.equal(await page.$('#budget-0-category'), null);
    assert.deepEqual(page.problems, []);
  });
});

test('after moving or removing a row, every box of every row shows that row\'s answer', async () => {
  await withPage(async (page) => {
    const d = keyboardDriver(page);
    const app = internship;
    await fillUntil(fastDriver(page), app, 'activities');
    await fillStep.activities(d, app); // four rows: preparation, preparation, trip, follow-up
    const rows = () =>
      page.$$eval('fieldset.sku-row', (sets) =>
        sets.map((set) => {
          const phase = set.querySelector('select');
          return `${phase.value} ${set.querySelector('textarea').value}`;
        }),
      );
    const [a, b, c, e] = app.activities.map((r) => `${r.phase} ${r.description}`);
    assert.deepEqual(await rows(), [a, b, c, e]);

    await d.press('#activity-3-up');
    await page.waitForFunction(() => document.activeElement?.id === 'activity-2-up');
    assert.deepEqual(await rows(), [a, b, e, c], 'after Move up, the phases moved with their rows');

    await d.press('#activity-0-remove');
    await page.waitForFunction(() => document.activeElement?.id === 'activity-0-remove');
    assert.deepEqual(await rows(), [b, e, c], 'after Remove, the phases of the rows below moved up');
  });
});

test('after removing a budget row, the rows below keep their category', async () => {
  await withPage(async (page) => {
    const d = keyboardDriver(page);
    const app = {
      ...internship,
      budget: {
        ...internship.budget,
        rows: [
          { category: 'lodging', description: 'Värdfamiljer', amount: '36 500' },
          { category: 'travel', description: 'Flyg', amount: '42 000' },
          { category: 'gifts', description: 'Gåvor', amount: '1 500' },
        ],
      },
    };
    await fillUntil(fastDriver(page), app, 'budget');
    await fillStep.budget(d, app);
    const rows = () =>
      page.$$eval('fieldset.sku-budget-row', (sets) =>
        sets.map((set) => `${set.querySelector('select').value} ${set.querySelector('input[id$=-amount]').value}`),
      );
    const [a, b, c] = app.budget.rows.map((r) => `${r.category} ${r.amount}`);
    assert.deepEqual(await rows(), [a, b, c]);
    await d.press('#budget-0-remove');
    await page.waitForFunction(() => document.activeElement?.id === 'budget-0-remove');
    assert.deepEqual(await rows(), [b, c], 'the category boxes show the remaining rows\' categories');
  });
});
