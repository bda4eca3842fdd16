/**
 * Visibility: what of an entity the public may see in each of its states, declared once by the module that owns the
 * entity (ADR 0013). Channels that show content to people who may not see everything (history, feeds, search,
 * exports, speaker lists, the page cache) ask here instead of keeping filters of their own.
 *
 * A module lists its policies (`*.visibility.ts`) and the composition root registers them. An entity type with no
 * policy is not public: its history rows are shown to nobody, so a new entity stays private until its module says
 * otherwise.
 */
import type { DbOrTx } from '../db/connection.js';
import type { Actor } from '../domain/authorization.js';
import type { HistoryEntry } from '../domain/history.js';

export interface VisibilityPolicy {
  /** The entity as the history log names it ('report', 'transcript', …). */
  entityType: string;
  /** Every state the entity can be in, and those in which everyone may see it. */
  states: readonly string[];
  publicStates: readonly string[];
  /**
   * The history rows of these entities as this viewer may read them: dropped while the entity is not public to them,
   * the drafting steps folded into the published state once it is. Absent: the entity is always public, and so is
   * its history.
   */
  history?: (db: DbOrTx, viewer: Actor | null, entries: readonly HistoryEntry[]) => Promise<HistoryEntry[]>;
}

const policies = new Map<string, VisibilityPolicy>();

/** Adds modules' policies; registering the same policy again is harmless, a second one for a type is a mistake. */
export function registerVisibility(...added: readonly VisibilityPolicy[]): void {
  for (const policy of added) {
    const existing = policies.get(policy.entityType);
    if (existing && existing !== policy) throw new Error(`A visibility policy for "${policy.entityType}" is already registered`);
    if (policy.publicStates.some((s) => !policy.states.includes(s))) throw new Error(`"${policy.entityType}": a public state that is not one of its states`);
    policies.set(policy.entityType, policy);
  }
}

export function visibilityPolicy(entityType: string): VisibilityPolicy | undefined {
  return policies.get(entityType);
}

export function registeredPolicies(): VisibilityPolicy[] {
  return [...policies.values()];
}

/** History rows as this viewer may read them, in the order given; rows of an entity without a policy are dropped. */
export async function visibleHistory(db: DbOrTx, viewer: Actor | null, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> {
  const byType = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const rows = byType.get(e.entityType);
    if (rows) rows.push(e);
    else byType.set(e.entityType, [e]);
  }
  const kept = new Map<number, HistoryEntry>();
  for (const [type, rows] of byType) {
    const policy = policies.get(type);
    if (!policy) continue;
    for (const row of policy.history ? await policy.history(db, viewer, rows) : rows) kept.set(row.id, row);
  }
  return entries.flatMap((e) => {
    const row = kept.get(e.id);
    return row ? [row] : [];
  });
}

/**
 * The Cache-Control of a response that shows what not everyone may see (a draft, an embargoed transcript, a
 * secretariat's board, or any page rendered for a signed-in person, who may see such things): no shared cache and
 * no browser cache may keep it, and neither does our page cache.
 */
export const RESTRICTED_CACHE_CONTROL = 'private, no-store';

/** Whether a response may be kept and served to someone else: only what is marked neither private nor no-store. */
export function isShareable(response: Response): boolean {
  const cacheControl = response.headers.get('cache-control') ?? '';
  return !/\b(private|no-store)\b/i.test(cacheControl);
}
