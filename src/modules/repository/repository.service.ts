/**
 * Use cases of the document repository: add (a link, or a file checked as monitoring checks evidence: by its
 * content, at most 5 MB), change a document's description, delete; each authorized, validated, version-checked
 * (409) and recorded in the history in one transaction. Reads: lists and the MR 2.2 figure.
 */
import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import { emptyLocalized, mergeLocalized } from '../../domain/localized.js';
import { checkEvidenceFile } from '../../domain/monitoring.js';
import type { FieldProblem } from '../../domain/plan.js';
import { assertValid, authorize, authorizedWrite, foundAtVersion, requireText, type HistorySubject } from '../../web/service-helpers.js';
import { findMeetingById } from '../forum/index.js';
import { recordHistory, recorded } from '../history/index.js';
import { planQueries } from '../plans/index.js';
import { repositoryUpdates, type RepositoryDocument, type RepositoryUpdates } from './repository.model.js';
import * as q from './repository.queries.js';
import type { DocumentInput, DocumentPatch } from './repository.schemas.js';

export interface RepositoryDeps {
  db: Db;
  now: () => Date;
  /** Marks what it adds as demonstration content, added at the given time: set by the demo seed only. */
  demo?: { addedAt: Date };
}

const subjectOf = (d: Pick<RepositoryDocument, 'id' | 'planId' | 'commitmentId'>): HistorySubject => ({
  entityType: 'document',
  entityId: d.id,
  planId: d.planId,
  commitmentId: d.commitmentId,
});

/** What history keeps of a document: its description, never the file's bytes. */
const recordOf = (d: RepositoryDocument) => ({ ...d });

/**
 * The plan, meeting and commitment a document names must exist and agree: a meeting or a commitment of another plan
 * is refused; a document naming a meeting or a commitment but no plan belongs to theirs.
 */
async function checkLinks(db: DbOrTx, values: q.DocumentValues, problems: FieldProblem[]): Promise<q.DocumentValues> {
  let planId = values.planId;
  if (planId !== null && !(await planQueries.findPlanById(db, planId))) problems.push({ field: 'planId', key: 'repository.error.unknownPlan' });
  if (values.meetingId !== null) {
    const meeting = await findMeetingById(db, values.meetingId);
    if (!meeting) problems.push({ field: 'meetingId', key: 'repository.error.unknownMeeting' });
    else if (planId === null) planId = meeting.planId;
    else if (meeting.planId !== planId) problems.push({ field: 'meetingId', key: 'repository.error.otherPlan' });
  }
  if (values.commitmentId !== null) {
    const commitment = await planQueries.findCommitmentById(db, values.commitmentId);
    if (!commitment) problems.push({ field: 'commitmentId', key: 'repository.error.unknownCommitment' });
    else if (planId === null) planId = commitment.planId;
    else if (commitment.planId !== planId) problems.push({ field: 'commitmentId', key: 'repository.error.otherPlan' });
  }
  return { ...values, planId };
}

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Adds a document: a link (`url`) or an uploaded file, exactly one of them. */
export async function addDocument(
  deps: RepositoryDeps,
  actor: Actor | null,
  input: DocumentInput,
  file: UploadedFile | null = null,
): Promise<RepositoryDocument> {
  return authorizedWrite(deps.db, actor, 'document.manage', async (trx) => {
    const problems: FieldProblem[] = [];
    const url = input.url ?? null;
    if ((url === null) === (file === null)) problems.push({ field: file ? 'url' : 'file', key: 'repository.error.fileOrLink' });
    let stored: q.StoredFile | null = null;
    if (file) {
      const checked = checkEvidenceFile(file.fileName, file.bytes);
      problems.push(...checked.problems);
      if (checked.mediaType)
        stored = {
          name: file.fileName.replace(/[\\/\r\n"]/g, '_').slice(-200),
          mediaType: checked.mediaType,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          content: file.bytes,
        };
    }
    const base: q.DocumentValues = {
      planId: input.planId ?? null,
      meetingId: input.meetingId ?? null,
      commitmentId: input.commitmentId ?? null,
      kind: input.kind,
      language: input.language,
      date: input.date,
      title: mergeLocalized(emptyLocalized(), input.title),
      description: mergeLocalized(emptyLocalized(), input.description),
      url,
    };
    requireText('title', base.title, problems);
    const values = await checkLinks(trx, base, problems);
    assertValid(problems);
    const created = await q.insertDocument(trx, values, stored, deps.demo?.addedAt ?? deps.now(), deps.demo !== undefined);
    return recorded(trx, { ...subjectOf(created), action: 'create', actor, before: null, after: recordOf(created) });
  });
}

/** Changes what is said of a document (kind, language, date, title, description, links; a link's address); its file stays. */
export async function updateDocument(deps: RepositoryDeps, actor: Actor | null, id: number, patch: DocumentPatch): Promise<RepositoryDocument> {
  return authorizedWrite(deps.db, actor, 'document.manage', async (trx) => {
    const current = foundAtVersion(await q.findDocumentById(trx, id, true), patch.version);
    const problems: FieldProblem[] = [];
    const url = patch.url === undefined ? current.url : patch.url;
    if (current.file && url !== null) problems.push({ field: 'url', key: 'repository.error.fileDocument' });
    if (!current.file && url === null) problems.push({ field: 'url', key: 'repository.error.fileOrLink' });
    const base: q.DocumentValues = {
      planId: patch.planId === undefined ? current.planId : patch.planId,
      meetingId: patch.meetingId === undefined ? current.meetingId : patch.meetingId,
      commitmentId: patch.commitmentId === undefined ? current.commitmentId : patch.commitmentId,
      kind: patch.kind ?? current.kind,
      language: patch.language ?? current.language,
      date: patch.date ?? current.date,
      title: mergeLocalized(current.title, patch.title),
      description: mergeLocalized(current.description, patch.description),
      url,
    };
    requireText('title', base.title, problems);
    const values = await checkLinks(trx, base, problems);
    assertValid(problems);
    const updated = await q.updateDocumentRow(trx, id, values, deps.now());
    await recordHistory(trx, { ...subjectOf(updated), action: 'update', actor, before: recordOf(current), after: recordOf(updated) });
    return updated;
  });
}

export async function deleteDocument(deps: RepositoryDeps, actor: Actor | null, id: number, version: number): Promise<void> {
  await authorizedWrite(deps.db, actor, 'document.manage', async (trx) => {
    const current = foundAtVersion(await q.findDocumentById(trx, id, true), version);
    await q.deleteDocumentRow(trx, id);
    await recordHistory(trx, { ...subjectOf(current), action: 'delete', actor, before: recordOf(current), after: null });
  });
}

/** MR 2.2 for a plan's documents (or the site's, without a plan), as of `now`. */
export async function updatesOf(db: DbOrTx, planId: number | undefined, now: Date): Promise<RepositoryUpdates> {
  // A little more than a year back; repositoryUpdates keeps the exact window, in Taiwan's days.
  const since = new Date(now.getTime() - 367 * 24 * 3600 * 1000);
  const { times, latest } = await q.updateTimes(db, planId, since);
  return repositoryUpdates(latest ? [...times, latest] : times, now);
}

/** Refuses (401/403) one who may not keep the repository, before an upload's body is read. */
export function assertMayManage(actor: Actor | null): void {
  authorize(actor, 'document.manage');
}
