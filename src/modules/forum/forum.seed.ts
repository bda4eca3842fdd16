/**
 * Demo record of the forum (推動小組) for Taiwan's 2021–2024 plan, marked as demo. Its texts are data
 * (demo/forum.json); the record follows the plan's review cycles, so this file keeps the rule that lays it out: a
 * plenary for each cycle (without cycles, about every four months), reviewing that cycle's submitted reports with
 * two showcased; working-group meetings before the first plenaries; resolutions taken in turn from the file and
 * followed up at later plenaries — closed at the next, the one after or the third (解除列管), the latest still
 * tracked (持續列管). Everything is written through the forum services, as the secretariat records meetings.
 * Deterministic: attendance is drawn with the file's seed.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy } from '../../domain/authorization.js';
import { normalizeLocalized, type Localized } from '../../domain/localized.js';
import { addDays } from '../../domain/monitoring.js';
import { systemActor } from '../../domain/system-actor.js';
import { dataFile, parseData, Problems, readJson, reviewedTexts, writing, type DataFile } from '../../web/data-files.js';
import { localizedInput, text } from '../../web/schemas.js';
import { planQueries as planQ } from '../plans/index.js';
import { demoCommitments, loadDemoPlan, type DemoPlan } from '../plans/index.js';
import { commitmentInput, agencyInput } from '../plans/index.js';
import { forumPolicy } from './forum.policy.js';
import * as q from './forum.queries.js';
import { meetingInput } from './forum.schemas.js';
import { createMeeting, createResolution, decideResolution, setMeetingReports } from './forum.service.js';

export const DEMO_FORUM_FILE: DataFile = dataFile(new URL('./demo/forum.json', import.meta.url));

/** A {zh, en} text with {placeholders}, each of which must be one the seed fills in. */
const template = (...names: string[]) =>
  localizedInput().refine((t) => [...`${t.zh ?? ''} ${t.en ?? ''}`.matchAll(/\{(\w+)\}/g)].every(([, n]) => names.includes(n ?? '')), {
    message: `only these placeholders: ${names.map((n) => `{${n}}`).join(', ') || 'none'}`,
  });
const range = z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => a <= b, { message: 'the least comes first' });
const attendance = z.object({ government: range, civilSociety: range, other: range }).strict();
const days = z.number().int().min(0).max(3650);

export const demoForumSchema = z
  .object({
    about: text(),
    /** Who records the meetings; the history names them. */
    secretariat: text(200).trim().min(1),
    randomSeed: z.number().int(),
    plenary: z
      .object({
        /** The forum met before the plan began (while drafting it): the number of the first plenary seeded. */
        firstNumber: z.number().int().min(1),
        title: template('number'),
        attendance,
        agenda: template('report', 'topic'),
        report: z.object({ cycle: template('cycle'), noCycle: template() }).strict(),
        minutes: template('progress', 'topic', 'resolutions'),
        progress: z.object({ reports: template('reports'), noReports: template() }).strict(),
        links: meetingInput.shape.links,
      })
      .strict(),
    workingGroup: z
      .object({
        daysBeforePlenary: days,
        title: template('commitment', 'topic'),
        attendance,
        agenda: template('commitment'),
        minutes: template(),
      })
      .strict(),
    workingGroups: z.array(z.object({ commitment: commitmentInput.shape.number, topic: localizedInput(200) }).strict()),
    topics: z.array(localizedInput(200)).min(1),
    resolutions: z.array(z.object({ body: localizedInput(5000), owner: agencyInput.shape.code }).strict()).min(1),
    /** Due dates of a meeting's resolutions, in turn: this many days after it. */
    resolutionDueAfterDays: z.array(days).min(1),
    stories: z.array(localizedInput(5000)).min(1),
    followUp: z.object({ keepTracking: localizedInput(5000), closed: localizedInput(5000) }).strict(),
  })
  .strict();
export type DemoForum = z.infer<typeof demoForumSchema>;

/** Checks what a forum file holds against the plan's agencies and commitments; problems go to `problems`. */
export function checkDemoForum(file: DataFile, value: unknown, plan: DemoPlan, problems: Problems): DemoForum | undefined {
  const data = parseData(file, demoForumSchema, value, problems);
  const agencies = new Set(plan.agencies.map((a) => a.code));
  const numbers = new Set(demoCommitments(plan).map(({ commitment }) => commitment.number));
  data?.resolutions.forEach((r, i) => {
    if (!agencies.has(r.owner)) problems.add(file, `resolutions[${i}].owner`, `unknown agency ${r.owner}`);
  });
  data?.workingGroups.forEach((g, i) => {
    if (!numbers.has(g.commitment)) problems.add(file, `workingGroups[${i}].commitment`, `unknown commitment ${g.commitment}`);
  });
  return data && reviewedTexts(data);
}

/** Reads and checks the forum file; throws a DataFileError listing every problem, each with file and path. */
export async function loadDemoForum(problems = new Problems()): Promise<DemoForum> {
  const plan = await loadDemoPlan(problems);
  const data = checkDemoForum(DEMO_FORUM_FILE, await readJson(DEMO_FORUM_FILE, problems), plan, problems);
  problems.throwIfAny();
  return data as DemoForum;
}

type Text = z.infer<ReturnType<typeof localizedInput>>;

/** The template with its placeholders filled in, in both languages. */
function fill(t: Text, values: Record<string, string | number | Text> = {}): Localized {
  const side = (lang: 'zh' | 'en') =>
    (t[lang] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = values[name];
      return typeof v === 'object' ? (v[lang] ?? '') : String(v ?? '');
    });
  return normalizeLocalized({ zh: side('zh'), en: side('en'), status: t.status ?? 'reviewed' });
}

/** A small seeded generator (mulberry32), so every run seeds the same numbers. */
function random(seed: number): (min: number, max: number) => number {
  let a = seed >>> 0;
  return (min, max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    const r = ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    return min + Math.floor(r * (max - min + 1));
  };
}

interface PlannedPlenary {
  heldOn: string;
  cycleId: number | null;
  cycleNumber: number | null;
}

/** The nth item of a list, going round. */
const nth = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

export async function seedDemoForum(db: Db, opts: { planId: number; agencyIds: Map<string, number> }): Promise<void> {
  // The seed also runs without the app (the CLI, the test harness): the rules its writes are checked against are
  // registered here too (the same rules again are harmless).
  registerPolicy(forumPolicy);
  const d = await loadDemoForum();
  // All of it or nothing, with one flush to disk: each service's own transaction joins one (db/one-transaction.ts).
  await inOneTransaction(db, (db) => writeDemoForum(db, opts, d));
}

async function writeDemoForum(db: Db, opts: { planId: number; agencyIds: Map<string, number> }, d: DemoForum): Promise<void> {
  const plan = await planQ.findPlanById(db, opts.planId);
  if (!plan) throw new Error(`seedDemoForum: no plan ${opts.planId}`);
  // Seeding twice would duplicate the record.
  if ((await q.listMeetings(db, plan.id)).length > 0) return;
  const file = DEMO_FORUM_FILE;
  const secretariat = systemActor(d.secretariat, 'secretariat');
  const deps = { db, demo: true };
  const rand = random(d.randomSeed);
  const draw = (ranges: DemoForum['plenary']['attendance']) => ({
    government: rand(...ranges.government),
    civilSociety: rand(...ranges.civilSociety),
    other: rand(...ranges.other),
  });

  const cycles = await q.listCycleRefs(db, plan.id);
  const plenaries: PlannedPlenary[] =
    cycles.length > 0
      ? cycles.map((c) => ({ heldOn: c.reviewOn ?? addDays(c.endsOn, 30), cycleId: c.id, cycleNumber: c.number }))
      : // Without review cycles, a plenary about every four months of the plan.
        Array.from({ length: 4 }, (_, i) => ({ heldOn: addDays(plan.periodStart, 120 * (i + 1)), cycleId: null, cycleNumber: null }));

  // ---- working groups, a few weeks before the first plenaries ----
  const wg = d.workingGroup;
  for (const [i, group] of d.workingGroups.entries()) {
    const heldOn = addDays(plenaries[i]?.heldOn ?? addDays(plan.periodStart, 90 * (i + 1)), -wg.daysBeforePlenary);
    const values = { commitment: group.commitment, topic: group.topic };
    await writing(file, `workingGroups[${i}]`, () =>
      createMeeting(deps, secretariat, plan.id, {
        heldOn,
        kind: 'working-group',
        cycleId: null,
        title: fill(wg.title, values),
        attendance: draw(wg.attendance),
        agenda: fill(wg.agenda, values),
        minutes: fill(wg.minutes),
        links: [],
      }),
    );
  }

  // ---- plenaries ----
  const made: { id: number; version: number; meetingIndex: number }[] = [];
  const plenaryIds: number[] = [];
  let resolutionCursor = 0;
  for (const [k, p] of plenaries.entries()) {
    const topic = nth(d.topics, k);
    const reports = p.cycleId === null ? [] : await q.listReviewableReports(db, plan.id, p.cycleId);
    const count = 1 + (k % 3);
    const pl = d.plenary;
    const meeting = await writing(file, 'plenary', () =>
      createMeeting(deps, secretariat, plan.id, {
        heldOn: p.heldOn,
        kind: 'plenary',
        cycleId: p.cycleId,
        title: fill(pl.title, { number: pl.firstNumber + k }),
        attendance: draw(pl.attendance),
        agenda: fill(pl.agenda, { report: p.cycleNumber === null ? pl.report.noCycle : fill(pl.report.cycle, { cycle: p.cycleNumber }), topic }),
        minutes: fill(pl.minutes, {
          progress: reports.length > 0 ? fill(pl.progress.reports, { reports: reports.length }) : pl.progress.noReports,
          topic,
          resolutions: count,
        }),
        links: pl.links ?? [],
      }),
    );
    plenaryIds.push(meeting.id);

    // The cycle's submitted reports, two of them showcased with their story.
    if (reports.length > 0) {
      const first = (k * 2) % reports.length;
      const showcased = new Set([first, (first + 1) % reports.length]);
      await writing(file, 'stories', () =>
        setMeetingReports(deps, secretariat, meeting.id, {
          version: meeting.version,
          reports: reports.map((r, i) => ({
            reportId: r.reportId,
            showcased: showcased.has(i),
            ...(showcased.has(i) ? { story: nth(d.stories, k + i) } : {}),
          })),
        }),
      );
    }

    for (let j = 0; j < count; j++) {
      const index = resolutionCursor % d.resolutions.length;
      const template = d.resolutions[index];
      resolutionCursor++;
      if (!template) continue;
      const resolution = await writing(file, `resolutions[${index}]`, () =>
        createResolution(deps, secretariat, meeting.id, {
          body: template.body,
          ownerAgencyId: opts.agencyIds.get(template.owner) ?? null,
          dueOn: addDays(meeting.heldOn, nth(d.resolutionDueAfterDays, j)),
        }),
      );
      made.push({ id: resolution.id, version: resolution.version, meetingIndex: k });
    }
  }

  // ---- follow-up at later plenaries: closed at the next, the one after, or the third; the latest ones still tracked ----
  for (const [index, r] of made.entries()) {
    const later = (n: number) => plenaryIds[r.meetingIndex + n];
    const keep = { status: 'keep-tracking' as const, note: d.followUp.keepTracking };
    const close = { status: 'closed' as const, note: d.followUp.closed };
    const steps: [number | undefined, typeof keep | typeof close][] =
      index % 3 === 0
        ? [[later(1), close]]
        : index % 3 === 1
          ? [
              [later(1), keep],
              [later(2), close],
            ]
          : [
              [later(1), keep],
              [later(2), keep],
              [later(3), close],
            ];
    let version = r.version;
    for (const [meetingId, decision] of steps) {
      if (meetingId === undefined) continue;
      const { resolution } = await writing(file, 'followUp', () => decideResolution(deps, secretariat, r.id, { meetingId, ...decision, version }));
      version = resolution.version;
    }
  }
}
