/** HTML pages for monitoring (progress, cycles, board, reports, transfers) and the Atom feeds of reports. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { emptyLocalized, pick } from '../../domain/localized.js';
import {
  HEALTH,
  commitmentHealth,
  currentCycle,
  reportPercent,
  reportTiming,
  taipeiDay,
  type MilestoneProgress,
  type ProgressReport,
  type ReviewCycle,
} from '../../domain/monitoring.js';
import type { ActionPlan, Agency, Commitment } from '../../domain/plan.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { atomXml } from '../../web/atom.js';
import { csvResponse } from '../../web/csv.js';
import { href, pageContext, type AppContext, type AppEnv, siteOrigin } from '../../web/context.js';
import { freshForm, handleEditForm, handleForm, positiveInt, requirePermission } from '../../web/form-handler.js';
import { pageCache } from '../../web/page-cache.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import { renderSections } from '../../web/sections.js';
import { nestForm, readForm, type FormBody, parseFormBody } from '../../web/forms.js';
import { t } from '../../web/i18n.js';
import { fieldMessages, parseOrThrow } from '../../web/validation.js';
import type { FieldErrors } from '../../web/ui/index.js';
import type { ForumMeeting } from '../../domain/forum.js';
import { listMeetings } from '../forum/index.js';
import { agencyByCode, commitmentByNumber, planBySlug } from '../plans/index.js';
import type { CommitmentPageData } from '../plans/index.js';
import { planQueries as plans } from '../plans/index.js';
import { planService } from '../plans/index.js';
import { agencyFeedPath, agencyPath, commitmentFeedPath, commitmentPath, cyclesPath, planFeedPath, progressPath, reportPath } from '../../web/paths.js';
import {
  contributionForm,
  cycleForm,
  cycleGenerateForm,
  evidenceForm,
  reportForm,
  transferForm,
  type ContributionFormValues,
  type CycleGenerateFormValues,
  type EvidenceFormValues,
  type ReportFormValues,
  type TransferFormValues,
} from './monitoring.forms.js';
import * as q from './monitoring.queries.js';
import {
  contributionInput,
  cycleGenerateInput,
  cycleInput,
  evidenceLinkInput,
  reportCreateInput,
  reportUpdateInput,
  transferInput,
  versionOnly,
} from './monitoring.schemas.js';
import * as service from './monitoring.service.js';
import { canSeeReport } from './monitoring.visibility.js';
import { BoardPage } from './views/board.js';
import { CommitmentMonitoringSection } from './views/commitment-section.js';
import { CycleFormPage } from './views/cycle-form.js';
import { CyclesPage } from './views/cycles.js';
import type { ReportView } from './views/parts.js';
import { ProgressPage } from './views/progress.js';
import { ReportFormPage } from './views/report-form.js';
import { ReportPage } from './views/report.js';
import { TransferFormPage } from './views/transfer-form.js';

const db = (c: AppContext) => c.get('services').db;
const deps = (c: AppContext) => ({ db: db(c), now: c.get('services').now });
const today = (c: AppContext) => taipeiDay(c.get('services').now());
const agencyMap = (agencies: Agency[]) => new Map(agencies.map((a) => [a.id, a]));

/** What the secretariat's board has read, for the sections other modules add to it (participation's inputs waiting). */
export interface BoardPageData {
  plan: ActionPlan;
}

declare module '../../web/sections.js' {
  interface PageSlots {
    /** Sections after the board's own tables; the board is the secretariat's only. */
    board: BoardPageData;
  }
}

/** What was typed into the report page's own forms, when one comes back with a message. */
interface ReportPageForms {
  evidence?: EvidenceFormValues;
  contribution?: ContributionFormValues;
}
const ownershipOf = (c: Pick<Commitment, 'leadAgencyId' | 'coAgencyIds'>) => ({ leadAgencyId: c.leadAgencyId, coAgencyIds: c.coAgencyIds });

/** Reports with their cycle, evidence, contributions and timeliness; drafts only for those who may see them. */
export async function loadReportViews(c: AppContext, commitment: Commitment, cycles: ReviewCycle[]): Promise<ReportView[]> {
  const includeDrafts = service.canSeeDrafts(c.get('actor'), commitment);
  const reports = await q.listReportsForCommitment(db(c), commitment.id, { includeDrafts });
  return viewsOf(c, reports, cycles);
}

async function viewsOf(c: AppContext, reports: ProgressReport[], cycles: ReviewCycle[]): Promise<ReportView[]> {
  const ids = reports.map((r) => r.id);
  const [evidence, contributions] = await Promise.all([q.listEvidence(db(c), ids), q.listContributions(db(c), ids)]);
  const byId = new Map(cycles.map((x) => [x.id, x]));
  return reports.flatMap((report) => {
    const cycle = byId.get(report.cycleId);
    if (!cycle) return [];
    return [
      {
        report,
        cycle,
        evidence: evidence.filter((e) => e.reportId === report.id),
        contributions: contributions.filter((x) => x.reportId === report.id),
        timing: reportTiming(cycle, { submittedAt: report.submittedAt, hasDraft: report.state === 'draft' }, today(c)),
      },
    ];
  });
}

/** The monitoring part of a commitment's page: latest status, progress over cycles, every report in order. */
export async function commitmentMonitoring(c: AppContext, { plan, commitment, milestones, agencies }: CommitmentPageData) {
  const lang = c.get('lang');
  const cycles = await q.listCycles(db(c), plan.id);
  const views = await loadReportViews(c, commitment, cycles);
  const submitted = views.filter((v) => v.report.state === 'submitted');
  const latest = submitted[submitted.length - 1];
  const section = (
    <CommitmentMonitoringSection
      ctx={pageContext(c)}
      plan={plan}
      commitment={commitment}
      milestones={milestones}
      agencies={agencyMap(agencies)}
      reports={views}
      progress={submitted.map((v) => ({ cycle: v.cycle, percent: reportPercent(v.report.milestones, milestones) }))}
      latest={{
        percent: latest ? reportPercent(latest.report.milestones, milestones) : null,
        health: commitmentHealth(latest ? latest.report.milestones : null),
        cycle: latest?.cycle ?? null,
      }}
      openCycle={currentCycle(cycles, today(c))}
      canWrite={can(c.get('actor'), 'report.write', ownershipOf(commitment))}
    />
  );
  return { section, feeds: [{ title: t(lang, 'feed.commitment'), path: commitmentFeedPath(plan, commitment) }] };
}

function atomFeed(c: AppContext, opts: { title: string; selfPath: string; pagePath: string; items: q.ReportFeedItem[] }): Response {
  const lang = c.get('lang');
  const base = siteOrigin(c);
  // Text constructs are type="text": a report's words are escaped, never markup a feed reader might run (web/atom.ts).
  const xml = atomXml({
    id: `${base}${href(lang, opts.selfPath)}`,
    title: `${opts.title} · ${t(lang, 'site.name')}`,
    link: `${base}${href(lang, opts.pagePath)}`,
    self: `${base}${href(lang, opts.selfPath)}`,
    language: lang,
    updated: opts.items[0]?.updatedAt ?? new Date(0),
    generator: 'Cocreate',
    author: t(lang, 'site.name'),
    rights: t(lang, 'feed.license'),
    entries: opts.items.map((item) => {
      const link = `${base}${href(lang, reportPath({ slug: item.planSlug }, { number: item.commitmentNumber }, { id: item.reportId }))}`;
      return {
        id: link,
        link,
        title: `${item.commitmentNumber} ${pick(item.commitmentTitle, lang)} · ${t(lang, 'cycle.label', { number: item.cycleNumber })}${item.revision > 1 ? ` · ${t(lang, 'report.revisionN', { revision: item.revision })}` : ''}`,
        updated: item.updatedAt,
        published: item.submittedAt ?? undefined,
        summary: pick(item.achievements, lang),
        authors: [pick(item.agencyName, lang)],
      };
    }),
  });
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
}

export function monitoringPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---- plan progress ----
  app.get('/plans/:slug/progress', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const progress = await service.planProgress(db(c), plan);
    const filters = {
      area: positiveInt(c.req.query('area')),
      agency: positiveInt(c.req.query('agency')),
      health: HEALTH.find((h) => h === c.req.query('health')),
    };
    const shown = progress.commitments.filter(
      (i) =>
        (filters.area === undefined || i.commitment.areaId === filters.area) &&
        (filters.agency === undefined || i.commitment.leadAgencyId === filters.agency) &&
        (filters.health === undefined || i.health === filters.health),
    );
    const milestones = await plans.listMilestonesOfPlan(db(c), plan.id);
    const milestoneStatus = new Map<number, MilestoneProgress>();
    for (const p of progress.latest.values())
      for (const m of p.milestones)
        milestoneStatus.set(m.milestoneId, { milestoneId: m.milestoneId, status: m.status, percent: m.percent, reason: emptyLocalized() });
    const page = { plan, progress, shown, milestones, milestoneStatus, filters, today: today(c), canManage: can(c.get('actor'), 'board.view') };
    return c.html(<ProgressPage ctx={pageContext(c)} {...page} />);
  });

  // ---- cycles ----
  const renderCycles = async (
    c: AppContext,
    plan: ActionPlan,
    errors: FieldErrors = {},
    values: CycleGenerateFormValues = cycleGenerateForm.empty(),
    status: 200 | 400 = 200,
  ) => {
    const [cycles, meetings] = await Promise.all([q.listCycles(db(c), plan.id), listMeetings(db(c), plan.id)]);
    const reviewedAt = new Map<number, ForumMeeting[]>();
    for (const m of [...meetings].reverse()) if (m.cycleId !== null) reviewedAt.set(m.cycleId, [...(reviewedAt.get(m.cycleId) ?? []), m]);
    const page = { plan, cycles, reviewedAt, current: currentCycle(cycles, today(c)), canManage: can(c.get('actor'), 'cycle.manage'), errors, values };
    return c.html(<CyclesPage ctx={pageContext(c)} {...page} />, status);
  };
  app.get('/plans/:slug/cycles', async (c) => renderCycles(c, await planBySlug(c)));
  app.post('/plans/:slug/cycles/generate', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: cycleGenerateInput,
      run: (input) => service.generateCycles(deps(c), c.get('actor'), plan.id, input),
      redirectTo: () => cyclesPath(plan),
      render: ({ body, errors }) => renderCycles(c, plan, errors, cycleGenerateForm.posted(body, cycleGenerateForm.empty()), 400),
    });
  });
  const cycleByNumber = async (c: AppContext, plan: ActionPlan) => {
    const number = positiveInt(c.req.param('cycle'));
    const cycle = (await q.listCycles(db(c), plan.id)).find((x) => x.number === number);
    if (!cycle) throw new NotFoundError();
    return cycle;
  };
  app.get('/plans/:slug/cycles/:cycle/edit', async (c) => {
    const plan = await planBySlug(c);
    const cycle = await cycleByNumber(c, plan);
    requirePermission(c, 'cycle.manage');
    return c.html(<CycleFormPage ctx={pageContext(c)} plan={plan} cycle={cycle} values={cycleForm.values(cycle)} errors={{}} />);
  });
  app.post('/plans/:slug/cycles/:cycle/edit', async (c) => {
    const plan = await planBySlug(c);
    const cycle = await cycleByNumber(c, plan);
    return handleEditForm(c, {
      schema: cycleInput.partial().extend({ version: versionOnly.shape.version }),
      run: (input) => service.updateCycle(deps(c), c.get('actor'), cycle.id, input),
      redirectTo: () => cyclesPath(plan),
      form: cycleForm,
      reload: async () => (await q.findCycleById(db(c), cycle.id)) ?? cycle,
      render: async (current, values, { errors, conflict, status }) =>
        c.html(<CycleFormPage ctx={pageContext(c)} plan={plan} cycle={current} values={values} errors={errors} conflict={conflict} />, status),
    });
  });

  // ---- the secretariat's board ----
  const boardFor = async (c: AppContext) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'board.view');
    const cycles = await q.listCycles(db(c), plan.id);
    const asked = positiveInt(c.req.query('cycle'));
    const cycle = asked === undefined ? currentCycle(cycles, today(c)) : cycles.find((x) => x.number === asked);
    if (!cycle) throw new NotFoundError();
    return { plan, cycles, board: await service.cycleBoard(db(c), plan, cycle, c.get('services').now()) };
  };
  app.get('/plans/:slug/board', async (c) => {
    const { plan, cycles, board } = await boardFor(c);
    const extra = await renderSections(c, 'board', { plan });
    return c.html(<BoardPage ctx={pageContext(c)} plan={plan} board={board} cycles={cycles} sections={extra.sections} />);
  });
  app.get('/plans/:slug/board.csv', async (c) => {
    const { plan, board } = await boardFor(c);
    const lang = c.get('lang');
    const rows = board.rows.map((r) => [
      board.cycle.number,
      r.agency?.code ?? '',
      r.agency ? pick(r.agency.name, lang) : '',
      r.commitment.number,
      pick(r.commitment.title, lang),
      r.timing,
      t(lang, `timing.${r.timing}`),
      r.submittedAt ? r.submittedAt.toISOString() : '',
      board.cycle.reportDue,
      `${siteOrigin(c)}${href(lang, commitmentPath(plan, r.commitment))}`,
    ]);
    const header = ['cycle', 'agency_code', 'agency', 'commitment', 'title', 'state', 'state_label', 'submitted_at', 'report_due', 'url'];
    return csvResponse(c, `${plan.slug}-cycle-${board.cycle.number}-board.csv`, [header, ...rows]);
  });

  // ---- reports ----
  /** The plan, commitment and report a report's path names. */
  const reportAt = async (c: AppContext) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const report = await q.findReportById(db(c), positiveInt(c.req.param('reportId')) ?? 0);
    // A draft is not public: to anyone who may not see it, it does not exist.
    if (!report || report.commitmentId !== commitment.id || !canSeeReport(c.get('actor'), report, commitment)) throw new NotFoundError();
    return { plan, commitment, report };
  };

  const renderReportForm = async (
    c: AppContext,
    plan: ActionPlan,
    commitment: Commitment,
    report: ProgressReport | null,
    values: ReportFormValues,
    state = freshForm,
  ) => {
    const [milestones, cycles] = await Promise.all([plans.listMilestones(db(c), commitment.id), q.listCycles(db(c), plan.id)]);
    const page = { plan, commitment, milestones, cycles, report, values, errors: state.errors, conflict: state.conflict };
    return c.html(<ReportFormPage ctx={pageContext(c)} {...page} />, state.status);
  };

  /** `typed` is what the evidence or contribution form posted, shown again beside its messages. */
  const renderReport = async (
    c: AppContext,
    plan: ActionPlan,
    commitment: Commitment,
    report: ProgressReport,
    errors: FieldErrors = {},
    status: 200 | 400 | 409 = 200,
    typed: ReportPageForms = {},
  ) => {
    const [cycles, milestones, agencies] = await Promise.all([
      q.listCycles(db(c), plan.id),
      plans.listMilestones(db(c), commitment.id),
      plans.listAgencies(db(c)),
    ]);
    const all = await loadReportViews(c, commitment, cycles);
    const view = all.find((v) => v.report.id === report.id) ?? (await viewsOf(c, [report], cycles))[0];
    if (!view) throw new NotFoundError();
    const actor = c.get('actor');
    return c.html(
      <ReportPage
        ctx={pageContext(c)}
        plan={plan}
        commitment={commitment}
        milestones={milestones}
        agencies={agencyMap(agencies)}
        view={view}
        revisions={all.filter((v) => v.report.cycleId === report.cycleId)}
        canWrite={can(actor, 'report.write', ownershipOf(commitment))}
        canContribute={can(actor, 'report.contribute', ownershipOf(commitment))}
        errors={errors}
        evidence={typed.evidence}
        contribution={typed.contribution}
      />,
      status,
    );
  };

  app.get('/plans/:slug/commitments/:number/reports/new', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    requirePermission(c, 'report.write', ownershipOf(commitment));
    const cycles = await q.listCycles(db(c), plan.id);
    const asked = positiveInt(c.req.query('cycle'));
    const cycle = cycles.find((x) => x.number === asked) ?? currentCycle(cycles, today(c));
    return renderReportForm(c, plan, commitment, null, reportForm.empty(cycle));
  });
  app.post('/plans/:slug/commitments/:number/reports/new', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    return handleForm(c, {
      schema: reportCreateInput,
      toInput: reportForm.input,
      fieldOf: reportForm.fieldOf,
      run: (input) => service.createReport(deps(c), c.get('actor'), commitment.id, input),
      redirectTo: (report) => reportPath(plan, commitment, report),
      render: (state) => renderReportForm(c, plan, commitment, null, reportForm.posted(state.body, reportForm.empty(undefined)), state),
    });
  });
  app.get('/plans/:slug/commitments/:number/reports/:reportId', async (c) => {
    const { plan, commitment, report } = await reportAt(c);
    return renderReport(c, plan, commitment, report);
  });
  app.get('/plans/:slug/commitments/:number/reports/:reportId/edit', async (c) => {
    const { plan, commitment, report } = await reportAt(c);
    requirePermission(c, 'report.write', ownershipOf(commitment));
    if (report.state !== 'draft') throw new service.ReportLockedError();
    return renderReportForm(c, plan, commitment, report, reportForm.values(report));
  });
  app.post('/plans/:slug/commitments/:number/reports/:reportId/edit', async (c) => {
    const { plan, commitment, report } = await reportAt(c);
    return handleEditForm(c, {
      schema: reportUpdateInput,
      run: (input) => service.updateReport(deps(c), c.get('actor'), report.id, input),
      redirectTo: (updated) => reportPath(plan, commitment, updated),
      form: reportForm,
      reload: async () => (await q.findReportById(db(c), report.id)) ?? report,
      render: (current, values, state) => renderReportForm(c, plan, commitment, current, values, state),
    });
  });

  /**
   * Posts that act on a report and come back to its page, with the problem shown there when refused (and, for the
   * report page's own forms, what was typed into them: `typed`).
   */
  const reportAction = (
    path: 'submit' | 'revise' | 'delete' | 'contributions' | 'evidence',
    run: (c: AppContext, report: ProgressReport, body: Record<string, unknown>) => Promise<ProgressReport | void>,
    typed: (body: Record<string, unknown>) => ReportPageForms = () => ({}),
  ) =>
    app.post(`/plans/:slug/commitments/:number/reports/:reportId/${path}`, async (c) => {
      const { plan, commitment, report } = await reportAt(c);
      const lang = c.get('lang');
      const body = await readAllForm(c);
      try {
        const result = await run(c, report, body);
        return c.redirect(href(lang, result ? reportPath(plan, commitment, result) : commitmentPath(plan, commitment)), 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const errors: FieldErrors = {};
          for (const [field, message] of Object.entries(fieldMessages(error, lang))) errors[reportForm.fieldOf(field)] ??= message;
          return renderReport(c, plan, commitment, (await q.findReportById(db(c), report.id)) ?? report, errors, 400, typed(body));
        }
        if (error instanceof ConflictError)
          return renderReport(c, plan, commitment, (await q.findReportById(db(c), report.id)) ?? report, { version: t(lang, 'form.conflict') }, 409);
        throw error;
      }
    });

  reportAction('submit', async (c, report, body) => {
    const { version } = parseOrThrow(versionOnly, body, c.get('lang'));
    return service.submitReport(deps(c), c.get('actor'), report.id, version);
  });
  reportAction('revise', (c, report) => service.reviseReport(deps(c), c.get('actor'), report.id));
  reportAction('delete', async (c, report, body) => {
    const { version } = parseOrThrow(versionOnly, body, c.get('lang'));
    await service.deleteDraft(deps(c), c.get('actor'), report.id, version);
  });
  reportAction(
    'contributions',
    async (c, report, body) => {
      const input = parseOrThrow(contributionInput, nestForm(body as FormBody), c.get('lang'));
      await service.addContribution(deps(c), c.get('actor'), report.id, input.body);
      return report;
    },
    (body) => ({ contribution: contributionForm.posted(nestForm(body as FormBody), contributionForm.empty()) }),
  );
  reportAction(
    'evidence',
    async (c, report, body) => {
      const posted = evidenceForm.input(body);
      if (posted.kind === 'file') {
        const { title, file } = posted;
        await service.addEvidenceFile(deps(c), c.get('actor'), report.id, { title, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } else if (posted.kind === 'link') {
        await service.addEvidenceLink(deps(c), c.get('actor'), report.id, parseOrThrow(evidenceLinkInput, posted.link, c.get('lang')));
      } else {
        throw new ValidationError([{ field: 'file', key: 'error.evidenceEmpty' }]);
      }
      return report;
    },
    (body) => ({ evidence: evidenceForm.posted(body, evidenceForm.empty()) }),
  );
  app.post('/plans/:slug/commitments/:number/reports/:reportId/evidence/:evidenceId/delete', async (c) => {
    const { plan, commitment, report } = await reportAt(c);
    await service.removeEvidence(deps(c), c.get('actor'), report.id, positiveInt(c.req.param('evidenceId')) ?? 0);
    return c.redirect(href(c.get('lang'), reportPath(plan, commitment, report)), 303);
  });

  // Uploaded evidence: public once its report is, otherwise only for those who may see the draft.
  app.get('/evidence/:id', async (c) => {
    const file = await q.findEvidenceFile(db(c), positiveInt(c.req.param('id')) ?? 0);
    if (!file) throw new NotFoundError();
    const report = await q.findReportById(db(c), file.reportId);
    const commitment = report && (await plans.findCommitmentById(db(c), report.commitmentId));
    if (!report || !commitment || !canSeeReport(c.get('actor'), report, commitment)) throw new NotFoundError();
    const name = file.fileName ?? 'evidence';
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': file.mediaType ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': report.state === 'draft' ? RESTRICTED_CACHE_CONTROL : 'public, max-age=86400',
    });
  });

  // ---- transfers (reorganization) ----
  const renderTransfer = async (
    c: AppContext,
    opts: {
      of?: { plan: ActionPlan; commitment: Commitment };
      from: Agency;
      values: TransferFormValues;
      errors?: FieldErrors;
      conflict?: boolean;
      status?: 200 | 400 | 409;
    },
  ) =>
    c.html(
      <TransferFormPage
        ctx={pageContext(c)}
        of={opts.of}
        fromAgency={opts.from}
        agencies={await plans.listAgencies(db(c))}
        values={opts.values}
        errors={opts.errors ?? {}}
        conflict={opts.conflict}
      />,
      opts.status ?? 200,
    );
  const leadOf = async (c: AppContext, commitment: Commitment) => {
    const from = await plans.findAgencyById(db(c), commitment.leadAgencyId);
    if (!from) throw new NotFoundError();
    return from;
  };

  app.get('/plans/:slug/commitments/:number/transfer', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    requirePermission(c, 'commitment.transfer');
    return renderTransfer(c, { of: { plan, commitment }, from: await leadOf(c, commitment), values: transferForm.empty(today(c), commitment.version) });
  });
  app.post('/plans/:slug/commitments/:number/transfer', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const from = await leadOf(c, commitment);
    return handleForm(c, {
      schema: transferInput.extend({ version: versionOnly.shape.version }),
      run: (input) => planService.transferCommitment({ db: db(c) }, c.get('actor'), commitment.id, input),
      redirectTo: (updated) => commitmentPath(plan, updated),
      render: async ({ body, errors, conflict, status }) => {
        const current = (await plans.findCommitmentById(db(c), commitment.id)) ?? commitment;
        // What was typed stays, on the version now stored (a conflict says someone else moved it meanwhile).
        return renderTransfer(c, {
          of: { plan, commitment: current },
          from,
          values: transferForm.posted(body, transferForm.empty(today(c), current.version)),
          errors,
          conflict,
          status,
        });
      },
    });
  });
  app.get('/agencies/:code/transfer', async (c) => {
    const from = await agencyByCode(c);
    requirePermission(c, 'commitment.transfer');
    return renderTransfer(c, { from, values: transferForm.empty(today(c)) });
  });
  app.post('/agencies/:code/transfer', async (c) => {
    const from = await agencyByCode(c);
    return handleForm(c, {
      schema: transferInput,
      run: (input) => planService.transferAgency({ db: db(c) }, c.get('actor'), from.id, input),
      redirectTo: () => agencyPath(from),
      render: ({ body, errors, status }) =>
        renderTransfer(c, { from, values: transferForm.posted(body, transferForm.empty(today(c))), errors, status: status === 409 ? 400 : status }),
    });
  });

  // ---- Atom feeds of submitted reports ----
  app.get('/plans/:slug/reports.atom', async (c) => {
    const plan = await planBySlug(c);
    const items = await q.listReportFeed(db(c), { planId: plan.id });
    return atomFeed(c, {
      title: `${t(c.get('lang'), 'feed.plan')} · ${pick(plan.title, c.get('lang'))}`,
      selfPath: planFeedPath(plan),
      pagePath: progressPath(plan),
      items,
    });
  });
  app.get('/plans/:slug/commitments/:number/reports.atom', async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const items = await q.listReportFeed(db(c), { commitmentId: commitment.id });
    const lang = c.get('lang');
    return atomFeed(c, {
      title: `${commitment.number} ${pick(commitment.title, lang)}`,
      selfPath: commitmentFeedPath(plan, commitment),
      pagePath: commitmentPath(plan, commitment),
      items,
    });
  });
  app.get('/agencies/:code/reports.atom', async (c) => {
    const agency = await agencyByCode(c);
    const items = await q.listReportFeed(db(c), { agencyId: agency.id });
    return atomFeed(c, { title: pick(agency.name, c.get('lang')), selfPath: agencyFeedPath(agency), pagePath: agencyPath(agency), items });
  });

  return app;
}

/** The form with files kept (readForm drops them): evidence uploads need the File. */
async function readAllForm(c: AppContext): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const body = await parseFormBody(c);
    return Object.fromEntries(Object.entries(body).filter(([key]) => key !== '_csrf'));
  }
  return readForm(c);
}
