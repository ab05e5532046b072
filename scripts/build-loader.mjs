// Trunk post-build hook (after minify-glue.mjs): builds the loader, dist/skolutbyte.js,
// from embed/loader.js and the wasm-bindgen glue, and puts it where Trunk would have
// injected its inline <script type="module"> (Trunk.toml's pattern_script leaves a
// placeholder). Why: a strict Content-Security-Policy forbids inline scripts, and a host
// page needs one script with a stable name (see README, "Embedding").
//
// The glue is bundled into the loader, so the loader's own integrity hash covers it; the
// loader fetches the wasm and the stylesheet with their integrity hashes.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { shortenNames } from './short-wasm-names.mjs';

const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const esbuild = require('esbuild');

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('build-loader.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const base = process.env.TRUNK_PUBLIC_URL ?? './';
const LOADER = 'skolutbyte.js';

const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// Exactly one placeholder: the app's <link data-trunk rel="rust">. A worker's rust link
// (data-type="worker") gets none: Trunk leaves workers to the app.
const placeholder = /<script data-sku-files="?([^" ]+) ([^" ]+?)"?><\/script>/;
const found = html.match(placeholder);
if (!found) throw new Error('build-loader.mjs: no <script data-sku-files> placeholder in index.html (see Trunk.toml, pattern_script)');
const [, glue, wasm] = found;

const stylesheet = html.match(/<link[^>]*?href="?(?:[^"\s>]*\/)?([^"\s>/]+\.css)"?[^>]*>/);
if (!stylesheet) throw new Error('build-loader.mjs: no stylesheet link in index.html');
const css = stylesheet[1];

// The iframe half is a classic script (the loader adds it with its integrity hash).
const FRAME = 'skolutbyte-frame.js';
const frame = (await esbuild.build({
  entryPoints: [new URL('../embed/iframe-child.js', import.meta.url).pathname],
  target: 'es2022',
  minify: release,
  write: false,
})).outputFiles[0].contents;
writeFileSync(join(dir, FRAME), frame);


// Short import and export names in the wasm and its glue (scripts/short-wasm-names.mjs),
// before either is hashed.
{
  const wasmPath = join(dir, wasm);
  const gluePath = join(dir, glue);
  const short = shortenNames(readFileSync(wasmPath), readFileSync(gluePath, 'utf8'));
  writeFileSync(wasmPath, short.wasm);
  writeFileSync(gluePath, short.glue);
}

// English is not in the first load: the build writes it as a data file (src/i18n/data.rs,
// from the Rust source src/i18n/en.rs), which the loader fetches when the applicant
// chooses English. Its name carries its hash, so a browser may cache it for good.
const englishText = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'english-texts'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: ['ignore', 'pipe', 'inherit'],
});
const english = `skolutbyte-en-${createHash('sha256').update(englishText).digest('hex').slice(0, 16)}.txt`;
writeFileSync(join(dir, english), englishText);

const files = {
  english,
  englishIntegrity: sri(englishText),
  frame: FRAME,
  frameIntegrity: sri(frame),
  wasm,
  wasmIntegrity: sri(readFileSync(join(dir, wasm))),
  css,
  cssIntegrity: sri(readFileSync(join(dir, css))),
};
const source = readFileSync(new URL('../embed/loader.js', import.meta.url), 'utf8');
// wasm-bindgen marks its exported classes for `using` (Symbol.dispose). Nothing of ours
// uses them, and that one statement is what keeps the unused classes in the bundle.
const withoutDispose = {
  name: 'without-dispose',
  setup(build) {
    build.onLoad({ filter: new RegExp(`${glue.replace(/[.]/g, '\\.')}$`) }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replace(
        /(?:if \(Symbol\.dispose\) |Symbol\.dispose&&\()(\w+)\.prototype\[Symbol\.dispose\] ?= ?\1\.prototype\.free\)?;?/g,
        '',
      ),
      loader: 'js',
    }));
  },
};
const { outputFiles } = await esbuild.build({
  stdin: { contents: source.replace("'skolutbyte-glue'", JSON.stringify(`./${glue}`)), resolveDir: dir, sourcefile: 'embed/loader.js' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: release,
  define: { SKU_FILES: JSON.stringify(files) },
  plugins: [withoutDispose],
  write: false,
});
const loader = Buffer.from(outputFiles[0].contents);
writeFileSync(join(dir, LOADER), loader);

// The glue now lives inside the loader: drop the file and Trunk's preload of it.
rmSync(join(dir, glue));
html = html.replace(new RegExp(`<link[^>]*?rel="?modulepreload"?[^>]*>`, 'g'), (tag) => (tag.includes(glue) ? '' : tag));
// Chromium ignores integrity on as=fetch preloads and warns about it (crbug.com/981419);
// the loader's fetch of the wasm checks it. Bytes of every first load.
html = html.replace(/<link[^>]*?rel="?preload"?[^>]*>/g, (tag) =>
  tag.includes(wasm) ? tag.replace(/\s+integrity="?sha384-[^"\s>]+"?/, '') : tag,
);
html = html.replace(placeholder, `<script type="module" src="${base}${LOADER}" integrity="${sri(loader)}" crossorigin></script>`);

// The start page as static HTML (src/start_page.rs, from the Swedish texts), inside the
// mount element: on screen before the wasm arrives; the app then replaces it with the
// same markup. Host pages get the same markup as start-page.html (README, "Embedding").
const startPage = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'start-page'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
// After the <noscript> message: without JavaScript that message comes first, above a
// start page whose buttons cannot work.
const mount = /<main\b[^>]*\bid="?skolutbyte"?[^>]*>(\s*<noscript>[\s\S]*?<\/noscript>)?/;
if (!mount.test(html)) throw new Error('build-loader.mjs: no <main id="skolutbyte"> in index.html for the start page');
html = html.replace(mount, (tag) => tag + startPage);
writeFileSync(join(dir, 'start-page.html'), `${startPage}\n`);
writeFileSync(indexPath, html);

// The parent-page helper for iframe mode ships beside the app (a classic script).
const host = readFileSync(new URL('../embed/iframe-host.js', import.meta.url), 'utf8');
writeFileSync(join(dir, 'iframe-host.js'), release ? esbuild.transformSync(host, { minify: true, target: 'es2020' }).code : host);
console.log(`build-loader.mjs: ${LOADER} (${loader.length} bytes) loads ${wasm} and ${css}, English from ${english}; ${basename(glue)} bundled`);
