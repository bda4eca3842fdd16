/** HTML pages of public input in both languages: the plan's inputs, one input with its forms, consultations, feeds, the commitment page's section. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { pick, type Lang } from '../../domain/localized.js';
import { authorMayEdit, isReviewTarget } from '../../domain/participation.js';
import { mayRespondToReviewComment } from './review-targets.js';
import type { ActionPlan, Milestone } from '../../domain/plan.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { atomXml } from '../../web/atom.js';
import { clientAddress } from '../../web/client-address.js';
import { href, pageContext, siteOrigin, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleEditForm, handleDelete, handleForm, positiveInt, requirePermission, type FormState } from '../../web/form-handler.js';
import { nestForm, postedText, readForm, type PostedForm } from '../../web/forms.js';
import { t } from '../../web/i18n.js';
import { pageCache } from '../../web/page-cache.js';
import { commitmentPath } from '../../web/paths.js';
import type { SectionContribution } from '../../web/sections.js';
import { formatDateTime, type FieldErrors, type Option } from '../../web/ui/index.js';
import { fieldMessages, parseOrThrow } from '../../web/validation.js';
import { listPhases } from '../cocreation/index.js';
import { publicPeople } from '../accounts/index.js';
import { PlanHistoryPage, readCommitmentHistory, readPlanHistory } from '../history/index.js';
import { FollowButton, isFollowing } from '../notifications/index.js';
import { commitmentByNumber, planBySlug, planQueries as planQ, type CommitmentPageData } from '../plans/index.js';
import type { Consultation, Input } from './participation.model.js';
import { consultationForm, editForm, newInputForm, responseForm, splitTarget, wordsInput } from './participation.forms.js';
import { consultationPath, consultationsPath, inputFiguresPath, inputImportPath, inputPath, inputsPath, planInputsFeedPath } from './participation.paths.js';
import * as q from './participation.queries.js';
import { namesOf, readInputs, sectionNames, threadsOf } from './participation.reads.js';
import {
  consultationInput,
  consultationPatch,
  editInput,
  inputListQuery,
  postInput,
  replyInput,
  respondInput,
  withdrawInput,
} from './participation.schemas.js';
import * as service from './participation.service.js';
import { AppealForm, ModerateInputForm, ReportInputForm } from './views/moderation-forms.js';
import { CommitmentInputsSection } from './views/commitment-section.js';
import { ConsultationFormPage, ConsultationPage, ConsultationsPage, type ConsultationFormValues } from './views/consultations.js';
import { editWindowEnd, InputPage, type InputPageActions } from './views/input-page.js';
import { InputsPage } from './views/inputs.js';
import { NewInputPage, type NewInputValues } from './views/new-input.js';

const db = (c: AppContext) => c.get('services').db;
const now = (c: AppContext) => c.get('services').now();
/** The services' dependencies for a write from this request: the clock, and the client counted against the limits. */
const deps = (c: AppContext): service.ParticipationDeps => ({ db: db(c), now: c.get('services').now, client: clientAddress(c) });

const PER_PAGE = 30;
const FEED_ENTRIES = 50;

/** The input of the path, in its plan, if this reader may see it (an internal round's only for its audience). */
async function inputOf(c: AppContext): Promise<{ plan: ActionPlan; input: Input }> {
  const plan = await planBySlug(c);
  const id = positiveInt(c.req.param('id'));
  const input = id === undefined ? undefined : await q.findInputById(db(c), id);
  if (!input || input.planId !== plan.id || !service.canSeeInput(c.get('actor'), input)) throw new NotFoundError();
  return { plan, input };
}

async function consultationOf(c: AppContext): Promise<{ plan: ActionPlan; consultation: Consultation }> {
  const plan = await planBySlug(c);
  const id = positiveInt(c.req.param('id'));
  const consultation = id === undefined ? undefined : await q.findConsultationById(db(c), id);
  if (!consultation || consultation.planId !== plan.id) throw new NotFoundError();
  return { plan, consultation };
}

/** Labels of what consultations are about, by "type:id". */
async function consultationTargets(c: AppContext, plan: ActionPlan, list: readonly Consultation[]): Promise<Map<string, string>> {
  const lang = c.get('lang');
  const labels = new Map<string, string>();
  // The plan's milestones in one read (only when a consultation is on one), then every commitment named in one more.
  const onMilestones = list.some((x) => x.targetType === 'milestone');
  const [areas, byCommitment] = await Promise.all([
    planQ.listAreas(db(c), plan.id),
    onMilestones ? planQ.listMilestonesOfPlan(db(c), plan.id) : Promise.resolve(new Map<number, Milestone[]>()),
  ]);
  const milestones = new Map([...byCommitment.values()].flat().map((m) => [m.id, m]));
  const commitmentIds = list.flatMap((x) =>
    x.targetType === 'commitment' ? [x.targetId] : x.targetType === 'milestone' ? [milestones.get(x.targetId)?.commitmentId ?? 0] : [],
  );
  const commitments = await planQ.commitmentLabels(
    db(c),
    commitmentIds.filter((id) => id > 0),
  );
  for (const x of list) {
    const key = `${x.targetType}:${x.targetId}`;
    if (x.targetType === 'commitment') {
      const cm = commitments.get(x.targetId);
      labels.set(key, cm ? `${cm.number} ${pick(cm.title, lang)}` : '');
    } else if (x.targetType === 'milestone') {
      const m = milestones.get(x.targetId);
      const cm = m ? commitments.get(m.commitmentId) : undefined;
      labels.set(key, t(lang, 'participation.target.milestoneOf', { commitment: cm?.number ?? '', position: m?.position ?? '' }));
    } else if (x.targetType === 'area') {
      const area = areas.find((a) => a.id === x.targetId);
      labels.set(key, area ? pick(area.title, lang) : t(lang, 'participation.target.area'));
    } else if (x.targetType === 'section' && x.section)
      labels.set(key, `${t(lang, 'participation.target.plan')} · ${t(lang, `participation.section.${x.section}` as 'participation.section.introduction')}`);
    else labels.set(key, t(lang, 'participation.target.plan'));
  }
  return labels;
}

/** What a comment may be about, from what the link named: a commitment and each of its milestones; else the item itself. */
async function targetOptions(c: AppContext, plan: ActionPlan, target: string): Promise<Option[]> {
  const lang = c.get('lang');
  const split = splitTarget(target);
  const options: Option[] = [];
  if (split?.targetType === 'commitment' || split?.targetType === 'milestone') {
    const id = Number(split.targetId);
    const milestone = split.targetType === 'milestone' ? await planQ.findMilestoneById(db(c), id) : undefined;
    const commitment = await planQ.findCommitmentById(db(c), milestone ? milestone.commitmentId : id);
    if (commitment && commitment.planId === plan.id) {
      options.push({
        value: `commitment:${commitment.id}`,
        label: `${t(lang, 'participation.target.commitment')} ${commitment.number} ${pick(commitment.title, lang)}`,
      });
      for (const m of await planQ.listMilestones(db(c), commitment.id))
        options.push({
          value: `milestone:${m.id}`,
          label: t(lang, 'participation.target.milestoneOf', { commitment: commitment.number, position: m.position }),
        });
      return options;
    }
  }
  if (split && split.targetType !== 'plan')
    options.push({ value: target, label: t(lang, `participation.target.${split.targetType}` as 'participation.target.plan') });
  options.push({ value: `plan:${plan.id}`, label: t(lang, 'participation.target.plan') });
  return options;
}

/** Recent changes of the input's commitment (and its milestones) a response may link, newest first. */
async function changeOptions(c: AppContext, input: Input): Promise<Option[]> {
  if (input.commitmentId === null) return [];
  const lang = c.get('lang');
  const entries = (await readCommitmentHistory(db(c), c.get('actor'), input.commitmentId)).filter(
    (e) => e.entityType === 'commitment' || e.entityType === 'milestone',
  );
  return entries.slice(0, 30).map((e) => ({
    value: String(e.id),
    label: `${formatDateTime(e.at, lang)} · ${t(lang, `history.entity.${e.entityType}`)} #${e.entityId} · ${e.changes.map((ch) => ch.field).join(', ')}`,
  }));
}

function feed(c: AppContext, opts: { title: string; selfPath: string; pagePath: string; plan: ActionPlan; inputs: readonly Input[]; lang: Lang }): Response {
  const { lang, plan } = opts;
  const base = siteOrigin(c);
  const xml = atomXml({
    id: `${base}${href(lang, opts.selfPath)}`,
    title: `${t(lang, 'participation.feed.title', { title: opts.title })} · ${t(lang, 'site.name')}`,
    link: `${base}${href(lang, opts.pagePath)}`,
    self: `${base}${href(lang, opts.selfPath)}`,
    language: lang,
    updated: opts.inputs[0] ? (opts.inputs[0].response.respondedAt ?? opts.inputs[0].submittedAt) : new Date(0),
    generator: 'Cocreate',
    author: t(lang, 'site.name'),
    rights: t(lang, 'feed.license'),
    entries: opts.inputs.map((i) => {
      const link = `${base}${href(lang, inputPath(plan, { id: i.parentId ?? i.id }))}#i${i.id}`;
      const answered = i.response.state !== 'pending' && i.kind !== 'reply' && i.response.respondedAt !== null;
      const words = i.kind === 'proposal' ? i.proposal.title : i.body;
      return {
        id: link,
        link,
        title: answered
          ? t(lang, 'participation.feed.response', { id: i.id, state: t(lang, `participation.response.state.${i.response.state}`) })
          : t(lang, 'participation.feed.input', { id: i.id, text: words.slice(0, 80) }),
        updated: (answered ? i.response.respondedAt : null) ?? i.editedAt ?? i.submittedAt,
        published: i.submittedAt,
        summary: answered ? `${pick(i.response.reason, lang)}\n\n— ${words}` : words,
      };
    }),
  });
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
}

export function participationPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---- the plan's inputs ----
  app.get('/plans/:slug/inputs', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const lang = c.get('lang');
    const query = parseOrThrow(inputListQuery, c.req.query(), lang);
    const target = query.target ? splitTarget(query.target) : undefined;
    const page = query.page ?? 1;
    const actor = c.get('actor');
    const { threads, total } = await readInputs(
      db(c),
      actor,
      {
        planId: plan.id,
        ...(query.commitment !== undefined ? { commitmentId: query.commitment } : {}),
        ...(target ? { target: { type: target.targetType as Input['targetType'], id: Number(target.targetId) } } : {}),
        ...(query.consultation !== undefined ? { consultationId: query.consultation } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.response ? { responseState: query.response } : {}),
      },
      { limit: PER_PAGE, offset: (page - 1) * PER_PAGE },
    );
    const all = threads.flatMap((th) => [th.input, ...th.replies]);
    const [names, consultations] = await Promise.all([namesOf(db(c), actor, all, lang), q.listConsultations(db(c), plan.id)]);
    return c.html(
      <InputsPage
        ctx={pageContext(c)}
        plan={plan}
        threads={threads}
        total={total}
        page={page}
        pages={Math.max(1, Math.ceil(total / PER_PAGE))}
        filter={{ commitment: query.commitment, consultation: query.consultation, kind: query.kind, response: query.response, target: query.target }}
        consultations={consultations}
        names={names}
        now={now(c)}
        figuresPath={inputFiguresPath(plan)}
        importPath={can(actor, 'input.import', { planId: plan.id }) ? inputImportPath(plan) : undefined}
      />,
    );
  });

  app.get('/plans/:slug/inputs.atom', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const lang = c.get('lang');
    const inputs = await q.recentPublicInputs(db(c), { planId: plan.id }, FEED_ENTRIES);
    return feed(c, { title: pick(plan.title, lang), selfPath: planInputsFeedPath(plan), pagePath: inputsPath(plan), plan, inputs, lang });
  });

  app.get('/plans/:slug/commitments/:number/inputs.atom', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const commitment = await commitmentByNumber(c, plan);
    const lang = c.get('lang');
    const inputs = await q.recentPublicInputs(db(c), { planId: plan.id, commitmentId: commitment.id }, FEED_ENTRIES);
    const title = `${commitment.number} ${pick(commitment.title, lang)}`;
    return feed(c, { title, selfPath: `${commitmentPath(plan, commitment)}/inputs.atom`, pagePath: commitmentPath(plan, commitment), plan, inputs, lang });
  });

  // ---- a new input ----
  const renderNew = async (c: AppContext, plan: ActionPlan, values: NewInputValues, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200) => {
    const consultationId = positiveInt(values.consultationId);
    const [targets, agencies, consultation] = await Promise.all([
      targetOptions(c, plan, values.target),
      planQ.listAgencies(db(c)),
      consultationId === undefined ? Promise.resolve(undefined) : q.findConsultationById(db(c), consultationId),
    ]);
    const split = splitTarget(values.target);
    const cancel =
      consultation?.planId === plan.id
        ? consultationPath(plan, consultation)
        : split?.targetType === 'commitment'
          ? inputsPath(plan) + `?commitment=${split.targetId}`
          : inputsPath(plan);
    return c.html(
      <NewInputPage
        ctx={pageContext(c)}
        plan={plan}
        values={values}
        errors={errors}
        targets={targets}
        consultation={consultation?.planId === plan.id ? consultation : null}
        agencies={agencies}
        cancel={cancel}
      />,
      status,
    );
  };

  app.get('/plans/:slug/inputs/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'input.post', { planId: plan.id });
    const kind = c.req.query('kind') === 'proposal' ? 'proposal' : 'comment';
    const target = c.req.query('target') ?? `plan:${plan.id}`;
    return renderNew(c, plan, newInputForm.empty(kind, target, c.req.query('consultation') ?? '', c.get('lang') === 'en' ? 'en' : 'zh'));
  });

  app.post('/plans/:slug/inputs/new', async (c) => {
    const plan = await planBySlug(c);
    const body = await readForm(c);
    // A filled honeypot is a bot's post: answered as a person's would be, with nothing written.
    if ((typeof body.website === 'string' ? body.website : '') !== '') return c.redirect(href(c.get('lang'), inputsPath(plan)), 303);
    return handleForm(c, {
      schema: postInput,
      toInput: newInputForm.input,
      run: (input) => service.postInput(deps(c), c.get('actor'), plan.id, input),
      redirectTo: (input) => inputPath(plan, input),
      render: (state) => {
        const kind = state.body.kind === 'proposal' ? 'proposal' : 'comment';
        const shown = newInputForm.empty(kind, postedText(state.body.target, ''), postedText(state.body.consultationId, ''), postedText(state.body.lang, 'zh'));
        return renderNew(c, plan, newInputForm.posted(state.body, shown), state.errors, state.status);
      },
    });
  });

  // ---- one input ----
  const renderInput = async (
    c: AppContext,
    plan: ActionPlan,
    input: Input,
    refused?: { form: 'edit' | 'reply' | 'respond'; state: FormState; body?: PostedForm },
  ) => {
    const actor = c.get('actor');
    const lang = c.get('lang');
    const [thread] = await threadsOf(db(c), actor, [input]);
    const replies = thread?.replies ?? [];
    const names = await namesOf(db(c), actor, [input, ...replies], lang);
    const standing = input.state === 'published' || input.state === 'internal';
    const mine = actor !== null && input.authorId === actor.id;
    const mayRespond =
      input.kind !== 'reply' &&
      standing &&
      (isReviewTarget(input.targetType)
        ? await mayRespondToReviewComment(db(c), actor, input.targetType, input.targetId)
        : can(actor, 'input.respond', service.respondResource(input)));
    const posted = refused?.body;
    const actions: InputPageActions = {
      ...(mine && authorMayEdit(input, now(c))
        ? { edit: { body: refused?.form === 'edit' ? postedText(posted?.body, input.body) : input.body, until: editWindowEnd(input) } }
        : {}),
      ...(mine && standing ? { withdraw: true } : {}),
      ...(actor && standing && input.kind !== 'reply'
        ? { reply: { body: refused?.form === 'reply' ? postedText(posted?.body, '') : '', lang: lang === 'en' ? 'en' : 'zh' } }
        : {}),
      ...(mayRespond
        ? {
            respond: {
              values: refused?.form === 'respond' && posted ? responseForm.posted(posted, responseForm.values(input)) : responseForm.values(input),
              changes: await changeOptions(c, input),
            },
          }
        : {}),
      more: (
        <>
          {actor ? (
            <FollowButton
              ctx={pageContext(c)}
              target={{ type: 'input', id: input.id }}
              following={await followsInput(c, input)}
              returnTo={inputPath(plan, input)}
            />
          ) : null}
          <ReportInputForm ctx={pageContext(c)} plan={plan} input={input} />
          <AppealForm ctx={pageContext(c)} plan={plan} input={input} />
          <ModerateInputForm ctx={pageContext(c)} plan={plan} input={input} />
        </>
      ),
    };
    return c.html(
      <InputPage
        ctx={pageContext(c)}
        plan={plan}
        input={input}
        replies={replies}
        names={names}
        now={now(c)}
        actions={actions}
        showHidden={input.state === 'hidden' && can(actor, 'input.moderate', { planId: plan.id })}
        errorsFor={refused?.form}
        errors={refused?.state.errors}
        conflict={refused?.state.conflict}
      />,
      refused?.state.status ?? 200,
    );
  };

  app.get('/plans/:slug/inputs/:id', pageCache(), async (c) => {
    const { plan, input } = await inputOf(c);
    // A reply has no page of its own: it stands under the input it answers.
    if (input.parentId !== null) return c.redirect(href(c.get('lang'), `${inputPath(plan, { id: input.parentId })}#i${input.id}`), 301);
    return renderInput(c, plan, input);
  });

  /** A post on an input's page: done and back to the page, or the page again with the messages beside the form. */
  const inputPost =
    (form: 'edit' | 'reply' | 'respond' | 'withdraw', run: (c: AppContext, input: Input, body: PostedForm) => Promise<Input>) => async (c: AppContext) => {
      const { plan, input } = await inputOf(c);
      const lang = c.get('lang');
      const body = nestForm(await readForm(c));
      if (form === 'reply' && typeof body.website === 'string' && body.website !== '') return c.redirect(href(lang, inputPath(plan, input)), 303);
      try {
        const result = await run(c, input, body);
        return c.redirect(href(lang, `${inputPath(plan, { id: result.parentId ?? result.id })}#i${result.id}`), 303);
      } catch (error) {
        if (form === 'withdraw') throw error;
        const state = stateOf(error, lang);
        if (!state) throw error;
        const current = (await q.findInputById(db(c), input.id)) ?? input;
        return renderInput(c, plan, current, { form, state, body });
      }
    };

  app.post(
    '/plans/:slug/inputs/:id/edit',
    inputPost('edit', (c, input, body) => service.editInput(deps(c), c.get('actor'), input.id, parseOrThrow(editInput, editForm.input(body), c.get('lang')))),
  );
  app.post(
    '/plans/:slug/inputs/:id/withdraw',
    inputPost('withdraw', (c, input, body) =>
      service.withdrawInput(deps(c), c.get('actor'), input.id, parseOrThrow(withdrawInput, { version: body.version }, c.get('lang'))),
    ),
  );
  app.post(
    '/plans/:slug/inputs/:id/reply',
    inputPost('reply', (c, input, body) => service.replyToInput(deps(c), c.get('actor'), input.id, parseOrThrow(replyInput, wordsInput(body), c.get('lang')))),
  );
  app.post(
    '/plans/:slug/inputs/:id/respond',
    inputPost('respond', (c, input, body) =>
      service.respondToInput(deps(c), c.get('actor'), input.id, parseOrThrow(respondInput, responseForm.input(body), c.get('lang'))),
    ),
  );

  // ---- consultations ----
  app.get('/plans/:slug/consultations', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const list = await q.listConsultations(db(c), plan.id);
    const [counts, targets] = await Promise.all([q.consultationInputCounts(db(c), plan.id), consultationTargets(c, plan, list)]);
    return c.html(
      <ConsultationsPage
        ctx={pageContext(c)}
        plan={plan}
        consultations={list}
        counts={counts}
        targets={targets}
        now={now(c)}
        canManage={can(c.get('actor'), 'consultation.manage')}
      />,
    );
  });

  app.get('/plans/:slug/consultations/history', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const entries = await readPlanHistory(db(c), c.get('actor'), plan.id, ['consultation']);
    const title = t(c.get('lang'), 'participation.consultations.title');
    return c.html(<PlanHistoryPage ctx={pageContext(c)} plan={plan} of={{ title, path: consultationsPath(plan) }} entries={entries} names={new Map()} />);
  });

  const renderConsultationForm = async (
    c: AppContext,
    plan: ActionPlan,
    consultation: Consultation | null,
    values: ConsultationFormValues,
    state: FormState = freshForm,
  ) => {
    const phases = await listPhases(db(c), plan.id);
    const lang = c.get('lang');
    return c.html(
      <ConsultationFormPage
        ctx={pageContext(c)}
        plan={plan}
        consultation={consultation}
        values={values}
        errors={state.errors}
        conflict={state.conflict}
        phases={phases.map((p) => ({ id: p.id, label: `${t(lang, `cocreation.phase.${p.kind}`)} (${p.startsOn} – ${p.endsOn})` }))}
      />,
      state.status,
    );
  };
  const consultationEditPage = (c: AppContext, plan: ActionPlan, consultation: Consultation) => ({
    form: consultationForm,
    reload: async () => (await q.findConsultationById(db(c), consultation.id)) ?? consultation,
    render: (current: Consultation, values: ConsultationFormValues, state: FormState) => renderConsultationForm(c, plan, current, values, state),
  });

  app.get('/plans/:slug/consultations/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'consultation.manage');
    return renderConsultationForm(c, plan, null, consultationForm.empty(plan.id));
  });
  app.post('/plans/:slug/consultations/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: consultationInput,
      toInput: consultationForm.input,
      run: (input) => service.createConsultation(deps(c), c.get('actor'), plan.id, input),
      redirectTo: (created) => consultationPath(plan, created),
      render: (state) => renderConsultationForm(c, plan, null, consultationForm.posted(state.body, consultationForm.empty(plan.id)), state),
    });
  });

  app.get('/plans/:slug/consultations/:id', pageCache(), async (c) => {
    const { plan, consultation } = await consultationOf(c);
    const actor = c.get('actor');
    const lang = c.get('lang');
    const [{ threads, total }, targets] = await Promise.all([
      readInputs(db(c), actor, { planId: plan.id, consultationId: consultation.id }, { limit: PER_PAGE, offset: 0 }),
      consultationTargets(c, plan, [consultation]),
    ]);
    const names = await namesOf(
      db(c),
      actor,
      threads.flatMap((th) => [th.input, ...th.replies]),
      lang,
    );
    return c.html(
      <ConsultationPage
        ctx={pageContext(c)}
        plan={plan}
        consultation={consultation}
        targetLabel={targets.get(`${consultation.targetType}:${consultation.targetId}`) ?? ''}
        threads={threads}
        total={total}
        names={names}
        now={now(c)}
        canManage={can(actor, 'consultation.manage')}
        canTakePart={actor !== null && (consultation.audience === 'public' || service.readsInternal(actor, plan.id))}
        follow={
          <FollowButton
            ctx={pageContext(c)}
            target={{ type: 'consultation', id: consultation.id }}
            following={await isFollowing(db(c), actor, { type: 'consultation', id: consultation.id })}
            returnTo={consultationPath(plan, consultation)}
          />
        }
      />,
    );
  });

  app.get('/plans/:slug/consultations/:id/edit', async (c) => {
    const { plan, consultation } = await consultationOf(c);
    requirePermission(c, 'consultation.manage');
    return renderConsultationForm(c, plan, consultation, consultationForm.values(consultation));
  });
  app.post('/plans/:slug/consultations/:id/edit', async (c) => {
    const { plan, consultation } = await consultationOf(c);
    return handleEditForm(c, {
      ...consultationEditPage(c, plan, consultation),
      schema: consultationPatch,
      run: (patch) => service.updateConsultation(deps(c), c.get('actor'), consultation.id, patch),
      redirectTo: (updated) => consultationPath(plan, updated),
    });
  });
  app.post('/plans/:slug/consultations/:id/edit/delete', async (c) => {
    const { plan, consultation } = await consultationOf(c);
    return handleDelete(c, {
      ...consultationEditPage(c, plan, consultation),
      run: (version) => service.deleteConsultation(deps(c), c.get('actor'), consultation.id, version),
      redirectTo: consultationsPath(plan),
    });
  });

  return app;
}

/** A refused post's form state: 400 with the messages, 409 when someone saved first; other errors go to the error page. */
function stateOf(error: unknown, lang: Lang): FormState | undefined {
  if (error instanceof ValidationError) return { errors: fieldMessages(error, lang), conflict: false, status: 400 };
  if (error instanceof Error && 'current' in error) return { errors: {}, conflict: true, status: 409 };
  return undefined;
}

const followsInput = (c: AppContext, input: Input): Promise<boolean> => isFollowing(db(c), c.get('actor'), { type: 'input', id: input.id });

/** The commitment page's section: how its inputs were answered, the latest five, and where to comment. */
export const commitmentInputsSection: SectionContribution = {
  slot: 'commitment',
  order: 40,
  id: 'participation.commitment',
  render: async (c, data: CommitmentPageData) => {
    const actor = c.get('actor');
    const lang = c.get('lang');
    const states = service.readableStates(actor, data.plan.id);
    const [counts, latest] = await Promise.all([
      q.countByResponse(db(c), data.commitment.id),
      q.latestInputs(db(c), { planId: data.plan.id, commitmentId: data.commitment.id, states }, 5),
    ]);
    // The page has read the commitment, its milestones and the agencies: only the authors' names are left to read.
    const names = sectionNames(data, latest, lang);
    names.people = await publicPeople(
      db(c),
      latest.flatMap((i) => (i.authorId === null ? [] : [i.authorId])),
    );
    return {
      section: (
        <CommitmentInputsSection
          ctx={pageContext(c)}
          plan={data.plan}
          commitment={data.commitment}
          milestones={data.milestones}
          counts={counts}
          latest={latest}
          names={names}
          now={now(c)}
        />
      ),
      feeds: [{ title: t(lang, 'participation.inputs.feed'), path: `${commitmentPath(data.plan, data.commitment)}/inputs.atom` }],
    };
  },
};
