// The floor of the first load: builds bench/floor (Leptos alone; Leptos with the domain
// core) and the app's own wasm through the same wasm-bindgen and wasm-opt steps as the
// release build, and prints each one's brotli size. What the app weighs above
// `leptos_and_core` is its views, texts and browser glue: the part that the routes of
// issue 13 can shrink. See docs/benchmarks.md, "The floor".
//
// Usage: node bench/floor.mjs   (after `trunk build --release`, which builds the app's
// wasm into target/). CARGO_TARGET_DIR is honoured; by default the floor builds into
// bench/floor/target, a cold build of a few minutes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const floorDir = join(root, 'bench/floor');
const wasmDir = (targetDir) => join(targetDir, 'wasm32-unknown-unknown/release');

// The app's own wasm-opt arguments, read from index.html so the two can never differ.
const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
const params = indexHtml.match(/data-wasm-opt-params="([^"]*)"/);
if (!params) throw new Error('bench/floor.mjs: no data-wasm-opt-params in index.html');
const wasmOptArgs = params[1].split(/\s+/).filter(Boolean);

const floorTarget = process.env.CARGO_TARGET_DIR ?? join(floorDir, 'target');
execFileSync('cargo', ['build', '--release', '--locked', '--target', 'wasm32-unknown-unknown', '--bins'], {
  cwd: floorDir, // so cargo reads the app's .cargo/config.toml (erase_components) too
  env: { ...process.env, CARGO_TARGET_DIR: floorTarget },
  stdio: 'inherit',
});

const work = mkdtempSync(join(tmpdir(), 'sku-floor-'));
const measure = (name, wasm) => {
  const out = join(work, name);
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', name, wasm]);
  const optimised = join(out, 'opt.wasm');
  execFileSync('wasm-opt', [...wasmOptArgs, join(out, `${name}_bg.wasm`), '-o', optimised]);
  const bytes = readFileSync(optimised);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return { name, raw: bytes.length / 1024, br: brotli.length / 1024 };
};

const appTarget = process.env.SKU_APP_TARGET_DIR ?? join(root, 'target');
const rows = [
  measure('leptos_only', join(wasmDir(floorTarget), 'leptos_only.wasm')),
  measure('leptos_and_core', join(wasmDir(floorTarget), 'leptos_and_core.wasm')),
  measure('app', join(wasmDir(appTarget), 'skolutbyte.wasm')),
];
rmSync(work, { recursive: true, force: true });

console.log('wasm after wasm-bindgen and wasm-opt (no short names):');
console.log('module             raw KB   br KB');
for (const r of rows) console.log(`${r.name.padEnd(17)} ${r.raw.toFixed(1).padStart(7)} ${r.br.toFixed(1).padStart(7)}`);
const [, core, app] = rows;
console.log(`the app's own views, texts and glue: ${(app.br - core.br).toFixed(1)} KB brotli`);
