/**
 * Use cases of co-creation: a plan's phases (authorize against the plan → validate → version check → write and
 * history in one transaction), and the read that assembles the co-creation record and the minimum-requirements
 * checklist from the forum's meetings, the working groups and the forum's rules (each read through its module's index).
 */
import type { Transaction } from 'kysely';
import type { Db, DbOrTx } from '../../db/connection.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/authorization.js';
import {
  checkPhase,
  cocreationRecord,
  comparePhases,
  minimumRequirements,
  type CocreationRecord,
  type Finding,
  type MeetingFacts,
  type Phase,
  type Tally,
} from '../../domain/cocreation.js';
import { attendanceTotal, type ForumMeeting } from '../../domain/forum.js';
import { emptyLocalized, mergeLocalized, type Localized } from '../../domain/localized.js';
import { taipeiDay } from '../../domain/monitoring.js';
import { REGIONS } from '../../domain/people.js';
import type { ActionPlan } from '../../domain/plan.js';
import { UnauthenticatedError } from '../../errors.js';
import { assertValid, authorize, found, foundAtVersion, mergeInput, type HistorySubject } from '../../web/service-helpers.js';
import { listStakeholderGroups } from '../accounts/index.js';
import { listMeetings, listMeetingTotals } from '../forum/index.js';
import { recordHistory, recorded } from '../history/index.js';
import { planQueries as planQ } from '../plans/index.js';
import { latestForumRules } from '../roster/index.js';
import { listWorkingGroups } from '../workgroups/index.js';
import * as q from './cocreation.queries.js';
import type { PhaseInput, PhasePatch } from './cocreation.schemas.js';

export interface CocreationDeps {
  db: Db;
  /** The clock: a timeline entry cannot have been published after today. */
  now: () => Date;
  /** Marks what it creates as demonstration content: set by the demo seed only. */
  demo?: boolean;
}

const phaseSubject = (p: Phase): HistorySubject => ({ entityType: 'phase', entityId: p.id, planId: p.planId, commitmentId: null });

/** A phase's values checked: its dates in order, its publication not after today. */
function checkedValues(values: q.PhaseValues, deps: CocreationDeps): q.PhaseValues {
  assertValid(checkPhase(values, taipeiDay(deps.now())));
  return values;
}

/** Refused before anything is written unless the actor may keep this plan's timeline (a co-convener's grant covers its own plan). */
function authorizedOnPlan<T>(deps: CocreationDeps, actor: Actor | null, planId: number, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  authorize(actor, 'phase.manage', { planId });
  return deps.db.transaction().execute(work);
}

/** The phase a write names: sign-in first, then "not found", then whether the actor may change that plan's timeline. */
async function phaseToChange(deps: CocreationDeps, actor: Actor | null, phaseId: number): Promise<Phase> {
  if (!actor) throw new UnauthenticatedError();
  const phase = found(await q.findPhaseById(deps.db, phaseId));
  authorize(actor, 'phase.manage', { planId: phase.planId });
  return phase;
}

export async function createPhase(deps: CocreationDeps, actor: Actor | null, planId: number, input: PhaseInput): Promise<Phase> {
  return authorizedOnPlan(deps, actor, planId, async (trx) => {
    found(await planQ.findPlanById(trx, planId));
    const values = checkedValues(
      {
        planId,
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        publishedOn: input.publishedOn ?? taipeiDay(deps.now()),
        description: mergeLocalized(emptyLocalized(), input.description),
      },
      deps,
    );
    const phase = await q.insertPhase(trx, values, deps.demo);
    return recorded(trx, { ...phaseSubject(phase), action: 'create', actor, before: null, after: phase });
  });
}

export async function updatePhase(deps: CocreationDeps, actor: Actor | null, phaseId: number, patch: PhasePatch): Promise<Phase> {
  await phaseToChange(deps, actor, phaseId);
  return deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findPhaseById(trx, phaseId, true), patch.version);
    const merged = mergeInput<Phase>(current, patch, ['description']);
    const values = checkedValues(
      {
        planId: current.planId,
        kind: merged.kind,
        startsOn: merged.startsOn,
        endsOn: merged.endsOn,
        publishedOn: merged.publishedOn,
        description: merged.description,
      },
      deps,
    );
    const updated = await q.updatePhaseRow(trx, phaseId, values);
    return recorded(trx, { ...phaseSubject(current), action: 'update', actor, before: current, after: updated });
  });
}

export async function deletePhase(deps: CocreationDeps, actor: Actor | null, phaseId: number, version: number): Promise<void> {
  await phaseToChange(deps, actor, phaseId);
  await deps.db.transaction().execute(async (trx) => {
    const current = foundAtVersion(await q.findPhaseById(trx, phaseId, true), version);
    await q.deletePhaseRow(trx, phaseId);
    await recordHistory(trx, { ...phaseSubject(current), action: 'delete', actor, before: current, after: null });
  });
}

// ---------------------------------------------------------------- reading

export interface WorkingGroupFigures extends Tally {
  id: number;
  slug: string;
  name: Localized;
  kind: 'commitment' | 'thematic';
  commitmentIds: number[];
  memberCount: number;
  open: boolean;
}

export interface CoCreationOverview {
  /** Today in Taipei, the day the findings hold for. */
  today: string;
  phases: Phase[];
  record: CocreationRecord;
  workingGroups: WorkingGroupFigures[];
  checklist: Finding[];
  /** The plan's meetings, by id: what the evidence links name. */
  meetings: Map<number, ForumMeeting>;
  stakeholderGroups: { code: string; name: Localized }[];
}

/** What the record needs of a meeting. */
const factsOf = (m: ForumMeeting): MeetingFacts => ({
  id: m.id,
  heldOn: m.heldOn,
  kind: m.kind,
  participations: attendanceTotal(m.attendance),
  byGroup: m.attendanceByGroup,
  region: m.region,
  openToPublic: m.openToPublic,
  workingGroupId: m.workingGroupId,
});

/** The plan's co-creation as of `now`: phases, the record from its meetings, its working groups, and the checklist. */
export async function coCreationOverview(db: DbOrTx, plan: Pick<ActionPlan, 'id' | 'periodStart' | 'periodEnd'>, now: Date): Promise<CoCreationOverview> {
  const today = taipeiDay(now);
  const [phases, meetings, stakeholderGroups, groups, rules] = await Promise.all([
    q.listPhases(db, plan.id),
    listMeetings(db, plan.id),
    listStakeholderGroups(db),
    listWorkingGroups(db, plan.id),
    latestForumRules(db, plan.id),
  ]);
  const facts = meetings.map(factsOf);
  const held = facts.filter((m) => m.heldOn <= today);
  const record = cocreationRecord(phases, facts, today, { groups: stakeholderGroups.map((g) => g.code), regions: REGIONS });
  const workingGroups = groups.map((g) => {
    const own = held.filter((m) => m.workingGroupId === g.id);
    return { ...g, meetings: own.length, participations: own.reduce((sum, m) => sum + m.participations, 0) };
  });
  const checklist = minimumRequirements({
    today,
    plan,
    phases,
    meetings: facts,
    // Published counts from the day it was published in Taipei, like every other date here.
    rules: rules && { version: rules.version, effectiveOn: rules.effectiveOn, publishedOn: taipeiDay(rules.publishedAt) },
    workingGroups: groups,
  });
  return {
    today,
    phases: [...phases].sort(comparePhases),
    record,
    workingGroups,
    checklist,
    meetings: new Map(meetings.map((m) => [m.id, m])),
    stakeholderGroups,
  };
}

/** What the plan page's section shows: the phases and the figures of each, in two statements (one without phases). */
export async function developmentFigures(db: DbOrTx, planId: number, now: Date): Promise<{ today: string; phases: Phase[]; record: CocreationRecord }> {
  const today = taipeiDay(now);
  const phases = await q.listPhases(db, planId);
  // Without a timeline there are no figures by phase to show: the meetings are not read.
  // Counts only (no texts, no breakdown by group): the section shows each phase's totals.
  const meetings = phases.length === 0 ? [] : await listMeetingTotals(db, planId);
  const record = cocreationRecord(
    phases,
    meetings.map((m) => ({ ...m, byGroup: {} })),
    today,
    { groups: [], regions: REGIONS },
  );
  return { today, phases: [...phases].sort(comparePhases), record };
}
