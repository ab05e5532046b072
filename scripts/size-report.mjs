// Prints the raw, gzip and brotli size of every file the first page load fetches
// (index.html and every local file it references), and their total.
// Usage: node scripts/size-report.mjs [dist] [--json out.json] [--budget-kb 150]
// Also a module: bench/sizes.mjs imports firstLoadFiles and sizeTable.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/**
 * The files the first page load fetches: index.html and every local file it references.
 * index.html names our loader (skolutbyte.js, the JS glue inside), the stylesheet and the
 * wasm (a preload). skolutbyte-frame.js is fetched only inside an iframe (iframe mode).
 */
export function firstLoadFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Attributes may be quoted or, in minified HTML, bare.
  const referenced = [...html.matchAll(/(?:href|src)=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((ref) => !/^(data:|https?:|#)/.test(ref))
    .map((ref) => ref.replace(/^\.?\//, '').split(/[?#]/)[0]);
  return ['index.html', ...new Set(referenced)].filter((f) => existsSync(join(dist, f)));
}

/** Raw, gzip (level 9) and brotli (quality 11) size of one file's bytes. */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** One row per file (paths relative to `dist`) and their total. */
export function sizeTable(dist, files) {
  const rows = files.map((file) => ({ file, ...compressedSizes(readFileSync(join(dist, file))) }));
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files: rows, total };
}

// Run as a command (not when imported, e.g. by bench/sizes.mjs).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const { files: rows, total } = sizeTable(dist, firstLoadFiles(dist));

  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  console.log(`First page load (${dist}):`);
  console.log(`${'file'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.file.padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  console.log(`${'TOTAL'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);

  const jsonPath = option('--json');
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ files: rows, total }, null, 2));
  const budget = option('--budget-kb');
  if (budget && total.brotli > Number(budget) * 1024) {
    console.error(`Over budget: ${(total.brotli / 1024).toFixed(1)} KB brotli > ${budget} KB`);
    process.exit(1);
  }
}
