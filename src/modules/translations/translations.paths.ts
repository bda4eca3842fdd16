/** The English edition's pages (both languages; the layout adds /en). */
import type { PlanRef } from '../../web/paths.js';
import { planPath } from '../../web/paths.js';
import type { TranslatableField, TranslationEntity, TranslationFilter } from './translations.model.js';

export const translationsPath = (plan: PlanRef, filter: TranslationFilter = {}, page = 1): string => {
  const query = new URLSearchParams();
  if (filter.areaId !== undefined) query.set('area', String(filter.areaId));
  if (filter.agencyId !== undefined) query.set('agency', String(filter.agencyId));
  if (filter.entity !== undefined) query.set('kind', filter.entity);
  if (filter.field !== undefined) query.set('field', filter.field);
  if (filter.status !== undefined) query.set('status', filter.status);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return `${planPath(plan)}/translations${search ? `?${search}` : ''}`;
};

/** The editor of one entity's texts; with a field, of that text only. */
export const translationEditorPath = (plan: PlanRef, entity: TranslationEntity, id: number, field?: TranslatableField): string =>
  `${planPath(plan)}/translations/${entity}/${id}${field ? `?field=${field}` : ''}`;
