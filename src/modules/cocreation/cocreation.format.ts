/** How co-creation's findings and figures read on pages and in the API: dates in the page's language, labels by kind. */
import type { Finding, PhaseKind } from '../../domain/cocreation.js';
import type { Lang } from '../../domain/localized.js';
import { t } from '../../web/i18n.js';
import { formatDate } from '../../web/ui/index.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A finding's params for its message: days written as the page writes dates. */
export function findingParams(f: Pick<Finding, 'params'>, lang: Lang): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(f.params).map(([name, value]) => [name, typeof value === 'string' && ISO_DAY.test(value) ? formatDate(value, lang) : value]),
  );
}

export const phaseLabel = (kind: PhaseKind, lang: Lang): string => t(lang, `cocreation.phase.${kind}`);
