/**
 * Moderation's pages in both languages: the moderators' page (/moderation), the suspension form, and the posts of
 * the forms an input's page embeds (report, hide, restore, dismiss, appeal, decide), each also on a page of its own
 * where a refused post is shown again with its messages. Nothing here is public or cached.
 */
import { Hono } from 'hono';
import type { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { clientAddress } from '../../web/client-address.js';
import { handleForm, positiveInt, requirePermission, type RefusedForm } from '../../web/form-handler.js';
import { formFieldOf, type PostedForm } from '../../web/forms.js';
import { t } from '../../web/i18n.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { publicPeople } from '../accounts/index.js';
import { findPlansByIds, planBySlug } from '../plans/index.js';
import * as mq from './moderation.queries.js';
import { appealDecisionInput, appealInput, dismissInput, hideInput, reportInput, restoreInput, suspensionFormInput } from './moderation.schemas.js';
import * as service from './moderation.service.js';
import type { Input } from './participation.model.js';
import { inputPath } from './participation.paths.js';
import * as q from './participation.queries.js';
import { canSeeInput } from './participation.service.js';
import { ModerationActionPage } from './views/moderation-action.js';
import { formPrefix } from './views/moderation-forms.js';
import { moderationPath, type InputModerationAction } from './views/moderation-parts.js';
import { ModerationPage } from './views/moderation-page.js';
import { SuspensionFormPage, type SuspensionFormValues } from './views/moderation-suspension.js';

const db = (c: AppContext) => c.get('services').db;
const deps = (c: AppContext): service.ModerationDeps => ({ db: db(c), now: () => c.get('services').now(), client: clientAddress(c) });
const restricted = (c: AppContext) => c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);

/** The plan of the path and its input `:id`, as this reader may see it (404 otherwise). */
async function inputOf(c: AppContext) {
  const plan = await planBySlug(c);
  const id = positiveInt(c.req.param('id'));
  const input = id === undefined ? undefined : await q.findInputById(db(c), id);
  if (!input || input.planId !== plan.id || !canSeeInput(c.get('actor'), input)) throw new NotFoundError();
  return { plan, input };
}

/** What a form posted under its prefix, as text by short name (to show it again). */
function postedValues(body: PostedForm, prefix: string): Record<string, string> {
  const group = body[prefix];
  const values: Record<string, string> = {};
  if (typeof group === 'object' && group !== null && !Array.isArray(group))
    for (const [key, value] of Object.entries(group as Record<string, unknown>)) if (typeof value === 'string') values[key] = value;
  return values;
}

function prefixed(body: PostedForm, prefix: string): PostedForm {
  const group = body[prefix];
  return typeof group === 'object' && group !== null && !Array.isArray(group) ? (group as PostedForm) : {};
}

/** Who may open an action's own page (the service checks again on the post). */
function gate(c: AppContext, action: InputModerationAction, input: Input): void {
  switch (action) {
    case 'report':
      requirePermission(c, 'input.report', { planId: input.planId });
      return;
    case 'appeal':
      requirePermission(c, 'input.appeal', { authorId: input.authorId ?? undefined, planId: input.planId });
      return;
    default:
      requirePermission(c, 'input.moderate', { planId: input.planId });
  }
}

export function moderationPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---- the moderators' page ----
  app.get('/moderation', async (c) => {
    restricted(c);
    const actor = c.get('actor');
    const page = positiveInt(c.req.query('page')) ?? 1;
    const overview = await service.moderationOverview(db(c), actor, c.get('services').now(), page);
    const logInputs = await mq.inputsByIds(
      db(c),
      overview.log.items.flatMap((e) => (e.inputId === null ? [] : [e.inputId])),
    );
    const inputs = [...overview.reports.map((r) => r.input), ...overview.appeals, ...logInputs.values()];
    const [plans, people] = await Promise.all([
      findPlansByIds(
        db(c),
        inputs.map((i) => i.planId),
      ),
      publicPeople(db(c), [
        ...inputs.flatMap((i) => (i.authorId === null ? [] : [i.authorId])),
        ...overview.log.items.flatMap((e) => (e.userId === null ? [] : [e.userId])),
        ...(overview.suspensions ?? []).map((s) => s.userId),
      ]),
    ]);
    const done = c.req.query('done');
    return c.html(
      <ModerationPage
        ctx={pageContext(c)}
        overview={overview}
        plans={plans}
        people={people}
        inputs={logInputs}
        done={done === 'dismissed' ? t(c.get('lang'), 'participation.moderation.dismissed') : undefined}
      />,
    );
  });

  // ---- suspensions ----
  const renderSuspension = (c: AppContext, values: SuspensionFormValues, state: Pick<RefusedForm, 'errors'> & { status: 200 | 400 | 409 }) => {
    restricted(c);
    return c.html(<SuspensionFormPage ctx={pageContext(c)} values={values} errors={state.errors} />, state.status);
  };
  app.get('/moderation/suspensions/new', (c) => {
    requirePermission(c, 'account.suspend');
    const userId = positiveInt(c.req.query('userId'));
    return renderSuspension(c, { userId: userId === undefined ? '' : String(userId) }, { errors: {}, status: 200 });
  });
  app.post('/moderation/suspensions/new', async (c) => {
    requirePermission(c, 'account.suspend');
    return handleForm(c, {
      schema: suspensionFormInput,
      run: ({ userId, ...input }: z.infer<typeof suspensionFormInput>) => service.suspendAccount(deps(c), c.get('actor'), userId, input),
      redirectTo: () => moderationPath(),
      render: (state) => {
        const text = (key: string) => (typeof state.body[key] === 'string' ? state.body[key] : '');
        return Promise.resolve(renderSuspension(c, { userId: text('userId'), days: text('days'), reason: text('reason') }, state));
      },
    });
  });
  app.post('/moderation/suspensions/:id/lift', async (c) => {
    const id = positiveInt(c.req.param('id'));
    if (id === undefined) throw new NotFoundError();
    await service.liftSuspension(deps(c), c.get('actor'), id);
    return c.redirect(href(c.get('lang'), moderationPath()), 303);
  });

  // ---- an input's moderation forms ----
  const renderAction = (
    c: AppContext,
    plan: Awaited<ReturnType<typeof inputOf>>['plan'],
    input: Input,
    action: InputModerationAction,
    shown: { values?: Record<string, string>; errors?: Record<string, string>; conflict?: boolean; status?: 200 | 400 | 409; reported?: 'new' | 'again' } = {},
  ) => {
    restricted(c);
    return c.html(
      <ModerationActionPage
        ctx={pageContext(c)}
        plan={plan}
        input={input}
        action={action}
        values={shown.values}
        errors={shown.errors}
        conflict={shown.conflict}
        reported={shown.reported}
      />,
      shown.status ?? 200,
    );
  };

  /** A post of one input action: parsed under its prefix, run, then back to the input's page (or its own page again with the messages). */
  const actionPost = <S extends z.ZodType, R>(
    action: InputModerationAction,
    schema: S,
    run: (c: AppContext, input: Input, parsed: z.infer<S>) => Promise<R>,
    redirectTo?: (plan: { slug: string }, input: Input) => string,
  ) =>
    app.post(`/plans/:slug/inputs/:id/${action}`, async (c) => {
      const { plan, input } = await inputOf(c);
      const prefix = formPrefix(action, input);
      return handleForm(c, {
        schema,
        toInput: (body) => prefixed(body, prefix),
        fieldOf: (path) => `${prefix}.${formFieldOf(path)}`,
        run: (parsed) => run(c, input, parsed),
        redirectTo: () => (redirectTo ?? inputPath)(plan, input),
        render: async (state) => {
          // A stale version: the form again on the input as it is now.
          const current = (await q.findInputById(db(c), input.id)) ?? input;
          return renderAction(c, plan, current, action, {
            values: state.conflict ? {} : postedValues(state.body, prefix),
            errors: state.errors,
            conflict: state.conflict,
            status: state.status,
          });
        },
      });
    });

  actionPost('report', reportInput, (c, input, parsed) => service.reportInput(deps(c), c.get('actor'), input.id, parsed));
  actionPost('hide', hideInput, (c, input, parsed) => service.hideInput(deps(c), c.get('actor'), input.id, parsed));
  actionPost('restore', restoreInput, (c, input, parsed) => service.restoreInput(deps(c), c.get('actor'), input.id, parsed));
  actionPost(
    'dismiss',
    dismissInput,
    (c, input, parsed) => service.dismissReports(deps(c), c.get('actor'), input.id, parsed),
    () => `${moderationPath()}?done=dismissed`,
  );
  actionPost('appeal', appealInput, (c, input, parsed) => service.fileAppeal(deps(c), c.get('actor'), input.id, parsed));
  actionPost('appeal/decide', appealDecisionInput, (c, input, parsed) => service.decideAppeal(deps(c), c.get('actor'), input.id, parsed));

  // Each form's own page (reached without JavaScript, or from a link).
  for (const action of ['report', 'hide', 'restore', 'dismiss', 'appeal', 'appeal/decide'] as const)
    app.get(`/plans/:slug/inputs/:id/${action}`, async (c) => {
      const { plan, input } = await inputOf(c);
      gate(c, action, input);
      const actor = c.get('actor');
      const reported = action === 'report' && actor && (await mq.findReport(db(c), input.id, actor.id)) ? 'again' : undefined;
      return renderAction(c, plan, input, action, { reported });
    });

  return app;
}
