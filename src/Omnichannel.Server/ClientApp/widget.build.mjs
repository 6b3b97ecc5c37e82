// Bundles the web chat widget into ../wwwroot/widget.js: one classic script (IIFE) that a host page loads with
// <script src=".../widget.js" data-site="KEY" async>. Prints its gzipped size, which we keep small.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const outfile = new URL('../wwwroot/widget.js', import.meta.url).pathname;
await build({
  entryPoints: ['src/widget/main.ts'],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  outfile,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const bytes = await readFile(outfile);
console.log(`widget.js: ${(bytes.length / 1024).toFixed(1)} KiB, ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped`);
