/** Cursor pagination (ADR 0034): walking the API's lists of inputs and of commitments by `limit` and `cursor` sees every row once. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoParticipation } from '../src/modules/participation/index.js';
import { json, setup, type TestContext } from './helpers.js';
import { encodeCursor } from '../src/web/cursor.js';

let ctx: TestContext;
let base: string;

before(async () => {
  ctx = await setup();
  ctx.clock.now = new Date('2022-06-15T02:00:00Z');
  await seedDemoParticipation(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  base = `/api/v1/plans/${ctx.planId}/inputs`;
});
after(() => ctx.close());

interface Page {
  items: { id: number }[];
  total: number;
  page?: number;
  perPage: number;
  next?: string | null;
}

async function byPages(): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const body = await json<Page>(await ctx.app.request(`${base}?page=${page}`));
    assert.equal(body.page, page, 'the page answer keeps its shape');
    assert.equal('next' in body, false);
    ids.push(...body.items.map((i) => i.id));
    if (ids.length >= body.total || body.items.length === 0) return ids;
  }
}

describe('cursor pagination', () => {
  test('a walk by limit and cursor, following next or the Link header, sees every input once, in the order pages give', async () => {
    const expected = await byPages();
    assert.ok(expected.length > 20, `the demo has many inputs (${expected.length})`);
    for (const follow of ['next', 'link'] as const) {
      const seen: number[] = [];
      let url: string | null = `${base}?limit=7`;
      let pages = 0;
      while (url) {
        const res = await ctx.app.request(url);
        assert.equal(res.status, 200, url);
        const body = await json<Page>(res);
        pages++;
        assert.ok(body.items.length <= 7);
        assert.equal(body.perPage, 7);
        assert.equal(body.total, expected.length);
        assert.equal('page' in body, false);
        seen.push(...body.items.map((i) => i.id));
        const link = res.headers.get('link');
        if (body.next) {
          assert.ok(link, 'a Link header while more follow');
          const target = /^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? '';
          assert.ok(target.startsWith(`${base}?`), link);
          assert.ok(target.includes(`cursor=${body.next}`) && target.includes('limit=7'));
          url = follow === 'next' ? `${base}?limit=7&cursor=${body.next}` : target;
        } else {
          assert.equal(body.next, null);
          assert.equal(link, null, 'no Link on the last page');
          url = null;
        }
        assert.ok(pages < 100);
      }
      assert.deepEqual(seen, expected, follow);
      assert.equal(new Set(seen).size, seen.length, 'none twice');
    }
  });

  test('filters hold across the walk; a new input written mid-walk does not shift the rest', async () => {
    const first = await json<Page>(await ctx.app.request(`${base}?limit=5&kind=comment`));
    const all = await json<Page>(await ctx.app.request(`${base}?limit=200&kind=comment`));
    assert.ok(first.next);
    // A newer row appears between the pages: offsets would repeat the first page's last row; the key does not.
    const [row] = await ctx.database.db.selectFrom('inputs').selectAll().where('plan_id', '=', ctx.planId).where('kind', '=', 'comment').limit(1).execute();
    const { id: _id, ...copy } = row!;
    await ctx.database.db
      .insertInto('inputs')
      .values({ ...copy, submitted_at: new Date('2030-01-01T00:00:00Z') } as never)
      .execute();
    const rest: number[] = [];
    let cursor: string | null | undefined = first.next;
    while (cursor) {
      const page: Page = await json<Page>(await ctx.app.request(`${base}?limit=5&kind=comment&cursor=${cursor}`));
      rest.push(...page.items.map((i) => i.id));
      cursor = page.next;
    }
    assert.deepEqual(
      [...first.items.map((i) => i.id), ...rest],
      all.items.map((i) => i.id),
    );
  });

  test('a bad cursor or limit is 400 naming the field, in both languages', async () => {
    const other = encodeCursor('speeches', ['2022-01-01T00:00:00.000000', 1]);
    const wrongShape = encodeCursor('inputs', ['2022-13-45T99:00:00.000000', 1]);
    const negative = encodeCursor('inputs', ['2022-01-01T00:00:00.000000', -1]);
    for (const cursor of ['!!', 'bm90IGpzb24', other, wrongShape, negative, encodeCursor('inputs', []), 'x'.repeat(1001), '%00']) {
      const res = await ctx.app.request(`${base}?cursor=${cursor}`, { headers: { 'accept-language': 'en' } });
      assert.equal(res.status, 400, cursor);
      const body = await json<{ fields: Record<string, string> }>(res);
      assert.ok(body.fields.cursor, `${cursor}: ${JSON.stringify(body)}`);
    }
    const zh = await json<{ fields: Record<string, string> }>(await ctx.app.request(`${base}?cursor=${other}`, { headers: { 'accept-language': 'zh-TW' } }));
    assert.match(zh.fields.cursor ?? '', /游標/);
    for (const limit of ['0', '201', 'ten', '-1', '1.5']) {
      const res = await ctx.app.request(`${base}?limit=${limit}`, { headers: { 'accept-language': 'en' } });
      assert.equal(res.status, 400, limit);
      assert.ok((await json<{ fields: Record<string, string> }>(res)).fields.limit, limit);
    }
  });
});

interface CommitmentPage {
  items: { id: number; number: string }[];
  total: number;
  page?: number;
  next?: string | null;
}

describe('cursor pagination of a plan’s commitments', () => {
  const commitments = () => `/api/v1/plans/${ctx.planId}/commitments`;

  test('a walk sees every commitment once, in number order (parts compared as integers), filters held', async () => {
    for (const filter of ['', '&value=civic-participation']) {
      const allRes = await ctx.app.request(`${commitments()}?perPage=200${filter}`);
      assert.equal(allRes.status, 200);
      const all = await json<CommitmentPage>(allRes);
      assert.ok(all.items.length > 3, `the demo has commitments (${all.items.length})`);
      const seen: string[] = [];
      let url: string | null = `${commitments()}?limit=2${filter}`;
      while (url) {
        const res = await ctx.app.request(url);
        assert.equal(res.status, 200, url);
        const body = await json<CommitmentPage>(res);
        assert.equal(body.total, all.total);
        assert.equal('page' in body, false);
        seen.push(...body.items.map((i) => i.number));
        url = body.next ? (/^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')?.[1] ?? null) : null;
        if (body.next) assert.ok(url, 'a Link header while more follow');
        assert.ok(seen.length <= all.total);
      }
      assert.deepEqual(
        seen,
        all.items.map((i) => i.number),
        filter,
      );
    }
    // Number order, not text order: each number's parts compared as integers.
    const numbers = (await json<CommitmentPage>(await ctx.app.request(`${commitments()}?perPage=200`))).items.map((i) => i.number);
    const key = (n: string): number => Number(n.split('-')[0]) * 1000 + Number(n.split('-')[1]);
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => key(a) - key(b)),
    );
  });

  test('a cursor of another list, a number of the wrong shape or an id out of range is 400 naming cursor', async () => {
    for (const cursor of [
      encodeCursor('inputs', ['1-1', 1]),
      encodeCursor('commitments', ['1-1-1', 1]),
      encodeCursor('commitments', ['99999999999-1', 1]),
      encodeCursor('commitments', ['1-1', 2 ** 40]),
      encodeCursor('commitments', ['1-1']),
    ]) {
      const res = await ctx.app.request(`${commitments()}?cursor=${cursor}`, { headers: { 'accept-language': 'en' } });
      assert.equal(res.status, 400, cursor);
      assert.ok((await json<{ fields: Record<string, string> }>(res)).fields.cursor);
    }
  });
});
