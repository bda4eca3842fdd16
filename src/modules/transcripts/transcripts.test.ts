/** Transcripts through the API against a real database: import, permalinks on re-import, the embargo, corrections, search. */
import assert from 'node:assert/strict';
import { describe, test, type TestContext as NodeTestContext } from 'node:test';
import { addUser, Client, json, setupForTest, type TestContext } from '../../../test/helpers.js';
import { publishDueTranscripts } from './transcripts.service.js';

// A Friday meeting: ten working days later (weekends only) is Friday 2021-01-15, so it is published 2021-01-16 00:00 Taipei.
const MEETING = `# 2021-01-01 測試會議第1次

### 唐鳳召集人：
歡迎大家，今天討論落實政府資訊公開法的修正。



### 彭啟明共同召集人:
我補充一點：Open Government 的精神是公開、開放。



> （與會者皆無意見）



### 問：
請問資料何時上線？
`;

type Transcript = {
  id: number;
  slug: string;
  version: number;
  publishAt: string;
  publishedAt: string | null;
  countedWithCalendar: boolean;
  speeches?: Speech[];
};
type Speech = { id: number; speakerLabel: string | null; kind: string; body: string; version: number; permalink: string };

/** What every test starts from, each in a database of its own: the demo plan, three accounts signed in, the clock. */
interface World {
  ctx: TestContext;
  secretariat: Client;
  tang: Client;
  peng: Client;
  anonymous: Client;
  tangUserId: number;
  pengUserId: number;
}

async function world(t: NodeTestContext): Promise<World> {
  const ctx = await setupForTest(t);
  ctx.clock.now = new Date('2021-01-04T02:00:00Z');
  await addUser(ctx, 'sec@example.org', 'secretariat');
  const tangUserId = await addUser(ctx, 'tang@example.org', 'public');
  const pengUserId = await addUser(ctx, 'peng@example.org', 'public');
  const signedIn = async (email: string) => {
    const client = new Client(ctx.app);
    await client.signIn(email);
    return client;
  };
  const anonymous = new Client(ctx.app);
  await anonymous.get('/login');
  return {
    ctx,
    secretariat: await signedIn('sec@example.org'),
    tang: await signedIn('tang@example.org'),
    peng: await signedIn('peng@example.org'),
    anonymous,
    tangUserId,
    pengUserId,
  };
}

/** The meeting imported as a draft by the secretariat, with its speeches. */
async function imported(w: World): Promise<Transcript> {
  const res = await w.secretariat.api('POST', '/api/v1/transcripts', { markdown: MEETING, language: 'zh-TW' });
  assert.equal(res.status, 201);
  const { id } = await json<Transcript>(res);
  return json<Transcript>(await w.secretariat.request(`/api/v1/transcripts/${id}`));
}

/** The secretariat links 唐鳳 and 彭啟明 to their accounts, so that they see the draft and may correct their words. */
async function linkSpeakers(w: World): Promise<void> {
  const speakers = await json<{ items: { id: number; name: string; version: number }[] }>(await w.secretariat.request('/api/v1/speakers'));
  for (const [name, userId] of [
    ['唐鳳', w.tangUserId],
    ['彭啟明', w.pengUserId],
  ] as const) {
    const speaker = speakers.items.find((s) => s.name === name);
    assert.ok(speaker, name);
    assert.equal((await w.secretariat.api('PATCH', `/api/v1/speakers/${speaker.id}`, { userId, version: speaker.version })).status, 200);
  }
}

/** 唐鳳 corrects the first speech; 彭啟明 deletes his (the second). */
async function corrected(w: World, transcript: Transcript): Promise<void> {
  const [own, others] = transcript.speeches ?? [];
  assert.ok(own && others);
  assert.equal(
    (await w.tang.api('PATCH', `/api/v1/speeches/${own.id}`, { body: '歡迎大家，今天討論落實政府資訊公開法的修正草案。', version: own.version })).status,
    200,
  );
  assert.equal(
    (await w.peng.request(`/api/v1/speeches/${others.id}?version=${others.version}`, { method: 'DELETE', headers: { 'x-csrf-token': w.peng.csrf } })).status,
    204,
  );
}

describe('import', () => {
  test('only the secretariat imports', async (t) => {
    const { anonymous, tang } = await world(t);
    assert.equal((await anonymous.api('POST', '/api/v1/transcripts', { markdown: MEETING })).status, 401);
    assert.equal((await tang.api('POST', '/api/v1/transcripts', { markdown: MEETING })).status, 403);
  });

  test('a malformed file is refused with the line named, and nothing is stored', async (t) => {
    const { secretariat } = await world(t);
    const bad = MEETING.replace('# 2021-01-01', '# 2021-13-45');
    const res = await secretariat.api('POST', '/api/v1/transcripts?lang=en', { markdown: bad });
    assert.equal(res.status, 400);
    const body = await json<{ fields: Record<string, string> }>(res);
    assert.match(body.fields.markdown ?? '', /line 1/i);
    assert.equal((await json<{ items: unknown[] }>(await secretariat.request('/api/v1/transcripts'))).items.length, 0);
  });

  test('imports a draft with its speakers, kinds and an embargo of ten working days', async (t) => {
    const { ctx, secretariat } = await world(t);
    const res = await secretariat.api('POST', '/api/v1/transcripts', { markdown: MEETING, language: 'zh-TW' });
    assert.equal(res.status, 201);
    const transcript = await json<Transcript>(res);
    assert.equal(transcript.publishedAt, null);
    assert.equal(transcript.publishAt, '2021-01-15T16:00:00.000Z');
    assert.equal(transcript.countedWithCalendar, false, 'no office calendar loaded: weekends only');
    const full = await json<Transcript>(await secretariat.request(`/api/v1/transcripts/${transcript.id}`));
    assert.deepEqual(
      full.speeches?.map((s) => [s.speakerLabel, s.kind]),
      [
        ['唐鳳召集人', 'speech'],
        ['彭啟明共同召集人', 'speech'],
        [null, 'narrative'],
        ['問', 'question'],
      ],
    );
    assert.equal(
      (await json<{ items: unknown[] }>(await ctx.app.request('/api/v1/speakers'))).items.length,
      0,
      'speakers heard only in a draft are not public',
    );
    const speakers = await json<{ items: { slug: string; name: string; aliases: string[] }[] }>(await secretariat.request('/api/v1/speakers'));
    assert.ok(speakers.items.some((s) => s.name === '唐鳳' && s.aliases.includes('唐鳳召集人')));
    assert.ok(!speakers.items.some((s) => s.name === '問'), 'a question from the floor is not a speaker');
  });

  test('re-import in replace mode keeps the permalinks of unchanged speeches', async (t) => {
    const w = await world(t);
    const { secretariat } = w;
    const transcript = await imported(w);
    const changed = MEETING.replace('請問資料何時上線？', '請問資料集何時上線？');
    const res = await secretariat.api('POST', '/api/v1/transcripts', { markdown: changed, replaceSlug: transcript.slug });
    assert.equal(res.status, 201);
    const after = await json<Transcript>(await secretariat.request(`/api/v1/transcripts/${transcript.id}`));
    const before = transcript.speeches ?? [];
    assert.deepEqual(
      after.speeches?.slice(0, 3).map((s) => s.id),
      before.slice(0, 3).map((s) => s.id),
      'unchanged speeches keep their ids',
    );
    assert.notEqual(after.speeches?.[3]?.id, before[3]?.id, 'the changed one is new');
    assert.equal(after.speeches?.length, 4);
  });

  test('the API gives speeches a page at a time (?page=, perPage); the pages add up to the whole; past the last is 404', async (t) => {
    const w = await world(t);
    const { secretariat } = w;
    const transcript = await imported(w);
    const path = `/api/v1/transcripts/${transcript.id}`;
    const whole = await json<Transcript & { page: number; pageCount: number }>(await secretariat.request(path));
    assert.deepEqual([whole.page, whole.pageCount, whole.speeches?.length], [1, 1, 4]);
    const pages = [];
    for (const page of [1, 2])
      pages.push(await json<Transcript & { page: number; pageCount: number }>(await secretariat.request(`${path}?perPage=3&page=${page}`)));
    assert.deepEqual(
      pages.map((p) => [p.page, p.pageCount, p.speeches?.length]),
      [
        [1, 2, 3],
        [2, 2, 1],
      ],
    );
    assert.deepEqual(
      pages.flatMap((p) => p.speeches?.map((s) => s.id) ?? []),
      whole.speeches?.map((s) => s.id),
    );
    assert.equal((await secretariat.request(`${path}?perPage=3&page=3`)).status, 404);
    assert.equal((await secretariat.request(`${path}?perPage=1001`)).status, 400);
  });
});

describe('the embargo', () => {
  test('until published only the secretariat and the people who spoke see it', async (t) => {
    const w = await world(t);
    const { ctx, secretariat, tang, tangUserId, pengUserId } = w;
    const transcript = await imported(w);
    const speakers = await json<{ items: { id: number; name: string; version: number }[] }>(await secretariat.request('/api/v1/speakers'));
    for (const [name, userId] of [
      ['唐鳳', tangUserId],
      ['彭啟明', pengUserId],
    ] as const) {
      const speaker = speakers.items.find((s) => s.name === name);
      assert.ok(speaker);
      assert.equal(
        (await tang.api('PATCH', `/api/v1/speakers/${speaker.id}`, { userId, version: speaker.version })).status,
        403,
        'only the secretariat links accounts',
      );
      assert.equal((await secretariat.api('PATCH', `/api/v1/speakers/${speaker.id}`, { userId, version: speaker.version })).status, 200);
    }
    assert.equal((await ctx.app.request(`/api/v1/transcripts/${transcript.id}`)).status, 404);
    assert.equal((await json<{ items: unknown[] }>(await ctx.app.request('/api/v1/transcripts'))).items.length, 0);
    assert.equal((await tang.request(`/api/v1/transcripts/${transcript.id}`)).status, 200);
    const other = new Client(ctx.app);
    await addUser(ctx, 'someone@example.org', 'agency-officer', ['MOI']);
    await other.signIn('someone@example.org');
    assert.equal((await other.request(`/api/v1/transcripts/${transcript.id}`)).status, 404);
    const search = await json<{ count: number }>(await ctx.app.request(`/api/v1/search/speeches?q=${encodeURIComponent('資訊公開')}`));
    assert.equal(search.count, 0, 'drafts are not searchable');
  });

  test('the secretariat links a speaker to an account through the speaker page', async (t) => {
    const w = await world(t);
    const { secretariat, tang } = w;
    await imported(w);
    const speakers = await json<{ items: { id: number; slug: string; name: string; version: number }[] }>(await secretariat.request('/api/v1/speakers'));
    const speaker = speakers.items.find((s) => s.name === '唐鳳');
    assert.ok(speaker);
    const page = `/en/speakers/${encodeURIComponent(speaker.slug)}`;
    assert.equal((await secretariat.get(page)).status, 200);
    const fields = {
      name: '唐鳳',
      aliases: '唐鳳召集人\n唐政委',
      email: 'nobody@example.org',
      affiliationZh: '',
      affiliationEn: '',
      version: String(speaker.version),
    };
    const refused = await secretariat.postForm(`${page}/edit`, fields);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /No account has this number or e-mail/);
    const ok = await secretariat.postForm(`${page}/edit`, { ...fields, email: 'tang@example.org' });
    assert.equal(ok.status, 303);
    const after = await json<{ items: { name: string; aliases: string[] }[] }>(await secretariat.request('/api/v1/speakers'));
    // 唐鳳召集人 still waits for the draft's publication (the secretariat sees it beside the public 唐政委).
    assert.deepEqual(after.items.find((s) => s.name === '唐鳳')?.aliases, ['唐政委', '唐鳳召集人']);
    assert.equal((await tang.postForm(`${page}/edit`, fields)).status, 403);
  });

  test('a speaker corrects their own words and is refused another’s', async (t) => {
    const w = await world(t);
    const { ctx, tang, peng } = w;
    const transcript = await imported(w);
    await linkSpeakers(w);
    const [own, others] = transcript.speeches ?? [];
    assert.ok(own && others);
    const res = await tang.api('PATCH', `/api/v1/speeches/${own.id}`, { body: '歡迎大家，今天討論落實政府資訊公開法的修正草案。', version: own.version });
    assert.equal(res.status, 200);
    assert.equal((await tang.api('PATCH', `/api/v1/speeches/${others.id}`, { body: '改別人的話', version: others.version })).status, 403);
    assert.equal(
      (await tang.request(`/api/v1/speeches/${others.id}?version=${others.version}`, { method: 'DELETE', headers: { 'x-csrf-token': tang.csrf } })).status,
      403,
    );
    assert.equal((await tang.api('PATCH', `/api/v1/speeches/${own.id}`, { body: '舊版本', version: own.version })).status, 409);
    assert.equal(
      (await peng.request(`/api/v1/speeches/${others.id}?version=${others.version}`, { method: 'DELETE', headers: { 'x-csrf-token': peng.csrf } })).status,
      204,
      'a speaker deletes their own',
    );
    const log = await ctx.database.db.selectFrom('speech_revisions').select(['speech_id', 'action', 'actor_name', 'before', 'after']).orderBy('id').execute();
    assert.deepEqual(
      log.map((r) => [r.speech_id, r.action, r.actor_name]),
      [
        [own.id, 'edit', 'tang'],
        [others.id, 'delete', 'peng'],
      ],
    );
    assert.match(log[0]?.before ?? '', /修正。$/);
  });

  test('publishing early needs the secretariat and a reason', async (t) => {
    const w = await world(t);
    const { secretariat, tang } = w;
    const transcript = await imported(w);
    const current = await json<Transcript>(await secretariat.request(`/api/v1/transcripts/${transcript.id}`));
    assert.equal((await tang.api('POST', `/api/v1/transcripts/${transcript.id}/publish`, { reason: 'x', version: current.version })).status, 403);
    const noReason = await secretariat.api('POST', `/api/v1/transcripts/${transcript.id}/publish?lang=en`, { reason: '  ', version: current.version });
    assert.equal(noReason.status, 400);
    assert.ok((await json<{ fields: Record<string, string> }>(noReason)).fields.reason);
  });

  test('with the clock past its time, the transcript is published and searchable', async (t) => {
    const w = await world(t);
    const { ctx, tang } = w;
    const transcript = await imported(w);
    await linkSpeakers(w);
    await corrected(w, transcript);
    ctx.clock.now = new Date('2021-01-15T15:59:00Z');
    assert.equal(await publishDueTranscripts({ db: ctx.database.db, now: () => ctx.clock.now }), 0, 'not before 00:00 Taipei on the 16th');
    ctx.clock.now = new Date('2021-01-15T16:00:00Z');
    assert.equal(await publishDueTranscripts({ db: ctx.database.db, now: () => ctx.clock.now }), 1);
    const pub = await json<Transcript>(await ctx.app.request(`/api/v1/transcripts/${transcript.id}`));
    assert.equal(pub.publishedAt, '2021-01-15T16:00:00.000Z');
    assert.equal(pub.speeches?.length, 3, 'the deleted speech stays deleted');
    const hit = await json<{ count: number; items: { body: string; permalink: string }[] }>(
      await ctx.app.request(`/api/v1/search/speeches?q=${encodeURIComponent('資訊公開')}`),
    );
    assert.equal(hit.count, 1);
    assert.match(hit.items[0]?.body ?? '', /修正草案/);
    assert.match(hit.items[0]?.permalink ?? '', /#s\d+$/);
    const latin = await json<{ count: number }>(await ctx.app.request('/api/v1/search/speeches?q=OPEN%20government'));
    assert.equal(latin.count, 0, 'Peng’s speech was deleted by him');
    const afterPublish = pub.speeches?.[0];
    assert.ok(afterPublish);
    assert.equal(
      (await tang.api('PATCH', `/api/v1/speeches/${afterPublish.id}`, { body: '發布後再改', version: afterPublish.version })).status,
      403,
      'after publication speakers no longer change the record',
    );
  });
});
