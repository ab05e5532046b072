// A tiny static server for the benchmarks: like a production web server, it answers with
// brotli (`Content-Encoding: br`) when the browser accepts it, else gzip, else the raw
// bytes. A plain static server would make Lighthouse and the load timings see the raw
// (3–4× larger) wasm and misstate every load figure. Compressed bodies are made once per
// file (quality 11, as a build step would precompress them) and kept in memory.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

/** Serves `root` on 127.0.0.1 at a free port; `served` counts bytes sent per encoding. */
export async function serveCompressed(root) {
  const cache = new Map(); // path -> { raw, br, gzip }
  const served = { br: 0, gzip: 0, identity: 0, requests: 0 };
  const bodies = async (file) => {
    if (!cache.has(file)) {
      const raw = await readFile(file);
      cache.set(file, {
        raw,
        br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: gzipSync(raw, { level: 9 }),
      });
    }
    return cache.get(file);
  };
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await bodies(file);
      const accepted = String(req.headers['accept-encoding'] ?? '');
      const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : 'identity';
      const bytes = encoding === 'identity' ? body.raw : body[encoding];
      served[encoding] += bytes.length;
      served.requests += 1;
      res.writeHead(200, {
        'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
        'content-length': bytes.length,
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, served, close: () => new Promise((ok) => server.close(ok)) };
}
