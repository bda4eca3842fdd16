/** Field-level differences for the history log. Pure. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Fields whose value differs; bookkeeping fields are never part of a change. */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = ['id', 'version', 'createdAt', 'updatedAt'],
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (ignore.includes(field)) continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (stable(b) !== stable(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** Entity type → true. Each module adds the types it records, by declaration merging from its `*.visibility.ts`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface HistoryEntityTypes {}
export type EntityType = Extract<keyof HistoryEntityTypes, string>;

export const HISTORY_ACTIONS = ['create', 'update', 'delete', 'submit', 'revise', 'transfer', 'decide'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** One row of the change log as readers see it. */
export interface HistoryEntry {
  id: number;
  entityType: EntityType;
  entityId: number;
  planId: number | null;
  commitmentId: number | null;
  action: HistoryAction;
  actorId: number | null;
  actorName: string;
  changes: FieldChange[];
  at: Date;
}
