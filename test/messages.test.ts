/**
 * The message catalogs as the modules register them: every key in both languages and not empty, the same
 * placeholders in both, no key defined twice, and no key that nothing uses.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { modules } from '../src/modules/index.js';
import { catalogsForTest, coreMessages, registerMessages, t } from '../src/web/i18n.js';
import { registerModules } from '../src/web/module.js';

registerModules(modules);
const { catalogs, definedBy } = catalogsForTest;

test('both catalogs have every key, none empty', () => {
  assert.deepEqual(Object.keys(catalogs['zh-TW']).sort(), Object.keys(catalogs.en).sort());
  for (const [lang, catalog] of Object.entries(catalogs))
    for (const [key, value] of Object.entries(catalog)) assert.ok(value.trim() !== '', `${lang} ${key} is empty`);
  for (const module of modules)
    if (module.messages) assert.deepEqual(Object.keys(module.messages.zhTW).sort(), Object.keys(module.messages.en).sort(), module.name);
});

test('placeholders match between languages', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(catalogs.en)) assert.deepEqual(names(catalogs['zh-TW'][key] ?? ''), names(catalogs.en[key] ?? ''), key);
});

test('a key is defined by one module only', () => {
  const seen = new Map<string, string>(Object.keys(coreMessages.en).map((k) => [k, 'core']));
  for (const module of modules)
    for (const key of Object.keys(module.messages?.en ?? {})) {
      assert.equal(seen.get(key), undefined, `"${key}" is defined by ${seen.get(key)} and ${module.name}`);
      seen.set(key, module.name);
    }
  const taken = Object.keys(coreMessages.en)[0] ?? 'site.name';
  assert.throws(() => registerMessages('sample', { en: { [taken]: 'x' }, zhTW: { [taken]: 'x' } }), /defined by core and sample/);
  assert.equal(definedBy.get(taken), 'core');
});

/** Every source file that may use a message: the app, the CLI and the test-free code under src/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$|[.-]messages\.tsx?$/.test(entry.name) && entry.name !== 'i18n.ts' ? [path] : [];
  });
}

test('no key is unused', () => {
  const code = sources(new URL('../src', import.meta.url).pathname)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  // Keys built at run time: `plan.status.${status}` uses every key starting with "plan.status."; the history
  // labels a changed field as `${entityType}.${field}`, so every entity type's keys may be a field label.
  const prefixes = [...code.matchAll(/`([a-zA-Z][\w.-]*\.)\$\{/g)].map((m) => m[1] ?? '');
  // A field label is the entity type and one field name: `review.title`, not `review.error.published`.
  const types = modules.flatMap((m) => m.historyEntityTypes ?? []);
  const isFieldLabel = (key: string) => types.some((type) => key.startsWith(`${type}.`) && /^[A-Za-z]+$/.test(key.slice(type.length + 1)));
  const unused = Object.keys(catalogs.en).filter(
    (key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !prefixes.some((p) => key.startsWith(p)) && !isFieldLabel(key),
  );
  assert.deepEqual(unused, []);
});

test('parameters are filled in', () => {
  assert.equal(t('en', 'error.tooLong', { max: 140 }), 'At most 140 characters.');
  assert.equal(t('zh-TW', 'error.tooLong', { max: 140 }), '最多 140 字。');
});
