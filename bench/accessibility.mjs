// Item 4: axe-core (WCAG 2.0/2.1 A and AA plus best practice, as the tests run it) over
// every step in every state a person can see: empty, with errors, filled (walkAllStates
// of the browser tests), for both complete applications so every branch of the form is
// visited (support measures, another school, a granted project, bankgiro, attachments).
import { axeViolations } from '../tests/browser/support/harness.mjs';
import { walkAllStates, internship, exchange } from '../tests/browser/support/journeys.mjs';
import { newInstrumentedPage } from './app.mjs';

export async function axeAllStates(browser, url, { quick }) {
  const applications = quick ? [internship] : [internship, exchange];
  const states = [];
  for (const app of applications) {
    const page = await newInstrumentedPage(browser);
    await page.goto(url);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    await walkAllStates(page, app, async (step, state) => {
      states.push({ application: app.label, step, state, violations: await axeViolations(page) });
    });
    await page.context().close();
  }
  const violations = states.flatMap((s) =>
    s.violations.map((v) => ({ application: s.application, step: s.step, state: s.state, ...v })),
  );
  return {
    applications: applications.map((a) => a.label),
    statesChecked: states.length,
    states: states.map(({ application, step, state, violations }) => ({ application, step, state, violations: violations.length })),
    violations,
  };
}
