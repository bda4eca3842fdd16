/**
 * Demo co-creation of Taiwan's 2021–2024 plan, marked as demo: the timeline's phases with the days they were
 * published (the working-groups phase late, on purpose), the forum's first two plenaries, the 19 preparation
 * meetings (2019-07 → 2020-07, 500 participations) and the 20 working-group meetings (2020-11 → 12, 330
 * participations) that the plan's development-process text states — so the co-creation record shows those figures
 * from data. The texts and head counts are data (demo/cocreation.json); this file keeps the rules that lay them out:
 * sector totals follow from the head counts by stakeholder group, and a working-group meeting is titled and placed
 * by its commitment and lead agency and linked to the commitment's working group (when the workgroups seed made
 * one). Everything goes through the forum's and co-creation's use cases, as the secretariat would record it; it runs
 * after the forum, roster and workgroups seeds.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy } from '../../domain/authorization.js';
import type { Attendance, GroupAttendance } from '../../domain/forum.js';
import { normalizeLocalized, type Localized } from '../../domain/localized.js';
import { systemActor } from '../../domain/system-actor.js';
import { dataFile, parseData, Problems, readJson, reviewedTexts, writing, type DataFile } from '../../web/data-files.js';
import { localizedInput, text } from '../../web/schemas.js';
import { createMeeting, forumPolicy, meetingInput, type MeetingInput } from '../forum/index.js';
import { demoCommitments, loadDemoPlan, planQueries as planQ, type DemoPlan } from '../plans/index.js';
import { listWorkingGroups } from '../workgroups/index.js';
import { cocreationPolicy } from './cocreation.policy.js';
import * as q from './cocreation.queries.js';
import { phaseInput } from './cocreation.schemas.js';
import { createPhase } from './cocreation.service.js';

export const DEMO_COCREATION_FILE: DataFile = dataFile(new URL('./demo/cocreation.json', import.meta.url));

const shape = meetingInput.shape;
const byGroup = shape.attendanceByGroup.unwrap();
const where = { place: localizedInput(300), region: shape.region.unwrap(), mode: shape.mode.unwrap() };

export const demoCocreationSchema = z
  .object({
    about: text(),
    /** Who records the timeline and the meetings; the history names them. */
    secretariat: text(200).trim().min(1),
    phases: z.array(phaseInput.required({ publishedOn: true })).min(1),
    plenaries: z.array(z.object({ heldOn: shape.heldOn, title: localizedInput(300), ...where, attendance: byGroup }).strict()),
    preparation: z.array(
      z.object({ heldOn: shape.heldOn, kind: shape.kind, title: localizedInput(300), ...where, openToPublic: z.boolean(), attendance: byGroup }).strict(),
    ),
    workingGroup: z.object({ title: localizedInput(300), agenda: localizedInput() }).strict(),
    workingGroupMeetings: z.array(
      z.object({ heldOn: shape.heldOn, commitment: text(20), region: where.region, mode: where.mode, attendance: byGroup }).strict(),
    ),
  })
  .strict();
export type DemoCocreation = z.infer<typeof demoCocreationSchema>;

/** Checks the file against the plan's commitments; problems go to `problems`. */
export function checkDemoCocreation(file: DataFile, value: unknown, plan: DemoPlan, problems: Problems): DemoCocreation | undefined {
  const data = parseData(file, demoCocreationSchema, value, problems);
  const numbers = new Set(demoCommitments(plan).map(({ commitment }) => commitment.number));
  data?.workingGroupMeetings.forEach((m, i) => {
    if (!numbers.has(m.commitment)) problems.add(file, `workingGroupMeetings[${i}].commitment`, `unknown commitment ${m.commitment}`);
  });
  return data && reviewedTexts(data);
}

export async function loadDemoCocreation(problems = new Problems()): Promise<DemoCocreation> {
  const plan = await loadDemoPlan(problems);
  const data = checkDemoCocreation(DEMO_COCREATION_FILE, await readJson(DEMO_COCREATION_FILE, problems), plan, problems);
  problems.throwIfAny();
  return data as DemoCocreation;
}

/**
 * The sector totals of a head count by stakeholder group, as the demo lays them out: government is government,
 * the private sector and "other" are others, every other group (organisations, academia, indigenous peoples, new
 * immigrants, youth) is civil society. The forum's check then finds both counts equal.
 */
export function sectorsOf(groups: GroupAttendance): Attendance {
  const sectors: Attendance = { government: 0, civilSociety: 0, other: 0 };
  for (const [code, n] of Object.entries(groups)) {
    if (code === 'government') sectors.government += n;
    else if (code === 'private-sector' || code === 'other') sectors.other += n;
    else sectors.civilSociety += n;
  }
  return sectors;
}

type Text = z.infer<ReturnType<typeof localizedInput>>;

const fill = (t: Text, values: Record<string, Localized | string>): Localized => {
  const side = (lang: 'zh' | 'en') =>
    (t[lang] ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = values[name];
      return v === undefined ? whole : typeof v === 'string' ? v : v[lang];
    });
  return normalizeLocalized({ zh: side('zh'), en: side('en'), status: t.status ?? 'reviewed' });
};

export async function seedDemoCocreation(db: Db, opts: { planId: number }): Promise<void> {
  // The seed also runs without the app (the CLI, the test harness): the rules its writes are checked against are
  // registered here too (the same rules again are harmless).
  registerPolicy(forumPolicy);
  registerPolicy(cocreationPolicy);
  const d = await loadDemoCocreation();
  await inOneTransaction(db, (db) => writeDemoCocreation(db, opts.planId, d));
}

async function writeDemoCocreation(db: Db, planId: number, d: DemoCocreation): Promise<void> {
  // Seeding twice would duplicate the record.
  if ((await q.listPhases(db, planId)).length > 0) return;
  const file = DEMO_COCREATION_FILE;
  const secretariat = systemActor(d.secretariat, 'secretariat');
  // The days of publication are in the past: the clock only bounds them.
  const deps = { db, now: () => new Date(), demo: true };

  for (const [i, phase] of d.phases.entries()) await writing(file, `phases[${i}]`, () => createPhase(deps, secretariat, planId, phase));

  const record = (path: string, kind: MeetingInput['kind'], m: Omit<MeetingInput, 'kind'>) =>
    writing(file, path, () => createMeeting(deps, secretariat, planId, { ...m, kind }));

  for (const [i, m] of d.plenaries.entries())
    await record(`plenaries[${i}]`, 'plenary', { ...m, attendance: sectorsOf(m.attendance), attendanceByGroup: m.attendance, openToPublic: false });

  for (const [i, m] of d.preparation.entries())
    await record(`preparation[${i}]`, m.kind, { ...m, attendance: sectorsOf(m.attendance), attendanceByGroup: m.attendance });

  const [commitments, agencies, groups] = await Promise.all([
    planQ.listCommitmentSummaries(db, { planId }),
    planQ.listAgencies(db),
    listWorkingGroups(db, planId),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  for (const [i, m] of d.workingGroupMeetings.entries()) {
    const commitment = commitments.find((c) => c.number === m.commitment);
    if (!commitment) throw new Error(`${file.name}: workingGroupMeetings[${i}].commitment: no commitment ${m.commitment} in the plan`);
    // The commitment's own group first, a thematic one otherwise.
    const group =
      groups.find((g) => g.kind === 'commitment' && g.commitmentIds.includes(commitment.id)) ?? groups.find((g) => g.commitmentIds.includes(commitment.id));
    const lead = agencyName.get(commitment.leadAgencyId);
    await record(`workingGroupMeetings[${i}]`, 'working-group', {
      heldOn: m.heldOn,
      title: fill(d.workingGroup.title, { number: commitment.number, commitment: commitment.title }),
      agenda: fill(d.workingGroup.agenda, {}),
      // Working groups met in open meetings: anyone could register (the plan's text).
      openToPublic: true,
      mode: m.mode,
      region: m.region,
      ...(lead ? { place: lead } : {}),
      attendance: sectorsOf(m.attendance),
      attendanceByGroup: m.attendance,
      workingGroupId: group?.id ?? null,
      commitmentId: commitment.id,
    });
  }
}
