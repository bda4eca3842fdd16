/**
 * An engagement's management pages (ADR 0036): the secretariat edits the engagement and removes a reviewer (after a
 * confirmation page, so a slip removes nobody); a reviewer edits their own public declaration; the engagement's
 * reviewers keep the interview log, which is 404 to everyone else, the secretariat included.
 */
import type { Hono } from 'hono';
import { NotFoundError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleForm, positiveInt, requirePermission, type FormState } from '../../web/form-handler.js';
import { href } from '../../web/context.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { planQueries } from '../plans/index.js';
import { maySeeInterviews } from './review.access.js';
import {
  emptyInterview,
  engagementInputOf,
  engagementValues,
  engagementValuesOf,
  interviewInputOf,
  interviewValuesOf,
  planOptionsOf,
  postedLocal,
  type InterviewFormValues,
} from './review.forms.js';
import type { Engagement } from './review.model.js';
import { engagementPath, interviewsPath } from './review.paths.js';
import * as q from './review.queries.js';
import { declarationInput, engagementPatch, interviewInput } from './review.schemas.js';
import * as service from './review.service.js';
import { DeclarationFormPage, InterviewsPage, RemoveReviewerPage } from './views/manage.js';
import { EngagementFormPage, type EngagementFormValues } from './views/review-forms.js';

const db = (c: AppContext) => c.get('services').db;
const depsOf = (c: AppContext): service.ReviewDeps => ({ db: db(c), now: c.get('services').now });

async function engagementNamed(c: AppContext): Promise<Engagement> {
  const engagement = await q.findEngagement(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!engagement) throw new NotFoundError();
  return engagement;
}

/** The engagement, for the secretariat (401 signed out, 403 otherwise). */
async function engagementToManage(c: AppContext): Promise<Engagement> {
  requirePermission(c, 'reviewEngagement.manage');
  return engagementNamed(c);
}

export function registerManagePages(app: Hono<AppEnv>): void {
  registerEngagementEdit(app);
  registerReviewerRemoval(app);
  registerDeclaration(app);
  registerInterviews(app);
}

function registerEngagementEdit(app: Hono<AppEnv>): void {
  const render = async (c: AppContext, engagement: Engagement, values: EngagementFormValues, state: FormState) =>
    c.html(
      <EngagementFormPage
        ctx={pageContext(c)}
        engagement={engagement}
        values={values}
        plans={planOptionsOf(await planQueries.listPlans(db(c)), c.get('lang'))}
        errors={state.errors}
        conflict={state.conflict}
      />,
      state.status,
    );
  app.get('/reviews/engagements/:id/edit', async (c) => {
    const engagement = await engagementToManage(c);
    return render(c, engagement, engagementValues(engagement), freshForm);
  });
  app.post('/reviews/engagements/:id/edit', async (c) => {
    const engagement = await engagementToManage(c);
    return handleForm(c, {
      schema: engagementPatch,
      toInput: engagementInputOf,
      run: (input) => service.updateEngagement(depsOf(c), c.get('actor'), engagement.id, input),
      redirectTo: (e) => engagementPath(e),
      // After a conflict, the engagement as someone else saved it (and its version); else what was posted, on this version.
      render: async (state) => {
        if (!state.conflict) return render(c, engagement, engagementValuesOf(state.body), state);
        const current = (await q.findEngagement(db(c), engagement.id)) ?? engagement;
        return render(c, current, engagementValues(current), state);
      },
    });
  });
}

function registerReviewerRemoval(app: Hono<AppEnv>): void {
  const reviewerOf = async (c: AppContext) => {
    const engagement = await engagementToManage(c);
    const userId = positiveInt(c.req.param('userId'));
    const reviewer = engagement.reviewers.find((r) => r.userId === userId);
    if (!reviewer) throw new NotFoundError();
    return { engagement, reviewer };
  };
  app.get('/reviews/engagements/:id/reviewers/:userId/remove', async (c) => {
    const { engagement, reviewer } = await reviewerOf(c);
    return c.html(<RemoveReviewerPage ctx={pageContext(c)} engagement={engagement} reviewer={reviewer} />);
  });
  app.post('/reviews/engagements/:id/reviewers/:userId/remove', async (c) => {
    const { engagement, reviewer } = await reviewerOf(c);
    await service.removeReviewer(depsOf(c), c.get('actor'), engagement.id, reviewer.userId);
    return c.redirect(href(c.get('lang'), `${engagementPath(engagement)}#reviewers`), 303);
  });
}

function registerDeclaration(app: Hono<AppEnv>): void {
  /** The engagement and the signed-in reviewer's row in it: theirs alone to edit (401 signed out, 403 to anyone else). */
  const ownOf = async (c: AppContext) => {
    const engagement = await engagementNamed(c);
    requirePermission(c, 'review.write', { engagementId: engagement.id });
    const own = engagement.reviewers.find((r) => r.userId === c.get('actor')?.id);
    if (!own) throw new NotFoundError();
    c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    return { engagement, own };
  };
  app.get('/reviews/engagements/:id/declaration', async (c) => {
    const { engagement, own } = await ownOf(c);
    return c.html(<DeclarationFormPage ctx={pageContext(c)} engagement={engagement} values={own} errors={{}} />);
  });
  app.post('/reviews/engagements/:id/declaration', async (c) => {
    const { engagement } = await ownOf(c);
    return handleForm(c, {
      schema: declarationInput,
      run: (input) => service.updateOwnDeclaration(depsOf(c), c.get('actor'), engagement.id, input),
      redirectTo: (e) => `${engagementPath(e)}#reviewers`,
      render: async (state) =>
        c.html(
          <DeclarationFormPage
            ctx={pageContext(c)}
            engagement={engagement}
            values={{ affiliations: postedLocal(state.body.affiliations), interests: postedLocal(state.body.interests) }}
            errors={state.errors}
          />,
          state.status,
        ),
    });
  });
}

function registerInterviews(app: Hono<AppEnv>): void {
  /** The engagement, for its reviewers only: to anyone else (the secretariat too) the log does not exist. */
  const logOf = async (c: AppContext) => {
    const engagement = await engagementNamed(c);
    if (!maySeeInterviews(c.get('actor'), engagement.id)) throw new NotFoundError();
    c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    return engagement;
  };
  const render = async (c: AppContext, engagement: Engagement, values: InterviewFormValues, state: FormState) =>
    c.html(
      <InterviewsPage
        ctx={pageContext(c)}
        engagement={engagement}
        interviews={await q.listInterviews(db(c), engagement.id)}
        values={values}
        errors={state.errors}
      />,
      state.status,
    );
  app.get('/reviews/engagements/:id/interviews', async (c) => render(c, await logOf(c), emptyInterview, freshForm));
  app.post('/reviews/engagements/:id/interviews', async (c) => {
    const engagement = await logOf(c);
    return handleForm(c, {
      schema: interviewInput,
      toInput: interviewInputOf,
      run: (input) => service.addInterview(depsOf(c), c.get('actor'), engagement.id, input),
      redirectTo: () => `${interviewsPath(engagement)}#interviews`,
      render: async (state) => render(c, engagement, interviewValuesOf(state.body), state),
    });
  });
}
