/** The form on which an action plan review's reviewers assess a co-creation minimum requirement. */
import type { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { NotFoundError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleForm, positiveInt, type FormState } from '../../web/form-handler.js';
import { firstValue, postedRecord } from '../../web/forms.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import type { RequirementAssessment, ReviewReport } from './review.model.js';
import { reportPath } from './review.paths.js';
import * as q from './review.queries.js';
import { requirementPatch } from './review.schemas.js';
import * as service from './review.service.js';
import { RequirementFormPage, type RequirementFormValues } from './views/requirements.js';

const db = (c: AppContext) => c.get('services').db;

const valuesOf = (r: RequirementAssessment): RequirementFormValues => ({ status: r.status ?? '', explanation: r.explanation });

/** The requirement and its report, to the engagement's reviewers only: to anyone else the form does not exist. */
async function requirementAndReport(c: AppContext): Promise<{ requirement: RequirementAssessment; report: ReviewReport }> {
  const requirement = await q.findRequirement(db(c), positiveInt(c.req.param('id')) ?? 0);
  const report = requirement ? await q.findReport(db(c), requirement.reportId) : undefined;
  if (!requirement || !report || !can(c.get('actor'), 'review.write', { engagementId: report.engagementId })) throw new NotFoundError();
  c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
  return { requirement, report };
}

export function registerRequirementForm(app: Hono<AppEnv>): void {
  const render = (c: AppContext, requirement: RequirementAssessment, report: ReviewReport, values: RequirementFormValues, state: FormState) =>
    c.html(
      <RequirementFormPage ctx={pageContext(c)} requirement={requirement} report={report} values={values} errors={state.errors} conflict={state.conflict} />,
      state.status,
    );

  app.get('/reviews/requirements/:id/edit', async (c) => {
    const { requirement, report } = await requirementAndReport(c);
    return render(c, requirement, report, valuesOf(requirement), freshForm);
  });
  app.post('/reviews/requirements/:id/edit', async (c) => {
    const { requirement, report } = await requirementAndReport(c);
    return handleForm(c, {
      schema: requirementPatch,
      run: (input) => service.updateRequirement({ db: db(c), now: c.get('services').now }, c.get('actor'), requirement.id, input),
      redirectTo: () => `${reportPath(report)}#requirements`,
      render: async (state) => {
        const current = state.conflict ? ((await q.findRequirement(db(c), requirement.id)) ?? requirement) : requirement;
        const values: RequirementFormValues = state.conflict
          ? valuesOf(current)
          : { status: firstValue(state.body.status) ?? '', explanation: { ...requirement.explanation, ...postedRecord(state.body.explanation) } };
        return render(c, current, report, values, state);
      },
    });
  });
}
