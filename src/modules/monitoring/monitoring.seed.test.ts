/** The demo monitoring data: cycles, reorganization, reports, timeliness, revision, evidence — and that it is valid. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.js';
import { createTestDatabase } from '../../db/test-database.js';
import type { Localized } from '../../domain/localized.js';
import { activeInCycle, addDays, checkMilestoneProgress, taipeiDay, type MilestoneProgressStatus, type ReviewCycle } from '../../domain/monitoring.js';
import type { Commitment } from '../../domain/plan.js';
import * as plans from '../plans/plans.queries.js';
import { seedDemoPlan } from '../plans/plans.seed.js';
import { listCycles, listContributions, listEvidence } from './monitoring.queries.js';
import { DEMO_REVISION, DEMO_TRANSFER, DEMO_UNREPORTED_LAST_CYCLE, seedDemoMonitoring } from './monitoring.seed.js';

interface ReportRow {
  id: number;
  commitment_id: number;
  number: string;
  cycle_id: number;
  cycle_number: number;
  ends_on: string;
  report_due: string;
  revision: number;
  agency_id: number;
  state: string;
  submitted_at: Date | null;
  is_demo: boolean;
  achievements: Localized;
}

interface EntryRow {
  report_id: number;
  commitment_id: number;
  number: string;
  milestone_id: number;
  status: MilestoneProgressStatus;
  percent: number;
  reason: Localized;
}

let database: Database;
let planId: number;
let agencyIds: Map<string, number>;
let cycleIds: number[];
let seedMs: number;
let cycles: ReviewCycle[];
let commitments: Commitment[];
let reports: ReportRow[];
let entries: EntryRow[];

async function loadReports(d: Database): Promise<ReportRow[]> {
  const { rows } = await sql<ReportRow>`
    SELECT r.id, r.commitment_id, m.number, r.cycle_id, c.number AS cycle_number, c.ends_on, c.report_due, r.revision,
           r.agency_id, r.state, r.submitted_at, r.is_demo, r.achievements
    FROM progress_reports r JOIN commitments m ON m.id = r.commitment_id JOIN review_cycles c ON c.id = r.cycle_id
    ORDER BY c.number, string_to_array(m.number, '-')::int[], r.revision`.execute(d.db);
  return rows;
}

before(async () => {
  database = await createTestDatabase();
  ({ planId, agencyIds } = await seedDemoPlan(database.db));
  const started = performance.now();
  ({ cycleIds } = await seedDemoMonitoring(database.db, { planId, agencyIds }));
  seedMs = performance.now() - started;
  cycles = await listCycles(database.db, planId);
  commitments = (await plans.listCommitments(database.db, { planId })).items;
  reports = await loadReports(database);
  const { rows } = await sql<EntryRow>`
    SELECT p.report_id, r.commitment_id, m.number, p.milestone_id, p.status, p.percent, p.reason
    FROM milestone_progress p JOIN progress_reports r ON r.id = p.report_id JOIN commitments m ON m.id = r.commitment_id`.execute(database.db);
  entries = rows;
});
after(() => database.close());

const byNumber = (number: string): Commitment => {
  const c = commitments.find((x) => x.number === number);
  assert.ok(c, `commitment ${number}`);
  return c;
};
const lastCycle = (): ReviewCycle => {
  const c = cycles.at(-1);
  assert.ok(c);
  return c;
};
/** The first submission of each commitment and cycle: what timeliness is judged on. */
const firstSubmissions = () => reports.filter((r) => r.state !== 'draft' && r.revision === 1);
const isLate = (r: ReportRow) => r.submitted_at !== null && taipeiDay(r.submitted_at) > r.report_due;

describe('demo monitoring seed', () => {
  test('runs quickly', () => {
    console.log(`seedDemoMonitoring: ${Math.round(seedMs)} ms, ${reports.length} reports, ${entries.length} milestone entries`);
    assert.ok(seedMs < 10_000, `seed took ${Math.round(seedMs)} ms`);
  });

  test('ten four-month cycles over the plan period, the last one of five months', () => {
    assert.equal(cycles.length, 10);
    assert.deepEqual(cycles.map((c) => c.id), cycleIds);
    assert.deepEqual(cycles.map((c) => c.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const [first] = cycles;
    assert.deepEqual(first && [first.startsOn, first.endsOn, first.reportDue, first.reviewOn], ['2021-01-01', '2021-04-30', '2021-05-14', '2021-05-30']);
    const last = lastCycle();
    assert.deepEqual([last.startsOn, last.endsOn, last.reportDue, last.reviewOn], ['2024-01-01', '2024-05-31', '2024-06-14', '2024-06-30']);
  });

  test('every commitment reports in every cycle it is active in, except the last cycle’s missing ones', () => {
    assert.equal(commitments.length, 19);
    for (const c of commitments) {
      const expected = cycles.filter((cycle) => activeInCycle(c, cycle) && !(cycle === lastCycle() && DEMO_UNREPORTED_LAST_CYCLE.missing.includes(c.number)));
      const reported = new Set(reports.filter((r) => r.commitment_id === c.id).map((r) => r.cycle_number));
      assert.deepEqual([...reported].sort((a, b) => a - b), expected.map((cycle) => cycle.number), c.number);
    }
    assert.ok(reports.every((r) => r.is_demo));
    // 2-1 ends in 2022, 5-2 in 2023.
    assert.equal(Math.max(...reports.filter((r) => r.number === '2-1').map((r) => r.cycle_number)), 6);
    assert.equal(Math.max(...reports.filter((r) => r.number === '5-2').map((r) => r.cycle_number)), 9);
  });

  test('cycles 1–9 are all submitted; the last cycle has exactly the listed missing and draft reports', async () => {
    for (const r of reports.filter((x) => x.cycle_number < 10)) assert.notEqual(r.state, 'draft', `${r.number} cycle ${r.cycle_number}`);
    const last = lastCycle();
    const { rows } = await sql<{ number: string; state: string }>`
      SELECT m.number, r.state FROM progress_reports r JOIN commitments m ON m.id = r.commitment_id WHERE r.cycle_id = ${last.id}`.execute(database.db);
    const reported = new Set(rows.map((r) => r.number));
    const active = commitments.filter((c) => activeInCycle(c, last)).map((c) => c.number);
    const missing = active.filter((n) => !reported.has(n));
    const drafts = rows.filter((r) => r.state === 'draft').map((r) => r.number);
    assert.deepEqual([...missing].sort(), [...DEMO_UNREPORTED_LAST_CYCLE.missing].sort());
    assert.deepEqual([...drafts].sort(), [...DEMO_UNREPORTED_LAST_CYCLE.draft].sort());
    assert.equal(DEMO_UNREPORTED_LAST_CYCLE.missing.length, 4);
    assert.equal(DEMO_UNREPORTED_LAST_CYCLE.draft.length, 2);
    assert.ok(!missing.includes('1-1') && !drafts.includes('1-1'));
    assert.ok(rows.filter((r) => r.state === 'submitted').length >= 10);
  });

  test('some reports are late, most on time, all at 10:00 Taipei', () => {
    const early = firstSubmissions().filter((r) => r.cycle_number < 10);
    const late = early.filter(isLate);
    const share = late.length / early.length;
    assert.ok(share > 0.05 && share < 0.3, `late share ${share}`);
    const lastLate = firstSubmissions().filter((r) => r.cycle_number === 10 && isLate(r));
    assert.ok(lastLate.length >= 1 && lastLate.length <= 3, `late in the last cycle: ${lastLate.length}`);
    for (const r of reports) {
      if (!r.submitted_at) continue;
      assert.equal(r.submitted_at.getUTCHours(), 2);
      assert.ok(taipeiDay(r.submitted_at) > r.ends_on, 'submitted after the cycle ended');
      assert.ok(taipeiDay(r.submitted_at) <= addDays(r.report_due, 25 + 3));
    }
  });

  test('every report has an entry for every milestone, and passes the domain check', async () => {
    const milestoneIds = new Map<number, number[]>();
    for (const c of commitments) milestoneIds.set(c.id, (await plans.listMilestones(database.db, c.id)).map((m) => m.id));
    for (const r of reports) {
      const own = entries.filter((e) => e.report_id === r.id).map((e) => ({ milestoneId: e.milestone_id, status: e.status, percent: e.percent, reason: e.reason }));
      const ids = milestoneIds.get(r.commitment_id) ?? [];
      assert.deepEqual(own.map((e) => e.milestoneId).sort((a, b) => a - b), [...ids].sort((a, b) => a - b), `${r.number} cycle ${r.cycle_number}`);
      assert.deepEqual(checkMilestoneProgress(own, ids), [], `${r.number} cycle ${r.cycle_number}`);
    }
  });

  test('delayed and withdrawn milestones say why in both languages', () => {
    const flagged = entries.filter((e) => e.status === 'delayed' || e.status === 'withdrawn');
    assert.ok(flagged.length > 0);
    for (const e of flagged) {
      assert.ok(e.reason.zh.trim() !== '' && e.reason.en.trim() !== '', `${e.number} milestone ${e.milestone_id}`);
      assert.equal(e.reason.status, 'reviewed');
    }
    const delayedCommitments = new Set(entries.filter((e) => e.status === 'delayed').map((e) => e.number));
    assert.deepEqual([...delayedCommitments].sort(), ['1-3', '2-1', '4-3', '5-2']);
    assert.equal(new Set(entries.filter((e) => e.status === 'withdrawn').map((e) => e.milestone_id)).size, 1);
    for (const e of entries.filter((x) => x.status !== 'delayed' && x.status !== 'withdrawn')) assert.equal(e.reason.zh, '');
  });

  test('the texts are bilingual and reviewed, with varied achievements', async () => {
    const { rows } = await sql<{ achievements: Localized; participation: Localized; civil_society_participants: number; government_participants: number }>`
      SELECT achievements, participation, civil_society_participants, government_participants FROM progress_reports`.execute(database.db);
    for (const r of rows) {
      for (const text of [r.achievements, r.participation]) {
        assert.ok(text.zh !== '' && text.en !== '');
        assert.equal(text.status, 'reviewed');
      }
      assert.ok(r.civil_society_participants > 0 && r.government_participants > 0);
    }
    assert.ok(new Set(rows.map((r) => r.achievements.zh)).size > rows.length * 0.9);
    const { rows: budgets } = await sql<{ budget_spent: string; budget_currency: string; budget_note: Localized }>`
      SELECT budget_spent, budget_currency, budget_note FROM progress_reports WHERE budget_spent IS NOT NULL`.execute(database.db);
    assert.ok(budgets.length > 5 && budgets.length < rows.length / 2);
    for (const b of budgets) {
      assert.match(b.budget_spent, /^\d+\.00$/);
      assert.equal(b.budget_currency, 'TWD');
      assert.ok(b.budget_note.zh !== '' && b.budget_note.en !== '');
    }
  });

  test(`${DEMO_TRANSFER.number} moved from ${DEMO_TRANSFER.from} to ${DEMO_TRANSFER.to} on ${DEMO_TRANSFER.effectiveOn}; earlier reports keep the old lead`, async () => {
    const moda = await plans.findAgencyByCode(database.db, DEMO_TRANSFER.to);
    const from = await plans.findAgencyByCode(database.db, DEMO_TRANSFER.from);
    assert.ok(moda && from);
    assert.equal(moda.name.zh, '數位發展部');
    assert.equal(agencyIds.get('MODA'), moda.id);
    const c = await plans.findCommitmentByNumber(database.db, planId, DEMO_TRANSFER.number);
    assert.equal(c?.leadAgencyId, moda.id);
    const transfers = await plans.listTransfers(database.db, byNumber(DEMO_TRANSFER.number).id);
    assert.equal(transfers.length, 1);
    assert.deepEqual(
      transfers.map((x) => [x.fromAgencyId, x.toAgencyId, x.effectiveOn]),
      [[from.id, moda.id, DEMO_TRANSFER.effectiveOn]],
    );
    assert.match(transfers[0]?.note.zh ?? '', /數位發展部/);
    assert.match(transfers[0]?.note.en ?? '', /Ministry of Digital Affairs/);
    const own = reports.filter((r) => r.number === DEMO_TRANSFER.number);
    const early = own.filter((r) => r.ends_on < DEMO_TRANSFER.effectiveOn);
    const later = own.filter((r) => r.ends_on >= DEMO_TRANSFER.effectiveOn);
    assert.deepEqual(early.map((r) => r.cycle_number), [1, 2, 3, 4]);
    assert.ok(early.every((r) => r.agency_id === from.id));
    assert.ok(later.length > 0 && later.every((r) => r.agency_id === moda.id));
  });

  test(`${DEMO_REVISION.number} cycle ${DEMO_REVISION.cycle}: revision 1 superseded by revision 2 three days later`, async () => {
    const own = reports.filter((r) => r.number === DEMO_REVISION.number && r.cycle_number === DEMO_REVISION.cycle);
    assert.deepEqual(own.map((r) => [r.revision, r.state]), [[1, 'superseded'], [2, 'submitted']]);
    const [first, second] = own;
    assert.ok(first?.submitted_at && second?.submitted_at);
    assert.equal(second.submitted_at.getTime() - first.submitted_at.getTime(), 3 * 86_400_000);
    assert.notEqual(first.achievements.zh, second.achievements.zh);
    assert.match(second.achievements.zh, /更正/);
    const evidence = await listEvidence(database.db, [first.id, second.id]);
    const titles = (id: number) => evidence.filter((e) => e.reportId === id).map((e) => e.title);
    assert.ok(titles(first.id).length > 0);
    assert.deepEqual(titles(second.id), titles(first.id));
    // Only one other revised report in the whole plan.
    assert.equal(reports.filter((r) => r.revision > 1).length, 1);
  });

  test('every submitted report has evidence links; a few carry a CSV file', async () => {
    const submitted = reports.filter((r) => r.state !== 'draft');
    const evidence = await listEvidence(database.db, submitted.map((r) => r.id));
    for (const r of submitted) {
      const links = evidence.filter((e) => e.reportId === r.id && e.url !== null);
      assert.ok(links.length >= 1 && links.length <= 2, `${r.number} cycle ${r.cycle_number}: ${links.length} links`);
      for (const l of links) assert.match(l.url ?? '', /^https:\/\/[a-z0-9.-]+\.tw\/$/);
    }
    const files = evidence.filter((e) => e.fileName !== null);
    assert.ok(files.length >= 3);
    const { rows } = await sql<{ id: number; file_name: string; sha256: string; byte_size: number; media_type: string; content: Uint8Array }>`
      SELECT id, file_name, sha256, byte_size, media_type, content FROM report_evidence WHERE content IS NOT NULL`.execute(database.db);
    for (const f of rows) {
      assert.match(f.file_name, /^participation-20\d\d-[1-3]\.csv$/);
      assert.equal(f.media_type, 'text/csv');
      assert.equal(f.byte_size, f.content.byteLength);
      assert.equal(createHash('sha256').update(f.content).digest('hex'), f.sha256);
      const lines = new TextDecoder().decode(f.content).trim().split('\n');
      assert.equal(lines[0], 'date,meeting,civil_society_participants,government_participants');
      assert.ok(lines.length >= 2);
    }
  });

  test('supporting agencies contribute, e.g. the Control Yuan to 4-1', async () => {
    const c41 = byNumber('4-1');
    const ids = reports.filter((r) => r.commitment_id === c41.id).map((r) => r.id);
    const contributions = await listContributions(database.db, ids);
    assert.ok(contributions.some((x) => x.agencyId === agencyIds.get('CY') && x.body.zh !== '' && x.body.en !== ''));
    const all = await listContributions(database.db, reports.map((r) => r.id));
    const byCommitment = new Map(reports.map((r) => [r.id, r.commitment_id]));
    for (const x of all) {
      const c = commitments.find((m) => m.id === byCommitment.get(x.reportId));
      assert.ok(c?.coAgencyIds.includes(x.agencyId), 'only co-agencies contribute');
    }
  });

  test('is deterministic: a second database gets the same reports', async () => {
    const other = await createTestDatabase();
    try {
      const seeded = await seedDemoPlan(other.db);
      await seedDemoMonitoring(other.db, seeded);
      const digest = (rows: ReportRow[]) =>
        rows.map((r) => [r.number, r.cycle_number, r.revision, r.state, r.submitted_at?.toISOString() ?? null, r.achievements.zh, r.achievements.en].join('|'));
      assert.deepEqual(digest(await loadReports(other)), digest(reports));
    } finally {
      await other.close();
    }
  });
});
