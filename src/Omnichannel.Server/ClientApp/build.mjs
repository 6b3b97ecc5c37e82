// Bundles the agent web app into ../wwwroot: app.js (one ES module), app.css and index.html.
// `node build.mjs` builds minified; `--watch` rebuilds on change (unminified, with source maps).
import { build, context } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const outdir = new URL('../wwwroot/', import.meta.url).pathname;

const options = {
  entryPoints: { app: 'src/main.tsx' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir,
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
};

await mkdir(outdir, { recursive: true });
await copyFile('src/index.html', outdir + 'index.html');
await copyFile('src/app.css', outdir + 'app.css');
if (watch) {
  const ctx = await context(options);
  await ctx.watch();
  console.log('watching src/ …');
} else {
  await build(options);
}
