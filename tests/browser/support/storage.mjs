// What the form keeps in the browser, read from the test: localStorage entries of the
// app and the attachments in IndexedDB (database `skolutbyte`, store `bilagor`, kept by
// the worker: worker/src/store.rs).
import { readdir } from 'node:fs/promises';
import { distDir } from './harness.mjs';

export const KEY_STORAGE = 'skolutbyte:idempotensnyckel';
export const DATABASE = 'skolutbyte';
export const STORE = 'bilagor';
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The files kept in IndexedDB: [{ id, name, size, type, bytes (base64) }], sorted by
 * name; [] when the database does not exist. Never creates the database.
 */
export function keptFiles(page) {
  return page.evaluate(async ({ database, store }) => {
    const existing = (await indexedDB.databases()).map((d) => d.name);
    if (!existing.includes(database)) return [];
    const db = await new Promise((ok, fail) => {
      const request = indexedDB.open(database);
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    try {
      if (!db.objectStoreNames.contains(store)) return [];
      const objects = db.transaction(store).objectStore(store);
      const settle = (request) =>
        new Promise((ok, fail) => {
          request.onsuccess = () => ok(request.result);
          request.onerror = () => fail(request.error);
        });
      const [keys, files] = await Promise.all([settle(objects.getAllKeys()), settle(objects.getAll())]);
      const list = await Promise.all(
        files.map(async (file, i) => {
          const bytes = new Uint8Array(await file.arrayBuffer());
          let binary = '';
          for (const b of bytes) binary += String.fromCharCode(b);
          return { id: keys[i], name: file.name, size: file.size, type: file.type, bytes: btoa(binary) };
        }),
      );
      return list.sort((a, b) => a.name.localeCompare(b.name));
    } finally {
      db.close();
    }
  }, { database: DATABASE, store: STORE });
}

/** Every localStorage entry of the app (keys starting with `skolutbyte:`). */
export function appStorage(page) {
  return page.evaluate(() => {
    const entries = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key.startsWith('skolutbyte:')) entries[key] = localStorage.getItem(key);
    }
    return entries;
  });
}

/**
 * Opens a same-origin document in which the app does not run (its style sheet), for
 * writing storage before the app starts.
 */
export async function openAppOrigin(page, serverUrl) {
  const css = (await readdir(distDir)).find((name) => name.endsWith('.css'));
  await page.goto(serverUrl + css);
}

/** Puts localStorage entries and IndexedDB files as an earlier visit would have left them. */
export async function seedBrowser(page, serverUrl, { entries = {}, files = [] } = {}) {
  await openAppOrigin(page, serverUrl);
  await page.evaluate(
    async ({ entries, files, database, store }) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      if (!files.length) return;
      const db = await new Promise((ok, fail) => {
        const request = indexedDB.open(database, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(store);
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
      const tx = db.transaction(store, 'readwrite');
      for (const f of files) {
        tx.objectStore(store).put(new File([f.text], f.name, { type: f.type }), f.id);
      }
      await new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onabort = () => fail(tx.error);
      });
      db.close();
    },
    { entries, files, database: DATABASE, store: STORE },
  );
}

/** Deterministic bytes that are not text: what a real attachment looks like. */
export function binaryBytes(length, seed) {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}
