// The reference receiver (receiver/, a real HTTP server in Rust) on loopback, and the
// readers the send and download tests check with: the JSON Schema (ajv), the zip
// (unzip) and the PDF (poppler's pdftotext/pdffonts/pdfdetach, qpdf).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Builds (if needed) and starts the receiver with a fresh data folder. */
export async function startReceiver() {
  const binary = join(root, 'target/debug/skolutbyte-receiver');
  if (!existsSync(binary)) {
    execFileSync('cargo', ['build', '--quiet', '-p', 'skolutbyte-receiver'], { cwd: root, stdio: 'inherit' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'skolutbyte-received-'));
  const child = spawn(binary, ['--port', '0', '--quiet', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((ok, fail) => {
    lines.once('line', ok);
    child.once('exit', (code) => fail(new Error(`receiver exited with ${code}`)));
  });
  const url = first.replace(/^listening on /, '').trim();
  const json = async (path, init) => (await fetch(url + path, init)).json();
  return {
    url,
    dataDir,
    endpoint: (query = '') => `${url}/applications${query}`,
    applications: () => json('/_applications'),
    storedJson: async (reference) => (await fetch(`${url}/_applications/${reference}`)).text(),
    queueFaults: (faults) => json('/_faults', { method: 'POST', body: JSON.stringify(faults) }),
    reset: async () => {
      await fetch(`${url}/_faults`, { method: 'DELETE' });
      await fetch(`${url}/_applications`, { method: 'DELETE' });
    },
    close: () => {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const schema = JSON.parse(readFileSync(join(root, 'docs/application.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// schemars marks unsigned integers with these formats; the range is what they mean.
ajv.addFormat('uint32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff });
ajv.addFormat('uint64', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 });
const validateApplication = ajv.compile(schema);

/** The schema's errors for `value`, [] when it validates. */
export function schemaErrors(value) {
  return validateApplication(value) ? [] : validateApplication.errors.map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * Clicks `selector` and saves the file the browser downloads; its name and path. A page
 * from `support/engines.mjs` brings its engine's way of catching the file (`downloadBy`).
 */
async function downloadFrom(page, selector) {
  const dir = mkdtempSync(join(tmpdir(), 'skolutbyte-download-'));
  if (page.downloadBy) {
    const { name, bytes } = await page.downloadBy(selector);
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return { name, path };
  }
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    page.click(selector),
  ]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

/**
 * Clicks "Ladda ner ansökan (PDF)", saves the PDF the worker makes and takes out the
 * files embedded in it (`pdfdetach`): returns its file name, its path, the folder the
 * embedded files were saved into and their names as `pdfdetach -list` shows them.
 */
export async function downloadPdf(page) {
  const { name, path } = await downloadFrom(page, '[data-role=download-application]');
  return { name, path, ...detached(path) };
}

/**
 * Clicks "Ladda ner som zip-fil", saves the zip the worker makes and unpacks it: returns
 * its file name, the folder it was unpacked into and the names inside.
 */
export async function downloadZip(page) {
  const { name, path } = await downloadFrom(page, '[data-role=download-zip]');
  return { name, ...unzipped(path) };
}

/** The files embedded in a PDF, saved into a fresh folder; the folder and the names. */
export function detached(pdfPath) {
  const dir = mkdtempSync(join(tmpdir(), 'skolutbyte-detached-'));
  execFileSync('pdfdetach', ['-saveall', '-enc', 'UTF-8', '-o', dir, pdfPath]);
  const names = execFileSync('pdfdetach', ['-list', '-enc', 'UTF-8', pdfPath], { encoding: 'utf8' })
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\d+: /, ''))
    .filter(Boolean);
  return { dir, names };
}

/** Unpacks a zip with `unzip` into a fresh folder; returns the folder and the names. */
export function unzipped(zipPath) {
  const dir = mkdtempSync(join(tmpdir(), 'skolutbyte-bundle-'));
  execFileSync('unzip', ['-q', zipPath, '-d', dir]);
  const names = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).trim().split('\n');
  return { dir, names };
}

/** What poppler and qpdf say about a PDF file. */
export function pdfFacts(pdfPath) {
  const run = (tool, args) => execFileSync(tool, args, { encoding: 'utf8' });
  let qpdf;
  try {
    qpdf = { ok: true, output: run('qpdf', ['--check', pdfPath]) };
  } catch (error) {
    qpdf = { ok: false, output: `${error.stdout}${error.stderr}` };
  }
  return {
    text: run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']),
    fonts: run('pdffonts', [pdfPath]),
    info: run('pdfinfo', [pdfPath]),
    meta: run('pdfinfo', ['-meta', pdfPath]),
    qpdf,
  };
}
