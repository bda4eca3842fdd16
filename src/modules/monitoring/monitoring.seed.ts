/**
 * Demonstration monitoring of the demo plan (tw-2021-2024), from demo/: monitoring.json (its review cycles, the
 * founding of the Ministry of Digital Affairs and its taking over of commitment 1-2) and reports/<number>.json (each
 * commitment's progress reports, cycle by cycle: milestone entries, evidence links and files, contributions of
 * supporting agencies, submission, revisions). Illustrative only: figures, texts, names and dates are invented.
 *
 * The files are checked as a whole against the demo plan's file before anything is written; then everything is
 * written through the monitoring services, cycle by cycle, as the agencies' officers and the secretariat would, so
 * reports carry their history and a transfer applies to the reports written after it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy } from '../../domain/authorization.js';
import { normalizeLocalized } from '../../domain/localized.js';
import { activeInCycle, checkEvidenceFile, checkMilestoneProgress, generateCycles as cycleDates, type ReviewCycle } from '../../domain/monitoring.js';
import { systemActor } from '../../domain/system-actor.js';
import { dataFile, parseData, Problems, readJson, reviewedTexts, writing, type DataFile } from '../../web/data-files.js';
import { text, wholeNumber } from '../../web/schemas.js';
import { planQueries as plans } from '../plans/index.js';
import { plansPolicy } from '../plans/index.js';
import { demoAgencySchema, demoCommitments, loadDemoPlan, type DemoPlan } from '../plans/index.js';
import { commitmentInput } from '../plans/index.js';
import { createAgency, transferCommitment } from '../plans/index.js';
import { monitoringPolicy } from './monitoring.policy.js';
import * as q from './monitoring.queries.js';
import {
  contributionInput,
  cycleGenerateInput,
  evidenceLinkInput,
  milestoneProgressInput,
  reportCreateInput,
  reportUpdateInput,
  transferInput,
} from './monitoring.schemas.js';
import {
  addContribution,
  addEvidenceFile,
  addEvidenceLink,
  createReport,
  generateCycles,
  reviseReport,
  submitReport,
  updateReport,
} from './monitoring.service.js';

const DEMO_DIR = new URL('./demo/', import.meta.url);
export const DEMO_MONITORING_FILE: DataFile = dataFile(new URL('monitoring.json', DEMO_DIR));
const REPORTS_DIR = new URL('reports/', DEMO_DIR);

const name = text(200).trim().min(1);
const agencyCode = demoAgencySchema.shape.code;
const commitmentNumber = commitmentInput.shape.number;

export const demoMonitoringSchema = z
  .object({
    about: text(),
    /** Who runs the cycles and records transfers (the secretariat); the history names them. */
    secretariat: name,
    cycles: cycleGenerateInput.strict(),
    /** Agencies founded during the plan. */
    agencies: z.array(demoAgencySchema),
    transfers: z.array(transferInput.omit({ toAgencyId: true }).extend({ commitment: commitmentNumber, to: agencyCode }).strict()),
  })
  .strict();
export type DemoMonitoring = z.infer<typeof demoMonitoringSchema>;

/** A submission: when (with its offset, e.g. +08:00) and by whom. */
const submission = z.object({ at: z.iso.datetime({ offset: true }), by: name }).strict();

const evidenceSchema = z.union([
  evidenceLinkInput.strict(),
  // An uploaded file, kept beside the data: evidence/<name>.
  z.object({ title: evidenceLinkInput.shape.title, file: text().regex(/^evidence\/[A-Za-z0-9][A-Za-z0-9._-]*$/) }).strict(),
]);

/** A report as its author enters it, with milestones by position, evidence, contributions, and what became of it. */
const demoReportSchema = reportCreateInput
  .omit({ cycleId: true, milestones: true })
  .extend({
    cycle: wholeNumber(z.number().int().min(1).max(100)),
    author: name,
    milestones: z
      .array(
        milestoneProgressInput
          .omit({ milestoneId: true })
          .extend({ position: wholeNumber(z.number().int().min(1).max(999)) })
          .strict(),
      )
      .max(100),
    evidence: z.array(evidenceSchema).max(20).default([]),
    contributions: z
      .array(contributionInput.extend({ agency: agencyCode, author: name }).strict())
      .max(20)
      .default([]),
    /** Absent: still a draft. */
    submitted: submission.optional(),
    /** Later revisions: what changed, and their submission. */
    revisions: z.array(reportUpdateInput.omit({ version: true, milestones: true }).extend({ submitted: submission }).strict()).default([]),
  })
  .strict();

export const demoReportsSchema = z.object({ commitment: commitmentNumber, reports: z.array(demoReportSchema) }).strict();
export type DemoReports = z.infer<typeof demoReportsSchema>;
export type DemoReport = DemoReports['reports'][number];

export interface DemoMonitoringData {
  monitoring: DemoMonitoring;
  /** By commitment number. */
  reports: Map<string, { file: DataFile; reports: DemoReport[] }>;
  /** Evidence files' bytes, by their path in the data (evidence/…). */
  files: Map<string, Uint8Array>;
  /** The review cycles the plan's period and the options give. */
  cycles: ReturnType<typeof cycleDates>;
}

/** The report files present, in name order. */
export async function demoReportFiles(): Promise<DataFile[]> {
  const names = (await readdir(REPORTS_DIR)).filter((n) => n.endsWith('.json')).sort();
  return names.map((n) => dataFile(new URL(n, REPORTS_DIR)));
}

/** Checks what monitoring.json holds against the plan's file; problems go to `problems`, each with file and path. */
export function checkDemoMonitoring(file: DataFile, value: unknown, plan: DemoPlan, problems: Problems): DemoMonitoring | undefined {
  const monitoring = parseData(file, demoMonitoringSchema, value, problems);
  if (!monitoring) return undefined;
  const agencies = new Set([...plan.agencies, ...monitoring.agencies].map((a) => a.code));
  const commitments = new Set(demoCommitments(plan).map(({ commitment }) => commitment.number));
  monitoring.agencies.forEach((a, i) => {
    if (plan.agencies.some((p) => p.code === a.code)) problems.add(file, `agencies[${i}].code`, `agency ${a.code} is already in the plan`);
  });
  monitoring.transfers.forEach((t, i) => {
    if (!commitments.has(t.commitment)) problems.add(file, `transfers[${i}].commitment`, `unknown commitment ${t.commitment}`);
    if (!agencies.has(t.to)) problems.add(file, `transfers[${i}].to`, `unknown agency ${t.to}`);
    if (t.effectiveOn < plan.plan.periodStart || t.effectiveOn > plan.plan.periodEnd)
      problems.add(file, `transfers[${i}].effectiveOn`, 'outside the plan period');
  });
  return reviewedTexts(monitoring);
}

/**
 * Checks a commitment's report file against the plan and the cycles: a known commitment, cycles it runs in (one
 * report each), an entry for every milestone as the report rules want them, contributions only from its supporting
 * agencies, revisions only of submitted reports. Evidence files are read and checked by the loader.
 */
export function checkDemoReports(file: DataFile, value: unknown, plan: DemoPlan, monitoring: DemoMonitoring, problems: Problems): DemoReports | undefined {
  const data = parseData(file, demoReportsSchema, value, problems);
  if (!data) return undefined;
  const commitment = demoCommitments(plan).find(({ commitment: c }) => c.number === data.commitment)?.commitment;
  if (!commitment) {
    problems.add(file, 'commitment', `unknown commitment ${data.commitment}`);
    return undefined;
  }
  const cycles = cycleDates(plan.plan.periodStart, plan.plan.periodEnd, monitoring.cycles);
  const seen = new Set<number>();
  for (const [i, r] of data.reports.entries()) {
    const path = `reports[${i}]`;
    const cycle = cycles.find((c) => c.number === r.cycle);
    if (!cycle) problems.add(file, `${path}.cycle`, `no cycle ${r.cycle}`);
    else if (!activeInCycle(commitment, cycle)) problems.add(file, `${path}.cycle`, `${data.commitment} does not run in cycle ${r.cycle}`);
    if (seen.has(r.cycle)) problems.add(file, `${path}.cycle`, `a second report for cycle ${r.cycle}`);
    seen.add(r.cycle);
    // Positions stand in for milestone ids: the same rules (one entry per milestone, reasons, percents) apply.
    const positions = commitment.milestones.map((_, m) => m + 1);
    const entries = r.milestones.map((e) => ({
      milestoneId: e.position,
      status: e.status,
      percent: e.percent,
      reason: normalizeLocalized(reviewedTexts(e.reason ?? {})),
    }));
    const missing = positions.filter((p) => !entries.some((e) => e.milestoneId === p));
    if (missing.length > 0) problems.add(file, `${path}.milestones`, `no entry for milestone(s) ${missing.join(', ')}`);
    problems.addFieldProblems(file, path, checkMilestoneProgress(entries, positions));
    r.contributions.forEach((x, k) => {
      if (!commitment.coAgencies.includes(x.agency))
        problems.add(file, `${path}.contributions[${k}].agency`, `${x.agency} does not support ${data.commitment}`);
    });
    if (r.revisions.length > 0 && !r.submitted) problems.add(file, `${path}.revisions`, 'only a submitted report is revised');
  }
  return reviewedTexts(data);
}

/** Reads the report's evidence files, checked as an upload would be. */
async function readEvidenceFiles(file: DataFile, data: DemoReports, files: Map<string, Uint8Array>, problems: Problems): Promise<void> {
  for (const [i, r] of data.reports.entries()) {
    for (const [k, e] of r.evidence.entries()) {
      if (!('file' in e) || files.has(e.file)) continue;
      try {
        const bytes = new Uint8Array(await readFile(new URL(e.file, DEMO_DIR)));
        problems.addFieldProblems(file, `reports[${i}].evidence[${k}]`, checkEvidenceFile(e.file, bytes).problems);
        files.set(e.file, bytes);
      } catch (error) {
        problems.add(file, `reports[${i}].evidence[${k}].file`, (error as Error).message);
      }
    }
  }
}

/** Reads and checks every monitoring file against the plan's; throws a DataFileError listing every problem, each with file and path. */
export async function loadDemoMonitoring(plan: DemoPlan, problems = new Problems()): Promise<DemoMonitoringData> {
  const monitoring = checkDemoMonitoring(DEMO_MONITORING_FILE, await readJson(DEMO_MONITORING_FILE, problems), plan, problems);
  const reports = new Map<string, { file: DataFile; reports: DemoReport[] }>();
  const files = new Map<string, Uint8Array>();
  for (const file of monitoring ? await demoReportFiles() : []) {
    const data = monitoring && checkDemoReports(file, await readJson(file, problems), plan, monitoring, problems);
    if (!data) continue;
    if (file.name !== `monitoring/demo/reports/${data.commitment}.json`)
      problems.add(file, 'commitment', `the file for ${data.commitment} is reports/${data.commitment}.json`);
    if (reports.has(data.commitment)) problems.add(file, 'commitment', `${data.commitment} has another report file`);
    reports.set(data.commitment, { file, reports: data.reports });
    await readEvidenceFiles(file, data, files, problems);
  }
  problems.throwIfAny();
  const m = monitoring as DemoMonitoring;
  return { monitoring: m, reports, files, cycles: cycleDates(plan.plan.periodStart, plan.plan.periodEnd, m.cycles) };
}

/** Seeds the demo plan's monitoring; adds the agencies founded during the plan (MODA) to `opts.agencyIds`. */
export async function seedDemoMonitoring(db: Db, opts: { planId: number; agencyIds: Map<string, number> }): Promise<{ cycleIds: number[] }> {
  // The seed also runs without the app (the CLI, the test harness): the rules its writes are checked against are
  // registered here too (the same rules again are harmless).
  registerPolicy(plansPolicy);
  registerPolicy(monitoringPolicy);
  const plan = await loadDemoPlan();
  const data = await loadDemoMonitoring(plan);
  // All of it or nothing, with one flush to disk: each service's own transaction joins one (db/one-transaction.ts).
  return inOneTransaction(db, (db) => writeDemoMonitoring(db, opts, plan, data));
}

async function writeDemoMonitoring(
  db: Db,
  opts: { planId: number; agencyIds: Map<string, number> },
  plan: DemoPlan,
  data: DemoMonitoringData,
): Promise<{ cycleIds: number[] }> {
  const file = DEMO_MONITORING_FILE;
  const m = data.monitoring;
  const secretariat = systemActor(m.secretariat, 'secretariat');
  const clock = { now: new Date(`${plan.plan.periodStart}T00:00:00Z`) };
  const deps = { db, demo: true, now: () => clock.now };

  const cycles: ReviewCycle[] = await writing(file, 'cycles', () => generateCycles(deps, secretariat, opts.planId, m.cycles));
  for (const [i, a] of m.agencies.entries()) {
    const agency =
      (await plans.findAgencyByCode(db, a.code)) ??
      (await writing(file, `agencies[${i}]`, () => createAgency({ db, demo: a.isDemo }, secretariat, { code: a.code, name: a.name })));
    opts.agencyIds.set(a.code, agency.id);
  }
  const agencyId = (code: string): number => opts.agencyIds.get(code) ?? 0;

  const { items: commitments } = await plans.listCommitments(db, { planId: opts.planId });
  const byNumber = new Map(commitments.map((c) => [c.number, c]));
  const milestoneIds = await plans.listMilestonesOfPlan(db, opts.planId);
  const transferred = new Set<number>();

  for (const cycle of cycles) {
    // A report is written after its cycle ends: a transfer effective by then is made first, so the new lead writes it.
    for (const [i, t] of m.transfers.entries()) {
      if (transferred.has(i) || t.effectiveOn > cycle.endsOn) continue;
      transferred.add(i);
      const current = await plans.findCommitmentByNumber(db, opts.planId, t.commitment);
      if (!current) throw new Error(`No commitment ${t.commitment}`);
      const updated = await writing(file, `transfers[${i}]`, () =>
        transferCommitment(deps, secretariat, current.id, { toAgencyId: agencyId(t.to), effectiveOn: t.effectiveOn, note: t.note, version: current.version }),
      );
      byNumber.set(updated.number, updated);
    }
    for (const [number, { file: reportFile, reports }] of data.reports) {
      const index = reports.findIndex((r) => r.cycle === cycle.number);
      const report = reports[index];
      const commitment = byNumber.get(number);
      if (!report || !commitment) continue;
      const positions = (milestoneIds.get(commitment.id) ?? []).map((x) => x.id);
      await writeReport(deps, clock, reportFile, `reports[${index}]`, commitment, cycle, report, positions, agencyId, data.files);
    }
  }
  return { cycleIds: cycles.map((cycle) => cycle.id) };
}

type Deps = { db: Db; demo: boolean; now: () => Date };

/** One report as its agency would make it: drafted by the officer, evidence and contributions added, then submitted and revised. */
async function writeReport(
  deps: Deps,
  clock: { now: Date },
  file: DataFile,
  path: string,
  commitment: { id: number; leadAgencyId: number },
  cycle: ReviewCycle,
  r: DemoReport,
  milestoneIds: readonly number[],
  agencyId: (code: string) => number,
  files: Map<string, Uint8Array>,
): Promise<void> {
  const officer = systemActor(r.author, 'agency-officer', [commitment.leadAgencyId]);
  const { cycle: _cycle, author: _author, milestones, evidence, contributions, submitted, revisions, ...content } = r;
  const entries = milestones.map(({ position, ...e }) => ({ ...e, milestoneId: milestoneIds[position - 1] ?? 0 }));
  const created = await writing(file, path, () => createReport(deps, officer, commitment.id, { ...content, cycleId: cycle.id, milestones: entries }));
  for (const [k, e] of evidence.entries()) {
    const at = `${path}.evidence[${k}]`;
    if ('url' in e) await writing(file, at, () => addEvidenceLink(deps, officer, created.id, e));
    else
      await writing(file, at, () =>
        addEvidenceFile(deps, officer, created.id, {
          title: e.title,
          fileName: e.file.slice('evidence/'.length),
          bytes: files.get(e.file) ?? new Uint8Array(),
        }),
      );
  }
  for (const [k, x] of contributions.entries()) {
    const supporter = systemActor(x.author, 'agency-officer', [agencyId(x.agency)]);
    await writing(file, `${path}.contributions[${k}]`, () => addContribution(deps, supporter, created.id, normalizeLocalized(x.body)));
  }
  if (!submitted) return;
  const submit = async (reportId: number, s: { at: string; by: string }, at: string) => {
    clock.now = new Date(s.at);
    const { version } = (await q.findReportById(deps.db, reportId)) ?? created;
    await writing(file, at, () => submitReport(deps, systemActor(s.by, 'agency-officer', [commitment.leadAgencyId]), reportId, version));
  };
  await submit(created.id, submitted, `${path}.submitted`);
  let latest = created.id;
  for (const [k, { submitted: revisionSubmitted, ...changes }] of revisions.entries()) {
    const at = `${path}.revisions[${k}]`;
    const draft = await writing(file, at, () => reviseReport(deps, officer, latest));
    const edited = await writing(file, at, () => updateReport(deps, officer, draft.id, { ...changes, version: draft.version }));
    await submit(edited.id, revisionSubmitted, `${at}.submitted`);
    latest = edited.id;
  }
}
