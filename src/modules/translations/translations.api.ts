/** JSON API of the English edition under /api/v1: the board with its figures, the figure alone, each entity's texts and their edit. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import type { AppEnv } from '../../web/context.js';
import { errorResponses, idParam, jsonBody, jsonContent, writeSecurity } from '../../web/openapi.js';
import { planQueries } from '../plans/index.js';
import { figuresBy, percentOf, TRANSLATION_ENTITIES, type EditionFigure, type TranslationEntity, type TranslationUnit } from './translations.model.js';
import { translationEditorPath } from './translations.paths.js';
import { BOARD_PAGE_SIZE, boardOutput, boardQuery, editionOutput, entityTextsOutput, translationInputs, type BoardQuery } from './translations.schemas.js';
import * as service from './translations.service.js';

export const presentFigure = (f: EditionFigure) => ({ ...f, percent: percentOf(f.share) });

const presentUnit = (plan: ActionPlan, u: TranslationUnit) => ({
  entity: u.entity,
  id: u.id,
  field: u.field,
  text: u.text,
  version: u.version,
  areaId: u.areaId,
  agencyId: u.agencyId,
  commitmentNumber: u.commitment?.number ?? null,
  editUrl: translationEditorPath(plan, u.entity, u.id, u.field),
});

const presentTexts = (t: service.EntityTexts) => ({
  entity: t.entity,
  id: t.id,
  planId: t.planId,
  version: t.version,
  fields: t.fields.map((f) => ({ field: f.field, text: f.text })),
});

export const filterOf = (q: BoardQuery) => ({
  areaId: q.area,
  agencyId: q.agency,
  entity: q.kind,
  field: q.field as service.Board['units'][number]['field'] | undefined,
  status: q.status,
});

const errors = errorResponses({
  forbidden: 'Translators of the plan (or of the whole site) and the secretariat edit the English; nobody edits the Chinese here.',
  conflict: 'Stale version: `current` holds the stored values.',
});
const tags = ['english edition'];
const SEGMENTS: Record<TranslationEntity, string> = { plan: 'plans', area: 'areas', commitment: 'commitments', milestone: 'milestones' };

async function planOrThrow(db: AppEnv['Variables']['services']['db'], id: number): Promise<ActionPlan> {
  const plan = await planQueries.findPlanById(db, id);
  if (!plan) throw new NotFoundError();
  return plan;
}

export function translationsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/translations',
      tags,
      summary:
        'The translation board: every bilingual text of a plan with its status, filtered and paged (100 a page), and the reviewed share of the plan, its areas and lead agencies',
      request: { params: idParam, query: boardQuery },
      responses: { 200: jsonContent(boardOutput, 'The board'), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const query = c.req.valid('query');
      const b = await service.board(db, plan, filterOf(query));
      const page = query.page ?? 1;
      const byGroup = (m: Map<number, EditionFigure>) => [...m].map(([id, f]) => ({ id, ...presentFigure(f) }));
      return c.json(
        {
          edition: presentFigure(b.figure),
          byArea: byGroup(figuresBy(b.all, (u) => u.areaId)),
          byAgency: byGroup(figuresBy(b.all, (u) => u.agencyId)),
          items: b.units.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE).map((u) => presentUnit(plan, u)),
          total: b.units.length,
          page,
          perPage: BOARD_PAGE_SIZE,
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/english-edition',
      tags,
      summary: 'The "English edition complete" figure of a plan: the share of its bilingual texts whose English is reviewed',
      request: { params: idParam },
      responses: { 200: jsonContent(editionOutput, 'The figure'), 404: errors[404] },
    }),
    async (c) => {
      const figure = await service.englishEdition(c.get('services').db, c.req.valid('param').id);
      if (!figure) throw new NotFoundError();
      return c.json(presentFigure(figure), 200);
    },
  );
  for (const entity of TRANSLATION_ENTITIES) {
    const path = `/${SEGMENTS[entity]}/{id}/translation`;
    api.openapi(
      createRoute({
        method: 'get',
        path,
        tags,
        summary: `The bilingual texts of one ${entity}, with their statuses and the version an edit sends back`,
        request: { params: idParam },
        responses: { 200: jsonContent(entityTextsOutput, 'The texts'), 404: errors[404] },
      }),
      async (c) => {
        const texts = await service.entityTexts(c.get('services').db, entity, c.req.valid('param').id);
        if (!texts) throw new NotFoundError();
        return c.json(presentTexts(texts), 200);
      },
    );
    api.openapi(
      createRoute({
        method: 'patch',
        path,
        tags,
        summary: `Edit the English of some texts of one ${entity}: saved as a draft unless marked reviewed; the Chinese is kept`,
        security: writeSecurity,
        request: { params: idParam, ...jsonBody(translationInputs[entity]) },
        responses: { 200: jsonContent(entityTextsOutput, 'The texts as saved'), ...errors },
      }),
      async (c) => {
        const { db } = c.get('services');
        const input = c.req.valid('json');
        const texts = await service.editTranslation({ db }, c.get('actor'), entity, c.req.valid('param').id, input);
        return c.json(presentTexts(texts), 200);
      },
    );
  }
}
