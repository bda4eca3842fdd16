/** HTML pages of the forum's roster, rules and calls for nominations, in both languages; their forms post back here. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { pick } from '../../domain/localized.js';
import { taipeiDay } from '../../domain/monitoring.js';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError, UnauthenticatedError } from '../../errors.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import {
  freshForm,
  handleDelete,
  handleEditForm,
  handleForm,
  positiveInt,
  requirePermission,
  versionFromForm,
  type EditFormPage,
} from '../../web/form-handler.js';
import { pageCache } from '../../web/page-cache.js';
import { callPath, forumRosterPath, forumRulesVersionPath, myNominationsPath } from '../../web/paths.js';
import { publicPeople } from '../accounts/index.js';
import { PlanHistoryPage, idsIn, readPlanHistory, type EntityType } from '../history/index.js';
import { planBySlug, planQueries as planQ } from '../plans/index.js';
import {
  ballotForm,
  callForm,
  moderationForm,
  nominationForm,
  resultForm,
  rulesForm,
  seatForm,
  type CallFormValues,
  type ModerationFormValues,
  type RulesFormValues,
  type SeatFormValues,
} from './roster.forms.js';
import { rosterView, votingOpen, type ForumRules, type Nomination, type NominationCall, type Seat } from './roster.model.js';
import { rosterDeps } from './roster.api.js';
import * as q from './roster.queries.js';
import {
  ballotInput,
  callInput,
  callPatch,
  moderationInput,
  nominationInput,
  resultInput,
  rulesInput,
  rulesPatch,
  seatInput,
  seatPatch,
} from './roster.schemas.js';
import * as service from './roster.service.js';
import { canSeeNomination, visibleToOwner } from './roster.visibility.js';
import { BallotPage } from './views/ballot-form.js';
import { CallFormPage } from './views/call-form.js';
import { CALL_NOTICES, CallPage } from './views/call.js';
import { CallsPage } from './views/calls.js';
import { ModerateFormPage } from './views/moderate-form.js';
import { MyNominationsPage } from './views/my-nominations.js';
import { NominateFormPage } from './views/nominate-form.js';
import { ResultFormPage } from './views/result-form.js';
import { RosterPage } from './views/roster.js';
import { RulesFormPage } from './views/rules-form.js';
import { RulesPage } from './views/rules.js';
import { SeatFormPage } from './views/seat-form.js';

const db = (c: AppContext) => c.get('services').db;
const today = (c: AppContext) => taipeiDay(c.get('services').now());
const deps = rosterDeps;
const agencyMap = async (c: AppContext) => new Map((await planQ.listAgencies(db(c))).map((a) => [a.id, a]));
const peopleOf = (c: AppContext, ids: readonly (number | null)[]) =>
  publicPeople(
    db(c),
    ids.filter((id): id is number => id !== null),
  );

/** The plan of the path and its record `:id` of this kind (404 when it is another plan's). */
async function seatOf(c: AppContext): Promise<{ plan: ActionPlan; seat: Seat }> {
  const plan = await planBySlug(c);
  const seat = await q.findSeatById(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!seat || seat.planId !== plan.id) throw new NotFoundError();
  return { plan, seat };
}
async function callOf(c: AppContext): Promise<{ plan: ActionPlan; call: NominationCall }> {
  const plan = await planBySlug(c);
  const call = await q.findCallById(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!call || call.planId !== plan.id) throw new NotFoundError();
  return { plan, call };
}
async function rulesOf(c: AppContext): Promise<{ plan: ActionPlan; rules: ForumRules }> {
  const plan = await planBySlug(c);
  const rules = await q.findRulesByNumber(db(c), plan.id, positiveInt(c.req.param('number')) ?? 0);
  if (!rules) throw new NotFoundError();
  return { plan, rules };
}
/** A nomination of the plan that this viewer may see; any other is "not found". */
async function nominationOf(c: AppContext): Promise<{ plan: ActionPlan; call: NominationCall; nomination: Nomination }> {
  const plan = await planBySlug(c);
  const nomination = await q.findNominationById(db(c), positiveInt(c.req.param('id')) ?? 0);
  const call = nomination && (await q.findCallById(db(c), nomination.callId));
  if (!nomination || !call || call.planId !== plan.id || !canSeeNomination(c.get('actor'), nomination)) throw new NotFoundError();
  return { plan, call, nomination };
}

/** What the forum's history page lists: the roster module's entity types. */
const ROSTER_HISTORY_TYPES: readonly EntityType[] = ['seat', 'forum-rules', 'nomination-call', 'nomination'];

export function rosterPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---- the roster ----
  app.get('/plans/:slug/forum', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const [seats, rules, agencies] = await Promise.all([q.listSeats(db(c), plan.id), q.latestRules(db(c), plan.id), agencyMap(c)]);
    const people = await peopleOf(
      c,
      seats.map((s) => s.userId),
    );
    return c.html(
      <RosterPage
        ctx={pageContext(c)}
        plan={plan}
        view={rosterView(seats, today(c))}
        people={people}
        agencies={agencies}
        rules={rules}
        canManage={can(c.get('actor'), 'seat.manage', { planId: plan.id })}
      />,
    );
  });

  // ---- the history of the forum's records: what each viewer may see of it (an unaccepted nomination: its nominee and the secretariat) ----
  app.get('/plans/:slug/forum/history', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const lang = c.get('lang');
    const entries = await readPlanHistory(db(c), c.get('actor'), plan.id, ROSTER_HISTORY_TYPES);
    const [agencies, calls, people] = await Promise.all([agencyMap(c), q.listCalls(db(c), plan.id), peopleOf(c, idsIn(entries, ['userId']))]);
    const names = new Map<string, string>();
    for (const [id, agency] of agencies) names.set(`agencyId:${id}`, pick(agency.name, lang));
    for (const call of calls) names.set(`callId:${call.id}`, pick(call.title, lang));
    for (const [id, person] of people) names.set(`userId:${id}`, person.displayName ?? t(lang, 'people.formerParticipant'));
    const title = t(lang, 'roster.title');
    return c.html(<PlanHistoryPage ctx={pageContext(c)} plan={plan} of={{ title, path: forumRosterPath(plan) }} entries={entries} names={names} />);
  });

  const renderSeatForm = async (c: AppContext, plan: ActionPlan, seat: Seat | null, values: SeatFormValues, state = freshForm) => {
    const [agencies, calls, seats] = await Promise.all([planQ.listAgencies(db(c)), q.listCalls(db(c), plan.id), q.listSeats(db(c), plan.id)]);
    const people = await peopleOf(
      c,
      seats.map((s) => s.userId),
    );
    const page = { plan, seat, agencies, calls, seats, people, values };
    return c.html(<SeatFormPage ctx={pageContext(c)} {...page} errors={state.errors} conflict={state.conflict} />, state.status);
  };
  const seatEditPage = (c: AppContext, plan: ActionPlan, seat: Seat): EditFormPage<Seat, SeatFormValues> => ({
    form: seatForm,
    reload: async () => (await q.findSeatById(db(c), seat.id)) ?? seat,
    render: (current, values, state) => renderSeatForm(c, plan, current, values, state),
  });
  app.get('/plans/:slug/forum/seats/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'seat.manage', { planId: plan.id });
    return renderSeatForm(c, plan, null, seatForm.empty());
  });
  app.post('/plans/:slug/forum/seats/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: seatInput,
      toInput: seatForm.input,
      run: (input) => service.createSeat(deps(c), c.get('actor'), plan.id, input),
      redirectTo: () => forumRosterPath(plan),
      render: (state) => renderSeatForm(c, plan, null, seatForm.posted(state.body, seatForm.empty()), state),
    });
  });
  app.get('/plans/:slug/forum/seats/:id/edit', async (c) => {
    const { plan, seat } = await seatOf(c);
    requirePermission(c, 'seat.manage', { planId: plan.id });
    return renderSeatForm(c, plan, seat, seatForm.values(seat));
  });
  app.post('/plans/:slug/forum/seats/:id/edit', async (c) => {
    const { plan, seat } = await seatOf(c);
    return handleEditForm(c, {
      ...seatEditPage(c, plan, seat),
      schema: seatPatch,
      run: (input) => service.updateSeat(deps(c), c.get('actor'), seat.id, input),
      redirectTo: () => forumRosterPath(plan),
    });
  });
  app.post('/plans/:slug/forum/seats/:id/delete', async (c) => {
    const { plan, seat } = await seatOf(c);
    return handleDelete(c, {
      ...seatEditPage(c, plan, seat),
      run: (version) => service.deleteSeat(deps(c), c.get('actor'), seat.id, version),
      redirectTo: forumRosterPath(plan),
    });
  });

  // ---- rules ----
  const renderRules = async (c: AppContext, plan: ActionPlan, shown: ForumRules | undefined) => {
    const versions = await q.listRules(db(c), plan.id);
    return c.html(
      <RulesPage
        ctx={pageContext(c)}
        plan={plan}
        shown={shown ?? versions[0]}
        versions={versions}
        canManage={can(c.get('actor'), 'forumRules.manage', { planId: plan.id })}
      />,
    );
  };
  app.get('/plans/:slug/forum/rules', pageCache(), async (c) => renderRules(c, await planBySlug(c), undefined));

  const renderRulesForm = async (c: AppContext, plan: ActionPlan, rules: ForumRules | null, values: RulesFormValues, state = freshForm) =>
    c.html(<RulesFormPage ctx={pageContext(c)} plan={plan} rules={rules} values={values} errors={state.errors} conflict={state.conflict} />, state.status);
  app.get('/plans/:slug/forum/rules/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'forumRules.manage', { planId: plan.id });
    return renderRulesForm(c, plan, null, rulesForm.next(await q.latestRules(db(c), plan.id)));
  });
  app.post('/plans/:slug/forum/rules/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: rulesInput,
      run: (input) => service.publishRules(deps(c), c.get('actor'), plan.id, input),
      redirectTo: (rules) => forumRulesVersionPath(plan, rules),
      render: (state) => renderRulesForm(c, plan, null, rulesForm.posted(state.body, rulesForm.empty()), state),
    });
  });
  app.get('/plans/:slug/forum/rules/:number', async (c) => {
    const { plan, rules } = await rulesOf(c);
    return renderRules(c, plan, rules);
  });
  app.get('/plans/:slug/forum/rules/:number/edit', async (c) => {
    const { plan, rules } = await rulesOf(c);
    requirePermission(c, 'forumRules.manage', { planId: plan.id });
    return renderRulesForm(c, plan, rules, rulesForm.values(rules));
  });
  app.post('/plans/:slug/forum/rules/:number/edit', async (c) => {
    const { plan, rules } = await rulesOf(c);
    return handleEditForm(c, {
      schema: rulesPatch,
      run: (input) => service.correctRules(deps(c), c.get('actor'), rules.id, input),
      redirectTo: (updated) => forumRulesVersionPath(plan, updated),
      form: rulesForm,
      reload: async () => (await q.findRulesById(db(c), rules.id)) ?? rules,
      render: (current, values, state) => renderRulesForm(c, plan, current, values, state),
    });
  });

  // ---- calls ----
  app.get('/plans/:slug/forum/calls', async (c) => {
    const plan = await planBySlug(c);
    const calls = await q.listCalls(db(c), plan.id);
    const accepted = await q.countAcceptedNominations(
      db(c),
      calls.map((call) => call.id),
    );
    return c.html(
      <CallsPage
        ctx={pageContext(c)}
        plan={plan}
        calls={calls}
        accepted={accepted}
        today={today(c)}
        canManage={can(c.get('actor'), 'call.manage', { planId: plan.id })}
      />,
    );
  });

  const renderCallForm = async (c: AppContext, plan: ActionPlan, call: NominationCall | null, values: CallFormValues, state = freshForm) =>
    c.html(<CallFormPage ctx={pageContext(c)} plan={plan} call={call} values={values} errors={state.errors} conflict={state.conflict} />, state.status);
  app.get('/plans/:slug/forum/calls/new', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'call.manage', { planId: plan.id });
    return renderCallForm(c, plan, null, callForm.empty());
  });
  app.post('/plans/:slug/forum/calls/new', async (c) => {
    const plan = await planBySlug(c);
    return handleForm(c, {
      schema: callInput,
      run: (input) => service.openCall(deps(c), c.get('actor'), plan.id, input),
      redirectTo: (call) => callPath(plan, call),
      render: (state) => renderCallForm(c, plan, null, callForm.posted(state.body, callForm.empty()), state),
    });
  });

  app.get('/plans/:slug/forum/calls/:id', async (c) => {
    const { plan, call } = await callOf(c);
    const nominations = await q.listNominations(db(c), call.id, ['accepted']);
    const people = await peopleOf(
      c,
      nominations.map((n) => n.nomineeId),
    );
    const actor = c.get('actor');
    return c.html(
      <CallPage
        ctx={pageContext(c)}
        plan={plan}
        call={call}
        today={today(c)}
        nominations={nominations}
        people={people}
        notice={CALL_NOTICES.find((n) => n === c.req.query('done'))}
        canManage={can(actor, 'call.manage', { planId: plan.id })}
        canModerate={can(actor, 'nomination.moderate', { planId: plan.id })}
      />,
    );
  });
  app.get('/plans/:slug/forum/calls/:id/edit', async (c) => {
    const { plan, call } = await callOf(c);
    requirePermission(c, 'call.manage', { planId: plan.id });
    return renderCallForm(c, plan, call, callForm.values(call));
  });
  app.post('/plans/:slug/forum/calls/:id/edit', async (c) => {
    const { plan, call } = await callOf(c);
    return handleEditForm(c, {
      schema: callPatch,
      run: (input) => service.updateCall(deps(c), c.get('actor'), call.id, input),
      redirectTo: (updated) => callPath(plan, updated),
      form: callForm,
      reload: async () => (await q.findCallById(db(c), call.id)) ?? call,
      render: (current, values, state) => renderCallForm(c, plan, current, values, state),
    });
  });

  // ---- nominating ----
  const renderNominate = async (c: AppContext, plan: ActionPlan, call: NominationCall, values = nominationForm.empty(), state = freshForm) => {
    const mayStand = await service.mayStand(db(c), c.get('actor'));
    return c.html(<NominateFormPage ctx={pageContext(c)} plan={plan} call={call} mayStand={mayStand} values={values} errors={state.errors} />, state.status);
  };
  app.get('/plans/:slug/forum/calls/:id/nominate', async (c) => {
    const { plan, call } = await callOf(c);
    requirePermission(c, 'nomination.create');
    return renderNominate(c, plan, call);
  });
  app.post('/plans/:slug/forum/calls/:id/nominate', async (c) => {
    const { plan, call } = await callOf(c);
    return handleForm(c, {
      schema: nominationInput,
      toInput: nominationForm.input,
      run: (input) => service.nominate(deps(c), c.get('actor'), call.id, input),
      redirectTo: (receipt) => `${callPath(plan, call)}?done=${receipt.nomination ? 'self-nominated' : 'nominated'}`,
      render: (state) => renderNominate(c, plan, call, nominationForm.posted(state.body, nominationForm.empty()), state),
    });
  });

  // ---- voting ----
  const renderBallot = async (c: AppContext, plan: ActionPlan, call: NominationCall, values = ballotForm.empty(), state = freshForm) => {
    const actor = c.get('actor');
    const nominations = await q.listNominations(db(c), call.id, ['accepted']);
    const people = await peopleOf(
      c,
      nominations.map((n) => n.nomineeId),
    );
    const refusal = !votingOpen(call, today(c))
      ? 'closed'
      : (await service.hasVoted(db(c), actor, call.id))
        ? 'already'
        : (await service.mayVote(db(c), actor))
          ? undefined
          : 'notEligible';
    const page = { plan, call, nominations, people, refusal, values } as const;
    return c.html(<BallotPage ctx={pageContext(c)} {...page} errors={state.errors} />, state.status);
  };
  app.get('/plans/:slug/forum/calls/:id/ballot', async (c) => {
    const { plan, call } = await callOf(c);
    if (!c.get('actor')) throw new UnauthenticatedError();
    return renderBallot(c, plan, call);
  });
  app.post('/plans/:slug/forum/calls/:id/ballot', async (c) => {
    const { plan, call } = await callOf(c);
    return handleForm(c, {
      schema: ballotInput,
      toInput: ballotForm.input,
      run: (input) => service.castBallot(deps(c), c.get('actor'), call.id, input),
      redirectTo: () => `${callPath(plan, call)}?done=voted`,
      render: (state) => renderBallot(c, plan, call, ballotForm.posted(state.body, ballotForm.empty()), state),
    });
  });

  // ---- the result ----
  const renderResult = async (c: AppContext, plan: ActionPlan, call: NominationCall, values?: ReturnType<typeof resultForm.empty>, state = freshForm) => {
    const nominations = await q.listNominations(db(c), call.id, ['accepted']);
    const people = await peopleOf(
      c,
      nominations.map((n) => n.nomineeId),
    );
    const page = { plan, call, nominations, people, values: values ?? resultForm.empty(call, nominations) };
    return c.html(<ResultFormPage ctx={pageContext(c)} {...page} errors={state.errors} conflict={state.conflict} />, state.status);
  };
  app.get('/plans/:slug/forum/calls/:id/result', async (c) => {
    const { plan, call } = await callOf(c);
    requirePermission(c, 'call.publishResult', { planId: plan.id });
    return renderResult(c, plan, call);
  });
  app.post('/plans/:slug/forum/calls/:id/result', async (c) => {
    const { plan, call } = await callOf(c);
    return handleForm(c, {
      schema: resultInput,
      toInput: resultForm.input,
      fieldOf: resultForm.fieldOf,
      run: (input) => service.publishResult(deps(c), c.get('actor'), call.id, input),
      redirectTo: () => callPath(plan, call),
      render: async (state) => {
        const current = (await q.findCallById(db(c), call.id)) ?? call;
        const nominations = await q.listNominations(db(c), call.id, ['accepted']);
        const empty = resultForm.empty(current, nominations);
        return renderResult(c, plan, current, state.conflict ? empty : resultForm.posted(state.body, empty), state);
      },
    });
  });

  // ---- a nomination: answer, withdraw, moderate ----
  for (const action of ['accept', 'decline', 'withdraw'] as const)
    app.post(`/plans/:slug/forum/nominations/:id/${action}`, async (c) => {
      const { nomination } = await nominationOf(c);
      const version = await versionFromForm(c);
      const actor = c.get('actor');
      if (action === 'withdraw') await service.withdrawNomination(deps(c), actor, nomination.id, version);
      else await service.respondToNomination(deps(c), actor, nomination.id, action === 'accept', version);
      return c.redirect(href(c.get('lang'), myNominationsPath), 303);
    });

  const renderModerate = async (
    c: AppContext,
    plan: ActionPlan,
    call: NominationCall,
    nomination: Nomination,
    values: ModerationFormValues,
    state = freshForm,
  ) => {
    const nominee = (await peopleOf(c, [nomination.nomineeId])).get(nomination.nomineeId);
    const page = { plan, call, nomination, nominee, values };
    return c.html(<ModerateFormPage ctx={pageContext(c)} {...page} errors={state.errors} conflict={state.conflict} />, state.status);
  };
  app.get('/plans/:slug/forum/nominations/:id/moderate', async (c) => {
    const { plan, call, nomination } = await nominationOf(c);
    requirePermission(c, 'nomination.moderate', { planId: plan.id });
    return renderModerate(c, plan, call, nomination, moderationForm.values(nomination));
  });
  app.post('/plans/:slug/forum/nominations/:id/moderate', async (c) => {
    const { plan, call, nomination } = await nominationOf(c);
    return handleEditForm(c, {
      schema: moderationInput,
      run: (input) => service.moderateNomination(deps(c), c.get('actor'), nomination.id, input),
      redirectTo: () => callPath(plan, call),
      form: moderationForm,
      reload: async () => (await q.findNominationById(db(c), nomination.id)) ?? nomination,
      render: (current, values, state) => renderModerate(c, plan, call, current, values, state),
    });
  });

  // ---- the signed-in person's nominations ----
  app.get(myNominationsPath, async (c) => {
    const actor = c.get('actor');
    if (!actor) throw new UnauthenticatedError();
    const nominations = visibleToOwner(actor, await q.listNominationsOfPerson(db(c), actor.id));
    const calls = await q.findCallsByIds(
      db(c),
      nominations.map((n) => n.callId),
    );
    const plans = await planQ.findPlansByIds(
      db(c),
      [...calls.values()].map((call) => call.planId),
    );
    const people = await peopleOf(
      c,
      nominations.map((n) => n.nomineeId),
    );
    const rows = nominations.flatMap((nomination) => {
      const call = calls.get(nomination.callId);
      const plan = call && plans.get(call.planId);
      return call && plan ? [{ nomination, call, plan }] : [];
    });
    return c.html(<MyNominationsPage ctx={pageContext(c)} actorId={actor.id} rows={rows} people={people} today={today(c)} />);
  });
  return app;
}
