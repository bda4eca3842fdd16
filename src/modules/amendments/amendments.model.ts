/**
 * The rules of change control, pure (ADR 0031): which fields of an adopted commitment or milestone are its substance,
 * how an edit splits into what applies now (English text, translation status, anything not substantive) and what
 * becomes an amendment (the official zh-TW text, the OGP values, the dates), when an amendment no longer applies
 * cleanly, and the plan's versions as snapshots of its official text with their field-level differences.
 */
import { diffFields, type FieldChange } from '../../domain/history.js';
import { mergeLocalized, type Localized } from '../../domain/localized.js';

export const AMENDMENT_STATUSES = ['proposed', 'scheduled', 'applied', 'rejected'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
/** What the public sees: an amendment on a meeting's agenda (meetings are public records) or decided. */
export const PUBLIC_AMENDMENT_STATUSES: readonly AmendmentStatus[] = ['scheduled', 'applied', 'rejected'];

export const AMENDMENT_TARGETS = ['commitment', 'milestone'] as const;
export type AmendmentTarget = (typeof AMENDMENT_TARGETS)[number];

/** Substantive fields: localized ones count by their official (zh-TW) side only; the others by value. */
export const SUBSTANCE: Record<AmendmentTarget, { localized: readonly string[]; values: readonly string[] }> = {
  commitment: { localized: ['title', 'problem', 'objective', 'briefDescription', 'description'], values: ['ogpValues', 'startDate', 'endDate'] },
  milestone: { localized: ['deliverable'], values: ['startDate', 'endDate'] },
};

const same = (a: unknown, b: unknown): boolean => diffFields({ v: a }, { v: b }).length === 0;

const isLocalized = (v: unknown): v is Localized => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v;

/**
 * An edit of adopted content, split: `held` is the edit with every substantive part put back as stored (what applies
 * now), `proposed` the substantive parts as field changes (the whole field before, and as it would be with only the
 * official side changed).
 */
export function splitEdit<T extends object>(target: AmendmentTarget, current: T, edited: T): { held: T; proposed: FieldChange[] } {
  const held: Record<string, unknown> = { ...(edited as Record<string, unknown>) };
  const cur = current as Record<string, unknown>;
  const proposed: FieldChange[] = [];
  for (const field of SUBSTANCE[target].localized) {
    const before = cur[field];
    const after = held[field];
    if (!isLocalized(before) || !isLocalized(after) || before.zh === after.zh) continue;
    proposed.push({ field, before, after: mergeLocalized(before, { zh: after.zh }) });
    // What stays of the edit: its English side, and its translation status only where that side changed.
    held[field] = { ...after, zh: before.zh, status: after.en === before.en ? before.status : after.status };
  }
  for (const field of SUBSTANCE[target].values) {
    if (same(cur[field], held[field])) continue;
    proposed.push({ field, before: cur[field], after: held[field] });
    held[field] = cur[field];
  }
  return { held: held as T, proposed };
}

/** Whether an edit changes any substance at all. */
export const isSubstantive = <T extends object>(target: AmendmentTarget, current: T, edited: T): boolean =>
  splitEdit(target, current, edited).proposed.length > 0;

/** The fields an amendment changes that have moved since it was proposed (their substance differs from its `before`). */
export function staleFields(current: object, changes: readonly FieldChange[]): string[] {
  const cur = current as Record<string, unknown>;
  return changes
    .filter((c) => {
      const now = cur[c.field];
      if (isLocalized(c.before) && isLocalized(now)) return c.before.zh !== now.zh;
      return !same(now, c.before);
    })
    .map((c) => c.field);
}

/** The values with an amendment's changes applied over what is stored now (other sides of a localized field kept). */
export function withChanges<T extends object>(current: T, changes: readonly FieldChange[]): T {
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const c of changes) {
    const now = out[c.field];
    out[c.field] = isLocalized(c.after) && isLocalized(now) ? mergeLocalized(now, { zh: c.after.zh }) : c.after;
  }
  return out as T;
}

// ---------------------------------------------------------------- versions

export interface SnapshotMilestone {
  id: number;
  position: number;
  deliverable: string;
  startDate: string;
  endDate: string;
}

export interface SnapshotCommitment {
  id: number;
  number: string;
  areaId: number;
  title: string;
  problem: string;
  objective: string;
  briefDescription: string;
  description: string;
  ogpValues: string[];
  startDate: string;
  endDate: string;
  leadAgencyId: number;
  coAgencyIds: number[];
  milestones: SnapshotMilestone[];
}

/** A plan's official text at one version: the zh-TW text, the values and the dates (the English edition comes after). */
export interface PlanSnapshot {
  title: string;
  periodStart: string;
  periodEnd: string;
  areas: { id: number; position: number; title: string }[];
  commitments: SnapshotCommitment[];
}

/** One difference between two versions: an entity's changed fields, or the entity added or removed. */
export interface VersionChange {
  entity: 'plan' | 'area' | 'commitment' | 'milestone';
  id: number;
  /** The commitment's number (a milestone's commitment's), for readers. */
  number: string | null;
  kind: 'changed' | 'added' | 'removed';
  changes: FieldChange[];
}

function diffById<T extends { id: number }>(
  entity: VersionChange['entity'],
  a: readonly T[],
  b: readonly T[],
  numberOf: (x: T) => string | null,
  ignore: readonly string[],
): VersionChange[] {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  const out: VersionChange[] = [];
  const strip = (x: T | undefined) => (x ? (x as unknown as Record<string, unknown>) : null);
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(id);
    const y = after.get(id);
    const changes = diffFields(strip(x), strip(y), ['id', ...ignore]);
    if (changes.length === 0) continue;
    const kind = !x ? 'added' : !y ? 'removed' : 'changed';
    out.push({ entity, id, number: numberOf((y ?? x) as T), kind, changes });
  }
  return out;
}

/** Field-level differences from version `a` to version `b`: the plan, its areas, commitments and milestones. */
export function diffSnapshots(a: PlanSnapshot, b: PlanSnapshot): VersionChange[] {
  const planFields = (s: PlanSnapshot) => ({ title: s.title, periodStart: s.periodStart, periodEnd: s.periodEnd });
  const plan = diffFields(planFields(a), planFields(b));
  const out: VersionChange[] = plan.length > 0 ? [{ entity: 'plan', id: 0, number: null, kind: 'changed', changes: plan }] : [];
  out.push(...diffById('area', a.areas, b.areas, () => null, []));
  out.push(...diffById('commitment', a.commitments, b.commitments, (c) => c.number, ['milestones']));
  const milestones = (s: PlanSnapshot) => s.commitments.flatMap((c) => c.milestones.map((m) => ({ ...m, number: c.number })));
  out.push(...diffById('milestone', milestones(a), milestones(b), (m) => m.number, ['number']));
  return out;
}
