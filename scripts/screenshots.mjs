// Full-page screenshots of every step of the form, for a person to look at: each step
// empty and with the errors of an empty Continue (rejected file on the attachments step),
// at 1280 and 360 CSS pixels wide. The internship application goes through every step;
// the exchange from an independent school adds the steps that look different for it.
//
//   node scripts/screenshots.mjs [dist]     (default: $SKU_DIST, else dist/)
//
// Writes tests/browser/screenshots/<width>-<nn>-<step>-<state>[-<variant>].png. Needs the
// browser-test packages (cd tests/browser && npm ci) and Debian's Chromium.
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDirectory, launchBrowser, openApp, distDir } from '../tests/browser/support/harness.mjs';
import { internship, exchange, walkAllStates, STEP_ORDER } from '../tests/browser/support/journeys.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.argv[2] ? resolve(process.argv[2]) : distDir;
const outDir = resolve(root, 'tests/browser/screenshots');
const widths = [1280, 360];

/** Which states to save: a step's empty and error states; pages without them as filled. */
function wanted(step, state) {
  if (['start'].includes(step)) return state === 'empty';
  if (['check', 'confirmation'].includes(step)) return state === 'filled';
  return state === 'empty' || state === 'error';
}

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
const server = await serveDirectory(dist);
const browser = await launchBrowser();
let saved = 0;
try {
  for (const width of widths) {
    for (const [app, variant, only] of [
      [internship, '', null],
      // What differs for an independent school and a granted exchange: the revealed
      // questions once answered, and bankgiro/plusgiro instead of the account string.
      [exchange, 'fristaende', { applicant: ['filled'], kind: ['filled'], payment: ['empty', 'error'] }],
    ]) {
      const page = await openApp(browser, server.url, { width, height: 900 });
      await walkAllStates(page, app, async (step, state) => {
        if (only ? !only[step]?.includes(state) : !wanted(step, state)) return;
        const number = String(STEP_ORDER.indexOf(step)).padStart(2, '0');
        const name = [width, number, step, state.replace(/\s+/g, '-'), variant].filter(Boolean).join('-');
        // Let focus scrolling and the focus ring settle, then shoot from the top.
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
        await page.screenshot({ path: resolve(outDir, `${name}.png`), fullPage: true });
        saved += 1;
      });
      if (page.problems.length) console.warn(`page problems at ${width}px:`, page.problems);
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${saved} screenshots of ${dist} in ${outDir}`);
