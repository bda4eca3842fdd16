/**
 * The English edition (issue #14, ADR 0033): the translation board of every bilingual text of a plan, by status,
 * with the share reviewed; the side-by-side editor for translators and the secretariat; the "English edition
 * complete" figure, offered to other modules as the `englishEdition` provision (the review's readiness gate).
 */
import type { DbOrTx } from '../../db/connection.js';
import { defineModule } from '../../web/module.js';
import { linkItemsSection } from '../../web/ui/index.js';
import type { EditionFigure } from './translations.model.js';
import { translationsApi } from './translations.api.js';
import { translationsMessages } from './translations.messages.js';
import { translationsPath } from './translations.paths.js';
import { translationsPolicy } from './translations.policy.js';
import { translationsPages } from './translations.routes.js';
import { englishEdition } from './translations.service.js';

/** Reads a plan's English-edition figure; undefined for an unknown plan. */
export type EnglishEditionSource = (db: DbOrTx, planId: number) => Promise<EditionFigure | undefined>;

declare module '../../web/module.js' {
  interface Provisions {
    /** How far a plan's English edition is: texts by status, the share reviewed, complete or not (the translations module). */
    englishEdition: EnglishEditionSource;
  }
}

export const translationsModule = defineModule({
  name: 'translations',
  api: translationsApi,
  pages: translationsPages,
  messages: translationsMessages,
  policy: translationsPolicy,
  sections: [
    linkItemsSection({ slot: 'planFollow', order: 45, id: 'translations.planLink' }, ({ plan }) => [
      { path: translationsPath(plan), label: 'translations.planLink' },
    ]),
  ],
  provides: { englishEdition },
});

export type { EditionFigure } from './translations.model.js';
export { editionFigure, percentOf } from './translations.model.js';
export { translationsPath } from './translations.paths.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof translationsMessages.en, string> {}
}
