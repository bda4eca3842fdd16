/** JSON API of the forum's roster, rules and calls for nominations under /api/v1, with OpenAPI entries. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { taipeiDay } from '../../domain/monitoring.js';
import type { PublicPerson } from '../../domain/people.js';
import type { ActionPlan, Agency } from '../../domain/plan.js';
import { NotFoundError, UnauthenticatedError } from '../../errors.js';
import { apiLang, siteOrigin, type AppContext, type AppEnv } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { fallbackMailer } from '../../web/mail.js';
import { errorResponses, idParam, itemsOf, jsonBody, jsonContent, routeGroup, writeSecurity } from '../../web/openapi.js';
import { callPath, forumRosterPath, forumRulesVersionPath } from '../../web/paths.js';
import { publicPeople } from '../accounts/index.js';
import { planQueries as planQ } from '../plans/index.js';
import { callPhase, rosterView, turnout, type ForumRules, type Nomination, type NominationCall, type Seat } from './roster.model.js';
import * as q from './roster.queries.js';
import {
  ballotInput,
  ballotReceipt,
  callInput,
  callOutput,
  callPatch,
  moderationInput,
  nominationInput,
  nominationOutput,
  nominationReceipt,
  resultInput,
  rulesInput,
  rulesOutput,
  rulesPatch,
  seatInput,
  seatOutput,
  seatPatch,
  versionOnly,
} from './roster.schemas.js';
import * as service from './roster.service.js';
import { visibleToOwner } from './roster.visibility.js';

type Db = AppEnv['Variables']['services']['db'];
type People = Map<number, PublicPerson>;

// ---- presenters: the JSON the API promises, built explicitly (never an e-mail, never who voted) ----

const presentPerson = (people: People, id: number) => {
  const p = people.get(id);
  return { id, displayName: p?.displayName ?? null, organisation: p?.organisation ?? null };
};

const agencyRef = (agencies: Map<number, Agency>, id: number | null) => {
  const a = id === null ? undefined : agencies.get(id);
  return a ? { id: a.id, code: a.code, name: a.name } : null;
};

export function presentSeats(seats: readonly Seat[], plan: Pick<ActionPlan, 'slug'>, today: string, people: People, agencies: Map<number, Agency>) {
  const view = rosterView(seats, today);
  const vacant = new Set(view.current.filter((r) => r.vacant).map((r) => r.seat.id));
  const state = new Map(view.current.map((r) => [r.seat.id, r.state]));
  return seats.map((s) => ({
    id: s.id,
    planId: s.planId,
    sector: s.sector,
    role: s.role,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    term: state.get(s.id) ?? ('ended' as const),
    vacant: vacant.has(s.id),
    holder: s.userId === null ? null : presentPerson(people, s.userId),
    holderName: s.holderName,
    agency: agencyRef(agencies, s.agencyId),
    filledBy: s.filledBy,
    callId: s.callId,
    replacesSeatId: s.replacesSeatId,
    isDemo: s.isDemo,
    version: s.version,
    url: forumRosterPath(plan),
  }));
}

export const presentRules = (r: ForumRules, plan: Pick<ActionPlan, 'slug'>, currentNumber: number | undefined) => ({
  id: r.id,
  planId: r.planId,
  number: r.number,
  effectiveOn: r.effectiveOn,
  publishedAt: r.publishedAt.toISOString(),
  body: r.body,
  changeNote: r.changeNote,
  current: r.number === currentNumber,
  isDemo: r.isDemo,
  version: r.version,
  url: forumRulesVersionPath(plan, r),
});

/** A nomination as the public sees it: the statement gives way to a moderator's reason; who made it is never said. */
export const presentNomination = (n: Nomination, people: People) => ({
  id: n.id,
  callId: n.callId,
  nominee: presentPerson(people, n.nomineeId),
  selfNominated: n.selfNominated,
  statement: n.hiddenReason === null ? n.statement : null,
  hiddenReason: n.hiddenReason,
  status: n.status,
  votes: n.votes,
  selected: n.selected,
  selectionReason: n.selectionReason,
  version: n.version,
  isDemo: n.isDemo,
});

/** A call with its accepted nominations; counts, turnout and ties only once the result is published (they exist only then). */
export const presentCall = (
  c: NominationCall,
  plan: Pick<ActionPlan, 'slug'>,
  today: string,
  nominations: readonly Nomination[],
  people: People,
  seatIds: readonly number[],
) => ({
  id: c.id,
  planId: c.planId,
  title: c.title,
  seats: c.seats,
  eligibility: c.eligibility,
  nominationsOpenOn: c.nominationsOpenOn,
  nominationsCloseOn: c.nominationsCloseOn,
  termStartsOn: c.termStartsOn,
  termEndsOn: c.termEndsOn,
  method: c.method,
  votingOpensOn: c.votingOpensOn,
  votingClosesOn: c.votingClosesOn,
  tieRule: c.tieRule,
  panel: c.panel,
  phase: callPhase(c, today),
  nominations: nominations.filter((n) => n.status === 'accepted').map((n) => presentNomination(n, people)),
  result:
    c.resultPublishedAt === null
      ? null
      : {
          publishedAt: c.resultPublishedAt.toISOString(),
          ballotsCast: c.method === 'election' ? c.ballotsCast : null,
          eligibleVoters: c.eligibleVoters,
          turnout: c.method === 'election' ? turnout(c.ballotsCast, c.eligibleVoters) : null,
          tieBreak: c.tieBreak,
          note: c.resultNote,
          seatIds: [...seatIds],
        },
  isDemo: c.isDemo,
  version: c.version,
  url: callPath(plan, c),
});

// ---- reading ----

async function planOrThrow(db: Db, id: number): Promise<ActionPlan> {
  const plan = await planQ.findPlanById(db, id);
  if (!plan) throw new NotFoundError();
  return plan;
}

const agencyMap = async (db: Db) => new Map((await planQ.listAgencies(db)).map((a) => [a.id, a]));

async function callJson(db: Db, call: NominationCall, today: string) {
  const [plan, nominations, seats] = await Promise.all([
    planOrThrow(db, call.planId),
    q.listNominations(db, call.id, ['accepted']),
    q.listSeats(db, call.planId),
  ]);
  const people = await publicPeople(
    db,
    nominations.map((n) => n.nomineeId),
  );
  return presentCall(
    call,
    plan,
    today,
    nominations,
    people,
    seats.filter((s) => s.callId === call.id && s.filledBy !== 'appointed').map((s) => s.id),
  );
}

async function nominationJson(db: Db, n: Nomination) {
  return presentNomination(n, await publicPeople(db, [n.nomineeId]));
}

// ---- route helpers ----

const errors = errorResponses({ forbidden: 'Not allowed for this account (see docs/authorization.md and the call’s rules).' });
const seatRoutes = routeGroup(['forum roster'], errors);
const rulesRoutes = routeGroup(['forum rules'], errors);
const callRoutes = routeGroup(['calls for nominations'], errors);
const nominationRoutes = routeGroup(['nominations'], errors);

/** What the roster's use cases take from a request: the database, the clock, and the mailer with the site's address for links. */
export function rosterDeps(c: AppContext): service.RosterDeps {
  const services = c.get('services');
  return { db: services.db, now: services.now, mail: { mailer: services.mailer ?? fallbackMailer(), origin: siteOrigin(c) } };
}

export function rosterApi(api: OpenAPIHono<AppEnv>): void {
  const deps = rosterDeps;
  const today = (c: AppContext) => taipeiDay(c.get('services').now());
  const db = (c: AppContext) => c.get('services').db;

  // ---- seats ----
  api.openapi(
    seatRoutes.readById(
      { path: '/plans/{id}/seats', summary: 'The forum’s seats for a plan, past and present, each with its term’s state and whether it is vacant (出缺)' },
      jsonContent(itemsOf(seatOutput), 'Seats'),
    ),
    async (c) => {
      const plan = await planOrThrow(db(c), c.req.valid('param').id);
      const seats = await q.listSeats(db(c), plan.id);
      const people = await publicPeople(
        db(c),
        seats.flatMap((s) => (s.userId === null ? [] : [s.userId])),
      );
      return c.json({ items: presentSeats(seats, plan, today(c), people, await agencyMap(db(c))) }, 200);
    },
  );
  const seatJson = async (c: AppContext, seat: Seat) => {
    const plan = await planOrThrow(db(c), seat.planId);
    const people = await publicPeople(db(c), seat.userId === null ? [] : [seat.userId]);
    const all = await q.listSeats(db(c), seat.planId);
    return presentSeats(all, plan, today(c), people, await agencyMap(db(c))).find((s) => s.id === seat.id);
  };
  api.openapi(
    seatRoutes.addUnder({ path: '/plans/{id}/seats', summary: 'Record a seat of the forum (the secretariat)' }, seatInput, jsonContent(seatOutput, 'Created')),
    async (c) => {
      const seat = await service.createSeat(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json((await seatJson(c, seat)) as z.infer<typeof seatOutput>, 201);
    },
  );
  api.openapi(seatRoutes.update({ path: '/seats/{id}', summary: 'Change a seat (send the version you edited)' }, seatPatch, seatOutput), async (c) => {
    const seat = await service.updateSeat(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
    return c.json((await seatJson(c, seat)) as z.infer<typeof seatOutput>, 200);
  });
  api.openapi(seatRoutes.delete({ path: '/seats/{id}', summary: 'Delete a seat recorded by mistake (past seats stay as the record)' }), async (c) => {
    await service.deleteSeat(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });

  // ---- rules ----
  api.openapi(
    rulesRoutes.readById(
      { path: '/plans/{id}/forum-rules', summary: 'Every version of the forum’s rules (運作規範), newest first; the highest number is in force' },
      jsonContent(itemsOf(rulesOutput), 'Versions'),
    ),
    async (c) => {
      const plan = await planOrThrow(db(c), c.req.valid('param').id);
      const versions = await q.listRules(db(c), plan.id);
      return c.json({ items: versions.map((r) => presentRules(r, plan, versions[0]?.number)) }, 200);
    },
  );
  const rulesJson = async (c: AppContext, r: ForumRules) => presentRules(r, await planOrThrow(db(c), r.planId), (await q.latestRules(db(c), r.planId))?.number);
  api.openapi(
    rulesRoutes.addUnder(
      { path: '/plans/{id}/forum-rules', summary: 'Publish a new version of the forum’s rules (the secretariat and the co-conveners)' },
      rulesInput,
      jsonContent(rulesOutput, 'Published'),
    ),
    async (c) => {
      const rules = await service.publishRules(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await rulesJson(c, rules), 201);
    },
  );
  api.openapi(
    rulesRoutes.update(
      { path: '/forum-rules/{id}', summary: 'Correct a version of the rules (a substantive change is a new version)' },
      rulesPatch,
      rulesOutput,
    ),
    async (c) => {
      const rules = await service.correctRules(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await rulesJson(c, rules), 200);
    },
  );

  // ---- calls ----
  api.openapi(
    callRoutes.readById(
      { path: '/plans/{id}/calls', summary: 'Calls for nominations to the forum’s civil-society seats, the latest first' },
      jsonContent(itemsOf(callOutput), 'Calls'),
    ),
    async (c) => {
      const plan = await planOrThrow(db(c), c.req.valid('param').id);
      const calls = await q.listCalls(db(c), plan.id);
      return c.json({ items: await Promise.all(calls.map((call) => callJson(db(c), call, today(c)))) }, 200);
    },
  );
  const callOrThrow = async (c: AppContext, id: number) => {
    const call = await q.findCallById(db(c), id);
    if (!call) throw new NotFoundError();
    return call;
  };
  api.openapi(
    callRoutes.readById(
      { path: '/calls/{id}', summary: 'A call: its dates and rules, accepted nominations, and once published the counts, turnout and seats' },
      jsonContent(callOutput, 'The call'),
    ),
    async (c) => c.json(await callJson(db(c), await callOrThrow(c, c.req.valid('param').id), today(c)), 200),
  );
  api.openapi(
    callRoutes.addUnder({ path: '/plans/{id}/calls', summary: 'Open a call for nominations (the secretariat)' }, callInput, jsonContent(callOutput, 'Opened')),
    async (c) => {
      const call = await service.openCall(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await callJson(db(c), call, today(c)), 201);
    },
  );
  api.openapi(callRoutes.update({ path: '/calls/{id}', summary: 'Change a call before its result is published' }, callPatch, callOutput), async (c) => {
    const call = await service.updateCall(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await callJson(db(c), call, today(c)), 200);
  });
  api.openapi(
    createRoute({
      method: 'post',
      path: '/calls/{id}/nominations',
      tags: ['nominations'],
      summary: 'Nominate yourself or someone else (by their account’s e-mail address) with a statement, within the call’s dates',
      security: writeSecurity,
      request: { params: idParam, ...jsonBody(nominationInput) },
      responses: {
        202: jsonContent(nominationReceipt, 'Received. For someone else the answer is the same whether or not the address belongs to an account.'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: jsonContent(errors[409].content['application/json'].schema, 'You are already nominated in this call.'),
      },
    }),
    async (c) => {
      const receipt = await service.nominate(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      const lang = apiLang(c);
      return c.json(
        {
          message: t(lang, receipt.nomination ? 'roster.nominate.selfDone' : 'roster.nominate.sent'),
          nomination: receipt.nomination && (await nominationJson(db(c), receipt.nomination)),
        },
        202,
      );
    },
  );
  api.openapi(
    callRoutes.write(
      {
        method: 'post',
        path: '/calls/{id}/ballots',
        summary: 'Cast your secret ballot: up to as many nominees as the call has seats; once per person; never recorded with your name',
      },
      ballotInput,
      { 201: jsonContent(ballotReceipt, 'Counted') },
    ),
    async (c) => {
      await service.castBallot(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ message: t(apiLang(c), 'roster.ballot.done') }, 201);
    },
  );
  api.openapi(
    callRoutes.write(
      {
        method: 'post',
        path: '/calls/{id}/result',
        summary: 'Publish the result (the secretariat): counts, turnout and ties by the call’s rule, or the panel’s choices with reasons; creates the seats',
      },
      resultInput,
      { 200: jsonContent(callOutput, 'The call with its result') },
    ),
    async (c) => {
      const { call } = await service.publishResult(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await callJson(db(c), call, today(c)), 200);
    },
  );

  // ---- nominations ----
  api.openapi(
    createRoute({
      method: 'get',
      path: '/nominations',
      tags: ['nominations'],
      summary: 'Your nominations: received (to accept or decline) and those you made once their nominee accepted',
      security: writeSecurity,
      responses: { 200: jsonContent(itemsOf(nominationOutput), 'Your nominations'), 401: errors[401] },
    }),
    async (c) => {
      const actor = c.get('actor');
      if (!actor) throw new UnauthenticatedError();
      const mine = visibleToOwner(actor, await q.listNominationsOfPerson(db(c), actor.id));
      const people = await publicPeople(
        db(c),
        mine.map((n) => n.nomineeId),
      );
      return c.json({ items: mine.map((n) => presentNomination(n, people)) }, 200);
    },
  );
  const respond = (path: string, summary: string, run: (c: AppContext, id: number, version: number) => Promise<Nomination>) =>
    api.openapi(nominationRoutes.write({ method: 'post', path, summary }, versionOnly, { 200: jsonContent(nominationOutput, 'The nomination') }), async (c) => {
      const n = await run(c, c.req.valid('param').id, c.req.valid('json').version);
      return c.json(await nominationJson(db(c), n), 200);
    });
  respond('/nominations/{id}/accept', 'Accept your nomination (it becomes public), before voting opens', (c, id, version) =>
    service.respondToNomination(deps(c), c.get('actor'), id, true, version),
  );
  respond('/nominations/{id}/decline', 'Decline your nomination (it stays private)', (c, id, version) =>
    service.respondToNomination(deps(c), c.get('actor'), id, false, version),
  );
  respond('/nominations/{id}/withdraw', 'Withdraw an accepted nomination (its nominee or nominator), before voting opens', (c, id, version) =>
    service.withdrawNomination(deps(c), c.get('actor'), id, version),
  );
  api.openapi(
    nominationRoutes.write(
      { method: 'post', path: '/nominations/{id}/moderate', summary: 'Hide an abusive statement with a public reason, or show it again (moderators)' },
      moderationInput,
      { 200: jsonContent(nominationOutput, 'The nomination') },
    ),
    async (c) => {
      const n = await service.moderateNomination(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await nominationJson(db(c), n), 200);
    },
  );
}
