/**
 * `node --import tsx bench/search.ts [--write]` (also the second half of `npm run bench`): speech search at scale.
 *
 * Generates a deterministic corpus of realistic Chinese meeting speeches (default 200,000, about 90 MB), loads it
 * into a fresh database the way a bulk import would (index terms computed per speech, the search indexes dropped
 * during the load and built afterwards), then starts the real server on that database and asks the HTTP search
 * endpoint `GET /api/v1/search/speeches?q=…&perPage=20` 240 queries of 2–4 characters, one at a time. The same
 * queries are answered by `rg -c -F` scanning the same text (one speech per line) as the reference, in the same run,
 * and every count is checked against rg's.
 *
 * Engines: PGlite (a fresh temporary folder) always, unless BENCH_PGLITE=0; PostgreSQL as well when DATABASE_URL is
 * set: a throwaway database is created on that server and dropped at the end.
 *
 * Environment: BENCH_SPEECHES (corpus size, default 200000), BENCH_SEARCH_TIMEOUT_MINUTES (the whole run stops
 * itself after this long, default 45), RG (path to ripgrep, default `rg` on PATH), DATABASE_URL, BENCH_PGLITE.
 * `--write` replaces the text between the bench:search markers in docs/benchmarks.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import http from 'node:http';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/connection.js';
import { migrate } from '../src/db/migrator.js';
import { COUNT_CAP, searchSpeeches } from '../src/modules/transcripts/transcripts.search.js';
import { rebuildSearchIndex } from '../src/modules/transcripts/transcripts.search-index.js';
import { freePort, isRunning, sleep, waitForExit } from './support.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsFile = path.join(repoRoot, 'docs', 'benchmarks.md');
const markerStart = '<!-- bench:search:start -->';
const markerEnd = '<!-- bench:search:end -->';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const speechCount = positiveInteger('BENCH_SPEECHES', 200_000);
const timeoutMinutes = positiveInteger('BENCH_SEARCH_TIMEOUT_MINUTES', 45);
const write = process.argv.includes('--write');
const postgresUrl = process.env.DATABASE_URL || undefined;
const runPglite = process.env.BENCH_PGLITE !== '0';
const PER_PAGE = 20;
const P95_TARGET_MS = 20;
const RATIO_TARGET = 3;
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// What we start, so cleanup can stop it on success, error, timeout or a signal.

interface Started {
  tempRoot: string | undefined;
  server: ChildProcess | undefined;
  databases: Database[];
  /** Throwaway PostgreSQL databases: [admin URL, name]. */
  pgDatabases: { adminUrl: string; name: string }[];
}
const started: Started = { tempRoot: undefined, server: undefined, databases: [], pgDatabases: [] };
let stopping = false;



async function stopServer(): Promise<void> {
  keepAlive.destroy();
  const child = started.server;
  started.server = undefined;
  if (!isRunning(child)) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, 8000)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 2000);
}

async function dropPgDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

let cleanedUp = false;
async function cleanup(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  stopping = true;
  await stopServer();
  for (const database of started.databases.splice(0)) await database.close().catch(() => undefined);
  for (const { adminUrl, name } of started.pgDatabases.splice(0)) {
    await dropPgDatabase(adminUrl, name).catch((error: unknown) => log(`bench:search: could not drop database ${name}: ${String(error)}`));
  }
  if (started.tempRoot) await rm(started.tempRoot, { recursive: true, force: true });
}

process.on('exit', () => {
  if (isRunning(started.server)) started.server.kill('SIGKILL');
  if (started.tempRoot) rmSync(started.tempRoot, { recursive: true, force: true });
});

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = true;
    log(`\nbench:search: ${signal} received, stopping what was started…`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

function ensureNotStopping(): void {
  if (stopping) throw new Error('stopping');
}

// ---------------------------------------------------------------------------------------------
// A deterministic corpus.

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Picker {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  /** Uniform pick. */
  one<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** Skewed pick: early items are much more frequent (roughly Zipf-like), as words are in real text. */
  skewed<T>(items: readonly T[]): T {
    const r = this.random();
    const item = items[Math.floor(r * r * r * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
}

const topics = [
  '資料開放', '資訊公開', '公民參與', '行動方案', '承諾事項', '個資保護', '預算', '採購', '揭弊者保護', '政治獻金', '實質受益人',
  '開放政府', '政府資料', '遊說法', '開放國會', '性別平等', '氣候變遷', '淨零轉型', '數位韌性', '假訊息', '媒體識讀', '司法透明',
  '公共工程', '公司登記', '利益衝突', '人權行動計畫', '原住民族權益', '身心障礙者權益', '青年參與', '參與式預算', '電子公文',
  '數位身分', '無障礙網頁', '政府採購網', '決算', '審計報告', '國際合作', '廉政', '反貪腐', '資料治理', '資料標準', '開放格式',
  '授權條款', '健康資料', '空氣品質', '水資源', '能源轉型', '碳排放', '社會住宅', '長期照顧', '公共政策網路參與平臺', '國土計畫',
  '透明', '課責', '法規預告', '政策溝通', '陳情案件', '檔案應用', '統計資料', '地理資訊', '食品安全', '勞動檢查',
];
const aspects = [
  '透明度', '課責機制', '法制作業', '執行進度', '評估指標', '成效', '資料品質', '公開範圍', '利害關係人', '溝通管道', '回饋機制',
  '時程', '經費', '權責分工', '配套措施', '監督機制', '執行方式', '具體做法', '盤點結果', '後續規劃',
];
const agencies = [
  '國發會', '法務部', '內政部', '財政部', '主計總處', '經濟部', '數位發展部', '行政院', '監察院', '審計部', '衛福部', '環境部',
  '教育部', '勞動部', '原民會', '客委會', '金管會', '工程會', '廉政署', '中選會', '各部會', '地方政府', '推動小組', '工作分組',
  '秘書處', '文化部', '交通部', '農業部', '國科會', '人事總處',
];
const titles = ['委員', '召集人', '主委', '副主委', '處長', '科長', '司長', '執行秘書', '教授', '律師', '研究員', '代表', '副處長', '專門委員'];
const modals = ['應該', '需要', '可以', '必須', '希望', '建議', '會', '已經', '正在', '打算'];
const verbs = ['盤點', '檢討', '公開', '強化', '落實', '推動', '納入', '追蹤', '修正', '評估', '說明', '補充', '整合', '規劃', '釐清', '列管', '研議', '彙整', '調查', '改善'];
const connectors = ['同時', '另外', '因此', '但是', '所以', '此外', '也就是說', '換句話說', '不過', '而且', '其實', '當然'];
const meetings = ['工作會議', '分組會議', '推動小組會議', '共創工作坊', '諮詢會議', '公聽會', '說明會', '審查會議', '期中檢視會議'];
const english = ['OGP', 'open data', 'Action Plan', 'API', 'CSV', 'GitHub', 'IRM', 'SDGs', 'e-Petition', 'Join', 'PDF', 'JSON'];
const countries = ['英國', '美國', '韓國', '日本', '紐西蘭', '愛沙尼亞', '加拿大', '法國', '德國', '荷蘭', '芬蘭', '澳洲', '烏克蘭', '菲律賓'];
const statuses = ['符合預期', '進度落後', '已經完成', '部分完成', '尚未開始', '需要調整', '持續辦理'];
const judgements = ['很重要', '很關鍵', '比較根本', '值得討論', '需要釐清', '大家都很關心', '過去一直沒有處理'];
const units = ['資料集', '場次', '項', '份', '筆', '個機關', '件', '條'];
const commitments = ['推動資料開放及資料應用', '強化公共政策參與', '落實揭弊者保護', '建立實質受益人資訊揭露', '提升政治獻金透明度', '推動開放國會', '強化政府採購透明', '打擊假訊息並提升媒體識讀', '推動性別平等參與'];
const fillers = ['我們', '大家', '這部分', '這個部分', '民間', '機關', '民眾', '公務員', '委員們', '各位'];

const surnames = [...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯孫魏翁戴范宋方鄧杜傅侯曹薛丁卓唐馬董温藍石'];
const givenChars = [...'志明家豪俊傑建宏雅婷怡君淑芬美玲宗翰冠宇承恩品妤欣詩涵文華國榮秀英淑惠麗珍佳穎子軒柏翰宜庭育瑋信宏正義德昌世忠振興惠如心怡嘉偉鳳儀'];

/** 3,000 local place names (two characters, e.g. 安溪): the long tail, each in a few dozen speeches. */
const places: string[] = (() => {
  const pick = new Picker(prng(11));
  const pool = [...'東西南北安平和興仁義福德信忠孝愛竹山林溪湖港口水田豐源盛隆泰昌新舊永光明復華龍鳳松柏梅蘭菊桃李杏埔坑寮厝崙頭尾洲坪嶺壢潭岡埤圳社營'];
  const out = new Set<string>();
  while (out.size < 3000) out.add(`${pick.one(pool)}${pick.one(pool)}`);
  return [...out];
})();
const localGroups = ['社區發展協會', '里辦公處', '在地聯盟', '社區大學', '青年會', '讀書會'];

/** About 300 distinct person names of 2–3 characters. */
function makeNames(count: number): string[] {
  const pick = new Picker(prng(7));
  const names = new Set<string>(['唐鳳']);
  while (names.size < count) {
    const surname = pick.one(surnames);
    const name = pick.chance(0.1) ? `${surname}${pick.one(givenChars)}` : `${surname}${pick.one(givenChars)}${pick.one(givenChars)}`;
    names.add(name);
  }
  return [...names];
}

interface Corpus {
  names: string[];
  transcripts: { slug: string; title: string; heldOn: string; speakerIds: number[] }[];
  speeches: { transcript: number; position: number; speaker: number; body: string }[];
  bytes: number;
}

function makeSentence(p: Picker, names: string[], year: number): string {
  const name = () => `${p.one(names)}${p.one(titles)}`;
  const date = () => `${p.chance(0.2) ? `民國${year - 1911}` : year}年${p.int(1, 12)}月${p.int(1, 28)}日`;
  switch (p.int(0, 12)) {
    case 12:
      return `${p.one(places)}${p.one(localGroups)}反映，${p.skewed(topics)}的${p.skewed(aspects)}在地方上${p.one(judgements)}。`;
    case 0:
      return `${p.skewed(topics)}的${p.skewed(aspects)}${p.one(modals)}${p.one(verbs)}，${p.one(connectors)}${p.skewed(agencies)}也要${p.one(verbs)}${p.skewed(topics)}的${p.skewed(aspects)}。`;
    case 1:
      return `${date()}${p.skewed(agencies)}召開${p.one(meetings)}，討論${p.skewed(topics)}的${p.skewed(aspects)}。`;
    case 2:
      return `關於${p.skewed(topics)}，${p.skewed(agencies)}目前${p.one(modals)}${p.one(verbs)}了${p.int(2, 480)}${p.one(units)}，預計在${year + p.int(0, 2)}年底前完成。`;
    case 3:
      return `在${p.skewed(topics)}的${p.skewed(aspects)}上，${p.one(fillers)}${p.one(modals)}參考${p.one(countries)}的做法，例如${p.one(english)}。`;
    case 4:
      return `剛才${name()}提到的${p.skewed(topics)}問題，${p.skewed(agencies)}會在下次${p.one(meetings)}提出書面回應。`;
    case 5:
      return `如果${p.skewed(topics)}沒有${p.skewed(aspects)}，${p.one(fillers)}就很難${p.one(verbs)}，這是${p.one(judgements)}的問題。`;
    case 6:
      return `第${p.int(1, 20)}項承諾事項「${p.one(commitments)}」的執行進度是${p.int(5, 100)}%，${p.one(statuses)}。`;
    case 7:
      return `我想請教${name()}，${p.skewed(topics)}跟${p.skewed(topics)}之間的${p.skewed(aspects)}要怎麼${p.one(verbs)}？`;
    case 8:
      return `${p.one(fillers)}在${p.one(meetings)}裡面${p.one(modals)}把${p.skewed(topics)}${p.one(verbs)}清楚，不然${p.skewed(aspects)}會有落差。`;
    case 9:
      return `依照${p.one(english)}的精神，${p.skewed(agencies)}${p.one(modals)}${p.one(verbs)}${p.skewed(topics)}，並且每${p.int(2, 6)}個月回報一次。`;
    case 10:
      return `${name()}的意見我們記下來了，${p.one(connectors)}${p.skewed(topics)}的部分請${p.skewed(agencies)}會後${p.one(verbs)}。`;
    default:
      return `${p.one(connectors)}，${p.skewed(aspects)}這件事${p.one(judgements)}，${p.one(fillers)}要持續${p.one(verbs)}。`;
  }
}

function makeSpeech(p: Picker, names: string[], year: number): string {
  const opening = p.int(0, 6);
  let body = '';
  if (opening === 0) body = '謝謝主席。';
  else if (opening === 1) body = `謝謝${p.one(names)}${p.one(titles)}。`;
  else if (opening === 2) body = '主席、各位委員大家好。';
  else if (opening === 3) body = '我補充一下，';
  // Mostly a few sentences, sometimes a long intervention: about 150 characters (450 bytes) on average.
  const sentences = p.chance(0.12) ? p.int(6, 12) : p.int(2, 6);
  for (let i = 0; i < sentences; i++) body += makeSentence(p, names, year);
  if (p.chance(0.15)) body += p.one(['以上，謝謝。', '謝謝。', '我先說到這裡。', '請大家指教。']);
  return body;
}

function makeCorpus(total: number): Corpus {
  const p = new Picker(prng(20240601));
  const names = makeNames(300);
  const transcriptCount = Math.max(1, Math.round(total / 100));
  const transcripts: Corpus['transcripts'] = [];
  const speeches: Corpus['speeches'] = [];
  let bytes = 0;
  // Speeches per transcript vary (30 to 170), and add up to `total`.
  const weights = Array.from({ length: transcriptCount }, () => p.int(30, 170));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  for (let t = 0; t < transcriptCount; t++) {
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor((t / transcriptCount) * 10 * 365 + p.int(0, 1)) * 86_400_000);
    const heldOn = day.toISOString().slice(0, 10);
    const year = day.getUTCFullYear();
    const speakerIds = Array.from({ length: p.int(4, 14) }, () => p.int(1, names.length));
    transcripts.push({ slug: `bench-${t + 1}`, title: `${year}年${p.skewed(topics)}${p.one(meetings)}（第${t + 1}次）`, heldOn, speakerIds });
    const count = t === transcriptCount - 1 ? total - assigned : Math.min(total - assigned, Math.round(((weights[t] ?? 100) / weightSum) * total));
    for (let position = 1; position <= count; position++) {
      const body = makeSpeech(p, names, year);
      bytes += Buffer.byteLength(body, 'utf8') + 1;
      speeches.push({ transcript: t + 1, position, speaker: p.one(speakerIds), body });
    }
    assigned += count;
  }
  return { names, transcripts, speeches, bytes };
}

/**
 * 240 measured queries of 2–4 characters, drawn deterministically: person names (and parts of them), vocabulary, local place names (the rare tail),
 * agency names, a few Latin acronyms, and random 2–4 character pieces of random speeches (often rare phrases that
 * span two words). Plus 20 warm-up queries drawn the same way, not measured.
 */
function makeQueries(corpus: Corpus): { warmup: string[]; measured: string[] } {
  const p = new Picker(prng(42));
  const short = (list: readonly string[]) => list.filter((w) => [...w].length >= 2 && [...w].length <= 4 && /^\p{sc=Han}+$/u.test(w));
  const vocabulary = [...short(topics), ...short(aspects), ...short(agencies), ...short(verbs), ...short(meetings), ...short(countries), ...short(titles)];
  const piece = (): string => {
    for (;;) {
      const body = p.one(corpus.speeches).body;
      const runs = body.match(/\p{sc=Han}{2,}/gu) ?? [];
      if (runs.length === 0) continue;
      const run = [...p.one(runs)];
      const length = Math.min(run.length, p.int(2, 4));
      const at = p.int(0, run.length - length);
      return run.slice(at, at + length).join('');
    }
  };
  const draw = (n: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const kind = i % 12;
      if (kind < 3) out.push(p.one(corpus.names));
      else if (kind === 3) out.push([...p.one(corpus.names)].slice(-2).join('')); // a given name alone
      else if (kind < 7) out.push(p.one(vocabulary));
      else if (kind === 7 && i % 48 === 7) out.push(p.one(['OGP', 'API', 'CSV', 'IRM', 'PDF']));
      else if (kind >= 9) out.push(p.chance(0.5) ? p.one(places) : `${p.one(places)}${p.one(['社區', '里辦', '在地', '青年'])}`); // the long tail
      else out.push(piece());
    }
    return out;
  };
  const warmup = draw(20);
  const measured = draw(240);
  return { warmup, measured };
}

// ---------------------------------------------------------------------------------------------
// Loading.

interface LoadFigures {
  engine: string;
  importSeconds: number;
  indexSeconds: number;
  postingsSeconds: number;
  analyzeSeconds: number;
  databaseBytes: number;
  dataDirBytes: number | undefined;
  postingsBytes: number;
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await dirSize(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

const BATCH = 2000;

async function load(database: Database, corpus: Corpus, engine: string): Promise<LoadFigures> {
  const { db } = database;
  await migrate(database);
  // As a bulk import would: drop the speech indexes, load, then build them once.
  await sql`DROP INDEX IF EXISTS speeches_speaker_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS speeches_transcript_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS speeches_public_order_idx`.execute(db);

  const importStart = performance.now();
  for (let i = 0; i < corpus.names.length; i++) {
    const name = corpus.names[i] ?? '';
    await sql`INSERT INTO speakers (id, slug, name, affiliation, colour) VALUES (${i + 1}, ${`speaker-${i + 1}`}, ${name}, ${JSON.stringify({ 'zh-TW': '民間委員' })}::jsonb, '#336699')`.execute(db);
  }
  const transcriptRows = corpus.transcripts;
  for (let i = 0; i < transcriptRows.length; i += 500) {
    const chunk = transcriptRows.slice(i, i + 500);
    await sql`INSERT INTO transcripts (id, slug, title, held_on, language, publish_at, counted_with_calendar, published_at, embargo_working_days)
      SELECT id, slug, title, held_on, 'zh-TW', held_on + interval '14 days', true, held_on + interval '14 days', 10
      FROM unnest(${chunk.map((_, k) => i + k + 1)}::int[], ${chunk.map((t) => t.slug)}::text[], ${chunk.map((t) => t.title)}::text[], ${chunk.map((t) => t.heldOn)}::date[])
        AS x(id, slug, title, held_on)`.execute(db);
  }
  for (let i = 0; i < corpus.speeches.length; i += BATCH) {
    ensureNotStopping();
    const chunk = corpus.speeches.slice(i, i + BATCH);
    await sql`INSERT INTO speeches (transcript_id, held_on, position, speaker_id, kind, body, is_public)
      SELECT transcript_id, held_on, position, speaker_id, 'speech', body, true
      FROM unnest(${chunk.map((s) => s.transcript)}::int[], ${chunk.map((s) => corpus.transcripts[s.transcript - 1]?.heldOn ?? '2021-01-01')}::date[],
        ${chunk.map((s) => s.position)}::int[], ${chunk.map((s) => s.speaker)}::int[],
        ${chunk.map((s) => s.body)}::text[]) AS x(transcript_id, held_on, position, speaker_id, body)`.execute(db);
    if ((i / BATCH) % 20 === 19) log(`bench:search: ${engine}: ${(i + chunk.length).toLocaleString('en-US')} speeches loaded …`);
  }
  const importSeconds = (performance.now() - importStart) / 1000;
  await sql`SELECT setval(pg_get_serial_sequence('speakers', 'id'), (SELECT max(id) FROM speakers))`.execute(db);
  await sql`SELECT setval(pg_get_serial_sequence('transcripts', 'id'), (SELECT max(id) FROM transcripts))`.execute(db);

  log(`bench:search: ${engine}: building indexes …`);
  const indexStart = performance.now();
  await sql`CREATE INDEX speeches_transcript_idx ON speeches (transcript_id, position)`.execute(db);
  await sql`CREATE INDEX speeches_speaker_idx ON speeches (speaker_id, id) WHERE is_public`.execute(db);
  await sql`CREATE INDEX speeches_public_order_idx ON speeches (held_on DESC, transcript_id DESC, position) WHERE is_public`.execute(db);
  // The search index proper: every speech tokenized in JS and its terms' posting lists written in blocks.
  const postingsStart = performance.now();
  await rebuildSearchIndex(db);
  const postingsSeconds = (performance.now() - postingsStart) / 1000;
  const indexSeconds = (performance.now() - indexStart) / 1000;

  const analyzeStart = performance.now();
  await sql`VACUUM ANALYZE`.execute(db);
  const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
  const size = await sql<{ n: number }>`SELECT pg_database_size(current_database())::bigint AS n`.execute(db);
  const postingsSize = await sql<{ n: number }>`SELECT pg_total_relation_size('speech_postings')::bigint AS n`.execute(db);
  return {
    engine,
    importSeconds,
    indexSeconds,
    postingsSeconds,
    analyzeSeconds,
    databaseBytes: Number(size.rows[0]?.n ?? 0),
    dataDirBytes: undefined,
    postingsBytes: Number(postingsSize.rows[0]?.n ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring.

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

interface Latency {
  p50: number;
  p95: number;
  max: number;
}
function summarize(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}



async function startServer(env: Record<string, string>): Promise<string> {
  ensureNotStopping();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', COCREATE_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.server = child;
  let output = '';
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    ensureNotStopping();
    if (spawnError || !isRunning(child)) throw new Error(`the server exited before it was ready (${spawnError?.message ?? `code ${String(child.exitCode)}`}):\n${output}`);
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return base;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server was not ready within 120 s:\n${output}`);
}

interface HttpAnswer {
  ms: number;
  count: number;
  capped: boolean;
  items: number;
}

interface SearchBody {
  items: unknown[];
  count: number;
  countCapped: boolean;
}
function isSearchBody(value: unknown): value is SearchBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.items) && typeof v.count === 'number' && typeof v.countCapped === 'boolean';
}

/**
 * One kept-alive connection, as a browser or a script reuses one: Node's fetch (undici) adds about a millisecond per
 * request at p50 and several at p95 on this 2-core machine, which would measure the client rather than the server.
 */
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

function httpGet(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: keepAlive, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

async function ask(base: string, q: string): Promise<HttpAnswer> {
  ensureNotStopping();
  const url = `${base}/api/v1/search/speeches?q=${encodeURIComponent(q)}&perPage=${PER_PAGE}`;
  const start = performance.now();
  const { status, text } = await httpGet(url);
  const ms = performance.now() - start;
  if (status !== 200) throw new Error(`GET ${url} answered ${status}: ${text.slice(0, 300)}`);
  const body: unknown = JSON.parse(text);
  if (!isSearchBody(body)) throw new Error(`GET ${url}: unexpected body ${text.slice(0, 300)}`);
  return { ms, count: body.count, capped: body.countCapped, items: body.items.length };
}

interface EngineResult {
  load: LoadFigures;
  inProcess: Latency;
  http: Latency;
  answers: HttpAnswer[];
  mismatches: string[];
}

function checkCounts(queries: string[], answers: HttpAnswer[], rgCounts: number[] | undefined): string[] {
  const problems: string[] = [];
  queries.forEach((q, i) => {
    const a = answers[i];
    if (!a) return;
    if (a.items !== Math.min(PER_PAGE, a.count)) problems.push(`${q}: ${a.items} items for a count of ${a.count}`);
    const expected = rgCounts?.[i];
    if (expected === undefined) return;
    const ok = expected > COUNT_CAP ? a.capped && a.count === COUNT_CAP : !a.capped && a.count === expected;
    if (!ok) problems.push(`${q}: ours ${a.count}${a.capped ? '+' : ''}, rg ${expected}`);
  });
  return problems;
}

async function benchEngine(
  engine: 'pglite' | 'postgres',
  corpus: Corpus,
  queries: { warmup: string[]; measured: string[] },
  tempRoot: string,
  rgCounts: number[] | undefined,
): Promise<EngineResult> {
  let database: Database;
  let serverEnv: Record<string, string>;
  let dataDir: string | undefined;
  let label: string;
  if (engine === 'pglite') {
    const root = path.join(tempRoot, 'data');
    dataDir = path.join(root, 'pglite'); // where the server looks for it (src/bootstrap.ts)
    await mkdir(root, { recursive: true });
    database = await openDatabase({ engine: 'pglite', dataDir });
    serverEnv = { COCREATE_DATA_DIR: root, DATABASE_URL: '' };
    label = 'PGlite';
  } else {
    if (!postgresUrl) throw new Error('DATABASE_URL is not set');
    const name = `cocreate_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5000 });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    started.pgDatabases.push({ adminUrl: postgresUrl, name });
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 2 });
    serverEnv = { DATABASE_URL: url.toString(), COCREATE_DATA_DIR: path.join(tempRoot, 'unused') };
    const version = await sql<{ v: string }>`SHOW server_version`.execute(database.db);
    label = `PostgreSQL ${version.rows[0]?.v ?? ''}`.trim();
  }
  started.databases.push(database);
  log(`bench:search: ${label}: loading ${corpus.speeches.length.toLocaleString('en-US')} speeches …`);
  const figures = await load(database, corpus, label);

  // The query alone, in this process (no HTTP, no JSON): shows how much of the latency is the database's.
  for (const q of queries.warmup) await searchSpeeches(database.db, { q, limit: PER_PAGE, offset: 0 });
  const direct: number[] = [];
  for (const q of queries.measured) {
    ensureNotStopping();
    const start = performance.now();
    await searchSpeeches(database.db, { q, limit: PER_PAGE, offset: 0 });
    direct.push(performance.now() - start);
  }
  await database.close();
  started.databases = started.databases.filter((d) => d !== database);
  if (dataDir !== undefined) figures.dataDirBytes = await dirSize(dataDir);

  log(`bench:search: ${label}: starting the server …`);
  const base = await startServer(serverEnv);
  for (const q of queries.warmup) await ask(base, q);
  const answers: HttpAnswer[] = [];
  for (const q of queries.measured) answers.push(await ask(base, q));
  await stopServer();
  if (engine === 'postgres') {
    const last = started.pgDatabases.pop();
    if (last) await dropPgDatabase(last.adminUrl, last.name);
  }
  return { load: figures, inProcess: summarize(direct), http: summarize(answers.map((a) => a.ms)), answers, mismatches: checkCounts(queries.measured, answers, rgCounts) };
}

// ---------------------------------------------------------------------------------------------
// The reference: ripgrep over the same text, one speech per line.

function findRg(): string | undefined {
  const candidate = process.env.RG || 'rg';
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 5000 });
  return probe.status === 0 ? candidate : undefined;
}

function rgCount(rg: string, term: string, file: string): { ms: number; count: number } {
  const start = performance.now();
  const result = spawnSync(rg, ['--no-config', '-c', '-F', '--', term, file], { encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - start;
  if (result.status === 1) return { ms, count: 0 };
  if (result.status !== 0) throw new Error(`rg failed for ${term}: ${result.stderr || result.error?.message || `status ${String(result.status)}`}`);
  return { ms, count: Number(result.stdout.trim()) };
}

// ---------------------------------------------------------------------------------------------
// Output.

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const fmtMs = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');
const fmtS = (n: number) => `${n.toFixed(1)} s`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

async function writeDocs(section: string): Promise<void> {
  const block = `${markerStart}\n${section}\n${markerEnd}`;
  let doc = await readFile(docsFile, 'utf8');
  const start = doc.indexOf(markerStart);
  const end = doc.indexOf(markerEnd);
  if (start !== -1 && end > start) doc = `${doc.slice(0, start)}${block}${doc.slice(end + markerEnd.length)}`;
  else doc = `${doc.trimEnd()}\n\n## Search at scale: latest results\n\n${block}\n`;
  await writeFile(docsFile, doc);
}

async function main(): Promise<void> {
  const runStart = performance.now();
  const loadBefore = os.loadavg()[0];
  const engines: ('pglite' | 'postgres')[] = [...(runPglite ? (['pglite'] as const) : []), ...(postgresUrl ? (['postgres'] as const) : [])];
  if (engines.length === 0) throw new Error('nothing to measure: BENCH_PGLITE=0 and no DATABASE_URL');

  log(`bench:search: generating ${speechCount.toLocaleString('en-US')} speeches …`);
  const genStart = performance.now();
  const corpus = makeCorpus(speechCount);
  const queries = makeQueries(corpus);
  const genSeconds = (performance.now() - genStart) / 1000;
  const tempRoot = await mkdtemp(path.join(os.tmpdir(), 'cocreate-bench-search-'));
  started.tempRoot = tempRoot;
  const corpusFile = path.join(tempRoot, 'corpus.txt');
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(corpusFile);
    out.on('error', reject);
    out.on('finish', resolve);
    for (const s of corpus.speeches) out.write(`${s.body}\n`);
    out.end();
  });
  log(`bench:search: ${corpus.speeches.length.toLocaleString('en-US')} speeches, ${mb(corpus.bytes)}, ${corpus.transcripts.length} transcripts, ${corpus.names.length} speakers (${genSeconds.toFixed(1)} s)`);

  // Reference first: its counts are what every engine's answers are checked against.
  let rg = findRg();
  if (!rg && process.getuid?.() === 0) {
    log('bench:search: rg not found; trying apt-get install -y ripgrep …');
    spawnSync('apt-get', ['install', '-y', 'ripgrep'], { stdio: 'ignore', timeout: 180_000 });
    rg = findRg();
  }
  let rgLatency: Latency | undefined;
  let rgCounts: number[] | undefined;
  let rgVersion = '';
  if (rg) {
    rgVersion = spawnSync(rg, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
    for (const q of queries.warmup) rgCount(rg, q, corpusFile); // and the file is in the page cache
    const times: number[] = [];
    rgCounts = [];
    for (const q of queries.measured) {
      ensureNotStopping();
      const r = rgCount(rg, q, corpusFile);
      times.push(r.ms);
      rgCounts.push(r.count);
    }
    rgLatency = summarize(times);
    log(`bench:search: ${rgVersion}: p50 ${fmtMs(rgLatency.p50)} ms, p95 ${fmtMs(rgLatency.p95)} ms`);
  } else {
    log('bench:search: ripgrep (rg) not found: the reference is skipped (Debian: apt-get install -y ripgrep)');
  }

  const results: EngineResult[] = [];
  for (const engine of engines) results.push(await benchEngine(engine, corpus, queries, tempRoot, rgCounts));

  // Report.
  const counts = results[0]?.answers ?? [];
  const capped = counts.filter((a) => a.capped).length;
  const none = counts.filter((a) => a.count === 0).length;
  const meanCount = counts.reduce((sum, a) => sum + a.count, 0) / Math.max(1, counts.length);
  const lengths = [2, 3, 4].map((n) => `${queries.measured.filter((q) => [...q].length === n).length}×${n}`).join(', ');
  const table: string[] = [
    '| engine | import | index build (postings) | database size | search p50 ms | search p95 ms | query alone p50 / p95 ms | rg p50 / p95 ms | rg p95 ÷ ours p95 | p95 ≤ 20 ms | ≥ 3× rg | counts = rg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|',
  ];
  for (const r of results) {
    const l = r.load;
    const ratio = rgLatency ? rgLatency.p95 / r.http.p95 : Number.NaN;
    const size = l.dataDirBytes === undefined ? mb(l.databaseBytes) : `${mb(l.databaseBytes)} (folder ${mb(l.dataDirBytes)})`;
    table.push(
      `| ${l.engine} | ${int(corpus.speeches.length / l.importSeconds)} speeches/s, ${(corpus.bytes / 1e6 / l.importSeconds).toFixed(1)} MB/s (${fmtS(l.importSeconds)}) | ${fmtS(l.indexSeconds)} (${fmtS(l.postingsSeconds)}; ${mb(l.postingsBytes)}) | ${size} | ${fmtMs(r.http.p50)} | ${fmtMs(r.http.p95)} | ${fmtMs(r.inProcess.p50)} / ${fmtMs(r.inProcess.p95)} | ${rgLatency ? `${fmtMs(rgLatency.p50)} / ${fmtMs(rgLatency.p95)}` : 'skipped'} | ${Number.isFinite(ratio) ? ratio.toFixed(1) : '–'} | ${r.http.p95 <= P95_TARGET_MS ? 'met' : '**not met**'} | ${!rgLatency ? '–' : ratio >= RATIO_TARGET ? 'met' : '**not met**'} | ${rgCounts ? (r.mismatches.length === 0 ? `yes (${queries.measured.length}/${queries.measured.length})` : `**${r.mismatches.length} differ**`) : '–'} |`,
    );
  }
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const minutes = (performance.now() - runStart) / 60_000;
  const notes = [
    `- Corpus: ${int(corpus.speeches.length)} generated speeches (${mb(corpus.bytes)} of UTF-8 text, ${int(corpus.bytes / corpus.speeches.length)} bytes each on average), ${int(corpus.transcripts.length)} published transcripts, ${corpus.names.length} speakers; deterministic (seeded), so every run searches the same text.`,
    `- Queries: ${queries.measured.length} (${lengths} characters; names, vocabulary, agency names, local place names (the rare tail), ${queries.measured.filter((q) => /^[A-Z]+$/.test(q)).length} Latin acronyms, random pieces of speeches), each \`GET /api/v1/search/speeches?q=…&perPage=${PER_PAGE}\` one at a time after ${queries.warmup.length} warm-up queries; top ${PER_PAGE} and the count (exact up to ${int(COUNT_CAP)}): ${capped} capped at ${int(COUNT_CAP)}, ${none} with no result, ${int(meanCount)} on average.`,
    `- Import: speakers, transcripts and speeches inserted in batches of ${int(BATCH)} with the speech indexes dropped; then the B-tree indexes are built, the search index is rebuilt from the speeches (\`rebuildSearchIndex\`: every body tokenized in JS, posting lists written in blocks; its time and total size, table and primary key, in brackets), and \`VACUUM ANALYZE\` runs (${results.map((r) => `${fmtS(r.load.analyzeSeconds)} on ${r.load.engine}`).join(', ')}).`,
    `- "query alone": \`searchSpeeches\` called in the benchmark process on the same database before the server starts (no HTTP, no JSON), to show how much of the latency is the database's.`,
    `- Reference: ${rgLatency ? `${rgVersion}, \`rg --no-config -c -F -- TERM corpus.txt\` over the same text (one speech per line, in the page cache), one process per query, wall time including its start-up` : 'skipped (ripgrep not installed)'}. Every count of ours is checked against rg's: equal below ${int(COUNT_CAP)}, capped above it.`,
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; run time ${minutes.toFixed(1)} min.`,
    `- Machine: ${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()}); Node ${process.version}; 1-minute load average ${(loadBefore ?? 0).toFixed(2)} before the run, ${(os.loadavg()[0] ?? 0).toFixed(2)} at its end.`,
  ];
  // Where the time goes: latency by how many speeches match, and the slowest queries.
  const byCount = (r: EngineResult): string =>
    (
      [
        ['under 100 matches', (n: number, c: boolean) => !c && n < 100],
        ['100–1,000', (n: number, c: boolean) => !c && n >= 100],
        ['over 1,000 (capped)', (_n: number, c: boolean) => c],
      ] as const
    )
      .map(([name, test]) => {
        const ms = r.answers.filter((a) => test(a.count, a.capped)).map((a) => a.ms);
        const l = summarize(ms);
        return `${name} ${ms.length} queries, p50 ${fmtMs(l.p50)} / p95 ${fmtMs(l.p95)} ms`;
      })
      .join('; ');
  const slowest = (r: EngineResult): string =>
    r.answers
      .map((a, i) => ({ a, q: queries.measured[i] ?? '' }))
      .sort((x, y) => y.a.ms - x.a.ms)
      .slice(0, 5)
      .map(({ a, q }) => `${q} ${fmtMs(a.ms)} ms (${a.capped ? `${int(COUNT_CAP)}+` : int(a.count)})`)
      .join(', ');
  const verdicts: string[] = [];
  for (const r of results) {
    const ratio = rgLatency ? rgLatency.p95 / r.http.p95 : Number.NaN;
    verdicts.push(
      `- ${r.load.engine}: p95 ${fmtMs(r.http.p95)} ms (target ≤ ${P95_TARGET_MS} ms: ${r.http.p95 <= P95_TARGET_MS ? 'met' : 'not met'})${rgLatency ? `; ${ratio.toFixed(1)}× faster than rg at p95 (target ≥ ${RATIO_TARGET}×: ${ratio >= RATIO_TARGET ? 'met' : 'not met'})` : ''}; by count: ${byCount(r)}; slowest: ${slowest(r)}.${r.mismatches.length > 0 ? ` Counts that differ from rg: ${r.mismatches.slice(0, 10).join('; ')}.` : ''}`,
    );
  }
  const section = [table.join('\n'), '', ...verdicts, '', ...notes].join('\n');
  process.stdout.write(`\n${section}\n\n`);
  if (write) {
    await writeDocs(section);
    log(`bench:search: wrote ${path.relative(repoRoot, docsFile)}`);
  }
  if (results.some((r) => r.mismatches.length > 0)) {
    for (const r of results) for (const m of r.mismatches) log(`bench:search: ${r.load.engine}: count differs: ${m}`);
    process.exitCode = 1;
  }
}

async function run(): Promise<void> {
  const deadline = setTimeout(() => {
    log(`bench:search: still running after ${timeoutMinutes} min (BENCH_SEARCH_TIMEOUT_MINUTES): stopping`);
    void cleanup().finally(() => process.exit(1));
  }, timeoutMinutes * 60_000);
  deadline.unref();
  try {
    await main();
    await cleanup();
  } catch (error: unknown) {
    if (interrupted || stopping) return;
    log(`bench:search failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanup();
    process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
  }
}

await run();
