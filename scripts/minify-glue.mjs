// Trunk post-build hook: minifies the wasm-bindgen JS glue (Trunk minifies HTML and CSS
// but not this file) and updates its Subresource Integrity hash in index.html, so the
// browser still verifies exactly what it loads. Saves ~2.5 KB brotli of first load.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const esbuild = require('esbuild');

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// Only the page's own module glue: the worker's files are classic scripts whose top-level
// names (`wasm_bindgen`) must survive, and they are not part of the first load anyway.
for (const name of readdirSync(dir).filter((f) => f.endsWith('.js') && html.includes(f))) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const { code } = esbuild.transformSync(before.toString('utf8'), { minify: true, format: 'esm', target: 'es2020' });
  writeFileSync(path, code);
  html = html.split(sri(before)).join(sri(Buffer.from(code)));
}
writeFileSync(indexPath, html);
