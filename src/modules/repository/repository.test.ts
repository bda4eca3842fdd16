/**
 * The document repository through real HTTP against a real database: adding links and files, editing (409 when
 * stale), deleting, the history; who may (secretariat and admin only); refusals naming the field with nothing
 * written; the lists, filters, feed and files; MR 2.2 around the one-year boundary (in Taiwan's days); the demo data.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUser, Client, json, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';
import { provided, registerModules } from '../../web/module.js';
import { insertGrant } from '../accounts/index.js';
import { listMeetings, seedDemoForum } from '../forum/index.js';
import { modules } from '../index.js';
import { repositoryUpdates, yearBefore } from './repository.model.js';
import { seedDemoRepository } from './repository.seed.js';

const SLUG = 'tw-2021-2024';
type L = { zh: string; en: string; status: string };
type Doc = {
  id: number;
  planId: number | null;
  meetingId: number | null;
  kind: string;
  language: string;
  date: string;
  title: L;
  url: string;
  file: { name: string; mediaType: string; byteSize: number } | null;
  version: number;
  isDemo: boolean;
};
type Updates = { lastUpdate: string | null; daysInPastYear: number; since: string; met: boolean };
type List = { items: Doc[]; total: number; updates: Updates };
type ErrorBody = { error: string; fields?: Record<string, string>; current?: { version: number } };

const link = (planId: number, extra: Record<string, unknown> = {}) => ({
  kind: 'minutes',
  language: 'zh-TW',
  date: '2024-03-01',
  title: { zh: '第5次會議紀錄', en: 'Minutes of the 5th meeting' },
  planId,
  url: 'https://www.ndc.gov.tw/minutes-5',
  ...extra,
});

const pdf = () => new File([new TextEncoder().encode('%PDF-1.4\n% minutes\n')], '會議紀錄.pdf');

function upload(client: Client, fields: Record<string, string>, file: File | null = pdf()): Promise<Response> {
  const form = new FormData();
  if (file) form.append('file', file);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return client.request('/api/v1/documents/files', { method: 'POST', body: form, headers: { 'x-csrf-token': client.csrf } });
}

const count = async (ctx: TestContext) =>
  Number(
    (
      await ctx.database.db
        .selectFrom('repository_documents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function people(ctx: TestContext) {
  await addUser(ctx, 'sec@t.tw', 'secretariat');
  await addUser(ctx, 'admin@t.tw', 'admin');
  await addUser(ctx, 'officer@t.tw', 'agency-officer', ['MOI']);
  await addUser(ctx, 'public@t.tw', 'public');
  const tr = await addUser(ctx, 'tr@t.tw', 'public');
  await insertGrant(ctx.database.db, tr, { role: 'translator', scope: 'site', scopeId: null }, 'admin');
  return {
    secretariat: await signedIn(ctx.app, 'sec@t.tw'),
    admin: await signedIn(ctx.app, 'admin@t.tw'),
    officer: await signedIn(ctx.app, 'officer@t.tw'),
    participant: await signedIn(ctx.app, 'public@t.tw'),
    translator: await signedIn(ctx.app, 'tr@t.tw'),
    anonymous: new Client(ctx.app),
  };
}

describe('documents', () => {
  test('add a link and a file, edit (409 when stale), delete; the history keeps each step; the file is served as stored', async (t) => {
    const ctx = await setupForTest(t);
    const { secretariat } = await people(ctx);
    const added = await secretariat.api('POST', '/api/v1/documents', link(ctx.planId));
    assert.equal(added.status, 201);
    const doc = await json<Doc>(added);
    assert.deepEqual(
      [doc.kind, doc.language, doc.date, doc.url, doc.file, doc.planId],
      ['minutes', 'zh-TW', '2024-03-01', 'https://www.ndc.gov.tw/minutes-5', null, ctx.planId],
    );

    const uploaded = await upload(secretariat, {
      kind: 'slides',
      language: 'bilingual',
      date: '2024-02-20',
      'title.zh': '簡報',
      'title.en': 'Slides',
      planId: String(ctx.planId),
    });
    assert.equal(uploaded.status, 201);
    const file = await json<Doc>(uploaded);
    assert.equal(file.file?.mediaType, 'application/pdf');
    assert.equal(file.url, `/documents/${file.id}/file`);
    const served = await new Client(ctx.app).request(file.url);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'application/pdf');
    assert.match(served.headers.get('content-disposition') ?? '', /^attachment; .*filename\*=UTF-8''%E6%9C%83/);
    assert.equal(await served.text(), '%PDF-1.4\n% minutes\n');
    assert.equal((await new Client(ctx.app).request(`/documents/${doc.id}/file`)).status, 404, 'a link has no file');

    const edited = await secretariat.api('PATCH', `/api/v1/documents/${doc.id}`, {
      version: doc.version,
      kind: 'agenda',
      title: { en: 'Agenda of the 5th meeting' },
    });
    assert.equal(edited.status, 200);
    const after = await json<Doc>(edited);
    assert.deepEqual([after.kind, after.title.zh, after.title.en, after.version], ['agenda', '第5次會議紀錄', 'Agenda of the 5th meeting', doc.version + 1]);
    const stale = await secretariat.api('PATCH', `/api/v1/documents/${doc.id}`, { version: doc.version, kind: 'report' });
    assert.equal(stale.status, 409);
    assert.equal((await json<ErrorBody>(stale)).current?.version, after.version);
    const fileLink = await secretariat.api('PATCH', `/api/v1/documents/${file.id}`, { version: file.version, url: 'https://example.org/' });
    assert.equal(fileLink.status, 400, 'a file document takes no link');

    assert.equal((await secretariat.api('DELETE', `/api/v1/documents/${doc.id}?version=${doc.version}`)).status, 409);
    assert.equal((await secretariat.api('DELETE', `/api/v1/documents/${doc.id}?version=${after.version}`)).status, 204);
    assert.equal((await secretariat.request(`/api/v1/documents/${doc.id}`)).status, 404);

    const history = await ctx.database.db
      .selectFrom('history')
      .select(['action', 'plan_id', 'changes'])
      .where('entity_type', '=', 'document')
      .where('entity_id', '=', doc.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      history.map((h) => h.action),
      ['create', 'update', 'delete'],
    );
    assert.ok(history.every((h) => h.plan_id === ctx.planId));
    assert.deepEqual((history[1]?.changes as { field: string }[]).map((c) => c.field).sort(), ['kind', 'title']);
    const planHistory = await new Client(ctx.app).get(`/en/plans/${SLUG}/documents/history`);
    assert.match(await planHistory.text(), /document #\d+/, 'the plan’s public history shows the repository’s changes');
  });

  test('who may: the secretariat and the admin; officers, participants, translators 403; signed out 401; nothing written', async (t) => {
    const ctx = await setupForTest(t);
    const clients = await people(ctx);
    const seeded = await json<Doc>(await clients.secretariat.api('POST', '/api/v1/documents', link(ctx.planId)));
    const expected = { secretariat: 201, admin: 201, officer: 403, participant: 403, translator: 403, anonymous: 401 };
    for (const [who, client] of Object.entries(clients) as [keyof typeof clients, Client][]) {
      const before = await count(ctx);
      const add = await client.api('POST', '/api/v1/documents', link(ctx.planId));
      assert.equal(add.status, expected[who], `${who} add`);
      const up = await upload(client, { kind: 'report', language: 'en', date: '2024-01-01', 'title.en': 'Report' });
      assert.equal(up.status, expected[who], `${who} upload`);
      const allowed = expected[who] === 201;
      assert.equal(await count(ctx), before + (allowed ? 2 : 0), `${who}: nothing written when refused`);
      const current = await json<Doc>(await client.request(`/api/v1/documents/${seeded.id}`));
      const patch = await client.api('PATCH', `/api/v1/documents/${seeded.id}`, { version: current.version, language: 'en' });
      assert.equal(patch.status, allowed ? 200 : expected[who], `${who} edit`);
      const form = await client.get('/documents/new');
      assert.equal(form.status, allowed ? 200 : expected[who], `${who} form`);
    }
    const current = await json<Doc>(await clients.officer.request(`/api/v1/documents/${seeded.id}`));
    assert.equal((await clients.officer.api('DELETE', `/api/v1/documents/${seeded.id}?version=${current.version}`)).status, 403);
    assert.equal((await clients.admin.api('DELETE', `/api/v1/documents/${seeded.id}?version=${current.version}`)).status, 204);
  });

  test('refusals name the field, in the language asked, and write nothing', async (t) => {
    const ctx = await setupForTest(t);
    const { secretariat } = await people(ctx);
    const cases: [Record<string, unknown>, string][] = [
      [link(ctx.planId, { url: 'javascript:alert(1)' }), 'url'],
      [link(ctx.planId, { url: 'ftp://example.org/x' }), 'url'],
      [link(ctx.planId, { url: null }), 'file'],
      [link(ctx.planId, { kind: 'memo' }), 'kind'],
      [link(ctx.planId, { language: 'fr' }), 'language'],
      [link(ctx.planId, { date: '2024-02-30' }), 'date'],
      [link(ctx.planId, { title: { zh: '', en: '' } }), 'title'],
      [link(ctx.planId, { planId: 999_999 }), 'planId'],
      [link(ctx.planId, { meetingId: 999_999 }), 'meetingId'],
      [link(ctx.planId, { commitmentId: 999_999 }), 'commitmentId'],
    ];
    for (const [body, field] of cases) {
      const res = await secretariat.api('POST', '/api/v1/documents?lang=zh-TW', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const fields = (await json<ErrorBody>(res)).fields ?? {};
      assert.ok(
        Object.keys(fields).some((k) => k === field || k.startsWith(`${field}.`)),
        `${field}: ${JSON.stringify(fields)}`,
      );
    }
    const badFile = await upload(
      secretariat,
      { kind: 'report', language: 'en', date: '2024-01-01', 'title.en': 'x' },
      new File(['MZ not a pdf'], 'report.pdf'),
    );
    assert.equal(badFile.status, 400);
    assert.ok((await json<ErrorBody>(badFile)).fields?.file);
    const noFile = await upload(secretariat, { kind: 'report', language: 'en', date: '2024-01-01', 'title.en': 'x' }, null);
    assert.equal(noFile.status, 400);
    assert.equal(await count(ctx), 0);
  });

  test('pages: the plan’s and the site’s lists in both languages, filters without JavaScript, the form adds a file, the Atom feed', async (t) => {
    const ctx = await setupForTest(t);
    const { secretariat } = await people(ctx);
    await secretariat.api('POST', '/api/v1/documents', link(ctx.planId));
    await secretariat.api('POST', '/api/v1/documents', link(ctx.planId, { kind: 'agenda', language: 'en', title: { zh: '議程', en: 'Agenda <b>5</b>' } }));
    const anon = new Client(ctx.app);
    const zh = await anon.get(`/plans/${SLUG}/documents`);
    assert.equal(zh.status, 200);
    const zhHtml = await zh.text();
    assert.match(zhHtml, /共 2 份文件/);
    assert.match(zhHtml, /OGP MR 2\.2/);
    assert.doesNotMatch(zhHtml, /新增文件/, 'no add button for the public');
    const en = await (await anon.get(`/en/plans/${SLUG}/documents?kind=agenda&language=`)).text();
    assert.match(en, /1 documents/);
    assert.match(en, /Agenda &lt;b&gt;5&lt;\/b&gt;/, 'escaped');
    assert.equal((await anon.get('/en/documents?kind=memo')).status, 400);
    const site = await (await anon.get('/en/documents')).text();
    assert.match(site, /2 documents/);
    assert.match((await (await anon.get(`/en/plans/${SLUG}`)).text()) ?? '', new RegExp(`/en/plans/${SLUG}/documents`), 'the plan page links its documents');

    await secretariat.get('/documents/new');
    const form = new FormData();
    form.append('_csrf', secretariat.csrf);
    for (const [k, v] of Object.entries({
      kind: 'report',
      language: 'zh-TW',
      date: '2024-05-31',
      'title.zh': '期末自評報告',
      'title.en': '',
      planId: String(ctx.planId),
      url: '',
    }))
      form.append(k, v);
    form.append('file', new File(['期末自評報告\n'], 'report.txt'));
    const posted = await secretariat.request('/documents/new', { method: 'POST', body: form });
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), `/plans/${SLUG}/documents`);
    const refused = new FormData();
    refused.append('_csrf', secretariat.csrf);
    for (const [k, v] of Object.entries({ kind: 'report', language: 'zh-TW', date: '2024-05-31', 'title.zh': '只有標題', url: 'javascript:x' }))
      refused.append(k, v);
    const again = await secretariat.request('/en/documents/new', { method: 'POST', body: refused });
    assert.equal(again.status, 400);
    assert.match(await again.text(), /只有標題/, 'what was typed is shown again');

    const feed = await anon.request('/documents.atom');
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const xml = await feed.text();
    assert.equal((xml.match(/<entry>/g) ?? []).length, 3);
    assert.match(xml, /期末自評報告/);
  });
});

describe('MR 2.2: updated at least twice in the past year', () => {
  test('the window is the year ending today in Taiwan: a day a year ago does not count, the day after does; one day counts once', async (t) => {
    const ctx = await setupForTest(t);
    const { secretariat } = await people(ctx);
    const figure = async () => json<Updates>(await new Client(ctx.app).request(`/api/v1/plans/${ctx.planId}/repository-updates`));
    const addAt = async (at: string, n: number) => {
      ctx.clock.now = new Date(at);
      assert.equal((await secretariat.api('POST', '/api/v1/documents', link(ctx.planId, { title: { zh: `文件${n}`, en: `Document ${n}` } }))).status, 201);
    };
    const today = new Date('2026-11-22T08:00:00Z'); // 16:00 in Taipei
    assert.deepEqual(await figure(), { lastUpdate: null, daysInPastYear: 0, since: '2025-11-23', met: false });
    await addAt('2025-11-22T15:59:00Z', 1); // 23:59 on 2025-11-22 in Taipei: a year ago to the day, outside
    ctx.clock.now = today;
    assert.deepEqual(await figure(), { lastUpdate: '2025-11-22', daysInPastYear: 0, since: '2025-11-23', met: false });
    await addAt('2025-11-22T16:00:00Z', 2); // 00:00 on 2025-11-23 in Taipei: inside
    await addAt('2025-11-23T09:00:00Z', 3); // the same day in Taipei: still one update
    ctx.clock.now = today;
    assert.deepEqual(await figure(), { lastUpdate: '2025-11-23', daysInPastYear: 1, since: '2025-11-23', met: false });
    await addAt('2026-11-22T07:00:00Z', 4);
    ctx.clock.now = today;
    assert.deepEqual(await figure(), { lastUpdate: '2026-11-22', daysInPastYear: 2, since: '2025-11-23', met: true });
    // A day later, the first of the two falls out of the window.
    ctx.clock.now = new Date('2026-11-23T08:00:00Z');
    assert.deepEqual(await figure(), { lastUpdate: '2026-11-22', daysInPastYear: 1, since: '2025-11-24', met: false });
    // An edit is an update too.
    const list = await json<List>(await new Client(ctx.app).request(`/api/v1/plans/${ctx.planId}/documents`));
    const doc = list.items[0];
    assert.ok(doc);
    assert.equal((await secretariat.api('PATCH', `/api/v1/documents/${doc.id}`, { version: doc.version, language: 'en' })).status, 200);
    assert.deepEqual(await figure(), { lastUpdate: '2026-11-23', daysInPastYear: 2, since: '2025-11-24', met: true });
    // The page says so, and the provision gives the same.
    const page = await (await new Client(ctx.app).get(`/en/plans/${SLUG}/documents`)).text();
    assert.match(page, /the minimum requirement \(OGP MR 2\.2\) is met/);
    registerModules(modules);
    const source = provided('repositoryUpdates');
    assert.ok(source);
    assert.deepEqual(await source(ctx.database.db, ctx.planId, ctx.clock.now), await figure());
  });

  test('the rule, pure: leap days, empty repositories', () => {
    assert.equal(yearBefore('2028-02-29'), '2027-02-28');
    assert.equal(yearBefore('2026-03-01'), '2025-03-01');
    assert.deepEqual(repositoryUpdates([], new Date('2026-01-01T00:00:00Z')), { lastUpdate: null, daysInPastYear: 0, met: false, since: '2025-01-02' });
  });
});

describe('demo data', () => {
  test('the first six plenaries’ agendas and minutes as links, a study and a translated plan; each added on its date', async (t) => {
    const ctx = await setupForTest(t);
    await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    await seedDemoRepository(ctx.database.db, { planId: ctx.planId });
    await seedDemoRepository(ctx.database.db, { planId: ctx.planId });
    const plenaries = (await listMeetings(ctx.database.db, ctx.planId)).filter((m) => m.kind === 'plenary').length;
    assert.ok(plenaries >= 4);
    const list = await json<List>(await new Client(ctx.app).request(`/api/v1/plans/${ctx.planId}/documents`));
    assert.equal(list.total, 2 * Math.min(6, plenaries) + 2, 'seeding twice adds nothing');
    assert.ok(list.items.every((d) => d.isDemo && d.file === null && /^https:\/\//.test(d.url)));
    const minutes = list.items.filter((d) => d.kind === 'minutes');
    assert.equal(minutes.length, Math.min(6, plenaries));
    assert.ok(minutes.every((m) => m.meetingId !== null));
    assert.equal(list.items.filter((d) => d.kind === 'agenda').length, Math.min(6, plenaries));
    assert.equal(list.updates.met, false, 'the demo plan ended in 2024: nothing in the past year');
    assert.ok(list.updates.lastUpdate !== null && list.updates.lastUpdate < '2025-01-01');
  });
});
