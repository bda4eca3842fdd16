/**
 * What the public may see of transcripts (ADR 0013). A transcript under embargo, its speeches, its sections and the
 * speaker headings it teaches (aliases) are seen only by the secretariat and the people who spoke in it; on
 * publication all of it becomes public (the aliases join their speakers then: transcripts.queries markPublished).
 * A speaker is public once they have a published speech; the speaker's own change log (account links) is the
 * secretariat's.
 */
import type { DbOrTx } from '../../db/connection.js';
import { can, type Actor } from '../../domain/authorization.js';
import type { VisibilityPolicy } from '../../web/visibility.js';
import type { HistoryEntry } from '../history/index.js';
import * as q from './transcripts.queries.js';
import { canSeeTranscript } from './transcripts.service.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    transcript: true;
    speaker: true;
  }
}

async function transcriptHistory(db: DbOrTx, viewer: Actor | null, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> {
  const visible: HistoryEntry[] = [];
  for (const e of entries) {
    const transcript = await q.findTranscriptById(db, e.entityId);
    if (transcript && (await canSeeTranscript(db, viewer, transcript))) visible.push(e);
  }
  return visible;
}

/**
 * Speakers as this viewer may see them: their public aliases, and for the secretariat (who sees every draft) also
 * those still waiting for a transcript's publication. Edit forms use the stored public aliases, so saving one does
 * not publish a waiting alias.
 */
export async function speakersAsSeenBy(db: DbOrTx, viewer: Actor | null, speakers: readonly q.Speaker[]): Promise<q.Speaker[]> {
  if (!can(viewer, 'transcript.manage')) return [...speakers];
  const pending = await q.listPendingAliases(db);
  return speakers.map((s) => ({ ...s, aliases: [...new Set([...s.aliases, ...(pending.get(s.id) ?? [])])] }));
}

export const transcriptsVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'transcript', states: ['embargoed', 'published'], publicStates: ['published'], history: transcriptHistory },
  {
    entityType: 'speaker',
    states: ['known-from-drafts', 'published'],
    publicStates: ['published'],
    history: async (_db, viewer, entries) => (can(viewer, 'transcript.manage') ? [...entries] : []),
  },
];
