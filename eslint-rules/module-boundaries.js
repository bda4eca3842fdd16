/**
 * Lint rules that keep the modules apart (docs/ARCHITECTURE.md, "Boundaries"; ADR 0019):
 * - `own-tables`: a module names only its own tables in SQL. Which module owns a table is read from the modules'
 *   `*.table.ts` files (`interface DB { table: …; }` inside `declare module …db/schema.js`). Kysely calls
 *   (selectFrom, insertInto, updateTable, deleteFrom, the joins), the shared pieces that take a table's name
 *   (updateVersioned) and raw `sql` templates are checked.
 * - `imports`: `domain/`, `db/` and `web/` never import `modules/`; a module imports another module only through that
 *   module's `index.ts`, and so does everything else outside the modules (app, server, CLI, tests, benchmarks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'mergeInto',
  'replaceInto',
]);
/** Shared query pieces (src/db/row-queries.ts) that take a table's name: the argument's position. */
const TABLE_ARGUMENT = new Map([['updateVersioned', 1]]);
const SQL_TABLE = /\b(?:from|join|into|update|table)\s+("?)([a-z_][a-z0-9_]*)\1/gi;

/** table name → owning module, from src/modules/<module>/*.table.ts */
export function tableOwners(modulesDir) {
  const owners = new Map();
  for (const module of readdirSync(modulesDir, { withFileTypes: true })) {
    if (!module.isDirectory()) continue;
    for (const file of readdirSync(join(modulesDir, module.name))) {
      if (!file.endsWith('.table.ts')) continue;
      const text = readFileSync(join(modulesDir, module.name, file), 'utf8');
      const block = /interface DB \{([^}]*)\}/.exec(text);
      if (!block) continue;
      for (const m of block[1].matchAll(/^\s*([a-z_][a-z0-9_]*)\s*:/gm)) owners.set(m[1], module.name);
    }
  }
  return owners;
}

/** The module a file belongs to: src/modules/<module>/… (any depth), else null. */
function moduleOf(filename, cwd) {
  const parts = relative(cwd, filename).split(sep);
  const at = parts.indexOf('modules');
  return at >= 0 && parts[at - 1] === 'src' && parts.length > at + 2 ? parts[at + 1] : null;
}

const cache = new Map();

export const ownTables = {
  meta: {
    type: 'problem',
    docs: { description: "a module names only its own tables in SQL; it asks another module's queries through that module's index.ts" },
    schema: [{ type: 'object', properties: { modulesDir: { type: 'string' } }, additionalProperties: false }],
    messages: { foreign: 'Module "{{module}}" names table "{{table}}" of module "{{owner}}": call a query function exported by {{owner}}/index.ts instead.' },
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const modulesDir = context.options[0]?.modulesDir ?? join(cwd, 'src', 'modules');
    const module = moduleOf(context.filename, cwd);
    if (!module) return {};
    if (!cache.has(modulesDir)) cache.set(modulesDir, tableOwners(modulesDir));
    const owners = cache.get(modulesDir);
    const check = (node, table) => {
      const owner = owners.get(table);
      if (owner && owner !== module) context.report({ node, messageId: 'foreign', data: { module, table, owner } });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        const position =
          callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && TABLE_METHODS.has(callee.property.name)
            ? 0
            : callee.type === 'Identifier'
              ? TABLE_ARGUMENT.get(callee.name)
              : undefined;
        if (position === undefined) return;
        const arg = node.arguments[position];
        if (arg?.type === 'Literal' && typeof arg.value === 'string') check(arg, arg.value.trim().split(/\s+/)[0]);
      },
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'sql') return;
        for (const quasi of node.quasi.quasis) for (const m of quasi.value.cooked.matchAll(SQL_TABLE)) check(quasi, m[2]);
      },
    };
  },
};

const LOWER_LAYERS = ['domain', 'db', 'web'];

/** Where a path sits: { layer: 'modules', module, rest } or { layer: 'domain' | 'db' | 'web' | … } under src/, else null. */
function place(path, srcDir) {
  const rel = relative(srcDir, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  if (parts[0] === 'modules' && parts.length > 2) return { layer: 'modules', module: parts[1], rest: parts.slice(2).join('/') };
  return { layer: parts.length > 1 ? parts[0] : 'root', module: null, rest: parts.slice(1).join('/') };
}

export const moduleImports = {
  meta: {
    type: 'problem',
    docs: { description: 'the shared layers never import modules; modules meet only through each index.ts' },
    schema: [{ type: 'object', properties: { srcDir: { type: 'string' } }, additionalProperties: false }],
    messages: {
      lowerLayer:
        '{{layer}}/ is below the modules and must not import "{{source}}": move what both need into {{layer}}/ (or domain/), or register it through a manifest.',
      throughIndex: 'Import module "{{module}}" only through its index.ts ("{{source}}" reaches inside it).',
    },
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const srcDir = context.options[0]?.srcDir ?? join(cwd, 'src');
    const from = place(context.filename, srcDir) ?? { layer: 'outside', module: null };
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = place(resolve(dirname(context.filename), source), srcDir);
      if (!target || target.layer !== 'modules') return;
      if (LOWER_LAYERS.includes(from.layer)) return context.report({ node, messageId: 'lowerLayer', data: { layer: from.layer, source } });
      if (from.module === target.module) return;
      if (!/^index\.(js|ts|tsx)$/.test(target.rest)) context.report({ node, messageId: 'throughIndex', data: { module: target.module, source } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'own-tables': ownTables, imports: moduleImports } };
