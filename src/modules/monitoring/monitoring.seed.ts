/**
 * Demonstration monitoring data for the demo plan (tw-2021-2024): its ten review cycles; the founding of the
 * Ministry of Digital Affairs, which takes over commitment 1-2; a progress report for every commitment and cycle with
 * an entry for every milestone; their submission (some late, one revised, the current cycle incomplete); evidence
 * links and files; and contributions from supporting agencies.
 *
 * Illustrative only: figures, texts, names and submission dates are invented for demonstration and are not official
 * figures. Deterministic: a seeded PRNG and fixed dates, never the clock, so every fresh database looks the same.
 */
import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/connection.js';
import { emptyLocalized, normalizeLocalized, type Localized } from '../../domain/localized.js';
import {
  activeInCycle,
  addDays,
  checkEvidenceFile,
  checkMilestoneProgress,
  generateCycles,
  type MilestoneProgress,
  type MilestoneProgressStatus,
  type ReviewCycle,
} from '../../domain/monitoring.js';
import type { Agency, Commitment, Milestone } from '../../domain/plan.js';
import { recordHistory } from '../history/history.queries.js';
import * as plans from '../plans/plans.queries.js';
import * as q from './monitoring.queries.js';

/** The reorganization in the demo: 1-2's lead (科技部 in the demo plan) hands over to the new ministry on its founding day. */
export const DEMO_TRANSFER = { number: '1-2', from: 'MOST', to: 'MODA', effectiveOn: '2022-08-27' } as const;

/** Commitments of the last (current) cycle with no report at all, and with a report still in draft. */
export const DEMO_UNREPORTED_LAST_CYCLE: { missing: readonly string[]; draft: readonly string[] } = {
  missing: ['2-4', '3-3', '4-2', '5-1'],
  draft: ['1-5', '3-2'],
};

/** The one report revised after submission: revision 1 superseded by revision 2, three days later. */
export const DEMO_REVISION = { number: '2-2', cycle: 5 } as const;

/** Reports of the last cycle submitted after the deadline (earlier cycles: about 15 %, by the PRNG). */
const LATE_IN_LAST_CYCLE: readonly string[] = ['1-4', '3-1'];
const LATE_SHARE = 0.15;
const SEED = 20210101;

// ---------------------------------------------------------------- deterministic randomness

/** mulberry32: small, fast and seeded. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, so each report draws from its own stream and one change does not reshuffle the rest. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Random {
  private readonly next: () => number;
  constructor(key: string) {
    this.next = mulberry32(SEED ^ hash(key));
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** Up to `n` distinct items, in a random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const rest = [...items];
    const out: T[] = [];
    while (out.length < n && rest.length > 0) out.push(...rest.splice(Math.floor(this.next() * rest.length), 1));
    return out;
  }
}

// ---------------------------------------------------------------- text helpers

interface Text {
  zh: string;
  en: string;
}
const t = (zh: string, en: string): Text => ({ zh, en });
const reviewed = (x: Text): Localized => normalizeLocalized({ ...x, status: 'reviewed' });
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

type Template = (r: Random) => Text;

// ---------------------------------------------------------------- what happened, commitment by commitment

/**
 * Activities reported under each milestone (by position), zh and en side by side. Figures are drawn per report.
 */
const ACTIVITIES: Record<string, readonly (readonly Template[])[]> = {
  '1-1': [
    [(r) => { const n = r.int(1, 2); return t(`召開高應用價值資料徵詢公開會議${n}場`, `held ${plural(n, 'public consultation meeting', 'public consultation meetings')} on high-value data`); },
     (r) => { const n = r.int(12, 30); return t(`新增候選資料集${n}項`, `added ${n} candidate datasets`); }],
    [(r) => { const n = r.int(15, 45); const k = r.int(90, 98); return t(`受理民眾資料需求${n}件，${k}%於30日內回覆`, `received ${n} public data requests, ${k}% answered within 30 days`); }],
    [(r) => { const n = r.int(6, 14); return t(`依徵詢結果新開放高應用價值資料集${n}項`, `released ${n} high-value datasets from the consultation list`); },
     (r) => { const n = r.int(70, 86); return t(`通過品質檢核之資料集比率達${n}%`, `brought the share of datasets passing the quality check to ${n}%`); }],
  ],
  '1-2': [
    [(r) => { const n = r.int(60, 180); return t(`平臺新增感測資料集${n}項`, `added ${n} sensor datasets to the platform`); },
     (r) => { const n = r.int(15, 40); return t(`串接即時感測資料串流${n}項`, `connected ${n} real-time sensor streams`); }],
    [(r) => { const n = r.int(5, 12); return t(`核定${n}個民間及學研團隊使用運算資源，審查結果全數公開`, `approved computing resources for ${n} civic and research teams and published every decision`); }],
    [(r) => { const n = r.int(60, 180); return t(`辦理資料使用者研討會1場、計${n}人次參與`, `held a user workshop with ${n} participants`); },
     (r) => { const n = r.int(8, 25); return t(`就使用者建議${n}則公開機關回應`, `published agency responses to ${n} user suggestions`); }],
  ],
  '1-3': [
    [(r) => { const n = r.int(20, 60); return t(`彙整個資衝擊評估指引草案意見${n}則並逐則回應`, `answered each of ${n} comments on the draft PIA guidelines`); }],
    [(r) => { const n = r.int(2, 5); return t(`輔導${n}個中央機關完成個資衝擊評估並公開摘要`, `helped ${n} central agencies complete privacy impact assessments and publish summaries`); },
     (r) => { const n = r.int(2, 6); const m = r.int(120, 400); return t(`辦理個資保護教育訓練${n}場、計${m}人次`, `held ${n} data protection training sessions for ${m} participants`); }],
    [(r) => { const n = r.int(4, 12); return t(`新增${n}個主管機關之當事人權利行使資訊`, `added data-rights information from ${n} sector regulators`); }],
  ],
  '1-4': [
    [(r) => { const n = r.int(80, 160); const m = r.int(5, 9); return t(`回收政府資訊申請問卷${n}份、完成訪談${m}場`, `collected ${n} questionnaires on information requests and held ${m} interviews`); }],
    [(r) => { const n = r.int(400, 1500); return t(`彙整政府資訊公開申請案件${thousands(n)}件之准駁統計`, `compiled grant and refusal statistics for ${thousands(n)} information requests`); }],
    [(r) => { const n = r.int(3, 10); const m = r.int(200, 700); return t(`辦理公務員資訊公開研習${n}場、計${m}人次`, `trained ${m} civil servants on access to information in ${n} sessions`); }],
  ],
  '1-5': [
    [(r) => { const n = r.int(1, 2); const m = r.int(6, 15); return t(`辦理環境資訊培力工作坊${n}場，${m}個社區及團體參加`, `held ${plural(n, 'workshop', 'workshops')} on environmental information for ${m} communities and organisations`); }],
    [(r) => { const n = r.int(4, 10); return t(`新增離岸風電海域環境圖層${n}項，提供GeoJSON及API`, `published ${n} new marine environment layers for offshore wind as GeoJSON and through the API`); }],
    [(r) => { const n = r.int(20, 70); return t(`揭露${n}處地面型太陽光電案場環境資訊`, `disclosed environmental information on ${n} ground-mounted solar sites`); }],
  ],
  '2-1': [
    [(r) => { const n = r.int(12, 40); return t(`完成電子連署系統功能測試${n}項`, `completed ${n} functional tests of the e-signature system`); },
     (r) => { const n = r.int(6, 20); return t(`修補資安檢測弱點${n}項`, `fixed ${n} findings from security testing`); }],
    [(r) => { const n = r.int(2, 4); return t(`辦理電子連署系統操作說明會${n}場`, `held ${n} briefings on using the e-signature system`); }],
  ],
  '2-2': [
    [(r) => { const n = r.int(5, 9); const m = r.int(220, 400); return t(`辦理青年好政Let’s Talk審議討論${n}場、${m}人次參與`, `held ${n} Youth Let’s Talk deliberations with ${m} participants`); },
     (r) => { const n = r.int(8, 25); return t(`機關書面回應青年提案${n}件並全數公開`, `published agencies’ written answers to ${n} youth proposals`); }],
    [(r) => { const n = r.int(20, 60); return t(`網站彙整青諮會會議紀錄${n}份`, `brought together ${n} sets of youth advisory minutes on the website`); }],
    [(r) => { const n = r.int(4, 9); return t(`公開校務資料集${n}項`, `published ${n} school datasets`); }],
  ],
  '2-3': [
    [(r) => { const n = r.int(12, 30); return t(`地方創生互動平臺新增案例${n}則`, `added ${n} cases to the regional revitalization platform`); }],
    [(r) => { const n = r.int(25, 50); const k = r.int(88, 97); return t(`受理地方需求${n}則，${k}%於30日內回應`, `received ${n} local needs, ${k}% answered within 30 days`); }],
    [(r) => { const n = r.int(2, 5); return t(`完成跨域合作媒合${n}案`, `brokered ${n} cross-regional partnerships`); }],
  ],
  '2-4': [
    [(r) => { const n = r.int(1, 3); const m = r.int(8, 15); return t(`辦理勞工團體座談${n}場，蒐集籌組工會案例${m}件`, `held ${plural(n, 'meeting', 'meetings')} with labour groups and collected ${m} union-forming cases`); }],
    [(r) => { const n = r.int(5, 11); return t(`${n}個直轄市、縣（市）採用統一登記文件範本`, `${n} municipalities and counties adopted the common registration templates`); }],
    [(r) => { const n = r.int(10, 25); const m = r.int(500, 1200); return t(`辦理工會組織及職業安全衛生宣導${n}場、${thousands(m)}人次`, `held ${n} outreach sessions on unions and occupational safety for ${thousands(m)} participants`); }],
  ],
  '2-5': [
    [(r) => { const n = r.int(15, 30); return t(`盤點公民與社會教學資源${n}項`, `mapped ${n} Civics and Society teaching resources`); }],
    [(r) => { const n = r.int(2, 4); return t(`完成開放政府教學模組${n}套，以CC BY 4.0授權公開`, `completed ${n} open government teaching modules, published under CC BY 4.0`); }],
    [(r) => { const n = r.int(6, 12); const m = r.int(180, 360); return t(`辦理教師增能研習${n}場、${m}人次`, `held ${n} teacher workshops with ${m} participants`); }],
  ],
  '3-1': [
    [(r) => { const n = r.int(1, 2); const m = r.int(25, 45); return t(`辦理CEDAW國家報告區域意見交流會${n}場，${m}個團體出席`, `held ${plural(n, 'regional consultation', 'regional consultations')} on the CEDAW report, attended by ${m} organisations`); }],
    [(r) => { const n = r.int(20, 60); return t(`以開放格式更新結論性意見追蹤表${n}點`, `updated ${n} concluding observations in the open-format follow-up table`); }],
    [(r) => { const n = r.int(86, 93); return t(`公部門委員會符合任一性別三分之一比率達${n}%`, `found ${n}% of public committees meeting the one-third gender ratio`); }],
  ],
  '3-2': [
    [(r) => { const n = r.int(5, 9); const m = r.int(90, 160); return t(`開設新住民公共事務培力課程${n}場，${m}人結業`, `ran ${n} public affairs courses for new immigrants; ${m} completed them`); }],
    [(r) => { const n = r.int(5, 8); return t(`以${n}種語言發布政策資訊`, `published policy information in ${n} languages`); }],
    [(r) => { const n = r.int(1, 3); return t(`辦理社區多語政策座談${n}場`, `held ${plural(n, 'multilingual community forum', 'multilingual community forums')}`); }],
  ],
  '3-3': [
    [(r) => { const n = r.int(2, 3); return t(`於東部及山地地區辦理提案機制說明會${n}場`, `held ${n} meetings on the proposal mechanism in the east and in mountain areas`); }],
    [(r) => { const n = r.int(3, 7); return t(`受理原住民族政策提案${n}件並公開回應`, `received ${n} Indigenous policy proposals and published the answers`); }],
    [(r) => { const n = r.int(800, 1800); const m = r.int(150, 400); return t(`南島圖書資訊資料庫新增書目${thousands(n)}筆、全文${m}筆`, `added ${thousands(n)} records and ${m} full texts to the Austronesian library database`); }],
  ],
  '3-4': [
    [(r) => { const n = r.int(1, 2); return t(`召開客家事務公私協作會議${n}場，紀錄全數公開`, `held ${plural(n, 'public–private meeting', 'public–private meetings')} on Hakka affairs and published the minutes`); }],
    [(r) => { const n = r.int(60, 120); const m = r.int(6, 12); return t(`辦理客家青年培力營，${n}人參加、提出提案${m}件`, `ran a Hakka youth camp with ${n} participants and ${m} proposals`); }],
    [(r) => { const n = r.int(8, 20); return t(`釋出客家開放資料${n}項，附欄位說明`, `released ${n} Hakka open datasets with field descriptions`); }],
  ],
  '4-1': [
    [(r) => { const n = r.int(2, 3); return t(`完成${n}國選舉經費透明化制度比較`, `compared campaign finance transparency in ${n} countries`); }],
    [(r) => { const n = r.int(3, 8); return t(`完成政治獻金資訊系統功能更新${n}項`, `upgraded ${n} features of the political donation information system`); },
     (r) => { const n = r.int(150, 600); return t(`以CSV公開會計報告明細${n}份`, `published ${n} itemised accounting reports as CSV`); }],
    [(r) => { const n = r.int(1, 2); return t(`召開關係人交易揭露修法諮詢會議${n}場`, `held ${plural(n, 'consultation meeting', 'consultation meetings')} on disclosing related-party transactions`); }],
  ],
  '4-2': [
    [(r) => { const n = r.int(2, 5); return t(`單一入口網完成串接${n}個既有廉政平臺`, `linked ${n} existing integrity platforms to the single portal`); }],
    [(r) => { const n = r.int(3, 6); return t(`依統一格式公開採購案件資料${n}案`, `published data on ${n} procurements in the common format`); }],
    [(r) => { const n = r.int(1, 2); const m = r.int(1, 2); return t(`推動開放契約試行${n}案，辦理典範案例分享會${m}場`, `piloted open contracting on ${plural(n, 'procurement', 'procurements')} and held ${plural(m, 'case-sharing session', 'case-sharing sessions')}`); }],
  ],
  '4-3': [
    [(r) => { const n = r.int(1, 2); const m = r.int(30, 90); return t(`召開揭弊者保護法草案諮詢會議${n}場，彙整意見${m}則`, `held ${plural(n, 'consultation meeting', 'consultation meetings')} on the whistleblower bill and compiled ${m} comments`); }],
    [(r) => { const n = r.int(20, 50); return t(`公開草案修正對照表及${n}則意見之處理說明`, `published the revision table of the draft and how ${n} comments were handled`); }],
    [(r) => { const n = r.int(1, 3); return t(`辦理揭弊者保護內部說明${n}場`, `held ${plural(n, 'internal briefing', 'internal briefings')} on whistleblower protection`); }],
  ],
  '5-1': [
    [(r) => { const n = r.int(2, 3); return t(`商工登記公示資料查詢新增欄位${n}項`, `added ${n} fields to the company register search`); }],
    [(r) => { const n = r.int(300, 500); const k = r.int(95, 98); return t(`抽查${n}家公司負責人及主要股東申報，申報率${k}%`, `checked director and shareholder filings of ${n} companies; ${k}% had filed`); }],
    [(r) => { const n = r.int(5, 9); const m = r.int(350, 700); return t(`辦理法人透明度教育訓練${n}場、${m}人次`, `held ${n} training sessions on legal-entity transparency for ${m} participants`); }],
  ],
  '5-2': [
    [(r) => { const n = r.int(30, 60); return t(`辦理財務運作優良宗教團體觀摩會1場，${n}個團體參加`, `held a peer visit to well-run religious organisations, attended by ${n} organisations`); }],
    [(r) => { const n = r.int(6, 12); return t(`實地查核全國性宗教財團法人${n}家`, `inspected ${n} national religious foundations on site`); }],
    [(r) => { const n = r.int(40, 120); return t(`輔導${n}個宗教團體完成年度財務報告申報`, `helped ${n} religious organisations file their annual financial reports`); }],
  ],
};

/** Milestones behind schedule or withdrawn, with the reason the agency gave. Percents are per cycle number. */
interface Storyline {
  number: string;
  position: number;
  status: 'delayed' | 'withdrawn';
  percents: Record<number, number>;
  reason: Text;
}

const STORYLINES: readonly Storyline[] = [
  {
    number: '2-1', position: 1, status: 'delayed', percents: { 2: 40, 3: 70 },
    reason: t(
      '資安檢測採購案首次招標無廠商投標，已重新辦理招標，檢測時程順延。',
      'The first tender for security testing drew no bids; the procurement was re-tendered and testing postponed.',
    ),
  },
  {
    number: '2-1', position: 2, status: 'delayed', percents: { 5: 60 },
    reason: t(
      '因資安檢測採購重新招標，系統上線時程順延至2022年第4季。',
      'Because the security-testing procurement had to be re-tendered, the launch moved to the fourth quarter of 2022.',
    ),
  },
  {
    number: '1-3', position: 3, status: 'delayed', percents: { 7: 15, 8: 20, 9: 30 },
    reason: t(
      '獨立專責機關組織規劃之公開徵詢，須待個人資料保護獨立專責機關（籌備處）設立後辦理，時程因此延後。',
      'The consultation on the organisation of the independent data-protection authority has to wait until the authority (its preparatory office) is set up, so it has been postponed.',
    ),
  },
  {
    number: '1-3', position: 3, status: 'delayed', percents: { 10: 65 },
    reason: t(
      '獨立專責機關籌備處已成立，組織規劃草案刻正研擬，公開徵詢延至2024年下半年辦理；當事人權利行使查詢頁面已上線。',
      'The preparatory office of the independent authority is in place and drafting its organisation plan; the consultation moves to the second half of 2024. The data-rights page is online.',
    ),
  },
  {
    number: '5-2', position: 2, status: 'delayed', percents: { 5: 40, 6: 65 },
    reason: t(
      '實地查核項目及作業方式須先與宗教團體溝通，諮詢座談所需時間較預期長，查核進度因此落後。',
      'Inspection items and procedures had to be discussed with religious organisations first; these consultations took longer than expected, so inspections fell behind.',
    ),
  },
  {
    number: '4-3', position: 3, status: 'delayed', percents: { 7: 10, 8: 15, 9: 20, 10: 25 },
    reason: t(
      '揭弊者保護法草案已送立法院，尚待立法院審議；對外宣導說明會須俟法案通過後依條文內容辦理。',
      'The whistleblower protection bill is still under review in the Legislative Yuan; public information sessions will follow once the law is passed, based on its final text.',
    ),
  },
  {
    number: '4-1', position: 3, status: 'withdrawn', percents: { 9: 45, 10: 45 },
    reason: t(
      '經推動小組會議同意撤回：關係人交易揭露將併入《政治獻金法》全案修正另行研議，不再單獨提出修正草案。',
      'Withdrawn with the forum’s agreement: disclosure of related-party transactions will be handled in a comprehensive revision of the Political Donations Act instead of a separate amendment.',
    ),
  },
];

const GENERIC_PROBLEMS: readonly Text[] = [
  t('部分協辦機關資料提供時程不一，需逐案協調。', 'Supporting agencies deliver their inputs on different schedules, which needs case-by-case coordination.'),
  t('參與者多集中於北部，中南部及東部之參與仍待加強。', 'Most participants come from the north; participation from the centre, south and east needs more outreach.'),
  t('承辦人員異動，業務交接較為耗時。', 'Staff changes slowed the handover of the work.'),
  t('部分資料涉及個人資料，去識別化處理需時。', 'Some data contain personal data, and de-identification takes time.'),
  t('民間委員建議會議資料提前一週提供，將配合調整作業時程。', 'Civil-society members asked for meeting papers a week ahead; the schedule will be adjusted.'),
];

const COVID_PROBLEM = t(
  '受COVID-19疫情三級警戒影響，實體會議改為線上辦理，部分活動延期。',
  'Because of the COVID-19 level 3 alert, meetings moved online and some events were postponed.',
);

/** Cycles overlapping the 2021 level 3 alert (May–July 2021). */
const COVID_CYCLES: readonly number[] = [2];

type MeetingKind = 'working-group' | 'workshop' | 'consultation' | 'briefing';
interface MeetingKindInfo {
  zh: string;
  one: string;
  many: string;
  /** Participants per meeting, least and most. */
  civilSociety: readonly [number, number];
  government: readonly [number, number];
}

const MEETING_KINDS: Record<MeetingKind, MeetingKindInfo> = {
  'working-group': { zh: '工作分組會議', one: 'working-group meeting', many: 'working-group meetings', civilSociety: [6, 18], government: [4, 10] },
  workshop: { zh: '公私協作工作坊', one: 'public–private workshop', many: 'public–private workshops', civilSociety: [15, 45], government: [5, 15] },
  consultation: { zh: '諮詢座談會', one: 'consultation meeting', many: 'consultation meetings', civilSociety: [8, 30], government: [3, 10] },
  briefing: { zh: '說明會', one: 'information session', many: 'information sessions', civilSociety: [20, 60], government: [3, 8] },
};
const MEETING_KIND_KEYS = Object.keys(MEETING_KINDS) as MeetingKind[];

interface Meeting {
  date: string;
  kind: MeetingKind;
  civilSociety: number;
  government: number;
}

const BUDGET_NOTES: readonly Text[] = [
  t('本期委託研究及工作坊辦理費用。', 'Commissioned study and workshops this period.'),
  t('系統建置維運及資安檢測費用。', 'System development, maintenance and security testing.'),
  t('宣導活動及教材印製費用。', 'Outreach events and printed materials.'),
  t('會議場地、出席費及交通費。', 'Meeting venues, attendance fees and travel.'),
];

// ---------------------------------------------------------------- evidence

interface Link {
  title: string;
  url: string;
}
const link = (title: string, url: string): Link => ({ title, url });

const AGENCY_LINKS: Record<string, Link> = {
  NDC: link('國家發展委員會 National Development Council', 'https://www.ndc.gov.tw/'),
  MODA: link('數位發展部 Ministry of Digital Affairs', 'https://moda.gov.tw/'),
  MOST: link('國家科學及技術委員會（原科技部） National Science and Technology Council', 'https://www.nstc.gov.tw/'),
  CEC: link('中央選舉委員會 Central Election Commission', 'https://www.cec.gov.tw/'),
  MOE: link('教育部 Ministry of Education', 'https://www.edu.tw/'),
  MOL: link('勞動部 Ministry of Labor', 'https://www.mol.gov.tw/'),
  HAC: link('客家委員會 Hakka Affairs Council', 'https://www.hakka.gov.tw/'),
  MOI: link('內政部 Ministry of the Interior', 'https://www.moi.gov.tw/'),
  CY: link('監察院 Control Yuan', 'https://www.cy.gov.tw/'),
  MOJ: link('法務部 Ministry of Justice', 'https://www.moj.gov.tw/'),
  EPA: link('環境部（原行政院環境保護署） Ministry of Environment', 'https://www.moenv.gov.tw/'),
  DGE: link('行政院性別平等會 Gender Equality Committee of the Executive Yuan', 'https://gec.ey.gov.tw/'),
  NIA: link('內政部移民署 National Immigration Agency', 'https://www.immigration.gov.tw/'),
  CIP: link('原住民族委員會 Council of Indigenous Peoples', 'https://www.cip.gov.tw/'),
  AAC: link('法務部廉政署 Agency Against Corruption', 'https://www.aac.moj.gov.tw/'),
  MOEA: link('經濟部 Ministry of Economic Affairs', 'https://www.moea.gov.tw/'),
  FSC: link('金融監督管理委員會 Financial Supervisory Commission', 'https://www.fsc.gov.tw/'),
};

const OPEN_DATA = link('政府資料開放平臺 Government Open Data Platform', 'https://data.gov.tw/');
const JOIN = link('公共政策網路參與平臺 Public Policy Network Participation Platform (JOIN)', 'https://join.gov.tw/');

const COMMITMENT_LINKS: Record<string, readonly Link[]> = {
  '1-1': [OPEN_DATA],
  '1-2': [link('民生公共物聯網 Civil IoT Taiwan', 'https://ci.taiwan.gov.tw/'), OPEN_DATA],
  '1-4': [OPEN_DATA],
  '1-5': [OPEN_DATA],
  '2-2': [link('教育部青年發展署 Youth Development Administration', 'https://www.yda.gov.tw/')],
  '2-3': [JOIN],
  '3-4': [OPEN_DATA],
  '4-1': [link('監察院政治獻金公開查閱平臺 Control Yuan political donations disclosure', 'https://ardata.cy.gov.tw/')],
  '4-2': [link('政府電子採購網 Government e-Procurement System', 'https://web.pcc.gov.tw/')],
  '5-1': [link('商工登記公示資料查詢服務 Company and business registration search', 'https://findbiz.nat.gov.tw/')],
  '5-2': [link('全國宗教資訊網 National Religion Information Network', 'https://religion.moi.gov.tw/')],
};

/** Reports that also carry a CSV of their meetings as an uploaded file: [commitment number, cycle number]. */
const CSV_EVIDENCE: readonly (readonly [string, number])[] = [
  ['3-1', 1],
  ['2-2', 2],
  ['1-1', 4],
  ['4-1', 6],
  ['3-4', 8],
  ['2-5', 9],
];

// ---------------------------------------------------------------- contributions

const SPECIFIC_CONTRIBUTIONS: Record<string, Template> = {
  '4-1/CY': (r) => {
    const n = r.int(80, 400);
    return t(
      `本院已於政治獻金公開查閱平臺公開本期受理之會計報告${n}份，並就申報欄位調整提供內政部意見。`,
      `The Control Yuan published ${n} accounting reports received this period on its political donations disclosure platform and commented on the Ministry of the Interior’s changes to the reporting fields.`,
    );
  },
  '5-1/FSC': (r) => {
    const n = r.int(8, 20);
    return t(`本會本期完成${n}家信託業者公益信託資訊揭露之查核。`, `The Financial Supervisory Commission checked how ${n} trust companies disclose charitable trust information this period.`);
  },
  '5-1/MOEA': (r) => {
    const n = r.int(40, 120);
    return t(`商工登記公示資料查詢服務本期查詢量約${n}萬次，新增欄位已同步提供開放資料。`, `The company register search answered about ${thousands(n * 10000)} queries this period; the new fields are also released as open data.`);
  },
  '4-3/AAC': (r) => {
    const n = r.int(5, 15);
    return t(`本署彙整機關處理檢舉案件之實務意見${n}則，提供法務部作為草案說明資料。`, `The Agency Against Corruption compiled ${n} practical observations from agencies handling reports, for the Ministry of Justice’s explanatory notes on the bill.`);
  },
  '1-2/NDC': (r) => {
    const n = r.int(20, 80);
    return t(`本會協助將平臺資料集同步登錄於政府資料開放平臺，本期新增${n}項。`, `The National Development Council listed ${n} of the platform’s datasets on the Government Open Data Platform this period.`);
  },
};

const GENERIC_CONTRIBUTIONS: readonly Template[] = [
  (r) => {
    const n = r.int(1, 3);
    return t(`本機關本期派員出席工作分組會議${n}場，並提供協辦業務辦理情形，供主辦機關彙整。`, `We attended ${plural(n, 'working-group meeting', 'working-group meetings')} this period and reported on our supporting tasks for the lead agency to compile.`);
  },
  () => t('本機關已檢視本期報告內容，協辦部分無須補充或修正。', 'We have reviewed this period’s report; nothing to add or correct for our part.'),
  () => t('本機關已提供協辦項目之統計資料，並同意於推動小組會議共同說明。', 'We provided the figures for our part and will present them with the lead agency at the forum.'),
];

// ---------------------------------------------------------------- milestone status per cycle

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
const roundTo5 = (n: number): number => Math.round(n / 5) * 5;

interface Entry extends MilestoneProgress {
  milestone: Milestone;
  /** The status in the commitment's previous report, if any. */
  previousStatus: MilestoneProgressStatus | undefined;
}

const newly = (e: Entry, status: MilestoneProgressStatus): boolean => e.status === status && e.previousStatus !== status;

/** What the schedule says: done once its end date passed, under way in between, in proportion to time elapsed. */
function scheduledProgress(m: Milestone, cycle: ReviewCycle, r: Random): { status: MilestoneProgressStatus; percent: number } {
  if (m.startDate > cycle.endsOn) return { status: 'not-started', percent: 0 };
  if (m.endDate <= cycle.endsOn) return { status: 'completed', percent: 100 };
  const elapsed = (daysBetween(m.startDate, cycle.endsOn) + 1) / (daysBetween(m.startDate, m.endDate) + 1);
  return { status: 'in-progress', percent: Math.min(95, Math.max(5, roundTo5(elapsed * 100 + (r.float() - 0.5) * 10))) };
}

function storylineFor(number: string, position: number, cycleNumber: number): (Storyline & { percent: number }) | undefined {
  for (const s of STORYLINES) {
    const percent = s.percents[cycleNumber];
    if (s.number === number && s.position === position && percent !== undefined) return { ...s, percent };
  }
  return undefined;
}

/** The entries of one report; `previous` holds each milestone's last status and percent, and is updated. */
function milestoneEntries(c: Commitment, milestones: readonly Milestone[], cycle: ReviewCycle, previous: Map<number, { status: MilestoneProgressStatus; percent: number }>, r: Random): Entry[] {
  return milestones.map((m) => {
    const before = previous.get(m.id);
    const story = storylineFor(c.number, m.position, cycle.number);
    let status: MilestoneProgressStatus;
    let percent: number;
    let reason = emptyLocalized();
    if (story) {
      status = story.status;
      percent = Math.max(story.percent, before?.percent ?? 0);
      reason = reviewed(story.reason);
    } else if (before?.status === 'withdrawn') {
      ({ status, percent } = before);
    } else {
      ({ status, percent } = scheduledProgress(m, cycle, r));
      if (status === 'in-progress') percent = Math.max(percent, before?.percent ?? 0);
    }
    previous.set(m.id, { status, percent });
    return { milestone: m, milestoneId: m.id, status, percent, reason, previousStatus: before?.status };
  });
}

// ---------------------------------------------------------------- report texts

function achievementsText(c: Commitment, entries: readonly Entry[], r: Random, extra?: Text): Text {
  const templates = ACTIVITIES[c.number] ?? [];
  const working = entries.filter((e) => e.status === 'in-progress' || e.status === 'delayed' || newly(e, 'completed'));
  // Nothing under way (a milestone just withdrawn): report on keeping up what was delivered.
  const source = working.length > 0 ? working : entries.filter((e) => e.status === 'completed').slice(-1);
  const pool = source.flatMap((e) => templates[e.milestone.position - 1] ?? []);
  const activities = r.sample(pool, r.int(1, 2)).map((f) => f(r));
  if (extra) activities.push(extra);
  const zh: string[] = [];
  const en: string[] = [];
  if (activities.length > 0) {
    zh.push(`本期${activities.map((a) => a.zh).join('；')}。`);
    en.push(`${capitalize(activities.map((a) => a.en).join('; '))}.`);
  }
  for (const e of entries) {
    const d = e.milestone.deliverable;
    if (newly(e, 'completed')) {
      zh.push(`「${d.zh}」已完成，達成目標（${e.milestone.target.zh}）。`);
      en.push(`${d.en}: completed; target met (${e.milestone.target.en}).`);
    } else if (e.status === 'in-progress') {
      zh.push(`「${d.zh}」執行中，進度約${e.percent}%。`);
      en.push(`${d.en}: under way, about ${e.percent}% done.`);
    } else if (e.status === 'delayed') {
      zh.push(`「${d.zh}」進度落後（${e.percent}%），原因詳見問題與困難。`);
      en.push(`${d.en}: behind schedule at ${e.percent}%; see problems.`);
    } else if (e.status === 'withdrawn') {
      zh.push(`「${d.zh}」經推動小組同意撤回。`);
      en.push(`${d.en}: withdrawn with the forum’s agreement.`);
    }
  }
  return t(zh.join(''), en.join(' '));
}

function drawMeetings(cycle: ReviewCycle, r: Random): Meeting[] {
  const span = daysBetween(cycle.startsOn, cycle.endsOn);
  const meetings = Array.from({ length: r.int(1, 4) }, (): Meeting => {
    const kind = r.pick(MEETING_KIND_KEYS);
    const k = MEETING_KINDS[kind];
    return { date: addDays(cycle.startsOn, r.int(7, span - 7)), kind, civilSociety: r.int(...k.civilSociety), government: r.int(...k.government) };
  });
  return meetings.sort((a, b) => a.date.localeCompare(b.date));
}

function participationText(meetings: readonly Meeting[], r: Random): { text: Text; civilSociety: number; government: number; usedJoin: boolean } {
  const civilSociety = meetings.reduce((sum, m) => sum + m.civilSociety, 0);
  const government = meetings.reduce((sum, m) => sum + m.government, 0);
  const counts = MEETING_KIND_KEYS.map((kind) => ({ kind, n: meetings.filter((m) => m.kind === kind).length })).filter((x) => x.n > 0);
  const zhKinds = counts.map((x) => `${MEETING_KINDS[x.kind].zh}${x.n}場`).join('、');
  const enKinds = counts.map((x) => plural(x.n, MEETING_KINDS[x.kind].one, MEETING_KINDS[x.kind].many)).join(', ');
  let zh = `本期辦理${zhKinds}，民間團體、專家及民眾計${civilSociety}人次、機關代表${government}人次參與；會議紀錄均於會後公開。`;
  let en = `This period: ${enKinds}, with ${civilSociety} participations from civil society, experts and the public and ${government} from government; all minutes are published.`;
  const usedJoin = r.chance(0.25);
  if (usedJoin) {
    const days = r.pick([14, 21, 30]);
    const comments = r.int(12, 140);
    zh += `另於公共政策網路參與平臺（JOIN）公開徵詢${days}日，收到意見${comments}則，均已逐則回應。`;
    en += ` A ${days}-day online consultation on JOIN drew ${comments} comments, each of which was answered.`;
  }
  return { text: t(zh, en), civilSociety, government, usedJoin };
}

function problemsText(entries: readonly Entry[], cycle: ReviewCycle, r: Random): Text {
  const reasons = entries.filter((e) => e.status === 'delayed' || newly(e, 'withdrawn')).map((e) => e.reason);
  if (reasons.length > 0) return t(reasons.map((x) => x.zh).join(''), reasons.map((x) => x.en).join(' '));
  if (COVID_CYCLES.includes(cycle.number) && r.chance(0.6)) return COVID_PROBLEM;
  return r.chance(0.3) ? r.pick(GENERIC_PROBLEMS) : t('', '');
}

function nextStepsText(entries: readonly Entry[], r: Random): Text {
  const open = entries.filter((e) => e.status !== 'completed' && e.status !== 'withdrawn');
  const first = open[0];
  if (!first)
    return entries.some((e) => e.status === 'withdrawn')
      ? t('除經撤回之衡量指標外，其餘均已完成，將彙整成果供獨立審查參考。', 'Apart from the withdrawn milestone, all are complete; the results will be compiled for the independent review.')
      : t('本承諾事項各項衡量指標均已完成，將彙整成果供獨立審查參考。', 'All milestones are complete; the results will be compiled for the independent review.');
  if (!r.chance(0.85)) return t('', '');
  const d = first.milestone.deliverable;
  if (first.status === 'delayed')
    return t(`將持續排除「${d.zh}」之延宕因素，並於推動小組會議報告處理情形。`, `Keep working on what holds up “${d.en}” and report on it at the forum.`);
  return r.pick([
    t(`下一期將持續辦理「${d.zh}」，並於推動小組會議報告進度。`, `Next period: continue “${d.en}” and report progress to the forum.`),
    t(`下一期將召開工作分組會議，與民間委員共同檢視「${d.zh}」之辦理方式。`, `Next period: a working-group meeting with civil-society members to review how “${d.en}” is carried out.`),
    t(`下一期將公開「${d.zh}」之階段成果，並蒐集民眾意見。`, `Next period: publish interim results of “${d.en}” and invite public comment.`),
  ]);
}

function budget(r: Random): Pick<q.ReportContent, 'budgetSpent' | 'budgetCurrency' | 'budgetNote'> {
  if (!r.chance(0.2)) return { budgetSpent: null, budgetCurrency: null, budgetNote: emptyLocalized() };
  return { budgetSpent: `${r.int(20, 300) * 5000}.00`, budgetCurrency: 'TWD', budgetNote: reviewed(r.pick(BUDGET_NOTES)) };
}

interface ReportPlan {
  content: q.ReportContent;
  meetings: Meeting[];
  usedJoin: boolean;
}

function composeReport(c: Commitment, entries: readonly Entry[], cycle: ReviewCycle, r: Random, extra?: Text): ReportPlan {
  const meetings = drawMeetings(cycle, r);
  const participation = participationText(meetings, r);
  const content: q.ReportContent = {
    achievements: reviewed(achievementsText(c, entries, r, extra)),
    participation: reviewed(participation.text),
    civilSocietyParticipants: participation.civilSociety,
    governmentParticipants: participation.government,
    problems: reviewed(problemsText(entries, cycle, r)),
    nextSteps: reviewed(nextStepsText(entries, r)),
    ...budget(r),
    milestones: entries.map(({ milestoneId, status, percent, reason }) => ({ milestoneId, status, percent, reason })),
  };
  const problems = checkMilestoneProgress(content.milestones, entries.map((e) => e.milestoneId));
  if (problems.length > 0) throw new Error(`Demo report ${c.number} cycle ${cycle.number} is invalid: ${JSON.stringify(problems)}`);
  return { content, meetings, usedJoin: participation.usedJoin };
}

// ---------------------------------------------------------------- writing

/** 10:00 in Taipei, 1–12 days before the deadline, or 1–25 days after it when late. */
function submissionTime(reportDue: string, late: boolean, r: Random): Date {
  const day = late ? addDays(reportDue, r.int(1, 25)) : addDays(reportDue, -r.int(1, 12));
  return new Date(`${day}T02:00:00Z`);
}

function participationCsv(meetings: readonly Meeting[]): Uint8Array {
  const rows = meetings.map((m) => `${m.date},${MEETING_KINDS[m.kind].one},${m.civilSociety},${m.government}`);
  return new TextEncoder().encode(['date,meeting,civil_society_participants,government_participants', ...rows, ''].join('\n'));
}

/** The CSV's name: the year and the cycle's place within that year, e.g. participation-2022-1.csv. */
function csvFileName(cycle: ReviewCycle, cycles: readonly ReviewCycle[]): string {
  const year = cycle.startsOn.slice(0, 4);
  const k = cycles.filter((x) => x.startsOn.startsWith(year) && x.number <= cycle.number).length;
  return `participation-${year}-${k}.csv`;
}

interface Context {
  trx: DbOrTx;
  cycles: readonly ReviewCycle[];
  agencies: Map<number, Agency>;
}

function agencyOf(ctx: Context, id: number): Agency {
  const a = ctx.agencies.get(id);
  if (!a) throw new Error(`Unknown agency ${id}`);
  return a;
}

async function addEvidence(ctx: Context, reportId: number, c: Commitment, agency: Agency, cycle: ReviewCycle, plan: ReportPlan, r: Random): Promise<void> {
  const own = AGENCY_LINKS[agency.code];
  const pool = [...(COMMITMENT_LINKS[c.number] ?? []), ...(own ? [own] : [])];
  const links = plan.usedJoin ? [JOIN, ...r.sample(pool.filter((l) => l !== JOIN), 1)] : r.sample(pool, r.int(1, 2));
  for (const l of links) await q.insertEvidence(ctx.trx, { reportId, title: l.title, url: l.url });
  if (CSV_EVIDENCE.some(([n, k]) => n === c.number && k === cycle.number)) {
    const fileName = csvFileName(cycle, ctx.cycles);
    const content = participationCsv(plan.meetings);
    const { mediaType, problems } = checkEvidenceFile(fileName, content);
    if (!mediaType || problems.length > 0) throw new Error(`Demo evidence ${fileName} is not accepted`);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await q.insertEvidence(ctx.trx, { reportId, title: `會議參與紀錄 Meeting participation (${fileName})`, fileName, mediaType, sha256, content });
  }
}

async function addContributions(ctx: Context, reportId: number, c: Commitment, r: Random, always: boolean): Promise<void> {
  if (c.coAgencyIds.length === 0 || !(always || r.chance(0.45))) return;
  for (const id of r.sample(c.coAgencyIds, r.int(1, c.coAgencyIds.length))) {
    const co = agencyOf(ctx, id);
    const template = SPECIFIC_CONTRIBUTIONS[`${c.number}/${co.code}`] ?? r.pick(GENERIC_CONTRIBUTIONS);
    await q.insertContribution(ctx.trx, { reportId, agencyId: id, body: reviewed(template(r)), authorName: `${co.name.zh} 承辦人` });
  }
}

const insertDemoReport = (ctx: Context, c: Commitment, cycle: ReviewCycle, agency: Agency, revision: number, content: q.ReportContent) =>
  q.insertReport(ctx.trx, { ...content, commitmentId: c.id, cycleId: cycle.id, revision, agencyId: agency.id, authorId: null, authorName: `${agency.name.zh} 承辦人`, isDemo: true });

const submit = (ctx: Context, reportId: number, agency: Agency, at: Date) =>
  q.setReportState(ctx.trx, reportId, 'submitted', { at, byName: `${agency.name.zh} 開放政府聯絡人` });

/** 2-2, cycle 5: revision 1 gave a wrong figure; revision 2 corrects it three days later and supersedes it. */
async function writeRevisedReport(ctx: Context, c: Commitment, cycle: ReviewCycle, agency: Agency, entries: readonly Entry[], at: Date, r: Random): Promise<void> {
  const wrong = t('全國青諮資訊整合網站已串接12個直轄市、縣（市）', 'linked 12 municipalities and counties to the integrated youth advisory website');
  const right = t(
    '全國青諮資訊整合網站已串接15個直轄市、縣（市）（第1版誤植為12個，已更正）',
    'linked 15 municipalities and counties to the integrated youth advisory website (revision 1 wrongly said 12)',
  );
  const base = composeReport(c, entries, cycle, r, wrong);
  const first = await insertDemoReport(ctx, c, cycle, agency, 1, base.content);
  await addEvidence(ctx, first.id, c, agency, cycle, base, r);
  await addContributions(ctx, first.id, c, r, false);
  await submit(ctx, first.id, agency, at);
  const { zh, en } = base.content.achievements;
  const corrected = { ...base.content, achievements: reviewed(t(zh.replace(wrong.zh, right.zh), en.replace(wrong.en, right.en))) };
  const second = await insertDemoReport(ctx, c, cycle, agency, 2, corrected);
  await q.copyReportParts(ctx.trx, first.id, second.id);
  // One submitted revision per commitment and cycle: the old one steps aside first.
  await q.setReportState(ctx.trx, first.id, 'superseded');
  await submit(ctx, second.id, agency, new Date(at.getTime() + 3 * DAY_MS));
}

/** Moves 1-2 to the new Ministry of Digital Affairs, as the service's transfer does, and returns who led it before. */
async function reorganize(trx: DbOrTx, planId: number): Promise<{ commitmentId: number; fromAgencyId: number; toAgencyId: number }> {
  const current = await plans.findCommitmentByNumber(trx, planId, DEMO_TRANSFER.number);
  if (!current) throw new Error(`The demo plan has no commitment ${DEMO_TRANSFER.number}`);
  const from = await plans.findAgencyById(trx, current.leadAgencyId);
  const moda = await plans.insertAgency(trx, { code: DEMO_TRANSFER.to, name: reviewed(t('數位發展部', 'Ministry of Digital Affairs')), successorId: null, isDemo: true });
  const values: plans.CommitmentValues = { ...current, leadAgencyId: moda.id, coAgencyIds: current.coAgencyIds.filter((id) => id !== moda.id) };
  const updated = await plans.updateCommitmentRow(trx, current.id, values);
  const fromName = from?.name ?? t('原主辦機關', 'the former lead agency');
  await plans.insertTransfer(trx, {
    commitmentId: current.id,
    fromAgencyId: current.leadAgencyId,
    toAgencyId: moda.id,
    effectiveOn: DEMO_TRANSFER.effectiveOn,
    note: reviewed(
      t(
        `配合數位發展部於2022年8月27日成立，本承諾事項之業務由${fromName.zh}移交數位發展部主辦，並提推動小組會議確認；移交前之進度報告仍由原主辦機關具名。`,
        `Following the founding of the Ministry of Digital Affairs on 27 August 2022, this commitment moved from the ${fromName.en} to the new ministry, as confirmed by the forum; reports from before the transfer remain under the former lead.`,
      ),
    ),
    actorName: '國家發展委員會（推動小組幕僚）',
  });
  await recordHistory(trx, {
    entityType: 'commitment', entityId: current.id, planId, commitmentId: current.id, action: 'transfer', actor: null,
    before: { leadAgencyId: current.leadAgencyId, coAgencyIds: current.coAgencyIds },
    after: { leadAgencyId: updated.leadAgencyId, coAgencyIds: updated.coAgencyIds, effectiveOn: DEMO_TRANSFER.effectiveOn },
  });
  return { commitmentId: current.id, fromAgencyId: current.leadAgencyId, toAgencyId: moda.id };
}

// ---------------------------------------------------------------- the seed

/** Seeds the demo plan's monitoring in one transaction; adds the new ministry (MODA) to `opts.agencyIds`. */
export async function seedDemoMonitoring(db: Db, opts: { planId: number; agencyIds: Map<string, number> }): Promise<{ cycleIds: number[] }> {
  return db.transaction().execute(async (trx) => {
    const plan = await plans.findPlanById(trx, opts.planId);
    if (!plan) throw new Error(`No plan ${opts.planId} to seed monitoring data for`);
    const cycles = await q.insertCycles(trx, plan.id, generateCycles(plan.periodStart, plan.periodEnd));
    const lastCycle = cycles.at(-1);
    const transfer = await reorganize(trx, plan.id);
    opts.agencyIds.set(DEMO_TRANSFER.to, transfer.toAgencyId);
    const ctx: Context = { trx, cycles, agencies: new Map((await plans.listAgencies(trx)).map((a) => [a.id, a])) };
    const { items: commitments } = await plans.listCommitments(trx, { planId: plan.id });

    for (const c of commitments) {
      const milestones = await plans.listMilestones(trx, c.id);
      const previous = new Map<number, { status: MilestoneProgressStatus; percent: number }>();
      for (const cycle of cycles) {
        if (!activeInCycle(c, cycle)) continue;
        const r = new Random(`${c.number}/${cycle.number}`);
        const entries = milestoneEntries(c, milestones, cycle, previous, r);
        const isLast = cycle === lastCycle;
        if (isLast && DEMO_UNREPORTED_LAST_CYCLE.missing.includes(c.number)) continue;
        const beforeTransfer = c.id === transfer.commitmentId && cycle.endsOn < DEMO_TRANSFER.effectiveOn;
        const agency = agencyOf(ctx, beforeTransfer ? transfer.fromAgencyId : c.leadAgencyId);
        const late = isLast ? LATE_IN_LAST_CYCLE.includes(c.number) : r.chance(LATE_SHARE);
        const at = submissionTime(cycle.reportDue, late, r);

        if (c.number === DEMO_REVISION.number && cycle.number === DEMO_REVISION.cycle) {
          await writeRevisedReport(ctx, c, cycle, agency, entries, at, r);
          continue;
        }
        const report = composeReport(c, entries, cycle, r);
        const { id } = await insertDemoReport(ctx, c, cycle, agency, 1, report.content);
        if (isLast && DEMO_UNREPORTED_LAST_CYCLE.draft.includes(c.number)) {
          // A draft in progress: the supporting agency has added its part, the lead has not submitted yet.
          await addContributions(ctx, id, c, r, true);
          continue;
        }
        await addEvidence(ctx, id, c, agency, cycle, report, r);
        await addContributions(ctx, id, c, r, false);
        await submit(ctx, id, agency, at);
      }
    }
    return { cycleIds: cycles.map((cycle) => cycle.id) };
  });
}
