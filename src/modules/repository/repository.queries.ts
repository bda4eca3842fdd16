/** All SQL of the document repository; rows become domain objects here (toDocument), file bytes only in findDocumentFile. */
import { sql } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import type { Localized } from '../../domain/localized.js';
import { firstRow } from '../../db/row-queries.js';
import type { DocumentKind, DocumentLanguage, RepositoryDocument } from './repository.model.js';

const COLUMNS = [
  'id',
  'plan_id',
  'meeting_id',
  'commitment_id',
  'kind',
  'language',
  'document_date',
  'title',
  'description',
  'url',
  'file_name',
  'media_type',
  'byte_size',
  'sha256',
  'is_demo',
  'version',
  'created_at',
  'updated_at',
] as const;

type Row = {
  id: number;
  plan_id: number | null;
  meeting_id: number | null;
  commitment_id: number | null;
  kind: string;
  language: string;
  document_date: string;
  title: Localized;
  description: Localized;
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  byte_size: number | null;
  sha256: string | null;
  is_demo: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
};

export const toDocument = (r: Row): RepositoryDocument => ({
  id: r.id,
  planId: r.plan_id,
  meetingId: r.meeting_id,
  commitmentId: r.commitment_id,
  kind: r.kind as DocumentKind,
  language: r.language as DocumentLanguage,
  date: r.document_date,
  title: r.title,
  description: r.description,
  url: r.url,
  file:
    r.file_name !== null && r.media_type !== null && r.byte_size !== null && r.sha256 !== null
      ? { name: r.file_name, mediaType: r.media_type, byteSize: r.byte_size, sha256: r.sha256 }
      : null,
  isDemo: r.is_demo,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface DocumentFilter {
  /** A plan's documents; undefined for every document of the site. */
  planId?: number | undefined;
  kind?: DocumentKind | undefined;
  language?: DocumentLanguage | undefined;
  meetingId?: number | undefined;
  commitmentId?: number | undefined;
}

function filtered(db: DbOrTx, f: DocumentFilter) {
  let q = db.selectFrom('repository_documents');
  if (f.planId !== undefined) q = q.where('plan_id', '=', f.planId);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.language !== undefined) q = q.where('language', '=', f.language);
  if (f.meetingId !== undefined) q = q.where('meeting_id', '=', f.meetingId);
  if (f.commitmentId !== undefined) q = q.where('commitment_id', '=', f.commitmentId);
  return q;
}

/** Newest document first (by its date, then the latest added). */
export async function listDocuments(
  db: DbOrTx,
  f: DocumentFilter,
  page: { limit: number; offset: number },
): Promise<{ items: RepositoryDocument[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f).select(COLUMNS).orderBy('document_date', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    filtered(db, f)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toDocument), total: count.n };
}

export function findDocumentById(db: DbOrTx, id: number, forUpdate = false): Promise<RepositoryDocument | undefined> {
  const query = db.selectFrom('repository_documents').select(COLUMNS).where('id', '=', id);
  return firstRow(forUpdate ? query.forUpdate() : query, toDocument);
}

export async function findDocumentFile(db: DbOrTx, id: number): Promise<{ name: string; mediaType: string; content: Uint8Array } | undefined> {
  const row = await db.selectFrom('repository_documents').select(['file_name', 'media_type', 'content']).where('id', '=', id).executeTakeFirst();
  if (!row || row.content === null) return undefined;
  return { name: row.file_name ?? 'document', mediaType: row.media_type ?? 'application/octet-stream', content: row.content };
}

export interface DocumentValues {
  planId: number | null;
  meetingId: number | null;
  commitmentId: number | null;
  kind: DocumentKind;
  language: DocumentLanguage;
  date: string;
  title: Localized;
  description: Localized;
  url: string | null;
}

const columnsOf = (v: DocumentValues) => ({
  plan_id: v.planId,
  meeting_id: v.meetingId,
  commitment_id: v.commitmentId,
  kind: v.kind,
  language: v.language,
  document_date: v.date,
  title: jsonb(v.title),
  description: jsonb(v.description),
  url: v.url,
});

export interface StoredFile {
  name: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
}

/** A new document, added at `at` (the services' clock; the demo seed gives the day it was published). */
export async function insertDocument(db: DbOrTx, v: DocumentValues, file: StoredFile | null, at: Date, isDemo = false): Promise<RepositoryDocument> {
  const row = await db
    .insertInto('repository_documents')
    .values({
      ...columnsOf(v),
      url: file ? null : v.url,
      file_name: file?.name ?? null,
      media_type: file?.mediaType ?? null,
      byte_size: file ? file.content.byteLength : null,
      sha256: file?.sha256 ?? null,
      content: file?.content ?? null,
      is_demo: isDemo,
      created_at: at,
      updated_at: at,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toDocument(row);
}

/** The next version of a document's description (its file stays as it is), changed at `at`. */
export async function updateDocumentRow(db: DbOrTx, id: number, v: DocumentValues, at: Date): Promise<RepositoryDocument> {
  const row = await db
    .updateTable('repository_documents')
    .set({ ...columnsOf(v), version: sql`version + 1`, updated_at: at })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toDocument(row);
}

export async function deleteDocumentRow(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('repository_documents').where('id', '=', id).execute();
}

/**
 * When documents of a plan (or of the site) were added and changed, from `since` on, and the latest of all: what
 * MR 2.2 counts (repositoryUpdates).
 */
export async function updateTimes(db: DbOrTx, planId: number | undefined, since: Date): Promise<{ times: Date[]; latest: Date | null }> {
  let recent = db
    .selectFrom('repository_documents')
    .select(['created_at', 'updated_at'])
    .where((eb) => eb.or([eb('created_at', '>=', since), eb('updated_at', '>=', since)]));
  let last = db.selectFrom('repository_documents').select(sql<Date | null>`max(greatest(created_at, updated_at))`.as('latest'));
  if (planId !== undefined) {
    recent = recent.where('plan_id', '=', planId);
    last = last.where('plan_id', '=', planId);
  }
  const [rows, latest] = await Promise.all([recent.execute(), last.executeTakeFirstOrThrow()]);
  const times = rows.flatMap((r) => (r.created_at.getTime() === r.updated_at.getTime() ? [r.created_at] : [r.created_at, r.updated_at]));
  return { times, latest: latest.latest === null ? null : new Date(latest.latest) };
}
