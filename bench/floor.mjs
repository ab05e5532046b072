// The floor of the first load: builds bench/floor (Leptos alone; Leptos with the domain
// core) and takes the app's own wasm through the same wasm-bindgen and wasm-opt steps as
// the release build, and gives each one's brotli size. `signals_only` is the first page
// with Leptos' signals but no view layer (the DOM API directly): what the view layer costs. What the app weighs above
// `leptos_and_core` is its views, texts and browser glue: the part that the routes of
// issue 13 can shrink. `make bench` reports it under "Sizes"; see also README, "Decisions".
//
// Usage: node bench/floor.mjs   (after `trunk build --release`, which leaves the app's
// wasm in target/). The floor builds into the same target/ (CARGO_TARGET_DIR if set), so
// it reuses the app's compiled dependencies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const MODULES = ['leptos_only', 'leptos_and_core', 'signals_only'];

export function measureFloor(repoRoot) {
  const floorDir = join(repoRoot, 'bench/floor');
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(repoRoot, 'target');
  const wasmDir = join(targetDir, 'wasm32-unknown-unknown/release');
  // The app's own wasm-opt arguments, read from index.html so the two never differ.
  const params = readFileSync(join(repoRoot, 'index.html'), 'utf8').match(/data-wasm-opt-params="([^"]*)"/);
  if (!params) throw new Error('bench/floor.mjs: no data-wasm-opt-params in index.html');
  const wasmOptArgs = params[1].split(/\s+/).filter(Boolean);

  execFileSync('cargo', ['build', '--release', '--locked', '--target', 'wasm32-unknown-unknown', '--bins'], {
    cwd: floorDir, // so cargo reads the app's .cargo/config.toml (erase_components) too
    env: { ...process.env, CARGO_TARGET_DIR: targetDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const work = mkdtempSync(join(tmpdir(), 'sku-floor-'));
  const measure = (name, wasm) => {
    const out = join(work, name);
    execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', name, wasm]);
    const optimised = join(out, 'opt.wasm');
    execFileSync('wasm-opt', [...wasmOptArgs, join(out, `${name}_bg.wasm`), '-o', optimised]);
    const bytes = readFileSync(optimised);
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    return { module: name, raw: bytes.length, brotli: brotli.length };
  };
  try {
    return [
      ...MODULES.map((name) => measure(name, join(wasmDir, `${name}.wasm`))),
      measure('app', join(wasmDir, 'skolutbyte.wasm')),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measureFloor(fileURLToPath(new URL('..', import.meta.url)));
  const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
  console.log('wasm after wasm-bindgen and wasm-opt (no short names):');
  console.log('module             raw KB   br KB');
  for (const r of rows) console.log(`${r.module.padEnd(17)} ${kb(r.raw)} ${kb(r.brotli)}`);
  const byName = Object.fromEntries(rows.map((r) => [r.module, r]));
  const core = byName.leptos_and_core;
  const app = byName.app;
  console.log(`the app's own views, texts and glue: ${kb(app.brotli - core.brotli).trim()} KB brotli`);
}
