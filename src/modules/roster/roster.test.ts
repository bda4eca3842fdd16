/**
 * The forum's roster through real HTTP against a real database: seats (terms, vacancies, past members, the roles
 * they grant), the rules' versions, and a call for nominations run end to end — nominations and acceptance, an
 * election with secret ballots, the published counts and turnout, seats with terms — plus who may do each step and
 * the messages bad input gets, in both languages.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { smtpMailer } from '../../web/mail.js';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { insertGrant } from '../accounts/index.js';
import { latestForumRules } from './index.js';
import { erasePersonalData } from './roster.service.js';

let ctx: TestContext;
let secretariat: Client;
let publicUser: Client;
let officer: Client;
let anonymous: Client;
const SLUG = 'tw-2021-2024';
const ROSTER = `/plans/${SLUG}/forum`;

type L = { zh: string; en: string; status: string };
type SeatJson = {
  id: number;
  version: number;
  sector: string;
  role: string;
  startsOn: string;
  endsOn: string | null;
  term: string;
  vacant: boolean;
  holder: { id: number; displayName: string | null } | null;
  holderName: L;
  agency: { code: string } | null;
  filledBy: string;
  callId: number | null;
};
type NominationJson = {
  id: number;
  version: number;
  status: string;
  nominee: { id: number; displayName: string | null };
  statement: L | null;
  hiddenReason: L | null;
  votes: number | null;
  selected: boolean;
  selfNominated: boolean;
};
type CallJson = {
  id: number;
  version: number;
  phase: string;
  nominations: NominationJson[];
  result: null | {
    ballotsCast: number | null;
    eligibleVoters: number | null;
    turnout: number | null;
    tieBreak: { rule: string; tied: number[]; chosen: number[] } | null;
    seatIds: number[];
  };
};
type ErrorBody = { error: string; fields?: Record<string, string> };

/** A day in Taipei, at four in the afternoon there. */
const setDay = (day: string) => {
  ctx.clock.now = new Date(`${day}T08:00:00Z`);
};

/** A participant who may vote and stand (the operator's accounts are confirmed); the client signed in as them. */
async function participant(name: string): Promise<{ id: number; client: Client; email: string; name: string }> {
  const email = `${name.toLowerCase()}@example.org`;
  const id = await addUser(ctx, email, 'public');
  return { id, client: await signedIn(ctx.app, email), email, name: email.split('@')[0] ?? name };
}

const zh = { 'accept-language': 'zh-TW' };
const seatsOf = async () => (await json<{ items: SeatJson[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/seats`))).items;
const callJson = async (id: number) => json<CallJson>(await ctx.app.request(`/api/v1/calls/${id}`));
const page = async (client: Client, path: string) => {
  const res = await client.get(path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.text();
};

/** The recipients of every message the app sent, through a real SMTP server in this process. */
const mailedTo: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on('end', () => {
      mailedTo.push(...session.envelope.rcptTo.map((r) => r.address));
      callback();
    });
  },
});
/** Mail goes out after the commit, without the answer waiting for it. */
async function mailFor(address: string): Promise<boolean> {
  for (let i = 0; i < 40 && !mailedTo.includes(address); i++) await sleep(50);
  return mailedTo.includes(address);
}

before(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  ctx = await setup({ mailer: smtpMailer(`smtp://127.0.0.1:${port}`, 'Cocreate <no-reply@example.org>') });
  setDay('2026-11-22');
  await addUser(ctx, 'sec@example.org', 'secretariat');
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  await addUser(ctx, 'pub@example.org', 'public');
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  officer = await signedIn(ctx.app, 'moi@example.org');
  publicUser = await signedIn(ctx.app, 'pub@example.org');
  anonymous = new Client(ctx.app);
  await anonymous.get('/login');
});
after(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const govSeat = (extra: Record<string, unknown> = {}) => ({
  sector: 'government',
  role: 'member',
  startsOn: '2026-01-01',
  holderName: { zh: '內政部政務次長', en: 'Political Deputy Minister of the Interior' },
  agencyId: ctx.agencies.get('MOI'),
  ...extra,
});

describe('seats', () => {
  test('the secretariat records seats; the public roster shows them by sector, in both languages, without e-mails', async () => {
    const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/seats`, govSeat());
    assert.equal(res.status, 201, await res.clone().text());
    const seat = await json<SeatJson>(res);
    assert.deepEqual([seat.sector, seat.term, seat.vacant, seat.agency?.code, seat.filledBy], ['government', 'current', false, 'MOI', 'appointed']);

    const holder = await participant('HolderOne');
    const linked = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/seats`, {
      sector: 'civil-society',
      role: 'member',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      holderEmail: holder.email,
    });
    assert.equal(linked.status, 201, await linked.clone().text());
    assert.equal((await json<SeatJson>(linked)).holder?.displayName, holder.name);

    const zhPage = await page(anonymous, ROSTER);
    const enPage = await page(anonymous, `/en${ROSTER}`);
    assert.match(zhPage, /推動小組成員/);
    assert.match(zhPage, /內政部政務次長/);
    assert.match(zhPage, /政府委員由各承諾事項主辦機關副首長擔任/);
    assert.match(enPage, /Political Deputy Minister of the Interior/);
    assert.match(enPage, /Government seats are held by the deputy heads/);
    assert.match(enPage, new RegExp(holder.name));
    for (const html of [zhPage, enPage, JSON.stringify(await seatsOf())]) assert.doesNotMatch(html, /@example\.org/);
  });

  test('a term that ends before it starts is refused on endsOn, in both languages, and nothing is written', async () => {
    const before = (await seatsOf()).length;
    const en = await json<ErrorBody>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/seats`, govSeat({ endsOn: '2025-12-31' })));
    const zhBody = await json<ErrorBody>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/seats`, govSeat({ endsOn: '2025-12-31' }), zh));
    assert.equal(en.fields?.endsOn, 'The end date is before the start date.');
    assert.equal(zhBody.fields?.endsOn, '結束日期早於開始日期。');
    assert.equal((await seatsOf()).length, before);

    // The form says it beside the field.
    await secretariat.get(`${ROSTER}/seats/new`);
    const form = await secretariat.postForm(`/en${ROSTER}/seats/new`, {
      sector: 'government',
      role: 'member',
      startsOn: '2026-01-01',
      endsOn: '2025-01-01',
      agencyId: String(ctx.agencies.get('MOI')),
    });
    assert.equal(form.status, 400);
    assert.match(await form.text(), /<p class="field-error" id="err-endsOn">The end date is before the start date.<\/p>/);
    const zhForm = await secretariat.postForm(`${ROSTER}/seats/new`, { sector: 'government', role: 'member', startsOn: '2026-01-01', endsOn: '2025-01-01' });
    const zhHtml = await zhForm.text();
    assert.match(zhHtml, /id="err-endsOn">結束日期早於開始日期。/);
    assert.match(zhHtml, /id="err-agencyId">政府席次須載明機關。/);
  });

  test('only the secretariat manages seats; a stale version is a conflict', async () => {
    for (const [client, status] of [
      [anonymous, 401],
      [publicUser, 403],
      [officer, 403],
    ] as const)
      assert.equal((await client.api('POST', `/api/v1/plans/${ctx.planId}/seats`, govSeat())).status, status);
    const seat = (await seatsOf())[0] as SeatJson;
    assert.equal((await officer.api('PATCH', `/api/v1/seats/${seat.id}`, { version: seat.version, endsOn: '2027-01-01' })).status, 403);
    const ok = await secretariat.api('PATCH', `/api/v1/seats/${seat.id}`, { version: seat.version, endsOn: '2027-01-01' });
    assert.equal(ok.status, 200);
    const stale = await secretariat.api('PATCH', `/api/v1/seats/${seat.id}`, { version: seat.version, endsOn: '2028-01-01' });
    assert.equal(stale.status, 409);
    const rows = await ctx.database.db.selectFrom('history').select(['action']).where('entity_type', '=', 'seat').where('entity_id', '=', seat.id).execute();
    assert.deepEqual(
      rows.map((r) => r.action),
      ['create', 'update'],
    );
  });

  test('a vacancy shows as such; a seat past its term is vacant until another continues it, and its holder is a past member', async () => {
    const vacantRes = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/seats`, {
      sector: 'other',
      role: 'member',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
    });
    const vacant = await json<SeatJson>(vacantRes);
    assert.equal(vacant.vacant, true);
    const ended = await json<SeatJson>(
      await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/seats`, {
        sector: 'other',
        role: 'member',
        startsOn: '2024-01-01',
        endsOn: '2025-12-31',
        holderName: { zh: '前任委員甲', en: 'Former Member A' },
      }),
    );
    assert.deepEqual([ended.term, ended.vacant], ['ended', true]);
    let html = await page(anonymous, `/en${ROSTER}`);
    assert.match(html, /vacant since the term ended on 2025-12-31/);
    assert.match(html, /<section aria-labelledby="s-past">.*Former Member A/s);
    // The secretariat records who continues it: no longer vacant, still a past member.
    const res = await secretariat.api('PATCH', `/api/v1/seats/${vacant.id}`, {
      version: vacant.version,
      replacesSeatId: ended.id,
      holderName: { zh: '委員乙', en: 'Member B' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const seats = await seatsOf();
    assert.equal(seats.find((s) => s.id === ended.id)?.vacant, false);
    html = await page(anonymous, `/en${ROSTER}`);
    assert.doesNotMatch(html, /vacant since the term ended on 2025-12-31/);
    assert.match(html, /Former Member A/);
    const zhHtml = await page(anonymous, ROSTER);
    assert.match(zhHtml, /歷屆委員/);
  });

  test('an account holding a seat gets the forum role for the term, re-granted when the seat changes', async () => {
    const convener = await participant('CoConvener');
    const created = await json<SeatJson>(
      await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/seats`, {
        sector: 'civil-society',
        role: 'co-convener',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        userId: convener.id,
      }),
    );
    const grants = await ctx.database.db.selectFrom('role_grants').selectAll().where('source', '=', `seat:${created.id}`).execute();
    assert.deepEqual(
      grants.map((g) => [g.user_id, g.role, g.scope, g.scope_id, g.starts_on, g.ends_on]),
      [[convener.id, 'co-convener', 'plan', ctx.planId, '2026-01-01', '2026-12-31']],
    );
    // The co-convener may publish the rules; a member may not.
    const rules = { effectiveOn: '2026-02-01', body: { zh: '運作規範草案。', en: 'Draft rules.' } };
    assert.equal((await convener.client.api('POST', `/api/v1/plans/${ctx.planId}/forum-rules`, rules)).status, 201);
    const member = await secretariat.api('PATCH', `/api/v1/seats/${created.id}`, { version: created.version, role: 'member' });
    assert.equal(member.status, 200);
    const regranted = await ctx.database.db.selectFrom('role_grants').select('role').where('source', '=', `seat:${created.id}`).execute();
    assert.deepEqual(
      regranted.map((g) => g.role),
      ['forum-member'],
    );
    assert.equal((await convener.client.api('POST', `/api/v1/plans/${ctx.planId}/forum-rules`, { ...rules, effectiveOn: '2026-03-01' })).status, 403);
    // Deleting the seat takes the role back.
    const current = (await seatsOf()).find((s) => s.id === created.id) as SeatJson;
    assert.equal(
      (await secretariat.request(`/api/v1/seats/${created.id}?version=${current.version}`, { method: 'DELETE', headers: { 'x-csrf-token': secretariat.csrf } }))
        .status,
      204,
    );
    assert.equal((await ctx.database.db.selectFrom('role_grants').select('id').where('source', '=', `seat:${created.id}`).execute()).length, 0);
  });
});

describe('the forum’s rules', () => {
  test('versions: the one in force and every old one at its own address; only editors and co-conveners publish', async () => {
    const before = (await json<{ items: { number: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/forum-rules`))).items.length;
    assert.equal(
      (await publicUser.api('POST', `/api/v1/plans/${ctx.planId}/forum-rules`, { effectiveOn: '2026-06-01', body: { zh: '甲', en: 'A' } })).status,
      403,
    );
    const v = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/forum-rules`, {
      effectiveOn: '2026-06-01',
      body: { zh: '第一條　推動小組守護程序。', en: 'Article 1. The forum guards the process.' },
      changeNote: { zh: '新增第一條。', en: 'Adds article 1.' },
    });
    assert.equal(v.status, 201, await v.clone().text());
    const latest = await json<{ number: number; current: boolean; id: number; version: number }>(v);
    assert.deepEqual([latest.number, latest.current], [before + 1, true]);
    const early = await json<ErrorBody>(
      await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/forum-rules`, { effectiveOn: '2026-05-01', body: { zh: '乙', en: 'B' } }),
    );
    assert.match(early.fields?.effectiveOn ?? '', /Must be on or after the date of version \d+ \(2026-06-01\)/);

    const rulesPage = await page(anonymous, `/en${ROSTER}/rules`);
    assert.match(rulesPage, /Article 1\. The forum guards the process\./);
    assert.match(rulesPage, /Adds article 1\./);
    const old = await page(anonymous, `${ROSTER}/rules/1`);
    assert.match(old, new RegExp(`此為第 1 版；現行為第 ${latest.number} 版。`));
    assert.equal((await anonymous.get(`${ROSTER}/rules/99`)).status, 404);
    const fromIndex = await latestForumRules(ctx.database.db, ctx.planId);
    assert.deepEqual([fromIndex?.version, fromIndex?.effectiveOn, fromIndex?.publishedAt instanceof Date], [latest.number, '2026-06-01', true]);
    const stale = await secretariat.api('PATCH', `/api/v1/forum-rules/${latest.id}`, { version: latest.version + 1, changeNote: { zh: '改', en: 'x' } });
    assert.equal(stale.status, 409);
  });
});

// ---------------------------------------------------------------- the acceptance: a call run end to end

const electionCall = (extra: Record<string, unknown> = {}) => ({
  title: { zh: '2026 年民間委員徵求', en: '2026 call for civil-society members' },
  seats: 2,
  eligibility: { zh: '關心開放政府的民間參與者。', en: 'Civil-society participants who care about open government.' },
  nominationsOpenOn: '2026-11-22',
  nominationsCloseOn: '2026-11-30',
  termStartsOn: '2027-01-01',
  termEndsOn: '2028-12-31',
  method: 'election',
  votingOpensOn: '2026-12-02',
  votingClosesOn: '2026-12-05',
  tieRule: 'older-registration',
  ...extra,
});

describe('a call for nominations, end to end', () => {
  let callId: number;
  const people: Record<string, Awaited<ReturnType<typeof participant>>> = {};
  const voters: Awaited<ReturnType<typeof participant>>[] = [];
  /** Every body a public channel answered during the run, to search for who voted for whom. */
  const seen: { where: string; body: string }[] = [];
  const look = async (path: string) => {
    const res = await anonymous.get(path);
    const body = await res.text();
    seen.push({ where: path, body });
    return { status: res.status, body };
  };

  before(async () => {
    setDay('2026-11-22');
    // Registered in this order: Alice before Carol (the older-registration rule decides their tie).
    for (const name of ['Alice', 'Bob', 'Carol', 'Dave', 'Erin']) people[name] = await participant(name);
    for (const name of ['VoterUno', 'VoterDos', 'VoterTres', 'VoterCuatro']) voters.push(await participant(name));
  });

  test('who may open a call: the secretariat, not the public, an officer or a visitor', async () => {
    for (const [client, status] of [
      [anonymous, 401],
      [publicUser, 403],
      [officer, 403],
    ] as const)
      assert.equal((await client.api('POST', `/api/v1/plans/${ctx.planId}/calls`, electionCall())).status, status);
    const bad = await json<ErrorBody>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/calls`, electionCall({ votingOpensOn: '2026-11-29' })));
    assert.equal(bad.fields?.votingOpensOn, 'Voting opens after nominations close.');
    const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/calls`, electionCall());
    assert.equal(res.status, 201, await res.clone().text());
    const call = await json<CallJson>(res);
    callId = call.id;
    assert.deepEqual([call.phase, call.nominations, call.result], ['nominating', [], null]);
    const { body } = await look(`/en${ROSTER}/calls/${callId}`);
    assert.match(body, /Who may vote: anyone signed in with a confirmed e-mail address/);
    assert.match(body, /the earlier registration/);
  });

  test('nominations: of oneself (public at once), of another by e-mail (public once accepted), the same answer for any address', async () => {
    const self = await people.Alice?.client.api('POST', `/api/v1/calls/${callId}/nominations`, {
      self: true,
      statement: { zh: '我長期關注資料開放。', en: 'I have long worked on open data.' },
    });
    assert.equal(self?.status, 202);
    const selfBody = await json<{ message: string; nomination: NominationJson | null }>(self);
    assert.equal(selfBody.nomination?.status, 'accepted');
    assert.equal((await self2Nomination('Alice')).status, 409, 'a second self-nomination');

    const sent = async (email: string) =>
      json<{ message: string; nomination: unknown }>(
        (await people.Bob?.client.api('POST', `/api/v1/calls/${callId}/nominations`, {
          nomineeEmail: email,
          statement: { zh: '她熟悉新住民議題。', en: 'She knows new immigrants’ issues.' },
        })) as Response,
      );
    const toCarol = await sent(people.Carol?.email ?? '');
    const toNobody = await sent('nobody-here@example.net');
    const toGovernment = await sent('sec@example.org');
    assert.deepEqual(toCarol, toNobody, 'an address with no account gets the same answer');
    assert.deepEqual(toCarol, toGovernment, 'an ineligible account gets the same answer');
    assert.equal(toCarol.nomination, null);
    assert.match(toCarol.message, /If the address belongs to an account, we sent the nomination to the nominee/);
    assert.ok(await mailFor(people.Carol?.email ?? ''), 'the nominee is told by e-mail');
    assert.ok(!mailedTo.includes('nobody-here@example.net') && !mailedTo.includes('sec@example.org'), 'nobody else is written to');

    // Not public, and Bob does not see it either, until Carol accepts.
    assert.deepEqual(
      (await callJson(callId)).nominations.map((n) => n.nominee.displayName),
      ['alice'],
    );
    assert.deepEqual((await json<{ items: unknown[] }>(await (people.Bob as { client: Client }).client.request('/api/v1/nominations'))).items, []);
    const mine = await json<{ items: NominationJson[] }>(await (people.Carol as { client: Client }).client.request('/api/v1/nominations'));
    assert.deepEqual(
      mine.items.map((n) => n.status),
      ['pending'],
    );
    const pending = mine.items[0] as NominationJson;
    // Only the nominee answers: to anyone else a pending nomination does not exist.
    assert.equal((await publicUser.api('POST', `/api/v1/nominations/${pending.id}/accept`, { version: pending.version })).status, 404);
    assert.equal((await people.Bob?.client.api('POST', `/api/v1/nominations/${pending.id}/accept`, { version: pending.version }))?.status, 404);
    const accepted = await people.Carol?.client.api('POST', `/api/v1/nominations/${pending.id}/accept`, { version: pending.version });
    assert.equal(accepted?.status, 200);
    // Public now, yet still only Carol answers it; a stale answer is a conflict that does not say who nominated her.
    assert.equal((await publicUser.api('POST', `/api/v1/nominations/${pending.id}/withdraw`, { version: pending.version })).status, 403);
    const stale = await people.Carol?.client.api('POST', `/api/v1/nominations/${pending.id}/withdraw`, { version: pending.version });
    assert.equal(stale?.status, 409);
    const conflict = await json<{ current: Record<string, unknown> }>(stale);
    assert.equal(conflict.current.status, 'accepted');
    assert.ok(!('nominatorId' in conflict.current));
    assert.deepEqual(
      (await callJson(callId)).nominations.map((n) => [n.nominee.displayName, n.selfNominated]),
      [
        ['alice', true],
        ['carol', false],
      ],
    );
    assert.equal((await json<{ items: unknown[] }>(await (people.Bob as { client: Client }).client.request('/api/v1/nominations'))).items.length, 1);

    // Dave is nominated by Bob and declines, through the page: it never becomes public.
    await people.Bob?.client.get(`${ROSTER}/calls/${callId}/nominate`);
    const form = await people.Bob?.client.postForm(`${ROSTER}/calls/${callId}/nominate`, {
      nomineeEmail: people.Dave?.email ?? '',
      'statement.zh': '他是工會幹部。',
      'statement.en': 'A union officer.',
    });
    assert.equal(form?.status, 303);
    assert.match(form?.headers.get('location') ?? '', /\?done=nominated$/);
    const dave = (await json<{ items: NominationJson[] }>(await (people.Dave as { client: Client }).client.request('/api/v1/nominations')))
      .items[0] as NominationJson;
    const myPage = await page(people.Dave?.client as Client, '/en/account/nominations');
    assert.match(myPage, /Waiting for the nominee’s answer/);
    const declined = await people.Dave?.client.postForm(`/en${ROSTER}/nominations/${dave.id}/decline`, { version: String(dave.version) });
    assert.equal(declined?.status, 303);
    // Erin nominates herself and withdraws before voting opens.
    const erin = await json<{ nomination: NominationJson }>(
      (await people.Erin?.client.api('POST', `/api/v1/calls/${callId}/nominations`, { self: true, statement: { zh: '自薦', en: 'Myself' } })) as Response,
    );
    assert.equal(
      (await people.Erin?.client.api('POST', `/api/v1/nominations/${erin.nomination.id}/withdraw`, { version: erin.nomination.version }))?.status,
      200,
    );
    assert.deepEqual(
      (await callJson(callId)).nominations.map((n) => n.nominee.displayName),
      ['alice', 'carol'],
    );
    const history = await ctx.database.db
      .selectFrom('history')
      .select(['action', 'entity_type'])
      .where('entity_type', 'in', ['nomination-call', 'nomination'])
      .orderBy('id')
      .execute();
    assert.ok(history.filter((h) => h.entity_type === 'nomination').length >= 6, 'nominations, acceptance, decline and withdrawal are in the history');
  });

  async function self2Nomination(name: string) {
    return (await people[name]?.client.api('POST', `/api/v1/calls/${callId}/nominations`, {
      self: true,
      statement: { zh: '再一次', en: 'Again' },
    })) as Response;
  }

  test('a nomination outside the call’s dates is refused on the date it missed, in both languages', async () => {
    const later = await json<CallJson>(
      await secretariat.api(
        'POST',
        `/api/v1/plans/${ctx.planId}/calls`,
        electionCall({ nominationsOpenOn: '2026-12-10', nominationsCloseOn: '2026-12-20', votingOpensOn: '2026-12-22', votingClosesOn: '2026-12-24' }),
      ),
    );
    let erin = (people.Erin as { client: Client }).client;
    const nominate = (headers: Record<string, string> = {}) =>
      erin.api('POST', `/api/v1/calls/${later.id}/nominations`, { self: true, statement: { zh: '自薦', en: 'Myself' } }, headers);
    const early = await json<ErrorBody>(await nominate());
    const earlyZh = await json<ErrorBody>(await nominate(zh));
    assert.equal(early.fields?.nominationsOpenOn, 'Nominations for this call open on 2026-12-10.');
    assert.equal(earlyZh.fields?.nominationsOpenOn, '本次徵求自 2026-12-10 起受理提名。');
    setDay('2026-12-21');
    erin = await signedIn(ctx.app, (people.Erin as { email: string }).email);
    const late = await json<ErrorBody>(await nominate());
    const lateZh = await json<ErrorBody>(await nominate(zh));
    assert.equal(late.fields?.nominationsCloseOn, 'Nominations for this call closed on 2026-12-20.');
    assert.equal(lateZh.fields?.nominationsCloseOn, '本次徵求已於 2026-12-20 截止提名。');
    // The form says it beside the call's closing date.
    await erin.get(`/en${ROSTER}/calls/${later.id}/nominate`);
    const form = await erin.postForm(`/en${ROSTER}/calls/${later.id}/nominate`, {
      self: 'on',
      'statement.zh': '自薦',
      'statement.en': 'Myself',
    });
    assert.equal(form.status, 400);
    assert.match(await form.text(), /id="err-nominationsCloseOn">Nominations for this call closed on 2026-12-20\./);
    setDay('2026-11-22');
    assert.equal((await callJson(later.id)).nominations.length, 0);
  });

  test('the election: secret ballots, one per person, up to the number of seats', async () => {
    const [uno, dos, tres, cuatro] = voters as [(typeof voters)[0], (typeof voters)[0], (typeof voters)[0], (typeof voters)[0]];
    const call = await callJson(callId);
    const [alice, carol] = call.nominations.map((n) => n.id) as [number, number];
    const vote = (client: Client, ids: number[], headers: Record<string, string> = {}) =>
      client.api('POST', `/api/v1/calls/${callId}/ballots`, { nominationIds: ids }, headers);

    // Before voting opens.
    const early = await json<ErrorBody>(await vote(uno.client, [alice]));
    assert.equal(early.fields?.nominationIds, 'Voting is open from 2026-12-02 to 2026-12-05.');
    setDay('2026-12-02');
    // Candidacies are frozen once voting opens.
    const erin = (await json<{ items: NominationJson[] }>(await (people.Erin as { client: Client }).client.request('/api/v1/nominations'))).items;
    assert.ok(erin.every((n) => n.status === 'withdrawn'));

    const historyBefore = await ctx.database.db
      .selectFrom('history')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    // Who may vote.
    assert.equal((await vote(anonymous, [alice])).status, 401);
    assert.equal((await vote(secretariat, [alice])).status, 403);
    assert.equal((await vote(officer, [alice])).status, 403);
    await ctx.database.db
      .updateTable('users')
      .set({ stakeholder_group: 'government' })
      .where('id', '=', (people.Dave as { id: number }).id)
      .execute();
    const government = await vote((people.Dave as { client: Client }).client, [alice]);
    assert.equal(government.status, 403);
    assert.match((await json<ErrorBody>(government)).error, /Only registered civil-society participants may vote/);
    // Bad ballots.
    assert.equal((await json<ErrorBody>(await vote(uno.client, [alice, carol, alice]))).fields?.nominationIds, 'A nominee is marked twice.');
    const declined = (await json<{ items: NominationJson[] }>(await (people.Dave as { client: Client }).client.request('/api/v1/nominations')))
      .items[0] as NominationJson;
    assert.equal((await json<ErrorBody>(await vote(uno.client, [declined.id]))).fields?.nominationIds, 'Choose among the call’s accepted nominations.');
    assert.equal((await vote(uno.client, [])).status, 400);

    // The ballots: Alice 3, Carol 3; Bob, who nominated Carol, votes too.
    const receipt = await vote(uno.client, [alice, carol]);
    assert.equal(receipt.status, 201);
    assert.deepEqual(Object.keys(await json(receipt)), ['message']);
    assert.equal((await vote(dos.client, [alice])).status, 201);
    // A second ballot by the same person is refused, with a clear message in both languages.
    const again = await vote(uno.client, [carol]);
    assert.equal(again.status, 409);
    assert.equal(
      (await json<ErrorBody>(again)).fields?.nominationIds,
      'You have already voted in this election: one ballot per person, and a ballot cannot be changed.',
    );
    assert.equal((await json<ErrorBody>(await vote(uno.client, [carol], zh))).fields?.nominationIds, '您已於本次選舉投票：每人一票，選票投出後無法更改。');
    // The ballot page: the form, then once voted a notice, never the choice.
    await tres.client.get(`/en${ROSTER}/calls/${callId}/ballot`);
    const form = await tres.client.postForm(`/en${ROSTER}/calls/${callId}/ballot`, { nominationIds: ['', String(carol)] });
    assert.equal(form.status, 303);
    const after = await (await tres.client.get(`/en${ROSTER}/calls/${callId}/ballot`)).text();
    assert.match(after, /You have voted in this election\./);
    assert.doesNotMatch(after, /carol/, 'not even the voter is shown whom they chose');
    assert.equal((await vote((people.Bob as { client: Client }).client, [carol])).status, 201);
    assert.equal((await vote(cuatro.client, [alice, carol, alice])).status, 400, 'still one mark per nominee');
    assert.equal((await vote(cuatro.client, [alice])).status, 201);

    // Ballots are not in the history; nothing stored links a voter to a choice.
    const historyAfter = await ctx.database.db
      .selectFrom('history')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(historyAfter.n, historyBefore.n);
    const columns = async (table: string) =>
      (
        await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = ${table} order by column_name`.execute(
          ctx.database.db,
        )
      ).rows.map((r) => r.column_name);
    assert.deepEqual(await columns('call_voters'), ['call_id', 'user_id']);
    assert.deepEqual(await columns('ballot_tallies'), ['call_id', 'nomination_id', 'votes']);

    // While voting runs, the public sees no count.
    const during = await callJson(callId);
    assert.equal(during.result, null);
    assert.ok(during.nominations.every((n) => n.votes === null));
    const duringPage = await look(`/en${ROSTER}/calls/${callId}`);
    assert.doesNotMatch(duringPage.body, /Votes|Turnout/);
  });

  test('who may publish, and when; then the counts, turnout, the tie by the stated rule, and seats with the call’s term', async () => {
    const early = await secretariat.api('POST', `/api/v1/calls/${callId}/result`, { version: (await callJson(callId)).version });
    assert.equal(early.status, 400);
    assert.equal((await json<ErrorBody>(early)).fields?.version, 'The result can be published after 2026-12-05.');
    setDay('2026-12-06');
    // Sessions last fourteen days: sign in again on the new day.
    secretariat = await signedIn(ctx.app, 'sec@example.org');
    publicUser = await signedIn(ctx.app, 'pub@example.org');
    officer = await signedIn(ctx.app, 'moi@example.org');
    const voter = await signedIn(ctx.app, voters[0]?.email ?? '');
    const version = (await callJson(callId)).version;
    for (const client of [publicUser, officer, voter]) assert.equal((await client.api('POST', `/api/v1/calls/${callId}/result`, { version })).status, 403);
    const res = await secretariat.api('POST', `/api/v1/calls/${callId}/result`, { version });
    assert.equal(res.status, 200, await res.clone().text());
    const call = await json<CallJson>(res);
    const eligible = await ctx.database.db
      .selectFrom('users')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('role', '=', 'public')
      .where('email_confirmed_at', 'is not', null)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('stakeholder_group', 'is', null), eb('stakeholder_group', '<>', 'government')]))
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      call.nominations.map((n) => [n.nominee.displayName, n.votes, n.selected]),
      [
        ['alice', 3, true],
        ['carol', 3, true],
      ],
    );
    assert.equal(call.result?.ballotsCast, 5);
    assert.equal(call.result?.eligibleVoters, eligible.n);
    assert.equal(call.result?.turnout, 5 / eligible.n);
    assert.equal(call.result?.seatIds.length, 2);
    assert.equal(call.phase, 'published');
    // Nobody is left on record as having voted.
    assert.equal((await ctx.database.db.selectFrom('call_voters').select('user_id').where('call_id', '=', callId).execute()).length, 0);

    const seats = (await seatsOf()).filter((s) => s.callId === callId);
    assert.deepEqual(
      seats.map((s) => [s.holder?.displayName, s.sector, s.role, s.startsOn, s.endsOn, s.filledBy, s.term]),
      [
        ['alice', 'civil-society', 'member', '2027-01-01', '2028-12-31', 'elected', 'upcoming'],
        ['carol', 'civil-society', 'member', '2027-01-01', '2028-12-31', 'elected', 'upcoming'],
      ],
    );
    const en = await look(`/en${ROSTER}/calls/${callId}`);
    assert.match(en.body, /5 ballots from \d+ eligible voters \(\d+\.\d%\)/);
    const zhPage = await look(`${ROSTER}/calls/${callId}`);
    assert.match(zhPage.body, /合格選舉人 \d+ 人，投票 5 人/);
    assert.match(zhPage.body, /得票數/);
    const history = await ctx.database.db
      .selectFrom('history')
      .select(['action', 'entity_type'])
      .where('entity_type', '=', 'nomination-call')
      .where('entity_id', '=', callId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      history.map((h) => h.action),
      ['create', 'decide'],
    );
  });

  test('no API response, page or history entry says who voted for whom', async () => {
    for (const path of [`/api/v1/calls/${callId}`, `/api/v1/plans/${ctx.planId}/calls`, `/api/v1/plans/${ctx.planId}/seats`])
      seen.push({ where: path, body: await (await ctx.app.request(path)).text() });
    for (const path of [ROSTER, `/en${ROSTER}`, `${ROSTER}/calls`, `/en${ROSTER}/calls/${callId}`]) await look(path);
    const rows = await ctx.database.db.selectFrom('history').select(['actor_id', 'actor_name', 'changes']).execute();
    seen.push({ where: 'history', body: JSON.stringify(rows) });
    // The voters are named nowhere (they did nothing public), and no history row is theirs.
    assert.ok(seen.length >= 10);
    for (const v of voters) {
      const own = await (await signedIn(ctx.app, v.email)).request('/api/v1/nominations');
      assert.deepEqual((await json<{ items: unknown[] }>(own)).items, [], 'a voter’s own account shows no ballot either');
      for (const { where, body } of seen) assert.ok(!body.includes(v.name), `${v.name} appears in ${where}`);
      assert.ok(!rows.some((r) => r.actor_id === v.id));
    }
    // Bob voted and nominated: his nomination is in the history, his ballot is not.
    const bob = (people.Bob as { id: number }).id;
    const bobRows = rows.filter((r) => r.actor_id === bob);
    assert.ok(bobRows.length > 0 && bobRows.every((r) => !JSON.stringify(r.changes).includes('ballot')));
  });

  test('a seat past its term shows as vacant', async () => {
    setDay('2029-01-02');
    const seats = (await seatsOf()).filter((s) => s.callId === callId);
    assert.ok(seats.every((s) => s.term === 'ended' && s.vacant));
    const html = await page(anonymous, `/en${ROSTER}`);
    assert.match(html, /vacant since the term ended on 2028-12-31/);
    const zhHtml = await page(anonymous, ROSTER);
    assert.match(zhHtml, /出缺/);
    assert.match(zhHtml, /<section aria-labelledby="s-past">.*alice/s);
    setDay('2026-12-06');
  });
});

describe('ties by lot, panels, moderation, and a deleted account', () => {
  test('a tie under the lot rule waits for the public draw, recorded with the result', async () => {
    setDay('2026-11-22');
    secretariat = await signedIn(ctx.app, 'sec@example.org');
    const call = await json<CallJson>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/calls`, electionCall({ seats: 1, tieRule: 'lot' })));
    const a = await participant('LotA');
    const b = await participant('LotB');
    const v = await participant('LotVoter');
    for (const p of [a, b]) await p.client.api('POST', `/api/v1/calls/${call.id}/nominations`, { self: true, statement: { zh: '自薦', en: 'Me' } });
    const [na, nb] = (await callJson(call.id)).nominations.map((n) => n.id) as [number, number];
    setDay('2026-12-02');
    const voterA = await signedIn(ctx.app, a.email);
    const voterV = await signedIn(ctx.app, v.email);
    assert.equal((await voterA.api('POST', `/api/v1/calls/${call.id}/ballots`, { nominationIds: [na] })).status, 201);
    assert.equal((await voterV.api('POST', `/api/v1/calls/${call.id}/ballots`, { nominationIds: [nb] })).status, 201);
    setDay('2026-12-06');
    secretariat = await signedIn(ctx.app, 'sec@example.org');
    const version = (await callJson(call.id)).version;
    const undrawn = await json<ErrorBody>(await secretariat.api('POST', `/api/v1/calls/${call.id}/result`, { version }));
    assert.equal(undrawn.fields?.drawn, 'lota、lotb are tied for 1 seat(s): draw the lot in public, then tick whom it chose.');
    const norecord = await json<ErrorBody>(await secretariat.api('POST', `/api/v1/calls/${call.id}/result`, { version, drawn: [nb] }));
    assert.equal(norecord.fields?.drawRecord, 'Record when, where and by whom the lot was drawn.');
    const done = await json<CallJson>(
      await secretariat.api('POST', `/api/v1/calls/${call.id}/result`, {
        version,
        drawn: [nb],
        drawRecord: { zh: '12 月 6 日公開抽籤。', en: 'Drawn in public on 6 December.' },
      }),
    );
    assert.deepEqual(done.result?.tieBreak, {
      rule: 'lot',
      tied: [na, nb],
      chosen: [nb],
      record: { zh: '12 月 6 日公開抽籤。', en: 'Drawn in public on 6 December.', status: 'draft' },
    });
    assert.deepEqual(
      done.nominations.map((n) => n.selected),
      [false, true],
    );
    const html = await page(anonymous, `/en${ROSTER}/calls/${call.id}`);
    assert.match(html, /Tied for the last seat\(s\): lota, lotb\. Chosen: lotb\. Drawn in public on 6 December\./);
  });

  test('a panel chooses with a published reason for each; seats are panel-selected', async () => {
    setDay('2026-11-22');
    secretariat = await signedIn(ctx.app, 'sec@example.org');
    const panelCall = {
      ...electionCall({ method: 'panel', panel: { zh: '學者三人（示範）', en: 'Three scholars (demo)' } }),
      votingOpensOn: null,
      votingClosesOn: null,
      tieRule: null,
    };
    const call = await json<CallJson>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/calls`, panelCall));
    const p = await participant('PanelPick');
    await p.client.api('POST', `/api/v1/calls/${call.id}/nominations`, { self: true, statement: { zh: '自薦', en: 'Me' } });
    const [n] = (await callJson(call.id)).nominations.map((x) => x.id) as [number];
    assert.equal((await p.client.api('POST', `/api/v1/calls/${call.id}/ballots`, { nominationIds: [n] })).status, 400, 'no vote in a panel call');
    setDay('2026-12-01');
    secretariat = await signedIn(ctx.app, 'sec@example.org');
    const version = (await callJson(call.id)).version;
    const noReason = await json<ErrorBody>(
      await secretariat.api('POST', `/api/v1/calls/${call.id}/result`, { version, choices: [{ nominationId: n, reason: {} }] }),
    );
    assert.equal(noReason.fields?.['choices.0.reason'], 'Give the panel’s reason.');
    const done = await json<CallJson>(
      await secretariat.api('POST', `/api/v1/calls/${call.id}/result`, {
        version,
        choices: [{ nominationId: n, reason: { zh: '熟悉地方參與。', en: 'Knows local participation.' } }],
      }),
    );
    assert.equal(done.result?.turnout, null);
    const seats = (await seatsOf()).filter((s) => s.callId === call.id);
    assert.deepEqual(
      seats.map((s) => s.filledBy),
      ['panel-selected'],
    );
    assert.match(await page(anonymous, `/en${ROSTER}/calls/${call.id}`), /Knows local participation\./);
  });

  test('moderators hide an abusive statement with a public reason; the secretariat and the public may not', async () => {
    setDay('2026-11-22');
    secretariat = await signedIn(ctx.app, 'sec@example.org');
    const call = await json<CallJson>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/calls`, electionCall()));
    const p = await participant('Rude');
    await p.client.api('POST', `/api/v1/calls/${call.id}/nominations`, { self: true, statement: { zh: '粗話連篇', en: 'AbusiveWords' } });
    const n = (await callJson(call.id)).nominations[0] as NominationJson;
    const modId = await addUser(ctx, 'mod@example.org', 'public');
    await insertGrant(ctx.database.db, modId, { role: 'moderator', scope: 'plan', scopeId: ctx.planId }, 'test');
    const moderator = await signedIn(ctx.app, 'mod@example.org');
    const body = { version: n.version, hidden: true, reason: { zh: '違反發言規範：人身攻擊。', en: 'Breaks the rules of conduct: a personal attack.' } };
    assert.equal((await secretariat.api('POST', `/api/v1/nominations/${n.id}/moderate`, body)).status, 403);
    assert.equal((await publicUser.api('POST', `/api/v1/nominations/${n.id}/moderate`, body)).status, 403);
    const missing = await json<ErrorBody>(await moderator.api('POST', `/api/v1/nominations/${n.id}/moderate`, { ...body, reason: {} }));
    assert.equal(missing.fields?.reason, 'This field is required.');
    assert.equal((await moderator.api('POST', `/api/v1/nominations/${n.id}/moderate`, body)).status, 200);
    const shown = (await callJson(call.id)).nominations[0] as NominationJson;
    assert.deepEqual([shown.statement, shown.hiddenReason?.en], [null, 'Breaks the rules of conduct: a personal attack.']);
    const html = await page(anonymous, `/en${ROSTER}/calls/${call.id}`);
    assert.doesNotMatch(html, /AbusiveWords/);
    assert.match(html, /Statement hidden by a moderator: Breaks the rules of conduct: a personal attack\./);
  });

  test('a deleted account: candidacies it never accepted go, accepted ones stay as a former participant’s', async () => {
    setDay('2026-11-22');
    const call = await json<CallJson>(await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/calls`, electionCall()));
    const leaving = await participant('Leaving');
    const other = await participant('OtherOne');
    await leaving.client.api('POST', `/api/v1/calls/${call.id}/nominations`, { self: true, statement: { zh: '自薦', en: 'Me' } });
    await leaving.client.api('POST', `/api/v1/calls/${call.id}/nominations`, { nomineeEmail: other.email, statement: { zh: '推薦', en: 'Her' } });
    await ctx.database.db.transaction().execute(async (trx) => {
      await erasePersonalData(trx, leaving.id);
      await erasePersonalData(trx, other.id);
    });
    const rows = await ctx.database.db.selectFrom('nominations').select(['nominee_id', 'nominator_id', 'status']).where('call_id', '=', call.id).execute();
    assert.deepEqual(
      rows.map((r) => [r.nominee_id, r.nominator_id, r.status]),
      [[leaving.id, null, 'accepted']],
    );
  });
});
