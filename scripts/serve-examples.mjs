// Serves the example host pages (examples/) with the strict Content-Security-Policy of the
// browser tests, and the release build (dist/, or SKU_DIST) under /skolutbyte/.
// The header goes with every file, the worker's (worker_loader.js, worker.js,
// worker_bg.wasm) included: the worker makes the POST and follows only its own policy.
// Usage: trunk build --release && node scripts/serve-examples.mjs
import { serveExamples, FRAMING_CSP } from '../tests/browser/support/embed.mjs';

const server = await serveExamples(FRAMING_CSP);
console.log(`Embedded in a host page: ${server.url}host/`);
console.log(`Iframe mode:             ${server.url}iframe/`);
console.log('Ctrl+C stops the server.');
