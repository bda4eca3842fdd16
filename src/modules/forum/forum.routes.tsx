/** HTML pages of the forum, in both languages; the secretariat's forms post back here. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { compareMeetings, isOverdue, RESOLUTION_STATUSES, type ForumMeeting, type Resolution } from '../../domain/forum.js';
import { emptyLocalized, type Localized } from '../../domain/localized.js';
import { taipeiDay } from '../../domain/monitoring.js';
import type { ActionPlan } from '../../domain/plan.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { FieldErrors } from '../../web/components.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { handleForm, overlay, positiveInt, requirePermission, versionFromForm } from '../../web/form-handler.js';
import { listValue } from '../../web/forms.js';
import { fieldMessages } from '../../web/validation.js';
import { planBySlug } from '../plans/plans.lookups.js';
import * as planQ from '../plans/plans.queries.js';
import * as q from './forum.queries.js';
import { decisionInput, meetingInput, meetingPatch, meetingReportsInput, resolutionInput, resolutionPatch } from './forum.schemas.js';
import * as service from './forum.service.js';
import {
  DecisionFormPage,
  MeetingFormPage,
  MeetingPage,
  MeetingReportsFormPage,
  MeetingsPage,
  ResolutionFormPage,
  ResolutionsPage,
  meetingPath,
  meetingsPath,
  resolutionPath,
  type DecisionFormValues,
  type MeetingFormValues,
  type ReportChoice,
  type ResolutionFormValues,
} from './forum.views.js';

const db = (c: AppContext) => c.get('services').db;


async function meetingOf(c: AppContext, plan: ActionPlan): Promise<ForumMeeting> {
  const meeting = await q.findMeetingById(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!meeting || meeting.planId !== plan.id) throw new NotFoundError();
  return meeting;
}

async function resolutionOf(c: AppContext, plan: ActionPlan): Promise<Resolution> {
  const resolution = await q.findResolutionById(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!resolution || resolution.planId !== plan.id) throw new NotFoundError();
  return resolution;
}

const agencyMap = async (c: AppContext) => new Map((await planQ.listAgencies(db(c))).map((a) => [a.id, a]));

/** Lines of "title https://…" become links, as on the commitment form. */
function parseLinks(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf(' ');
      return at === -1 ? { title: '', url: line } : { title: line.slice(0, at).trim(), url: line.slice(at + 1) };
    });
}

const meetingFormInput = (body: Record<string, unknown>) => ({ ...body, links: parseLinks(body.links) });

/** Checkboxes and per-report stories as the API's list of {reportId, showcased, story}. */
function reportsFormInput(body: Record<string, unknown>): Record<string, unknown> {
  const reviewed = listValue(body.reviewed) ?? [];
  const showcased = listValue(body.showcased) ?? [];
  const stories = (typeof body.story === 'object' && body.story !== null ? body.story : {}) as Record<string, unknown>;
  const ids = [...new Set([...reviewed, ...showcased])];
  return { version: body.version, reports: ids.map((id) => ({ reportId: id, showcased: showcased.includes(id), story: stories[id] })) };
}

const emptyMeetingValues = (): MeetingFormValues => ({
  heldOn: '',
  kind: 'plenary',
  title: emptyLocalized(),
  cycleId: null,
  attendance: { government: 0, civilSociety: 0, other: 0 },
  agenda: emptyLocalized(),
  minutes: emptyLocalized(),
  links: [],
});

/** What a re-shown meeting form holds: the typed values over the stored ones, links as typed. */
function meetingFormValues(base: MeetingFormValues, submitted: Record<string, unknown>): MeetingFormValues {
  const values = overlay(base, { ...submitted, links: undefined });
  return { ...values, links: Array.isArray(submitted.links) ? (submitted.links as MeetingFormValues['links']) : base.links };
}

export function forumPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---- meetings ----
  app.get('/plans/:slug/meetings', async (c) => {
    const plan = await planBySlug(c);
    const [meetings, counts] = await Promise.all([q.listMeetings(db(c), plan.id), q.countResolutionsByMeeting(db(c), plan.id)]);
    return c.html(<MeetingsPage ctx={pageContext(c)} plan={plan} meetings={meetings} resolutionCounts={counts} canManage={can(c.get('actor'), 'meeting.manage')} />);
  });

  const renderMeetingForm = async (c: AppContext, plan: ActionPlan, meeting: ForumMeeting | null, values: MeetingFormValues, errors: FieldErrors, conflict: boolean, status: 200 | 400 | 409) =>
    c.html(<MeetingFormPage ctx={pageContext(c)} plan={plan} meeting={meeting} cycles={await q.listCycleRefs(db(c), plan.id)} values={values} errors={errors} conflict={conflict} />, status);

  app.get('/plans/:slug/meetings/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'meeting.manage');
    return renderMeetingForm(c, plan, null, emptyMeetingValues(), {}, false, 200);
  });
  app.post('/plans/:slug/meetings/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: meetingInput,
      toInput: meetingFormInput,
      run: (input) => service.createMeeting({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: (meeting) => meetingPath(plan, meeting),
      render: ({ submitted, errors }) => renderMeetingForm(c, plan, null, meetingFormValues(emptyMeetingValues(), submitted), errors, false, 400),
    });
  });

  app.get('/plans/:slug/meetings/:id', async (c) => {
    const plan = await planBySlug(c);
    const meeting = await meetingOf(c, plan);
    const [detail, agencies] = await Promise.all([service.meetingDetail(db(c), meeting), agencyMap(c)]);
    return c.html(<MeetingPage ctx={pageContext(c)} plan={plan} detail={detail} agencies={agencies} canManage={can(c.get('actor'), 'meeting.manage')} />);
  });

  app.get('/plans/:slug/meetings/:id/edit', async (c) => {
    const plan = await planBySlug(c);
    const meeting = await meetingOf(c, plan);
    requirePermission(c, 'meeting.manage');
    return renderMeetingForm(c, plan, meeting, meeting, {}, false, 200);
  });
  app.post('/plans/:slug/meetings/:id/edit', async (c) => {
    const plan = await planBySlug(c);
    const meeting = await meetingOf(c, plan);
    return handleForm(c, {
      schema: meetingPatch,
      toInput: meetingFormInput,
      run: (input) => service.updateMeeting({ db: db(c) }, c.get('actor'), meeting.id, input),
      redirectTo: (updated) => meetingPath(plan, updated),
      render: async ({ submitted, errors, conflict, status }) => {
        const current = (await q.findMeetingById(db(c), meeting.id)) ?? meeting;
        const values = conflict ? current : { ...meetingFormValues(current, submitted), version: current.version };
        return renderMeetingForm(c, plan, current, values, errors, conflict, status);
      },
    });
  });
  app.post('/plans/:slug/meetings/:id/delete', async (c) => {
    const plan = await planBySlug(c);
    const meeting = await meetingOf(c, plan);
    const version = await versionFromForm(c);
    try {
      await service.deleteMeeting({ db: db(c) }, c.get('actor'), meeting.id, version);
    } catch (error) {
      if (error instanceof ValidationError || error instanceof ConflictError) {
        const current = (await q.findMeetingById(db(c), meeting.id)) ?? meeting;
        const errors: FieldErrors = error instanceof ValidationError ? { title: Object.values(fieldMessages(error, c.get('lang')))[0] ?? '' } : {};
        return renderMeetingForm(c, plan, current, current, errors, error instanceof ConflictError, error instanceof ConflictError ? 409 : 400);
      }
      throw error;
    }
    return c.redirect(href(c.get('lang'), meetingsPath(plan)), 303);
  });

  // ---- reports reviewed ----
  const renderReportsForm = async (
    c: AppContext,
    plan: ActionPlan,
    meeting: ForumMeeting,
    choices: Map<number, ReportChoice>,
    errors: FieldErrors,
    conflict: boolean,
    status: 200 | 400 | 409,
  ) => {
    const allCycles = c.req.query('all') === '1' || meeting.cycleId === null;
    const [candidates, linked, cycle] = await Promise.all([
      q.listReviewableReports(db(c), plan.id, allCycles ? null : meeting.cycleId),
      q.listMeetingReports(db(c), meeting.id),
      meeting.cycleId === null ? Promise.resolve(undefined) : q.findCycleRef(db(c), meeting.cycleId),
    ]);
    // Reports already linked stay listed even when outside the filter or since revised.
    const shown = [...candidates, ...linked.filter((l) => !candidates.some((r) => r.reportId === l.reportId))];
    return c.html(
      <MeetingReportsFormPage
        ctx={pageContext(c)}
        plan={plan}
        meeting={meeting}
        cycle={cycle}
        allCycles={c.req.query('all') === '1'}
        candidates={shown}
        choices={choices}
        version={meeting.version}
        errors={errors}
        conflict={conflict}
      />,
      status,
    );
  };
  const storedChoices = async (c: AppContext, meeting: ForumMeeting) =>
    new Map((await q.listMeetingReports(db(c), meeting.id)).map((r) => [r.reportId, { reviewed: true, showcased: r.showcased, story: r.story }]));

  app.get('/plans/:slug/meetings/:id/reports', async (c) => {
    const plan = await planBySlug(c);
    const meeting = await meetingOf(c, plan);
    requirePermission(c, 'meeting.manage');
    return renderReportsForm(c, plan, meeting, await storedChoices(c, meeting), {}, false, 200);
  });
  app.post('/plans/:slug/meetings/:id/reports', async (c) => {
    const plan = await planBySlug(c);
    const meeting = await meetingOf(c, plan);
    return handleForm(c, {
      schema: meetingReportsInput,
      toInput: reportsFormInput,
      run: (input) => service.setMeetingReports({ db: db(c) }, c.get('actor'), meeting.id, input),
      redirectTo: () => `${meetingPath(plan, meeting)}#s-reports`,
      render: async ({ submitted, errors, conflict, status }) => {
        const current = (await q.findMeetingById(db(c), meeting.id)) ?? meeting;
        let choices = await storedChoices(c, current);
        if (!conflict) {
          choices = new Map();
          for (const entry of (submitted.reports as { reportId: string; showcased: boolean; story?: Partial<Localized> }[] | undefined) ?? []) {
            const id = Number(entry.reportId);
            choices.set(id, { reviewed: true, showcased: entry.showcased, story: { ...emptyLocalized(), ...entry.story } });
          }
        }
        return renderReportsForm(c, plan, current, choices, errors, conflict, status);
      },
    });
  });

  // ---- resolutions ----
  app.get('/plans/:slug/resolutions', async (c) => {
    const plan = await planBySlug(c);
    const filters = {
      status: RESOLUTION_STATUSES.find((s) => s === c.req.query('status')),
      agency: positiveInt(c.req.query('agency')),
    };
    const [all, meetings, agencies] = await Promise.all([q.listResolutions(db(c), plan.id), q.listMeetings(db(c), plan.id), agencyMap(c)]);
    const shown = all.filter((r) => (filters.status === undefined || r.status === filters.status) && (filters.agency === undefined || r.ownerAgencyId === filters.agency));
    const meetingById = new Map(meetings.map((m) => [m.id, m]));
    const today = taipeiDay(c.get('services').now());
    const ownerIds = new Set(all.map((r) => r.ownerAgencyId));
    return c.html(
      <ResolutionsPage
        ctx={pageContext(c)}
        plan={plan}
        rows={shown.map((r) => ({ resolution: r, overdue: isOverdue(r, r.status === 'keep-tracking', today), meeting: meetingById.get(r.meetingId) }))}
        total={all.length}
        agencies={agencies}
        ownerAgencies={[...agencies.values()].filter((a) => ownerIds.has(a.id))}
        filters={filters}
        canManage={can(c.get('actor'), 'resolution.manage')}
      />,
    );
  });

  const renderResolutionForm = async (
    c: AppContext,
    plan: ActionPlan,
    meeting: ForumMeeting,
    resolution: Resolution | null,
    values: ResolutionFormValues,
    errors: FieldErrors,
    conflict: boolean,
    status: 200 | 400 | 409,
  ) =>
    c.html(
      <ResolutionFormPage ctx={pageContext(c)} plan={plan} meeting={meeting} resolution={resolution} agencies={await planQ.listAgencies(db(c))} values={values} errors={errors} conflict={conflict} />,
      status,
    );
  const emptyResolution = (): ResolutionFormValues => ({ number: '', body: emptyLocalized(), ownerAgencyId: null, dueOn: null });

  app.get('/plans/:slug/meetings/:id/resolutions/new', async (c) => {
    const plan = await planBySlug(c);
    const meeting = await meetingOf(c, plan);
    requirePermission(c, 'resolution.manage');
    return renderResolutionForm(c, plan, meeting, null, emptyResolution(), {}, false, 200);
  });
  app.post('/plans/:slug/meetings/:id/resolutions/new', async (c) => {
    const plan = await planBySlug(c);
    const meeting = await meetingOf(c, plan);
    return handleForm(c, {
      schema: resolutionInput,
      run: (input) => service.createResolution({ db: db(c) }, c.get('actor'), meeting.id, input),
      redirectTo: () => `${meetingPath(plan, meeting)}#s-resolutions`,
      render: ({ submitted, errors }) => renderResolutionForm(c, plan, meeting, null, overlay(emptyResolution(), submitted), errors, false, 400),
    });
  });

  const meetingOfResolution = async (c: AppContext, resolution: Resolution) => {
    const meeting = await q.findMeetingById(db(c), resolution.meetingId);
    if (!meeting) throw new NotFoundError();
    return meeting;
  };

  app.get('/plans/:slug/resolutions/:id/edit', async (c) => {
    const plan = await planBySlug(c);
    const resolution = await resolutionOf(c, plan);
    requirePermission(c, 'resolution.manage');
    return renderResolutionForm(c, plan, await meetingOfResolution(c, resolution), resolution, resolution, {}, false, 200);
  });
  app.post('/plans/:slug/resolutions/:id/edit', async (c) => {
    const plan = await planBySlug(c);
    const resolution = await resolutionOf(c, plan);
    const meeting = await meetingOfResolution(c, resolution);
    return handleForm(c, {
      schema: resolutionPatch,
      run: (input) => service.updateResolution({ db: db(c) }, c.get('actor'), resolution.id, input),
      redirectTo: (updated) => resolutionPath(plan, updated),
      render: async ({ submitted, errors, conflict, status }) => {
        const current = (await q.findResolutionById(db(c), resolution.id)) ?? resolution;
        const values = conflict ? current : { ...overlay<ResolutionFormValues>(current, submitted), version: current.version };
        return renderResolutionForm(c, plan, meeting, current, values, errors, conflict, status);
      },
    });
  });

  // ---- decisions ----
  const renderDecisionForm = async (c: AppContext, plan: ActionPlan, resolution: Resolution, values: DecisionFormValues, errors: FieldErrors, conflict: boolean, status: 200 | 400 | 409) => {
    const [meetings, history] = await Promise.all([q.listMeetings(db(c), plan.id), q.listDecisionsForResolution(db(c), resolution.id)]);
    const madeAt = meetings.find((m) => m.id === resolution.meetingId);
    if (!madeAt) throw new NotFoundError();
    const allMeetings = new Map(meetings.map((m) => [m.id, m]));
    const eligible = meetings.filter((m) => compareMeetings(m, madeAt) >= 0);
    const ordered = [...history].sort((a, b) => {
      const ma = allMeetings.get(a.meetingId);
      const mb = allMeetings.get(b.meetingId);
      return ma && mb ? compareMeetings(ma, mb) : 0;
    });
    return c.html(
      <DecisionFormPage
        ctx={pageContext(c)}
        plan={plan}
        resolution={resolution}
        madeAt={madeAt}
        meetings={eligible}
        history={ordered}
        allMeetings={allMeetings}
        values={values}
        errors={errors}
        conflict={conflict}
      />,
      status,
    );
  };

  app.get('/plans/:slug/resolutions/:id/decide', async (c) => {
    const plan = await planBySlug(c);
    const resolution = await resolutionOf(c, plan);
    requirePermission(c, 'resolution.manage');
    const asked = positiveInt(c.req.query('meeting'));
    const latest = (await q.listMeetings(db(c), plan.id))[0];
    const values: DecisionFormValues = { meetingId: asked ?? latest?.id ?? '', status: '', note: emptyLocalized(), version: resolution.version };
    return renderDecisionForm(c, plan, resolution, values, {}, false, 200);
  });
  app.post('/plans/:slug/resolutions/:id/decide', async (c) => {
    const plan = await planBySlug(c);
    const resolution = await resolutionOf(c, plan);
    return handleForm(c, {
      schema: decisionInput,
      run: (input) => service.decideResolution({ db: db(c) }, c.get('actor'), resolution.id, input),
      redirectTo: ({ decision }) => `${meetingPath(plan, { id: decision.meetingId })}#s-decisions`,
      render: async ({ submitted, errors, conflict, status }) => {
        const current = (await q.findResolutionById(db(c), resolution.id)) ?? resolution;
        const base: DecisionFormValues = { meetingId: '', status: '', note: emptyLocalized(), version: current.version };
        const values = conflict ? base : { ...overlay(base, submitted), version: current.version };
        return renderDecisionForm(c, plan, current, values, errors, conflict, status);
      },
    });
  });

  return app;
}
