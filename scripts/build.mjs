// Transpiles src/ to plain JavaScript in dist/ for `npm start` (its prestart step; ADR 0024). Type checking stays with
// `npm run typecheck`: this only strips types and compiles JSX, file by file, keeping the tree, so `import.meta.url`
// paths (migrations, demo data, the stylesheet) resolve in dist/ as in src/. Files that are not TypeScript are copied.
// Tests are left out. dist/ is rebuilt from scratch each time, so a deleted source never lingers there.
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(root, 'src');
const target = path.join(root, 'dist');
const isTest = (file) => /\.test\.tsx?$/.test(file);
const isTypeScript = (file) => /\.tsx?$/.test(file);

const entryPoints = readdirSync(source, { recursive: true, encoding: 'utf8' })
  .filter((file) => isTypeScript(file) && !isTest(file))
  .map((file) => path.join(source, file));

rmSync(target, { recursive: true, force: true });
cpSync(source, target, { recursive: true, filter: (file) => !isTypeScript(file) });
await build({
  entryPoints,
  outdir: target,
  outbase: source,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
});
