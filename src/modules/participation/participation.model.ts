/** Consultations and inputs as the module's code sees them (rows mapped in participation.queries.ts). */
import type { Localized } from '../../domain/localized.js';
import type { Audience, ConsultationTarget, InputKind, InputSource, InputState, InputTarget, ResponseState } from '../../domain/participation.js';

export interface Consultation {
  id: number;
  planId: number;
  targetType: ConsultationTarget;
  targetId: number;
  section: string | null;
  title: Localized;
  question: Localized;
  audience: Audience;
  opensAt: Date;
  closesAt: Date;
  phaseId: number | null;
  isDemo: boolean;
  version: number;
}

export interface InputResponse {
  state: ResponseState;
  reason: Localized;
  referredTo: string;
  /** The history entry of the change the input caused (a commitment's or milestone's edit). */
  changeHistoryId: number | null;
  respondedBy: number | null;
  respondedByName: string;
  respondedAt: Date | null;
}

export interface Input {
  id: number;
  planId: number;
  kind: InputKind;
  targetType: InputTarget;
  targetId: number;
  section: string | null;
  commitmentId: number | null;
  consultationId: number | null;
  parentId: number | null;
  authorId: number | null;
  /** An imported input's author as its source names them ('' for none or a former participant's). */
  authorName: string;
  source: InputSource;
  sourceUrl: string | null;
  lang: 'zh' | 'en';
  body: string;
  /** A proposal's parts ('' for comments and replies). */
  proposal: { title: string; problem: string; suggestedAction: string; proposedAgencyId: number | null };
  state: InputState;
  /** Who owes the answer: this agency's officers, or the secretariat (null); a forum matter also a co-convener. */
  agencyId: number | null;
  forumMatter: boolean;
  response: InputResponse;
  moderation: {
    hiddenAt: Date | null;
    hiddenReason: string;
    appeal: string;
    appealedAt: Date | null;
    appealDecision: 'upheld' | 'reinstated' | null;
  };
  withdrawnAt: Date | null;
  editedAt: Date | null;
  submittedAt: Date;
  isDemo: boolean;
  version: number;
}

/** Whether the public may read its words (a tombstone stands in for the others). */
export const isReadable = (i: Pick<Input, 'state'>) => i.state === 'published' || i.state === 'internal';
