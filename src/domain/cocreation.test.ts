/** The co-creation rules: phases, the record's figures, and each minimum requirement met, not met or not yet by the clock. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addMonths,
  checkPhase,
  cocreationPeriod,
  cocreationRecord,
  forumMeetsEverySixMonths,
  minimumRequirements,
  noticeDays,
  ongoingDialogue,
  openOpportunities,
  publishedInAdvance,
  rulesPublished,
  timelineInAdvance,
  tooLongAfter,
  type ChecklistInput,
  type MeetingFacts,
  type Phase,
} from './cocreation.js';
import { REGIONS } from './people.js';

const text = { zh: '', en: '', status: 'missing' as const };
let nextId = 1;
const phase = (kind: Phase['kind'], startsOn: string, endsOn: string, publishedOn: string): Phase => ({
  id: nextId++,
  planId: 1,
  kind,
  startsOn,
  endsOn,
  publishedOn,
  description: text,
  isDemo: false,
  version: 1,
});
const meeting = (heldOn: string, kind: string, participations: number, extra: Partial<MeetingFacts> = {}): MeetingFacts => ({
  id: nextId++,
  heldOn,
  kind,
  participations,
  byGroup: {},
  region: null,
  openToPublic: false,
  workingGroupId: null,
  ...extra,
});

describe('dates and phases', () => {
  test('six calendar months, clamped to the month’s end', () => {
    assert.equal(addMonths('2020-12-31', 6), '2021-06-30');
    assert.equal(addMonths('2020-08-31', 6), '2021-02-28');
    assert.equal(addMonths('2021-01-15', 6), '2021-07-15');
    assert.equal(tooLongAfter('2020-12-31', '2021-06-30'), false, 'exactly six months is allowed');
    assert.equal(tooLongAfter('2020-12-31', '2021-07-01'), true);
  });

  test('published in advance: at least 14 days before the first day; later (even after it began) is late', () => {
    assert.equal(noticeDays({ startsOn: '2020-11-01', publishedOn: '2020-10-18' }), 14);
    assert.equal(publishedInAdvance({ startsOn: '2020-11-01', publishedOn: '2020-10-18' }), true);
    assert.equal(publishedInAdvance({ startsOn: '2020-11-01', publishedOn: '2020-10-19' }), false);
    assert.equal(noticeDays({ startsOn: '2020-11-01', publishedOn: '2020-11-05' }), -4);
    assert.equal(publishedInAdvance({ startsOn: '2020-11-01', publishedOn: '2020-11-05' }), false);
  });

  test('a phase ends on or after its first day; its publication is not after today', () => {
    assert.deepEqual(checkPhase({ startsOn: '2020-11-01', endsOn: '2020-11-01', publishedOn: '2020-11-05' }, '2020-12-01'), [], 'late is allowed');
    assert.deepEqual(
      checkPhase({ startsOn: '2020-11-01', endsOn: '2020-10-31', publishedOn: '2020-12-02' }, '2020-12-01').map((p) => `${p.field}:${p.key}`),
      ['endsOn:error.endBeforeStart', 'publishedOn:cocreation.error.publishedLater'],
    );
  });
});

describe('the record', () => {
  test('per phase, by group and region; a meeting counts in every phase containing its day; scheduled meetings do not count', () => {
    const prep = phase('proposals', '2019-07-01', '2020-07-31', '2019-06-01');
    const consult = phase('public-consultation', '2020-03-01', '2020-06-30', '2020-02-01');
    const groups = phase('working-groups', '2020-11-01', '2020-12-20', '2020-10-23');
    const meetings = [
      meeting('2019-09-10', 'workshop', 30, { byGroup: { government: 10, 'civil-society': 15, youth: 5 }, region: 'north', openToPublic: true }),
      meeting('2020-04-01', 'consultation', 8, { byGroup: { government: 5, 'civil-society': 3 }, region: 'north' }),
      meeting('2020-05-12', 'workshop', 20, { region: 'central' }),
      meeting('2020-11-02', 'working-group', 17, { byGroup: { government: 9, academia: 8 }, region: 'online' }),
      meeting('2020-09-01', 'other', 4),
      meeting('2099-01-01', 'plenary', 0),
    ];
    const record = cocreationRecord([groups, consult, prep], meetings, '2026-01-01', {
      groups: ['government', 'civil-society', 'academia', 'youth'],
      regions: REGIONS,
    });
    assert.deepEqual(record.total, { meetings: 5, participations: 79 });
    assert.deepEqual(
      record.phases.map((p) => [p.phaseId, p.total.meetings, p.total.participations]),
      [
        [prep.id, 3, 58],
        [consult.id, 2, 28],
        [groups.id, 1, 17],
      ],
      'in timeline order; the consultation’s meetings are also preparation’s',
    );
    assert.deepEqual(record.outsidePhases, { meetings: 1, participations: 4 });
    assert.deepEqual(
      record.byGroup.map((g) => [g.code, g.meetings, g.participations]),
      [
        ['government', 3, 24],
        ['civil-society', 2, 18],
        ['academia', 1, 8],
        ['youth', 1, 5],
      ],
    );
    assert.deepEqual(record.notBrokenDown, { meetings: 2, participations: 24 });
    assert.deepEqual(
      record.byRegion.map((r) => [r.region, r.meetings, r.participations]),
      [
        ['north', 2, 38],
        ['central', 1, 20],
        ['online', 1, 17],
        [null, 1, 4],
      ],
    );
  });
});

describe('the minimum requirements', () => {
  const plan = { periodStart: '2021-01-01', periodEnd: '2024-05-31' };
  const phases = [
    phase('forum-formed', '2020-08-03', '2020-10-19', '2020-07-17'),
    phase('working-groups', '2020-11-01', '2020-12-20', '2020-10-23'),
    phase('implementation', '2021-01-01', '2024-05-31', '2020-12-11'),
  ];
  const plenaries = ['2020-10-20', '2020-12-31', '2021-05-30', '2021-09-29', '2022-01-30', '2022-05-30'].map((d) => meeting(d, 'plenary', 30));
  const input = (over: Partial<ChecklistInput> = {}): ChecklistInput => ({
    today: '2022-06-15',
    plan,
    phases,
    meetings: plenaries,
    rules: { version: 1, effectiveOn: '2020-10-20', publishedOn: '2020-10-21' },
    workingGroups: [{ id: 1, open: true }],
    ...over,
  });

  test('(a) the forum met every six months: met, the dates and the longest gap as evidence', () => {
    const finding = forumMeetsEverySixMonths(input());
    assert.equal(finding.status, 'met');
    assert.deepEqual(finding.params, { count: 6, from: '2020-10-20', to: '2022-05-30', longest: 150 });
    assert.deepEqual(
      finding.evidence.map((e) => (e.kind === 'meeting' ? e.date : '')),
      plenaries.map((m) => m.heldOn),
    );
  });

  test('(a) a gap of more than six months between plenaries is not met; so is a silence since the last one', () => {
    const moved = [...plenaries.slice(0, 1), meeting('2020-10-25', 'plenary', 30), ...plenaries.slice(2)];
    const gap = forumMeetsEverySixMonths(input({ meetings: moved }));
    assert.deepEqual([gap.status, gap.reason, gap.params.from, gap.params.to], ['not-met', 'forum-gap', '2020-10-25', '2021-05-30']);
    const silent = forumMeetsEverySixMonths(input({ today: '2022-12-01' }));
    assert.deepEqual([silent.status, silent.reason, silent.params.since], ['not-met', 'forum-overdue', '2022-05-30']);
  });

  test('(a) not yet: before the forum has met, and after one meeting until six months pass — the clock decides', () => {
    const none = forumMeetsEverySixMonths(input({ today: '2020-09-01' }));
    assert.deepEqual([none.status, none.reason, none.params.since], ['not-yet', 'forum-not-yet-met', '2020-08-03']);
    assert.equal(forumMeetsEverySixMonths(input({ today: '2021-03-01', meetings: [] })).status, 'not-met', 'six months after the forum was formed');
    const once = forumMeetsEverySixMonths(input({ today: '2020-11-15' }));
    assert.deepEqual([once.status, once.reason], ['not-yet', 'forum-met-once']);
    assert.equal(forumMeetsEverySixMonths(input({ today: '2021-04-21', meetings: plenaries.slice(0, 1) })).status, 'not-met');
  });

  test('(b) the rules: met once published; not met once the forum has met without them; not yet before', () => {
    assert.equal(rulesPublished(input()).status, 'met');
    assert.deepEqual(rulesPublished(input()).evidence, [{ kind: 'rules', version: 1, date: '2020-10-21' }]);
    assert.equal(rulesPublished(input({ rules: undefined })).status, 'not-met');
    assert.equal(rulesPublished(input({ rules: undefined, today: '2020-10-01' })).status, 'not-yet');
    assert.equal(rulesPublished(input({ today: '2020-10-20' })).status, 'not-met', 'published the day after the first meeting, not yet on it');
  });

  test('(c) the timeline: one late phase is not met, with the phases as evidence; none before the plan starts is not yet', () => {
    const late = timelineInAdvance(input());
    assert.deepEqual([late.status, late.params.late, late.params.count], ['not-met', 1, 3]);
    assert.equal(late.evidence.length, 3);
    assert.equal(timelineInAdvance(input({ phases: [phases[0] as Phase, phases[2] as Phase] })).status, 'met');
    assert.equal(timelineInAdvance(input({ phases: [], today: '2020-06-01' })).status, 'not-yet');
    assert.equal(timelineInAdvance(input({ phases: [] })).status, 'not-met');
  });

  test('(d) open opportunities: an open group and an open meeting (or consultation) during co-creation', () => {
    assert.deepEqual(cocreationPeriod(input()), { from: '2020-08-03', until: '2021-01-01' });
    const openMeeting = meeting('2020-11-10', 'working-group', 15, { openToPublic: true });
    const met = openOpportunities(input({ meetings: [...plenaries, openMeeting] }));
    assert.deepEqual([met.status, met.params.groups, met.params.meetings], ['met', 1, 1]);
    assert.equal(openOpportunities(input()).status, 'not-met', 'no open meeting during co-creation');
    assert.equal(openOpportunities(input({ today: '2020-11-01' })).status, 'not-yet', 'co-creation still runs');
    assert.equal(openOpportunities(input({ meetings: [...plenaries, openMeeting], workingGroups: [{ id: 1, open: false }] })).status, 'not-met');
    const consultation = phase('public-consultation', '2020-09-01', '2020-09-30', '2020-08-01');
    assert.equal(openOpportunities(input({ phases: [...phases, consultation] })).status, 'met', 'a public consultation is a way in too');
    const afterwards = meeting('2021-03-01', 'workshop', 20, { openToPublic: true });
    assert.equal(openOpportunities(input({ meetings: [...plenaries, afterwards] })).status, 'not-met', 'an open meeting after co-creation does not count');
  });

  test('(e) ongoing dialogue: meetings of any kind during implementation, no pause of more than six months', () => {
    const met = ongoingDialogue(input());
    assert.deepEqual([met.status, met.params.meetings], ['met', 4]);
    assert.equal(ongoingDialogue(input({ today: '2020-12-01' })).status, 'not-yet', 'before implementation');
    assert.equal(ongoingDialogue(input({ today: '2021-03-01', meetings: [] })).status, 'not-yet', 'within its first six months');
    const late = ongoingDialogue(input({ today: '2021-08-01', meetings: [] }));
    assert.deepEqual([late.status, late.reason, late.params.from], ['not-met', 'dialogue-gap', '2021-01-01']);
    const groupMeeting = meeting('2022-10-01', 'working-group', 12);
    assert.equal(ongoingDialogue(input({ today: '2022-12-20', meetings: [...plenaries, groupMeeting] })).status, 'met', 'a working group counts');
  });

  test('all five, in order', () => {
    assert.deepEqual(
      minimumRequirements(input()).map((f) => [f.requirement, f.status]),
      [
        ['forum-meets', 'met'],
        ['rules-published', 'met'],
        ['timeline-in-advance', 'not-met'],
        ['open-opportunities', 'not-met'],
        ['ongoing-dialogue', 'met'],
      ],
    );
  });
});
