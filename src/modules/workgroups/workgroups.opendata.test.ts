/**
 * Working groups as open data (ADR 0030): every group goes out as its pages show it (chair and co-chair by the name
 * the page shows, never an account or an e-mail address; no member list), and comes back into an empty database
 * byte for byte — with a forum meeting of a working group, which the meetings' Working Group ID refers to — filed in
 * the history, ids past the imported ones; a bad row is refused whole, naming the row and the column.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../domain/system-actor.js';
import { addUser, setup, setupForTest, type TestContext, exportSubset } from '../../../test/helpers.js';
import { seedDemoForum } from '../forum/index.js';
import { exportSite, importData } from '../opendata/index.js';
import { workingGroupColumns } from './workgroups.opendata.js';
import { seedDemoWorkgroups } from './index.js';

const admin = systemActor('workgroups open-data test', 'admin');
const PLAN_TABLES = ['agencies', 'plans', 'areas', 'commitments', 'milestones'];
const TABLES = ['workingGroups', 'meetings'];
const CHAIR = 'chair-account-7731';
const CO_CHAIR = 'cochair-account-7731';
const NONE = JSON.stringify({ zh: '', en: '', status: 'missing' });

let ctx: TestContext;
let work: string;
let doc: Record<string, unknown>;
let groupIds: number[];

before(async () => {
  ctx = await setup();
  await seedDemoWorkgroups(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  const db = ctx.database.db;
  groupIds = (await db.selectFrom('working_groups').select('id').orderBy('id').execute()).map((g) => g.id);
  assert.ok(groupIds.length >= 3);
  // A chair with an account and no stored name (the page shows the account's name), a co-chair with an account, a
  // closed group, and a working group's meeting.
  const chair = await addUser(ctx, `${CHAIR}@example.org`, 'agency-officer', ['MOJ']);
  const coChair = await addUser(ctx, `${CO_CHAIR}@example.org`, 'public');
  await db
    .updateTable('working_groups')
    .set({ chair_user_id: chair, chair_name: JSON.stringify({ zh: '', en: '', status: 'missing' }) })
    .where('id', '=', groupIds[0] ?? 0)
    .execute();
  await db
    .updateTable('working_groups')
    .set({ co_chair_user_id: coChair, is_open: false, closed_reason: JSON.stringify({ zh: '名額已滿', en: 'Full', status: 'reviewed' }) })
    .where('id', '=', groupIds[1] ?? 0)
    .execute();
  const meeting = await db.selectFrom('forum_meetings').select('id').where('kind', '=', 'working-group').orderBy('id').executeTakeFirstOrThrow();
  await db
    .updateTable('forum_meetings')
    .set({ working_group_id: groupIds[1] ?? 0 })
    .where('id', '=', meeting.id)
    .execute();
  work = await mkdtemp(join(tmpdir(), 'workgroups-opendata-'));
  await exportSite(db, join(work, 'first'));
  doc = JSON.parse(await readFile(join(work, 'first', 'data.json'), 'utf8')) as Record<string, unknown>;
});
after(async () => {
  await ctx.close();
  await rm(work, { recursive: true, force: true });
});

const only = (tables: readonly string[], replace: Record<string, unknown[]> = {}): Buffer => exportSubset(doc, tables, replace);
const rows = (name: string): Record<string, unknown>[] => doc[name] as Record<string, unknown>[];

describe('working groups open data', () => {
  test('every group, as its page shows it: commitments, chair and co-chair by name, open or closed with the reason', async () => {
    assert.equal(rows('workingGroups').length, groupIds.length);
    const [first, second] = rows('workingGroups');
    assert.deepEqual(first?.chairName, { zh: CHAIR, en: CHAIR, status: 'reviewed' });
    assert.deepEqual(second?.coChairName, { zh: CO_CHAIR, en: CO_CHAIR, status: 'reviewed' });
    assert.equal(second?.open, false);
    assert.deepEqual(second?.closedReason, { zh: '名額已滿', en: 'Full', status: 'reviewed' });
    const stored = await ctx.database.db.selectFrom('working_group_commitments').select(['working_group_id', 'commitment_id']).execute();
    assert.equal(rows('workingGroups').flatMap((g) => g.commitmentIds as number[]).length, stored.length);
    assert.ok(rows('meetings').some((m) => m.workingGroupId === groupIds[1]));
    const csv = await readFile(join(work, 'first', 'csv', 'workingGroups.csv'), 'utf8');
    assert.match(csv.split('\n')[0] ?? '', /^Working Group ID,Action Plan ID,Working Group Slug,Working Group Type,Working Group Name \(zh-TW\)/);
  });

  test('no account id, no e-mail address, no member: not a column, not in any file', async () => {
    for (const c of workingGroupColumns) {
      assert.doesNotMatch(c.key, /user|account|e-?mail|member/i, c.key);
      assert.doesNotMatch(c.name, /user|account|e-?mail/i, c.name);
    }
    const emails = (await ctx.database.db.selectFrom('users').select('email').execute()).map((u) => u.email);
    const members = await ctx.database.db.selectFrom('working_group_members').select('user_id').execute();
    assert.ok(emails.length > 2 && members.length > 0);
    const files = ['data.json', ...(await readdir(join(work, 'first', 'csv'))).map((f) => join('csv', f))];
    for (const name of files) {
      const text = await readFile(join(work, 'first', name), 'utf8');
      for (const email of emails) assert.ok(!text.includes(email), `${name} holds ${email}`);
    }
    for (const group of rows('workingGroups'))
      assert.deepEqual(
        Object.keys(group),
        workingGroupColumns.map((c) => c.key),
      );
  });

  test('export → import into an empty database → export: the same bytes, names without accounts, in the history', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const db = empty.database.db;
    const summary = await importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, ...TABLES]) });
    assert.equal(summary.tables.find((s) => s.name === 'workingGroups')?.created, rows('workingGroups').length);
    const second = join(work, 'second');
    await exportSite(db, second);
    for (const name of [...PLAN_TABLES, ...TABLES]) {
      const [a, b] = await Promise.all([readFile(join(work, 'first', 'csv', `${name}.csv`)), readFile(join(second, 'csv', `${name}.csv`))]);
      assert.ok(a.equals(b), `${name}.csv is byte-identical`);
    }
    const again = JSON.parse(await readFile(join(second, 'data.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(again.workingGroups, doc.workingGroups);

    const imported = await db.selectFrom('working_groups').select(['chair_user_id', 'co_chair_user_id', 'chair_name']).orderBy('id').execute();
    assert.ok(imported.every((g) => g.chair_user_id === null && g.co_chair_user_id === null));
    assert.equal(imported[0]?.chair_name.en, CHAIR);
    assert.equal(
      Number(
        (
          await db
            .selectFrom('working_group_members')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );

    const history = await db
      .selectFrom('history')
      .select(['entity_type', 'entity_id', 'action', 'actor_name', 'commitment_id'])
      .where('entity_type', '=', 'working-group')
      .execute();
    assert.equal(history.length, rows('workingGroups').length);
    assert.ok(history.every((h) => h.action === 'create' && h.actor_name === 'workgroups open-data test'));
    const ownGroup = rows('workingGroups').find((g) => g.kind === 'commitment');
    assert.equal(history.find((h) => h.entity_id === ownGroup?.id)?.commitment_id, (ownGroup?.commitmentIds as number[])[0]);

    const maxId = Math.max(...groupIds);
    const next = await db
      .insertInto('working_groups')
      .values({
        plan_id: ctx.planId,
        slug: 'after-import',
        name: NONE,
        purpose: NONE,
        rules: NONE,
        chair_name: NONE,
        co_chair_name: NONE,
        closed_reason: NONE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(next.id > maxId);

    const repeat = await importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, ...TABLES]) });
    assert.ok(repeat.tables.every((s) => s.created === 0 && s.updated === 0));
  });

  test('the CSV imports back into the same bytes (lists, bools); an update keeps a chair’s account', async (t) => {
    const csv = await readFile(join(work, 'first', 'csv', 'workingGroups.csv'));
    const empty = await setupForTest(t, { seed: false });
    await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: only(PLAN_TABLES) });
    await importData({ db: empty.database.db }, admin, 'en', { kind: 'csv', bytes: csv, fileName: 'workingGroups.csv' });
    const third = join(work, 'third');
    await exportSite(empty.database.db, third);
    assert.ok(csv.equals(await readFile(join(third, 'csv', 'workingGroups.csv'))));

    // Into the site it came from: a changed purpose is an update; the chair's and co-chair's accounts stay.
    const changed = rows('workingGroups').map((g, i) => (i < 2 ? { ...g, purpose: { zh: '新目的', en: 'New purpose', status: 'reviewed' } } : g));
    const summary = await importData({ db: ctx.database.db }, admin, 'en', { kind: 'json', bytes: only(['workingGroups'], { workingGroups: changed }) });
    assert.equal(summary.tables[0]?.updated, 2);
    const kept = await ctx.database.db
      .selectFrom('working_groups')
      .select(['chair_user_id', 'co_chair_user_id', 'version'])
      .where('id', 'in', groupIds.slice(0, 2))
      .orderBy('id')
      .execute();
    assert.ok(kept[0]?.chair_user_id !== null && kept[1]?.co_chair_user_id !== null);
    assert.ok(kept.every((g) => g.version === 2));
  });

  test('a bad row is refused whole, naming the row and the column; a slug used twice is refused; nothing is written', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const db = empty.database.db;
    const groups = rows('workingGroups');
    const commitments = (rows('commitments') as { id: number }[]).map((c) => c.id);
    const bad = groups.map((g, i) =>
      i === 0
        ? { ...g, kind: 'commitment', commitmentIds: commitments.slice(0, 2) }
        : i === 2
          ? { ...g, open: false, closedReason: { zh: '', en: '', status: 'missing' } }
          : i === 3
            ? { ...g, slug: 'Not A Slug' }
            : g,
    );
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, 'workingGroups'], { workingGroups: bad }) }),
      (e: Error & { messages?: Record<string, string> }) => {
        const text = JSON.stringify(e.messages);
        assert.match(text, /workingGroups, row 1, column commitmentIds/);
        assert.match(text, /workingGroups, row 3, column closedReason/);
        assert.match(text, /workingGroups, row 4, column slug/);
        return true;
      },
    );
    const clash = groups.map((g, i) => (i === 1 ? { ...g, slug: groups[0]?.slug } : g));
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, 'workingGroups'], { workingGroups: clash }) }),
      (e: Error & { problems?: { field: string; key: string }[] }) => {
        assert.deepEqual(e.problems, [{ field: `workingGroups.slug (ID ${groups[1]?.id as number})`, key: 'error.taken' }]);
        return true;
      },
    );
    const left = await db
      .selectFrom('working_groups')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(left.n), 0);
    // The meetings of a group the file does not bring are refused, naming the row.
    const meetings = rows('meetings');
    const row = meetings.findIndex((m) => m.workingGroupId !== null) + 1;
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, 'meetings']) }),
      (e: Error & { messages?: Record<string, string> }) => {
        assert.match(JSON.stringify(e.messages), new RegExp(`meetings, row ${row}, column workingGroupId: No row of workingGroups`));
        return true;
      },
    );
  });
});
