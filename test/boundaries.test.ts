/**
 * `npm run check` refuses a broken boundary (ADR 0019): these feed the project's own lint rules and type checker
 * small pieces of code that break one rule each, and the same pieces written the allowed way.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import boundaries from '../eslint-rules/module-boundaries.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser },
      plugins: { boundaries },
      rules: { 'boundaries/imports': 'error', 'boundaries/own-tables': 'error' },
    },
  ],
});

async function problems(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

test('web/, domain/ and db/ may not import a module', async () => {
  for (const layer of ['web', 'domain', 'db']) {
    const found = await problems(`import { plansModule } from '../modules/plans/index.js';\nexport const x = plansModule;\n`, `src/${layer}/fixture.ts`);
    assert.equal(found.length, 1, layer);
    assert.match(found[0] ?? '', /boundaries\/imports: .* below the modules/);
  }
  assert.deepEqual(await problems(`import { t } from './i18n.js';\nexport const x = t;\n`, 'src/web/fixture.ts'), []);
});

test('a module imports another only through its index.ts', async () => {
  const inside = await problems(`import { findPlanById } from '../plans/plans.queries.js';\nexport const x = findPlanById;\n`, 'src/modules/forum/fixture.ts');
  assert.equal(inside.length, 1);
  assert.match(inside[0] ?? '', /only through its index\.ts/);
  assert.deepEqual(await problems(`import { planQueries } from '../plans/index.js';\nexport const x = planQueries;\n`, 'src/modules/forum/fixture.ts'), []);
  assert.deepEqual(await problems(`import * as q from './forum.queries.js';\nexport const x = q;\n`, 'src/modules/forum/fixture.ts'), []);
});

test("a module may not name another module's tables in SQL", async () => {
  const kysely = await problems(
    `export const f = (db: any) => db.selectFrom('progress_reports as p').selectAll().execute();\n`,
    'src/modules/forum/fixture.ts',
  );
  assert.equal(kysely.length, 1);
  assert.match(kysely[0] ?? '', /names table "progress_reports" of module "monitoring"/);
  const shared = await problems(
    `import { updateVersioned } from '../../db/row-queries.js';\nexport const f = (db: any) => updateVersioned(db, 'commitments', 1, {}).execute();\n`,
    'src/modules/monitoring/fixture.ts',
  );
  assert.match(shared[0] ?? '', /names table "commitments" of module "plans"/);
  const raw = await problems("import { sql } from 'kysely';\nexport const q = sql`SELECT count(*) FROM speeches`;\n", 'src/modules/plans/fixture.ts');
  assert.match(raw[0] ?? '', /names table "speeches" of module "transcripts"/);
  assert.deepEqual(
    await problems(`export const f = (db: any) => db.selectFrom('forum_meetings').selectAll().execute();\n`, 'src/modules/forum/fixture.ts'),
    [],
  );
});

test('an unknown message key does not compile', () => {
  const compile = (key: string) => {
    const file = `${root}src/web/fixture-messages.ts`;
    const source = `import { t } from './i18n.js';\nexport const m = t('en', '${key}');\n`;
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    host.readFile = (name) => (name === file ? source : read(name));
    host.fileExists = (
      (exists) => (name: string) =>
        name === file || exists(name)
    )(host.fileExists.bind(host));
    const program = ts.createProgram([file], options, host);
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };
  assert.deepEqual(compile('error.notFound'), []);
  const errors = compile('error.notFuond');
  assert.equal(errors.length, 1);
  assert.match(errors[0] ?? '', /not assignable to parameter of type/);
});
