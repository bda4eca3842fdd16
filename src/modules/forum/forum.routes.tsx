/** HTML pages of the forum, in both languages; the secretariat's forms post back here. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { compareMeetings, isOverdue, RESOLUTION_STATUSES, type ForumMeeting, type Resolution } from '../../domain/forum.js';
import { taipeiDay } from '../../domain/monitoring.js';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleDelete, handleEditForm, handleForm, positiveInt, requirePermission, type EditFormPage } from '../../web/form-handler.js';
import { meetingPath, meetingSectionPath, meetingsPath, resolutionPath } from '../../web/paths.js';
import { listStakeholderGroups } from '../accounts/index.js';
import { planBySlug } from '../plans/index.js';
import { listWorkingGroups } from '../workgroups/index.js';
import { planQueries as planQ } from '../plans/index.js';
import {
  decisionForm,
  meetingForm,
  meetingReportsForm,
  resolutionForm,
  type DecisionFormValues,
  type MeetingFormValues,
  type ReportChoices,
  type ResolutionFormValues,
} from './forum.forms.js';
import * as q from './forum.queries.js';
import { decisionInput, meetingInput, meetingPatch, meetingReportsInput, resolutionInput, resolutionPatch } from './forum.schemas.js';
import * as service from './forum.service.js';
import { DecisionFormPage } from './views/decision-form.js';
import { MeetingFormPage, type MeetingFormChoices } from './views/meeting-form.js';
import { MeetingReportsFormPage } from './views/meeting-reports-form.js';
import { MeetingPage, type MeetingRelations } from './views/meeting.js';
import { MeetingsPage } from './views/meetings.js';
import { ResolutionFormPage } from './views/resolution-form.js';
import { ResolutionsPage } from './views/resolutions.js';

const db = (c: AppContext) => c.get('services').db;

/** The plan of the path and its meeting `:id` (404 when the meeting is another plan's). */
async function meetingOf(c: AppContext): Promise<{ plan: ActionPlan; meeting: ForumMeeting }> {
  const plan = await planBySlug(c);
  const meeting = await q.findMeetingById(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!meeting || meeting.planId !== plan.id) throw new NotFoundError();
  return { plan, meeting };
}

/** The plan of the path and its resolution `:id` (404 when the resolution is another plan's). */
async function resolutionOf(c: AppContext): Promise<{ plan: ActionPlan; resolution: Resolution }> {
  const plan = await planBySlug(c);
  const resolution = await q.findResolutionById(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!resolution || resolution.planId !== plan.id) throw new NotFoundError();
  return { plan, resolution };
}

const agencyMap = async (c: AppContext) => new Map((await planQ.listAgencies(db(c))).map((a) => [a.id, a]));

/** What a meeting's page names besides the meeting: its working group, its commitment, the names of its stakeholder groups (each read only when needed). */
async function meetingRelations(c: AppContext, meeting: ForumMeeting): Promise<MeetingRelations> {
  const { workingGroupId, commitmentId } = meeting;
  const [groups, commitments, stakeholderGroups] = await Promise.all([
    workingGroupId === null ? Promise.resolve([]) : listWorkingGroups(db(c), meeting.planId),
    commitmentId === null ? Promise.resolve(new Map<number, never>()) : planQ.commitmentLabels(db(c), [commitmentId]),
    Object.keys(meeting.attendanceByGroup).length === 0 ? Promise.resolve([]) : listStakeholderGroups(db(c)),
  ]);
  return {
    workingGroup: groups.find((g) => g.id === workingGroupId),
    commitment: commitmentId === null ? undefined : commitments.get(commitmentId),
    stakeholderGroups,
  };
}

export function forumPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---- meetings ----
  app.get('/plans/:slug/meetings', async (c) => {
    const plan = await planBySlug(c);
    const [meetings, counts] = await Promise.all([q.listMeetings(db(c), plan.id), q.countResolutionsByMeeting(db(c), plan.id)]);
    return c.html(
      <MeetingsPage ctx={pageContext(c)} plan={plan} meetings={meetings} resolutionCounts={counts} canManage={can(c.get('actor'), 'meeting.manage')} />,
    );
  });

  const meetingFormChoices = async (c: AppContext, plan: ActionPlan): Promise<MeetingFormChoices> => {
    const [cycles, stakeholderGroups, workingGroups, commitments] = await Promise.all([
      q.listCycleRefs(db(c), plan.id),
      listStakeholderGroups(db(c)),
      listWorkingGroups(db(c), plan.id),
      planQ.listCommitmentSummaries(db(c), { planId: plan.id }),
    ]);
    return { cycles, stakeholderGroups, workingGroups, commitments };
  };
  const renderMeetingForm = async (c: AppContext, plan: ActionPlan, meeting: ForumMeeting | null, values: MeetingFormValues, state = freshForm) =>
    c.html(
      <MeetingFormPage
        ctx={pageContext(c)}
        plan={plan}
        meeting={meeting}
        choices={await meetingFormChoices(c, plan)}
        values={values}
        errors={state.errors}
        conflict={state.conflict}
      />,
      state.status,
    );
  /** A meeting's edit form, which its save and its delete show again when refused. */
  const meetingEditPage = (c: AppContext, plan: ActionPlan, meeting: ForumMeeting): EditFormPage<ForumMeeting, MeetingFormValues> => ({
    form: meetingForm,
    reload: async () => (await q.findMeetingById(db(c), meeting.id)) ?? meeting,
    render: (current, values, state) => renderMeetingForm(c, plan, current, values, state),
  });

  app.get('/plans/:slug/meetings/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'meeting.manage');
    return renderMeetingForm(c, plan, null, meetingForm.empty());
  });
  app.post('/plans/:slug/meetings/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: meetingInput,
      toInput: meetingForm.input,
      fieldOf: meetingForm.fieldOf,
      run: (input) => service.createMeeting({ db: db(c) }, c.get('actor'), plan.id, input),
      redirectTo: (meeting) => meetingPath(plan, meeting),
      render: (state) => renderMeetingForm(c, plan, null, meetingForm.posted(state.body, meetingForm.empty()), state),
    });
  });

  app.get('/plans/:slug/meetings/:id', async (c) => {
    const { plan, meeting } = await meetingOf(c);
    const [detail, agencies, related] = await Promise.all([service.meetingDetail(db(c), meeting), agencyMap(c), meetingRelations(c, meeting)]);
    return c.html(
      <MeetingPage ctx={pageContext(c)} plan={plan} detail={detail} related={related} agencies={agencies} canManage={can(c.get('actor'), 'meeting.manage')} />,
    );
  });

  app.get('/plans/:slug/meetings/:id/edit', async (c) => {
    const { plan, meeting } = await meetingOf(c);
    requirePermission(c, 'meeting.manage');
    return renderMeetingForm(c, plan, meeting, meetingForm.values(meeting));
  });
  app.post('/plans/:slug/meetings/:id/edit', async (c) => {
    const { plan, meeting } = await meetingOf(c);
    return handleEditForm(c, {
      ...meetingEditPage(c, plan, meeting),
      schema: meetingPatch,
      run: (input) => service.updateMeeting({ db: db(c) }, c.get('actor'), meeting.id, input),
      redirectTo: (updated) => meetingPath(plan, updated),
    });
  });
  app.post('/plans/:slug/meetings/:id/delete', async (c) => {
    const { plan, meeting } = await meetingOf(c);
    return handleDelete(c, {
      ...meetingEditPage(c, plan, meeting),
      run: (version) => service.deleteMeeting({ db: db(c) }, c.get('actor'), meeting.id, version),
      redirectTo: meetingsPath(plan),
      // A meeting with resolutions stays; why is said beside its title, the form's first field.
      reasonField: 'title',
    });
  });

  // ---- reports reviewed ----
  const renderReportsForm = async (c: AppContext, plan: ActionPlan, meeting: ForumMeeting, choices: ReportChoices, state = freshForm) => {
    const allCycles = c.req.query('all') === '1' || meeting.cycleId === null;
    const [candidates, linked, cycle] = await Promise.all([
      q.listReviewableReports(db(c), plan.id, allCycles ? null : meeting.cycleId),
      q.listMeetingReports(db(c), meeting.id),
      meeting.cycleId === null ? Promise.resolve(undefined) : q.findCycleRef(db(c), meeting.cycleId),
    ]);
    // Reports already linked stay listed even when outside the filter or since revised.
    const listed = [...candidates, ...linked.filter((l) => !candidates.some((r) => r.reportId === l.reportId))];
    const page = { plan, meeting, cycle, allCycles: c.req.query('all') === '1', candidates: listed, choices, version: meeting.version };
    return c.html(<MeetingReportsFormPage ctx={pageContext(c)} {...page} errors={state.errors} conflict={state.conflict} />, state.status);
  };
  const storedChoices = async (c: AppContext, meeting: ForumMeeting) => meetingReportsForm.values(await q.listMeetingReports(db(c), meeting.id));

  app.get('/plans/:slug/meetings/:id/reports', async (c) => {
    const { plan, meeting } = await meetingOf(c);
    requirePermission(c, 'meeting.manage');
    return renderReportsForm(c, plan, meeting, await storedChoices(c, meeting));
  });
  app.post('/plans/:slug/meetings/:id/reports', async (c) => {
    const { plan, meeting } = await meetingOf(c);
    return handleForm(c, {
      schema: meetingReportsInput,
      toInput: meetingReportsForm.input,
      run: (input) => service.setMeetingReports({ db: db(c) }, c.get('actor'), meeting.id, input),
      redirectTo: () => meetingSectionPath(plan, meeting, 'reports'),
      render: async (state) => {
        const current = (await q.findMeetingById(db(c), meeting.id)) ?? meeting;
        return renderReportsForm(c, plan, current, state.conflict ? await storedChoices(c, current) : meetingReportsForm.posted(state.body), state);
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
    const shown = all.filter(
      (r) => (filters.status === undefined || r.status === filters.status) && (filters.agency === undefined || r.ownerAgencyId === filters.agency),
    );
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
    state = freshForm,
  ) => {
    const page = { plan, meeting, resolution, agencies: await planQ.listAgencies(db(c)), values };
    return c.html(<ResolutionFormPage ctx={pageContext(c)} {...page} errors={state.errors} conflict={state.conflict} />, state.status);
  };

  app.get('/plans/:slug/meetings/:id/resolutions/new', async (c) => {
    const { plan, meeting } = await meetingOf(c);
    requirePermission(c, 'resolution.manage');
    return renderResolutionForm(c, plan, meeting, null, resolutionForm.empty());
  });
  app.post('/plans/:slug/meetings/:id/resolutions/new', async (c) => {
    const { plan, meeting } = await meetingOf(c);
    return handleForm(c, {
      schema: resolutionInput,
      run: (input) => service.createResolution({ db: db(c) }, c.get('actor'), meeting.id, input),
      redirectTo: () => meetingSectionPath(plan, meeting, 'resolutions'),
      render: (state) => renderResolutionForm(c, plan, meeting, null, resolutionForm.posted(state.body, resolutionForm.empty()), state),
    });
  });

  const meetingOfResolution = async (c: AppContext, resolution: Resolution) => {
    const meeting = await q.findMeetingById(db(c), resolution.meetingId);
    if (!meeting) throw new NotFoundError();
    return meeting;
  };

  app.get('/plans/:slug/resolutions/:id/edit', async (c) => {
    const { plan, resolution } = await resolutionOf(c);
    requirePermission(c, 'resolution.manage');
    return renderResolutionForm(c, plan, await meetingOfResolution(c, resolution), resolution, resolutionForm.values(resolution));
  });
  app.post('/plans/:slug/resolutions/:id/edit', async (c) => {
    const { plan, resolution } = await resolutionOf(c);
    const meeting = await meetingOfResolution(c, resolution);
    return handleEditForm(c, {
      schema: resolutionPatch,
      run: (input) => service.updateResolution({ db: db(c) }, c.get('actor'), resolution.id, input),
      redirectTo: (updated) => resolutionPath(plan, updated),
      form: resolutionForm,
      reload: async () => (await q.findResolutionById(db(c), resolution.id)) ?? resolution,
      render: (current, values, state) => renderResolutionForm(c, plan, meeting, current, values, state),
    });
  });

  // ---- decisions ----
  const renderDecisionForm = async (c: AppContext, plan: ActionPlan, resolution: Resolution, values: DecisionFormValues, state = freshForm) => {
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
    const page = { plan, resolution, madeAt, meetings: eligible, history: ordered, allMeetings, values };
    return c.html(<DecisionFormPage ctx={pageContext(c)} {...page} errors={state.errors} conflict={state.conflict} />, state.status);
  };

  app.get('/plans/:slug/resolutions/:id/decide', async (c) => {
    const { plan, resolution } = await resolutionOf(c);
    requirePermission(c, 'resolution.manage');
    const asked = positiveInt(c.req.query('meeting'));
    const latest = (await q.listMeetings(db(c), plan.id))[0];
    return renderDecisionForm(c, plan, resolution, decisionForm.empty(resolution.version, asked ?? latest?.id));
  });
  app.post('/plans/:slug/resolutions/:id/decide', async (c) => {
    const { plan, resolution } = await resolutionOf(c);
    return handleEditForm(c, {
      schema: decisionInput,
      run: (input) => service.decideResolution({ db: db(c) }, c.get('actor'), resolution.id, input),
      redirectTo: ({ decision }) => meetingSectionPath(plan, { id: decision.meetingId }, 'decisions'),
      // A decision is a new record on the resolution: the form starts empty, at the resolution's version.
      form: { values: (current: Resolution) => decisionForm.empty(current.version), posted: decisionForm.posted },
      reload: async () => (await q.findResolutionById(db(c), resolution.id)) ?? resolution,
      render: (current, values, state) => renderDecisionForm(c, plan, current, values, state),
    });
  });

  return app;
}
