/**
 * Transcript pages through real HTTP against a real database: nothing of a draft leaks through any channel (page,
 * list, speaker pages, search, feed, exports), a speaker corrects their own words and only theirs, the secretariat
 * publishes early only with a reason, due transcripts are published on the clock and then appear everywhere;
 * permalinks, both languages, escaping, and the import form with its line-numbered problems.
 */
import assert from 'node:assert/strict';
import { after, describe, test, type TestContext as NodeTestContext } from 'node:test';
import { addUser, Client, json, setup, type TestContext } from '../../../test/helpers.js';
import * as q from './transcripts.queries.js';
import { publishDueTranscripts } from './transcripts.service.js';

// A Monday-after-New-Year meeting: with no office calendar, ten working days (weekends only) run to 2021-01-15,
// so publication is 2021-01-16 00:00 Taipei.
const SECRET = '草稿機密詞';
const MEETING = `# 2021-01-01 開放政府論壇第1次會議

## 開場

### 唐鳳召集人：
歡迎大家，今天討論${SECRET}與政府資訊公開。

### 彭啟明共同召集人：
我補充一點：Open Government 的精神是公開、開放。<script>alert("x")</script>

## 討論

> （與會者皆無意見）

### 問：
請問資料何時上線？

### 唐鳳召集人：
第二段發言，稍後刪除。
`;

const MEETING_EN = `# 2021-01-01 Open Government Forum, first meeting

### Audrey Tang:
Welcome, everyone. Today we discuss the draft ${SECRET} in English.
`;

async function importForm(client: Client, fields: Record<string, string>, file?: { name: string; text: string }, prefix = ''): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', client.csrf);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new File([file.text], file.name, { type: 'text/markdown' }));
  return client.request(`${prefix}/transcripts/import`, { method: 'POST', body: form });
}

const text = async (r: Response) => r.text();
/** Whether a page or feed names a transcript, by its slug as written or as in a URL. */
const mentions = (body: string, s: string) => body.includes(s) || body.includes(encodeURIComponent(s));

/** Everything a test of this file starts from: the accounts signed in, the forum meeting, the two drafts imported. */
interface World {
  ctx: TestContext;
  secretariat: Client;
  tang: Client;
  peng: Client;
  outsider: Client;
  anonymous: Client;
  slug: string;
  slugEn: string;
  meetingId: number;
  tangSpeaker: q.Speaker;
  pengSpeaker: q.Speaker;
  /** A transcript's page path: the Chinese draft's by default. */
  page: (s?: string, prefix?: string) => string;
  tangFirst: () => q.Speech;
  pengFirst: () => q.Speech;
  tangSecond: () => q.Speech;
}

/** The two drafts, in a database of their own (closed at `done`). */
async function drafts(done: (close: () => Promise<void>) => void): Promise<World> {
  const ctx = await setup();
  done(() => ctx.close());
  ctx.clock.now = new Date('2021-01-04T02:00:00Z');
  await addUser(ctx, 'sec@example.org', 'secretariat');
  const tangId = await addUser(ctx, 'tang@example.org', 'public');
  const pengId = await addUser(ctx, 'peng@example.org', 'public');
  await addUser(ctx, 'ndc@example.org', 'agency-officer', ['NDC']);
  const secretariat = new Client(ctx.app);
  await secretariat.signIn('sec@example.org');
  const tang = new Client(ctx.app);
  await tang.signIn('tang@example.org');
  const peng = new Client(ctx.app);
  await peng.signIn('peng@example.org');
  const outsider = new Client(ctx.app);
  await outsider.signIn('ndc@example.org');
  const anonymous = new Client(ctx.app);
  await anonymous.get('/login');

  const meeting = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/meetings`, {
    heldOn: '2021-01-01',
    kind: 'plenary',
    title: { zh: '第1次論壇會議', en: 'First forum meeting', status: 'reviewed' },
  });
  assert.equal(meeting.status, 201, await meeting.clone().text());
  const meetingId = (await json<{ id: number }>(meeting)).id;

  // The Chinese transcript through the form as an uploaded file, for the forum meeting; the English one pasted, as its twin.
  const created = await importForm(secretariat, { language: 'zh-TW', markdown: '', meetingId: String(meetingId) }, { name: 'meeting.md', text: MEETING });
  assert.equal(created.status, 303, await created.clone().text());
  const slug = decodeURIComponent((created.headers.get('location') ?? '').replace(/^\/transcripts\//, ''));
  const createdEn = await importForm(secretariat, { language: 'en', markdown: MEETING_EN, twin: slug }, undefined, '/en');
  assert.equal(createdEn.status, 303);
  assert.match(createdEn.headers.get('location') ?? '', /^\/en\/transcripts\//);
  const slugEn = decodeURIComponent((createdEn.headers.get('location') ?? '').replace(/^\/en\/transcripts\//, ''));

  const transcript = await q.findTranscriptBySlug(ctx.database.db, slug);
  assert.ok(transcript);
  const speeches = await q.listSpeeches(ctx.database.db, transcript.id, { includeDeleted: false });
  assert.equal(speeches.length, 5);
  const speakers = await q.listSpeakers(ctx.database.db);
  const tangSpeaker = speakers.find((s) => s.name === '唐鳳') as q.Speaker;
  const pengSpeaker = speakers.find((s) => s.name === '彭啟明') as q.Speaker;
  assert.ok(tangSpeaker && pengSpeaker, 'speakers were created');
  // Each speaker's account, as the secretariat would link them.
  await ctx.database.db.updateTable('speakers').set({ user_id: tangId }).where('id', '=', tangSpeaker.id).execute();
  await ctx.database.db.updateTable('speakers').set({ user_id: pengId }).where('id', '=', pengSpeaker.id).execute();
  return {
    ctx,
    secretariat,
    tang,
    peng,
    outsider,
    anonymous,
    slug,
    slugEn,
    meetingId,
    tangSpeaker,
    pengSpeaker,
    page: (s = slug, prefix = '') => `${prefix}/transcripts/${encodeURIComponent(s)}`,
    tangFirst: () => speeches[0] as q.Speech,
    pengFirst: () => speeches[1] as q.Speech,
    tangSecond: () => speeches[4] as q.Speech,
  };
}

/** 唐鳳 corrects his first speech and deletes his second, through the page's forms. */
async function correct(w: World): Promise<void> {
  await w.tang.get(w.page());
  const edited = await w.tang.postForm(`${w.page()}/speeches/${w.tangFirst().id}/edit`, {
    body: '歡迎大家，今天討論政府資訊公開（已修正）。',
    version: String(w.tangFirst().version),
  });
  assert.equal(edited.status, 303);
  const deleted = await w.tang.postForm(`${w.page()}/speeches/${w.tangSecond().id}/delete`, { version: String(w.tangSecond().version) });
  assert.equal(deleted.status, 303);
}

/** The secretariat publishes the English twin before its embargo ends, with a reason. */
async function publishTwinEarly(w: World): Promise<void> {
  const transcript = await q.findTranscriptBySlug(w.ctx.database.db, w.slugEn);
  assert.ok(transcript);
  await w.secretariat.get(w.page(w.slugEn, '/en'));
  const published = await w.secretariat.postForm(`/en${w.page(w.slugEn)}/publish`, {
    reason: 'The minister asked for it before the press conference.',
    version: String(transcript.version),
  });
  assert.equal(published.status, 303);
}

/** The clock passes the embargo's end and the due draft is published. */
async function publishOnTheClock(w: World): Promise<void> {
  w.ctx.clock.now = new Date('2021-01-16T00:00:00Z');
  assert.equal(await publishDueTranscripts({ db: w.ctx.database.db, now: () => w.ctx.clock.now }), 1);
}

/** A test that writes gets a world of its own. */
const ownDrafts = (t: NodeTestContext) => drafts((close) => t.after(close));

// Tests that only read, or whose writes are all refused, share a world per stage, built when first asked for.
const closers: (() => Promise<void>)[] = [];
after(() => Promise.all(closers.map((close) => close())));
const once = (build: () => Promise<World>) => {
  let world: Promise<World> | undefined;
  return () => (world ??= build());
};
const sharedDrafts = once(() => drafts((close) => closers.push(close)));
const sharedPublished = once(async () => {
  const w = await drafts((close) => closers.push(close));
  await correct(w);
  await publishTwinEarly(w);
  await publishOnTheClock(w);
  return w;
});

describe('import form', () => {
  test('only the secretariat opens it', async () => {
    const { secretariat, tang, anonymous } = await sharedDrafts();
    assert.equal((await anonymous.get('/transcripts/import')).status, 401);
    assert.equal((await tang.get('/transcripts/import')).status, 403);
    const res = await secretariat.get('/en/transcripts/import');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /name="markdown"/);
    assert.match(html, /type="file"/);
  });

  test('a malformed file comes back with its line beside the Markdown field, in the page’s language', async () => {
    const { ctx, secretariat } = await sharedDrafts();
    const bad = MEETING.replace('### 問：', '### 問');
    const zh = await importForm(secretariat, { language: 'zh-TW', markdown: bad });
    assert.equal(zh.status, 400);
    const zhHtml = await zh.text();
    const line = bad.split('\n').findIndex((l) => l === '### 問') + 1;
    assert.match(zhHtml, new RegExp(`id="err-markdown">第 ${line} 行：`));
    assert.match(zhHtml, /aria-invalid="true" aria-describedby="err-markdown/);
    const en = await importForm(secretariat, { language: 'zh-TW', markdown: bad }, undefined, '/en');
    assert.equal(en.status, 400);
    assert.match(await en.text(), new RegExp(`id="err-markdown">Line ${line}: A “###” speaker heading ends with a colon`));
    const empty = await importForm(secretariat, { language: 'zh-TW', markdown: '  ', embargoWorkingDays: '99' }, undefined, '/en');
    assert.equal(empty.status, 400);
    const emptyHtml = await empty.text();
    assert.match(emptyHtml, /id="err-embargoWorkingDays">Enter a whole number from 0 to 60/);
    const unknown = await importForm(secretariat, { language: 'zh-TW', markdown: MEETING, meetingId: '99999', twin: 'no-such-transcript' }, undefined, '/en');
    assert.equal(unknown.status, 400);
    const unknownHtml = await unknown.text();
    assert.match(unknownHtml, /id="err-meetingId">No forum meeting has this number/);
    assert.match(unknownHtml, /id="err-twin">No transcript has this address name/);
    assert.ok(unknownHtml.includes('### 唐鳳召集人：'), 'the pasted text is kept');
    assert.equal((await q.listVisibleTranscripts(ctx.database.db, { allDrafts: true, draftsOfUser: null })).length, 2, 'nothing more was stored');
  });
});

describe('nothing of a draft leaks', () => {
  const channels = (client: (w: World) => Client, label: string) => async () => {
    const w = await sharedDrafts();
    const { page, slug, slugEn, tangSpeaker } = w;
    const who = client(w);
    for (const prefix of ['', '/en']) {
      assert.equal((await who.get(page(slug, prefix))).status, 404, `${label}: the draft page (${prefix || 'zh'})`);
      assert.equal((await who.get(`${page(slug, prefix)}.md`)).status, 404, `${label}: the Markdown export`);
      assert.equal((await who.get(`${page(slug, prefix)}.akn.xml`)).status, 404, `${label}: the Akoma Ntoso export`);
      assert.equal((await who.get(page(slugEn, prefix))).status, 404, `${label}: the English draft`);
      const list = await text(await who.get(`${prefix}/transcripts`));
      assert.ok(!mentions(list, slug) && !list.includes('開放政府論壇第1次會議'), `${label}: the list`);
      const speakersList = await text(await who.get(`${prefix}/speakers`));
      assert.ok(!speakersList.includes('唐鳳') && !speakersList.includes('彭啟明'), `${label}: the speakers list`);
      assert.equal((await who.get(`${prefix}/speakers/${encodeURIComponent(tangSpeaker.slug)}`)).status, 404, `${label}: the speaker page`);
      const search = await who.get(`${prefix}/transcripts/search?q=${encodeURIComponent(SECRET)}`);
      assert.equal(search.status, 200);
      const found = await search.text();
      assert.ok(!mentions(found, slug) && !found.includes('歡迎大家'), `${label}: search results`);
      assert.match(found, prefix ? /No published speech contains/ : /沒有已公開的發言包含/);
      const feed = await text(await who.get(`${prefix}/transcripts.atom`));
      assert.match(feed, /<feed/);
      assert.ok(!mentions(feed, slug) && !mentions(feed, slugEn) && !feed.includes('開放政府論壇'), `${label}: the Atom feed`);
    }
  };
  test(
    'to anonymous visitors',
    channels((w) => w.anonymous, 'anonymous'),
  );
  test(
    'to a signed-in officer who did not speak',
    channels((w) => w.outsider, 'outsider'),
  );

  test('the secretariat and the speakers see the draft, with its publication date and how it was counted', async () => {
    const { secretariat, tang, peng, slug, slugEn, page } = await sharedDrafts();
    for (const who of [secretariat, tang, peng]) {
      const res = await who.get(page());
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      const html = await res.text();
      assert.match(html, /將於 2021\/01\/16 公開（會後 10 個工作日；因尚未載入這段期間的辦公日曆表，僅扣除週末計算）/);
    }
    const list = await text(await secretariat.get('/en/transcripts'));
    assert.match(list, /Draft, to be published on 2021-01-16/);
    assert.ok(mentions(list, slugEn) && mentions(list, slug), 'the secretariat lists every draft');
    assert.ok(mentions(await text(await tang.get('/transcripts')), slug), 'a speaker lists the draft they spoke in');
    assert.ok(!mentions(await text(await tang.get('/transcripts')), slugEn), 'but not one they did not speak in');
    assert.equal((await tang.get(page(slugEn))).status, 404);
    const md = await secretariat.get(`${page()}.md`);
    assert.equal(md.status, 200);
    assert.match(md.headers.get('cache-control') ?? '', /private/);
  });
});

describe('corrections during the embargo', () => {
  test('a speaker sees an edit form for their own speeches only', async () => {
    const { tang, slug, page, tangFirst, pengFirst } = await sharedDrafts();
    const html = await text(await tang.get(page()));
    assert.ok(
      html.includes(`action="/transcripts/${encodeURIComponent(slug)}/speeches/${tangFirst().id}/edit"`) || html.includes(`/speeches/${tangFirst().id}/edit"`),
      'own speech',
    );
    assert.ok(!html.includes(`/speeches/${pengFirst().id}/edit"`), 'not another’s');
    assert.match(html, /修正紀錄（不公開）/, 'the private log is there for a speaker of the draft');
  });

  test('a speaker corrects their own words (303), sees them, and the change is logged', async (t) => {
    const { ctx, tang, page, tangFirst } = await ownDrafts(t);
    await tang.get(page());
    const res = await tang.postForm(`${page()}/speeches/${tangFirst().id}/edit`, {
      body: '歡迎大家，今天討論政府資訊公開（已修正）。',
      version: String(tangFirst().version),
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${page()}#s${tangFirst().id}`);
    const html = await text(await tang.get(page()));
    assert.ok(html.includes('今天討論政府資訊公開（已修正）。'), 'the new words are shown');
    const log = html.slice(html.indexOf('id="s-revisions"'));
    assert.ok(log.includes(SECRET) && log.includes('（已修正）'), 'the log shows before and after');
    const revisions = await q.listSpeechRevisions(ctx.database.db, tangFirst().transcriptId);
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]?.action, 'edit');
  });

  test('an empty correction comes back with its message; a stale version is a conflict', async (t) => {
    const w = await ownDrafts(t);
    await correct(w); // so that there is an older version to be stale with
    const { ctx, tang, page, tangFirst } = w;
    const current = await q.findSpeechById(ctx.database.db, tangFirst().id);
    assert.ok(current);
    const empty = await tang.postForm(`/en${page()}/speeches/${current.id}/edit`, { body: '  ', version: String(current.version) });
    assert.equal(empty.status, 400);
    const html = await empty.text();
    assert.match(html, new RegExp(`id="err-body-${current.id}">This field is required`));
    assert.match(html, /<details class="speech-correct" open/);
    const stale = await tang.postForm(`${page()}/speeches/${current.id}/edit`, { body: '舊版本', version: String(current.version - 1) });
    assert.equal(stale.status, 409);
  });

  test('someone else’s speech is refused (403), and a non-speaker cannot even find it (404)', async () => {
    const { ctx, tang, outsider, page, pengFirst } = await sharedDrafts();
    await tang.get(page());
    const res = await tang.postForm(`${page()}/speeches/${pengFirst().id}/edit`, { body: '不是我的話', version: String(pengFirst().version) });
    assert.equal(res.status, 403);
    const del = await tang.postForm(`${page()}/speeches/${pengFirst().id}/delete`, { version: String(pengFirst().version) });
    assert.equal(del.status, 403);
    await outsider.get('/transcripts');
    assert.equal((await outsider.postForm(`${page()}/speeches/${pengFirst().id}/edit`, { body: 'x', version: '1' })).status, 404);
    assert.equal((await q.findSpeechById(ctx.database.db, pengFirst().id))?.body, pengFirst().body, 'unchanged');
  });

  test('a speaker deletes their own speech; it leaves the page and is logged', async (t) => {
    const { ctx, tang, page, tangSecond } = await ownDrafts(t);
    await tang.get(page());
    const res = await tang.postForm(`${page()}/speeches/${tangSecond().id}/delete`, { version: String(tangSecond().version) });
    assert.equal(res.status, 303);
    const html = await text(await tang.get(page()));
    assert.ok(!html.includes(`id="s${tangSecond().id}"`), 'the speech is gone');
    const revisions = await q.listSpeechRevisions(ctx.database.db, tangSecond().transcriptId);
    assert.equal(revisions[0]?.action, 'delete');
  });
});

describe('publication', () => {
  test('early publication needs the secretariat and a reason', async (t) => {
    const { ctx, secretariat, tang, anonymous, slug, slugEn, page } = await ownDrafts(t);
    const transcript = await q.findTranscriptBySlug(ctx.database.db, slugEn);
    assert.ok(transcript);
    await tang.get('/transcripts');
    assert.equal(
      (await tang.postForm(`${page(slugEn)}/publish`, { reason: 'x', version: String(transcript.version) })).status,
      404,
      'not even visible to a non-speaker',
    );
    const html = await text(await secretariat.get(page(slugEn, '/en')));
    assert.match(html, /Publish before the embargo ends/);
    const refused = await secretariat.postForm(`/en${page(slugEn)}/publish`, { reason: '  ', version: String(transcript.version) });
    assert.equal(refused.status, 400);
    const refusedHtml = await refused.text();
    assert.match(refusedHtml, /id="err-reason">Give the reason for publishing early/);
    assert.match(refusedHtml, /href="#f-reason"/, 'the error summary names the field');
    assert.equal((await anonymous.get(page(slugEn))).status, 404, 'still a draft');
    const published = await secretariat.postForm(`/en${page(slugEn)}/publish`, {
      reason: 'The minister asked for it before the press conference.',
      version: String(transcript.version),
    });
    assert.equal(published.status, 303);
    const publicPage = await anonymous.get(page(slugEn, '/en'));
    assert.equal(publicPage.status, 200);
    const publicHtml = await publicPage.text();
    assert.match(publicHtml, /Published before the end of its embargo/);
    assert.match(publicHtml, /The minister asked for it before the press conference\./);
    assert.ok(!publicHtml.includes('Correction log'), 'no private log for the public');
    assert.ok(!publicHtml.includes(`href="/en${page(slug)}"`), 'the twin (still a draft) is not linked for the public');
    assert.equal((await anonymous.get(page())).status, 404, 'the other transcript is still a draft');
  });

  test('on the clock, publishDueTranscripts publishes the draft, and it appears everywhere', async (t) => {
    const w = await ownDrafts(t);
    await correct(w);
    await publishTwinEarly(w);
    const { ctx, anonymous, slugEn, meetingId, tangSpeaker, pengSpeaker, page, tangFirst, pengFirst } = w;
    ctx.clock.now = new Date('2021-01-15T15:59:00Z');
    assert.equal(await publishDueTranscripts({ db: ctx.database.db, now: () => ctx.clock.now }), 0, 'not yet');
    ctx.clock.now = new Date('2021-01-16T00:00:00Z');
    assert.equal(await publishDueTranscripts({ db: ctx.database.db, now: () => ctx.clock.now }), 1);

    const html = await text(await anonymous.get(page()));
    assert.ok(html.includes('（已修正）'), 'the corrected words');
    assert.ok(!html.includes(SECRET), 'not the words before the correction');
    assert.ok(!html.includes('稍後刪除'), 'not the deleted speech');
    assert.ok(!html.includes('修正紀錄'), 'no correction log for the public');
    assert.ok(!html.includes('/edit"'), 'no edit forms for the public');
    assert.ok(!/<form[^>]+\/publish"/.test(html), 'no publication form');
    for (const s of [tangFirst(), pengFirst()]) {
      assert.ok(html.includes(`<article id="s${s.id}" tabindex="-1"`), `the article of speech ${s.id}`);
      assert.ok(html.includes(`href="#s${s.id}"`), `its permalink`);
    }
    assert.match(html, /<h2 id="sec-\d+" class="transcript-section">開場<\/h2>/, 'sections are headings');
    assert.match(
      html,
      new RegExp(`class="speaker-name speaker-c\\d" href="/speakers/${encodeURIComponent(tangSpeaker.slug)}"`),
      'the speaker is linked, coloured by class',
    );
    assert.ok(!/ style=/.test(html), 'no inline style attribute');
    assert.match(html, /class="badge speech-kind speech-kind-question">提問/);
    assert.match(html, /speech-narrative/);
    // Escaped like all text.
    assert.ok(!html.includes('<script>alert'), 'no live script');
    assert.ok(
      html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;') || html.includes('&lt;script&gt;alert("x")&lt;/script&gt;'),
      'the script is shown as text',
    );
    // The twin is linked both ways now that both are public.
    assert.ok(html.includes(`href="${page(slugEn)}"`), 'the twin is linked');

    const list = await text(await anonymous.get('/transcripts'));
    assert.ok(list.includes(page()), 'in the list');
    const meetingLink = `href="/plans/tw-2021-2024/meetings/${meetingId}"`;
    assert.ok(list.includes(meetingLink), 'with its forum meeting');
    assert.ok(html.includes(meetingLink), 'the transcript links to its meeting');
    assert.ok(
      (await text(await anonymous.get('/en/transcripts'))).includes(`href="/en/plans/tw-2021-2024/meetings/${meetingId}">2021-01-01 First forum meeting</a>`),
      'in English too',
    );
    const inMeeting = await text(await anonymous.get(`/transcripts/search?q=${encodeURIComponent('公開')}&meeting=${meetingId}`));
    assert.match(inMeeting, /找到 2 則發言/, 'the meeting filter');
    const speaker = await anonymous.get(`/speakers/${encodeURIComponent(tangSpeaker.slug)}`);
    assert.equal(speaker.status, 200);
    const speakerHtml = await speaker.text();
    assert.ok(speakerHtml.includes(`href="${page()}#s${tangFirst().id}"`), 'the speaker page links to the speech');
    assert.ok(!speakerHtml.includes('稍後刪除'), 'without the deleted one');
    assert.ok((await text(await anonymous.get('/speakers'))).includes('唐鳳'), 'in the speakers list');

    const search = await text(await anonymous.get(`/transcripts/search?q=${encodeURIComponent('資訊公開')}`));
    assert.match(search, /找到 1 則發言/);
    assert.ok(search.includes(`href="${page()}#s${tangFirst().id}"`), 'the hit links to the speech');
    assert.match(search, /<mark>資訊公開<\/mark>/, 'the match is highlighted');
    const bySpeaker = await text(await anonymous.get(`/en/transcripts/search?q=${encodeURIComponent('公開')}&speaker=${encodeURIComponent(pengSpeaker.slug)}`));
    assert.match(bySpeaker, /1 speeches found/);
    assert.ok(bySpeaker.includes(`#s${pengFirst().id}`));
    const old = await text(await anonymous.get(`/transcripts/search?q=${encodeURIComponent(SECRET)}`));
    assert.ok(!old.includes(`#s${tangFirst().id}`), 'the words before the correction are not found');

    const feed = await text(await anonymous.get('/transcripts.atom'));
    assert.ok(feed.includes(page()) && feed.includes(page(slugEn)), 'both in the feed');

    const md = await anonymous.get(`${page()}.md`);
    assert.equal(md.status, 200);
    assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
    const mdText = await md.text();
    assert.match(mdText, /^# 2021-01-01 開放政府論壇第1次會議/);
    assert.match(mdText, /### 唐鳳召集人：\n歡迎大家，今天討論政府資訊公開（已修正）。/);
    assert.ok(!mdText.includes('稍後刪除'), 'no deleted speech in the export');
    const akn = await anonymous.get(`${page()}.akn.xml`);
    assert.equal(akn.status, 200);
    assert.match(akn.headers.get('content-type') ?? '', /^application\/akn\+xml/);
    const xml = await akn.text();
    assert.match(xml, /<akomaNtoso xmlns="http:\/\/docs.oasis-open.org\/legaldocml\/ns\/akn\/3.0">/);
    assert.ok(xml.includes('&lt;script&gt;'), 'escaped in XML too');
    assert.ok(!xml.includes('稍後刪除'));
  });

  test('after publication a speaker no longer corrects, and the log is no longer shown to them', async () => {
    const { ctx, tang, page, tangFirst } = await sharedPublished();
    const html = await text(await tang.get(page()));
    assert.ok(!html.includes('/edit"'));
    assert.ok(!html.includes('修正紀錄'));
    const current = await q.findSpeechById(ctx.database.db, tangFirst().id);
    const res = await tang.postForm(`${page()}/speeches/${tangFirst().id}/edit`, { body: '公開後修改', version: String(current?.version ?? 0) });
    assert.equal(res.status, 403);
  });
});

describe('both languages', () => {
  test('the transcript, list, speaker and search pages render in Chinese and English', async () => {
    const { anonymous, slug, tangSpeaker, page } = await sharedPublished();
    const zh = await text(await anonymous.get(page()));
    assert.match(zh, /<html lang="zh-TW">/);
    assert.match(zh, /固定連結/);
    assert.match(zh, /會議日期/);
    const en = await text(await anonymous.get(page(slug, '/en')));
    assert.match(en, /<html lang="en">/);
    assert.match(en, /Permalink/);
    assert.match(en, /Held on/);
    assert.match(en, /<h1 lang="zh-TW">開放政府論壇第1次會議<\/h1>/, 'the Chinese title is marked as such on the English page');
    assert.match(en, /href="\/en\/transcripts\/[^"]+\.md"/);
    // What each page itself shows, never words the navigation prints on every page: the lists link their items in
    // the page's language.
    const speakerPage = `/speakers/${encodeURIComponent(tangSpeaker.slug)}`;
    for (const [path, zhText, enText] of [
      ['/transcripts', `href="${page()}"`, `href="${page(slug, '/en')}"`],
      [speakerPage, '則已公開的發言', 'published speeches'],
      ['/transcripts/search?q=%E5%85%AC', '單一字元無法使用索引', 'A single character cannot use the index'],
      ['/speakers', `href="${speakerPage}"`, `href="/en${speakerPage}"`],
    ] as const) {
      const zhRes = await anonymous.get(path);
      assert.equal(zhRes.status, 200, path);
      assert.ok((await zhRes.text()).includes(zhText), `${path} in Chinese`);
      const enRes = await anonymous.get(`/en${path}`);
      assert.equal(enRes.status, 200, `/en${path}`);
      assert.ok((await enRes.text()).includes(enText), `${path} in English`);
    }
  });

  test('search filters: a bad date is explained, an unknown speaker finds nothing', async () => {
    const { anonymous } = await sharedPublished();
    const bad = await text(await anonymous.get('/en/transcripts/search?q=open&from=2021-13-01'));
    assert.match(bad, /id="err-from">Enter a real date/);
    const unknown = await text(await anonymous.get(`/transcripts/search?q=${encodeURIComponent('公開')}&speaker=nobody`));
    assert.match(unknown, /沒有已公開的發言包含/);
    const unranged = await text(await anonymous.get(`/transcripts/search?q=${encodeURIComponent('公開')}`));
    assert.match(unranged, /找到 \d+ 則發言/, 'without the range, the published meeting is found');
    const ranged = await text(await anonymous.get(`/transcripts/search?q=${encodeURIComponent('公開')}&from=2021-01-02`));
    assert.match(ranged, /沒有已公開的發言包含/, 'the meeting is before the range');
  });
});
