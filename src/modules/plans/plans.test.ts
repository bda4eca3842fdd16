/** Plans, commitments and milestones through real HTTP against a real database. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publicCommitmentStatus } from '../../domain/public-status.js';
import { addUser, Client, json, setup, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let secretariat: Client;
let officerMoi: Client;
const ids: Record<string, number> = {};

before(async () => {
  ctx = await setup();
  await addUser(ctx, 'sec@example.org', 'secretariat');
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  officerMoi = await signedIn(ctx.app, 'moi@example.org');
  const list = await json<{ items: { id: number; number: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments`));
  for (const c of list.items) ids[c.number] = c.id;
});
after(() => ctx.close());

type Milestone = { id: number; version: number; startDate: string; endDate: string; deliverable: { zh: string; en: string; status: string } };
type Commitment = { id: number; version: number; title: { zh: string; en: string; status: string }; number: string; leadAgencyId: number };
const milestonesOf = async (commitmentId: number) =>
  (await json<{ items: Milestone[] }>(await ctx.app.request(`/api/v1/commitments/${commitmentId}/milestones`))).items;
const commitment = async (id: number) => json<Commitment>(await ctx.app.request(`/api/v1/commitments/${id}`));

describe('public reading', () => {
  test('home lists the 2021–2024 plan in zh-TW, and /en/ in English', async () => {
    const zh = await ctx.app.request('/');
    assert.equal(zh.status, 200);
    const zhHtml = await zh.text();
    assert.match(zhHtml, /<html lang="zh-TW"/);
    assert.match(zhHtml, /開放政府國家行動方案/);
    const en = await ctx.app.request('/en/');
    assert.equal(en.status, 200);
    const enHtml = await en.text();
    assert.match(enHtml, /<html lang="en"/);
    assert.match(enHtml, /Open Government National Action Plan/);
    assert.match(enHtml, /href="\/plans\/tw-2021-2024"|href="\/"/, 'language switch links to the zh-TW page');
  });

  test('the API lists the plan and its 19 commitments in number order', async (t) => {
    // The seed as it is: a database of its own, which no other test adds commitments to.
    const own = await setupForTest(t);
    const plans = await json<{ items: { id: number; slug: string }[] }>(await own.app.request('/api/v1/plans'));
    assert.deepEqual(
      plans.items.map((p) => p.slug),
      ['tw-2021-2024'],
    );
    const page = await json<{ items: Commitment[]; total: number }>(await own.app.request(`/api/v1/plans/${own.planId}/commitments`));
    assert.equal(page.total, 19);
    assert.equal(page.items.length, 19);
    assert.deepEqual(
      page.items.slice(0, 6).map((c) => c.number),
      ['1-1', '1-2', '1-3', '1-4', '1-5', '2-1'],
    );
  });

  test('filters and pagination', async (t) => {
    // The seed as it is: a database of its own, which no other test adds commitments to.
    const own = await setupForTest(t);
    const moi = own.agencies.get('MOI');
    const byAgency = await json<{ items: Commitment[] }>(await own.app.request(`/api/v1/plans/${own.planId}/commitments?agency=${moi}`));
    assert.ok(byAgency.items.some((c) => c.number === '4-1'));
    const paged = await json<{ items: Commitment[]; total: number; page: number }>(
      await own.app.request(`/api/v1/plans/${own.planId}/commitments?perPage=5&page=4`),
    );
    assert.equal(paged.total, 19);
    assert.equal(paged.items.length, 4);
    const bad = await own.app.request(`/api/v1/plans/${own.planId}/commitments?perPage=abc&value=nonsense`);
    assert.equal(bad.status, 400);
    const body = await json<{ fields: Record<string, string> }>(bad);
    assert.ok(body.fields.perPage && body.fields.value);
    const page = await own.app.request('/plans/tw-2021-2024?value=inclusion&area=999999999999');
    assert.equal(page.status, 200, 'nonsense page filters are ignored, not a 500');
  });

  test('commitment, history, agency pages and the OpenAPI document', async () => {
    for (const path of [
      '/plans/tw-2021-2024/commitments/1-1',
      '/en/plans/tw-2021-2024/commitments/1-1',
      '/plans/tw-2021-2024/commitments/1-1/history',
      '/agencies',
      '/en/agencies/NDC',
      '/api/v1/openapi.json',
    ]) {
      const res = await ctx.app.request(path);
      assert.equal(res.status, 200, path);
    }
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(await ctx.app.request('/api/v1/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/plans/{id}/commitments'] && doc.paths['/milestones/{id}']);
    assert.equal((await ctx.app.request('/plans/tw-2021-2024/commitments/9-9')).status, 404);
    assert.equal((await ctx.app.request('/api/v1/commitments/99999')).status, 404);
    assert.equal((await ctx.app.request('/api/v1/commitments/abc')).status, 400);
  });
});

describe('bad input', () => {
  test('a milestone ending after its commitment: 400 naming endDate, nothing written (API)', async () => {
    const id = ids['4-1'] as number;
    const beforeCount = (await milestonesOf(id)).length;
    const res = await secretariat.api('POST', `/api/v1/commitments/${id}/milestones`, {
      deliverable: { zh: '新指標', en: 'New milestone' },
      startDate: '2023-01-01',
      endDate: '2030-12-31',
    });
    assert.equal(res.status, 400);
    const body = await json<{ error: string; fields: Record<string, string> }>(res);
    assert.ok(body.fields.endDate, JSON.stringify(body));
    assert.match(body.fields.endDate, /commitment/);
    assert.equal((await milestonesOf(id)).length, beforeCount);
  });

  test('messages follow the language asked for', async () => {
    const res = await secretariat.api('POST', `/api/v1/commitments/${ids['4-1']}/milestones?lang=zh-TW`, {
      deliverable: { zh: '新指標' },
      startDate: '2023-02-30',
      endDate: '2023-03-01',
    });
    assert.equal(res.status, 400);
    const body = await json<{ fields: Record<string, string> }>(res);
    assert.equal(body.fields.startDate, '請以 YYYY-MM-DD 格式輸入有效日期。');
  });

  test('the form shows the message beside the field in the page language, and keeps the typed text', async () => {
    const list = await milestonesOf(ids['4-1'] as number);
    const m = list[0] as Milestone;
    const path = `/en/plans/tw-2021-2024/commitments/4-1/milestones/${m.id}/edit`;
    await secretariat.get(path);
    const res = await secretariat.postForm(path, {
      version: String(m.version),
      'deliverable.zh': m.deliverable.zh,
      'deliverable.en': 'Typed text that must survive',
      'deliverable.status': 'draft',
      startDate: m.startDate,
      endDate: '2031-01-01',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /<p class="field-error" id="err-endDate">Must fall within the commitment&#39;s dates/);
    assert.match(html, /Typed text that must survive/);
    assert.equal((await milestonesOf(ids['4-1'] as number))[0]?.version, m.version, 'nothing written');
  });

  test('malformed JSON and unknown fields of the wrong type get 400, never 500', async () => {
    const res = await secretariat.request(`/api/v1/commitments/${ids['4-1']}/milestones`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': secretariat.csrf },
      body: '{"deliverable":',
    });
    assert.equal(res.status, 400);
    const wrong = await secretariat.api('PATCH', `/api/v1/commitments/${ids['1-1']}`, {
      version: 'x',
      ogpValues: 'transparency',
      links: [{ title: 'a', url: 'javascript:alert(1)' }],
    });
    assert.equal(wrong.status, 400);
    const body = await json<{ fields: Record<string, string> }>(wrong);
    assert.ok(body.fields.version && body.fields.ogpValues && body.fields['links.0.url'], JSON.stringify(body.fields));
  });

  test('a commitment with only Inclusion and an over-long brief is refused with both fields named', async () => {
    const c = await commitment(ids['3-1'] as number);
    const res = await secretariat.api('PATCH', `/api/v1/commitments/${c.id}`, {
      version: c.version,
      ogpValues: ['inclusion'],
      briefDescription: { zh: '字'.repeat(141) },
    });
    assert.equal(res.status, 400);
    const body = await json<{ fields: Record<string, string> }>(res);
    assert.ok(body.fields.ogpValues && body.fields['briefDescription.zh'], JSON.stringify(body.fields));
  });
});

describe('authorization by role and ownership', () => {
  test('an agency officer editing another agency’s commitment gets 403 (API and form)', async () => {
    const c = await commitment(ids['1-1'] as number); // led by NDC
    const res = await officerMoi.api('PATCH', `/api/v1/commitments/${c.id}`, { version: c.version, title: { en: 'Hijacked' } });
    assert.equal(res.status, 403);
    const form = await officerMoi.get('/plans/tw-2021-2024/commitments/1-1/edit');
    assert.equal(form.status, 403);
    const post = await officerMoi.postForm('/plans/tw-2021-2024/commitments/1-1/edit', { version: String(c.version), 'title.en': 'Hijacked' });
    assert.equal(post.status, 403);
    assert.equal((await commitment(c.id)).title.en, c.title.en);
  });

  test('the officer edits their own commitment, but not where it sits in the plan', async () => {
    const c = await commitment(ids['4-1'] as number);
    const ok = await officerMoi.api('PATCH', `/api/v1/commitments/${c.id}`, {
      version: c.version,
      objective: { en: 'Publish every political donation within 30 days.' },
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    const updated = await json<Commitment>(ok);
    const moved = await officerMoi.api('PATCH', `/api/v1/commitments/${c.id}`, { version: updated.version, leadAgencyId: ctx.agencies.get('NDC') });
    assert.equal(moved.status, 403);
    assert.match((await json<{ error: string }>(moved)).error, /leadAgencyId/);
  });

  const matrix: { who: 'anonymous' | 'public' | 'officer' | 'secretariat'; commitment: string; expect: number }[] = [
    { who: 'anonymous', commitment: '4-1', expect: 401 },
    { who: 'public', commitment: '4-1', expect: 403 },
    { who: 'officer', commitment: '4-1', expect: 201 },
    { who: 'officer', commitment: '1-1', expect: 403 },
    { who: 'secretariat', commitment: '1-1', expect: 201 },
  ];
  for (const row of matrix) {
    test(`${row.who} adds a milestone to ${row.commitment} → ${row.expect}`, async () => {
      let client: Client;
      if (row.who === 'anonymous') client = new Client(ctx.app);
      else if (row.who === 'public') {
        await addUser(ctx, `public-${row.commitment}@example.org`, 'public').catch(() => 0);
        client = await signedIn(ctx.app, `public-${row.commitment}@example.org`);
      } else client = row.who === 'officer' ? officerMoi : secretariat;
      const res = await client.api('POST', `/api/v1/commitments/${ids[row.commitment]}/milestones`, {
        deliverable: { zh: '年度報告', en: 'Annual report' },
        startDate: '2022-01-01',
        endDate: '2022-06-30',
      });
      assert.equal(res.status, row.expect, await res.clone().text());
    });
  }

  test('secretariat-only actions are refused to officers', async () => {
    const plan = await json<{ version: number }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}`));
    assert.equal((await officerMoi.api('PATCH', `/api/v1/plans/${ctx.planId}`, { version: plan.version, status: 'closed' })).status, 403);
    assert.equal((await officerMoi.api('POST', `/api/v1/plans/${ctx.planId}/areas`, { position: 9, title: { zh: '新領域' } })).status, 403);
    assert.equal((await officerMoi.api('DELETE', `/api/v1/commitments/${ids['4-1']}?version=1`)).status, 403);
    assert.equal((await officerMoi.api('POST', '/api/v1/agencies', { code: 'NEW', name: { zh: '新機關' } })).status, 403);
  });

  test('writes without the CSRF token are refused and change nothing', async () => {
    const c = await commitment(ids['4-1'] as number);
    const res = await secretariat.api('PATCH', `/api/v1/commitments/${c.id}`, { version: c.version, title: { en: 'No token' } }, { 'x-csrf-token': 'wrong' });
    assert.equal(res.status, 403);
    const form = await secretariat.postForm('/plans/tw-2021-2024/commitments/4-1/edit', { version: String(c.version), 'title.en': 'No token' }, false);
    assert.equal(form.status, 403);
    assert.equal((await commitment(c.id)).version, c.version);
  });

  test('a bearer token works without CSRF and acts as its user', async () => {
    const created = await officerMoi.api('POST', '/api/v1/tokens', { name: 'script', scope: 'write' });
    assert.equal(created.status, 201);
    const { token } = await json<{ token: string }>(created);
    // No cookie and no CSRF header: only the token.
    const patch = (id: number, body: unknown) =>
      ctx.app.request(`/api/v1/commitments/${id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const own = await commitment(ids['4-1'] as number); // led by MOI, the token's user's agency
    const objective = `Written by a script ${Date.now()}`;
    const written = await patch(own.id, { version: own.version, objective: { en: objective } });
    assert.equal(written.status, 200, await written.clone().text());
    assert.equal((await commitment(own.id)).version, own.version + 1);
    const history = await json<{ items: { entityType: string; action: string; actorName: string; changes: { field: string; after: { en: string } }[] }[] }>(
      await ctx.app.request(`/api/v1/commitments/${own.id}/history`),
    );
    const entry = history.items.find((h) => h.entityType === 'commitment' && h.changes.some((ch) => ch.field === 'objective' && ch.after.en === objective));
    assert.equal(entry?.actorName, 'moi', 'the write is recorded as the token’s user');
    const c = await commitment(ids['1-1'] as number);
    const refused = await patch(c.id, { version: c.version, title: { en: 'x' } });
    assert.equal(refused.status, 403, 'the token can do what its user can, no more');
    const bogus = await ctx.app.request('/api/v1/plans', { headers: { authorization: 'Bearer nope' } });
    assert.equal(bogus.status, 401);
  });
});

describe('concurrency and history', () => {
  test('two edits from the same version: one succeeds, one gets 409 with the current values', async () => {
    const c = await commitment(ids['2-2'] as number);
    const [a, b] = await Promise.all([
      secretariat.api('PATCH', `/api/v1/commitments/${c.id}`, { version: c.version, title: { en: 'Edit A' } }),
      secretariat.api('PATCH', `/api/v1/commitments/${c.id}`, { version: c.version, title: { en: 'Edit B' } }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const conflict = a.status === 409 ? a : b;
    const winner = a.status === 200 ? 'Edit A' : 'Edit B';
    const body = await json<{ error: string; current: Commitment }>(conflict);
    assert.equal(body.current.title.en, winner);
    assert.equal(body.current.version, c.version + 1);
    assert.equal((await commitment(c.id)).title.en, winner);
  });

  test('a stale form shows the conflict and the stored values instead of overwriting', async () => {
    const m = (await milestonesOf(ids['2-3'] as number))[0] as Milestone;
    await secretariat.api('PATCH', `/api/v1/milestones/${m.id}`, { version: m.version, deliverable: { en: 'Saved first' } });
    const path = `/plans/tw-2021-2024/commitments/2-3/milestones/${m.id}/edit`;
    await secretariat.get(path);
    const res = await secretariat.postForm(path, { version: String(m.version), 'deliverable.en': 'Saved second', startDate: m.startDate, endDate: m.endDate });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /Saved first/);
    assert.equal((await milestonesOf(ids['2-3'] as number))[0]?.deliverable.en, 'Saved first');
  });

  test('every change is in the history with who, when, before and after', async () => {
    const m = (await milestonesOf(ids['4-1'] as number))[0] as Milestone;
    const res = await officerMoi.api('PATCH', `/api/v1/milestones/${m.id}`, { version: m.version, deliverable: { en: 'Disclosure portal v2' } });
    assert.equal(res.status, 200);
    const history = await json<{
      items: { entityType: string; action: string; actorName: string; changes: { field: string; before: { en: string }; after: { en: string } }[] }[];
    }>(await ctx.app.request(`/api/v1/commitments/${ids['4-1']}/history`));
    const entry = history.items.find((h) => h.entityType === 'milestone' && h.action === 'update');
    assert.ok(entry);
    assert.equal(entry.actorName, 'moi');
    const change = entry.changes.find((ch) => ch.field === 'deliverable');
    assert.equal(change?.before.en, m.deliverable.en);
    assert.equal(change?.after.en, 'Disclosure portal v2');
    const page = await (await ctx.app.request('/en/plans/tw-2021-2024/commitments/4-1/history')).text();
    assert.match(page, /Disclosure portal v2/);
    assert.match(page, /moi/);
  });

  test('the form journey: officer edits a milestone and is sent back to the commitment', async () => {
    const m = (await milestonesOf(ids['4-1'] as number))[1] as Milestone;
    const path = `/plans/tw-2021-2024/commitments/4-1/milestones/${m.id}/edit`;
    assert.equal((await officerMoi.get(path)).status, 200);
    const res = await officerMoi.postForm(path, {
      version: String(m.version),
      'deliverable.en': 'Edited through the form',
      'deliverable.status': 'reviewed',
      startDate: m.startDate,
      endDate: m.endDate,
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/plans/tw-2021-2024/commitments/4-1#m${m.id}`);
    const stored = (await milestonesOf(ids['4-1'] as number))[1] as Milestone;
    assert.equal(stored.deliverable.en, 'Edited through the form');
    assert.equal(stored.deliverable.status, 'reviewed');
    assert.equal(stored.deliverable.zh, m.deliverable.zh);
  });
});

describe('output is escaped', () => {
  test('markup in content is shown as text', async () => {
    const c = await commitment(ids['5-1'] as number);
    const res = await secretariat.api('PATCH', `/api/v1/commitments/${c.id}`, { version: c.version, title: { en: '<script>alert(1)</script>' } });
    assert.equal(res.status, 200);
    const html = await (await ctx.app.request('/en/plans/tw-2021-2024/commitments/5-1')).text();
    assert.ok(!html.includes('<script>alert(1)</script>'));
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('secretariat forms', () => {
  test('edit the plan; an impossible status change is refused naming the field', async () => {
    const plan = await json<{ version: number; status: string }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}`));
    assert.equal((await secretariat.get('/plans/tw-2021-2024/edit')).status, 200);
    const bad = await secretariat.postForm('/plans/tw-2021-2024/edit', { version: String(plan.version), status: 'drafting' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="err-status"/);
    const ok = await secretariat.postForm('/plans/tw-2021-2024/edit', { version: String(plan.version), 'introduction.en': 'A new introduction.' });
    assert.equal(ok.status, 303);
    const after = await json<{ introduction: { en: string; status: string } }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}`));
    assert.equal(after.introduction.en, 'A new introduction.');
    assert.equal(after.introduction.status, 'draft');
  });

  test('add an area and a commitment through the forms; unchecked boxes clear values', async () => {
    await secretariat.get('/plans/tw-2021-2024/areas/new');
    const area = await secretariat.postForm('/plans/tw-2021-2024/areas/new', {
      position: '6',
      'title.zh': '六、數位參與',
      'title.en': 'Digital participation',
    });
    assert.equal(area.status, 303);
    const areas = await json<{ items: { id: number; title: { en: string } }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/areas`));
    const newArea = areas.items.find((a) => a.title.en === 'Digital participation');
    assert.ok(newArea);
    await secretariat.get('/plans/tw-2021-2024/commitments/new');
    const fields = {
      areaId: String(newArea.id),
      number: '6-1',
      ogpId: 'TW0020',
      'title.zh': '線上參與平臺',
      'title.en': 'Online participation platform',
      startDate: '2022-01-01',
      endDate: '2023-12-31',
      leadAgencyId: String(ctx.agencies.get('NDC')),
      coAgencyIds: ['', String(ctx.agencies.get('MOI'))],
      origin: 'joint',
      status: 'not-started',
      ogpValues: ['', 'civic-participation', 'inclusion'],
      sdgTargets: '16.7, 16.10',
      links: 'Portal https://join.gov.tw/',
    };
    const missingTitle = await secretariat.postForm('/plans/tw-2021-2024/commitments/new', { ...fields, 'title.zh': '', 'title.en': '' });
    assert.equal(missingTitle.status, 400);
    assert.match(await missingTitle.text(), /id="err-title"/);
    const created = await secretariat.postForm('/plans/tw-2021-2024/commitments/new', fields);
    assert.equal(created.status, 303, await created.clone().text());
    assert.equal(created.headers.get('location'), '/plans/tw-2021-2024/commitments/6-1');
    type Full = Commitment & { coAgencyIds: number[]; ogpValues: string[]; sdgTargets: string[]; links: { url: string }[] };
    const inArea = await json<{ items: Full[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?area=${newArea.id}`));
    const c = inArea.items[0];
    assert.ok(c);
    assert.deepEqual(c.coAgencyIds, [ctx.agencies.get('MOI')]);
    assert.deepEqual(c.ogpValues, ['civic-participation', 'inclusion']);
    assert.deepEqual(c.sdgTargets, ['16.7', '16.10']);
    assert.equal(c.links[0]?.url, 'https://join.gov.tw/');
    const dup = await secretariat.postForm('/plans/tw-2021-2024/commitments/new', fields);
    assert.equal(dup.status, 400, 'the number is taken');
    // Unchecking every value clears them (the hidden empty value is still sent).
    await secretariat.get('/plans/tw-2021-2024/commitments/6-1/edit');
    const cleared = await secretariat.postForm('/plans/tw-2021-2024/commitments/6-1/edit', { version: String(c.version), ogpValues: [''] });
    assert.equal(cleared.status, 303);
    const reread = await json<{ ogpValues: string[] }>(await ctx.app.request(`/api/v1/commitments/${c.id}`));
    assert.deepEqual(reread.ogpValues, []);
  });
});

describe('the status the public sees follows the latest submitted report (issue #10, item 9)', () => {
  type Report = {
    id: number;
    version: number;
    cycleNumber: number;
    state: string;
    milestones: { status: 'not-started' | 'in-progress' | 'completed' | 'delayed' | 'withdrawn' }[];
  };
  type Listed = Commitment & { status: 'not-started' | 'in-progress' | 'completed' | 'withdrawn' };
  const latestSubmitted = async (id: number) => {
    const { items } = await json<{ items: Report[] }>(await ctx.app.request(`/api/v1/commitments/${id}/reports`));
    return items.filter((r) => r.state === 'submitted').sort((a, b) => b.cycleNumber - a.cycleNumber)[0] ?? null;
  };
  /** The status badge in the row of commitment `number` on a plan page. */
  const rowStatus = (html: string, number: string) => new RegExp(`/commitments/${number}"[\\s\\S]*?class="status status-([a-z-]+)"`).exec(html)?.[1];
  const planPage = async (query = '') => (await ctx.app.request(`/plans/tw-2021-2024${query}`)).text();
  /** The status in the commitment page's summary (the first status badge in a definition). */
  const pageStatus = async (number: string) =>
    /<dd><span class="status status-([a-z-]+)">/.exec(await (await ctx.app.request(`/plans/tw-2021-2024/commitments/${number}`)).text())?.[1];

  test('every row of the plan page shows the status its latest report gives', async () => {
    const { items } = await json<{ items: Listed[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
    const html = await planPage();
    assert.ok(items.length >= 19);
    for (const c of items)
      assert.equal(rowStatus(html, c.number), publicCommitmentStatus(c.status, (await latestSubmitted(c.id))?.milestones ?? null), c.number);
  });

  test('set "in progress" by hand: "not started" until a report says otherwise, "completed" once one completes it; "withdrawn" explains', async () => {
    // A commitment of its own, so the demo reports do not matter.
    const plan = await json<{ periodStart: string; periodEnd: string }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}`));
    const areas = await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/areas`));
    const made = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/commitments`, {
      areaId: areas.items[0]?.id,
      number: '9-1',
      title: { zh: '狀態測試', en: 'Status test' },
      startDate: plan.periodStart,
      endDate: plan.periodEnd,
      leadAgencyId: ctx.agencies.get('NDC'),
      origin: 'government',
      status: 'in-progress',
    });
    assert.equal(made.status, 201, await made.clone().text());
    const c = await json<Commitment>(made);
    const m = await json<{ id: number }>(
      await secretariat.api('POST', `/api/v1/commitments/${c.id}/milestones`, {
        deliverable: { zh: '交付' },
        startDate: plan.periodStart,
        endDate: plan.periodEnd,
      }),
    );
    assert.equal(await pageStatus('9-1'), 'not-started', 'no report yet: silence does not read as progress');

    let cycles = (await json<{ items: { id: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`))).items;
    if (cycles.length === 0)
      cycles = (await json<{ items: { id: number }[] }>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {}))).items;
    const draft = await secretariat.api('POST', `/api/v1/commitments/${c.id}/reports`, {
      cycleId: cycles[0]?.id,
      achievements: { zh: '完成' },
      milestones: [{ milestoneId: m.id, status: 'completed', percent: 100 }],
    });
    assert.equal(draft.status, 201, await draft.clone().text());
    const report = await json<Report>(draft);
    assert.equal(await pageStatus('9-1'), 'not-started', 'a draft is not a report the public sees');
    assert.equal((await secretariat.api('POST', `/api/v1/reports/${report.id}/submit`, { version: report.version })).status, 200);

    assert.equal(((await commitment(c.id)) as Listed).status, 'in-progress', 'the stored status is unchanged, and the API still gives it');
    assert.equal(await pageStatus('9-1'), 'completed');
    assert.equal(rowStatus(await planPage(), '9-1'), 'completed');
    assert.equal(rowStatus(await planPage('?status=in-progress'), '9-1'), undefined, 'the status filter matches the status shown');
    assert.equal(rowStatus(await planPage('?status=completed'), '9-1'), 'completed');
    assert.match(await (await ctx.app.request('/agencies/NDC')).text(), /\/commitments\/9-1"[\s\S]*?class="status status-completed"/);

    const current = await commitment(c.id);
    assert.equal((await secretariat.api('PATCH', `/api/v1/commitments/${c.id}`, { version: current.version, status: 'withdrawn' })).status, 200);
    assert.equal(await pageStatus('9-1'), 'withdrawn');
  });

  test('a form shown again keeps what was typed, even where it did not parse', async () => {
    const c = await commitment(ids['3-1'] as number);
    await secretariat.get('/plans/tw-2021-2024/commitments/3-1/edit');
    const res = await secretariat.postForm('/plans/tw-2021-2024/commitments/3-1/edit', {
      version: String(c.version),
      budgetAmount: 'lots',
      'title.en': 'Typed title',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(
      html,
      /<p class="field-error" id="err-budgetAmount">[^<]+<\/p><input id="f-budgetAmount" name="budgetAmount" aria-invalid="true"[^>]* value="lots"/,
    );
    assert.match(html, /name="title\.en" lang="en" type="text" value="Typed title"/);
    assert.match(html, new RegExp(`name="version" value="${c.version}"`));
  });
});
