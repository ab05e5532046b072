// Reordering rows with "Flytta ner": the row moves down, the answers travel with it,
// the button keeps focus on the moved row, and the first/last buttons are disabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useServerAndBrowser } from './support/harness.mjs';

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

const activity = (description, phase) => ({ date: { year: '2027', month: '3', day: '5' }, phase, description });

test('"Flytta ner" moves an activity down with its answers and keeps focus on it', async () => {
  const page = await openApp(browser, server.url);
  await page.context().addInitScript((draft) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('skolutbyte:utkast', JSON.stringify(draft));
    }
  }, {
    format: 'skolutbyte-utkast', version: 2, saved_at_ms: Date.now(), step: 'aktiviteter',
    draft: { applicant_name: 'Anna', activities: [activity('Första', 'preparation'), activity('Andra', 'trip'), activity('Tredje', 'follow_up')] },
  });
  await page.reload();
  await page.click('[data-role=resume]');
  await page.waitForSelector('#activity-2-description');
  assert.equal(await page.isDisabled('#activity-0-up'), true, 'the first row cannot move up');
  assert.equal(await page.isDisabled('#activity-2-down'), true, 'the last row cannot move down');
  assert.equal(await page.isDisabled('#activity-0-down'), false);

  assert.match(await page.textContent('#activity-0-down'), /^Flytta ner\b/, 'one word for down: "ner", as in "ladda ner"');
  await page.focus('#activity-0-down');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#activity-0-description')?.value === 'Andra');
  assert.equal(await page.inputValue('#activity-1-description'), 'Första');
  assert.equal(await page.inputValue('#activity-1-phase'), 'preparation');
  assert.equal(await page.inputValue('#activity-0-phase'), 'trip');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'activity-1-down');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
