// Checks Mermaid diagrams with the mermaid package's own parser: node validate.mjs FILE... (copied into a folder
// whose node_modules holds mermaid and jsdom: ES modules resolve packages from the script's folder). Prints "ok FILE" or "invalid FILE: message" per file; exits 1 if any is invalid.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

// mermaid sanitises labels with DOMPurify, which needs a DOM.
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file}`);
  } catch (error) {
    console.log(`invalid ${file}: ${String(error.message ?? error).split('\n').join(' ')}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
