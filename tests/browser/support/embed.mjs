// The example host pages (examples/) served as a municipal site would serve them: the
// site's pages at /, the built app in a folder of its own, /skolutbyte/, and a strict
// Content-Security-Policy header on every response.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDirectory, distDir } from './harness.mjs';

export const examplesDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../examples');

/** No inline script or style, no eval (only wasm compilation), nothing from elsewhere. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self' http://127.0.0.1:*",
  "img-src 'self' data:",
  "worker-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The same policy for iframe mode, where the parent page and the form may be on two
 * origins (the tests use two ports): the parent may frame the form's origin, and the
 * form may be framed by the parent's.
 */
export const FRAMING_CSP = [
  ...STRICT_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')),
  "frame-src 'self' http://127.0.0.1:*",
  "frame-ancestors 'self' http://127.0.0.1:*",
].join('; ');

/**
 * Serves examples/ at / and the release build at /skolutbyte/, with `csp` on every
 * response (the worker's files too). `pages` adds paths served as the HTML given.
 */
export function serveExamples(csp = STRICT_CSP, pages = {}) {
  return serveDirectory(examplesDir, { 'content-security-policy': csp }, { '/skolutbyte/': distDir }, pages);
}

/** The example host page's HTML (examples/host/index.html), to vary in a test. */
export function hostPageHtml() {
  return readFile(resolve(examplesDir, 'host/index.html'), 'utf8');
}
