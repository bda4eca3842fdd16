/**
 * The transcript Markdown format (as in the seeds) — parsing and serializing, pure.
 *
 * Format:
 * - optional `# YYYY-MM-DD Title` (or `# Title`) on the first non-blank line;
 * - `## Heading` starts a (flat) section, as in SayIt; it lasts until the next `##`;
 * - `### Label：` (full-width or ASCII colon, ending the line) starts a turn; its paragraphs follow, separated by one
 *   blank line; `### 問：`/`### 答：` are a question/answer;
 * - lines starting with `>` are narrative (`> （與會者皆無意見）`); consecutive `>` lines are one narrative turn.
 *   Paragraphs after a narrative line inside a turn continue the last speaker's words as a new turn;
 * - paragraphs before any `###` heading are untagged. Their kind is `untaggedKind`: by default 'narrative' when the
 *   untagged lines look like numbered minutes (see {@link looksLikeMinutes}), 'speech' otherwise (a talk).
 *   Untagged speech is one turn (all its paragraphs); untagged narrative is one turn per block of non-blank lines,
 *   and its first line is the title when there is no `#` heading.
 * - a body line that would read as markup (`### …`, `> …`) is written with a backslash in front (`\### …`).
 *
 * Round trip: serializing a parsed transcript with its `format` reproduces the input byte for byte when the input is
 * canonical: no whitespace-only lines, one blank line between paragraphs, none between a heading and its text, no
 * blank line between a `## section` and its first turn other than one. Other input is normalized once, and
 * parse → serialize → parse → serialize is then stable.
 */

export const SPEECH_KINDS = ['speech', 'question', 'answer', 'narrative', 'other'] as const;
export type SpeechKind = (typeof SPEECH_KINDS)[number];

export type Colon = '：' | ':';

export interface ParsedTurn {
  /** The heading's text without the colon (`唐鳳召集人`, `問`); null for narrative and untagged paragraphs. */
  speakerLabel: string | null;
  kind: SpeechKind;
  /** Paragraphs joined with a blank line ('\n\n'); lines inside a paragraph keep their '\n' and their spaces. */
  body: string;
  /** 1-based line of the turn's heading (or of its first line when it has none). */
  line: number;
  section: string | null;
  /** The heading's colon; null when the turn has no heading. */
  colon: Colon | null;
}

/** What a serializer needs besides the turns to give back the file as it was. */
export interface TurnLayout {
  colon: Colon;
  /** Blank lines between this turn and what follows it (the next turn, a section heading, the end of the file). */
  blankLinesAfter: number;
  /** A narrative written as plain paragraphs (minutes) rather than as `>` lines. */
  plain: boolean;
  /** The first turn after a `## section` heading (which may repeat the previous section's name). */
  startsSection: boolean;
}

export type TitleStyle = 'datedHeading' | 'heading' | 'firstLine' | 'none';

export interface FormatInfo {
  bom: boolean;
  eol: '\n' | '\r\n';
  leadingBlankLines: number;
  /** `# 2020-12-31 Title`, `# Title`, the title as the first plain line (minutes), or no title in the file. */
  titleStyle: TitleStyle;
  blankLinesAfterTitle: number;
  finalNewline: boolean;
  /** One per turn, in order. Stored with the transcript, it lets an export reproduce the imported file. */
  turns: TurnLayout[];
}

export interface ParsedTranscript {
  title: string;
  heldOn: string | null;
  turns: ParsedTurn[];
  format: FormatInfo;
}

export interface TranscriptProblem {
  line: number;
  key: string;
  params?: Record<string, string | number>;
}

export type ParseTranscriptResult = { ok: true; transcript: ParsedTranscript } | { ok: false; problems: TranscriptProblem[] };

export interface ParseTranscriptOptions {
  /** Kind of the paragraphs before any `###` heading; by default guessed with {@link looksLikeMinutes}. */
  untaggedKind?: 'speech' | 'narrative';
}

/** Labels that make a turn a question or an answer instead of a speech. */
/** Speaker colours, each with at least 4.5:1 contrast on white so a name can be written in it. */
export const SPEAKER_COLOURS = ['#1b5e9e', '#8a3b12', '#2e6b30', '#6a3d9a', '#9c1f4f', '#00606b', '#7a5c00', '#4a4a8a', '#a0301d', '#35634b'] as const;

export const QUESTION_LABELS: readonly string[] = ['問', '提問', 'Q', 'Question'];
export const ANSWER_LABELS: readonly string[] = ['答', '回答', 'A', 'Answer'];

const NUMBERED_ITEM = /^\s*(?:(?:\d+|[一二三四五六七八九十百]+)\s*[、.．]|[（(]\s*(?:\d+|[一二三四五六七八九十百]+)\s*[）)])/;

/**
 * Minutes are numbered lists: `1、 時間：…`, `(1) …`, `（一）…`, `八、散會`. Lines count as minutes when at least two
 * of them, and at least half of the non-blank ones, start with such a number.
 */
export function looksLikeMinutes(lines: readonly string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== '');
  const numbered = nonBlank.filter((l) => NUMBERED_ITEM.test(l)).length;
  return numbered >= 2 && numbered * 2 >= nonBlank.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Lines

type LineType = 'blank' | 'title' | 'section' | 'speaker' | 'otherHeading' | 'quote' | 'text';

function lineType(line: string): LineType {
  if (line.trim() === '') return 'blank';
  const heading = /^(#{1,6})(?:[ \t]|$)/.exec(line);
  if (heading) {
    const level = heading[1]?.length ?? 0;
    return level === 1 ? 'title' : level === 2 ? 'section' : level === 3 ? 'speaker' : 'otherHeading';
  }
  if (line.startsWith('>')) return 'quote';
  return 'text';
}

const ESCAPED_MARKUP = /^\\+(?:#{1,6}(?:[ \t]|$)|>)/;
const MARKUP_LIKE = /^\\*(?:#{1,6}(?:[ \t]|$)|>)/;

/** A body line as written in the file: lines that would read as markup get one more backslash in front. */
export function escapeBodyLine(line: string): string {
  return MARKUP_LIKE.test(line) ? `\\${line}` : line;
}

function unescapeBodyLine(line: string): string {
  return ESCAPED_MARKUP.test(line) ? line.slice(1) : line;
}

const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePointLabel(s: string): string {
  return `U+${(s.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The meeting date written in minutes: `時間：109年4月1日` (Republic of China year, +1911) or `日期：2020年4月1日`.
 * Returns YYYY-MM-DD or null.
 */
export function dateFromMinutesLine(line: string): string | null {
  const m = /(?:時間|日期)\s*[：:]\s*(?:民國|中華民國)?\s*(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(line);
  if (!m) return null;
  let year = Number(m[1]);
  if (year < 1000) year += 1911;
  const iso = `${String(year).padStart(4, '0')}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
  return isIsoDate(iso) ? iso : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

interface Token {
  type: 'title' | 'section' | 'speaker' | 'quote' | 'para';
  line: number;
  lines: string[];
  blankBefore: number;
}

function tokenize(lines: readonly string[], problems: TranscriptProblem[]): { tokens: Token[]; trailingBlank: number; leadingBlank: number } {
  const tokens: Token[] = [];
  let blank = 0;
  let leadingBlank = 0;
  let current: Token | null = null;
  lines.forEach((line, i) => {
    const n = i + 1;
    const type = lineType(line);
    if (type === 'blank') {
      current = null;
      blank++;
      return;
    }
    if (tokens.length === 0) leadingBlank = blank;
    if (type === 'otherHeading') {
      problems.push({ line: n, key: 'transcript.error.unknownHeading' });
      current = null;
      blank = 0;
      return;
    }
    const open: Token | null = current;
    if (open !== null && open.type === (type === 'text' ? 'para' : type === 'quote' ? 'quote' : null)) {
      open.lines.push(line);
      return;
    }
    const token: Token = { type: type === 'text' ? 'para' : type, line: n, lines: [line], blankBefore: blank };
    tokens.push(token);
    current = type === 'text' || type === 'quote' ? token : null;
    blank = 0;
  });
  return { tokens, trailingBlank: blank, leadingBlank };
}

function parseTitleLine(token: Token, problems: TranscriptProblem[]): { title: string; heldOn: string | null } {
  const rest = (token.lines[0] ?? '').replace(/^#/, '').trim();
  const dated = /^(\d{4}-\d{2}-\d{2})(?:[ \t\u3000]+(.*))?$/.exec(rest);
  if (dated) {
    const date = dated[1] ?? '';
    const title = (dated[2] ?? '').trim();
    if (!isIsoDate(date)) problems.push({ line: token.line, key: 'transcript.error.badDate', params: { date } });
    if (title === '') problems.push({ line: token.line, key: 'transcript.error.emptyTitle' });
    return { title, heldOn: isIsoDate(date) ? date : null };
  }
  const dateLike = /^(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})(?:\s|$)/.exec(rest);
  if (dateLike) {
    problems.push({ line: token.line, key: 'transcript.error.badDate', params: { date: dateLike[1] ?? '' } });
    return { title: rest, heldOn: null };
  }
  if (rest === '') problems.push({ line: token.line, key: 'transcript.error.emptyTitle' });
  return { title: rest, heldOn: null };
}

function parseSpeakerLine(token: Token, problems: TranscriptProblem[]): { label: string; colon: Colon; kind: SpeechKind } | null {
  const rest = (token.lines[0] ?? '').replace(/^###/, '').trim();
  const last = rest.slice(-1);
  if (last !== '：' && last !== ':') {
    problems.push({ line: token.line, key: rest === '' ? 'transcript.error.speakerHeading' : 'transcript.error.speakerColon' });
    return null;
  }
  const label = rest.slice(0, -1).trim();
  if (label === '') {
    problems.push({ line: token.line, key: 'transcript.error.speakerHeading' });
    return null;
  }
  const kind: SpeechKind = QUESTION_LABELS.includes(label) ? 'question' : ANSWER_LABELS.includes(label) ? 'answer' : 'speech';
  return { label, colon: last, kind };
}

interface Pending {
  turn: ParsedTurn;
  paragraphs: string[];
  layout: TurnLayout;
}

/** Parses transcript Markdown. Any problem rejects the whole file; each names its line. */
export function parseTranscriptMarkdown(input: string, options: ParseTranscriptOptions = {}): ParseTranscriptResult {
  const problems: TranscriptProblem[] = [];
  const bom = input.startsWith('\uFEFF');
  let text = bom ? input.slice(1) : input;
  const eol: '\n' | '\r\n' = text.includes('\r\n') ? '\r\n' : '\n';
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, problems: [{ line: 1, key: 'transcript.error.empty' }] };

  let finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
  lines.forEach((line, i) => {
    const bad = INVALID_CHAR.exec(line);
    if (bad) problems.push({ line: i + 1, key: 'transcript.error.invalidChar', params: { column: bad.index + 1, char: codePointLabel(bad[0]) } });
  });

  const { tokens, trailingBlank, leadingBlank } = tokenize(lines, problems);

  // Title
  let title = '';
  let heldOn: string | null = null;
  let titleStyle: TitleStyle = 'none';
  let blankLinesAfterTitle = 0;
  let start = 0;
  const first = tokens[0];
  if (first?.type === 'title') {
    ({ title, heldOn } = parseTitleLine(first, problems));
    titleStyle = heldOn !== null || /^#\s+\d{4}-\d{2}-\d{2}/.test(first.lines[0] ?? '') ? 'datedHeading' : 'heading';
    start = 1;
  }
  for (const t of tokens.slice(1)) if (t.type === 'title') problems.push({ line: t.line, key: 'transcript.error.titlePosition' });

  // Untagged paragraphs: speech or narrative?
  const firstSpeaker = tokens.findIndex((t) => t.type === 'speaker');
  const untaggedLines = tokens
    .slice(start, firstSpeaker === -1 ? tokens.length : firstSpeaker)
    .filter((t) => t.type === 'para')
    .flatMap((t) => t.lines);
  const untaggedKind = options.untaggedKind ?? (looksLikeMinutes(untaggedLines) ? 'narrative' : 'speech');

  if (titleStyle === 'none' && untaggedKind === 'narrative' && first?.type === 'para') {
    title = unescapeBodyLine(first.lines[0] ?? '').trim();
    titleStyle = 'firstLine';
    if (first.lines.length > 1) {
      tokens[0] = { ...first, line: first.line + 1, lines: first.lines.slice(1), blankBefore: 0 };
    } else {
      blankLinesAfterTitle = tokens[1]?.blankBefore ?? 0;
      start = 1;
    }
  }
  if (heldOn === null && titleStyle !== 'datedHeading') {
    for (const line of lines) {
      const date = dateFromMinutesLine(line);
      if (date) {
        heldOn = date;
        break;
      }
    }
  }

  const turns: ParsedTurn[] = [];
  const layouts: TurnLayout[] = [];
  let pending: Pending | null = null;
  let speaker: { label: string; colon: Colon; kind: SpeechKind; line: number; hasText: boolean } | null = null;
  let section: { name: string; line: number; turns: number } | null = null;
  let lastGapSetter: ((gap: number) => void) | null = titleStyle !== 'none' && start > 0 ? (g) => (blankLinesAfterTitle = g) : null;

  const flush = () => {
    if (!pending) return;
    const p: Pending = pending;
    pending = null;
    if (p.turn.kind !== 'narrative' || p.layout.plain) p.turn.body = p.paragraphs.join('\n\n');
    turns.push(p.turn);
    layouts.push(p.layout);
    if (section) p.layout.startsSection = section.turns++ === 0;
    lastGapSetter = (g) => (p.layout.blankLinesAfter = g);
  };
  const closeSpeaker = () => {
    if (speaker && !speaker.hasText) problems.push({ line: speaker.line, key: 'transcript.error.emptyTurn' });
  };
  const closeSection = () => {
    if (section && section.turns === 0) problems.push({ line: section.line, key: 'transcript.error.emptySection' });
  };

  for (const token of tokens.slice(start)) {
    if (token.type === 'para') {
      const paragraph = token.lines.map(unescapeBodyLine).join('\n');
      const continues = pending !== null && pending.turn.kind !== 'narrative' && !pending.layout.plain;
      if (continues) {
        (pending as Pending).paragraphs.push(paragraph);
        continue;
      }
      flush();
      lastGapSetter?.(token.blankBefore);
      if (speaker) {
        const line = speaker.hasText ? token.line : speaker.line;
        speaker.hasText = true;
        pending = {
          turn: { speakerLabel: speaker.label, kind: speaker.kind, body: '', line, section: section?.name ?? null, colon: speaker.colon },
          paragraphs: [paragraph],
          layout: { colon: speaker.colon, blankLinesAfter: 0, plain: false, startsSection: false },
        };
      } else {
        pending = {
          turn: { speakerLabel: null, kind: untaggedKind, body: '', line: token.line, section: section?.name ?? null, colon: null },
          paragraphs: [paragraph],
          layout: { colon: '：', blankLinesAfter: 0, plain: untaggedKind === 'narrative', startsSection: false },
        };
      }
      continue;
    }
    flush();
    lastGapSetter?.(token.blankBefore);
    if (token.type === 'quote') {
      const body = token.lines.map((l) => l.replace(/^> ?/, '')).join('\n');
      if (body.trim() === '') problems.push({ line: token.line, key: 'transcript.error.emptyTurn' });
      pending = {
        turn: { speakerLabel: null, kind: 'narrative', body, line: token.line, section: section?.name ?? null, colon: null },
        paragraphs: [],
        layout: { colon: '：', blankLinesAfter: 0, plain: false, startsSection: false },
      };
      continue;
    }
    lastGapSetter = null;
    if (token.type === 'speaker') {
      closeSpeaker();
      const parsed = parseSpeakerLine(token, problems);
      speaker = parsed ? { ...parsed, line: token.line, hasText: false } : null;
    } else if (token.type === 'section') {
      closeSpeaker();
      closeSection();
      speaker = null;
      const name = (token.lines[0] ?? '').replace(/^##/, '').trim();
      if (name === '') problems.push({ line: token.line, key: 'transcript.error.sectionHeading' });
      section = { name, line: token.line, turns: 0 };
    }
    // a misplaced `#` title was reported above
  }
  flush();
  closeSpeaker();
  closeSection();

  // A file ending in blank lines without a final newline is read as ending with a newline.
  let finalGap = trailingBlank;
  if (finalGap > 0 && !finalNewline) {
    finalNewline = true;
    finalGap--;
  }
  lastGapSetter?.(finalGap);
  if (turns.length === 0 && problems.length === 0) problems.push({ line: tokens[0]?.line ?? 1, key: 'transcript.error.noTurns' });

  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    return { ok: false, problems };
  }
  return {
    ok: true,
    transcript: {
      title,
      heldOn,
      turns,
      format: { bom, eol, leadingBlankLines: leadingBlank, titleStyle, blankLinesAfterTitle, finalNewline, turns: layouts },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Serializing

export interface SerializableTurn {
  speakerLabel: string | null;
  kind: SpeechKind;
  body: string;
  section?: string | null;
  colon?: Colon | null;
  blankLinesAfter?: number;
  plain?: boolean;
  /** Write the `## section` heading before this turn even if the previous turn has the same section. */
  startsSection?: boolean;
}

export interface SerializableTranscript {
  title: string;
  heldOn: string | null;
  turns: SerializableTurn[];
  /** The layout read at import; without it the canonical layout is written. */
  format?: Partial<FormatInfo>;
}

type Block = 'heading' | 'quote' | 'plain';

function blockOf(turn: SerializableTurn, plain: boolean): Block {
  if (turn.kind === 'narrative') return plain && turn.speakerLabel === null ? 'plain' : 'quote';
  if (turn.speakerLabel !== null || turn.kind === 'question' || turn.kind === 'answer') return 'heading';
  return 'plain';
}

function defaultGap(block: Block, next: Block | null): number {
  if (next === null) return 0;
  if (block === 'quote' || next === 'quote' || next === 'plain') return 1;
  return 3;
}

/** Writes a transcript in the Markdown format; with the `format` read at import, gives back the imported file. */
export function serializeTranscriptMarkdown(t: SerializableTranscript): string {
  const f = t.format ?? {};
  const out: string[] = [];
  for (let i = 0; i < (f.leadingBlankLines ?? 0); i++) out.push('');

  const titleStyle: TitleStyle = f.titleStyle ?? (t.heldOn !== null ? 'datedHeading' : t.title.trim() !== '' ? 'heading' : 'none');
  let pendingGap: number | null = null;
  if (titleStyle === 'datedHeading' && t.heldOn !== null) out.push(`# ${t.heldOn} ${t.title}`);
  else if (titleStyle === 'datedHeading' || titleStyle === 'heading') out.push(`# ${t.title}`);
  else if (titleStyle === 'firstLine') out.push(escapeBodyLine(t.title));
  if (titleStyle !== 'none') pendingGap = f.blankLinesAfterTitle ?? 1;

  const blocks = t.turns.map((turn, i) => blockOf(turn, turn.plain ?? f.turns?.[i]?.plain ?? false));
  const pushGap = (gap: number) => {
    for (let i = 0; i < gap; i++) out.push('');
  };
  let section: string | null = null;
  t.turns.forEach((turn, i) => {
    const layout = f.turns?.[i];
    const block = blocks[i] ?? 'plain';
    const previous = i > 0 ? blocks[i - 1] : undefined;
    const turnSection = turn.section ?? null;
    const startsSection = turn.startsSection ?? layout?.startsSection ?? false;
    if (turnSection !== null && (turnSection !== section || startsSection)) {
      if (pendingGap !== null) pushGap(pendingGap);
      out.push(`## ${turnSection}`);
      pendingGap = 1;
    }
    section = turnSection;
    if (pendingGap !== null) {
      // Two plain blocks or two quotes with no blank line between them would read back as one.
      const mustSeparate = previous !== undefined && previous === block && block !== 'heading';
      pushGap(mustSeparate ? Math.max(1, pendingGap) : pendingGap);
    }
    const bodyLines = turn.body.split('\n');
    if (block === 'quote') {
      for (const line of bodyLines) out.push(line === '' ? '>' : `> ${line}`);
    } else {
      if (block === 'heading') {
        const label = turn.speakerLabel ?? (turn.kind === 'question' ? '問' : '答');
        out.push(`### ${label}${turn.colon ?? layout?.colon ?? '：'}`);
      }
      for (const line of bodyLines) out.push(escapeBodyLine(line));
    }
    pendingGap = turn.blankLinesAfter ?? layout?.blankLinesAfter ?? defaultGap(block, blocks[i + 1] ?? null);
  });

  let finalGap = pendingGap ?? 0;
  let finalNewline = f.finalNewline ?? true;
  if (finalGap > 0 && !finalNewline) {
    finalNewline = true;
    finalGap--;
  }
  pushGap(finalGap);
  const eol = f.eol ?? '\n';
  const body = out.join(eol) + (finalNewline && out.length > 0 ? eol : '');
  return (f.bom ? '\uFEFF' : '') + body;
}

/** The import's turns and layout as one object for {@link serializeTranscriptMarkdown}. */
export function toSerializable(t: ParsedTranscript): SerializableTranscript {
  return { title: t.title, heldOn: t.heldOn, turns: t.turns.map((turn) => ({ ...turn })), format: t.format };
}

// ---------------------------------------------------------------------------------------------------------------
// Speakers

/** Titles and roles written after a name in speaker headings (longest first when matching). */
export const DEFAULT_SPEAKER_TITLES: readonly string[] = [
  '共同召集人',
  '召集人',
  '政務委員',
  '主任委員',
  '副主任委員',
  '專門委員',
  '委員',
  '高級分析師',
  '分析師',
  '副處長',
  '處長',
  '副司長',
  '司長',
  '副署長',
  '署長',
  '副局長',
  '局長',
  '主任秘書',
  '秘書長',
  '副部長',
  '部長',
  '次長',
  '參事',
  '科長',
  '副執行長',
  '執行長',
  '總經理',
  '理事長',
  '主席',
  '教授',
  '報告',
];

/**
 * The speaker's name in a heading label: a trailing parenthetical (`外交部報告(蕭伊芳副司長)`) and one trailing
 * title or role (`唐鳳召集人`, `國發會報告`) are dropped, so `外交部報告(蕭伊芳副司長)` is spoken by `外交部`
 * (the label keeps the detail). A label that is only a title stays as it is.
 */
export function speakerNameFromLabel(label: string, titles: readonly string[] = DEFAULT_SPEAKER_TITLES): string {
  const trimmed = label.trim();
  const withoutParen = trimmed.replace(/\s*[（(][^（()）]*[）)]\s*$/, '').trim() || trimmed;
  const sorted = [...titles].sort((a, b) => b.length - a.length);
  for (const title of sorted) {
    if (title !== '' && withoutParen.endsWith(title) && withoutParen.length > title.length) {
      return withoutParen.slice(0, -title.length).trim();
    }
  }
  return withoutParen;
}

/** Normalized form for comparing names: compatibility forms folded, case and inner spaces ignored. */
export function speakerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * The speaker a label refers to: an alias for the whole label wins, then an alias for the name without its title,
 * then that name itself. Aliases map a label or name (e.g. a misspelling `林鐘榮`) to the speaker's name.
 */
export function resolveSpeakerName(label: string, options: { aliases?: Readonly<Record<string, string>>; titles?: readonly string[] } = {}): string {
  const aliases = new Map<string, string>();
  for (const [from, to] of Object.entries(options.aliases ?? {})) aliases.set(speakerKey(from), to);
  const byLabel = aliases.get(speakerKey(label));
  if (byLabel !== undefined) return byLabel;
  const name = speakerNameFromLabel(label, options.titles);
  return aliases.get(speakerKey(name)) ?? name;
}

/**
 * A stable URL slug for a speaker: compatibility forms folded, ASCII lowercased, CJK and other letters kept,
 * spaces and underscores turned into hyphens, punctuation dropped. 'speaker' when nothing is left.
 */
export function slugifySpeaker(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/gu, '-')
    .replace(/[^\p{L}\p{N}\p{M}-]+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'speaker' : slug;
}
