// Item 1: sizes. The first-load files come from scripts/size-report.mjs (the same list
// `make size` prints); the PDF module and its font are listed apart because they are
// fetched only when an applicant makes the PDF or sends.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { firstLoadFiles, sizeTable } from '../scripts/size-report.mjs';
import { measureFloor } from './floor.mjs';

const WORKER_FILES = ['worker.js', 'worker_bg.wasm', 'worker_loader.js'];

export function measureSizes(dist, repoRoot) {
  const fontDir = join(repoRoot, 'worker/fonts');
  const fonts = readdirSync(fontDir).filter((f) => f.endsWith('.ttf')).sort();
  return {
    firstLoad: sizeTable(dist, firstLoadFiles(dist)),
    // The fonts are compiled into worker_bg.wasm: shown to say how much of it they are.
    pdfModule: sizeTable(dist, WORKER_FILES),
    font: sizeTable(fontDir, fonts),
    // What Leptos and the domain core weigh alone (bench/floor.mjs), next to the app.
    floor: measureFloor(repoRoot),
  };
}
