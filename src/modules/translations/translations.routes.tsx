/** HTML pages of the English edition, in both languages: the translation board and the side-by-side editor. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleForm, positiveInt, requirePermission, type FormState } from '../../web/form-handler.js';
import { parseOrThrow } from '../../web/validation.js';
import { planBySlug, planQueries } from '../plans/index.js';
import { figuresBy, isFieldOf, TRANSLATION_ENTITIES, type TranslationEntity } from './translations.model.js';
import { translationEditorPath, translationsPath } from './translations.paths.js';
import { filterOf } from './translations.api.js';
import { editorInput, editorValues, postedEditorValues, type EditorValues } from './translations.forms.js';
import { BOARD_PAGE_SIZE, boardQuery, translationInputs } from './translations.schemas.js';
import * as service from './translations.service.js';
import { BoardPage } from './views/board.js';
import { EditorPage } from './views/editor.js';

const db = (c: AppContext) => c.get('services').db;

/** The query string without its empty values (a GET form sends every select, chosen or not). */
const chosenQuery = (c: AppContext): Record<string, string> => Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));

const entityOf = (c: AppContext): TranslationEntity => {
  const entity = TRANSLATION_ENTITIES.find((e) => e === c.req.param('entity'));
  if (!entity) throw new NotFoundError();
  return entity;
};

/** The entity of the path, in the plan of the path (404 when it belongs to another plan or does not exist). */
async function textsOf(c: AppContext, plan: ActionPlan): Promise<service.EntityTexts> {
  const id = positiveInt(c.req.param('id'));
  if (id === undefined) throw new NotFoundError();
  const texts = await service.entityTexts(db(c), entityOf(c), id);
  if (!texts || texts.planId !== plan.id) throw new NotFoundError();
  return texts;
}

export function translationsPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get('/plans/:slug/translations', async (c) => {
    const plan = await planBySlug(c);
    const ctx = pageContext(c);
    const query = parseOrThrow(boardQuery, chosenQuery(c), ctx.lang);
    const filter = filterOf(query);
    const [b, agencies] = await Promise.all([service.board(db(c), plan, filter), planQueries.listAgencies(db(c))]);
    const pages = Math.max(1, Math.ceil(b.units.length / BOARD_PAGE_SIZE));
    const page = Math.min(query.page ?? 1, pages);
    return c.html(
      <BoardPage
        ctx={ctx}
        plan={plan}
        areas={b.texts.areas}
        agencies={new Map(agencies.map((a) => [a.id, a]))}
        figure={b.figure}
        byArea={figuresBy(b.all, (u) => u.areaId)}
        byAgency={figuresBy(b.all, (u) => u.agencyId)}
        filter={filter}
        units={b.units.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE)}
        total={b.all.length}
        page={page}
        pages={pages}
        canEdit={can(ctx.actor, 'translation.edit', { planId: plan.id })}
      />,
    );
  });

  const render = async (c: AppContext, plan: ActionPlan, texts: service.EntityTexts, values: EditorValues, state: FormState) => {
    const only = c.req.query('field');
    c.status(state.status);
    return c.html(
      <EditorPage
        ctx={pageContext(c)}
        plan={plan}
        texts={texts}
        only={only !== undefined && isFieldOf(texts.entity, only) ? only : undefined}
        action={translationEditorPath(plan, texts.entity, texts.id, only !== undefined && isFieldOf(texts.entity, only) ? only : undefined)}
        values={values}
        errors={state.errors}
        conflict={state.conflict}
      />,
    );
  };

  app.get('/plans/:slug/translations/:entity/:id', async (c) => {
    const plan = await planBySlug(c);
    const texts = await textsOf(c, plan);
    requirePermission(c, 'translation.edit', { planId: plan.id });
    return render(c, plan, texts, editorValues(texts), freshForm);
  });

  app.post('/plans/:slug/translations/:entity/:id', async (c) => {
    const plan = await planBySlug(c);
    const texts = await textsOf(c, plan);
    requirePermission(c, 'translation.edit', { planId: plan.id });
    return handleForm(c, {
      schema: translationInputs[texts.entity],
      toInput: editorInput,
      run: (input) => service.editTranslation({ db: db(c) }, c.get('actor'), texts.entity, texts.id, input),
      redirectTo: () => translationsPath(plan),
      render: async (state) => {
        const stored = await textsOf(c, plan);
        const shown = editorValues(stored);
        return render(c, plan, stored, state.conflict ? shown : postedEditorValues(state.body, shown), state);
      },
    });
  });

  return app;
}
