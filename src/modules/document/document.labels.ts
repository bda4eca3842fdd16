/** Labels the document borrows from co-creation's catalog (its messages are registered by its manifest). */
import type { PhaseKind } from '../../domain/cocreation.js';
import type { Lang } from '../../domain/localized.js';
import { t } from '../../web/i18n.js';

export const phaseLabel = (kind: PhaseKind, lang: Lang): string => t(lang, `cocreation.phase.${kind}`);
