/**
 * The English edition of a plan (issue #14, ADR 0033), pure: every bilingual field of a plan as one unit of
 * translation (the plan's own texts, its areas', commitments' and milestones'), the board's filters, and the share
 * of units whose English is reviewed. A field with no text in either language has nothing to translate and is no unit.
 */
import { TRANSLATION_STATUSES, type Localized, type TranslationStatus } from '../../domain/localized.js';

export const TRANSLATION_ENTITIES = ['plan', 'area', 'commitment', 'milestone'] as const;
export type TranslationEntity = (typeof TRANSLATION_ENTITIES)[number];

/** The localized fields of each entity, in the order the plan's forms show them. */
export const TRANSLATABLE_FIELDS = {
  plan: ['title', 'introduction', 'effortsToDate', 'developmentProcess', 'commitmentsIntro'],
  area: ['title', 'description'],
  commitment: ['title', 'otherActors', 'problem', 'objective', 'briefDescription', 'description', 'contribution', 'budgetNote'],
  milestone: ['deliverable', 'indicator', 'target'],
} as const satisfies Record<TranslationEntity, readonly string[]>;

export type TranslatableField<E extends TranslationEntity = TranslationEntity> = (typeof TRANSLATABLE_FIELDS)[E][number];
export const ALL_FIELDS = [...new Set(Object.values(TRANSLATABLE_FIELDS).flat())] as readonly TranslatableField[];

export const isFieldOf = (entity: TranslationEntity, field: string): field is TranslatableField =>
  (TRANSLATABLE_FIELDS[entity] as readonly string[]).includes(field);

/** One bilingual field of one entity, with where it sits in the plan (for the filters) and the entity's version. */
export interface TranslationUnit {
  entity: TranslationEntity;
  id: number;
  field: TranslatableField;
  text: Localized;
  /** The entity's version: the editor sends it back (409 if stale). */
  version: number;
  planId: number;
  /** The area of an area, commitment or milestone; none for the plan's own texts. */
  areaId: number | null;
  /** The lead agency of the commitment (or the milestone's commitment); none for the plan's and areas' texts. */
  agencyId: number | null;
  /** The commitment a commitment's or milestone's field belongs to, for its label and link. */
  commitment: { id: number; number: string } | null;
  /** What the entity is called: the plan's, area's or commitment's title, the milestone's deliverable. */
  entityTitle: Localized;
}

export const hasText = (text: Localized): boolean => text.zh !== '' || text.en !== '';

export interface TranslationFilter {
  areaId?: number | undefined;
  agencyId?: number | undefined;
  entity?: TranslationEntity | undefined;
  field?: TranslatableField | undefined;
  status?: TranslationStatus | undefined;
}

export function filterUnits(units: readonly TranslationUnit[], f: TranslationFilter): TranslationUnit[] {
  return units.filter(
    (u) =>
      (f.areaId === undefined || u.areaId === f.areaId) &&
      (f.agencyId === undefined || u.agencyId === f.agencyId) &&
      (f.entity === undefined || u.entity === f.entity) &&
      (f.field === undefined || u.field === f.field) &&
      (f.status === undefined || u.text.status === f.status),
  );
}

/** How far the English edition of some units is: counts by status, the share reviewed, and whether it is complete. */
export interface EditionFigure {
  total: number;
  missing: number;
  draft: number;
  reviewed: number;
  /** reviewed / total, 0 when there is nothing to translate. */
  share: number;
  /** Every unit reviewed (and at least one unit): the English edition is complete. */
  complete: boolean;
}

export function editionFigure(units: readonly Pick<TranslationUnit, 'text'>[]): EditionFigure {
  const counts: Record<TranslationStatus, number> = { missing: 0, draft: 0, reviewed: 0 };
  for (const u of units) counts[u.text.status] += 1;
  const total = units.length;
  return { total, ...counts, share: total === 0 ? 0 : counts.reviewed / total, complete: total > 0 && counts.reviewed === total };
}

/**
 * A share as a percentage with one decimal, never rounded up to 100 % while something is left (99.96 % shows as
 * 99.9 %), so "100 %" is shown only when the edition is complete.
 */
export const percentOf = (share: number): number => Math.floor(share * 1000 + 1e-9) / 10;

/** Figures grouped by a key (area, agency), in the order the keys first appear; units without the key are left out. */
export function figuresBy<K>(units: readonly TranslationUnit[], key: (u: TranslationUnit) => K | null): Map<K, EditionFigure> {
  const groups = new Map<K, TranslationUnit[]>();
  for (const u of units) {
    const k = key(u);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(u);
    else groups.set(k, [u]);
  }
  return new Map([...groups].map(([k, list]) => [k, editionFigure(list)]));
}

/** The status an edit saves: reviewed only when the reviewer says so; anything else entered or pasted is a draft. */
export const savedStatus = (asked: TranslationStatus | undefined): TranslationStatus => (asked === 'reviewed' ? 'reviewed' : 'draft');

export { TRANSLATION_STATUSES };
