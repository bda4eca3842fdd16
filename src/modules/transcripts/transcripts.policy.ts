/** Who may import and edit transcripts, and who may correct a speech. */
import { can, EDITORS, type Action, type ActionRule, type Actor } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    // import, edit any speech, publish early, manage speakers (a speaker's own corrections are decided by
    // canCorrectSpeech, since they depend on who spoke, not on an agency)
    'transcript.manage': true;
  }
}

export const transcriptsPolicy: Partial<Record<Action, ActionRule>> = {
  'transcript.manage': { roles: EDITORS },
};

/**
 * During the embargo a speaker linked to an account corrects or deletes only their own words; the secretariat
 * may correct any speech, before or after publication. After publication speakers no longer change the record.
 */
export function canCorrectSpeech(actor: Actor | null, speech: { speakerUserId: number | null }, transcript: { published: boolean }): boolean {
  if (!actor) return false;
  if (can(actor, 'transcript.manage')) return true;
  return !transcript.published && speech.speakerUserId !== null && speech.speakerUserId === actor.id;
}
