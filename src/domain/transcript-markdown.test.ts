/** Unit tests of the transcript Markdown format: parsing, malformed input, round trips, speaker labels, slugs. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  dateFromMinutesLine,
  looksLikeMinutes,
  parseTranscriptMarkdown,
  resolveSpeakerName,
  serializeTranscriptMarkdown,
  slugifySpeaker,
  speakerNameFromLabel,
  toSerializable,
  type ParsedTranscript,
  type TranscriptProblem,
} from './transcript-markdown.js';
import { readSeed } from '../../test/seeds.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../../test/fixtures/transcripts');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

function parsed(text: string, options?: Parameters<typeof parseTranscriptMarkdown>[1]): ParsedTranscript {
  const r = parseTranscriptMarkdown(text, options);
  if (!r.ok) assert.fail(`unexpected problems: ${JSON.stringify(r.problems)}`);
  return r.transcript;
}

function problems(text: string): TranscriptProblem[] {
  const r = parseTranscriptMarkdown(text);
  if (r.ok) assert.fail('expected the file to be rejected');
  return r.problems;
}

const roundTrip = (text: string) => serializeTranscriptMarkdown(toSerializable(parsed(text)));

describe('parsing a meeting transcript', () => {
  const t = parsed(fixture('meeting.md'));

  test('title and date come from the `# YYYY-MM-DD Title` heading', () => {
    assert.equal(t.title, '「開放政府示範論壇」第1次會議');
    assert.equal(t.heldOn, '2024-03-15');
    assert.equal(t.format.titleStyle, 'datedHeading');
  });

  test('turns: speakers with either colon, question and answer, narrative lines, sections', () => {
    assert.deepEqual(
      t.turns.map((turn) => [turn.speakerLabel, turn.kind, turn.line, turn.section, turn.colon]),
      [
        ['王大明召集人', 'speech', 3, null, '：'],
        ['李小華委員', 'speech', 10, null, ':'],
        ['問', 'question', 15, null, '：'],
        ['答', 'answer', 20, null, '：'],
        [null, 'narrative', 23, null, null],
        ['陳建國副司長', 'speech', 27, '臨時動議', '：'],
        ['環境部報告(林美玲科長)', 'speech', 33, '臨時動議', '：'],
        ['王大明召集人', 'speech', 36, '臨時動議', '：'],
        [null, 'narrative', 39, '臨時動議', null],
      ],
    );
  });

  test('bodies: paragraphs joined by one blank line, narrative without its `> `, escaped markup unescaped', () => {
    assert.equal(t.turns[0]?.body, '各位好，今天會議有三個議案。\n\n請大家先看會議資料。');
    assert.equal(t.turns[4]?.body, '（與會者皆無意見）');
    assert.equal(t.turns[5]?.body, '補充一點：下次會議改在線上舉行。\n### 這一行不是標題');
    assert.equal(t.turns[6]?.body, '我們會在兩週內把 <附件> 與 "Q&A" 放上網站。');
  });

  test('round trip is byte-identical', () => {
    assert.equal(roundTrip(fixture('meeting.md')), fixture('meeting.md'));
  });

  test('without the stored layout, the canonical layout is written and reads back the same turns', () => {
    const again = parsed(
      serializeTranscriptMarkdown({
        title: t.title,
        heldOn: t.heldOn,
        turns: t.turns.map(({ speakerLabel, kind, body, section }) => ({ speakerLabel, kind, body, section })),
      }),
    );
    assert.deepEqual(
      again.turns.map((x) => [x.speakerLabel, x.kind, x.body, x.section]),
      t.turns.map((x) => [x.speakerLabel, x.kind, x.body, x.section]),
    );
    assert.equal(again.heldOn, t.heldOn);
  });

  test('a narrative line inside a turn splits it; the speaker goes on after it', () => {
    const m = parsed('# 2024-01-02 會議\n\n### 甲委員：\n第一段。\n\n> （笑）\n\n第二段。\n\n\n\n### 乙委員：\n好。\n');
    assert.deepEqual(
      m.turns.map((x) => [x.speakerLabel, x.kind, x.body, x.line]),
      [
        ['甲委員', 'speech', '第一段。', 3],
        [null, 'narrative', '（笑）', 6],
        ['甲委員', 'speech', '第二段。', 8],
        ['乙委員', 'speech', '好。', 12],
      ],
    );
    const once = roundTrip('# 2024-01-02 會議\n\n### 甲委員：\n第一段。\n\n> （笑）\n\n第二段。\n');
    assert.equal(once, '# 2024-01-02 會議\n\n### 甲委員：\n第一段。\n\n> （笑）\n\n### 甲委員：\n第二段。\n', 'the continuation gets its heading back');
    assert.equal(roundTrip(once), once);
  });

  test('consecutive `>` lines are one narrative; an empty `>` line is a paragraph break', () => {
    const text = '### 甲：\n話。\n\n> 第一行\n>\n> 第二行\n';
    const m = parsed(text);
    assert.equal(m.turns[1]?.body, '第一行\n\n第二行');
    assert.equal(roundTrip(text), text);
  });

  test('a heading without a date keeps the title; CRLF and a BOM survive the round trip', () => {
    const text = '\uFEFF# 座談會\r\n\r\n### 甲:\r\n好。\r\n';
    const m = parsed(text);
    assert.equal(m.title, '座談會');
    assert.equal(m.heldOn, null);
    assert.equal(m.format.titleStyle, 'heading');
    assert.equal(roundTrip(text), text);
  });

  test('a heading without a date may take the date from a `時間：` line', () => {
    assert.equal(parsed('# 座談會\n\n### 甲：\n時間：110年3月2日上午。\n').heldOn, '2021-03-02');
  });
});

describe('a talk without headings', () => {
  const text = fixture('talk.txt');
  const t = parsed(text);

  test('is one untagged speech with all its paragraphs', () => {
    assert.equal(t.title, '');
    assert.equal(t.heldOn, null);
    assert.equal(t.turns.length, 1);
    assert.deepEqual([t.turns[0]?.speakerLabel, t.turns[0]?.kind, t.turns[0]?.line], [null, 'speech', 2]);
    assert.equal(t.turns[0]?.body.split('\n\n').length, 4);
    assert.ok(t.turns[0]?.body.includes('就結束，\n而是'), 'lines inside a paragraph keep their line breaks');
  });

  test('round trip is byte-identical, leading blank line included', () => {
    assert.equal(t.format.leadingBlankLines, 1);
    assert.equal(roundTrip(text), text);
  });

  test('the untagged kind can be forced', () => {
    assert.equal(parsed(text, { untaggedKind: 'narrative' }).turns[0]?.kind, 'narrative');
  });
});

describe('minutes in numbered-list form', () => {
  const text = fixture('minutes.txt');
  const t = parsed(text);

  test('import as narrative, one turn per block, the first line as title, the ROC date read', () => {
    assert.equal(t.title, '示範市政府與社區團體座談會紀錄');
    assert.equal(t.heldOn, '2023-10-05');
    assert.equal(t.format.titleStyle, 'firstLine');
    assert.deepEqual(
      t.turns.map((x) => [x.speakerLabel, x.kind, x.line]),
      [
        [null, 'narrative', 3],
        [null, 'narrative', 10],
      ],
    );
    assert.ok(t.turns[0]?.body.startsWith('一、 時間：112年10月5日'));
    assert.equal(t.turns[1]?.body, '五、 散會時間：下午3時30分');
  });

  test('round trip is byte-identical; a stray whitespace line at the end is normalized once', () => {
    assert.equal(roundTrip(text), text);
    const messy = `${text} `;
    const once = roundTrip(messy);
    assert.equal(once, text);
    assert.equal(roundTrip(once), once);
  });

  test('the minutes rule', () => {
    assert.equal(looksLikeMinutes(['1、 時間：', '2、 地點：', '(1) 結論', '（一）某某：', '八、散會']), true);
    assert.equal(looksLikeMinutes(['我今天只講兩件事', '1、第一件']), false);
    assert.equal(looksLikeMinutes(['一段話', '另一段話', '1. 一點', '2. 兩點', '還有', '結尾']), false);
  });

  test('dates written in minutes', () => {
    assert.equal(dateFromMinutesLine('1、 時間：109年4月1日(星期三)上午11時30分'), '2020-04-01');
    assert.equal(dateFromMinutesLine('日期：民國 113 年 12 月 31 日'), '2024-12-31');
    assert.equal(dateFromMinutesLine('時間：2021年1月5日'), '2021-01-05');
    assert.equal(dateFromMinutesLine('時間：109年2月30日'), null);
    assert.equal(dateFromMinutesLine('地點：本會513會議室'), null);
  });
});

describe('malformed files are rejected whole, each problem naming its line', () => {
  const keyAt = (text: string) => problems(text).map((p) => [p.line, p.key]);

  // Each text is refused with one problem: [text, its line, its key, and its params where the test checks them].
  const cases: [name: string, refusals: [text: string, line: number, key: string, params?: TranscriptProblem['params']][]][] = [
    [
      'an empty file',
      [
        ['', 1, 'transcript.error.empty'],
        [' \n\n\t\n', 1, 'transcript.error.empty'],
      ],
    ],
    [
      'an impossible or badly written date in the heading',
      [
        ['# 2020-13-45 會議\n\n### 甲：\n好。\n', 1, 'transcript.error.badDate', { date: '2020-13-45' }],
        ['\n\n# 2021-02-29 會議\n\n### 甲：\n好。\n', 3, 'transcript.error.badDate'],
        ['# 2020/12/31 會議\n\n### 甲：\n好。\n', 1, 'transcript.error.badDate'],
      ],
    ],
    [
      'a dated heading without a title, an empty heading',
      [
        ['# 2020-12-31\n\n### 甲：\n好。\n', 1, 'transcript.error.emptyTitle'],
        ['#\n\n### 甲：\n好。\n', 1, 'transcript.error.emptyTitle'],
      ],
    ],
    [
      'a `#` heading anywhere but the first non-blank line',
      [['# 2020-12-31 會議\n\n### 甲：\n好。\n\n# 2021-01-01 另一場\n', 6, 'transcript.error.titlePosition']],
    ],
    [
      'speaker headings: empty, without a colon',
      [
        ['# 2020-12-31 會議\n\n### ：\n好。\n', 3, 'transcript.error.speakerHeading'],
        ['# 2020-12-31 會議\n\n###\n好。\n', 3, 'transcript.error.speakerHeading'],
        ['# 2020-12-31 會議\n\n### 唐鳳召集人\n好。\n', 3, 'transcript.error.speakerColon'],
        ['# 2020-12-31 會議\n\n### 甲：好。\n', 3, 'transcript.error.speakerColon'],
      ],
    ],
    [
      'a turn with no text, an empty narrative',
      [
        ['# 2020-12-31 會議\n\n### 甲：\n\n\n\n### 乙：\n好。\n', 3, 'transcript.error.emptyTurn'],
        ['# 2020-12-31 會議\n\n### 甲：\n好。\n\n\n\n### 乙：\n', 8, 'transcript.error.emptyTurn'],
        ['### 甲：\n好。\n\n>\n', 4, 'transcript.error.emptyTurn'],
      ],
    ],
    [
      'sections: empty heading, no turns',
      [
        ['##\n\n### 甲：\n好。\n', 1, 'transcript.error.sectionHeading'],
        ['### 甲：\n好。\n\n## 第一節\n\n## 第二節\n\n### 乙：\n好。\n', 4, 'transcript.error.emptySection'],
      ],
    ],
    ['headings deeper than `###`', [['### 甲：\n好。\n#### 小標\n', 3, 'transcript.error.unknownHeading']]],
    [
      'NUL bytes, control characters, replacement characters, lone surrogates',
      [
        ['### 甲：\n好\u0000。\n', 2, 'transcript.error.invalidChar', { column: 2, char: 'U+0000' }],
        ['### 甲：\n好。\n\n\n\n### 乙：\n壞\uFFFD字\n', 7, 'transcript.error.invalidChar'],
        ['### 甲：\n\u0007\n', 2, 'transcript.error.invalidChar'],
        ['### 甲：\n半個\uD800字\n', 2, 'transcript.error.invalidChar'],
      ],
    ],
    ['a title and nothing else', [['# 2020-12-31 會議\n', 1, 'transcript.error.noTurns']]],
  ];
  for (const [name, refusals] of cases)
    test(name, () => {
      for (const [text, line, key, params] of refusals) {
        const found = problems(text);
        assert.deepEqual(
          found.map((p) => [p.line, p.key]),
          [[line, key]],
          JSON.stringify(text),
        );
        if (params) assert.deepEqual(found[0]?.params, params, JSON.stringify(text));
      }
    });

  test('several problems are all reported, in line order', () => {
    assert.deepEqual(keyAt('# 2020-02-30 會議\n\n### 甲\n好。\n\n### ：\n好。\n\n# 又一個\n'), [
      [1, 'transcript.error.badDate'],
      [3, 'transcript.error.speakerColon'],
      [6, 'transcript.error.speakerHeading'],
      [9, 'transcript.error.titlePosition'],
    ]);
  });
});

describe('serializing', () => {
  test('text that would read as markup is escaped and reads back the same', () => {
    const body = '# 不是標題\n### 也不是：\n> 不是旁白\n\\### 反斜線\n#hashtag 照舊';
    const md = serializeTranscriptMarkdown({ title: '測試', heldOn: '2024-01-01', turns: [{ speakerLabel: '甲', kind: 'speech', body }] });
    assert.equal(md, '# 2024-01-01 測試\n\n### 甲：\n\\# 不是標題\n\\### 也不是：\n\\> 不是旁白\n\\\\### 反斜線\n#hashtag 照舊\n');
    assert.equal(parsed(md).turns[0]?.body, body);
  });

  test('canonical layout: three blank lines between turns, one around narratives, `###` for an unnamed question', () => {
    const md = serializeTranscriptMarkdown({
      title: '會議',
      heldOn: null,
      turns: [
        { speakerLabel: '甲', kind: 'speech', body: 'a\n\nb' },
        { speakerLabel: null, kind: 'question', body: '問題？' },
        { speakerLabel: null, kind: 'narrative', body: '（笑）' },
        { speakerLabel: '乙', kind: 'answer', body: '回答。', colon: ':' },
      ],
    });
    assert.equal(md, '# 會議\n\n### 甲：\na\n\nb\n\n\n\n### 問：\n問題？\n\n> （笑）\n\n### 乙:\n回答。\n');
  });

  test('plain narratives next to each other stay apart', () => {
    const md = serializeTranscriptMarkdown({
      title: '紀錄',
      heldOn: null,
      format: { titleStyle: 'firstLine', blankLinesAfterTitle: 1 },
      turns: [
        { speakerLabel: null, kind: 'narrative', body: '1、 甲', plain: true, blankLinesAfter: 0 },
        { speakerLabel: null, kind: 'narrative', body: '2、 乙', plain: true },
      ],
    });
    assert.equal(md, '紀錄\n\n1、 甲\n\n2、 乙\n');
    assert.deepEqual(
      parsed(md).turns.map((x) => x.body),
      ['1、 甲', '2、 乙'],
    );
  });
});

describe('normalization is stable', () => {
  /** Small deterministic PRNG (mulberry32) so the generated files are the same on every run. */
  const prng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = [
    '',
    '',
    ' ',
    '# 2020-01-02 標題',
    '## 節',
    '### 甲：',
    '### 乙:',
    '### 問：',
    '> （笑）',
    '>',
    '文字',
    '文字 ',
    '1、 項目',
    '(2) 項目',
    '\\### 逃脫',
    '#tag',
    '  縮排',
  ];
  const summary = (t: ParsedTranscript) => JSON.stringify([t.title, t.heldOn, t.turns.map((x) => [x.speakerLabel, x.kind, x.body, x.section])]);

  test('for generated files: parse → serialize → parse gives the same turns, and serializing again the same text', () => {
    const rnd = prng(20240315);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 10) }, () => pieces[Math.floor(rnd() * pieces.length)] ?? '');
      const text = lines.join('\n') + (rnd() < 0.7 ? '\n' : '');
      const first = parseTranscriptMarkdown(text);
      if (!first.ok) continue;
      accepted++;
      const once = serializeTranscriptMarkdown(toSerializable(first.transcript));
      const again = parsed(once);
      assert.equal(summary(again), summary(first.transcript), JSON.stringify(text));
      assert.equal(serializeTranscriptMarkdown(toSerializable(again)), once, JSON.stringify(text));
    }
    assert.ok(accepted > 300, `${accepted} generated files were valid`);
  });
});

describe('speaker labels', () => {
  test('titles and roles are dropped from real labels', () => {
    const cases: [string, string][] = [
      ['唐鳳召集人', '唐鳳'],
      ['唐鳳', '唐鳳'],
      ['彭啟明共同召集人', '彭啟明'],
      ['吳銘軒委員', '吳銘軒'],
      ['嚴婉玲委員', '嚴婉玲'],
      ['國發會報告', '國發會'],
      ['外交部報告(蕭伊芳副司長)', '外交部'],
      ['環境部報告（林美玲科長）', '環境部'],
      ['張富林處長', '張富林'],
      ['李世德參事', '李世德'],
      ['林鍾榮專門委員', '林鍾榮'],
      ['蕭伊芳副司長', '蕭伊芳'],
      ['陳怡君高級分析師', '陳怡君'],
      ['陳主任委員', '陳'],
      ['唐鳳政務委員', '唐鳳'],
      ['吳執行長', '吳'],
      ['彭總經理', '彭'],
      ['王部長', '王'],
      ['委員', '委員'],
      ['問', '問'],
      ['Audrey Tang (Convener)', 'Audrey Tang'],
    ];
    for (const [label, name] of cases) assert.equal(speakerNameFromLabel(label), name, label);
  });

  test('the title list is configurable', () => {
    assert.equal(speakerNameFromLabel('林小姐'), '林小姐');
    assert.equal(speakerNameFromLabel('林小姐', ['小姐']), '林');
  });

  test('aliases map labels or names to a speaker', () => {
    const aliases = { 林鐘榮: '林鍾榮', 國發會報告: '國家發展委員會', Audrey: '唐鳳' };
    assert.equal(resolveSpeakerName('林鐘榮專門委員', { aliases }), '林鍾榮');
    assert.equal(resolveSpeakerName('國發會報告', { aliases }), '國家發展委員會');
    assert.equal(resolveSpeakerName('audrey', { aliases }), '唐鳳');
    assert.equal(resolveSpeakerName('杜文苓委員', { aliases }), '杜文苓');
    assert.equal(resolveSpeakerName('constructor', { aliases }), 'constructor');
  });

  test('slugs', () => {
    assert.equal(slugifySpeaker('唐鳳'), '唐鳳');
    assert.equal(slugifySpeaker('Audrey Tang'), 'audrey-tang');
    assert.equal(slugifySpeaker('Dr. J. Smith, Jr.'), 'dr-j-smith-jr');
    assert.equal(slugifySpeaker('  --x__y--  '), 'x-y');
    assert.equal(slugifySpeaker('ＡＢＣ　部'), 'abc-部');
    assert.equal(slugifySpeaker('外交部(蕭伊芳)'), '外交部蕭伊芳');
    assert.equal(slugifySpeaker('José Ñúñez'), 'josé-ñúñez');
    assert.equal(slugifySpeaker('!!!'), 'speaker');
    assert.equal(slugifySpeaker('唐鳳'), slugifySpeaker('唐鳳'), 'stable');
  });
});

describe('the real transcripts in ../shared/seeds', () => {
  const seed = (prefix: string) => readSeed(prefix).text;

  test('003 (a verbatim meeting) round-trips byte for byte', () => {
    const text = seed('003_');
    const t = parsed(text);
    assert.equal(t.heldOn, '2020-12-31');
    assert.equal(t.title, '「行政院開放政府國家行動方案推動小組」第2次會議');
    assert.equal(t.turns.filter((x) => x.kind === 'narrative').length, 3);
    assert.ok(t.turns.every((x) => x.kind === 'narrative' || x.speakerLabel !== null));
    assert.equal(roundTrip(text), text);
  });

  test('003: every label gives a name without its title', () => {
    const labels = new Set(parsed(seed('003_')).turns.flatMap((x) => (x.speakerLabel === null ? [] : [x.speakerLabel])));
    const names = new Set([...labels].map((l) => resolveSpeakerName(l, { aliases: { 林鐘榮: '林鍾榮' } })));
    assert.ok(names.has('唐鳳') && names.has('國發會') && names.has('外交部') && names.has('蕭伊芳') && names.has('林鍾榮'));
    for (const name of names) assert.ok(!/(委員|召集人|報告|處長|司長|參事|分析師)$/.test(name), name);
    assert.equal(labels.size, 22);
    assert.equal(names.size, 20, '唐鳳召集人 and 唐鳳 are one speaker, so are 林鍾榮專門委員 and 林鐘榮專門委員');
  });

  test('004 (a talk) parses as one speech and round-trips byte for byte', () => {
    const text = seed('004_');
    const t = parsed(text);
    assert.deepEqual(
      t.turns.map((x) => [x.speakerLabel, x.kind]),
      [[null, 'speech']],
    );
    assert.equal(roundTrip(text), text);
  });

  test('001 (minutes) imports as narrative with its ROC date, stable after one normalization', () => {
    const text = seed('001_');
    const t = parsed(text);
    assert.equal(t.heldOn, '2020-04-01');
    assert.equal(t.title, '關切OGP民間社群拜會本會主任委員會談紀要');
    assert.ok(t.turns.length > 0 && t.turns.every((x) => x.kind === 'narrative' && x.speakerLabel === null));
    const once = roundTrip(text);
    assert.equal(once, text.replace(/\n[ \t]+$/, '\n'), 'only the trailing whitespace-only line changes');
    assert.equal(roundTrip(once), once);
  });
});
