/**
 * What pages, feeds and the API read of inputs, as the reader may see them: lists with their replies, and the names
 * they show (people, agencies, targets, the changes responses link to), each gathered in one query per kind.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import { pick, type Lang, type Localized } from '../../domain/localized.js';
import { isPeriodTarget, type InputState } from '../../domain/participation.js';
import { resolvePeriodTarget } from './review-targets.js';
import { t } from '../../web/i18n.js';
import { publicPeople } from '../accounts/index.js';
import { readHistoryEntries } from '../history/index.js';
import { planQueries as planQ } from '../plans/index.js';
import type { Input } from './participation.model.js';
import * as q from './participation.queries.js';
import { readableStates } from './participation.service.js';
import { readsWordsIn } from './participation.visibility.js';
import type { InputNames } from './views/input-item.js';

export interface InputThread {
  input: Input;
  replies: Input[];
}

/**
 * Inputs with their replies; a reply the reader may not read in its state is left out unless it stands as a tombstone
 * (withdrawn, hidden), which keeps the conversation's shape without its words.
 */
export async function threadsOf(db: DbOrTx, viewer: Actor | null, inputs: readonly Input[]): Promise<InputThread[]> {
  const replies = await q.repliesTo(
    db,
    inputs.map((i) => i.id),
  );
  return inputs.map((input) => ({
    input,
    replies: (replies.get(input.id) ?? []).filter((r) => r.state === 'withdrawn' || r.state === 'hidden' || readsWordsIn(viewer, r.state, r.planId)),
  }));
}

/** A filtered page of the plan's inputs as this reader may see them, with replies. */
export async function readInputs(
  db: DbOrTx,
  viewer: Actor | null,
  filter: Omit<q.InputFilter, 'states'>,
  page: { limit: number; offset: number } | { limit: number; after: q.InputKey | null },
): Promise<{ threads: InputThread[]; total: number; next?: q.InputKey | null }> {
  // Tombstones of top-level inputs stay listed (their replies hang on them); internal ones only for their audience.
  const states: InputState[] = [...readableStates(viewer, filter.planId), 'withdrawn', 'hidden'];
  // A cursor walk of the API (web/cursor.ts): keyset, with the key to go on from.
  if ('after' in page) {
    const { items, total, next } = await q.listInputsAfter(db, { ...filter, states }, page);
    return { threads: await threadsOf(db, viewer, items), total, next };
  }
  const { items, total } = await q.listInputs(db, { ...filter, states }, page);
  return { threads: await threadsOf(db, viewer, items), total };
}

/**
 * The names a commitment page's inputs show, from what the page has already read (the commitment, its milestones,
 * the agencies); the authors' names are the caller's to add. Linked changes are shown on the input's own page.
 */
export function sectionNames(
  data: {
    commitment: { number: string; title: Localized };
    milestones: readonly { id: number; position: number }[];
    agencies: readonly { id: number; name: Localized }[];
  },
  inputs: readonly Input[],
  lang: Lang,
): InputNames {
  const targets = new Map<string, string>();
  for (const i of inputs) {
    const key = `${i.targetType}:${i.targetId}`;
    if (i.targetType === 'milestone') {
      const position = data.milestones.find((m) => m.id === i.targetId)?.position ?? '';
      targets.set(key, t(lang, 'participation.target.milestoneOf', { commitment: data.commitment.number, position }));
    } else if (i.targetType === 'report') targets.set(key, `${t(lang, 'participation.target.report')} · ${data.commitment.number}`);
    else targets.set(key, `${data.commitment.number} ${pick(data.commitment.title, lang)}`);
  }
  return { people: new Map(), agencies: new Map(data.agencies.map((a) => [a.id, a.name])), targets, changes: new Map() };
}

/** The names the inputs show, in the reader's language. */
export async function namesOf(db: DbOrTx, viewer: Actor | null, inputs: readonly Input[], lang: Lang): Promise<InputNames> {
  const ids = (pickIds: (i: Input) => (number | null)[]) => [...new Set(inputs.flatMap(pickIds).filter((id): id is number => id !== null))];
  const [people, agencies, commitments, milestones, changes] = await Promise.all([
    publicPeople(
      db,
      ids((i) => [i.authorId]),
    ),
    planQ.agencyNames(
      db,
      ids((i) => [i.agencyId, i.proposal.proposedAgencyId]),
    ),
    planQ.commitmentLabels(
      db,
      ids((i) => [i.commitmentId]),
    ),
    planQ.milestoneOrder(
      db,
      ids((i) => [i.targetType === 'milestone' ? i.targetId : null]),
    ),
    readHistoryEntries(
      db,
      viewer,
      ids((i) => [i.response.changeHistoryId]),
    ),
  ]);
  const targets = new Map<string, string>();
  for (const i of inputs) {
    const commitment = i.commitmentId === null ? undefined : commitments.get(i.commitmentId);
    const numbered = commitment ? `${commitment.number} ${pick(commitment.title, lang)}` : '';
    const key = `${i.targetType}:${i.targetId}`;
    if (i.targetType === 'commitment') targets.set(key, numbered);
    else if (i.targetType === 'milestone')
      targets.set(
        key,
        t(lang, 'participation.target.milestoneOf', { commitment: commitment?.number ?? '', position: milestones.get(i.targetId)?.position ?? '' }),
      );
    else if (i.targetType === 'report') targets.set(key, `${t(lang, 'participation.target.report')} · ${commitment?.number ?? ''}`);
    else if (i.targetType === 'section' && i.section) targets.set(key, t(lang, 'participation.target.section'));
    else if (isPeriodTarget(i.targetType)) {
      const facts = await resolvePeriodTarget(db, i.targetType, i.targetId);
      targets.set(key, `${t(lang, `participation.target.${i.targetType}`)}${facts ? ` · ${pick(facts.label, lang)}` : ''}`);
    } else targets.set(key, t(lang, `participation.target.${i.targetType}`));
  }
  return { people, agencies, targets, changes };
}
