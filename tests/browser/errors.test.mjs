// Every question step, answered wrongly: Continue with nothing filled in, then with
// specific wrong answers. Each time the error summary takes focus and lists the messages
// in page order, the title starts with "Fel: ", every summary link (Enter) focuses its
// field, the field shows the message inline, and everything typed stays in its box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useServerAndBrowser, serveDirectory, pageWithSettings } from './support/harness.mjs';
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
  normalise,
  tabToId,
} from './support/journeys.mjs';
import { expectErrors, followSummaryLinks, expectValues, expectNoErrors, summaryLinks } from './support/errors.mjs';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

/**
 * Opens the app, answers the steps before `step` (quickly: they are not the subject),
 * then runs `body` with a keyboard driver on `step`.
 */
async function onStep(app, step, body) {
  const page = await openApp(browser, server.url);
  try {
    await fillUntil(fastDriver(page), app, step);
    await body(page, keyboardDriver(page));
    assert.deepEqual(page.problems, [], 'no page or console errors');
  } finally {
    await page.context().close();
  }
}

test('applicant: missing answers, a wrong e-mail address and an unfinished "other school"', async () => {
  await onStep(internship, 'applicant', async (page, d) => {
    await d.submit();
    await expectErrors(page, [
      ['applicant-name', 'Ange ditt namn'],
      ['applicant-email', 'Ange din e-postadress'],
      ['applicant-role', 'Välj om du söker som personal eller elev'],
      ['school', 'Välj skola'],
    ]);
    await followSummaryLinks(page);

    await d.text('applicant-name', 'Anna Lindqvist');
    await d.text('applicant-email', 'anna');
    await d.text('applicant-phone', '070-123 45 67');
    await d.radio('applicant-role-1');
    await d.select('school', 'other');
    await d.submit();
    await expectErrors(page, [
      ['applicant-email', 'Ange din e-postadress i rätt format, till exempel namn@skelleftea.se'],
      ['other-school-name', 'Ange skolans namn'],
      ['other-school-type', 'Välj om skolan är kommunal eller fristående'],
    ]);
    await expectValues(page, {
      'applicant-name': 'Anna Lindqvist',
      'applicant-email': 'anna',
      'applicant-phone': '070-123 45 67',
      'applicant-role': false,
      'applicant-role-1': true,
      school: 'other',
    });
    await followSummaryLinks(page);

    await d.text('applicant-email', 'anna.lindqvist@skelleftea.se');
    await d.text('other-school-name', 'Kaplanskolans särskola');
    await d.radio('other-school-type');
    await d.submit();
    await waitForStep(page, 'kind');
    await expectNoErrors(page);
  });
});

test('applicant: "Skolan finns inte i listan" says the fund is for schools in Skellefteå kommun', async () => {
  await onStep(internship, 'applicant', async (page, d) => {
    await d.select('school', 'other');
    await page.waitForSelector('#other-school-name');
    assert.match(
      normalise(await page.textContent('#other-school-name-hint')),
      /^Fonden är till för grund- och gymnasieskolor i Skellefteå kommun/,
    );
    const describedBy = (await page.getAttribute('#other-school-name', 'aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').includes('other-school-name-hint'), 'the hint is read with the field');
  });
});

test('kind: nothing chosen, then an exchange without its granted project', async () => {
  await onStep(exchange, 'kind', async (page, d) => {
    await d.submit();
    await expectErrors(page, [['kind', 'Välj vad du söker bidrag för']]);
    await followSummaryLinks(page);

    await d.radio('kind');
    await d.submit();
    await expectErrors(page, [['granted-project', 'Ange vilket beviljat projekt eller utbyte det gäller']]);
    await expectValues(page, { kind: true, 'kind-1': false, 'kind-2': false, 'granted-project': '' });
    await followSummaryLinks(page);

    await d.text('granted-project', 'Erasmus+ 2026-1-SE01-KA122-SCH-000234567');
    await d.submit();
    await waitForStep(page, 'dates');
    await expectNoErrors(page);
  });
});

test('dates: missing, impossible, two-digit year, end before start, trip outside the project', async () => {
  await onStep(internship, 'dates', async (page, d) => {
    await d.submit();
    await expectErrors(page, [
      ['project-start', 'Ange när projektet börjar'],
      ['project-end', 'Ange när projektet slutar'],
      ['trip-start', 'Ange vilket datum utlandsvistelsen börjar'],
      ['trip-end', 'Ange vilket datum utlandsvistelsen slutar'],
      ['country', 'Ange land'],
      ['partner', 'Ange partnerskola, organisation eller arbetsplats'],
    ]);
    await followSummaryLinks(page);

    await d.date('project-start', ['2027', '2', '30']);
    await d.date('project-end', ['27', '6', '10']);
    await d.date('trip-start', ['2027', '4', '20']);
    await d.date('trip-end', ['2027', '4', '5']);
    await d.text('country', 'Irland');
    await d.text('place', 'Cork');
    await d.submit();
    await expectErrors(page, [
      ['project-start', 'Projektets startdatum måste vara ett riktigt datum'],
      ['project-end', 'Skriv året i projektets slutdatum med fyra siffror, till exempel 2027'],
      ['trip-end', 'Slutdatumet för utlandsvistelsen måste vara samma dag som eller efter 20 april 2027'],
      ['partner', 'Ange partnerskola, organisation eller arbetsplats'],
    ]);
    await expectValues(page, {
      'project-start': '2027',
      'project-start-month': '2',
      'project-start-day': '30',
      'project-end': '27',
      'project-end-month': '6',
      'project-end-day': '10',
      'trip-start': '2027',
      'trip-start-month': '4',
      'trip-start-day': '20',
      'trip-end': '2027',
      'trip-end-month': '4',
      'trip-end-day': '5',
      country: 'Irland',
      place: 'Cork',
      partner: '',
    });
    await followSummaryLinks(page);

    // A trip outside the project.
    await d.date('project-start', ['2027', '3', '1']);
    await d.date('project-end', ['2027', '6', '10']);
    await d.date('trip-start', ['2027', '2', '20']);
    await d.date('trip-end', ['2027', '6', '20']);
    await d.text('partner', 'Cork College');
    await d.submit();
    await expectErrors(page, [
      ['trip-start', 'Utlandsvistelsen kan inte börja före projektet, som börjar 1 mars 2027. Ändra något av datumen'],
      ['trip-end', 'Utlandsvistelsen kan inte sluta efter projektet, som slutar 10 juni 2027. Ändra något av datumen'],
    ]);
    await expectValues(page, { 'trip-start-month': '2', 'trip-end-day': '20', partner: 'Cork College' });
    await followSummaryLinks(page);

    await fillStep.dates(d, internship);
    await d.submit();
    await waitForStep(page, 'participants');
    await expectNoErrors(page);
  });
});

test('participants: missing, not a number, too many, and an internship without pupils', async () => {
  await onStep(internship, 'participants', async (page, d) => {
    await d.submit();
    await expectErrors(page, [
      ['pupils', 'Ange antal elever, till exempel 6'],
      ['staff', 'Ange antal personal som deltar. Skriv 0 om ingen personal deltar'],
    ]);
    await followSummaryLinks(page);

    await d.text('pupils', 'sex');
    await d.text('staff', '600');
    await d.text('group', 'El- och energiprogrammet åk 3');
    await d.submit();
    await expectErrors(page, [
      ['pupils', 'Ange antal elever med siffror, till exempel 6'],
      ['staff', 'Antal personal kan vara högst 500. Kontrollera antalet'],
    ]);
    await expectValues(page, { pupils: 'sex', staff: '600', group: 'El- och energiprogrammet åk 3' });
    await followSummaryLinks(page);

    await d.text('pupils', '0');
    await d.text('staff', '2');
    await d.submit();
    await expectErrors(page, [['pupils', 'Praktik och gymnasiearbete utomlands kräver minst en elev. Ange antal elever']]);
    await expectValues(page, { pupils: '0', staff: '2' });
    await followSummaryLinks(page);

    await d.text('pupils', '6');
    await d.submit();
    await waitForStep(page, 'description');
    await expectNoErrors(page);
  });
});

test('participants: with data-require-pupils="true" an exchange needs a pupil; by default it does not', async () => {
  const configured = await serveDirectory(undefined, {}, {}, {
    '/elever.html': await pageWithSettings({ 'data-require-pupils': 'true' }),
  });
  try {
    for (const [url, path, required] of [
      [configured.url, 'elever.html', true],
      [server.url, '', false],
    ]) {
      const page = await openApp(browser, url, { path });
      try {
        await fillUntil(fastDriver(page), exchange, 'participants');
        const d = keyboardDriver(page);
        await d.text('pupils', '0');
        await d.text('staff', '3');
        await d.submit();
        if (required) {
          await expectErrors(page, [['pupils', 'Ansökan måste gälla minst en elev. Ange antal elever som deltar']]);
          await followSummaryLinks(page);
          await d.text('pupils', '1');
          await d.submit();
        }
        await waitForStep(page, 'description');
        assert.deepEqual(page.problems, [], 'no page or console errors');
      } finally {
        await page.context().close();
      }
    }
  } finally {
    await configured.close();
  }
});

test('description: missing goals and theme, then a theme that is too long', async () => {
  await onStep(internship, 'description', async (page, d) => {
    await d.submit();
    await expectErrors(page, [
      ['goals', 'Beskriv målen'],
      ['theme', 'Ange ett tema'],
    ]);
    await followSummaryLinks(page);

    const longTheme = 'Hållbar energi i Irland och Sverige, '.repeat(6).trim(); // > 200 characters
    assert.ok(longTheme.length > 200);
    await d.text('goals', internship.description.goals);
    await d.paste('theme', longTheme);
    await d.text('summary', 'Kort om projektet.');
    await d.submit();
    await expectErrors(page, [['theme', 'Korta ner temat till högst 200 tecken']]);
    await expectValues(page, { goals: internship.description.goals, theme: longTheme, summary: 'Kort om projektet.' });
    await followSummaryLinks(page);

    await d.text('theme', 'Hållbar energi');
    await d.submit();
    await waitForStep(page, 'activities');
    await expectNoErrors(page);
  });
});

test('activities: none, an empty row, out of order, a missing phase, outside the trip', async () => {
  // The trip of this application is 5–23 April 2027.
  await onStep(internship, 'activities', async (page, d) => {
    await d.submit();
    await expectErrors(page, [
      ['activities', 'Lägg till minst en aktivitet för varje del: förberedelser, genomförande (utlandsvistelsen) och efterarbete'],
    ]);
    await followSummaryLinks(page);

    await d.press('button#activities');
    await page.waitForFunction(() => document.activeElement?.id === 'activity-0-date');
    await d.submit();
    await expectErrors(page, [
      ['activity-0-date', 'Ange datum för aktivitet 1'],
      ['activity-0-phase', 'Välj vilken del av projektet aktivitet 1 hör till'],
      ['activity-0-description', 'Beskriv vad som händer i aktivitet 1'],
    ]);
    await followSummaryLinks(page);

    await d.date('activity-0-date', ['2027', '4', '10']);
    await d.select('activity-0-phase', 'preparation');
    await d.text('activity-0-description', 'Språkträning');
    await d.press('button#activities');
    await page.waitForFunction(() => document.activeElement?.id === 'activity-1-date');
    await d.date('activity-1-date', ['2027', '4', '1']);
    await d.select('activity-1-phase', 'trip');
    await d.text('activity-1-description', 'Resan');
    await d.submit();
    await expectErrors(page, [
      [
        'activity-0-date',
        'Förberedelser ska vara senast den dag utlandsvistelsen börjar, 5 april 2027. Ändra datumet eller välj en annan del',
      ],
      [
        'activity-1-date',
        'Aktiviteterna ska stå i tidsordning: datumet för aktivitet 2 är före förra aktivitetens datum, 10 april 2027. Flytta upp aktiviteten eller ändra datumet',
      ],
      ['activities', 'Lägg till minst en aktivitet för efterarbete'],
    ]);
    await expectValues(page, {
      'activity-0-date': '2027',
      'activity-0-date-month': '4',
      'activity-0-date-day': '10',
      'activity-0-phase': 'preparation',
      'activity-0-description': 'Språkträning',
      'activity-1-date': '2027',
      'activity-1-date-month': '4',
      'activity-1-date-day': '1',
      'activity-1-phase': 'trip',
      'activity-1-description': 'Resan',
    });
    await followSummaryLinks(page);

    // Follow-up before the trip has ended, and a trip activity after it.
    await d.date('activity-0-date', ['2027', '3', '1']);
    await d.date('activity-1-date', ['2027', '4', '20']);
    await d.select('activity-1-phase', 'follow_up');
    await d.text('activity-1-description', 'Redovisning');
    await d.press('button#activities');
    await page.waitForFunction(() => document.activeElement?.id === 'activity-2-date');
    await d.date('activity-2-date', ['2027', '4', '30']);
    await d.select('activity-2-phase', 'trip');
    await d.text('activity-2-description', 'Resan');
    await d.submit();
    await expectErrors(page, [
      [
        'activity-1-date',
        'Efterarbete ska vara samma dag som utlandsvistelsen slutar, 23 april 2027, eller senare. Ändra datumet eller välj en annan del',
      ],
      [
        'activity-2-date',
        'Aktiviteter under genomförandet ska vara mellan 5 april 2027 och 23 april 2027, när utlandsvistelsen pågår. Ändra datumet eller välj en annan del',
      ],
    ]);
    await expectValues(page, {
      'activity-1-phase': 'follow_up',
      'activity-1-description': 'Redovisning',
      'activity-2-phase': 'trip',
      'activity-2-date-day': '30',
    });
    await followSummaryLinks(page);

    await d.date('activity-1-date', ['2027', '4', '5']);
    await d.select('activity-1-phase', 'trip');
    await d.date('activity-2-date', ['2027', '5', '2']);
    await d.select('activity-2-phase', 'follow_up');
    await d.submit();
    await waitForStep(page, 'support');
    await expectNoErrors(page);
  });
});

test('support: missing, then too long', async () => {
  await onStep(internship, 'support', async (page, d) => {
    await d.submit();
    await expectErrors(page, [['support-measures', 'Beskriv vilket stöd eleverna får under utlandsvistelsen']]);
    await followSummaryLinks(page);

    const tooLong = 'Handledaren ringer varje dag. '.repeat(140); // 4200 characters
    await d.paste('support-measures', tooLong);
    await d.submit();
    await expectErrors(page, [['support-measures', 'Korta ner stödet till eleverna till högst 4000 tecken']]);
    await expectValues(page, { 'support-measures': tooLong });
    await followSummaryLinks(page);

    await d.text('support-measures', internship.support);
    await d.submit();
    await waitForStep(page, 'budget');
    await expectNoErrors(page);
  });
});

test('budget: no rows, an empty row, "1.500", applied more than the need or the fund', async () => {
  await onStep(internship, 'budget', async (page, d) => {
    await d.submit();
    await expectErrors(page, [
      ['budget-rows', 'Lägg till minst en kostnad i budgeten'],
      ['amount-applied', 'Ange hur mycket du söker ur fonden'],
    ]);
    await followSummaryLinks(page);

    await d.press('button#budget-rows');
    await page.waitForFunction(() => document.activeElement?.id === 'budget-0-category');
    await d.submit();
    await expectErrors(page, [
      ['budget-0-category', 'Välj kategori för kostnad 1'],
      ['budget-0-description', 'Beskriv vad kostnad 1 gäller'],
      ['budget-0-amount', 'Ange belopp för kostnad 1, till exempel 12 500'],
      ['amount-applied', 'Ange hur mycket du söker ur fonden'],
    ]);
    await followSummaryLinks(page);

    await d.select('budget-0-category', 'travel');
    await d.text('budget-0-description', 'Flyg till Cork');
    await d.text('budget-0-amount', '1.500');
    await d.text('amount-applied', '1 000');
    await d.submit();
    await expectErrors(page, [
      [
        'budget-0-amount',
        'Skriv beloppet för kostnad 1 utan punkt eller komma mellan tusentalen, till exempel 1500 eller 1 500. Öre skrivs efter komma: 1 500,50',
      ],
    ]);
    await expectValues(page, {
      'budget-0-category': 'travel',
      'budget-0-description': 'Flyg till Cork',
      'budget-0-amount': '1.500',
      'amount-applied': '1 000',
    });
    assert.match(
      normalise(await page.textContent('.sku-totals + .sku-hint, [aria-live] .sku-hint')),
      /1 belopp är inte ifyllt eller kan inte läsas/,
      'the totals say an amount is not counted',
    );
    await followSummaryLinks(page);

    await d.text('budget-0-amount', '12 500');
    await d.press('button#budget-rows');
    await page.waitForFunction(() => document.activeElement?.id === 'budget-1-category');
    await d.select('budget-1-category', 'lodging');
    await d.text('budget-1-description', 'Vandrarhem');
    await d.text('budget-1-amount', '3 000');
    await d.text('other-funding', '2 000');
    await d.text('amount-applied', '20 000');
    assert.equal(normalise(await page.textContent('#budget-total')), '15 500 kr');
    assert.match(normalise(await page.textContent('#amount-applied-hint')), /högst 13 500 kr/);
    await d.submit();
    await expectErrors(page, [
      ['amount-applied', 'Du kan söka högst 13 500 kr: de totala kostnaderna minus annan finansiering'],
    ]);
    await expectValues(page, { 'other-funding': '2 000', 'amount-applied': '20 000', 'budget-1-amount': '3 000' });
    await followSummaryLinks(page);

    await d.text('other-funding', '20 000');
    await d.submit();
    await expectErrors(page, [
      ['other-funding', 'Annan finansiering kan vara högst de totala kostnaderna, 15 500 kr. Kontrollera beloppen'],
      ['amount-applied', 'Du kan söka högst 0 kr: de totala kostnaderna minus annan finansiering'],
    ]);

    await d.text('budget-0-amount', '400 000');
    await d.text('other-funding', '');
    await d.text('amount-applied', '350 000');
    await d.submit();
    await expectErrors(page, [['amount-applied', 'Du kan söka högst 300 000 kr, fondens belopp för ett år']]);
    await expectValues(page, { 'budget-0-amount': '400 000', 'other-funding': '', 'amount-applied': '350 000' });

    await d.text('amount-applied', '0');
    await d.submit();
    await expectErrors(page, [['amount-applied', 'Beloppet du söker måste vara mer än 0 kr']]);

    await d.text('amount-applied', '300 000');
    await d.submit();
    await waitForStep(page, 'payment');
    await expectNoErrors(page);
  });
});

test('budget: the most one may apply for is shown once there are costs, never "0 kr" before', async () => {
  await onStep(internship, 'budget', async (page, d) => {
    const hint = async () => normalise(await page.textContent('#amount-applied-hint'));
    assert.doesNotMatch(await hint(), /\d/, 'no amount before any cost');
    assert.match(await hint(), /Beloppet visas här när du har fyllt i kostnaderna/);
    await d.press('button#budget-rows');
    await page.waitForFunction(() => document.activeElement?.id === 'budget-0-category');
    await d.text('budget-0-amount', '12 500');
    await d.text('other-funding', '2 500');
    assert.match(await hint(), /^Du kan söka högst 10 000 kr/);
    await d.text('budget-0-amount', '');
    assert.doesNotMatch(await hint(), /\d/, 'no amount once the only cost is emptied again');
  });
});

test('budget: an already granted project is told that only costs its ordinary funds do not cover count', async () => {
  await onStep(exchange, 'budget', async (page) => {
    const note = normalise(await page.textContent('[data-role=granted-note]'));
    assert.match(note, /Bidraget gäller bara kostnader som inte täcks av ordinarie projektmedel/);
    assert.match(note, /Bifoga gärna beslutet om ert beviljade projekt eller utbyte under Bilagor/);
  });
  await onStep(internship, 'budget', async (page) => {
    assert.equal(await page.$('[data-role=granted-note]'), null, 'an internship is not a granted project');
  });
});

test('a visit received is called the visit, never the trip: labels, hints and errors', async () => {
  await onStep(exchange, 'dates', async (page, d) => {
    const legend = (id) => page.$eval(`#${id}`, (el) => el.closest('fieldset').querySelector('legend').textContent.trim());
    assert.equal(await legend('trip-start'), 'Vilket datum börjar besöket?');
    assert.equal(await legend('trip-end'), 'Vilket datum slutar besöket?');
    assert.notEqual(
      normalise(await page.textContent('#trip-start-hint')),
      normalise(await page.textContent('#trip-end-hint')),
      'start and end have different examples',
    );
    await d.submit();
    await waitForErrorSummary(page);
    const links = Object.fromEntries(await summaryLinks(page));
    assert.equal(links['trip-start'], 'Ange vilket datum besöket börjar');
    assert.doesNotMatch(normalise(await page.textContent('.sku-app')), /resan/i);
    await fillStep.dates(d, exchange);
    await d.submit();
    await waitForStep(page, 'participants');
  });
  await onStep(exchange, 'activities', async (page, d) => {
    assert.match(normalise(await page.textContent('#activities-hint')), /genomförande \(besöket\)/);
    await d.submit();
    await expectErrors(page, [
      ['activities', 'Lägg till minst en aktivitet för varje del: förberedelser, genomförande (besöket) och efterarbete'],
    ]);
    assert.doesNotMatch(normalise(await page.textContent('.sku-app')), /resan/i);
  });
});

test('payment, municipal school: missing, wrong e-mail, account string segments wrong', async () => {
  await onStep(internship, 'payment', async (page, d) => {
    await d.submit();
    await expectErrors(page, [
      ['principal-name', 'Ange ansvarig rektors namn'],
      ['principal-email', 'Ange ansvarig rektors e-postadress'],
      ['account-ansvar', 'Ange ansvar i kontosträngen'],
      ['account-verksamhet', 'Ange verksamhet i kontosträngen'],
    ]);
    await followSummaryLinks(page);

    await d.text('principal-name', 'Per Nilsson');
    await d.text('principal-email', 'per.nilsson@');
    await d.text('account-ansvar', '4123567');
    await d.text('account-verksamhet', '35A');
    await d.text('account-projekt', 'P-12');
    await d.submit();
    await expectErrors(page, [
      ['principal-email', 'Ange ansvarig rektors e-postadress i rätt format, till exempel namn@skelleftea.se'],
      ['account-ansvar', 'Ansvar i kontosträngen ska ha 1–6 siffror'],
      [
        'account-verksamhet',
        'Verksamhet i kontosträngen får bara innehålla siffror. Ta bort bokstäver, mellanslag och andra tecken',
      ],
      [
        'account-projekt',
        'Projekt i kontosträngen får bara innehålla bokstäverna A–Z och siffror. Ta bort mellanslag, bindestreck och andra tecken',
      ],
    ]);
    await expectValues(page, {
      'principal-name': 'Per Nilsson',
      'principal-email': 'per.nilsson@',
      'account-ansvar': '4123567',
      'account-verksamhet': '35A',
      'account-projekt': 'P-12',
    });
    await followSummaryLinks(page);

    // The whole string pasted into the first box fills every box.
    await d.text('principal-email', 'per.nilsson@skelleftea.se');
    await d.paste('account-ansvar', '4123/3500');
    await expectValues(page, { 'account-ansvar': '4123', 'account-verksamhet': '3500', 'account-projekt': '' });
    await d.submit();
    await waitForStep(page, 'attachments');
    await expectNoErrors(page);
  });
});

test('payment, independent school: missing method and number, wrong bankgiro and plusgiro', async () => {
  await onStep(exchange, 'payment', async (page, d) => {
    assert.equal(await page.$('#account-ansvar'), null, 'no account string for an independent school');
    await d.submit();
    await expectErrors(page, [
      ['principal-name', 'Ange ansvarig rektors namn'],
      ['principal-email', 'Ange ansvarig rektors e-postadress'],
      ['giro-method', 'Välj bankgiro eller plusgiro'],
    ]);
    await followSummaryLinks(page);

    await d.text('principal-name', 'Maria Holm');
    await d.text('principal-email', 'maria.holm@engelska.se');
    await d.radio('giro-method');
    await d.submit();
    await expectErrors(page, [['giro-number', 'Ange bankgiro- eller plusgironumret']]);
    await followSummaryLinks(page);

    await d.text('giro-number', '123');
    await d.submit();
    await expectErrors(page, [
      ['giro-number', 'Ange ett bankgironummer med sju eller åtta siffror, till exempel 5402-9681'],
    ]);
    await expectValues(page, { 'giro-method': true, 'giro-number': '123', 'principal-name': 'Maria Holm' });
    await followSummaryLinks(page);

    // A wrong check digit (the exact wording is checked in the next test).
    await d.text('giro-number', '5402-9682');
    await d.submit();
    await waitForErrorSummary(page);
    let links = await summaryLinks(page);
    assert.deepEqual(links.map(([id]) => id), ['giro-number']);
    assert.match(links[0][1], /^Kontrollera bankgironumret/);
    await expectValues(page, { 'giro-method': true, 'giro-number': '5402-9682' });
    await followSummaryLinks(page);

    await d.radio('giro-method-1');
    await d.text('giro-number', '410 54 68-4');
    await d.submit();
    await waitForErrorSummary(page);
    links = await summaryLinks(page);
    assert.match(links[0][1], /^Kontrollera plusgironumret/);
    await expectValues(page, { 'giro-method': false, 'giro-method-1': true, 'giro-number': '410 54 68-4' });

    await d.radio('giro-method');
    await d.text('giro-number', '5402-9681');
    await d.submit();
    await waitForStep(page, 'attachments');
    await expectNoErrors(page);
  });
});

test('payment: a wrong bankgiro or plusgiro check digit asks to check the number, not that it "does not exist"', async () => {
  await onStep(exchange, 'payment', async (page, d) => {
    await fillStep.payment(d, exchange);
    await d.text('giro-number', '5402-9682');
    await d.submit();
    await expectErrors(page, [
      ['giro-number', 'Kontrollera bankgironumret, en siffra kan vara fel'],
    ]);
    await d.radio('giro-method-1');
    await d.text('giro-number', '410 54 68-4');
    await d.submit();
    await expectErrors(page, [
      ['giro-number', 'Kontrollera plusgironumret, en siffra kan vara fel'],
    ]);
  });
});

test('attachments: an empty file, a wrong type, a file too large, too many files', async () => {
  await onStep(exchange, 'attachments', async (page, d) => {
    const pdf = (name, bytes = 2048) => ({ name, mimeType: 'application/pdf', buffer: Buffer.alloc(bytes, 0x25) });
    const choose = async (files) => {
      await tabToId(page, 'attachments');
      await page.setInputFiles('#attachments', files);
    };

    await choose([pdf('tom.pdf', 0)]);
    await expectErrors(page, [['attachments', 'Den valda filen är tom. Välj en fil med innehåll']]);
    await followSummaryLinks(page);

    await choose([{ name: 'film.mov', mimeType: 'video/quicktime', buffer: Buffer.alloc(1000, 1) }]);
    await expectErrors(page, [
      ['attachments', 'Den valda filen har fel filtyp. Välj en fil av typen PDF, DOCX, XLSX, ODT, ODS, JPG, JPEG, PNG'],
    ]);
    await followSummaryLinks(page);

    await choose([pdf('stor.pdf', 10 * 1024 * 1024 + 1), pdf('inbjudan.pdf', 120 * 1024)]);
    await expectErrors(page, [['attachments', 'Den valda filen är för stor. Välj en fil som är högst 10,0 MB']]);
    const listed = normalise(await page.textContent('.sku-file-list'));
    assert.match(listed, /inbjudan\.pdf 120,0 kB/, 'the good file of the same choice is attached');
    assert.doesNotMatch(listed, /stor\.pdf/);
    await followSummaryLinks(page);

    await choose([pdf('a.pdf'), pdf('b.pdf'), pdf('c.pdf'), pdf('d.pdf'), pdf('e.pdf')]);
    await expectErrors(page, [['attachments', 'Du kan bifoga högst 5 filer. Ta bort en fil först']]);
    assert.equal(await page.locator('.sku-file-list__item').count(), 5);

    // Remove a file with the keyboard; focus returns to the file input.
    await d.press('.sku-file-list__item:last-child button');
    await page.waitForFunction(() => document.activeElement?.id === 'attachments');
    assert.equal(await page.locator('.sku-file-list__item').count(), 4);

    // Attachments are optional: Continue goes on, and the errors are gone.
    await d.submit();
    await waitForStep(page, 'check');
    await expectNoErrors(page);
    assert.match(normalise(await page.textContent('.sku-app')), /inbjudan\.pdf, a\.pdf, b\.pdf, c\.pdf/);
  });
});

test('attachments: files too large together to go inside the PDF are refused, and those attached stay', async () => {
  await onStep(exchange, 'attachments', async (page) => {
    const pdf = (name, megabytes) => ({ name, mimeType: 'application/pdf', buffer: Buffer.alloc(megabytes * 1024 * 1024, 0x25) });
    const choose = async (files) => {
      await tabToId(page, 'attachments');
      await page.setInputFiles('#attachments', files);
    };
    assert.match(normalise(await page.textContent('#attachments-hint')), /Högst 10 MB per fil och 15 MB sammanlagt\./);

    await choose([pdf('program.pdf', 9)]);
    await page.waitForSelector('.sku-file-list__item');
    await choose([pdf('budget.pdf', 7), pdf('intyg.pdf', 1)]);
    await expectErrors(page, [
      ['attachments', 'Filerna får vara högst 15,0 MB tillsammans. Välj en mindre fil eller ta bort en fil först'],
    ]);
    const listed = normalise(await page.textContent('.sku-file-list'));
    assert.match(listed, /program\.pdf 9,0 MB/, 'what was attached stays');
    assert.match(listed, /intyg\.pdf 1,0 MB/, 'a file of the same choice that still fits is attached');
    assert.doesNotMatch(listed, /budget\.pdf/);
  });
});

test('attachments: an endpoint that takes JSON only is said not to receive the files; multipart and download mode are not', async () => {
  const endpoint = 'http://127.0.0.1:9/applications';
  const configured = await serveDirectory(undefined, {}, {}, {
    '/json.html': await pageWithSettings({ 'data-endpoint': endpoint }),
    '/multipart.html': await pageWithSettings({ 'data-endpoint': endpoint, 'data-multipart': 'true' }),
  });
  try {
    for (const [url, path, told] of [
      [configured.url, 'json.html', true],
      [configured.url, 'multipart.html', false],
      [server.url, '', false],
    ]) {
      const page = await openApp(browser, url, { path });
      try {
        await fillUntil(fastDriver(page), exchange, 'attachments');
        const note = await page.$('[data-role=attachments-not-sent]');
        assert.equal(Boolean(note), told, `${path || 'download mode'}: told the files are not sent`);
        if (told) assert.match(await note.textContent(), /Filerna skickas inte med ansökan/);
        assert.deepEqual(page.problems, [], 'no page or console errors');
      } finally {
        await page.context().close();
      }
    }
  } finally {
    await configured.close();
  }
});

test('declaration: Send without confirming', async () => {
  await onStep(internship, 'declaration', async (page, d) => {
    await d.submit();
    await expectErrors(page, [['declaration', 'Bekräfta att uppgifterna är riktiga och att ansvarig rektor har godkänt ansökan']]);
    await followSummaryLinks(page);
    await expectValues(page, { declaration: false });

    await d.checkbox('declaration');
    await d.submit();
    await waitForStep(page, 'confirmation');
    await expectNoErrors(page);
  });
});

test('Send lists an answer emptied on an earlier step; its link leads there and back to check answers', async () => {
  await onStep(internship, 'declaration', async (page, d) => {
    // Go back with the browser to check answers, change the name to nothing with the
    // Change link, and come back with the browser's Back button (which does not check).
    await page.goBack();
    await waitForStep(page, 'check');
    await d.press('.sku-summary-list a[href="#applicant-name"]');
    await page.waitForFunction(() => document.activeElement?.id === 'applicant-name');
    await d.text('applicant-name', '');
    await page.goBack();
    await waitForStep(page, 'check');
    const row = await page.$$eval('.sku-summary-list__row', (rows) =>
      rows.map((r) => r.textContent).find((t) => t.includes('Ditt namn')),
    );
    assert.match(normalise(row), /Inte angivet/, 'check answers shows the name as not given');
    await continueFrom(d, internship, 'check');

    await d.checkbox('declaration');
    await d.submit();
    await expectErrors(page, [['applicant-name', 'Ange ditt namn']]);
    await d.press('#sku-error-summary a[href="#applicant-name"]');
    await page.waitForFunction(() => document.activeElement?.id === 'applicant-name');
    assert.ok(await page.$('#applicant-email'), 'the link shows the applicant step');
    assert.equal(
      normalise(await page.textContent('#applicant-name-error')),
      'Fel: Ange ditt namn',
      'the message is shown beside the field on that step',
    );
    await d.text('applicant-name', 'Anna Lindqvist');
    await d.submit();
    await waitForStep(page, 'check');
    await continueFrom(d, internship, 'check');
    await d.checkbox('declaration');
    await d.submit();
    await waitForStep(page, 'confirmation');
  });
});

test("the browser's Back button after a rejected file leaves no error behind", async () => {
  await onStep(exchange, 'attachments', async (page) => {
    await tabToId(page, 'attachments');
    await page.setInputFiles('#attachments', [{ name: 'tom.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }]);
    await waitForErrorSummary(page);
    await page.goBack();
    await waitForStep(page, 'payment');
    await expectNoErrors(page);
  });
});

test("the browser's Back button after a wrong answer leaves no error behind", async () => {
  await onStep(exchange, 'payment', async (page, d) => {
    await d.text('giro-number', '');
    await d.submit();
    await waitForErrorSummary(page);
    await page.goBack();
    await waitForStep(page, 'budget');
    await expectNoErrors(page);
    assert.equal(await page.$('.sku-error-message'), null, 'no inline errors');
  });
});

test('errors are in English after switching language, with "Error: " in the title', async () => {
  await onStep(internship, 'applicant', async (page, d) => {
    await d.press('[data-role=language]');
    await page.waitForFunction(() => document.querySelector('.sku-app')?.getAttribute('lang') === 'en');
    await d.text('applicant-email', 'anna');
    await d.submit();
    await waitForErrorSummary(page);
    assert.match(await page.title(), /^Error: /);
    const links = await summaryLinks(page);
    assert.deepEqual(
      links.map(([id]) => id),
      ['applicant-name', 'applicant-email', 'applicant-role', 'school'],
    );
    for (const [id, message] of links) {
      assert.doesNotMatch(message, /\b(Ange|Välj|och|med)\b/, `the message for #${id} is not Swedish: "${message}"`);
      const inline = normalise(await page.textContent(`#${id}-error`));
      assert.equal(inline, `Error: ${message}`);
    }
    await followSummaryLinks(page);
  });
});

test('every inline error is tied to its field with aria-describedby', async () => {
  // A screen reader user who follows a summary link lands on the field and should hear
  // its message. Checked on every step's error state, for both kinds of application.
  const untied = [];
  for (const app of [internship, exchange]) {
    const page = await openApp(browser, server.url);
    try {
      const fast = fastDriver(page);
      await fillUntil(fast, app, 'applicant');
      let step = 'applicant';
      while (step !== 'confirmation') {
        if (step === 'check') {
          step = await continueFrom(fast, app, step);
          continue;
        }
        if (step === 'attachments') {
          await page.setInputFiles('#attachments', [{ name: 'tom.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }]);
        } else {
          await fast.submit();
        }
        await waitForErrorSummary(page);
        await collectUntied(page, step, untied);
        if (step === 'activities' || step === 'budget') {
          // Also the errors inside a row.
          await fast.press(step === 'activities' ? 'button#activities' : 'button#budget-rows');
          await fast.submit();
          await waitForErrorSummary(page);
          await collectUntied(page, step, untied);
          await fast.press(step === 'activities' ? '#activity-0-remove' : '#budget-0-remove');
        }
        await fillStep[step](fast, app);
        step = await continueFrom(fast, app, step);
      }
    } finally {
      await page.context().close();
    }
  }
  assert.deepEqual([...new Set(untied)], [], 'inline errors not referenced by their field');
});

/** Adds to `untied` every field of the summary whose inline error it does not reference. */
async function collectUntied(page, step, untied) {
  const ids = [...new Set((await summaryLinks(page)).map(([id]) => id))];
  for (const id of ids) {
    const described = await page.$eval(`[id="${id}"]`, (el) => {
      const own = el.getAttribute('aria-describedby') ?? '';
      const group = el.closest('fieldset')?.getAttribute('aria-describedby') ?? '';
      return `${own} ${group}`.split(/\s+/);
    });
    if (!described.includes(`${id}-error`)) untied.push(`${step}: #${id}`);
  }
}
