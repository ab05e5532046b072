// The app's loader, built into dist/skolutbyte.js by scripts/build-loader.mjs together
// with the wasm-bindgen glue. It is the only script a page needs (see README, "Embedding"):
// - no inline script, so it runs under a strict Content-Security-Policy;
// - every file is found relative to this script, so the files may live in any folder;
// - it adds the app's stylesheet when the page does not link it (a host page);
// - inside an iframe it adds iframe-child.js, which tells the parent page its height
//   and what to scroll to.
import init from 'skolutbyte-glue';

// Hashed names and integrity of this build's files, written in by build-loader.mjs.
const files = SKU_FILES;
const url = (name) => new URL(name, import.meta.url).href;

// The form takes its settings (data-endpoint: where the answers go) from the element with
// id "skolutbyte". With two such elements an earlier one, in the page's content, could
// take over the form: refuse to start, before anything is fetched, and say why where the
// form would have been (the app, src/ui/mod.rs, is only ever started from here).
const mounts = document.querySelectorAll('[id="skolutbyte"]');

/** Puts a notice in both languages where the form would be (before the app runs). */
function showNotice(role, sv, en) {
  const say = (lang, text) => Object.assign(document.createElement('p'), { lang, textContent: text });
  const notice = document.createElement('div');
  notice.setAttribute('role', 'alert');
  notice.setAttribute('data-role', role);
  notice.append(say('sv', sv), say('en', en));
  mounts[0].replaceChildren(notice);
}

if (mounts.length > 1) {
  showNotice(
    'duplicate-mount',
    'Ansökan kan inte starta: sidan har mer än ett element med id "skolutbyte". Webbredaktören behöver ta bort id:t från alla element utom formulärets.',
    'The application form cannot start: the page has more than one element with the id "skolutbyte". The web editor needs to remove the id from every element except the form\'s.',
  );
  throw new Error('skolutbyte: more than one element with id "skolutbyte"; the form does not start');
}

// index.html carries the start page as static HTML (src/start_page.rs), on screen before
// the app runs. A click on one of its buttons ("Starta ansökan", the language) before the
// app has replaced it is kept, and repeated on the app's own button with the same
// data-role once the app is there: the applicant's click is not lost.
// Focus on one of them (a keyboard user tabbed there) moves to the app's own, too.
let earlyClick;
let earlyFocus;
const keepEarlyClick = (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-sku-static] button[data-role]') : null;
  if (button) earlyClick = button.getAttribute('data-role');
};
const keepEarlyFocus = (event) => {
  const control = event.target instanceof Element ? event.target.closest('[data-sku-static] [data-role]') : null;
  earlyFocus = control?.getAttribute('data-role');
};
mounts[0]?.addEventListener('click', keepEarlyClick);
mounts[0]?.addEventListener('focusin', keepEarlyFocus);

// Started first, so the download runs while the stylesheet loads. `integrity` makes the
// browser refuse a wasm file that is not the one built with this loader.
const wasm = fetch(url(files.wasm), { integrity: files.wasmIntegrity });

// English is not in the first load: a data file beside this one, which the app asks for
// through this function (a property of the mount element, not a global of the host page)
// when the applicant chooses English. A page that starts in English (data-locale) has it
// fetched now, beside the wasm, so the app can start in English at once.
const englishHolder = mounts[0] ?? document.body;
// It gives the text, or null when the file did not come (the app then says so).
englishHolder.skuLoadEnglish = () =>
  fetch(url(files.english), { integrity: files.englishIntegrity })
    .then((response) => (response.ok ? response.text() : null))
    .catch(() => null);
// Exactly the value the app accepts (src/domain/config.rs): anything else starts in Swedish.
const startsInEnglish = mounts[0]?.getAttribute('data-locale') === 'en';
const englishFirst = startsInEnglish ? englishHolder.skuLoadEnglish() : null;

const cssHref = url(files.css);
let css = [...document.querySelectorAll('link[rel=stylesheet]')].find((l) => l.href === cssHref);
if (!css) {
  css = document.createElement('link');
  Object.assign(css, { rel: 'stylesheet', href: cssHref, integrity: files.cssIntegrity, crossOrigin: 'anonymous' });
  document.head.append(css);
}
// Mounting before the styles arrive would flash an unstyled form on the host page.
if (!css.sheet) await new Promise((done) => (css.onload = css.onerror = done));

// Iframe mode: the half that talks to the parent page is its own small file, fetched
// only inside an iframe (first loads elsewhere do not pay for it).
if (window.parent !== window) {
  const frame = document.createElement('script');
  Object.assign(frame, { src: url(files.frame), integrity: files.frameIntegrity, crossOrigin: 'anonymous' });
  document.head.append(frame);
}

// The app starts its on-demand worker (PDF, sending) from the same folder as this file.
mounts[0]?.setAttribute('data-sku-assets', url('./'));

// The app reads it when it starts; without it (the fetch failed) it starts in Swedish,
// fetches again and says so if that fails too.
if (englishFirst) englishHolder.skuEnglish = await englishFirst;

try {
  await init({ module_or_path: wasm });
} catch (error) {
  // The wasm did not arrive or would not start: say so instead of leaving a start page
  // whose buttons do nothing.
  showNotice(
    'load-failed',
    'Ansökan kunde inte laddas. Ladda om sidan och försök igen. Går det ändå inte, kontakta Internationella enheten.',
    'The application form could not be loaded. Reload the page and try again. If it still does not work, contact Internationella enheten.',
  );
  throw error;
}

mounts[0]?.removeEventListener('click', keepEarlyClick);
mounts[0]?.removeEventListener('focusin', keepEarlyFocus);
if (earlyClick) {
  mounts[0].querySelector(`button[data-role="${earlyClick}"]`)?.click();
} else if (earlyFocus && (!document.activeElement || document.activeElement === document.body)) {
  mounts[0].querySelector(`[data-role="${earlyFocus}"]`)?.focus();
}
