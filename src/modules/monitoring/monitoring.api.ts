/** JSON API for review cycles, progress reports, roll-ups, the board and transfers, with OpenAPI entries. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { parseFormBody } from '../../web/forms.js';
import { errorResponses, idParam, itemsOf, jsonContent, routeGroup, writeSecurity } from '../../web/openapi.js';
import { recordId, text } from '../../web/schemas.js';
import type { Context } from 'hono';
import { can } from '../../domain/authorization.js';
import { currentCycle, reportPercent, reportTiming, taipeiDay, type ProgressReport, type ReviewCycle } from '../../domain/monitoring.js';
import type { ActionPlan, Commitment } from '../../domain/plan.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.js';
import type { AppEnv } from '../../web/context.js';
import { evidencePath, reportPath } from '../../web/paths.js';
import { presentCommitment } from '../plans/index.js';
import { planQueries as plans } from '../plans/index.js';
import { commitmentOutput, errorOutput, versionField } from '../plans/index.js';
import { planService } from '../plans/index.js';
import * as q from './monitoring.queries.js';
import {
  boardOutput,
  contributionInput,
  cycleGenerateInput,
  cycleInput,
  cycleOutput,
  evidenceLinkInput,
  progressOutput,
  reportCreateInput,
  reportOutput,
  reportUpdateInput,
  transferInput,
  versionOnly,
} from './monitoring.schemas.js';
import * as service from './monitoring.service.js';
import { canSeeReport } from './monitoring.visibility.js';

const errors = errorResponses({ conflict: 'Stale version, or the report is submitted and can change only by a new revision.' });
const cycleRoutes = routeGroup(['cycles'], errors);
const progressRoutes = routeGroup(['progress'], errors);
const reportRoutes = routeGroup(['reports'], errors);
const commitmentRoutes = routeGroup(['commitments'], errors);
const agencyRoutes = routeGroup(['agencies'], errors);

type Ctx = Context<AppEnv>;
const dbOf = (c: Ctx) => c.get('services').db;
const depsOf = (c: Ctx) => ({ db: dbOf(c), now: c.get('services').now });

async function planOrThrow(c: Ctx, id: number): Promise<ActionPlan> {
  const plan = await plans.findPlanById(dbOf(c), id);
  if (!plan) throw new NotFoundError();
  return plan;
}

async function commitmentOrThrow(c: Ctx, id: number): Promise<Commitment> {
  const commitment = await plans.findCommitmentById(dbOf(c), id);
  if (!commitment) throw new NotFoundError();
  return commitment;
}

async function reportOrThrow(c: Ctx, id: number): Promise<ProgressReport> {
  const report = await q.findReportById(dbOf(c), id);
  if (!report) throw new NotFoundError();
  return report;
}

/** The report as JSON with its parts; a draft is a 404 to anyone who may not see it. */
async function presentReport(c: Ctx, report: ProgressReport): Promise<z.infer<typeof reportOutput>> {
  const db = dbOf(c);
  const commitment = await commitmentOrThrow(c, report.commitmentId);
  if (!canSeeReport(c.get('actor'), report, commitment)) throw new NotFoundError();
  const [plan, cycle, milestones, evidence, contributions] = await Promise.all([
    planOrThrow(c, commitment.planId),
    q.findCycleById(db, report.cycleId),
    plans.listMilestones(db, commitment.id),
    q.listEvidence(db, [report.id]),
    q.listContributions(db, [report.id]),
  ]);
  const today = taipeiDay(c.get('services').now());
  return {
    id: report.id,
    commitmentId: report.commitmentId,
    commitmentNumber: commitment.number,
    cycleId: report.cycleId,
    cycleNumber: cycle?.number ?? 0,
    revision: report.revision,
    agencyId: report.agencyId,
    state: report.state,
    timing: cycle ? reportTiming(cycle, { submittedAt: report.submittedAt, hasDraft: report.state === 'draft' }, today) : 'draft',
    percent: reportPercent(report.milestones, milestones),
    achievements: report.achievements,
    participation: report.participation,
    civilSocietyParticipants: report.civilSocietyParticipants,
    governmentParticipants: report.governmentParticipants,
    problems: report.problems,
    nextSteps: report.nextSteps,
    budgetSpent: report.budgetSpent,
    budgetCurrency: report.budgetCurrency,
    budgetNote: report.budgetNote,
    milestones: report.milestones,
    evidence: evidence.map((e) => ({
      id: e.id,
      title: e.title,
      url: e.url ?? evidencePath(e),
      fileName: e.fileName,
      mediaType: e.mediaType,
      byteSize: e.byteSize,
      sha256: e.sha256,
    })),
    contributions: contributions.map((x) => ({ agencyId: x.agencyId, body: x.body, authorName: x.authorName, createdAt: x.createdAt.toISOString() })),
    authorName: report.authorName,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    submittedByName: report.submittedByName,
    isDemo: report.isDemo,
    version: report.version,
    url: reportPath(plan, commitment, report),
  };
}

const presentCycle = (cycle: ReviewCycle) => cycle;

export function monitoringApi(api: OpenAPIHono<AppEnv>): void {
  // ---- cycles ----
  api.openapi(
    cycleRoutes.readById(
      { path: '/plans/{id}/cycles', summary: "A plan's review cycles with reporting deadlines" },
      jsonContent(
        z.object({ items: z.array(cycleOutput), current: z.number().int().nullable() }),
        'Cycles in order; `current` is the number of the cycle being reported on',
      ),
    ),
    async (c) => {
      const plan = await planOrThrow(c, c.req.valid('param').id);
      const cycles = await q.listCycles(dbOf(c), plan.id);
      return c.json({ items: cycles.map(presentCycle), current: currentCycle(cycles, taipeiDay(c.get('services').now()))?.number ?? null }, 200);
    },
  );
  api.openapi(
    cycleRoutes.addUnder(
      { path: '/plans/{id}/cycles/generate', summary: 'Generate cycles from the plan period (only while no report exists)' },
      cycleGenerateInput,
      jsonContent(itemsOf(cycleOutput), 'Generated'),
    ),
    async (c) => c.json({ items: await service.generateCycles(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')) }, 201),
  );
  api.openapi(
    cycleRoutes.update(
      { path: '/cycles/{id}', summary: "Change a cycle's dates or deadline" },
      cycleInput.partial().extend({ version: versionField }),
      cycleOutput,
    ),
    async (c) => c.json(await service.updateCycle(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  // ---- roll-ups and board ----
  api.openapi(
    progressRoutes.readById(
      { path: '/plans/{id}/progress', summary: 'Progress of every commitment and roll-ups by area, lead agency and plan' },
      jsonContent(progressOutput, 'Percent complete and status counts'),
    ),
    async (c) => {
      const plan = await planOrThrow(c, c.req.valid('param').id);
      const p = await service.planProgress(dbOf(c), plan);
      return c.json(
        {
          plan: { id: plan.id, percent: p.percent, health: p.health },
          areas: p.areas.map((a) => ({ id: a.area.id, title: a.area.title, percent: a.percent, health: a.health })),
          agencies: p.agencies.map((a) => ({ id: a.agency.id, code: a.agency.code, name: a.agency.name, percent: a.percent, health: a.health })),
          commitments: p.commitments.map((i) => ({
            id: i.commitment.id,
            number: i.commitment.number,
            title: i.commitment.title,
            areaId: i.commitment.areaId,
            leadAgencyId: i.commitment.leadAgencyId,
            percent: i.percent,
            health: i.health,
            latestCycle: i.latestCycle,
          })),
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/board',
      tags: ['progress'],
      summary: "The secretariat's board: each report on time, late, in draft, missing or not yet due",
      security: writeSecurity,
      request: { params: idParam, query: z.object({ cycle: recordId().optional().openapi({ description: 'Cycle number; default the current one' }) }) },
      responses: { 200: jsonContent(boardOutput, 'The board'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const actor = c.get('actor');
      if (!can(actor, 'board.view')) throw actor ? new ForbiddenError() : new UnauthenticatedError();
      const plan = await planOrThrow(c, c.req.valid('param').id);
      const cycles = await q.listCycles(dbOf(c), plan.id);
      const asked = c.req.valid('query').cycle;
      const cycle = asked === undefined ? currentCycle(cycles, taipeiDay(c.get('services').now())) : cycles.find((x) => x.number === asked);
      if (!cycle) throw new NotFoundError();
      const board = await service.cycleBoard(dbOf(c), plan, cycle, c.get('services').now());
      return c.json(
        {
          cycle,
          counts: board.counts,
          rows: board.rows.map((r) => ({
            commitmentId: r.commitment.id,
            number: r.commitment.number,
            title: r.commitment.title,
            agencyId: r.commitment.leadAgencyId,
            agencyCode: r.agency?.code ?? '',
            timing: r.timing,
            submittedAt: r.submittedAt?.toISOString() ?? null,
            reportId: r.reportId,
          })),
        },
        200,
      );
    },
  );

  // ---- reports ----
  api.openapi(
    reportRoutes.readById(
      { path: '/commitments/{id}/reports', summary: "A commitment's reports by cycle and revision (drafts only for its agencies and the secretariat)" },
      jsonContent(itemsOf(reportOutput), 'Reports'),
    ),
    async (c) => {
      const commitment = await commitmentOrThrow(c, c.req.valid('param').id);
      const reports = await q.listReportsForCommitment(dbOf(c), commitment.id, { includeDrafts: service.canSeeDrafts(c.get('actor'), commitment) });
      const items = [];
      for (const r of reports) items.push(await presentReport(c, r));
      return c.json({ items }, 200);
    },
  );
  api.openapi(
    reportRoutes.addUnder(
      { path: '/commitments/{id}/reports', summary: 'Start a draft report for a cycle (officers of the lead agency, the secretariat)' },
      reportCreateInput,
      jsonContent(reportOutput, 'Draft created'),
    ),
    async (c) => c.json(await presentReport(c, await service.createReport(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  api.openapi(reportRoutes.readById({ path: '/reports/{id}', summary: 'One report revision' }, jsonContent(reportOutput, 'The report')), async (c) =>
    c.json(await presentReport(c, await reportOrThrow(c, c.req.valid('param').id)), 200),
  );
  api.openapi(reportRoutes.update({ path: '/reports/{id}', summary: 'Edit a draft (409 once submitted)' }, reportUpdateInput, reportOutput), async (c) =>
    c.json(await presentReport(c, await service.updateReport(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  api.openapi(
    reportRoutes.write(
      { method: 'post', path: '/reports/{id}/submit', summary: 'Submit a draft; an earlier submitted revision becomes superseded' },
      versionOnly,
      { 200: jsonContent(reportOutput, 'Submitted') },
    ),
    async (c) =>
      c.json(await presentReport(c, await service.submitReport(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json').version)), 200),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/reports/{id}/revisions',
      tags: ['reports'],
      summary: 'Start a new revision of a submitted report (the old one stays readable)',
      security: writeSecurity,
      request: { params: idParam },
      responses: { 201: jsonContent(reportOutput, 'The new draft revision'), ...errors },
    }),
    async (c) => c.json(await presentReport(c, await service.reviseReport(depsOf(c), c.get('actor'), c.req.valid('param').id)), 201),
  );
  api.openapi(reportRoutes.delete({ path: '/reports/{id}', summary: 'Delete a draft' }), async (c) => {
    await service.deleteDraft(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });
  api.openapi(
    reportRoutes.write({ method: 'post', path: '/reports/{id}/evidence', summary: 'Add a link as evidence to a draft' }, evidenceLinkInput, {
      201: jsonContent(reportOutput, 'The report with its evidence'),
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      await service.addEvidenceLink(depsOf(c), c.get('actor'), id, c.req.valid('json'));
      return c.json(await presentReport(c, await reportOrThrow(c, id)), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/reports/{id}/files',
      tags: ['reports'],
      summary: 'Upload a file as evidence to a draft (PDF, images, CSV, text, ODF or OOXML; at most 5 MB)',
      security: writeSecurity,
      request: {
        params: idParam,
        body: {
          content: {
            'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), title: text(300).optional() }) },
          },
          required: true,
        },
      },
      responses: {
        201: jsonContent(reportOutput, 'The report with its evidence'),
        ...errors,
        413: jsonContent(errorOutput, 'The upload is larger than allowed'),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const form = await parseFormBody(c);
      const file = form.file;
      if (!(file instanceof File)) throw new ValidationError([{ field: 'file', key: 'error.evidenceEmpty' }]);
      await service.addEvidenceFile(depsOf(c), c.get('actor'), id, {
        title: typeof form.title === 'string' ? form.title : '',
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json(await presentReport(c, await reportOrThrow(c, id)), 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/reports/{id}/evidence/{evidenceId}',
      tags: ['reports'],
      summary: 'Remove evidence from a draft',
      security: writeSecurity,
      request: { params: idParam.extend({ evidenceId: recordId().openapi({ param: { name: 'evidenceId', in: 'path' } }) }) },
      responses: { 204: { description: 'Removed' }, ...errors },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      await service.removeEvidence(depsOf(c), c.get('actor'), id, evidenceId);
      return c.body(null, 204);
    },
  );
  api.openapi(
    reportRoutes.write({ method: 'post', path: '/reports/{id}/contributions', summary: "A supporting agency's contribution to a draft" }, contributionInput, {
      201: jsonContent(reportOutput, 'The report with the contribution'),
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      await service.addContribution(depsOf(c), c.get('actor'), id, c.req.valid('json').body);
      return c.json(await presentReport(c, await reportOrThrow(c, id)), 201);
    },
  );

  // ---- reorganization ----
  api.openapi(
    commitmentRoutes.write(
      { method: 'post', path: '/commitments/{id}/transfer', summary: 'Move a commitment to another lead agency (its reports and history stay)' },
      transferInput.extend({ version: versionField }),
      { 200: jsonContent(commitmentOutput, 'Transferred') },
    ),
    async (c) => {
      const updated = await planService.transferCommitment({ db: dbOf(c) }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentCommitment(updated, await planOrThrow(c, updated.planId)), 200);
    },
  );
  api.openapi(
    agencyRoutes.write(
      { method: 'post', path: '/agencies/{id}/transfer', summary: 'Move everything an agency leads to its successor, and record the successor' },
      transferInput,
      { 200: jsonContent(z.object({ moved: z.array(z.string()) }), 'Numbers of the commitments moved') },
    ),
    async (c) => {
      const moved = await planService.transferAgency({ db: dbOf(c) }, c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ moved: moved.map((m) => m.number) }, 200);
    },
  );
}
