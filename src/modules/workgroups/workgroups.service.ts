/**
 * Use cases of working groups: the groups (the secretariat makes them; their chair keeps their purpose, rules and
 * open flag), joining and leaving with one click, consent to the public roster, moderation of a listing, and the
 * survey of forum members' willingness that feeds the groups. Every write: authorize, validate beyond shape, check
 * the version, write and record history, all in one transaction.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import type { Action, Actor, ResourceOwnership } from '../../domain/authorization.js';
import { emptyLocalized, mergeLocalized, pick, type Lang, type Localized } from '../../domain/localized.js';
import type { PublicPerson } from '../../domain/people.js';
import type { FieldProblem } from '../../domain/plan.js';
import { accountIdOf } from '../../domain/system-actor.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { t } from '../../web/i18n.js';
import { accountOf, assertValid, authorize, found, foundAtVersion, type HistorySubject, signedIn } from '../../web/service-helpers.js';
import { deleteGrantsFrom, insertGrant, publicPeople, userExists } from '../accounts/index.js';
import { recordHistory } from '../history/index.js';
import { planQueries as planQ } from '../plans/index.js';
import {
  chairGrantSource,
  checkWorkingGroup,
  isPubliclyListed,
  WILLING_ANSWERS,
  type Membership,
  type SurveyResponse,
  type WorkingGroup,
} from './workgroups.model.js';
import * as q from './workgroups.queries.js';
import type { EnrolInput, JoinInput, ListingInput, ModerationInput, SurveyInput, WorkingGroupInput, WorkingGroupPatch } from './workgroups.schemas.js';

export interface WorkgroupsServiceDeps {
  db: Db;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
}

/**
 * Joining a closed group, refused with the reason the group published. The reason is a text in both languages, so
 * the message is made in the language of the request (`inLanguage`), where the service does not know it.
 */
export class WorkingGroupClosedError extends ValidationError {
  constructor(readonly reason: Localized) {
    super([{ field: 'workingGroup', key: 'workgroups.error.closed', params: { reason: [reason.zh, reason.en].filter(Boolean).join(' / ') } }]);
  }
}

/** Runs a use case; a refusal that carries text in both languages is given in `lang`. */
export async function inLanguage<T>(lang: Lang, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkingGroupClosedError)
      throw new ValidationError([], { workingGroup: t(lang, 'workgroups.error.closed', { reason: pick(error.reason, lang) }) });
    throw error;
  }
}

const resourceOf = (g: Pick<WorkingGroup, 'id' | 'planId'>): ResourceOwnership => ({ planId: g.planId, workingGroupId: g.id });

// Where history files the changes. A commitment's group is filed under its commitment, so the commitment's history
// shows it; memberships and survey answers are about people and filed under no commitment (secretariat-only history).
const groupSubject = (g: WorkingGroup): HistorySubject => ({
  entityType: 'working-group',
  entityId: g.id,
  planId: g.planId,
  commitmentId: g.kind === 'commitment' ? (g.commitmentIds[0] ?? null) : null,
});
const membershipSubject = (g: Pick<WorkingGroup, 'id' | 'planId'>): HistorySubject => ({
  entityType: 'working-group-membership',
  entityId: g.id,
  planId: g.planId,
  commitmentId: null,
});

/** What history keeps of a group: everything it shows, the operating rules included (so earlier texts stay readable). */
const groupRecord = (g: WorkingGroup) => {
  const { isDemo: _demo, memberCount: _members, ...record } = g;
  return record;
};
const membershipRecord = (m: Membership) => ({ userId: m.userId, listed: m.listed, listingHidden: m.listingHidden });

// ---------------------------------------------------------------- groups

const EDITOR_FIELDS = ['slug', 'kind', 'name', 'commitmentIds', 'chair', 'coChair'] as const;

/** The input over the stored values: texts merge side by side, chair and co-chair field by field. */
function groupValues(current: q.WorkingGroupValues, input: Partial<WorkingGroupInput>): q.WorkingGroupValues {
  const text = (now: Localized, patch: Partial<Localized> | undefined) => mergeLocalized(now, patch);
  const keep = <T>(now: T, given: T | undefined) => (given === undefined ? now : given);
  const open = keep(current.open, input.open);
  return {
    planId: current.planId,
    slug: keep(current.slug, input.slug),
    kind: keep(current.kind, input.kind),
    name: text(current.name, input.name),
    purpose: text(current.purpose, input.purpose),
    rules: text(current.rules, input.rules),
    commitmentIds: keep(current.commitmentIds, input.commitmentIds),
    chair: {
      name: text(current.chair.name, input.chair?.name),
      agencyId: keep(current.chair.agencyId, input.chair?.agencyId),
      userId: keep(current.chair.userId, input.chair?.userId),
    },
    coChair: {
      name: text(current.coChair.name, input.coChair?.name),
      userId: keep(current.coChair.userId, input.coChair?.userId),
    },
    open,
    // Reopening clears the reason: it is published only with a closing.
    closedReason: open ? emptyLocalized() : text(current.closedReason, input.closedReason),
  };
}

const emptyGroup = (planId: number): q.WorkingGroupValues => ({
  planId,
  slug: '',
  kind: 'commitment',
  name: emptyLocalized(),
  purpose: emptyLocalized(),
  rules: emptyLocalized(),
  commitmentIds: [],
  chair: { name: emptyLocalized(), agencyId: null, userId: null },
  coChair: { name: emptyLocalized(), userId: null },
  open: true,
  closedReason: emptyLocalized(),
});

async function checkGroupValues(db: DbOrTx, values: q.WorkingGroupValues, currentId: number | null): Promise<void> {
  const problems: FieldProblem[] = checkWorkingGroup(values);
  const labels = await planQ.commitmentLabels(db, values.commitmentIds);
  values.commitmentIds.forEach((commitmentId, i) => {
    if (labels.get(commitmentId)?.planId !== values.planId) problems.push({ field: `commitmentIds.${i}`, key: 'workgroups.error.unknownCommitment' });
  });
  if (values.kind === 'commitment') {
    const taken = await q.commitmentGroupsFor(db, values.commitmentIds, currentId);
    if (taken.size > 0) problems.push({ field: 'commitmentIds', key: 'workgroups.error.commitmentHasGroup' });
  }
  if (await q.slugTaken(db, values.planId, values.slug, currentId)) problems.push({ field: 'slug', key: 'error.taken' });
  if (values.chair.agencyId !== null && !(await planQ.findAgencyById(db, values.chair.agencyId)))
    problems.push({ field: 'chair.agencyId', key: 'error.unknownAgency' });
  if (values.chair.userId !== null && !(await userExists(db, values.chair.userId)))
    problems.push({ field: 'chair.userId', key: 'workgroups.error.unknownAccount' });
  if (values.coChair.userId !== null && !(await userExists(db, values.coChair.userId)))
    problems.push({ field: 'coChair.userId', key: 'workgroups.error.unknownAccount' });
  assertValid(problems);
}

/** The chair's account holds the group's chair role; a new chair's replaces the former one's. */
async function grantChair(db: DbOrTx, group: WorkingGroup, formerChairId: number | null): Promise<void> {
  if (formerChairId === group.chair.userId) return;
  const source = chairGrantSource(group.id);
  await deleteGrantsFrom(db, source);
  if (group.chair.userId !== null)
    await insertGrant(db, group.chair.userId, { role: 'working-group-chair', scope: 'working-group', scopeId: group.id }, source);
}

export async function createWorkingGroup(deps: WorkgroupsServiceDeps, actor: Actor | null, planId: number, input: WorkingGroupInput): Promise<WorkingGroup> {
  authorize(actor, 'working-group.manage');
  return deps.db.transaction().execute(async (trx) => {
    found(await planQ.findPlanById(trx, planId));
    const values = groupValues(emptyGroup(planId), input);
    // The chair is the lead agency's deputy head: their agency unless said otherwise.
    if (input.chair?.agencyId === undefined && values.commitmentIds[0] !== undefined) {
      const commitment = await planQ.findCommitmentById(trx, values.commitmentIds[0]);
      if (commitment?.planId === planId) values.chair.agencyId = commitment.leadAgencyId;
    }
    await checkGroupValues(trx, values, null);
    const group = await q.insertWorkingGroup(trx, values, deps.demo);
    await grantChair(trx, group, null);
    await recordHistory(trx, { ...groupSubject(group), action: 'create', actor, before: null, after: groupRecord(group) });
    return group;
  });
}

const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/**
 * The secretariat changes anything; the group's chair its purpose, rules and open flag (closing with a published
 * reason). A patch that would change anything else needs the secretariat.
 */
export async function updateWorkingGroup(deps: WorkgroupsServiceDeps, actor: Actor | null, groupId: number, patch: WorkingGroupPatch): Promise<WorkingGroup> {
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const unlocked = found(await q.findWorkingGroupById(trx, groupId));
    authorize(who, 'working-group.edit', resourceOf(unlocked));
    const current = foundAtVersion(await q.findWorkingGroupById(trx, groupId, true), patch.version);
    const values = groupValues(current, patch);
    if (EDITOR_FIELDS.some((field) => changed(current[field], values[field]))) authorize(who, 'working-group.manage', resourceOf(current));
    await checkGroupValues(trx, values, current.id);
    const updated = await q.updateWorkingGroupRow(trx, groupId, values);
    await grantChair(trx, updated, current.chair.userId);
    await recordHistory(trx, { ...groupSubject(current), action: 'update', actor, before: groupRecord(current), after: groupRecord(updated) });
    return updated;
  });
}

/** A group goes with its memberships and survey answers; its chair's role is taken back. History keeps what it was. */
export async function deleteWorkingGroup(deps: WorkgroupsServiceDeps, actor: Actor | null, groupId: number, version: number): Promise<void> {
  authorize(actor, 'working-group.manage');
  await deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findWorkingGroupById(trx, groupId, true), version);
    await deleteGrantsFrom(trx, chairGrantSource(groupId));
    await q.deleteWorkingGroupRow(trx, groupId);
    await recordHistory(trx, {
      ...groupSubject(current),
      action: 'delete',
      actor,
      before: { ...groupRecord(current), memberCount: current.memberCount },
      after: null,
    });
  });
}

// ---------------------------------------------------------------- membership

/** The group, for a use case that first needs the actor signed in and allowed on it. */
async function groupFor(db: DbOrTx, actor: Actor | null, groupId: number, action: Action): Promise<{ who: Actor; group: WorkingGroup }> {
  const who = signedIn(actor);
  const group = found(await q.findWorkingGroupById(db, groupId));
  authorize(who, action, resourceOf(group));
  return { who, group };
}

/**
 * Anyone signed in joins with one click; the public roster lists them only if they say so. Joining again changes
 * nothing. A closed group is refused with its published reason.
 */
export async function joinWorkingGroup(deps: WorkgroupsServiceDeps, actor: Actor | null, groupId: number, input: JoinInput): Promise<Membership> {
  return deps.db.transaction().execute(async (trx) => {
    const { who, group } = await groupFor(trx, actor, groupId, 'working-group.join');
    const userId = accountOf(who);
    const existing = await q.findMembership(trx, groupId, userId, true);
    if (existing) return existing;
    if (!group.open) throw new WorkingGroupClosedError(group.closedReason);
    const membership = await q.insertMembership(trx, groupId, userId, input.listed ?? false);
    await recordHistory(trx, { ...membershipSubject(group), action: 'create', actor, before: null, after: membershipRecord(membership) });
    return membership;
  });
}

/** Leaving takes the person off the group (and its roster) at once. */
export async function leaveWorkingGroup(deps: WorkgroupsServiceDeps, actor: Actor | null, groupId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { who, group } = await groupFor(trx, actor, groupId, 'working-group.join');
    const current = found(await q.findMembership(trx, groupId, accountOf(who), true));
    await q.deleteMembership(trx, groupId, current.userId);
    await recordHistory(trx, { ...membershipSubject(group), action: 'delete', actor, before: membershipRecord(current), after: null });
  });
}

/** A member says whether the public roster lists them; a listing a moderator took down stays down. */
export async function setListing(deps: WorkgroupsServiceDeps, actor: Actor | null, groupId: number, input: ListingInput): Promise<Membership> {
  return deps.db.transaction().execute(async (trx) => {
    const { who, group } = await groupFor(trx, actor, groupId, 'working-group.join');
    const current = found(await q.findMembership(trx, groupId, accountOf(who), true));
    if (input.listed && current.listingHidden) throw new ValidationError([{ field: 'listed', key: 'workgroups.error.listingHidden' }]);
    const updated = await q.updateMembership(trx, groupId, current.userId, { listed: input.listed });
    await recordHistory(trx, { ...membershipSubject(group), action: 'update', actor, before: membershipRecord(current), after: membershipRecord(updated) });
    return updated;
  });
}

/** A moderator (of the plan or the site) or the secretariat takes a member's public listing down, or puts it back. */
export async function moderateListing(
  deps: WorkgroupsServiceDeps,
  actor: Actor | null,
  groupId: number,
  userId: number,
  input: ModerationInput,
): Promise<Membership> {
  return deps.db.transaction().execute(async (trx) => {
    const { group } = await groupFor(trx, actor, groupId, 'membership.moderate');
    const current = found(await q.findMembership(trx, groupId, userId, true));
    const updated = await q.updateMembership(trx, groupId, userId, { listingHidden: input.hidden });
    await recordHistory(trx, { ...membershipSubject(group), action: 'update', actor, before: membershipRecord(current), after: membershipRecord(updated) });
    return updated;
  });
}

// ---------------------------------------------------------------- the survey of forum members' willingness

/** A forum member's answers for the plan's groups replace their earlier ones; the secretariat alone reads them. */
export async function answerSurvey(deps: WorkgroupsServiceDeps, actor: Actor | null, planId: number, input: SurveyInput): Promise<SurveyResponse[]> {
  const who = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    found(await planQ.findPlanById(trx, planId));
    authorize(who, 'working-group-survey.answer', { planId });
    const userId = accountOf(who);
    const groups = await q.listWorkingGroupRows(trx, planId);
    const ids = new Set(groups.map((g) => g.id));
    const problems: FieldProblem[] = [];
    const seen = new Set<number>();
    input.answers.forEach((a, i) => {
      if (!ids.has(a.workingGroupId)) problems.push({ field: `answers.${i}.workingGroupId`, key: 'workgroups.error.unknownGroup' });
      else if (seen.has(a.workingGroupId)) problems.push({ field: `answers.${i}.workingGroupId`, key: 'workgroups.error.answeredTwice' });
      seen.add(a.workingGroupId);
    });
    assertValid(problems);
    const before = await q.listSurveyAnswersOf(trx, planId, userId);
    await q.replaceSurveyAnswers(trx, userId, [...ids], input.answers);
    const after = await q.listSurveyAnswersOf(trx, planId, userId);
    const entry = (answers: SurveyResponse[]) => ({ userId, answers: answers.map((a) => ({ workingGroupId: a.workingGroupId, answer: a.answer })) });
    await recordHistory(trx, {
      entityType: 'working-group-survey',
      entityId: planId,
      planId,
      commitmentId: null,
      action: 'update',
      actor,
      before: entry(before),
      after: entry(after),
    });
    return after;
  });
}

/** The person's own answers (a forum member's form). */
export async function ownSurveyAnswers(db: DbOrTx, actor: Actor | null, planId: number): Promise<SurveyResponse[]> {
  const who = signedIn(actor);
  found(await planQ.findPlanById(db, planId));
  authorize(who, 'working-group-survey.answer', { planId });
  return q.listSurveyAnswersOf(db, planId, accountOf(who));
}

export interface SurveyResponseView extends SurveyResponse {
  person: PublicPerson | undefined;
  member: boolean;
}

/** Every answer for the plan's groups, with who gave it and whether they are already members: the secretariat's view. */
export async function surveyResponses(db: DbOrTx, actor: Actor | null, planId: number): Promise<SurveyResponseView[]> {
  authorize(actor, 'working-group-survey.manage', { planId });
  found(await planQ.findPlanById(db, planId));
  const answers = await q.listSurveyAnswers(db, planId);
  const people = await publicPeople(
    db,
    answers.map((a) => a.userId),
  );
  const members = new Set<string>();
  for (const groupId of new Set(answers.map((a) => a.workingGroupId))) for (const m of await q.listMembers(db, groupId)) members.add(`${groupId}:${m.userId}`);
  return answers.map((a) => ({ ...a, person: people.get(a.userId), member: members.has(`${a.workingGroupId}:${a.userId}`) }));
}

/**
 * The secretariat adds everyone who said they are willing (to join or to co-chair) to those groups in one action.
 * They become members, unlisted until each consents; those already members stay as they are.
 */
export async function enrolWilling(deps: WorkgroupsServiceDeps, actor: Actor | null, planId: number, input: EnrolInput): Promise<{ added: Membership[] }> {
  authorize(actor, 'working-group-survey.manage', { planId });
  return deps.db.transaction().execute(async (trx) => {
    found(await planQ.findPlanById(trx, planId));
    const groups = new Map((await q.listWorkingGroupRows(trx, planId)).map((g) => [g.id, g]));
    const problems: FieldProblem[] = [];
    (input.workingGroupIds ?? []).forEach((id, i) => {
      if (!groups.has(id)) problems.push({ field: `workingGroupIds.${i}`, key: 'workgroups.error.unknownGroup' });
    });
    assertValid(problems);
    const only = input.workingGroupIds ? new Set(input.workingGroupIds) : undefined;
    const willing = (await q.listSurveyAnswers(trx, planId)).filter((a) => WILLING_ANSWERS.includes(a.answer) && (!only || only.has(a.workingGroupId)));
    const added = await q.insertMemberships(
      trx,
      willing.map((a) => ({ groupId: a.workingGroupId, userId: a.userId, listed: false })),
    );
    for (const m of added) {
      const group = groups.get(m.workingGroupId);
      if (group) await recordHistory(trx, { ...membershipSubject(group), action: 'create', actor, before: null, after: membershipRecord(m) });
    }
    return { added };
  });
}

// ---------------------------------------------------------------- reading

/** A person as the group's pages show them, or nobody when there is no account. */
export interface GroupPeople {
  chair: PublicPerson | undefined;
  coChair: PublicPerson | undefined;
}

export interface WorkingGroupView {
  group: WorkingGroup;
  people: GroupPeople;
  memberCount: number;
  /** Members who consented (and no moderator took down), with what others may see of them. */
  roster: { membership: Membership; person: PublicPerson }[];
  /** The other members, counted only. */
  unlistedCount: number;
}

/** Everything a group's public page shows: its chair and co-chair, and its roster of those who consented. */
export async function workingGroupView(db: DbOrTx, group: WorkingGroup): Promise<WorkingGroupView> {
  const members = await q.listMembers(db, group.id);
  const listed = members.filter(isPubliclyListed);
  const people = await publicPeople(db, [
    ...listed.map((m) => m.userId),
    ...[group.chair.userId, group.coChair.userId].filter((id): id is number => id !== null),
  ]);
  const roster = listed.flatMap((membership) => {
    const person = people.get(membership.userId);
    return person ? [{ membership, person }] : [];
  });
  return {
    group,
    people: {
      chair: group.chair.userId === null ? undefined : people.get(group.chair.userId),
      coChair: group.coChair.userId === null ? undefined : people.get(group.coChair.userId),
    },
    memberCount: members.length,
    roster,
    unlistedCount: members.length - roster.length,
  };
}

/** The chair and co-chair accounts of many groups, in one read (the list page). */
export async function peopleOfGroups(db: DbOrTx, groups: readonly WorkingGroup[]): Promise<Map<number, PublicPerson>> {
  return publicPeople(
    db,
    groups.flatMap((g) => [g.chair.userId, g.coChair.userId].filter((id): id is number => id !== null)),
  );
}

/** A member's own state in these groups; nothing for a visitor who is not signed in. */
export async function ownMemberships(db: DbOrTx, actor: Actor | null, groupIds: readonly number[]): Promise<Map<number, Membership>> {
  const userId = accountIdOf(actor);
  return userId === null ? new Map() : q.membershipsOf(db, userId, groupIds);
}

/** The group by id, or 404. */
export async function workingGroupById(db: DbOrTx, id: number): Promise<WorkingGroup> {
  const group = await q.findWorkingGroupById(db, id);
  if (!group) throw new NotFoundError();
  return group;
}

// ---------------------------------------------------------------- personal data

/**
 * A deleted account's survey answers go (they were never public). Its memberships stay, as a former participant's:
 * the account keeps no name, so a listed member shows as 前參與者 and the group's count of participants stays true.
 * A chair or co-chair seat stays too: it is a public office.
 */
export async function erasePersonalData(trx: DbOrTx, userId: number): Promise<void> {
  await q.deleteSurveyAnswersOf(trx, userId);
}
