import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  carriedOverResolutions,
  checkDecision,
  checkMeeting,
  checkMeetingDateMove,
  checkResolution,
  civilSocietyShare,
  compareMeetings,
  groupAttendanceTotal,
  isOverdue,
  takesUpResolutions,
  latestDecision,
  nextResolutionNumber,
  resolutionStatusAfter,
  withoutEmptyGroups,
  type ResolutionDecision,
} from './forum.js';

const text = (zh: string, en = '') => ({ zh, en, status: 'draft' as const });

// Ids deliberately out of date order: meeting 4 was entered last but held second.
const m1 = { id: 1, heldOn: '2021-05-01' };
const m2 = { id: 4, heldOn: '2021-09-01' };
const m3 = { id: 2, heldOn: '2022-01-10' };
const m4 = { id: 3, heldOn: '2022-05-10' };
const meetings = [m1, m2, m3, m4];

const r = (id: number, meetingId: number) => ({ id, meetingId });
const d = (resolutionId: number, meetingId: number, status: ResolutionDecision['status']) => ({ resolutionId, meetingId, status });

describe('meeting order', () => {
  test('by date, then id on the same day', () => {
    assert.ok(compareMeetings(m1, m2) < 0);
    assert.ok(compareMeetings(m3, m2) > 0);
    assert.ok(compareMeetings({ id: 9, heldOn: '2021-05-01' }, m1) > 0);
    assert.deepEqual(
      [m4, m2, m3, m1].sort(compareMeetings).map((m) => m.id),
      [1, 4, 2, 3],
    );
  });
});

describe('carried-over resolutions', () => {
  test('a resolution shows at later meetings while open, at the closing meeting too, not after', () => {
    const resolutions = [r(10, m1.id)];
    const decisions = [d(10, m2.id, 'keep-tracking'), d(10, m3.id, 'closed')];
    assert.deepEqual(carriedOverResolutions(resolutions, decisions, meetings, m1), [], 'not at the meeting that made it');
    assert.deepEqual(
      carriedOverResolutions(resolutions, decisions, meetings, m2).map((x) => x.id),
      [10],
    );
    assert.deepEqual(
      carriedOverResolutions(resolutions, decisions, meetings, m3).map((x) => x.id),
      [10],
      'closed at m3: still on its agenda',
    );
    assert.deepEqual(carriedOverResolutions(resolutions, decisions, meetings, m4), [], 'closed before m4');
  });

  test('a closed resolution reopened later is carried again', () => {
    const decisions = [d(10, m2.id, 'closed'), d(10, m3.id, 'keep-tracking')];
    assert.deepEqual(carriedOverResolutions([r(10, m1.id)], decisions, meetings, m3), []);
    assert.deepEqual(
      carriedOverResolutions([r(10, m1.id)], decisions, meetings, m4).map((x) => x.id),
      [10],
    );
  });

  test('order: by the meeting that made them, then id; other resolutions untouched', () => {
    const resolutions = [r(30, m3.id), r(21, m2.id), r(20, m2.id), r(11, m1.id)];
    const carried = carriedOverResolutions(resolutions, [d(11, m3.id, 'closed')], meetings, m4);
    assert.deepEqual(
      carried.map((x) => x.id),
      [20, 21, 30],
    );
  });

  test('decision order follows meeting dates, not ids', () => {
    // m3 (id 2) was held after m2 (id 4): its "keep tracking" overrides m2's "closed".
    const decisions = [d(10, m3.id, 'keep-tracking'), d(10, m2.id, 'closed')];
    assert.equal(latestDecision(decisions, meetings)?.meetingId, m3.id);
    assert.equal(resolutionStatusAfter(decisions, meetings), 'keep-tracking');
    assert.equal(resolutionStatusAfter([], meetings), 'keep-tracking');
    assert.equal(resolutionStatusAfter([d(10, m4.id, 'closed'), d(10, m3.id, 'keep-tracking')], meetings), 'closed');
  });
});

describe('attendance and numbers', () => {
  test('civil-society share', () => {
    assert.equal(civilSocietyShare({ government: 15, civilSociety: 10, other: 0 }), 0.4);
    assert.equal(civilSocietyShare({ government: 0, civilSociety: 0, other: 0 }), null);
  });

  test('resolution numbers: meeting date and order, unique across meetings of one day', () => {
    assert.equal(nextResolutionNumber({ heldOn: '2021-05-12' }, []), '20210512-1');
    assert.equal(
      nextResolutionNumber({ heldOn: '2021-05-12' }, [{ number: '20210512-1' }, { number: '20210512-7' }, { number: '20210901-9' }, { number: 'A-3' }]),
      '20210512-8',
    );
  });

  test('only plenaries take up open resolutions', () => {
    assert.equal(takesUpResolutions({ kind: 'plenary' }), true);
    assert.equal(takesUpResolutions({ kind: 'working-group' }), false);
    assert.equal(takesUpResolutions({ kind: 'other' }), false);
  });

  test('overdue only while open and past due', () => {
    assert.equal(isOverdue({ dueOn: '2021-06-30' }, true, '2021-09-01'), true);
    assert.equal(isOverdue({ dueOn: '2021-06-30' }, false, '2021-09-01'), false);
    assert.equal(isOverdue({ dueOn: '2021-09-01' }, true, '2021-09-01'), false);
    assert.equal(isOverdue({ dueOn: null }, true, '2099-01-01'), false);
  });
});

describe('checks', () => {
  test('meeting: title required, attendance whole numbers ≥ 0', () => {
    const ok = { title: text('第3次會議'), kind: 'plenary' as const, attendance: { government: 15, civilSociety: 10, other: 3 } };
    assert.deepEqual(checkMeeting(ok), []);
    const problems = checkMeeting({ title: text(' '), kind: 'plenary', attendance: { government: -1, civilSociety: 1.5, other: 0 } });
    assert.deepEqual(
      problems.map((p) => `${p.field}:${p.key}`),
      ['title:error.required', 'attendance.government:error.attendance', 'attendance.civilSociety:error.attendance'],
    );
  });

  test('meeting: attendance by stakeholder group is optional, but once given it adds up to the sector total', () => {
    const base = { title: text('工作坊'), kind: 'workshop' as const, attendance: { government: 5, civilSociety: 20, other: 2 } };
    assert.deepEqual(checkMeeting({ ...base, attendanceByGroup: {} }), [], 'not broken down');
    assert.deepEqual(checkMeeting({ ...base, attendanceByGroup: { government: 5, 'civil-society': 12, academia: 6, youth: 4 } }), []);
    const off = checkMeeting({ ...base, attendanceByGroup: { government: 5, 'civil-society': 12 } });
    assert.deepEqual(
      off.map((p) => [p.field, p.key, p.params]),
      [['attendanceByGroup', 'error.meetingGroupSum', { groups: 17, total: 27 }]],
    );
    assert.deepEqual(
      checkMeeting({ ...base, attendanceByGroup: { youth: -2 } }).map((p) => `${p.field}:${p.key}`),
      ['attendanceByGroup.youth:error.attendance'],
      'a negative count is named, not summed',
    );
    assert.equal(groupAttendanceTotal({ government: 5, youth: 4 }), 9);
    assert.deepEqual(withoutEmptyGroups({ government: 5, youth: 0 }), { government: 5 });
  });

  test('resolution: body required, due date not before its meeting', () => {
    const meeting = { heldOn: '2021-05-01' };
    assert.deepEqual(checkResolution({ body: text('請國發會…'), dueOn: '2021-05-01', number: '20210501-1' }, meeting), []);
    assert.deepEqual(checkResolution({ body: text('x'), dueOn: null, number: '20210501-1' }, meeting), []);
    assert.deepEqual(
      checkResolution({ body: text(''), dueOn: '2021-04-30', number: '<b>' }, meeting).map((p) => `${p.field}:${p.key}`),
      ['body:error.required', 'number:error.resolutionNumber', 'dueOn:error.dueBeforeMeeting'],
    );
  });

  test('decision: at the same or a later meeting', () => {
    assert.deepEqual(checkDecision(m2, m2), []);
    assert.deepEqual(checkDecision(m2, m3), []);
    assert.deepEqual(checkDecision(m2, m1), [{ field: 'meetingId', key: 'error.decisionBeforeResolution' }]);
  });

  test('moving a meeting keeps decisions after the resolutions they decide on', () => {
    // m2 made resolutions decided at m3; moving m2 after m3 breaks that.
    assert.deepEqual(checkMeetingDateMove({ id: m2.id, heldOn: '2021-10-01' }, [m3], []), []);
    assert.equal(checkMeetingDateMove({ id: m2.id, heldOn: '2022-02-01' }, [m3], [])[0]?.field, 'heldOn');
    // m3 decided on resolutions made at m2; moving m3 before m2 breaks that.
    assert.equal(checkMeetingDateMove({ id: m3.id, heldOn: '2021-08-01' }, [], [m2])[0]?.key, 'error.meetingDateConflict');
    assert.deepEqual(checkMeetingDateMove({ id: m3.id, heldOn: '2021-09-02' }, [], [m2]), []);
    assert.equal(checkMeetingDateMove({ id: m3.id, heldOn: '2021-09-01' }, [], [m2]).length, 1, 'same day but entered earlier counts as earlier');
  });
});
