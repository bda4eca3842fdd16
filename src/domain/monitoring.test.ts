/** Unit tests of the monitoring rules: cycles, report checks, roll-ups, timeliness, evidence types. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
// In the order the tests below first use them.
import {
  generateCycles,
  addDays,
  checkCycleDates,
  currentCycle,
  taipeiDay,
  activeInCycle,
  checkMilestoneProgress,
  type MilestoneProgress,
  commitmentPercent,
  commitmentHealth,
  averagePercent,
  countHealth,
  reportTiming,
  evidenceMediaType,
  checkEvidenceFile,
  EVIDENCE_MAX_BYTES,
} from './monitoring.js';

const reason = (zh = '', en = '') => ({ zh, en, status: 'draft' as const });

describe('review cycles', () => {
  test('Taiwan’s 2021-01..2024-05 plan in fours: ten cycles, the five-month remainder joined to the last', () => {
    const cycles = generateCycles('2021-01-01', '2024-05-31');
    assert.equal(cycles.length, 10);
    assert.deepEqual(cycles[0], { number: 1, startsOn: '2021-01-01', endsOn: '2021-04-30', reportDue: '2021-05-14', reviewOn: '2021-05-30' });
    assert.deepEqual([cycles[1]?.startsOn, cycles[1]?.endsOn], ['2021-05-01', '2021-08-31']);
    assert.deepEqual([cycles[9]?.startsOn, cycles[9]?.endsOn, cycles[9]?.reportDue], ['2024-01-01', '2024-05-31', '2024-06-14']);
    for (let i = 1; i < cycles.length; i++) assert.equal(cycles[i]?.startsOn, addDays(cycles[i - 1]?.endsOn ?? '', 1), 'no gaps');
  });

  test('a remainder of half an interval or more stays a cycle of its own', () => {
    const cycles = generateCycles('2021-01-01', '2021-06-30');
    assert.deepEqual(
      cycles.map((c) => [c.startsOn, c.endsOn]),
      [
        ['2021-01-01', '2021-04-30'],
        ['2021-05-01', '2021-06-30'],
      ],
    );
  });

  test('other intervals and offsets; nothing for an empty or reversed period', () => {
    const yearly = generateCycles('2021-03-15', '2024-12-31', { intervalMonths: 12, dueAfterDays: 30, reviewAfterDays: 60 });
    assert.deepEqual(
      yearly.map((c) => c.startsOn),
      ['2021-03-15', '2022-03-01', '2023-03-01', '2024-03-01'],
    );
    assert.equal(yearly[0]?.endsOn, '2022-02-28');
    assert.equal(yearly[0]?.reportDue, '2022-03-30');
    assert.deepEqual(generateCycles('2024-01-01', '2023-01-01'), []);
    assert.deepEqual(generateCycles('2024-01-01', '2024-12-31', { intervalMonths: 0, dueAfterDays: 1, reviewAfterDays: 1 }), []);
  });

  test('cycle date checks', () => {
    assert.deepEqual(checkCycleDates({ startsOn: '2021-01-01', endsOn: '2021-04-30', reportDue: '2021-05-14', reviewOn: null }), []);
    const problems = checkCycleDates({ startsOn: '2021-05-01', endsOn: '2021-04-30', reportDue: '2021-04-01', reviewOn: '2021-01-01' });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['endsOn', 'reportDue', 'reviewOn'],
    );
  });

  test('the current cycle: the one being reported on, else the last begun, else the first', () => {
    const cycles = generateCycles('2021-01-01', '2024-05-31');
    assert.equal(currentCycle(cycles, '2021-05-10')?.number, 1, 'between a cycle’s end and its deadline, that cycle');
    assert.equal(currentCycle(cycles, '2021-05-20')?.number, 2);
    assert.equal(currentCycle(cycles, '2026-11-22')?.number, 10);
    assert.equal(currentCycle(cycles, '2020-01-01')?.number, 1);
    assert.equal(currentCycle([], '2021-01-01'), undefined);
  });

  test('Taipei calendar days and cycle overlap', () => {
    assert.equal(taipeiDay(new Date('2021-05-14T15:59:59Z')), '2021-05-14');
    assert.equal(taipeiDay(new Date('2021-05-14T16:00:00Z')), '2021-05-15');
    const cycle = { startsOn: '2021-05-01', endsOn: '2021-08-31' };
    assert.equal(activeInCycle({ startDate: '2021-08-31', endDate: '2022-01-01' }, cycle), true);
    assert.equal(activeInCycle({ startDate: '2021-01-01', endDate: '2021-04-30' }, cycle), false);
  });
});

describe('milestone entries of a report', () => {
  const entry = (status: MilestoneProgress['status'], percent: number, r = reason()): MilestoneProgress => ({ milestoneId: 1, status, percent, reason: r });

  test('delayed and withdrawn need a reason in either language; blanks do not count', () => {
    assert.deepEqual(
      checkMilestoneProgress([entry('delayed', 40)], [1]).map((p) => [p.field, p.key]),
      [['milestones.0.reason', 'error.reasonRequired']],
    );
    assert.equal(checkMilestoneProgress([entry('withdrawn', 0, reason('  ', ' '))], [1]).length, 1);
    assert.deepEqual(checkMilestoneProgress([entry('delayed', 40, reason('', 'Tender failed'))], [1]), []);
    assert.deepEqual(checkMilestoneProgress([entry('in-progress', 40)], [1]), []);
  });

  test('percent range and consistency with the status', () => {
    const cases: [MilestoneProgress['status'], number, string][] = [
      ['in-progress', 101, 'error.percent'],
      ['in-progress', 2.5, 'error.percent'],
      ['completed', 90, 'error.completedPercent'],
      ['not-started', 5, 'error.notStartedPercent'],
    ];
    for (const [status, percent, key] of cases)
      assert.deepEqual(
        checkMilestoneProgress([entry(status, percent)], [1]).map((p) => p.key),
        [key],
        `${status} at ${percent}%`,
      );
  });

  test('unknown or repeated milestones', () => {
    assert.deepEqual(
      checkMilestoneProgress([entry('in-progress', 10)], [2]).map((p) => p.field),
      ['milestones.0.milestoneId'],
    );
    assert.deepEqual(
      checkMilestoneProgress([entry('in-progress', 10), entry('in-progress', 20)], [1]).map((p) => p.field),
      ['milestones.1.milestoneId'],
    );
  });
});

describe('roll-ups', () => {
  test('plain average, weighted only when every counted milestone has a weight, withdrawn left out', () => {
    assert.equal(
      commitmentPercent([
        { status: 'completed', percent: 100, weight: null },
        { status: 'in-progress', percent: 50, weight: null },
      ]),
      75,
    );
    assert.equal(
      commitmentPercent([
        { status: 'completed', percent: 100, weight: 3 },
        { status: 'in-progress', percent: 50, weight: 1 },
      ]),
      87.5,
    );
    assert.equal(
      commitmentPercent([
        { status: 'completed', percent: 100, weight: 3 },
        { status: 'in-progress', percent: 50, weight: null },
      ]),
      75,
      'a missing weight means equal weights',
    );
    assert.equal(
      commitmentPercent([
        { status: 'completed', percent: 100, weight: null },
        { status: 'withdrawn', percent: 0, weight: null },
      ]),
      100,
    );
    assert.equal(commitmentPercent([{ status: 'withdrawn', percent: 0, weight: null }]), null);
    assert.equal(commitmentPercent([]), null);
    assert.equal(
      commitmentPercent([
        { status: 'in-progress', percent: 33, weight: null },
        { status: 'in-progress', percent: 34, weight: null },
        { status: 'in-progress', percent: 34, weight: null },
      ]),
      33.7,
    );
  });

  test('health of a commitment from its latest report', () => {
    assert.equal(commitmentHealth(null), 'no-report');
    assert.equal(commitmentHealth([{ status: 'completed' }, { status: 'withdrawn' }]), 'completed');
    assert.equal(commitmentHealth([{ status: 'completed' }, { status: 'delayed' }]), 'delayed');
    assert.equal(commitmentHealth([{ status: 'completed' }, { status: 'not-started' }]), 'on-track');
    assert.equal(commitmentHealth([{ status: 'not-started' }]), 'not-started');
    assert.equal(commitmentHealth([{ status: 'withdrawn' }]), 'not-started');
    assert.equal(commitmentHealth([]), 'not-started');
  });

  test('averages count unreported commitments as zero; counts cover every status', () => {
    assert.equal(averagePercent([100, null, 50, null]), 37.5);
    assert.equal(averagePercent([]), null);
    assert.deepEqual(countHealth(['delayed', 'delayed', 'no-report']), { completed: 0, 'on-track': 0, delayed: 2, 'not-started': 0, 'no-report': 1 });
  });
});

describe('timeliness', () => {
  const cycle = { reportDue: '2021-05-14' };
  test('on time up to the end of the due day in Taipei, late after', () => {
    assert.equal(reportTiming(cycle, { submittedAt: new Date('2021-05-14T15:59:00Z'), hasDraft: false }, '2021-06-01'), 'on-time');
    assert.equal(reportTiming(cycle, { submittedAt: new Date('2021-05-14T16:01:00Z'), hasDraft: false }, '2021-06-01'), 'late');
  });
  test('without a submission: draft, missing after the deadline, not yet due before', () => {
    assert.equal(reportTiming(cycle, { submittedAt: null, hasDraft: true }, '2021-06-01'), 'draft');
    assert.equal(reportTiming(cycle, null, '2021-05-15'), 'missing');
    assert.equal(reportTiming(cycle, null, '2021-05-14'), 'not-due');
  });
});

describe('evidence files', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const text = (s: string) => new TextEncoder().encode(s);

  test('accepted by content matching the name', () => {
    assert.equal(evidenceMediaType('report.PDF', text('%PDF-1.7 ...')), 'application/pdf');
    assert.equal(evidenceMediaType('chart.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)), 'image/png');
    assert.equal(evidenceMediaType('photo.jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)), 'image/jpeg');
    assert.equal(evidenceMediaType('會議.csv', text('日期,人數\n2021-03-01,12\n')), 'text/csv');
    assert.equal(evidenceMediaType('minutes.odt', bytes(0x50, 0x4b, 0x03, 0x04, 0x14)), 'application/vnd.oasis.opendocument.text');
  });

  test('refused: other types, disguised content, binary “text”', () => {
    assert.equal(evidenceMediaType('setup.exe', bytes(0x4d, 0x5a)), null);
    assert.equal(evidenceMediaType('page.html', text('<script>alert(1)</script>')), null);
    assert.equal(evidenceMediaType('report.pdf', text('<html>')), null);
    assert.equal(evidenceMediaType('data.csv', bytes(0x61, 0x00, 0x62)), null);
    assert.equal(evidenceMediaType('data.txt', bytes(0xc3, 0x28)), null, 'invalid UTF-8');
    assert.equal(evidenceMediaType('noextension', text('%PDF-')), null);
  });

  test('size limits: empty refused, exactly the limit accepted, one byte more refused', () => {
    assert.deepEqual(
      checkEvidenceFile('a.txt', new Uint8Array()).problems.map((p) => p.key),
      ['error.fileEmpty'],
    );
    const atLimit = new Uint8Array(EVIDENCE_MAX_BYTES).fill(0x61);
    assert.deepEqual(checkEvidenceFile('a.txt', atLimit), { mediaType: 'text/plain', problems: [] });
    const over = new Uint8Array(EVIDENCE_MAX_BYTES + 1).fill(0x61);
    assert.deepEqual(
      checkEvidenceFile('a.txt', over).problems.map((p) => [p.field, p.key]),
      [['file', 'error.fileTooLarge']],
    );
    assert.deepEqual(
      checkEvidenceFile('a.exe', text('x')).problems.map((p) => p.key),
      ['error.fileType'],
    );
  });
});
