// The form embedded in the municipality's site (examples/): on a page with its own header,
// menu and aggressive global CSS, served with a strict Content-Security-Policy, and in an
// iframe on another origin. The app's files are served from a folder, /skolutbyte/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launchBrowser, serveDirectory, distDir, pageWithSettings } from './support/harness.mjs';
import { serveExamples, hostPageHtml, examplesDir, STRICT_CSP, FRAMING_CSP } from './support/embed.mjs';
import { downloadPdf } from './support/receiver.mjs';
import {
  internship,
  keyboardDriver,
  fastDriver,
  continueFrom,
  fillUntil,
  fillStep,
  waitForStep,
  waitForErrorSummary,
  normalise,
} from './support/journeys.mjs';

let strict; // examples with the strict policy
let framing; // the same, allowing the parent and the form to frame each other's origin
let framingForm; // a second origin (another port) for the form in iframe mode
// The release build at /, as `make serve` shows it, with the example host page's one
// setting (its contact address shows on the start page), so both show the same content.
let standalone;
let browser;

before(async () => {
  strict = await serveExamples(STRICT_CSP);
  framing = await serveExamples(FRAMING_CSP);
  framingForm = await serveExamples(FRAMING_CSP);
  standalone = await serveDirectory(undefined, {}, {}, {
    '/': await pageWithSettings({ 'data-contact-email': 'internationella@skelleftea.se' }),
  });
  // The iframe example's src is rewritten in the test (page.route), and Chromium counts a
  // rewritten page as public, so it would refuse to frame a loopback address.
  browser = await launchBrowser(['--disable-features=LocalNetworkAccessChecks']);
});

after(async () => {
  await browser?.close();
  await Promise.all([strict, framing, framingForm, standalone].map((s) => s?.close()));
});

/**
 * A fresh page that records page errors, console errors and Content-Security-Policy
 * violations (in every frame) in `page.problems()`.
 */
async function newPage({ height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  page.problems = async () => {
    const violations = [];
    for (const frame of page.frames()) violations.push(...(await frame.evaluate(() => window.cspViolations ?? [])));
    return [...errors, ...violations];
  };
  return page;
}

async function withPage(body, options) {
  const page = await newPage(options);
  try {
    await body(page);
  } finally {
    await page.context().close();
  }
}

/** Computed styles that make up an element's look (not its place in the page). */
const LOOK = [
  'display', 'box-sizing', 'color', 'background-color', 'font-family', 'font-size',
  'font-weight', 'font-style', 'line-height', 'text-transform', 'text-decoration-line',
  'letter-spacing', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-top-width',
  'border-top-style', 'border-top-color', 'border-left-width', 'border-left-style',
  'border-bottom-width', 'outline-style', 'cursor', 'list-style-type',
];

/** `{ selector: { property: value } }` for each selector (one element each). */
async function looks(page, selectors, properties = LOOK) {
  return page.evaluate(
    ({ selectors, properties }) =>
      Object.fromEntries(
        selectors.map((selector) => {
          const el = document.querySelector(selector);
          if (!el) return [selector, 'missing'];
          const style = getComputedStyle(el);
          return [selector, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))];
        }),
      ),
    { selectors, properties },
  );
}

/** The properties where two looks differ, as readable lines. */
function differences(a, b) {
  const lines = [];
  for (const selector of Object.keys(a)) {
    if (a[selector] === 'missing' || b[selector] === 'missing') {
      lines.push(`${selector}: ${a[selector] === 'missing' ? 'missing on the first page' : 'missing on the second page'}`);
      continue;
    }
    for (const [property, value] of Object.entries(a[selector])) {
      if (b[selector][property] !== value) lines.push(`${selector} ${property}: ${value} → ${b[selector][property]}`);
    }
  }
  return lines;
}

const HOST_ELEMENTS = ['body', '#skolutbyte', '.site-header', '.site-logo', '.site-nav a', '.site-search', '.site-title', '.site-intro', '.site-footer p'];

test('on a host page with a strict CSP and hostile global CSS the whole form is completed by keyboard', async () => {
  await withPage(async (page) => {
    const hostUrl = `${strict.url}host/`;
    await page.goto(hostUrl);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    assert.equal(await page.locator('#skolutbyte .sku-app').count(), 1, 'the form is mounted into the host\'s element');
    assert.equal(await page.textContent('.site-title'), 'Fonden för internationellt skolutbyte', 'the host\'s own content stays');

    const d = keyboardDriver(page);
    const app = internship;
    await continueFrom(d, app, 'start');
    await fillUntil(d, app, 'check');
    await continueFrom(d, app, 'check');
    await fillStep.declaration(d, app);
    await continueFrom(d, app, 'declaration');
    assert.match(normalise(await page.textContent('.sku-panel')), /Ansökan är klar/);

    // The download comes from the worker, started from the app's folder (/skolutbyte/),
    // not the page's, and allowed by the policy's worker-src.
    const download = await downloadPdf(page);
    assert.match(download.name, /^ansokan-.*\.pdf$/);
    assert.ok(download.names.includes('ansokan.json'), download.names.join(', '));
    assert.ok(
      page.workers().some((w) => new URL(w.url()).pathname === '/skolutbyte/worker_loader.js'),
      `the worker runs from the app's folder: ${page.workers().map((w) => w.url())}`,
    );

    // Steps are history entries with the same URL: the host's routing sees no change.
    assert.equal(page.url(), hostUrl, 'the address is the host page\'s own');
    assert.match(String(await page.evaluate(() => history.state)), /^skolutbyte:/);
    await page.goBack();
    await waitForStep(page, 'declaration');
    assert.equal(page.url(), hostUrl, 'Back moves between steps, not away from the page');
    assert.deepEqual(await page.problems(), [], 'no errors and no CSP violations');
  });
});

test("the form's stylesheet leaves the host's own elements as they were", async () => {
  const hostUrl = `${strict.url}host/`;
  let without;
  await withPage(async (page) => {
    // The same page without the form: the loader is not served.
    await page.route('**/skolutbyte/**', (route) => route.abort());
    await page.goto(hostUrl);
    await page.waitForLoadState('load');
    assert.equal(await page.locator('.sku-app').count(), 0);
    without = await looks(page, HOST_ELEMENTS);
  });
  await withPage(async (page) => {
    await page.goto(hostUrl);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    assert.deepEqual(differences(without, await looks(page, HOST_ELEMENTS)), [], 'host elements changed when the form mounted');
    // The hostile rules are really there: the host's own mount element shows them.
    const hostile = await looks(page, ['#skolutbyte'], ['color', 'font-family']);
    assert.deepEqual(hostile['#skolutbyte'], { color: 'rgb(255, 0, 0)', 'font-family': 'serif' }, 'the host page\'s `*` rule applies outside the form');
    assert.deepEqual(await page.problems(), []);
  });
});

/** Start page, then the applicant step with every error shown. */
const APP_ELEMENTS = {
  start: ['.sku-app__bar', '[data-role=language]', '.sku-app h1', '.sku-lead', '.sku-list li', '[data-role=start]', '.sku-app a[href^=http]'],
  errors: [
    '.sku-app h1', '.sku-caption', '.sku-back-link', '#sku-error-summary', '.sku-error-summary__title',
    '#sku-error-summary a', 'label[for=applicant-name]', '#applicant-name', '#applicant-name-error',
    '.sku-fieldset', '.sku-fieldset__legend', 'input[type=radio]', '.sku-radios__label', '#school',
    '[data-role=continue]', '.sku-drafts button',
  ],
};

async function appLooks(page) {
  await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
  const start = {
    ...(await looks(page, APP_ELEMENTS.start)),
    // The root's side margins centre it in whatever width the host gives it.
    ...(await looks(page, ['.sku-app'], LOOK.filter((p) => !['margin-left', 'margin-right'].includes(p)))),
  };
  const size = await page.$eval('.sku-app', (el) => [el.getBoundingClientRect().width, el.getBoundingClientRect().height]);
  const d = fastDriver(page);
  await continueFrom(d, internship, 'start');
  await d.submit();
  await waitForErrorSummary(page);
  const errors = await looks(page, APP_ELEMENTS.errors, [...LOOK, 'width', 'height']);
  return { start, errors, size };
}

test('the form looks the same on the hostile host page as on its own page', async () => {
  let own;
  await withPage(async (page) => {
    await page.goto(standalone.url);
    own = await appLooks(page);
  });
  await withPage(async (page) => {
    await page.goto(`${strict.url}host/`);
    const hosted = await appLooks(page);
    assert.deepEqual(differences(own.start, hosted.start), [], 'start page: the host\'s CSS changed the form');
    assert.deepEqual(differences(own.errors, hosted.errors), [], 'errors: the host\'s CSS changed the form');
    assert.deepEqual(hosted.size, own.size, 'the form has the same width and height');
    assert.deepEqual(await page.problems(), []);
  });
});

test("a host stylesheet sets the form's colours and font through custom properties", async () => {
  await withPage(async (page) => {
    await page.goto(`${strict.url}host/`);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    const before = await looks(page, ['[data-role=start]'], ['background-color', 'font-family']);
    // Inserted first in <head>, before the form's own stylesheet: it must still win.
    await page.evaluate(() => new Promise((loaded) => {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'theme.css' });
      link.onload = loaded;
      document.head.prepend(link);
    }));
    const after = await looks(page, ['[data-role=start]'], ['background-color', 'font-family']);
    assert.notDeepEqual(after, before);
    assert.equal(after['[data-role=start]']['background-color'], 'rgb(29, 60, 52)', 'the button takes the site\'s accent colour');
    assert.match(after['[data-role=start]']['font-family'], /Georgia/);
    assert.deepEqual(await page.problems(), []);
  });
});

// ---------------------------------------------------------------------------------------
// Iframe mode: the parent page and the form on two origins (two ports).

/** Opens the iframe example with the iframe's src on the form's origin. */
async function openIframeExample(page) {
  const parentUrl = `${framing.url}iframe/`;
  const formOrigin = new URL(framingForm.url).origin;
  await page.route(parentUrl, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('src="/skolutbyte/index.html"', `src="${formOrigin}/skolutbyte/index.html"`);
    await route.fulfill({ response, body });
  });
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.formMessages = [];
    addEventListener('message', (e) => window.formMessages.push({ origin: e.origin, ...e.data }));
  });
  await page.goto(parentUrl);
  const frame = await (await page.waitForSelector('iframe[data-skolutbyte]')).contentFrame();
  await frame.waitForSelector('.sku-app:not([data-sku-static]) h1');
  return { frame, formOrigin };
}

/** Waits until the iframe is as tall as the form's document (no scrollbar); returns its height. */
async function waitUntilFits(page, frame, when) {
  try {
    await frame.waitForFunction(() => {
      const root = document.documentElement;
      return root.scrollHeight <= root.clientHeight + 1 && Math.abs(root.clientHeight - root.getBoundingClientRect().height) <= 1;
    }, null, { timeout: 3000 });
  } catch {
    const sizes = await frame.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.clientHeight]);
    throw new Error(`${when}: the form's document (${sizes[0]} px) does not fit its iframe (${sizes[1]} px)`);
  }
  return page.$eval('iframe[data-skolutbyte]', (f) => f.clientHeight);
}

/** Whether the element is wholly inside the parent's viewport. */
async function inParentView(page, frame, selector) {
  const box = await frame.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  return page.evaluate(({ box }) => {
    const frameTop = document.querySelector('iframe[data-skolutbyte]').getBoundingClientRect().top;
    return frameTop + box.top >= 0 && frameTop + box.bottom <= innerHeight;
  }, { box });
}

test('iframe mode: the iframe follows the form\'s height and the parent scrolls to what the form focuses', async () => {
  await withPage(async (page) => {
    const { frame, formOrigin } = await openIframeExample(page);
    const d = fastDriver(frame);
    const heights = { start: await waitUntilFits(page, frame, 'start page') };

    await d.press('[data-role=start]');
    await waitForStep(frame, 'applicant');
    heights.applicant = await waitUntilFits(page, frame, 'applicant step');
    assert.ok(heights.applicant < heights.start - 100, `the iframe shrinks with the shorter step (${heights.start} → ${heights.applicant} px)`);

    // Continue at the bottom of the parent page: the summary appears at the top of the
    // form, out of view, unless the parent scrolls to it.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await d.submit();
    await waitForErrorSummary(frame);
    heights.errors = await waitUntilFits(page, frame, 'applicant step with errors');
    assert.ok(heights.errors > heights.applicant, `the iframe grows with the error messages (${heights.applicant} → ${heights.errors} px)`);
    await page.waitForFunction(() => scrollY > 0); // the page is long enough to need scrolling
    assert.ok(await inParentView(page, frame, '#sku-error-summary'), 'the parent page scrolled the error summary into view');

    // A step change focuses the next step's heading at the top of the form: in view too.
    await fillStep.applicant(d, internship);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await d.submit();
    await waitForStep(frame, 'kind');
    await waitUntilFits(page, frame, 'kind step');
    assert.ok(await inParentView(page, frame, '.sku-app h1'), 'the parent page scrolled the new step\'s heading into view');

    const messages = await page.evaluate(() => window.formMessages);
    const fromForm = messages.filter((m) => String(m.type).startsWith('skolutbyte:'));
    assert.ok(fromForm.every((m) => m.origin === formOrigin), 'messages come from the form\'s origin');
    const lastHeight = fromForm.filter((m) => m.type === 'skolutbyte:height').at(-1);
    assert.equal(lastHeight?.height, await page.$eval('iframe[data-skolutbyte]', (f) => f.clientHeight), 'the iframe has the height the form last reported');
    assert.ok(fromForm.some((m) => m.type === 'skolutbyte:scroll'), 'the form asked the parent to scroll');
    assert.equal(page.url(), `${framing.url}iframe/`, 'the parent\'s address is unchanged');
    assert.deepEqual(await page.problems(), [], 'no errors and no CSP violations in the parent or the form');
  });
});

test('English, fetched when chosen, comes from the app\'s folder under the strict CSP, on the host page and in iframe mode', async () => {
  const english = /^\/skolutbyte\/skolutbyte-en-[0-9a-f]+\.txt$/;
  await withPage(async (page) => {
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${strict.url}host/`);
    await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
    assert.ok(!requests.some((path) => english.test(path)), 'not part of the first load');
    await page.click('.sku-app:not([data-sku-static]) [data-role=language]');
    await page.waitForFunction(() => document.querySelector('#skolutbyte .sku-app')?.lang === 'en');
    assert.equal(normalise(await page.textContent('.sku-app h1')), 'Apply for a grant from the fund for international school exchange');
    assert.equal(requests.filter((path) => english.test(path)).length, 1, requests.join('\n'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv', "the host page's own language stays");
    assert.deepEqual(await page.problems(), [], 'no errors and no CSP violations');
  });
  await withPage(async (page) => {
    const { frame } = await openIframeExample(page);
    await frame.click('.sku-app:not([data-sku-static]) [data-role=language]');
    await frame.waitForFunction(() => document.querySelector('.sku-app')?.lang === 'en');
    assert.equal(normalise(await frame.textContent('.sku-app h1')), 'Apply for a grant from the fund for international school exchange');
    assert.deepEqual(await page.problems(), [], 'no errors and no CSP violations in the parent or the form');
  });
});

// ---------------------------------------------------------------------------------------
// Where the answers may go (security review, finding 4).

/** The example host page with its snippet's element replaced by `snippet`. */
async function hostPageWith(snippet) {
  const html = await hostPageHtml();
  const element = /<div id="skolutbyte"[^>]*>/;
  assert.match(html, element);
  return html.replace(element, snippet);
}

test('a data-endpoint on another site (//host/…) is refused: the web editor is warned and the application is downloaded, not sent', async () => {
  const server = await serveExamples(STRICT_CSP, {
    '/host/other-site.html': await hostPageWith('<div id="skolutbyte" data-endpoint="//evil.example/applications">'),
  });
  try {
    await withPage(async (page) => {
      const posts = [];
      page.context().on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
      await page.goto(`${server.url}host/other-site.html`);
      await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
      const warning = normalise((await (await page.$('[data-role=config-errors]'))?.textContent()) ?? '');
      assert.match(warning, /^Inställningsfel \(till webbredaktören\)/, 'the web editor is warned');
      assert.match(warning, /data-endpoint: ska vara en adress som börjar med https:\/\//, 'naming the setting and what it must be');

      const d = fastDriver(page);
      await continueFrom(d, internship, 'start');
      await fillUntil(d, internship, 'declaration');
      await fillStep.declaration(d, internship);
      await continueFrom(d, internship, 'declaration');
      await page.waitForSelector('[data-role=download-mode]');
      assert.match(normalise(await page.textContent('.sku-panel')), /Ansökan är klar/);
      assert.deepEqual(posts, [], 'nothing is POSTed anywhere');
      assert.deepEqual(await page.problems(), []);
    });
  } finally {
    await server.close();
  }
});

test('with two elements with id "skolutbyte" on the page the form does not start, and says why in both languages', async () => {
  const server = await serveExamples(STRICT_CSP, {
    // An earlier element in the page's content, as third-party HTML could bring.
    '/host/two-forms.html': await hostPageWith(
      '<div id="skolutbyte" data-endpoint="https://evil.example/applications"></div>\n<div id="skolutbyte" data-contact-email="internationella@skelleftea.se">',
    ),
  });
  try {
    await withPage(async (page) => {
      const fetched = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}host/two-forms.html`);
      await page.waitForSelector('[data-role=duplicate-mount]', { timeout: 5000 });
      await page.waitForLoadState('networkidle');
      const [first, second] = await page.$$eval('[id="skolutbyte"]', (els) => els.map((e) => e.innerText.trim()));
      assert.match(normalise(first), /^Ansökan kan inte starta: sidan har mer än ett element med id "skolutbyte"\./, 'said in Swedish, in the first element');
      assert.match(normalise(first), /The application form cannot start: the page has more than one element with the id "skolutbyte"\./, 'and in English');
      assert.ok(await page.isVisible('[data-role=duplicate-mount]'), 'visible');
      assert.equal(await page.getAttribute('[data-role=duplicate-mount]', 'role'), 'alert');
      assert.deepEqual(await page.$$eval('[data-role=duplicate-mount] p', (ps) => ps.map((p) => p.lang)), ['sv', 'en']);
      assert.equal(second, 'Ansökan laddas. Den kräver JavaScript.', 'the second element is left as it was');
      assert.equal(await page.locator('.sku-app').count(), 0, 'no form');
      assert.ok(!fetched.some((p) => p.endsWith('.wasm')), `the app's wasm is not even fetched: ${fetched}`);
      assert.deepEqual(
        await page.problems(),
        ['pageerror: skolutbyte: more than one element with id "skolutbyte"; the form does not start'],
        'one error for the developer, in the console',
      );
    });
  } finally {
    await server.close();
  }
});

/** Another origin (another port) that records every request and lets any origin POST. */
async function otherOrigin() {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(req.method === 'OPTIONS' ? 204 : 201, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': '*',
      'content-type': 'application/json',
    });
    res.end(req.method === 'OPTIONS' ? '' : JSON.stringify({ reference: 'UTANFÖR-1' }));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}/applications`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

test("connect-src binds the worker's POST only when the header is also sent with the worker's files", async () => {
  const other = await otherOrigin();
  // The page may connect to its own origin only; the endpoint is on another port.
  const csp = STRICT_CSP.replace("connect-src 'self' http://127.0.0.1:*", "connect-src 'self'");
  assert.notEqual(csp, STRICT_CSP);
  const pages = { '/host/send.html': await hostPageWith(`<div id="skolutbyte" data-endpoint="${other.endpoint}">`) };
  const mounts = { '/skolutbyte/': distDir };
  const everyFile = await serveDirectory(examplesDir, { 'content-security-policy': csp }, mounts, pages);
  const pageOnly = await serveDirectory(examplesDir, (path) => (path.endsWith('.html') ? { 'content-security-policy': csp } : {}), mounts, pages);

  async function send(server) {
    await withPage(async (page) => {
      await page.goto(`${server.url}host/send.html`);
      await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
      const d = fastDriver(page);
      await continueFrom(d, internship, 'start');
      await fillUntil(d, internship, 'declaration');
      await fillStep.declaration(d, internship);
      await d.submit();
      // Blocked: the worker's fetch fails like a network error and is given up after its
      // retries. Allowed: the other origin answers with a reference.
      await page.waitForSelector('[data-role=delivery-failed], [data-role=reference]', { timeout: 30000 });
    });
  }
  try {
    await send(everyFile);
    assert.deepEqual(other.requests, [], 'with the header on the worker\'s files, nothing reaches the other origin');
    await send(pageOnly);
    assert.ok(
      other.requests.includes('POST /applications'),
      `with the header on the page alone, the worker POSTs to the other origin: ${other.requests}`,
    );
  } finally {
    await Promise.all([everyFile.close(), pageOnly.close(), other.close()]);
  }
});
