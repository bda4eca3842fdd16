/**
 * The demo monitoring as data: its files pass the checks users' reports go through (a broken one is refused with
 * every problem, naming the file and the path), and the seeded database holds exactly what the files say — every
 * report with its entries, evidence, contributions, submission and revisions, the transfer, and the history of
 * each write. Expected values come from the files, never from constants here.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { setup, type TestContext } from '../../../test/helpers.js';
import { checkMilestoneProgress } from '../../domain/monitoring.js';
import { normalizeLocalized } from '../../domain/localized.js';
import { DataFileError, Problems, type DataFile } from '../../web/data-files.js';
import { demoCommitments, loadDemoPlan, planQueries as plans, type DemoPlan } from '../plans/index.js';
import * as q from './monitoring.queries.js';
import {
  checkDemoMonitoring,
  checkDemoReports,
  DEMO_MONITORING_FILE,
  demoReportFiles,
  loadDemoMonitoring,
  seedDemoMonitoring,
  type DemoMonitoring,
  type DemoMonitoringData,
  type DemoReports,
} from './monitoring.seed.js';

const read = async <T>(file: DataFile): Promise<T> => JSON.parse(await readFile(file.url, 'utf8')) as T;
/** How a text of the files is stored: trimmed, reviewed; an absent one is empty. */
const stored = (t: { zh?: string; en?: string; status?: string } | undefined) => normalizeLocalized({ zh: t?.zh ?? '', en: t?.en ?? '', status: 'reviewed' });

let plan: DemoPlan;
let data: DemoMonitoringData;

describe('the demo monitoring files', () => {
  before(async () => {
    plan = await loadDemoPlan();
    data = await loadDemoMonitoring(plan);
  });

  test('pass their checks: one report file per commitment that reports', async () => {
    const files = await demoReportFiles();
    assert.ok(files.length > 0);
    assert.equal(data.reports.size, files.length);
    assert.ok(data.cycles.length > 0);
  });

  test('a broken report file is refused with every problem, each naming the file and the path', async () => {
    const [file] = await demoReportFiles();
    assert.ok(file);
    const broken = await read<DemoReports>(file);
    const commitment = demoCommitments(plan).find(({ commitment: c }) => c.number === broken.commitment)?.commitment;
    assert.ok(commitment);
    const [r0, r1, r2, r3] = broken.reports;
    assert.ok(r0 && r1 && r2 && r3);
    r1.cycle = r0.cycle;
    r2.milestones.pop();
    const outsider = plan.agencies.find((a) => a.code !== commitment.leadAgency && !commitment.coAgencies.includes(a.code));
    assert.ok(outsider);
    r3.contributions = [{ agency: outsider.code, author: 'someone', body: { zh: '補充', en: 'More' } }];
    const delayed = r0.milestones[0];
    assert.ok(delayed);
    Object.assign(delayed, { status: 'delayed', reason: undefined });
    const problems = new Problems();
    checkDemoReports(file, broken, plan, data.monitoring, problems);
    const at = (path: string) => problems.lines.some((line) => line.startsWith(`${file.name}: ${path}`));
    for (const path of ['reports[1].cycle', 'reports[2].milestones', 'reports[3].contributions[0].agency', 'reports[0].milestones.0.reason'])
      assert.ok(at(path), `${path} in\n${problems.lines.join('\n')}`);
    assert.throws(() => problems.throwIfAny(), DataFileError);

    // Shapes the report input refuses: a negative head count, a submission time without its offset.
    const malformed = await read<DemoReports>(file);
    Object.assign(malformed.reports[0] ?? {}, { civilSocietyParticipants: -1, submitted: { at: '2021-05-03 10:00', by: 'x' } });
    const more = new Problems();
    assert.equal(checkDemoReports(file, malformed, plan, data.monitoring, more), undefined);
    for (const path of ['reports[0].civilSocietyParticipants', 'reports[0].submitted.at'])
      assert.ok(
        more.lines.some((line) => line.startsWith(`${file.name}: ${path}: `)),
        `${path} in\n${more.lines.join('\n')}`,
      );
  });

  test('a broken monitoring.json is refused: unknown commitment and agency, a date outside the plan', async () => {
    const broken = await read<DemoMonitoring>(DEMO_MONITORING_FILE);
    const transfer = broken.transfers[0];
    assert.ok(transfer, 'the demo has a transfer');
    Object.assign(transfer, { commitment: '9-9', to: 'NOPE', effectiveOn: '2030-01-01' });
    const problems = new Problems();
    checkDemoMonitoring(DEMO_MONITORING_FILE, broken, plan, problems);
    for (const path of ['transfers[0].commitment', 'transfers[0].to', 'transfers[0].effectiveOn'])
      assert.ok(
        problems.lines.some((line) => line.startsWith(`monitoring/demo/monitoring.json: ${path}: `)),
        `${path} in\n${problems.lines.join('\n')}`,
      );
  });
});

describe('the seeded demo monitoring', () => {
  let ctx: TestContext;
  let cycleIds: number[];
  before(async () => {
    plan = await loadDemoPlan();
    data = await loadDemoMonitoring(plan);
    ctx = await setup();
    ({ cycleIds } = await seedDemoMonitoring(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies }));
  });
  after(() => ctx.close());

  const codeOf = (id: number) => [...ctx.agencies].find(([, x]) => x === id)?.[0];

  test('the review cycles are those the plan period and the file’s options give', async () => {
    const cycles = await q.listCycles(ctx.database.db, ctx.planId);
    assert.deepEqual(
      cycles.map((c) => c.id),
      cycleIds,
    );
    assert.deepEqual(
      cycles.map((c) => [c.number, c.startsOn, c.endsOn, c.reportDue, c.reviewOn]),
      data.cycles.map((c) => [c.number, c.startsOn, c.endsOn, c.reportDue, c.reviewOn]),
    );
  });

  test('every report the files hold is stored as they say, and no other', async () => {
    const db = ctx.database.db;
    const rows = await db
      .selectFrom('progress_reports as r')
      .innerJoin('commitments as c', 'c.id', 'r.commitment_id')
      .innerJoin('review_cycles as y', 'y.id', 'r.cycle_id')
      .select(['r.id', 'c.number', 'y.number as cycle', 'r.revision', 'r.state', 'r.is_demo'])
      .execute();
    const expectedCount = [...data.reports.values()].reduce((n, f) => n + f.reports.reduce((m, r) => m + 1 + r.revisions.length, 0), 0);
    assert.equal(rows.length, expectedCount);
    const milestones = await plans.listMilestonesOfPlan(db, ctx.planId);
    for (const [number, { reports }] of data.reports) {
      for (const r of reports) {
        const own = rows.filter((x) => x.number === number && x.cycle === r.cycle).sort((a, b) => a.revision - b.revision);
        const where = `${number} cycle ${r.cycle}`;
        const states = r.submitted ? [...r.revisions.map(() => 'superseded'), 'submitted'] : ['draft'];
        assert.deepEqual(
          own.map((x) => [x.revision, x.state, x.is_demo]),
          states.map((s, i) => [i + 1, s, true]),
          where,
        );
        const first = await q.findReportById(db, own[0]?.id ?? 0);
        assert.ok(first, where);
        assert.deepEqual(
          [first.achievements, first.participation, first.problems, first.nextSteps, first.budgetNote],
          [stored(r.achievements), stored(r.participation), stored(r.problems), stored(r.nextSteps), stored(r.budgetNote)],
          where,
        );
        assert.deepEqual(
          [
            first.civilSocietyParticipants,
            first.governmentParticipants,
            first.budgetSpent === null ? null : Number(first.budgetSpent),
            first.budgetCurrency,
            first.authorName,
          ],
          [
            r.civilSocietyParticipants ?? null,
            r.governmentParticipants ?? null,
            r.budgetSpent ? Number(r.budgetSpent) : null,
            r.budgetCurrency ?? null,
            r.author,
          ],
          where,
        );
        const ids = (milestones.get(first.commitmentId) ?? []).map((m) => m.id);
        assert.deepEqual(
          r.milestones.map((e) => ({
            milestoneId: ids[e.position - 1],
            status: e.status,
            percent: e.percent,
            reason: e.reason ? stored(e.reason) : { zh: '', en: '', status: 'missing' },
          })),
          [...first.milestones].sort((a, b) => ids.indexOf(a.milestoneId) - ids.indexOf(b.milestoneId)),
          where,
        );
        assert.deepEqual(checkMilestoneProgress(first.milestones, ids), [], where);
        assert.deepEqual(first.submittedAt?.getTime() ?? null, r.submitted ? Date.parse(r.submitted.at) : null, where);
        assert.equal(first.submittedByName, r.submitted?.by ?? null, where);

        const evidence = await q.listEvidence(db, [first.id]);
        assert.deepEqual(
          evidence.map((e) => [e.title, e.url, e.sha256]),
          r.evidence.map((e) =>
            'url' in e
              ? [e.title, e.url, null]
              : [
                  e.title,
                  null,
                  createHash('sha256')
                    .update(data.files.get(e.file) ?? '')
                    .digest('hex'),
                ],
          ),
          where,
        );
        const contributions = await q.listContributions(db, [first.id]);
        assert.deepEqual(
          contributions.map((x) => [codeOf(x.agencyId), x.authorName, x.body]),
          r.contributions.map((x) => [x.agency, x.author, stored(x.body)]),
          where,
        );
        for (const [k, revision] of r.revisions.entries()) {
          const later = await q.findReportById(db, own[k + 1]?.id ?? 0);
          assert.ok(later, `${where} revision ${k + 2}`);
          if (revision.achievements) assert.deepEqual(later.achievements, stored(revision.achievements));
          assert.deepEqual([later.submittedAt?.getTime(), later.submittedByName], [Date.parse(revision.submitted.at), revision.submitted.by]);
          // A revision carries the evidence and contributions of the one it revises.
          assert.deepEqual(
            (await q.listEvidence(db, [later.id])).map((e) => e.title),
            evidence.map((e) => e.title),
          );
        }
      }
    }
  });

  test('transfers: the commitment moved on its day; reports of cycles that ended before keep the former lead', async () => {
    const db = ctx.database.db;
    for (const t of data.monitoring.transfers) {
      const from = demoCommitments(plan).find(({ commitment }) => commitment.number === t.commitment)?.commitment.leadAgency;
      const commitment = await plans.findCommitmentByNumber(db, ctx.planId, t.commitment);
      assert.ok(commitment && from);
      assert.equal(codeOf(commitment.leadAgencyId), t.to);
      const transfers = await plans.listTransfers(db, commitment.id);
      assert.deepEqual(
        transfers.map((x) => [codeOf(x.fromAgencyId), codeOf(x.toAgencyId), x.effectiveOn, x.note.zh]),
        [[from, t.to, t.effectiveOn, t.note?.zh ?? '']],
      );
      const reports = await db
        .selectFrom('progress_reports as r')
        .innerJoin('review_cycles as y', 'y.id', 'r.cycle_id')
        .select(['y.ends_on', 'r.agency_id'])
        .where('r.commitment_id', '=', commitment.id)
        .execute();
      assert.ok(reports.some((r) => r.ends_on < t.effectiveOn) && reports.some((r) => r.ends_on >= t.effectiveOn), 'reports on both sides');
      for (const r of reports) assert.equal(codeOf(r.agency_id), r.ends_on < t.effectiveOn ? from : t.to, r.ends_on);
    }
    for (const a of data.monitoring.agencies) assert.ok(ctx.agencies.has(a.code), `${a.code} added to the agencies`);
  });

  test('every write is in the history, named as in the files and linked to no account', async () => {
    const db = ctx.database.db;
    const rows = await db
      .selectFrom('history')
      .select(['entity_type', 'entity_id', 'action', 'actor_id', 'actor_name'])
      .where('entity_type', 'in', ['report', 'cycle', 'commitment'])
      .execute();
    const reports = await db.selectFrom('progress_reports').select(['id', 'author_name', 'submitted_by_name', 'revision']).execute();
    for (const r of reports) {
      const own = rows.filter((h) => h.entity_type === 'report' && h.entity_id === r.id);
      assert.ok(
        own.some((h) => (h.action === 'create' || h.action === 'revise') && h.actor_name === r.author_name),
        `report ${r.id} written`,
      );
      if (r.submitted_by_name !== null)
        assert.ok(
          own.some((h) => h.action === 'submit' && h.actor_name === r.submitted_by_name),
          `report ${r.id} submitted`,
        );
    }
    assert.equal(rows.filter((h) => h.entity_type === 'cycle' && h.action === 'create').length, data.cycles.length);
    const transfers = rows.filter((h) => h.entity_type === 'commitment' && h.action === 'transfer');
    assert.deepEqual(
      transfers.map((h) => h.actor_name),
      data.monitoring.transfers.map(() => data.monitoring.secretariat),
    );
    for (const h of rows) assert.equal(h.actor_id, null);
  });
});
