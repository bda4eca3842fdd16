/** Input and output of the English edition: the editor's edit (API and form alike), the board, the figure. */
import { z } from '@hono/zod-openapi';
import { localizedOutput, recordId, text, versionField } from '../../web/schemas.js';
import { ALL_FIELDS, TRANSLATABLE_FIELDS, TRANSLATION_ENTITIES, TRANSLATION_STATUSES, type TranslationEntity } from './translations.model.js';

/** The English of one field and whether it is reviewed; without `reviewed`, what is saved is a draft. */
export const fieldEdit = z
  .object({
    en: text(20_000).openapi({ description: 'The English text; the Chinese is not edited here.' }),
    status: z
      .enum(['draft', 'reviewed'], { message: 'translations.error.status' })
      .optional()
      .openapi({ description: '`reviewed` only when a reviewer says the English says what the Chinese says; otherwise saved as `draft`.' }),
  })
  .openapi('TranslationFieldEdit');

const fieldsOf = (entity: TranslationEntity) => z.strictObject(Object.fromEntries(TRANSLATABLE_FIELDS[entity].map((f) => [f, fieldEdit.optional()])));

/** The edit of one entity's English: the version the client saw, and the fields it changes. */
export const translationInput = (entity: TranslationEntity) =>
  z.object({ version: versionField, fields: fieldsOf(entity) }).openapi(`TranslationInput_${entity}`);
export const translationInputs = Object.fromEntries(TRANSLATION_ENTITIES.map((e) => [e, translationInput(e)])) as Record<
  TranslationEntity,
  ReturnType<typeof translationInput>
>;
export type TranslationInput = z.infer<ReturnType<typeof translationInput>>;

export const editionOutput = z
  .object({
    total: z.number().int().openapi({ description: 'Bilingual texts of the plan (a field empty in both languages is not counted).' }),
    missing: z.number().int(),
    draft: z.number().int(),
    reviewed: z.number().int(),
    share: z.number().openapi({ description: 'reviewed / total (0 when there is nothing to translate).' }),
    percent: z.number().openapi({ description: 'The share as a percentage with one decimal, rounded down.' }),
    complete: z.boolean().openapi({ description: 'Every text reviewed: the English edition is complete.' }),
  })
  .openapi('EnglishEdition');

export const unitOutput = z
  .object({
    entity: z.enum(TRANSLATION_ENTITIES),
    id: z.number().int(),
    field: z.enum(ALL_FIELDS as [string, ...string[]]),
    text: localizedOutput,
    version: z.number().int(),
    areaId: z.number().int().nullable(),
    agencyId: z.number().int().nullable(),
    commitmentNumber: z.string().nullable(),
    editUrl: z.string(),
  })
  .openapi('TranslationUnit');

export const groupFigureOutput = editionOutput.extend({ id: z.number().int() });

export const boardOutput = z
  .object({
    edition: editionOutput,
    byArea: z.array(groupFigureOutput),
    byAgency: z.array(groupFigureOutput),
    items: z.array(unitOutput),
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
  })
  .openapi('TranslationBoard');

export const entityTextsOutput = z
  .object({
    entity: z.enum(TRANSLATION_ENTITIES),
    id: z.number().int(),
    planId: z.number().int(),
    version: z.number().int(),
    fields: z.array(z.object({ field: z.string(), text: localizedOutput })),
  })
  .openapi('TranslationTexts');

/** The board's filters, as the page's GET form and the API's query take them; an unknown value is a 400 naming it. */
export const boardQuery = z.object({
  area: recordId('translations.error.area')
    .optional()
    .openapi({ param: { name: 'area', in: 'query' } }),
  agency: recordId('translations.error.agency')
    .optional()
    .openapi({ param: { name: 'agency', in: 'query' } }),
  kind: z
    .enum(TRANSLATION_ENTITIES, { message: 'translations.error.kind' })
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' } }),
  field: z
    .enum(ALL_FIELDS as [string, ...string[]], { message: 'translations.error.field' })
    .optional()
    .openapi({ param: { name: 'field', in: 'query' } }),
  status: z
    .enum(TRANSLATION_STATUSES, { message: 'translations.error.status' })
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  page: recordId('error.invalid')
    .optional()
    .openapi({ param: { name: 'page', in: 'query' } }),
});
export type BoardQuery = z.infer<typeof boardQuery>;

export const BOARD_PAGE_SIZE = 100;
