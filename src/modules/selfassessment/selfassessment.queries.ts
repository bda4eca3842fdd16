/** SQL of the government's self-assessments: the only place this module speaks to the database. */
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { lockedIf, updateVersioned } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import type { CommitmentStatus } from '../../domain/plan.js';
import type { ReviewState } from '../../domain/review.js';
import type { SelfAssessment, SelfAssessmentEntry } from './selfassessment.model.js';

const COLUMNS = [
  'id',
  'plan_id',
  'year',
  'state',
  'title',
  'summary',
  'comment_days',
  'comment_opens_at',
  'comment_closes_at',
  'published_at',
  'is_demo',
  'version',
] as const;

const toAssessment = (r: {
  id: number;
  plan_id: number;
  year: number;
  state: string;
  title: Localized;
  summary: Localized;
  comment_days: number;
  comment_opens_at: Date | null;
  comment_closes_at: Date | null;
  published_at: Date | null;
  is_demo: boolean;
  version: number;
}): SelfAssessment => ({
  id: r.id,
  planId: r.plan_id,
  year: r.year,
  state: r.state as ReviewState,
  title: r.title,
  summary: r.summary,
  commentDays: r.comment_days,
  commentOpensAt: r.comment_opens_at,
  commentClosesAt: r.comment_closes_at,
  publishedAt: r.published_at,
  isDemo: r.is_demo,
  version: r.version,
});

export async function findAssessment(db: DbOrTx, id: number, forUpdate = false): Promise<SelfAssessment | undefined> {
  const row = await lockedIf(db.selectFrom('self_assessments').select(COLUMNS).where('id', '=', id), forUpdate).executeTakeFirst();
  return row && toAssessment(row);
}

/** A plan's self-assessments, latest year first. */
export async function listAssessments(db: DbOrTx, planId: number): Promise<SelfAssessment[]> {
  const rows = await db.selectFrom('self_assessments').select(COLUMNS).where('plan_id', '=', planId).orderBy('year', 'desc').execute();
  return rows.map(toAssessment);
}

export async function yearTaken(db: DbOrTx, planId: number, year: number): Promise<boolean> {
  return (await db.selectFrom('self_assessments').select('id').where('plan_id', '=', planId).where('year', '=', year).executeTakeFirst()) !== undefined;
}

export interface NewAssessment {
  planId: number;
  year: number;
  title: Localized;
  summary: Localized;
  commentDays: number;
  isDemo: boolean;
  at: Date;
}

export async function insertAssessment(db: DbOrTx, a: NewAssessment): Promise<SelfAssessment> {
  const row = await db
    .insertInto('self_assessments')
    .values({
      plan_id: a.planId,
      year: a.year,
      title: jsonb(a.title),
      summary: jsonb(a.summary),
      comment_days: a.commentDays,
      is_demo: a.isDemo,
      created_at: a.at,
      updated_at: a.at,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toAssessment(row);
}

export interface AssessmentChange {
  title?: Localized;
  summary?: Localized;
  commentDays?: number;
  state?: ReviewState;
  commentOpensAt?: Date;
  commentClosesAt?: Date;
  publishedAt?: Date;
}

export async function updateAssessmentRow(db: DbOrTx, id: number, c: AssessmentChange): Promise<SelfAssessment> {
  const row = await updateVersioned(db, 'self_assessments', id, {
    ...(c.title ? { title: jsonb(c.title) } : {}),
    ...(c.summary ? { summary: jsonb(c.summary) } : {}),
    ...(c.commentDays !== undefined ? { comment_days: c.commentDays } : {}),
    ...(c.state ? { state: c.state } : {}),
    ...(c.commentOpensAt ? { comment_opens_at: c.commentOpensAt } : {}),
    ...(c.commentClosesAt ? { comment_closes_at: c.commentClosesAt } : {}),
    ...(c.publishedAt ? { published_at: c.publishedAt } : {}),
  })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toAssessment(row);
}

// Entries

const ENTRY_COLUMNS = ['id', 'assessment_id', 'commitment_id', 'position', 'status', 'narrative', 'version'] as const;

const toEntry = (r: {
  id: number;
  assessment_id: number;
  commitment_id: number;
  position: number;
  status: string;
  narrative: Localized;
  version: number;
}): SelfAssessmentEntry => ({
  id: r.id,
  assessmentId: r.assessment_id,
  commitmentId: r.commitment_id,
  position: r.position,
  status: r.status as CommitmentStatus,
  narrative: r.narrative,
  version: r.version,
});

export async function insertEntries(
  db: DbOrTx,
  assessmentId: number,
  rows: readonly { commitmentId: number; status: CommitmentStatus; narrative: Localized }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('self_assessment_entries')
    .values(
      rows.map((r, i) => ({
        assessment_id: assessmentId,
        commitment_id: r.commitmentId,
        position: i + 1,
        status: r.status,
        narrative: jsonb(r.narrative),
      })),
    )
    .execute();
}

export async function listEntries(db: DbOrTx, assessmentId: number): Promise<SelfAssessmentEntry[]> {
  const rows = await db.selectFrom('self_assessment_entries').select(ENTRY_COLUMNS).where('assessment_id', '=', assessmentId).orderBy('position').execute();
  return rows.map(toEntry);
}

export async function findEntry(db: DbOrTx, id: number, forUpdate = false): Promise<SelfAssessmentEntry | undefined> {
  const row = await lockedIf(db.selectFrom('self_assessment_entries').select(ENTRY_COLUMNS).where('id', '=', id), forUpdate).executeTakeFirst();
  return row && toEntry(row);
}

export async function updateEntryRow(db: DbOrTx, id: number, v: { status: CommitmentStatus; narrative: Localized }): Promise<SelfAssessmentEntry> {
  const row = await updateVersioned(db, 'self_assessment_entries', id, { status: v.status, narrative: jsonb(v.narrative) })
    .returning(ENTRY_COLUMNS)
    .executeTakeFirstOrThrow();
  return toEntry(row);
}
