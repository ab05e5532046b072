// Helpers for the "never lose an answer" tests: the storage keys, the Swedish texts the
// applicant reads, reading what the app stored, and a seeded random generator.
import assert from 'node:assert/strict';
import { normalise } from './journeys.mjs';

export const DRAFT_KEY = 'skolutbyte:utkast';
export const CORRUPT_PREFIX = 'skolutbyte:utkast-oläsbart:';

/** The texts of src/ui/i18n/sv.rs that these tests look for. */
export const SV = {
  resumeTitle: (when) => `Du har en påbörjad ansökan från ${when}`,
  restartTitle: 'Vill du börja om?',
  storageUnavailable:
    'Webbläsaren tillåter inte att svaren sparas. Du kan fylla i ansökan ändå, men svaren försvinner om du stänger sidan. Spara utkastet som fil om du vill fortsätta senare.',
  storageFull:
    'Webbläsarens lagring är full, så dina senaste svar är inte sparade i webbläsaren. Spara utkastet som fil för att inte förlora något.',
  corruptNotice:
    'Ett tidigare sparat utkast kunde inte läsas. Det är sparat undan i webbläsaren och ingenting har skrivits över. Kontakta Internationella enheten om du behöver det.',
  otherTab:
    'Ansökan har ändrats i en annan flik eller ett annat fönster. Svaren i den här fliken sparas inte förrän du har valt vilka svar som gäller.',
  fileLoaded: 'Utkastet är öppnat. Kontrollera svaren och fortsätt.',
  fileQuestion: 'Vill du ersätta dina svar med svaren i filen?',
  fileReplace: 'Ersätt mina svar med filens',
  fileKeep: 'Behåll mina svar',
  fileKept: 'Filen öppnades inte. Dina svar är kvar.',
  errorPrefix: 'Fel:',
  importError: {
    empty: 'Filen är tom. Välj utkastet du sparade.',
    tooLarge:
      'Filen är för stor för att vara ett utkast. Välj utkastet du sparade, en fil som slutar på .json.',
    truncated:
      'Filen är ofullständig, kanske avbröts nerladdningen. Spara utkastet på nytt och försök igen.',
    notADraft:
      'Filen är inte ett utkast från det här formuläret. Välj filen som heter ansokan-utkast och slutar på .json.',
    newerVersion:
      'Utkastet är sparat i en nyare version av formuläret. Ladda om sidan och försök igen.',
    wrongShape: (path) =>
      `Utkastet är skadat (fel vid ${path}) och kan inte öppnas. Dina nuvarande svar är kvar.`,
  },
};

const MONTHS_SV = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "24 nov 14:32": how the resume prompt words a time, in `timeZone`. */
export function savedAtText(ms, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${Number(parts.day)} ${MONTHS_SV[Number(parts.month) - 1]} ${parts.hour}:${parts.minute}`;
}

/** "2026-11-24": the local date in `timeZone`. */
export function localDate(ms, timeZone) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(ms));
}

/** Collects page errors and console errors in `page.problems`. */
export function trackProblems(page) {
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    // The browser asks for /favicon.ico by itself; the app has none.
    if (msg.type() === 'error' && !msg.location().url?.endsWith('/favicon.ico')) {
      page.problems.push(`console: ${msg.text()} (${msg.location().url})`);
    }
  });
  return page;
}

/** A new tab in `context` with the app loaded and mounted. */
export async function openTab(context, url) {
  const page = trackProblems(await context.newPage());
  await page.goto(url);
  await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
  return page;
}

/** The raw text under the draft key (null when there is none). */
export function storedText(page) {
  return page.evaluate((key) => window.localStorage.getItem(key), DRAFT_KEY);
}

/** The stored envelope, parsed (null when there is none; throws if it is not JSON). */
export async function storedEnvelope(page) {
  const text = await storedText(page);
  return text === null ? null : JSON.parse(text);
}

/** Every localStorage entry whose key starts with `prefix`. */
export function storageEntries(page, prefix = '') {
  return page.evaluate((prefix) => {
    const entries = {};
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key.startsWith(prefix)) entries[key] = window.localStorage.getItem(key);
    }
    return entries;
  }, prefix);
}

/**
 * Waits until the stored envelope satisfies `accept(envelope)`; fails with `what` and the
 * last envelope seen.
 */
export async function waitForStored(page, accept, what, { timeout = 6000 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    const text = await storedText(page);
    last = text;
    const envelope = text === null ? null : safeParse(text);
    if (accept(envelope)) return envelope;
    if (Date.now() > deadline) {
      // Say what the applicant would see, so a rare failure can be told apart from a slow machine.
      const notices = await page
        .$$eval('[data-role$=warning], [data-role=other-tab], [role=alert]', (els) => els.map((e) => e.textContent.trim()))
        .catch(() => []);
      assert.fail(`${what}; stored under ${DRAFT_KEY}: ${String(last).slice(0, 400)}; notices shown: ${JSON.stringify(notices)}`);
    }
    await page.waitForTimeout(50);
  }
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The visible text of an element, white space normalised ('' when absent). */
export async function visibleText(page, selector) {
  const el = await page.$(selector);
  if (!el || !(await el.isVisible())) return '';
  return normalise(await el.textContent());
}

/** Waits until the element's normalised text is `expected` (or contains it). */
export async function waitForText(page, selector, expected, { timeout = 3000, contains = false } = {}) {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = await visibleText(page, selector);
    if (contains ? last.includes(expected) : last === expected) return last;
    if (Date.now() > deadline) {
      assert.fail(`expected ${selector} to ${contains ? 'contain' : 'read'} "${expected}"; it reads "${last}"`);
    }
    await page.waitForTimeout(40);
  }
}

/** mulberry32: a small seeded generator, so a failing run can be repeated exactly. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** obj.a.0.b for the dotted path 'a.0.b'; undefined when any part is missing. */
export function getPath(object, path) {
  return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
