/**
 * Independent review and the government's self-assessments as open data (ADR 0030, 0036), against a real database:
 * the demo review (published action plan review, results report in comment, the demo city's end-of-commitment
 * assessment) and the demo self-assessment go out through HTTP and come back into an empty database byte for byte,
 * filed in the history, ids past the imported ones; a second import changes nothing. A draft report's and a draft
 * self-assessment's titles are in no export, nor are reviewers' e-mail addresses or the interview log. A unit rated
 * off its scale, or on a dimension its report does not rate, refuses the whole import, naming the column, and
 * nothing is written.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { systemActor } from '../../domain/system-actor.js';
import { addUser, exportSubset, json, setup, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';
import { importData } from '../opendata/index.js';
import { seedDemoSelfAssessment } from '../selfassessment/index.js';
import { seedDemoReview } from './index.js';

const admin = systemActor('review open-data test', 'admin');
const PLAN_TABLES = ['agencies', 'plans', 'areas', 'commitments', 'milestones'];
const REVIEW_TABLES = ['reviewEngagements', 'reviewReports', 'reviewUnits', 'reviewRecommendations', 'reviewRequirements'];
const SELF_TABLES = ['selfAssessments', 'selfAssessmentEntries'];
const DRAFT_TITLE = 'draft-review-title-5521';
const DRAFT_SELF_TITLE = 'draft-self-assessment-5521';

let ctx: TestContext;
let doc: Record<string, unknown>;
let slug: string;

type Row = Record<string, unknown>;
const rows = (d: Record<string, unknown>, name: string): Row[] => d[name] as Row[];
const subset = (replace: Record<string, unknown[]> = {}): Buffer => exportSubset(doc, [...PLAN_TABLES, ...REVIEW_TABLES, ...SELF_TABLES], replace);
const getText = async (c: TestContext, path: string): Promise<string> => {
  const response = await c.app.request(path);
  assert.equal(response.status, 200, path);
  return response.text();
};

before(async () => {
  ctx = await setup();
  const db = ctx.database.db;
  await seedDemoReview(db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoSelfAssessment(db, { planId: ctx.planId });
  slug = (await db.selectFrom('action_plans').select('slug').where('id', '=', ctx.planId).executeTakeFirstOrThrow()).slug;

  // A draft report, by a reviewer of a new engagement, and a draft self-assessment: neither is public.
  await addUser(ctx, 'sec@example.tw', 'secretariat');
  const reviewerId = await addUser(ctx, 'reviewer-5521@example.tw', 'public');
  const secretariat = await signedIn(ctx.app, 'sec@example.tw');
  const reviewer = await signedIn(ctx.app, 'reviewer-5521@example.tw');
  const engagement = await json<{ id: number }>(
    await secretariat.api('POST', '/api/v1/review-engagements', {
      title: { zh: '另一項獨立評估', en: 'Another independent review' },
      periodStart: '2026-01-01',
      periodEnd: '2027-06-01',
      planIds: [ctx.planId],
    }),
  );
  const added = await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reviewers`, { userId: reviewerId, role: 'lead-reviewer' });
  assert.equal(added.status, 200, await added.clone().text());
  const draft = await reviewer.api('POST', `/api/v1/review-engagements/${engagement.id}/reports`, {
    planId: ctx.planId,
    kind: 'action-plan-review',
    title: { zh: DRAFT_TITLE, en: DRAFT_TITLE },
  });
  assert.equal(draft.status, 201, await draft.clone().text());
  const self = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/self-assessments`, {
    year: 2030,
    title: { zh: DRAFT_SELF_TITLE, en: DRAFT_SELF_TITLE },
  });
  assert.equal(self.status, 201, await self.clone().text());

  doc = JSON.parse(await getText(ctx, '/data/site/data.json')) as Record<string, unknown>;
});
after(async () => {
  await ctx.close();
});

describe('independent review as open data', () => {
  test('the public reports and their parts go out; drafts, reviewers’ e-mail addresses and the interview log do not', async () => {
    const db = ctx.database.db;
    assert.equal(rows(doc, 'reviewEngagements').length, (await db.selectFrom('review_engagements').select('id').execute()).length);
    const publicReports = await db.selectFrom('review_reports').select('id').where('state', '<>', 'draft').orderBy('id').execute();
    assert.ok(publicReports.length >= 3);
    assert.deepEqual(
      rows(doc, 'reviewReports').map((r) => r.id),
      publicReports.map((r) => r.id),
    );
    assert.ok(rows(doc, 'reviewReports').some((r) => r.state === 'published') && rows(doc, 'reviewReports').some((r) => r.state === 'comment'));
    assert.ok(rows(doc, 'reviewReports').some((r) => r.kind === 'end-of-commitment' && typeof r.commitmentId === 'number'));
    for (const name of ['reviewUnits', 'reviewRecommendations', 'reviewRequirements', 'selfAssessments', 'selfAssessmentEntries'])
      assert.ok(rows(doc, name).length > 0, name);
    const demo = rows(doc, 'reviewEngagements').find((e) => (e.funding as unknown[]).length === 2);
    assert.deepEqual(demo?.funding, [
      { source: { zh: '民間基金會（示範）', en: 'Civil-society foundations (demo)', status: 'reviewed' }, sector: 'civil-society', sharePercent: 51 },
      { source: { zh: '國家發展委員會', en: 'National Development Council', status: 'reviewed' }, sector: 'government', sharePercent: 49 },
    ]);
    assert.deepEqual(demo?.planIds, [ctx.planId]);
    const rated = rows(doc, 'reviewUnits').find((u) => (u.ratings as Record<string, string>).verifiability === 'verifiable');
    assert.ok(rated && (rated.commitmentIds as number[]).length === 1);
    assert.equal(doc.reviewReviewers, undefined, 'reviewers are not exported');

    // A draft is in no export: the site's and the plan's JSON, the CSVs, every entry of the ZIP.
    const zip = unzipSync(new Uint8Array(await (await ctx.app.request('/data/site/data.zip')).arrayBuffer()));
    assert.ok(zip['csv/reviewReports.csv'] && zip['csv/selfAssessmentEntries.csv']);
    const texts = [
      JSON.stringify(doc),
      await getText(ctx, `/data/plans/${slug}/data.json`),
      await getText(ctx, '/data/site/csv/reviewReports.csv'),
      await getText(ctx, '/data/site/csv/selfAssessments.csv'),
      ...Object.entries(zip)
        .filter(([name]) => name !== 'data.ods')
        .map(([, bytes]) => strFromU8(bytes)),
      strFromU8(unzipSync(zip['data.ods'] ?? new Uint8Array())['content.xml'] ?? new Uint8Array()),
    ];
    // The positive control: a published report's title is there (the JSON documents, the reports' CSV, the sheet).
    for (const i of [0, 1, 2, texts.length - 1]) assert.ok(texts[i]?.includes('Action Plan Review: the first Open Government National Action Plan'), String(i));
    for (const text of texts) {
      assert.ok(!text.includes(DRAFT_TITLE), 'the draft report is in no export');
      assert.ok(!text.includes(DRAFT_SELF_TITLE), 'the draft self-assessment is in no export');
      assert.ok(!text.includes('reviewer.international@demo.cocreate.tw') && !text.includes('reviewer-5521@example.tw'), 'no e-mail address');
      assert.ok(!text.includes('受訪者表示'), 'no interview notes');
    }
    // A plan's export has the engagements that review it, and its reports only.
    const plan = JSON.parse(await getText(ctx, `/data/plans/${slug}/data.json`)) as Record<string, unknown>;
    assert.ok(rows(plan, 'reviewReports').length > 0);
    assert.ok(rows(plan, 'reviewReports').every((r) => r.planId === ctx.planId));
    assert.ok(rows(plan, 'reviewEngagements').every((e) => (e.planIds as number[]).includes(ctx.planId)));
    assert.ok(rows(plan, 'reviewReports').length < rows(doc, 'reviewReports').length, 'the demo city’s report is not in this plan’s export');
  });

  test('export → import into an empty database → export is byte-identical; filed in the history; a second import changes nothing', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const summary = await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: subset() });
    for (const name of [...REVIEW_TABLES, ...SELF_TABLES]) {
      const table = summary.tables.find((s) => s.name === name);
      assert.equal(table?.created, rows(doc, name).length, name);
    }
    const again = JSON.parse(await getText(empty, '/data/site/data.json')) as Record<string, unknown>;
    for (const name of [...REVIEW_TABLES, ...SELF_TABLES]) {
      assert.equal(JSON.stringify(again[name]), JSON.stringify(doc[name]), `${name} in JSON`);
      assert.equal(await getText(empty, `/data/site/csv/${name}.csv`), await getText(ctx, `/data/site/csv/${name}.csv`), `${name}.csv is byte-identical`);
    }
    const history = await empty.database.db.selectFrom('history').select(['entity_type', 'actor_name']).execute();
    for (const type of ['reviewEngagement', 'review', 'reviewUnit', 'recommendation', 'selfAssessment', 'selfAssessmentEntry'])
      assert.ok(
        history.some((h) => h.entity_type === type && h.actor_name === 'review open-data test'),
        type,
      );
    // Ids made after the import come after the imported ones.
    const maxUnit = Math.max(...rows(doc, 'reviewUnits').map((u) => u.id as number));
    const next = await empty.database.db
      .insertInto('review_units')
      .values({
        report_id: rows(doc, 'reviewReports')[0]?.id as number,
        position: 99,
        title: JSON.stringify({ zh: 'x', en: 'x', status: 'reviewed' }),
        rationale: '{}',
        evidence: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(next.id > maxUnit);
    await empty.database.db.deleteFrom('review_units').where('id', '=', next.id).execute();
    // The same file again: every row is as stored.
    const second = await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: subset() });
    for (const name of [...REVIEW_TABLES, ...SELF_TABLES]) {
      const table = second.tables.find((s) => s.name === name);
      assert.deepEqual([table?.created, table?.updated], [0, 0], name);
    }
  });

  test('the CSVs, imported one table at a time into an empty database, come back byte for byte (json and list cells included)', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    for (const name of [...PLAN_TABLES, ...SELF_TABLES, ...REVIEW_TABLES]) {
      const bytes = Buffer.from(await getText(ctx, `/data/site/csv/${name}.csv`));
      await importData({ db: empty.database.db }, admin, 'en', { kind: 'csv', bytes, table: name });
    }
    for (const name of [...REVIEW_TABLES, ...SELF_TABLES])
      assert.equal(await getText(empty, `/data/site/csv/${name}.csv`), await getText(ctx, `/data/site/csv/${name}.csv`), `${name}.csv is byte-identical`);
    // A rating off its scale in a cell names the column by its header.
    const csv = await getText(ctx, '/data/site/csv/reviewUnits.csv');
    const bad = csv.replace('""potential"":""modest""', '""potential"":""huge""');
    assert.notEqual(bad, csv);
    await assert.rejects(
      importData({ db: empty.database.db }, admin, 'en', { kind: 'csv', bytes: Buffer.from(bad), table: 'reviewUnits' }),
      (e: Error & { messages?: Record<string, string> }) => {
        assert.match(JSON.stringify(e.messages), /reviewUnits[^"]*, row \d+, column Ratings/);
        return true;
      },
    );
  });

  test('a unit rated off its scale or on a dimension its report does not rate is refused whole, naming the column; nothing is written', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const db = empty.database.db;
    const units = rows(doc, 'reviewUnits');
    const index = units.findIndex((u) => (u.ratings as Record<string, string>).potential !== undefined);
    const offScale = units.map((u, i) => (i === index ? { ...u, ratings: { ...(u.ratings as object), potential: 'huge' } } : u));
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: subset({ reviewUnits: offScale }) }),
      (e: Error & { messages?: Record<string, string> }) => {
        assert.match(JSON.stringify(e.messages), new RegExp(`reviewUnits, row ${index + 1}, column ratings\\.potential`));
        return true;
      },
    );
    // A results report's dimension in an action plan review: the domain's rule, naming the column and the row's ID.
    const unit = units[index] as Row;
    const wrongDimension = units.map((u, i) => (i === index ? { ...u, ratings: { ...(u.ratings as object), completion: 'complete' } } : u));
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: subset({ reviewUnits: wrongDimension }) }),
      (e: Error & { problems?: { field: string; key: string }[] }) => {
        assert.deepEqual(e.problems, [{ field: `reviewUnits.ratings.completion (ID ${unit.id as number})`, key: 'review.error.dimensionNotRated' }]);
        return true;
      },
    );
    // Funding over the whole: the engagement's column.
    const share = (sharePercent: number) => ({ source: { zh: '甲', en: 'A', status: 'reviewed' }, sector: 'government', sharePercent });
    const engagements = rows(doc, 'reviewEngagements').map((e, i) => (i === 0 ? { ...e, funding: [share(60), share(60)] } : e));
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: subset({ reviewEngagements: engagements }) }),
      (e: Error & { messages?: Record<string, string> }) => {
        assert.match(JSON.stringify(e.messages), /reviewEngagements, row 1, column funding/);
        return true;
      },
    );
    // A draft cannot come in through an import.
    const drafts = rows(doc, 'reviewReports').map((r, i) => (i === 0 ? { ...r, state: 'draft', publishedAt: null } : r));
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: subset({ reviewReports: drafts }) }),
      (e: Error & { messages?: Record<string, string> }) => {
        assert.match(JSON.stringify(e.messages), /reviewReports, row 1, column state/);
        return true;
      },
    );
    for (const table of ['review_engagements', 'review_reports', 'review_units', 'self_assessments', 'action_plans', 'history'] as const) {
      const { n } = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n), 0, `nothing written to ${table}`);
    }
    // A comment on a review, a unit or a self-assessment must name one the import has: participation asks their module.
    const comments = rows(doc, 'inputs').filter((i) => ['review', 'review-unit', 'self-assessment'].includes(i.targetType as string) && i.parentId === null);
    assert.equal(comments.length, 3, 'the demo’s comments on the review, a unit and the self-assessment');
    const tables = [...PLAN_TABLES, ...REVIEW_TABLES, ...SELF_TABLES, 'inputs'];
    await importData({ db }, admin, 'en', { kind: 'json', bytes: exportSubset(doc, tables, { inputs: comments }) }).then(async () => {
      // They came in with their targets: start again from an empty database for the refusal.
      for (const table of ['inputs'] as const)
        assert.equal(
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
          3,
        );
    });
    const empty2 = await setupForTest(t, { seed: false });
    const lost = comments.map((i, n) => (n === 0 ? { ...i, targetId: 999_999 } : i));
    await assert.rejects(
      importData({ db: empty2.database.db }, admin, 'en', { kind: 'json', bytes: exportSubset(doc, tables, { inputs: lost }) }),
      (e: Error & { problems?: { field: string; key: string; params?: Record<string, unknown> }[] }) => {
        assert.deepEqual(
          e.problems?.map((p) => [p.field, p.key, p.params?.id]),
          [['inputs.targetId', 'opendata.import.missingReference', 999_999]],
        );
        return true;
      },
    );
    for (const table of ['review_engagements', 'review_reports', 'review_units', 'self_assessments', 'action_plans', 'history', 'inputs'] as const) {
      assert.equal(
        Number(
          (
            await empty2.database.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        0,
        `nothing written to ${table}`,
      );
    }
  });
});
