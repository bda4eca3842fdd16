/**
 * Demo participation on Taiwan's 2021–2024 draft plan, marked as demo (demo/consultations.ts says what is in it):
 * everything is written through the use cases — consultations, inputs, replies, responses, the moderators' hiding,
 * the import of the JOIN-style CSV — each at the moment it happened (`now` set to it), so the window checks and the
 * answer dates hold as they would have; all in one transaction. It runs after the co-creation seed, whose
 * public-consultation phase the consultation is placed in when there is one.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy, type Actor } from '../../domain/authorization.js';
import { normalizeLocalized } from '../../domain/localized.js';
import { systemActor } from '../../domain/system-actor.js';
import { createUser, insertGrant } from '../accounts/index.js';
import { listPhases } from '../cocreation/index.js';
import { readCommitmentHistory } from '../history/index.js';
import { planQueries as planQ, planService, plansPolicy } from '../plans/index.js';
import { demoParticipation as d, type DemoInput } from './demo/consultations.js';
import { parseTarget } from './import.js';
import { importInputs } from './import.service.js';
import { hideInput } from './moderation.service.js';
import type { Input } from './participation.model.js';
import { participationPolicy } from './participation.policy.js';
import * as q from './participation.queries.js';
import { createConsultation, postInput, replyToInput, respondToInput, type ParticipationDeps } from './participation.service.js';

export const DEMO_JOIN_CSV = new URL('./demo/join-2020.csv', import.meta.url);

export async function seedDemoParticipation(db: Db, plan: { planId: number; agencyIds: Map<string, number> }): Promise<void> {
  // The seed also runs without the app (the CLI, the test harness): its rules are registered here too.
  registerPolicy(participationPolicy);
  // The answer's milestone edit goes through the plans' service, which asks their rules.
  registerPolicy(plansPolicy);
  const csv = await readFile(DEMO_JOIN_CSV, 'utf8');
  await inOneTransaction(db, (db) => writeDemoParticipation(db, plan, csv));
}

const at = (iso: string) => new Date(iso);
const fill = (text: string, number: string) => text.replace('{number}', number);

async function writeDemoParticipation(db: Db, opts: { planId: number; agencyIds: Map<string, number> }, csv: string): Promise<void> {
  const plan = await planQ.findPlanById(db, opts.planId);
  if (!plan) throw new Error(`seedDemoParticipation: no plan ${opts.planId}`);
  // Seeding twice would duplicate everything.
  if ((await q.listConsultations(db, plan.id)).length > 0) return;

  const deps = (when: Date): ParticipationDeps => ({ db, now: () => when, demo: true });
  const secretariat = systemActor(d.secretariat, 'secretariat');
  const moderator = systemActor(d.moderator, 'admin');
  const agency = (code: string) => {
    const id = opts.agencyIds.get(code);
    if (id === undefined) throw new Error(`seedDemoParticipation: no agency ${code}`);
    return id;
  };

  // What the targets name: commitments by number, milestones by number and position.
  const [commitments, milestones, agencies] = await Promise.all([
    planQ.listCommitmentSummaries(db, { planId: plan.id }),
    planQ.listMilestonesOfPlan(db, plan.id),
    planQ.listAgencies(db),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const commitment = (number: string) => {
    const c = commitments.find((x) => x.number === number);
    if (!c) throw new Error(`seedDemoParticipation: no commitment ${number}`);
    return c;
  };
  const target = (text: string): { targetType: 'plan' | 'commitment' | 'milestone'; targetId: number } => {
    const t = parseTarget(text);
    if (t?.type === 'commitment') return { targetType: 'commitment', targetId: commitment(t.number).id };
    if (t?.type === 'milestone') {
      const m = (milestones.get(commitment(t.commitment).id) ?? []).find((x) => x.position === t.position);
      if (!m) throw new Error(`seedDemoParticipation: no milestone ${text}`);
      return { targetType: 'milestone', targetId: m.id };
    }
    if (t?.type === 'plan') return { targetType: 'plan', targetId: plan.id };
    throw new Error(`seedDemoParticipation: target ${text}`);
  };

  // The public consultation, in the timeline's public-consultation phase when the co-creation seed made one.
  const phases = await listPhases(db, plan.id);
  const phase = phases.find((p) => p.kind === 'public-consultation');
  const opens = at(d.consultation.opensAt);
  const consultation = await createConsultation(deps(new Date(opens.getTime() - 7 * 86_400_000)), secretariat, plan.id, {
    targetType: 'plan',
    targetId: plan.id,
    title: d.consultation.title,
    question: d.consultation.question,
    audience: 'public',
    opensAt: opens,
    closesAt: at(d.consultation.closesAt),
    ...(phase ? { phaseId: phase.id } : {}),
  });

  // Illustrative participants: demo accounts with passwords nobody knows.
  const participants: Actor[] = [];
  for (const [i, name] of d.participants.entries()) {
    const displayName = `${name}${d.note}`;
    const id = await createUser({ db }, 'cli', {
      email: `commenter-${String(i + 1).padStart(2, '0')}@demo.cocreate.tw`,
      displayName,
      password: randomBytes(18).toString('base64url'),
      role: 'public',
      agencyIds: [],
      isDemo: true,
    });
    participants.push({ id, displayName, role: 'public', agencyIds: [] });
  }
  const person = (list: readonly Actor[], i: number) => {
    const p = list[i];
    if (!p) throw new Error(`seedDemoParticipation: no person ${i}`);
    return p;
  };

  // Who answers: the lead agency's officer (as an office, no account), or the secretariat for the plan as a whole.
  const answerer = (input: Input): Actor => {
    if (input.agencyId === null) return secretariat;
    const name = agencyName.get(input.agencyId);
    return systemActor(`${name?.zh ?? ''}${d.note}`, 'agency-officer', [input.agencyId]);
  };
  // The change an adopted-in-part input caused: the lead agency's edit of the commitment's first milestone (its
  // indicator now counts the requests and decisions), made as it answers; the answer links that history entry.
  const milestoneChange = async (input: Input, by: Actor) => {
    if (input.commitmentId === null) return null;
    const first = (await planQ.listMilestones(db, input.commitmentId))[0];
    if (!first) return null;
    await planService.updateMilestone({ db }, by, first.id, {
      version: first.version,
      indicator: normalizeLocalized({
        zh: `${first.indicator.zh}；各機關每年公布政府資訊申請件數與准駁統計`,
        en: `${first.indicator.en}; each agency publishes the yearly numbers of requests and decisions`,
        status: 'reviewed',
      }),
    });
    const entries = await readCommitmentHistory(db, secretariat, input.commitmentId);
    return entries.find((e) => e.entityType === 'milestone' && e.entityId === first.id && e.action === 'update')?.id ?? null;
  };

  const posted = new Map<string, Input>();
  const post = async (author: Actor, i: DemoInput, consultationId: number) => {
    const input = await postInput(deps(at(i.at)), author, plan.id, {
      kind: 'comment',
      ...target(i.target),
      consultationId,
      body: i.body,
      lang: i.lang ?? 'zh',
    });
    posted.set(i.key, input);
    return input;
  };
  const respond = async (input: Input, i: DemoInput) => {
    const r = i.response;
    if (!r) return;
    const current = (await q.findInputById(db, input.id)) ?? input;
    await respondToInput(deps(at(r.at)), answerer(current), input.id, {
      state: r.state,
      ...(r.reason ? { reason: normalizeLocalized({ ...r.reason, status: 'reviewed' }) } : {}),
      ...(r.referredTo ? { referredTo: r.referredTo } : {}),
      ...(r.changeOfMilestone ? { changeHistoryId: await milestoneChange(current, answerer(current)) } : {}),
      version: current.version,
    });
  };

  // The inputs and replies in the order they came, then the answers in theirs.
  const events = [
    ...d.inputs.map((i) => ({ at: i.at, run: () => post(person(participants, i.by), i, consultation.id) })),
    ...d.replies.map((r) => ({
      at: r.at,
      run: async () => {
        const parent = posted.get(r.to);
        if (!parent) throw new Error(`seedDemoParticipation: a reply to ${r.to}, not posted yet`);
        await replyToInput(deps(at(r.at)), person(participants, r.by), parent.id, { body: r.body, lang: 'zh' });
      },
    })),
  ].sort((a, b) => at(a.at).getTime() - at(b.at).getTime());
  for (const e of events) await e.run();
  for (const i of d.inputs) {
    const input = posted.get(i.key);
    if (input) await respond(input, i);
  }

  // The moderators hide one input: its public reason stands in its place, its reply stays.
  const hidden = posted.get(d.hidden.key);
  if (!hidden) throw new Error('seedDemoParticipation: the hidden input was not posted');
  const current = (await q.findInputById(db, hidden.id)) ?? hidden;
  await hideInput({ db, now: () => at(d.hidden.at) }, moderator, hidden.id, { reason: d.hidden.reason, version: current.version });

  // The internal round on two commitments: agency officers and forum members (demo accounts).
  const round = d.internal;
  const people: Actor[] = [];
  for (const [i, p] of round.people.entries()) {
    const displayName = `${p.name}${d.note}`;
    const agencyIds = p.agency ? [agency(p.agency)] : [];
    const id = await createUser({ db }, 'cli', {
      email: `internal-round-${String(i + 1).padStart(2, '0')}@demo.cocreate.tw`,
      displayName,
      password: randomBytes(18).toString('base64url'),
      role: p.agency ? 'agency-officer' : 'public',
      agencyIds,
      isDemo: true,
    });
    const grants = p.agency ? [] : [{ role: 'forum-member' as const, scope: 'plan' as const, scopeId: plan.id }];
    for (const g of grants) await insertGrant(db, id, g, 'demo:participation');
    people.push({ id, displayName, role: p.agency ? 'agency-officer' : 'public', agencyIds, grants });
  }
  const rounds = new Map<string, number>();
  for (const number of round.commitments) {
    const c = commitment(number);
    const created = await createConsultation(deps(at('2020-10-01T09:00:00+08:00')), secretariat, plan.id, {
      targetType: 'commitment',
      targetId: c.id,
      title: { zh: fill(round.title.zh, number), en: fill(round.title.en, number) },
      question: round.question,
      audience: 'internal',
      opensAt: at(round.opensAt),
      closesAt: at(round.closesAt),
    });
    rounds.set(number, created.id);
  }
  for (const i of round.inputs) {
    const t = parseTarget(i.target);
    const number = t?.type === 'commitment' ? t.number : t?.type === 'milestone' ? t.commitment : '';
    const consultationId = rounds.get(number);
    if (consultationId === undefined) throw new Error(`seedDemoParticipation: no internal round on ${i.target}`);
    const input = await post(person(people, i.by), i, consultationId);
    await respond(input, i);
  }

  // The 46 inputs JOIN gathered in 2019–2020, with the agencies' replies, imported as the secretariat would.
  await importInputs(deps(new Date()), secretariat, plan.id, csv, { demo: true });
}
