/**
 * Loads the demo plan (demo/tw-2021-2024.json, DOMAIN.md's 2021–2024 plan) into an empty database, marked as demo
 * content. The file is checked as a whole first, through the same input schemas and date rules the API applies;
 * then it is written through the plan services, as the secretariat would enter it, so history is recorded as usual.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { normalizeLocalized } from '../../domain/localized.js';
import {
  allowedPlanTransitions,
  checkCommitmentContent,
  checkCommitmentDates,
  checkMilestoneDates,
  checkPlanPeriod,
  MEMBER_KINDS,
  type PlanStatus,
} from '../../domain/plan.js';
import { registerPolicy } from '../../domain/authorization.js';
import { systemActor } from '../../domain/system-actor.js';
import { dataFile, parseData, Problems, readJson, reviewedTexts, writing, type DataFile } from '../../web/data-files.js';
import { localizedInput, text } from '../../web/schemas.js';
import * as q from './plans.queries.js';
import { plansPolicy } from './plans.policy.js';
import { agencyInput, areaInput, commitmentInput, milestoneInput, planInput } from './plans.schemas.js';
import { createAgency, createArea, createCommitment, createMilestone, createPlan, updatePlan } from './plans.service.js';

export const DEMO_PLAN_FILE: DataFile = dataFile(new URL('./demo/tw-2021-2024.json', import.meta.url));

const agencyCode = agencyInput.shape.code;
/** The public name, used by the history for what this actor writes. */
const name = text(200).trim().min(1);

export const demoAgencySchema = agencyInput.pick({ code: true, name: true }).extend({ isDemo: z.boolean() }).strict();

/**
 * The plan file: the inputs of the plan services, with agencies named by code instead of id, areas and milestones
 * placed by their order, and no OGP IDs (Taiwan is not an OGP member, so the demo invents none).
 */
export const demoPlanSchema = z
  .object({
    about: text(),
    /** Who enters the plan; the history names them. */
    editor: name,
    member: z.object({ code: text().regex(/^[A-Z]{2,10}$/), kind: z.enum(MEMBER_KINDS), name: localizedInput(300) }).strict(),
    agencies: z.array(demoAgencySchema).min(1),
    plan: planInput.omit({ memberId: true }).strict(),
    areas: z.array(
      areaInput
        .omit({ position: true })
        .extend({
          commitments: z.array(
            commitmentInput
              .omit({ areaId: true, leadAgencyId: true, coAgencyIds: true, ogpId: true })
              .extend({
                leadAgency: agencyCode,
                coAgencies: z.array(agencyCode).max(50).default([]),
                milestones: z.array(milestoneInput.omit({ position: true }).strict()).max(100),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();
export type DemoPlan = z.infer<typeof demoPlanSchema>;
export type DemoCommitment = DemoPlan['areas'][number]['commitments'][number];

/** Every commitment of the plan with its place in the file. */
export function demoCommitments(plan: DemoPlan): { commitment: DemoCommitment; path: string }[] {
  return plan.areas.flatMap((area, a) => area.commitments.map((commitment, c) => ({ commitment, path: `areas[${a}].commitments[${c}]` })));
}

/** What the services would refuse, found before anything is written: references, uniqueness and dates. */
function checkReferences(file: DataFile, d: DemoPlan, problems: Problems): void {
  const codes = new Set<string>();
  d.agencies.forEach((a, i) => {
    if (codes.has(a.code)) problems.add(file, `agencies[${i}].code`, `agency ${a.code} is listed twice`);
    codes.add(a.code);
  });
  problems.addFieldProblems(file, 'plan', checkPlanPeriod(d.plan.periodStart, d.plan.periodEnd));
  const numbers = new Set<string>();
  for (const { commitment: c, path } of demoCommitments(d)) {
    if (numbers.has(c.number)) problems.add(file, `${path}.number`, `commitment ${c.number} is listed twice`);
    numbers.add(c.number);
    if (!codes.has(c.leadAgency)) problems.add(file, `${path}.leadAgency`, `unknown agency ${c.leadAgency}`);
    c.coAgencies.forEach((code, i) => {
      if (!codes.has(code)) problems.add(file, `${path}.coAgencies[${i}]`, `unknown agency ${code}`);
      if (code === c.leadAgency) problems.add(file, `${path}.coAgencies[${i}]`, `${code} leads this commitment`);
    });
    problems.addFieldProblems(file, path, [
      ...checkCommitmentDates(c, d.plan),
      ...checkCommitmentContent({ ogpValues: c.ogpValues ?? [], briefDescription: normalizeLocalized(c.briefDescription ?? {}) }),
    ]);
    c.milestones.forEach((m, i) => problems.addFieldProblems(file, `${path}.milestones[${i}]`, checkMilestoneDates(m, c)));
  }
}

/** Checks what a plan file holds; its problems go to `problems`, each with the file's name and the path. */
export function checkDemoPlan(file: DataFile, value: unknown, problems: Problems): DemoPlan | undefined {
  const data = parseData(file, demoPlanSchema, value, problems);
  if (data) checkReferences(file, data, problems);
  return data && reviewedTexts(data);
}

/** Reads and checks the plan file; throws a DataFileError listing every problem, each with file and path. */
export async function loadDemoPlan(problems = new Problems()): Promise<DemoPlan> {
  const data = checkDemoPlan(DEMO_PLAN_FILE, await readJson(DEMO_PLAN_FILE, problems), problems);
  problems.throwIfAny();
  return data as DemoPlan;
}

/** The statuses a plan passes through from drafting to `target`, as the secretariat would move it. */
function statusPath(target: PlanStatus): PlanStatus[] {
  const paths = new Map<PlanStatus, PlanStatus[]>([['drafting', []]]);
  const queue: PlanStatus[] = ['drafting'];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const to of allowedPlanTransitions(from)) {
      if (paths.has(to)) continue;
      paths.set(to, [...(paths.get(from) ?? []), to]);
      queue.push(to);
    }
  }
  const path = paths.get(target);
  if (!path) throw new Error(`A plan cannot reach the status ${target}`);
  return path;
}

export async function isEmpty(db: Db): Promise<boolean> {
  return (await q.listPlans(db)).length === 0 && (await q.listAgencies(db)).length === 0;
}

export interface SeededPlan {
  planId: number;
  agencyIds: Map<string, number>;
}

export async function seedDemoPlan(db: Db): Promise<SeededPlan> {
  // The seed also runs without the app (the CLI, the test harness): the rules its writes are checked against are
  // registered here too (the same rules again are harmless).
  registerPolicy(plansPolicy);
  const d = await loadDemoPlan();
  // All of it or nothing, with one flush to disk: each service's own transaction joins one (db/one-transaction.ts).
  return inOneTransaction(db, (db) => writeDemoPlan(db, d));
}

async function writeDemoPlan(db: Db, d: DemoPlan): Promise<SeededPlan> {
  const file = DEMO_PLAN_FILE;
  const editor = systemActor(d.editor, 'secretariat');
  const demo = { db, demo: true };

  // Members have no service (there is no page to add one): the one the plan belongs to is added here if missing.
  const member = (await q.listMembers(db)).find((m) => m.code === d.member.code);
  const memberId = member?.id ?? (await q.insertMember(db, { code: d.member.code, kind: d.member.kind, name: normalizeLocalized(d.member.name) }));

  const agencyIds = new Map<string, number>();
  for (const [i, a] of d.agencies.entries()) {
    // An agency someone already entered is used as it is (`cocreate seed --force` on a database in use).
    const existing = await q.findAgencyByCode(db, a.code);
    const agency = existing ?? (await writing(file, `agencies[${i}]`, () => createAgency({ db, demo: a.isDemo }, editor, { code: a.code, name: a.name })));
    agencyIds.set(a.code, agency.id);
  }
  const agencyId = (code: string): number => agencyIds.get(code) ?? 0;

  const { status = 'drafting', ...content } = d.plan;
  let plan = await writing(file, 'plan', () => createPlan(demo, editor, { ...content, memberId, status: 'drafting' }));
  for (const next of statusPath(status)) {
    const { version } = plan;
    plan = await writing(file, 'plan.status', () => updatePlan(demo, editor, plan.id, { status: next, version }));
  }

  for (const [a, area] of d.areas.entries()) {
    const { commitments, ...areaContent } = area;
    const { id: areaId } = await writing(file, `areas[${a}]`, () => createArea(demo, editor, plan.id, { ...areaContent, position: a + 1 }));
    for (const [c, commitment] of commitments.entries()) {
      const path = `areas[${a}].commitments[${c}]`;
      const { leadAgency, coAgencies, milestones, ...fields } = commitment;
      const created = await writing(file, path, () =>
        createCommitment(demo, editor, plan.id, { ...fields, areaId, leadAgencyId: agencyId(leadAgency), coAgencyIds: coAgencies.map(agencyId) }),
      );
      for (const [m, milestone] of milestones.entries())
        await writing(file, `${path}.milestones[${m}]`, () => createMilestone(demo, editor, created.id, { ...milestone, position: m + 1 }));
    }
  }
  return { planId: plan.id, agencyIds };
}
