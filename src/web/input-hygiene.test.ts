/**
 * Input hygiene at the edge (ADR 0016): NUL and unpaired surrogates, loose numbers, unsafe URLs and the errors of
 * the framework, the HTTP parser and the database all answer 4xx in the house shape, and nothing is written.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { addUser, Client, json, setup, type TestContext } from '../../test/helpers.js';
import { registerApiRoutes } from '../app.js';
import type { AppEnv } from './context.js';
import { answerClientErrors, fromDatabaseError } from './input-errors.js';
import { isWebUrl } from './schemas.js';
import { AppError, ValidationError } from '../errors.js';

let ctx: TestContext;
let secretariat: Client;
let planSlug = '';

before(async () => {
  ctx = await setup();
  await addUser(ctx, 'sec@example.org', 'secretariat');
  secretariat = new Client(ctx.app);
  await secretariat.signIn('sec@example.org');
  planSlug = (await json<{ slug: string }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}`))).slug;
});
after(() => ctx.close());

type ErrorBody = { error: string; fields?: Record<string, string> };
const NUL = '\u0000';
const LONE = '\ud800';
const count = async (table: 'agencies' | 'areas' | 'transcripts' | 'sign_in_failures' | 'history') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const plan = async () => json<{ version: number; title: { zh: string; en: string } }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}`));

// ---- every request schema, walked ----

type Leaves = { strings: { where: string; schema: z.ZodType }[]; numbers: { where: string; schema: z.ZodType }[]; coerced: string[] };

/** The string and number leaves of a zod schema (numbers as the schema that parses them: the whole-number pipe). */
function collect(schema: z.ZodType, where: string, out: Leaves): void {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case 'string':
      out.strings.push({ where, schema });
      if (def.coerce) out.coerced.push(where);
      return;
    case 'number':
      out.numbers.push({ where, schema });
      if (def.coerce) out.coerced.push(where);
      return;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) collect(value, `${where}.${key}`, out);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return collect(inner('innerType'), where, out);
    case 'array':
      return collect(inner('element'), `${where}[]`, out);
    case 'union':
      for (const option of def.options as z.ZodType[]) collect(option, where, out);
      return;
    case 'record':
      collect(inner('keyType'), `${where}{key}`, out);
      return collect(inner('valueType'), `${where}{}`, out);
    case 'pipe': {
      const to = (inner('out') as unknown as { _zod: { def: { type: string } } })._zod.def.type;
      // A whole number parses through its preprocess: test the pipe, not the bare number behind it.
      if (to === 'number') return void out.numbers.push({ where, schema });
      collect(inner('in'), where, out);
      return collect(inner('out'), where, out);
    }
  }
}

function requestSchemaLeaves(): Leaves {
  const api = new OpenAPIHono<AppEnv>();
  registerApiRoutes(api);
  const out: Leaves = { strings: [], numbers: [], coerced: [] };
  for (const definition of api.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const { method, path, request } = definition.route;
    const name = `${method.toUpperCase()} ${path}`;
    if (request?.params) collect(request.params as z.ZodType, `${name} params`, out);
    if (request?.query) collect(request.query as z.ZodType, `${name} query`, out);
    for (const [type, content] of Object.entries(request?.body?.content ?? {})) {
      const schema = (content as { schema?: unknown }).schema;
      if (schema && typeof schema === 'object' && '_zod' in schema) collect(schema as z.ZodType, `${name} ${type}`, out);
    }
  }
  return out;
}

describe('every request schema', () => {
  const leaves = requestSchemaLeaves();

  test('finds the routes’ fields (the walk itself works)', () => {
    assert.ok(leaves.strings.length > 100, `strings: ${leaves.strings.length}`);
    assert.ok(leaves.numbers.length > 50, `numbers: ${leaves.numbers.length}`);
    assert.ok(leaves.strings.some((l) => l.where === 'POST /transcripts application/json.sourceUrl'));
    assert.ok(leaves.numbers.some((l) => l.where === 'PATCH /plans/{id} application/json.memberId'));
  });

  test('every string refuses NUL and an unpaired surrogate with our message, and keeps emoji', () => {
    for (const { where, schema } of leaves.strings) {
      for (const bad of [`a${NUL}b`, `a${LONE}`, '\udc00x', `😀${LONE}`]) {
        const result = schema.safeParse(bad);
        assert.equal(result.success, false, `${where} accepted ${JSON.stringify(bad)}`);
        assert.equal(result.error?.issues[0]?.message, 'error.character', `${where}: ${JSON.stringify(bad)}`);
      }
      const emoji = schema.safeParse('😀');
      assert.ok(emoji.success || emoji.error.issues[0]?.message !== 'error.character', `${where} refused a well-formed pair`);
    }
  });

  test('no number is coerced: true, [], "", "0x10" and "1e3" are refused; digits are read', () => {
    assert.deepEqual(leaves.coerced, []);
    for (const { where, schema } of leaves.numbers) {
      for (const bad of [true, false, [], [1], '', ' ', '0x10', '1e3', '1.5x', {}])
        assert.equal(schema.safeParse(bad).success, false, `${where} accepted ${JSON.stringify(bad)}`);
      const numeric = schema.safeParse(1);
      if (numeric.success) assert.deepEqual(schema.safeParse('1'), numeric, `${where} reads "1" as 1`);
    }
  });
});

// ---- the address: path and query ----

describe('paths and query strings', () => {
  const pages = [
    '/plans/%00',
    '/transcripts/%00',
    '/speakers/%00',
    '/agencies/%00',
    '/en/plans/%00',
    '/plans/%ED%A0%80',
    '/plans/%E0%A4%A',
    '/transcripts?x=%00',
  ];
  for (const path of pages)
    test(`${path} is a 400 error page, anonymously`, async () => {
      const res = await ctx.app.request(path);
      assert.equal(res.status, 400);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      const html = await res.text();
      assert.match(html, path.startsWith('/en/') ? /not allowed or is not valid UTF-8/ : /網址含有不允許的字元/);
    });

  test('the API names the query parameter, in the language asked for', async () => {
    for (const q of ['%00', '%ED%A0%80', 'abc%', 'a%E0%A4%A']) {
      const res = await ctx.app.request(`/api/v1/search/speeches?lang=en&q=${q}`);
      assert.equal(res.status, 400, q);
      const body = await json<ErrorBody>(res);
      assert.equal(body.error, 'The input is not valid.');
      assert.match(body.fields?.q ?? '', /not allowed/);
    }
    const zh = await json<ErrorBody>(await ctx.app.request('/api/v1/search/speeches?q=%00', { headers: { 'accept-language': 'zh-TW' } }));
    assert.match(zh.fields?.q ?? '', /網址含有不允許的字元/);
  });

  test('an API path parameter: NUL is refused before the route; a number out of range is a field error', async () => {
    const nul = await ctx.app.request('/api/v1/plans/%00?lang=en');
    assert.equal(nul.status, 400);
    assert.ok((await json<ErrorBody>(nul)).fields?.path);
    for (const id of ['3000000000', '1e3', '0x1', '-1']) {
      const res = await ctx.app.request(`/api/v1/plans/${id}?lang=en`);
      assert.equal(res.status, 400, id);
      assert.ok((await json<ErrorBody>(res)).fields?.id, id);
    }
  });

  test('percent-encoded Chinese and plus signs still pass', async () => {
    assert.equal((await ctx.app.request(`/api/v1/search/speeches?q=${encodeURIComponent('開放 政府')}`)).status, 200);
    assert.equal((await ctx.app.request('/api/v1/search/speeches?q=open+data')).status, 200);
  });
});

// ---- JSON bodies ----

describe('JSON bodies', () => {
  test('NUL in a localized field: 400 naming the field, in both languages; nothing stored', async () => {
    const before = await count('agencies');
    for (const [lang, pattern] of [
      ['en', /character that is not allowed/],
      ['zh-TW', /含有不允許的字元/],
    ] as const) {
      const res = await secretariat.api('POST', `/api/v1/agencies?lang=${lang}`, { code: 'NULX', name: { zh: `機${NUL}關`, en: 'Agency' } });
      assert.equal(res.status, 400);
      const body = await json<ErrorBody>(res);
      assert.match(body.fields?.['name.zh'] ?? '', pattern);
    }
    assert.equal(await count('agencies'), before);
  });

  test('an unpaired surrogate is refused, not stored as U+FFFD', async () => {
    const { version } = await plan();
    for (const title of [{ en: `Plan ${LONE}` }, { zh: `方案\udfff` }]) {
      const res = await secretariat.api('PATCH', `/api/v1/plans/${ctx.planId}?lang=en`, { title, version });
      assert.equal(res.status, 400);
      const field = Object.keys(title)[0];
      assert.match((await json<ErrorBody>(res)).fields?.[`title.${field}`] ?? '', /not allowed/);
    }
    const after = await plan();
    assert.equal(after.version, version);
    assert.ok(!after.title.en.includes('\ufffd') && !after.title.zh.includes('\ufffd'));
  });

  test('a well-formed surrogate pair (emoji) is stored as sent', async () => {
    const { version } = await plan();
    const res = await secretariat.api('PATCH', `/api/v1/plans/${ctx.planId}`, { title: { en: 'Open Government 🌏 Plan' }, version });
    assert.equal(res.status, 200);
    assert.equal((await plan()).title.en, 'Open Government 🌏 Plan');
  });

  test('no loose numbers: memberId true is refused, the version unchanged', async () => {
    const { version } = await plan();
    for (const memberId of [true, [], '', '1x']) {
      const res = await secretariat.api('PATCH', `/api/v1/plans/${ctx.planId}?lang=en`, { memberId, version });
      assert.equal(res.status, 400, JSON.stringify(memberId));
      assert.equal((await json<ErrorBody>(res)).fields?.memberId, 'Enter a whole number.');
    }
    assert.equal((await plan()).version, version);
  });

  test('an area position of [] or "" is refused; "7" as a string is read as 7', async () => {
    const before = await count('areas');
    for (const position of [[], '', true, null]) {
      const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/areas?lang=en`, { position, title: { zh: '領域', en: 'Area' } });
      assert.equal(res.status, 400, JSON.stringify(position));
      assert.ok((await json<ErrorBody>(res)).fields?.position);
    }
    assert.equal(await count('areas'), before);
    const ok = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/areas`, { position: '7', title: { zh: '領域七', en: 'Area seven' } });
    assert.equal(ok.status, 201);
    assert.equal((await json<{ position: number }>(ok)).position, 7);
  });

  test('URLs: javascript:, data: and look-alikes are refused for a transcript source; nothing is imported', async () => {
    const before = await count('transcripts');
    const markdown = '# 2021-01-01 會議\n\n### 主席：\n\n開會。\n';
    for (const sourceUrl of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https:evil.example',
      '//evil.example/x',
      'mailto:a@example.org',
      `https://example.org/${NUL}`,
    ]) {
      const res = await secretariat.api('POST', '/api/v1/transcripts?lang=en', { markdown, sourceUrl });
      assert.equal(res.status, 400, sourceUrl);
      assert.ok((await json<ErrorBody>(res)).fields?.sourceUrl, sourceUrl);
    }
    assert.equal(await count('transcripts'), before);
    const ok = await secretariat.api('POST', '/api/v1/transcripts', { markdown, sourceUrl: 'https://example.org/minutes?id=1' });
    assert.equal(ok.status, 201);
  });

  test('a commitment’s links take http(s) and mailto, nothing else', async () => {
    const list = await json<{ items: { id: number; version: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=1`));
    const first = list.items[0]!;
    const refused = await secretariat.api('PATCH', `/api/v1/commitments/${first.id}?lang=en`, {
      links: [{ title: 'x', url: 'javascript:alert(1)' }],
      version: first.version,
    });
    assert.equal(refused.status, 400);
    assert.ok((await json<ErrorBody>(refused)).fields?.['links.0.url']);
    const ok = await secretariat.api('PATCH', `/api/v1/commitments/${first.id}`, {
      links: [
        { title: 'Write to us', url: 'mailto:open@example.org' },
        { title: 'Site', url: 'https://example.org/' },
      ],
      version: first.version,
    });
    assert.equal(ok.status, 200);
  });

  test('isWebUrl: only http(s) with a host, and mailto where allowed', () => {
    for (const url of ['https://example.org', 'http://example.org/a?b=c#d', 'https://例子.台灣/路徑']) assert.ok(isWebUrl(url), url);
    for (const url of [
      'javascript:alert(1)',
      'https:example.org',
      'https:/example.org',
      'ftp://example.org',
      'https://exa mple.org',
      'mailto:a@example.org',
      'vbscript:x',
      ' https://x.org',
      '',
    ])
      assert.ok(!isWebUrl(url), url);
    assert.ok(isWebUrl('mailto:a@example.org', { mailto: true }));
    assert.ok(!isWebUrl('mailto:javascript:alert(1)', { mailto: true }));
  });
});

// ---- forms ----

describe('forms', () => {
  test('an area form with position "" or a NUL in the title comes back 400 with the messages; nothing stored', async () => {
    await secretariat.get(`/en/plans/${planSlug}/areas/new`);
    const before = await count('areas');
    const empty = await secretariat.postForm(`/en/plans/${planSlug}/areas/new`, { position: '', 'title.zh': '領域', 'title.en': 'Area' });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /id="err-position">Enter a whole number/);
    const nul = await secretariat.postForm(`/en/plans/${planSlug}/areas/new`, { position: '8', 'title.zh': `領${NUL}域`, 'title.en': 'Area' });
    assert.equal(nul.status, 400);
    assert.match(await nul.text(), /id="err-title-zh">Contains a character that is not allowed/);
    assert.equal(await count('areas'), before);
    const ok = await secretariat.postForm(`/en/plans/${planSlug}/areas/new`, { position: '8', 'title.zh': '領域八', 'title.en': 'Area eight' });
    assert.equal(ok.status, 303, 'digits from a form still work');
  });

  test('the sign-in form with a NUL answers 400, not 500, and counts no failure', async () => {
    const anonymous = new Client(ctx.app);
    await anonymous.get('/login');
    const before = await count('sign_in_failures').catch(() => 0);
    const res = await anonymous.postForm('/login', { email: `sec${NUL}@example.org`, password: `x${NUL}` });
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, /不允許的字元/);
    assert.match(page, /name="password"/, 'the sign-in form is shown again with the message beside the field');
    assert.equal(await count('sign_in_failures').catch(() => 0), before);
  });
});

// ---- framework and parser errors ----

describe('framework errors keep the house shape', () => {
  test('a broken multipart body is 400, not 500, on pages and in the API, signed in or not', async () => {
    const broken = { 'content-type': 'multipart/form-data; boundary=X' };
    const anonymous = await ctx.app.request('/transcripts/import', {
      method: 'POST',
      headers: { ...broken, cookie: 'cocreate_csrf=abc' },
      body: '--X\r\ngarbage',
    });
    assert.equal(anonymous.status, 400);
    const page = await secretariat.request('/transcripts/import', { method: 'POST', headers: broken, body: '--X\r\ngarbage' });
    assert.equal(page.status, 400);
    const api = await secretariat.request('/api/v1/reports/1/files', {
      method: 'POST',
      headers: { ...broken, 'x-csrf-token': secretariat.csrf },
      body: '--X\r\ngarbage',
    });
    assert.equal(api.status, 400);
    assert.equal(typeof (await json<ErrorBody>(api)).error, 'string');
  });

  test('a JSON body to the evidence upload is 415, not 500', async () => {
    const res = await secretariat.api('POST', '/api/v1/reports/1/files?lang=en', { file: 'x' });
    assert.equal(res.status, 415);
    assert.equal((await json<ErrorBody>(res)).error, 'This kind of request body is not accepted here.');
  });

  test('a text body to a JSON route is 415; broken JSON is 400', async () => {
    const text = await secretariat.request('/api/v1/agencies?lang=en', {
      method: 'POST',
      body: 'code=X',
      headers: { 'content-type': 'text/plain', 'x-csrf-token': secretariat.csrf },
    });
    assert.equal(text.status, 415);
    assert.ok((await json<ErrorBody>(text)).error);
    const broken = await secretariat.request('/api/v1/agencies?lang=en', {
      method: 'POST',
      body: '{"code":',
      headers: { 'content-type': 'application/json', 'x-csrf-token': secretariat.csrf },
    });
    assert.equal(broken.status, 400);
    assert.equal((await json<ErrorBody>(broken)).error, 'The request body is not valid JSON.');
  });

  test('a body over the limit is 413 with an error message', async () => {
    const res = await secretariat.request('/api/v1/agencies?lang=en', {
      method: 'POST',
      body: JSON.stringify({ code: 'BIG', name: { zh: 'x'.repeat(6 * 1024 * 1024) } }),
      headers: { 'content-type': 'application/json', 'x-csrf-token': secretariat.csrf },
    });
    assert.equal(res.status, 413);
    assert.ok((await json<ErrorBody>(res)).error);
  });

  test('headers too large for Node’s parser: 431 with a JSON error body', async () => {
    const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
    answerClientErrors(server);
    try {
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const address = server.address();
      assert.ok(address && typeof address === 'object');
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(address.port, '127.0.0.1', () => socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      assert.match(raw, /^HTTP\/1\.1 431 /);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as ErrorBody;
      assert.match(body.error, /請求標頭過大.*headers are too large/);
      assert.deepEqual(body.fields, {});
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

// ---- database errors caused by input ----

describe('database refusals map to 4xx (on this engine)', () => {
  const refusal = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      return fromDatabaseError(error);
    }
    assert.fail('the database accepted it');
  };
  const db = () => ctx.database.db;

  test('NUL in text: 400 error.character', async () => {
    const mapped = await refusal(() => db().selectFrom('agencies').selectAll().where('code', '=', `A${NUL}`).execute());
    assert.ok(mapped instanceof AppError);
    assert.equal(mapped.status, 400);
    assert.equal(mapped.key, 'error.character');
  });

  test('an integer out of range: 400; a bad date: 400', async () => {
    assert.equal((await refusal(() => db().selectFrom('agencies').selectAll().where('id', '=', 3_000_000_000).execute()))?.status, 400);
    assert.equal((await refusal(() => sql`select ${'2021-13-45'}::date`.execute(db())))?.key, 'error.date');
  });

  test('a duplicate: 409 naming the field; a missing reference: 400 naming it; deleting what is referenced: 409', async () => {
    const existing = await db().selectFrom('agencies').select(['code', 'name']).executeTakeFirstOrThrow();
    const duplicate = await refusal(() =>
      db()
        .insertInto('agencies')
        .values({ code: existing.code, name: JSON.stringify(existing.name) })
        .execute(),
    );
    assert.ok(duplicate instanceof ValidationError);
    assert.equal(duplicate.status, 409);
    assert.deepEqual(duplicate.problems, [{ field: 'code', key: 'error.taken' }]);
    const area = await db().selectFrom('areas').selectAll().executeTakeFirstOrThrow();
    const missing = await refusal(() =>
      db()
        .updateTable('areas')
        .set({ plan_id: 999_999 } as never)
        .where('id', '=', area.id)
        .execute(),
    );
    assert.ok(missing instanceof ValidationError);
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.problems, [{ field: 'planId', key: 'error.referenceMissing' }]);
    const lead = await db().selectFrom('commitments').select('lead_agency_id').executeTakeFirstOrThrow();
    const referenced = await refusal(() => db().deleteFrom('agencies').where('id', '=', lead.lead_agency_id).execute());
    assert.equal(referenced?.status, 409);
    assert.equal(referenced?.key, 'error.stillReferenced');
    // ON DELETE RESTRICT words it differently ("is referenced from table"), as amendments' meeting does.
    const unused = await db()
      .insertInto('agencies')
      .values({ code: 'RESTRICTED', name: JSON.stringify({ zh: '限', en: 'R', status: 'draft' }) } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`CREATE TABLE restricted_refs (agency_id integer REFERENCES agencies (id) ON DELETE RESTRICT)`.execute(db());
    await sql`INSERT INTO restricted_refs VALUES (${unused.id})`.execute(db());
    const restricted = await refusal(() => db().deleteFrom('agencies').where('id', '=', unused.id).execute());
    assert.equal(restricted?.status, 409);
    assert.equal(restricted?.key, 'error.stillReferenced');
    await sql`DROP TABLE restricted_refs`.execute(db());
  });

  test('anything else is not ours to map (stays 500)', async () => {
    assert.equal(await refusal(() => sql`select * from no_such_table`.execute(db())), undefined);
    assert.equal(fromDatabaseError(new Error('plain')), undefined);
  });
});
