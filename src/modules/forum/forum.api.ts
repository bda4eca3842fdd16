/** JSON API for forum meetings and resolutions under /api/v1, with OpenAPI entries. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses, idParam, itemsOf, jsonContent, routeGroup } from '../../web/openapi.js';
import { recordId } from '../../web/schemas.js';
import {
  attendanceTotal,
  civilSocietyShare,
  isOverdue,
  RESOLUTION_STATUSES,
  type ForumMeeting,
  type Resolution,
  type ResolutionDecision,
} from '../../domain/forum.js';
import { taipeiDay } from '../../domain/monitoring.js';
import type { ActionPlan, Agency } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import type { AppEnv } from '../../web/context.js';
import { planQueries as planQ } from '../plans/index.js';
import * as q from './forum.queries.js';
import {
  decisionInput,
  decisionResultOutput,
  meetingDetailOutput,
  meetingInput,
  meetingOutput,
  meetingPatch,
  meetingReportsInput,
  resolutionInput,
  resolutionOutput,
  resolutionPatch,
  reviewedReportOutput,
} from './forum.schemas.js';
import * as service from './forum.service.js';
import { meetingPath, resolutionPath, transcriptPath } from '../../web/paths.js';

type Db = AppEnv['Variables']['services']['db'];

// ---- presenters: the JSON the API promises, built explicitly ----

export const presentMeeting = (m: ForumMeeting, plan: Pick<ActionPlan, 'slug'>, resolutionCount: number) => ({
  id: m.id,
  planId: m.planId,
  cycleId: m.cycleId,
  heldOn: m.heldOn,
  kind: m.kind,
  title: m.title,
  attendance: { ...m.attendance, total: attendanceTotal(m.attendance) },
  attendanceByGroup: { ...m.attendanceByGroup },
  civilSocietyShare: civilSocietyShare(m.attendance),
  place: m.place,
  mode: m.mode,
  region: m.region,
  openToPublic: m.openToPublic,
  workingGroupId: m.workingGroupId,
  commitmentId: m.commitmentId,
  agenda: m.agenda,
  minutes: m.minutes,
  documents: m.documents.map((d) => ({ kind: d.kind, title: d.title, url: d.url })),
  links: m.links.map((l) => ({ title: l.title, url: l.url })),
  resolutionCount,
  isDemo: m.isDemo,
  version: m.version,
  url: meetingPath(plan, m),
});

const agencyRef = (agencies: Map<number, Agency>, id: number | null) => {
  const a = id === null ? undefined : agencies.get(id);
  return a ? { id: a.id, code: a.code, name: a.name } : null;
};

export const presentResolution = (r: Resolution, plan: Pick<ActionPlan, 'slug'>, agencies: Map<number, Agency>, overdue: boolean) => ({
  id: r.id,
  planId: r.planId,
  meetingId: r.meetingId,
  number: r.number,
  body: r.body,
  ownerAgencyId: r.ownerAgencyId,
  ownerAgency: agencyRef(agencies, r.ownerAgencyId),
  dueOn: r.dueOn,
  status: r.status,
  overdue,
  isDemo: r.isDemo,
  version: r.version,
  url: resolutionPath(plan, r),
});

export const presentDecision = (d: ResolutionDecision) => ({ id: d.id, resolutionId: d.resolutionId, meetingId: d.meetingId, status: d.status, note: d.note });

export const presentReviewedReport = (r: q.ReviewedReport) => ({
  reportId: r.reportId,
  commitmentId: r.commitmentId,
  commitmentNumber: r.commitmentNumber,
  commitmentTitle: r.commitmentTitle,
  agency: { id: r.agencyId, name: r.agencyName },
  cycleId: r.cycleId,
  cycleNumber: r.cycleNumber,
  revision: r.revision,
  state: r.state === 'superseded' ? ('superseded' as const) : ('submitted' as const),
  showcased: r.showcased,
  story: r.story,
});

// ---- route helpers ----

const errors = errorResponses({ forbidden: 'Only the secretariat and administrators manage the forum’s record.' });
const meetingRoutes = routeGroup(['meetings'], errors);
const resolutionRoutes = routeGroup(['resolutions'], errors);

const resolutionQuery = z.object({
  status: z.enum(RESOLUTION_STATUSES).optional().openapi({ description: 'keep-tracking (持續列管) or closed (解除列管)' }),
  agency: recordId().optional().openapi({ description: 'Owner agency id' }),
});

async function planOrThrow(db: Db, id: number): Promise<ActionPlan> {
  const plan = await planQ.findPlanById(db, id);
  if (!plan) throw new NotFoundError();
  return plan;
}

async function meetingOrThrow(db: Db, id: number): Promise<ForumMeeting> {
  const meeting = await q.findMeetingById(db, id);
  if (!meeting) throw new NotFoundError();
  return meeting;
}

const agencyMap = async (db: Db) => new Map((await planQ.listAgencies(db)).map((a) => [a.id, a]));

async function presentMeetingOf(db: Db, meeting: ForumMeeting) {
  const plan = await planOrThrow(db, meeting.planId);
  const counts = await q.countResolutionsByMeeting(db, meeting.planId);
  return presentMeeting(meeting, plan, counts.get(meeting.id) ?? 0);
}

export function forumApi(api: OpenAPIHono<AppEnv>): void {
  const today = (c: { get: (key: 'services') => AppEnv['Variables']['services'] }) => taipeiDay(c.get('services').now());

  // ---- meetings ----
  api.openapi(
    meetingRoutes.readById(
      { path: '/plans/{id}/meetings', summary: "The forum's meetings for a plan, newest first" },
      jsonContent(itemsOf(meetingOutput), 'Meetings'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const [meetings, counts] = await Promise.all([q.listMeetings(db, plan.id), q.countResolutionsByMeeting(db, plan.id)]);
      return c.json({ items: meetings.map((m) => presentMeeting(m, plan, counts.get(m.id) ?? 0)) }, 200);
    },
  );
  api.openapi(
    meetingRoutes.readById(
      { path: '/meetings/{id}', summary: 'One meeting with its carried-over open resolutions, resolutions and decisions made, and the reports it reviewed' },
      jsonContent(meetingDetailOutput, 'The meeting'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const meeting = await meetingOrThrow(db, c.req.valid('param').id);
      const [plan, detail, agencies, counts] = await Promise.all([
        planOrThrow(db, meeting.planId),
        service.meetingDetail(db, meeting),
        agencyMap(db),
        q.countResolutionsByMeeting(db, meeting.planId),
      ]);
      const day = today(c);
      return c.json(
        {
          ...presentMeeting(meeting, plan, counts.get(meeting.id) ?? 0),
          carriedOver: detail.carriedOver.map((x) => ({
            ...presentResolution(x.resolution, plan, agencies, x.overdue),
            madeAt: { id: x.madeAt.id, heldOn: x.madeAt.heldOn, title: x.madeAt.title },
          })),
          resolutions: detail.resolutions.map((r) => presentResolution(r, plan, agencies, isOverdue(r, r.status === 'keep-tracking', day))),
          decisions: detail.decisions.map((d) => ({ ...presentDecision(d), resolutionNumber: d.resolution.number })),
          reports: detail.reports.map(presentReviewedReport),
          transcripts: detail.transcripts.map((tr) => ({ slug: tr.slug, title: tr.title, language: tr.language, url: transcriptPath(tr) })),
        },
        200,
      );
    },
  );
  api.openapi(
    meetingRoutes.addUnder({ path: '/plans/{id}/meetings', summary: 'Record a forum meeting' }, meetingInput, jsonContent(meetingOutput, 'Created')),
    async (c) => {
      const { db } = c.get('services');
      const meeting = await service.createMeeting({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentMeetingOf(db, meeting), 201);
    },
  );
  api.openapi(
    meetingRoutes.update({ path: '/meetings/{id}', summary: 'Update a meeting (send the version you edited)' }, meetingPatch, meetingOutput),
    async (c) => {
      const { db } = c.get('services');
      const meeting = await service.updateMeeting({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await presentMeetingOf(db, meeting), 200);
    },
  );
  api.openapi(meetingRoutes.delete({ path: '/meetings/{id}', summary: 'Delete a meeting that made and decided no resolutions' }), async (c) => {
    await service.deleteMeeting({ db: c.get('services').db }, c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });
  api.openapi(
    meetingRoutes.write(
      {
        method: 'put',
        path: '/meetings/{id}/reports',
        summary: 'Set the progress reports a meeting reviewed (submitted reports of its plan; showcased ones with their collaboration story)',
      },
      meetingReportsInput,
      { 200: jsonContent(z.object({ meeting: meetingOutput, reports: z.array(reviewedReportOutput) }), 'The meeting’s reviewed reports') },
    ),
    async (c) => {
      const { db } = c.get('services');
      const result = await service.setMeetingReports({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ meeting: await presentMeetingOf(db, result.meeting), reports: result.reports.map(presentReviewedReport) }, 200);
    },
  );

  // ---- resolutions ----
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/resolutions',
      tags: ['resolutions'],
      summary: "The forum's resolutions for a plan, filtered by status and owner agency",
      request: { params: idParam, query: resolutionQuery },
      responses: {
        200: jsonContent(itemsOf(resolutionOutput), 'Resolutions in the order they were made'),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      const { db } = c.get('services');
      const plan = await planOrThrow(db, c.req.valid('param').id);
      const f = c.req.valid('query');
      const [items, agencies] = await Promise.all([q.listResolutions(db, plan.id, { status: f.status, agencyId: f.agency }), agencyMap(db)]);
      const day = today(c);
      return c.json({ items: items.map((r) => presentResolution(r, plan, agencies, isOverdue(r, r.status === 'keep-tracking', day))) }, 200);
    },
  );
  api.openapi(
    resolutionRoutes.addUnder(
      { path: '/meetings/{id}/resolutions', summary: 'Record a resolution made at a meeting' },
      resolutionInput,
      jsonContent(resolutionOutput, 'Created'),
    ),
    async (c) => {
      const { db } = c.get('services');
      const created = await service.createResolution({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      const plan = await planOrThrow(db, created.planId);
      return c.json(presentResolution(created, plan, await agencyMap(db), isOverdue(created, true, today(c))), 201);
    },
  );
  api.openapi(
    resolutionRoutes.update(
      { path: '/resolutions/{id}', summary: 'Update a resolution’s text, number, owner agency or due date' },
      resolutionPatch,
      resolutionOutput,
    ),
    async (c) => {
      const { db } = c.get('services');
      const updated = await service.updateResolution({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      const plan = await planOrThrow(db, updated.planId);
      return c.json(presentResolution(updated, plan, await agencyMap(db), isOverdue(updated, updated.status === 'keep-tracking', today(c))), 200);
    },
  );
  api.openapi(
    resolutionRoutes.write(
      {
        method: 'post',
        path: '/resolutions/{id}/decisions',
        summary: 'Record the forum’s decision at a meeting: keep tracking (持續列管) or close (解除列管); the status follows the latest meeting’s decision',
      },
      decisionInput,
      { 200: jsonContent(decisionResultOutput, 'The resolution and the decision') },
    ),
    async (c) => {
      const { db } = c.get('services');
      const { resolution, decision } = await service.decideResolution({ db }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      const plan = await planOrThrow(db, resolution.planId);
      return c.json(
        {
          resolution: presentResolution(resolution, plan, await agencyMap(db), isOverdue(resolution, resolution.status === 'keep-tracking', today(c))),
          decision: presentDecision(decision),
        },
        200,
      );
    },
  );
}
