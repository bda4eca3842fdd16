/** The roster's rules without I/O: seats on a day (vacant, past), a call's phases and checks, who may vote, counting and ties. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyLocalized } from '../../domain/localized.js';
import {
  callPhase,
  candidaciesOpen,
  checkCall,
  checkSeat,
  electionOutcome,
  isCivilSocietyParticipant,
  nominationDateProblem,
  resultDue,
  rosterView,
  seatGrant,
  votingOpen,
  type CallValues,
  type NominationCall,
  type Seat,
} from './roster.model.js';

const seat = (id: number, over: Partial<Seat> = {}): Seat => ({
  id,
  planId: 1,
  sector: 'civil-society',
  role: 'member',
  startsOn: '2022-08-01',
  endsOn: '2024-07-31',
  userId: null,
  holderName: { zh: `委員${id}`, en: `Member ${id}`, status: 'reviewed' },
  agencyId: null,
  filledBy: 'appointed',
  callId: null,
  nominationId: null,
  replacesSeatId: null,
  isDemo: false,
  version: 1,
  ...over,
});

describe('the roster on a day', () => {
  test('a held seat in its term is current; nobody holding it, it is vacant', () => {
    const view = rosterView([seat(1), seat(2, { holderName: emptyLocalized() })], '2023-01-01');
    assert.deepEqual(
      view.current.map((r) => [r.seat.id, r.vacant, r.state]),
      [
        [1, false, 'current'],
        [2, true, 'current'],
      ],
    );
    assert.deepEqual(view.past, []);
  });

  test('a seat whose term ended is a past member, and a vacancy unless another seat continues it', () => {
    const view = rosterView([seat(1), seat(2), seat(3, { startsOn: '2024-08-01', endsOn: '2026-07-31', replacesSeatId: 1 })], '2025-01-01');
    assert.deepEqual(
      view.current.map((r) => [r.seat.id, r.vacant]),
      [
        [2, true],
        [3, false],
      ],
    );
    assert.deepEqual(
      view.past.map((s) => s.id),
      [1, 2],
    );
  });

  test('a seat held by office has no end; an upcoming seat is listed as upcoming', () => {
    const view = rosterView(
      [seat(1, { endsOn: null, sector: 'government', agencyId: 4 }), seat(2, { startsOn: '2030-01-01', endsOn: '2031-12-31' })],
      '2029-05-05',
    );
    assert.deepEqual(
      view.current.map((r) => [r.seat.id, r.state, r.vacant]),
      [
        [1, 'current', false],
        [2, 'upcoming', false],
      ],
    );
  });

  test('conveners and co-conveners are granted co-convener on the plan, members forum-member', () => {
    assert.deepEqual(seatGrant({ role: 'convener', planId: 7 }), { role: 'co-convener', scope: 'plan', scopeId: 7 });
    assert.deepEqual(seatGrant({ role: 'member', planId: 7 }), { role: 'forum-member', scope: 'plan', scopeId: 7 });
  });

  test('seat checks: the term, a government seat’s agency, a chosen seat’s call', () => {
    const fields = (s: Seat) => checkSeat(s).map((p) => p.field);
    assert.deepEqual(fields(seat(1, { endsOn: '2022-07-31' })), ['endsOn']);
    assert.deepEqual(fields(seat(1, { sector: 'government' })), ['agencyId']);
    assert.deepEqual(fields(seat(1, { agencyId: 3 })), ['agencyId']);
    assert.deepEqual(fields(seat(1, { filledBy: 'elected' })), ['callId']);
    assert.deepEqual(fields(seat(1, { callId: 2 })), ['callId']);
  });
});

const callValues = (over: Partial<CallValues> = {}): CallValues => ({
  planId: 1,
  title: { zh: '徵求', en: 'Call', status: 'reviewed' },
  seats: 2,
  eligibility: { zh: '資格', en: 'Eligibility', status: 'reviewed' },
  nominationsOpenOn: '2026-01-01',
  nominationsCloseOn: '2026-01-31',
  termStartsOn: '2026-03-01',
  termEndsOn: '2028-02-28',
  method: 'election',
  votingOpensOn: '2026-02-01',
  votingClosesOn: '2026-02-10',
  tieRule: 'lot',
  panel: emptyLocalized(),
  ...over,
});
const call = (over: Partial<NominationCall> = {}): NominationCall => ({
  ...callValues(),
  id: 1,
  ballotsCast: 0,
  resultPublishedAt: null,
  eligibleVoters: null,
  tieBreak: null,
  resultNote: null,
  isDemo: false,
  version: 1,
  ...over,
});

describe('a call for nominations', () => {
  test('its dates follow one another; an election states its voting and tie rule, a panel its members', () => {
    assert.deepEqual(checkCall(callValues()), []);
    const fields = (c: CallValues) => checkCall(c).map((p) => p.field);
    assert.deepEqual(fields(callValues({ nominationsCloseOn: '2025-12-31' })), ['nominationsCloseOn']);
    assert.deepEqual(fields(callValues({ votingOpensOn: '2026-01-31' })), ['votingOpensOn']);
    assert.deepEqual(fields(callValues({ termStartsOn: '2026-02-10' })), ['termStartsOn']);
    assert.deepEqual(fields(callValues({ termEndsOn: '2026-02-28' })), ['termEndsOn']);
    assert.deepEqual(fields(callValues({ tieRule: null })), ['tieRule']);
    assert.deepEqual(fields(callValues({ method: 'panel', votingOpensOn: null, votingClosesOn: null, tieRule: null })), ['panel']);
  });

  test('phases, and what each allows, by day', () => {
    const c = call();
    const phases = ['2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01', '2026-02-10', '2026-02-11'].map((d) => callPhase(c, d));
    assert.deepEqual(phases, ['upcoming', 'nominating', 'nominating', 'voting', 'voting', 'counting']);
    assert.equal(callPhase(call({ votingOpensOn: '2026-02-05' }), '2026-02-02'), 'awaiting-vote');
    assert.equal(callPhase(call({ method: 'panel' }), '2026-02-02'), 'selecting');
    assert.equal(callPhase(call({ resultPublishedAt: new Date() }), '2026-02-02'), 'published');
    assert.equal(nominationDateProblem(c, '2025-12-31')?.field, 'nominationsOpenOn');
    assert.equal(nominationDateProblem(c, '2026-02-01')?.field, 'nominationsCloseOn');
    assert.equal(nominationDateProblem(c, '2026-01-15'), undefined);
    assert.equal(candidaciesOpen(c, '2026-01-31'), true);
    assert.equal(candidaciesOpen(c, '2026-02-01'), false);
    assert.equal(votingOpen(c, '2026-01-31'), false);
    assert.equal(votingOpen(c, '2026-02-10'), true);
    assert.equal(resultDue(c, '2026-02-10'), false);
    assert.equal(resultDue(c, '2026-02-11'), true);
  });

  test('the electorate: confirmed participant accounts, not deleted, not government', () => {
    const a = { id: 1, role: 'public', emailConfirmed: true, deleted: false, stakeholderGroup: 'civil-society', registeredAt: new Date() };
    assert.equal(isCivilSocietyParticipant(a), true);
    assert.equal(isCivilSocietyParticipant({ ...a, stakeholderGroup: null }), true);
    assert.equal(isCivilSocietyParticipant({ ...a, stakeholderGroup: 'government' }), false);
    assert.equal(isCivilSocietyParticipant({ ...a, emailConfirmed: false }), false);
    assert.equal(isCivilSocietyParticipant({ ...a, deleted: true }), false);
    assert.equal(isCivilSocietyParticipant({ ...a, role: 'secretariat' }), false);
  });
});

describe('counting an election', () => {
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  const counts = [
    { nominationId: 1, votes: 9, registeredAt: at('2021-01-01') },
    { nominationId: 2, votes: 5, registeredAt: at('2021-03-01') },
    { nominationId: 3, votes: 5, registeredAt: at('2021-02-01') },
    { nominationId: 4, votes: 0, registeredAt: at('2020-01-01') },
  ];
  const elected = (r: ReturnType<typeof electionOutcome>) => ('outcome' in r ? r.outcome.ranking.filter((x) => x.elected).map((x) => x.nominationId) : r);

  test('most votes take the seats; no tie, no rule needed', () => {
    const result = electionOutcome(counts, 3, 'lot', undefined);
    assert.deepEqual(elected(result), [1, 2, 3]);
    assert.ok('outcome' in result && result.outcome.tieBreak === null);
  });

  test('a nominee needs a vote: seats stay empty rather than go to nobody’s choice', () => {
    assert.deepEqual(elected(electionOutcome(counts, 4, 'lot', undefined)), [1, 2, 3]);
  });

  test('a tie at the last seat: the earlier registration wins under that rule', () => {
    const result = electionOutcome(counts, 2, 'older-registration', undefined);
    assert.deepEqual(elected(result), [1, 3]);
    assert.ok('outcome' in result);
    assert.deepEqual(result.outcome.tieBreak, { rule: 'older-registration', tied: [2, 3], chosen: [3] });
  });

  test('a tie under the lot rule needs the draw, and only among the tied', () => {
    assert.deepEqual(electionOutcome(counts, 2, 'lot', undefined), { drawNeeded: { tied: [2, 3], seats: 1 } });
    assert.deepEqual(electionOutcome(counts, 2, 'lot', [1]), { drawNeeded: { tied: [2, 3], seats: 1 } });
    assert.deepEqual(electionOutcome(counts, 2, 'lot', [2, 3]), { drawNeeded: { tied: [2, 3], seats: 1 } });
    assert.deepEqual(elected(electionOutcome(counts, 2, 'lot', [2])), [1, 2]);
  });
});
