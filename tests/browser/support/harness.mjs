// Shared set-up for browser tests: a real static server on loopback serving the release
// build, and Debian's headless Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The release build to serve: `SKU_DIST` when set (e.g. a private build directory), else dist/. */
export const distDir = process.env.SKU_DIST
  ? resolve(process.env.SKU_DIST)
  : resolve(here, '../../../dist');

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1 at a free port. `headers` are added to every response (or,
 * when a function, `headers(path)` to the response for that path).
 * `mounts` serves other directories under URL prefixes, e.g. `{ '/skolutbyte/': distDir }`
 * (the example host pages load the app from a folder of their own site). `pages` maps
 * extra paths (e.g. '/send.html') to HTML served as it is. Content-Security-Policy reports
 * POSTed to /csp-report are kept in `cspReports`.
 */
export async function serveDirectory(root = distDir, headers = {}, mounts = {}, pages = {}) {
  const cspReports = [];
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      // Where a policy's `report-uri /csp-report` sends its violation reports.
      if (req.method === 'POST' && path === '/csp-report') {
        let body = '';
        for await (const chunk of req) body += chunk;
        cspReports.push(body);
        res.writeHead(204);
        res.end();
        return;
      }
      const extra = typeof headers === 'function' ? headers(path) : headers;
      if (pages[path] !== undefined) {
        res.writeHead(200, { 'content-type': mimeTypes['.html'], 'cache-control': 'no-store', ...extra });
        res.end(pages[path]);
        return;
      }
      let dir = root;
      const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
      if (prefix) [dir, path] = [mounts[prefix], path.slice(prefix.length - 1)];
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...extra,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    cspReports,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * The built index.html with `attributes` (e.g. { 'data-endpoint': '…' }) added to the
 * mount element: the app as a host page would configure it.
 */
export async function pageWithSettings(attributes) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const escape = (value) => String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const extra = Object.entries(attributes).map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
  const configured = html.replace(/<main\b/, `<main${extra}`);
  if (configured === html) throw new Error('index.html has no <main> mount element');
  return configured;
}

/** `extraArgs`: more Chromium switches for one test file. */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      ...extraArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * Opens the app in a fresh context and waits until it has mounted. Page errors and
 * console errors are collected in `page.problems` so a test can assert there were none.
 */
export async function openApp(browser, url, { width = 1280, height = 900, path = '' } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  await page.goto(url + path);
  await page.waitForSelector('.sku-app:not([data-sku-static]) h1');
  return page;
}

const axeSource = await readFile(resolve(here, '../node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules, and best practice) in the page; returns the violations. */
export async function axeViolations(page) {
  // Injected once per document: the app never reloads the page between steps.
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  return violations;
}

/**
 * One static server and one browser for a whole test file: started before the first
 * test, closed after the last. `onStarted` receives `{ server, browser }`.
 */
export function useServerAndBrowser(onStarted) {
  let started;
  before(async () => {
    started = { server: await serveDirectory(), browser: await launchBrowser() };
    onStarted(started);
  });
  after(async () => {
    await started?.browser.close();
    await started?.server.close();
  });
}
