/**
 * The reviewers' forms on a report before it is published (ADR 0036), as the API's PATCH /reviews/{id}, PATCH
 * /recommendations/{id}, POST /reviews/{id}/clusters and POST /review-units/{id}/split do: its texts, a
 * recommendation's words, clustering related units, splitting one. To anyone but the engagement's reviewers the forms
 * do not exist (404); a published report's refuse with the service's 409.
 */
import type { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { emptyLocalized } from '../../domain/localized.js';
import { NotFoundError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleForm, positiveInt } from '../../web/form-handler.js';
import { firstValue, listValue, postedRecord, type PostedForm } from '../../web/forms.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { postedLocal } from './review.forms.js';
import type { ReviewReport } from './review.model.js';
import { reportPath } from './review.paths.js';
import * as q from './review.queries.js';
import { clusterInput, recommendationPatch, reportPatch, splitInput } from './review.schemas.js';
import * as service from './review.service.js';
import { ClusterFormPage, RecommendationEditPage, ReportTextsPage, SplitFormPage, type ReportTextValues } from './views/report-edit.js';

const db = (c: AppContext) => c.get('services').db;
const depsOf = (c: AppContext): service.ReviewDeps => ({ db: db(c), now: c.get('services').now });
const idOf = (c: AppContext) => positiveInt(c.req.param('id')) ?? 0;

/** The report, to its engagement's reviewers only: to anyone else these forms do not exist. */
async function reportToWrite(c: AppContext, id: number | undefined): Promise<ReviewReport> {
  const report = id === undefined ? undefined : await q.findReport(db(c), id);
  if (!report || !can(c.get('actor'), 'review.write', { engagementId: report.engagementId })) throw new NotFoundError();
  c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
  return report;
}

const textsOf = (r: ReviewReport): ReportTextValues => ({ title: r.title, overview: r.overview, changeNote: r.changeNote, commentDays: String(r.commentDays) });

/** Only what the report's state lets change is sent: the days of comment of a draft, a correction's change note. */
const textsInput =
  (report: ReviewReport) =>
  (body: PostedForm): PostedForm => {
    const { commentDays, changeNote, ...rest } = body;
    return {
      ...rest,
      ...(report.state === 'draft' && report.edition === 1 && firstValue(commentDays) ? { commentDays } : {}),
      ...(report.edition > 1 ? { changeNote } : {}),
    };
  };

export function registerReportEditForms(app: Hono<AppEnv>): void {
  app.get('/reviews/:id/edit', async (c) => {
    const report = await reportToWrite(c, idOf(c));
    return c.html(<ReportTextsPage ctx={pageContext(c)} report={report} values={textsOf(report)} errors={freshForm.errors} conflict={false} />);
  });
  app.post('/reviews/:id/edit', async (c) => {
    const report = await reportToWrite(c, idOf(c));
    return handleForm(c, {
      schema: reportPatch,
      toInput: textsInput(report),
      run: (input) => service.updateReport(depsOf(c), c.get('actor'), report.id, input),
      redirectTo: () => reportPath(report),
      render: async (state) => {
        const current = state.conflict ? ((await q.findReport(db(c), report.id)) ?? report) : report;
        const posted = state.body;
        const values: ReportTextValues = state.conflict
          ? textsOf(current)
          : {
              title: { ...report.title, ...postedRecord(posted.title) },
              overview: { ...report.overview, ...postedRecord(posted.overview) },
              changeNote: { ...report.changeNote, ...postedRecord(posted.changeNote) },
              commentDays: firstValue(posted.commentDays) ?? '',
            };
        return c.html(<ReportTextsPage ctx={pageContext(c)} report={current} values={values} errors={state.errors} conflict={state.conflict} />, state.status);
      },
    });
  });

  async function recommendationAndReport(c: AppContext) {
    const recommendation = await q.findRecommendation(db(c), idOf(c));
    const report = await reportToWrite(c, recommendation?.reportId);
    if (!recommendation) throw new NotFoundError();
    return { recommendation, report };
  }
  app.get('/reviews/recommendations/:id/edit', async (c) => {
    const { recommendation, report } = await recommendationAndReport(c);
    return c.html(
      <RecommendationEditPage ctx={pageContext(c)} report={report} recommendation={recommendation} body={recommendation.body} errors={{}} conflict={false} />,
    );
  });
  app.post('/reviews/recommendations/:id/edit', async (c) => {
    const { recommendation, report } = await recommendationAndReport(c);
    return handleForm(c, {
      schema: recommendationPatch,
      run: (input) => service.updateRecommendation(depsOf(c), c.get('actor'), recommendation.id, input),
      redirectTo: () => `${reportPath(report)}#recommendations`,
      render: async (state) => {
        const current = state.conflict ? ((await q.findRecommendation(db(c), recommendation.id)) ?? recommendation) : recommendation;
        const body = state.conflict ? current.body : { ...recommendation.body, ...postedRecord(state.body.body) };
        return c.html(
          <RecommendationEditPage ctx={pageContext(c)} report={report} recommendation={current} body={body} errors={state.errors} conflict={state.conflict} />,
          state.status,
        );
      },
    });
  });

  app.get('/reviews/:id/clusters/new', async (c) => {
    const report = await reportToWrite(c, idOf(c));
    const units = await q.listUnits(db(c), report.id);
    return c.html(<ClusterFormPage ctx={pageContext(c)} report={report} units={units} chosen={[]} title={emptyLocalized()} errors={{}} />);
  });
  app.post('/reviews/:id/clusters/new', async (c) => {
    const report = await reportToWrite(c, idOf(c));
    return handleForm(c, {
      schema: clusterInput,
      // Checked boxes, without the empty marker; an empty title is "keep the first unit's".
      toInput: (body) => {
        const { title, ...rest } = body;
        const typed = postedLocal(title);
        const named = typed.zh.trim() !== '' || typed.en.trim() !== '';
        return { ...rest, unitIds: (listValue(body.unitIds) ?? []).filter((v) => v !== ''), ...(named ? { title } : {}) };
      },
      run: (input) => service.clusterUnits(depsOf(c), c.get('actor'), report.id, input),
      redirectTo: () => `${reportPath(report)}#units`,
      render: async (state) =>
        c.html(
          <ClusterFormPage
            ctx={pageContext(c)}
            report={report}
            units={await q.listUnits(db(c), report.id)}
            chosen={(listValue(state.body.unitIds) ?? []).filter((v) => v !== '')}
            title={postedLocal(state.body.title)}
            errors={state.errors}
          />,
          state.status,
        ),
    });
  });

  async function unitAndReport(c: AppContext) {
    const unit = await q.findUnit(db(c), idOf(c));
    const report = await reportToWrite(c, unit?.reportId);
    if (!unit) throw new NotFoundError();
    return { unit, report };
  }
  app.get('/reviews/units/:id/split', async (c) => {
    const { unit, report } = await unitAndReport(c);
    return c.html(<SplitFormPage ctx={pageContext(c)} report={report} unit={unit} title={emptyLocalized()} errors={{}} />);
  });
  app.post('/reviews/units/:id/split', async (c) => {
    const { unit, report } = await unitAndReport(c);
    return handleForm(c, {
      schema: splitInput,
      run: (input) => service.splitUnit(depsOf(c), c.get('actor'), unit.id, input),
      redirectTo: () => `${reportPath(report)}#units`,
      render: async (state) =>
        c.html(<SplitFormPage ctx={pageContext(c)} report={report} unit={unit} title={postedLocal(state.body.title)} errors={state.errors} />, state.status),
    });
  });
}
