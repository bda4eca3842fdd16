/**
 * Demo working groups for Taiwan's 2021–2024 plan, marked as demo: one per commitment, chaired by the lead agency's
 * deputy head (named by office), with an illustrative civil-society co-chair and the operating rules adapted from
 * the seed's 工作分組的運作規範 (demo/workgroups.json). A few dozen illustrative participants (demo accounts with
 * random passwords, never shown) are spread over the groups, 3 to 15 members each, some listed publicly; one group
 * is closed with its published reason. The groups are written through the service (history included); the
 * memberships in one statement.
 */
import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy } from '../../domain/authorization.js';
import { normalizeLocalized, type Localized } from '../../domain/localized.js';
import { systemActor } from '../../domain/system-actor.js';
import { dataFile, parseData, Problems, readJson, reviewedTexts, writing, type DataFile } from '../../web/data-files.js';
import { localizedInput, text } from '../../web/schemas.js';
import { REGIONS } from '../../domain/people.js';
import { createUser } from '../accounts/index.js';
import { commitmentInput, demoCommitments, loadDemoPlan, planQueries as planQ, type DemoPlan } from '../plans/index.js';
import { workgroupsPolicy } from './workgroups.policy.js';
import * as q from './workgroups.queries.js';
import { createWorkingGroup } from './workgroups.service.js';

export const DEMO_WORKGROUPS_FILE: DataFile = dataFile(new URL('./demo/workgroups.json', import.meta.url));

/** A {zh, en} text with {placeholders}, each of which must be one the seed fills in. */
const template = (...names: string[]) =>
  localizedInput().refine((t) => [...`${t.zh ?? ''} ${t.en ?? ''}`.matchAll(/\{(\w+)\}/g)].every(([, n]) => names.includes(n ?? '')), {
    message: `only these placeholders: ${names.map((n) => `{${n}}`).join(', ') || 'none'}`,
  });

export const demoWorkgroupsSchema = z
  .object({
    about: text(),
    /** Who creates the groups; the history names them. */
    secretariat: text(200).trim().min(1),
    name: template('number', 'title'),
    slug: text(60).refine((s) => s.includes('{number}'), { message: 'the slug must hold {number}' }),
    purpose: template('number', 'title'),
    chair: template('agency'),
    rules: localizedInput(20_000),
    coChairs: z.array(localizedInput(200)).min(1),
    /** Added to each co-chair's name: they are illustrative people. */
    coChairNote: localizedInput(50),
    participants: z.array(text(100).trim().min(1)).min(15).max(60),
    participantNote: text(50),
    /** Profiles handed out to the participants in turn (illustrative organisations, groups and regions). */
    participantProfiles: z
      .array(
        z
          .object({
            organisation: text(200).optional(),
            stakeholderGroup: text(40),
            region: z.enum(REGIONS),
            public: z.boolean(),
          })
          .strict(),
      )
      .min(1),
    members: z
      .object({ least: z.number().int().min(0), most: z.number().int().min(1), listedEvery: z.number().int().min(1) })
      .strict()
      .refine((m) => m.least <= m.most, { message: 'the least comes first' }),
    closed: z.object({ commitment: commitmentInput.shape.number, reason: localizedInput(2000) }).strict(),
  })
  .strict();
export type DemoWorkgroups = z.infer<typeof demoWorkgroupsSchema>;

/** Checks the file against the plan's commitments; problems go to `problems`. */
export function checkDemoWorkgroups(file: DataFile, value: unknown, plan: DemoPlan, problems: Problems): DemoWorkgroups | undefined {
  const data = parseData(file, demoWorkgroupsSchema, value, problems);
  const numbers = new Set(demoCommitments(plan).map(({ commitment }) => commitment.number));
  if (data && !numbers.has(data.closed.commitment)) problems.add(file, 'closed.commitment', `unknown commitment ${data.closed.commitment}`);
  if (data && data.members.most > data.participants.length) problems.add(file, 'members.most', `more than the ${data.participants.length} participants`);
  if (data && new Set(data.participants).size !== data.participants.length) problems.add(file, 'participants', 'a name is listed twice');
  return data && reviewedTexts(data);
}

export async function loadDemoWorkgroups(problems = new Problems()): Promise<DemoWorkgroups> {
  const plan = await loadDemoPlan(problems);
  const data = checkDemoWorkgroups(DEMO_WORKGROUPS_FILE, await readJson(DEMO_WORKGROUPS_FILE, problems), plan, problems);
  problems.throwIfAny();
  return data as DemoWorkgroups;
}

type Text = z.infer<ReturnType<typeof localizedInput>>;

/** The template with its placeholders filled in, in both languages. */
function fill(t: Text, values: Record<string, string | Localized> = {}): Localized {
  const side = (lang: 'zh' | 'en') =>
    (t[lang] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = values[name];
      return typeof v === 'object' ? v[lang] : (v ?? '');
    });
  return normalizeLocalized({ zh: side('zh'), en: side('en'), status: t.status ?? 'reviewed' });
}

/** How many members group `i` has and who: a fixed spread over the participants, so every run seeds the same. */
export function demoMembers(i: number, participants: number, m: DemoWorkgroups['members']): { participant: number; listed: boolean }[] {
  const count = m.least + ((i * 7) % (m.most - m.least + 1));
  return Array.from({ length: count }, (_, j) => ({ participant: (i * 5 + j) % participants, listed: (i + j) % m.listedEvery === 0 }));
}

export async function seedDemoWorkgroups(db: Db, opts: { planId: number; agencyIds: Map<string, number> }): Promise<void> {
  // The seed also runs without the app (the CLI, the test harness): its rules are registered here too.
  registerPolicy(workgroupsPolicy);
  const d = await loadDemoWorkgroups();
  await inOneTransaction(db, (db) => writeDemoWorkgroups(db, opts.planId, d));
}

async function writeDemoWorkgroups(db: Db, planId: number, d: DemoWorkgroups): Promise<void> {
  const plan = await planQ.findPlanById(db, planId);
  if (!plan) throw new Error(`seedDemoWorkgroups: no plan ${planId}`);
  // Seeding twice would duplicate the groups and the participants.
  if ((await q.listWorkingGroupRows(db, plan.id)).length > 0) return;
  const file = DEMO_WORKGROUPS_FILE;
  const secretariat = systemActor(d.secretariat, 'secretariat');
  const deps = { db, demo: true };
  const [commitments, agencies] = await Promise.all([planQ.listCommitmentSummaries(db, { planId: plan.id }), planQ.listAgencies(db)]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));

  // Participants: demo accounts with passwords nobody knows (the hashes are computed side by side).
  const participants = await Promise.all(
    d.participants.map((name, i) =>
      createUser({ db }, 'cli', {
        email: `participant-${String(i + 1).padStart(2, '0')}@demo.cocreate.tw`,
        displayName: `${name}${d.participantNote}`,
        password: randomBytes(18).toString('base64url'),
        role: 'public',
        agencyIds: [],
        isDemo: true,
        profile: d.participantProfiles[i % d.participantProfiles.length],
      }),
    ),
  );

  const groups = [];
  for (const [i, c] of commitments.entries()) {
    const values = { number: c.number, title: c.title };
    const coChair = d.coChairs[i % d.coChairs.length] ?? d.coChairs[0];
    const closed = c.number === d.closed.commitment;
    const group = await writing(file, `commitment ${c.number}`, () =>
      createWorkingGroup(deps, secretariat, plan.id, {
        slug: d.slug.replace('{number}', c.number),
        kind: 'commitment',
        name: fill(d.name, values),
        purpose: fill(d.purpose, values),
        rules: d.rules,
        commitmentIds: [c.id],
        chair: { name: fill(d.chair, { agency: agencyName.get(c.leadAgencyId) ?? '' }), agencyId: c.leadAgencyId },
        coChair: { name: fill({ zh: `${coChair?.zh ?? ''}${d.coChairNote.zh ?? ''}`, en: `${coChair?.en ?? ''}${d.coChairNote.en ?? ''}` }) },
        open: !closed,
        ...(closed ? { closedReason: d.closed.reason } : {}),
      }),
    );
    groups.push(group);
  }

  await q.insertMemberships(
    db,
    groups.flatMap((group, i) =>
      demoMembers(i, participants.length, d.members).map((m) => ({ groupId: group.id, userId: participants[m.participant] ?? 0, listed: m.listed })),
    ),
  );
}
