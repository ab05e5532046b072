// What a person sees when an answer is missing or wrong: the error summary (focused, in
// page order, "Fel: " in the title), the inline message with its hidden "Fel:" prefix,
// and links that take them to the field.
import assert from 'node:assert/strict';
import {
  waitForErrorSummary,
  tabTo,
  focusedId,
  focusDescription,
  normalise,
  fieldValues,
} from './journeys.mjs';

/** The summary's links as [field id, message] pairs, in order. */
export async function summaryLinks(page) {
  const links = await page.$$eval('#sku-error-summary a', (anchors) =>
    anchors.map((a) => [a.getAttribute('href'), a.textContent]),
  );
  return links.map(([href, text]) => [href.replace(/^#/, ''), normalise(text)]);
}

/**
 * Asserts the error state after Continue: the summary has focus and lists exactly
 * `expected` ([field id, message] in page order), the title starts with the prefix, and
 * each field on the page shows its (first) message inline, after a visually hidden prefix.
 */
export async function expectErrors(page, expected, { prefix = 'Fel:' } = {}) {
  await waitForErrorSummary(page);
  const title = await page.title();
  assert.ok(title.startsWith(`${prefix} `), `the title starts with "${prefix} ": "${title}"`);
  assert.equal(await page.getAttribute('#sku-error-summary', 'role'), 'alert');
  assert.deepEqual(await summaryLinks(page), expected, 'the error summary lists these messages');
  const seen = new Set();
  for (const [id, message] of expected) {
    if (seen.has(id)) continue; // one inline message per field: the first
    seen.add(id);
    if (!(await page.$(`[id="${id}"]`))) continue; // a field on another step (Send)
    const inline = await page.$(`[id="${id}-error"]`);
    assert.ok(inline, `#${id} has an inline error message`);
    assert.equal(normalise(await inline.textContent()), `${prefix} ${message}`, `inline error of #${id}`);
    const hidden = await inline.$eval('.sku-visually-hidden', (el) => el.textContent).catch(() => '');
    assert.equal(normalise(hidden), prefix, `the "${prefix}" before the message of #${id} is visually hidden`);
    assert.ok(await inline.isVisible(), `the inline error of #${id} is visible`);
  }
}

/**
 * For each link of the summary: Tab to it, press Enter, and expect focus on its field,
 * scrolled into view.
 */
export async function followSummaryLinks(page) {
  const ids = [...new Set((await summaryLinks(page)).map(([id]) => id))];
  assert.ok(ids.length > 0, 'the summary has links');
  for (const id of ids) {
    await tabTo(page, `#sku-error-summary a[href="#${id}"]`);
    await page.keyboard.press('Enter');
    try {
      await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 3000 });
    } catch {
      assert.fail(
        `Enter on the summary link to #${id} should focus #${id}; focus is on ${await focusDescription(page)}`,
      );
    }
    const inView = await page.$eval(`[id="${id}"]`, (el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    assert.ok(inView, `#${id} is scrolled into view when its link is followed`);
  }
  return ids;
}

/** Asserts every `[id, value]` of `expected` is still in its input (radios: checked). */
export async function expectValues(page, expected) {
  const values = await fieldValues(page);
  for (const [id, value] of Object.entries(expected)) {
    assert.equal(values[id], value, `#${id} keeps what was typed`);
  }
}

/** After a successful Continue: no summary, no "Fel:" title. */
export async function expectNoErrors(page, { prefix = 'Fel:' } = {}) {
  const summary = await page.evaluate(() => document.querySelector('#sku-error-summary')?.textContent ?? null);
  assert.equal(summary, null, `no error summary is shown (it reads "${summary}")`);
  assert.ok(!(await page.title()).startsWith(prefix), 'the title has no error prefix');
  assert.ok((await focusedId(page)) !== 'sku-error-summary');
}
