/**
 * Demo record of the forum for Taiwan's 2021–2024 plan (marked as demo): a plenary for each review cycle, a few
 * working-group meetings, the reports each plenary reviewed with two collaboration stories, and resolutions
 * followed up at later plenaries — some closed (解除列管), some still tracked (持續列管). Deterministic.
 */
import type { Db } from '../../db/connection.js';
import { compareMeetings, nextResolutionNumber, resolutionStatusAfter, type Attendance, type ForumMeeting, type ResolutionStatus } from '../../domain/forum.js';
import { normalizeLocalized, type Localized } from '../../domain/localized.js';
import { addDays } from '../../domain/monitoring.js';
import * as planQ from '../plans/plans.queries.js';
import * as q from './forum.queries.js';

const text = (zh: string, en: string): Localized => normalizeLocalized({ zh, en, status: 'reviewed' });

/** A small seeded generator (mulberry32), so every run seeds the same numbers. */
function random(seed: number): (min: number, max: number) => number {
  let a = seed >>> 0;
  return (min, max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    const r = ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    return min + Math.floor(r * (max - min + 1));
  };
}

const TOPICS: [string, string][] = [
  ['各承諾事項執行進度報告格式與填報時程', 'The progress report form and reporting timetable'],
  ['開放政府網站文件更新機制（每年至少更新兩次）', 'Keeping the open-government website’s documents up to date (at least twice a year)'],
  ['民間委員參與工作分組的方式與公開會議資訊', 'How civil-society members join working groups, and publishing their meetings'],
  ['期中自評報告架構與民眾意見徵詢', 'The mid-term self-assessment and its public consultation'],
  ['獨立審查報告初稿之回應', 'Responding to the draft independent review'],
  ['下一期國家行動方案共創時程', 'The co-creation timetable for the next national action plan'],
];

/** Resolutions the forum might make, with the agency that follows each up. */
const RESOLUTIONS: { zh: string; en: string; agency: string }[] = [
  { zh: '請國家發展委員會彙整各承諾事項執行進度，於會後兩週內公開於開放政府網站。', en: 'The NDC to compile the progress of every commitment and publish it on the open-government website within two weeks.', agency: 'NDC' },
  { zh: '請內政部會同監察院研議政治獻金資料以開放格式釋出之期程，並邀民間委員參與討論。', en: 'The Ministry of the Interior, with the Control Yuan, to propose a timetable for releasing political-donation data in open formats, with civil-society members.', agency: 'MOI' },
  { zh: '請法務部說明揭弊者保護法草案之研議進度及與民間版本之差異。', en: 'The Ministry of Justice to report on the whistleblower protection bill and how it differs from the civil-society draft.', agency: 'MOJ' },
  { zh: '請中央選舉委員會說明全國性公民投票電子連署系統之資安檢測結果，並公開測試報告。', en: 'The Central Election Commission to report the security testing of the referendum e-signature system and publish the test report.', agency: 'CEC' },
  { zh: '請行政院環境保護署提出環境資訊揭露資料集清單，並徵詢民間委員意見。', en: 'The EPA to list the environmental datasets it will disclose and consult civil-society members on the list.', agency: 'EPA' },
  { zh: '請教育部邀請民間委員共同檢視公民與社會課程之開放政府教材。', en: 'The Ministry of Education to review the open-government teaching materials of the civics curriculum with civil-society members.', agency: 'MOE' },
  { zh: '請勞動部提供工會籌組相關統計，作為衡量指標之基準值。', en: 'The Ministry of Labor to provide union-formation statistics as the baseline of its indicators.', agency: 'MOL' },
  { zh: '請經濟部與金融監督管理委員會說明實質受益人資訊揭露範圍及查詢方式。', en: 'The Ministry of Economic Affairs and the FSC to explain what beneficial-ownership information will be disclosed and how to query it.', agency: 'MOEA' },
  { zh: '請內政部移民署擴大新住民參與公共事務之管道，並於下次會議報告辦理情形。', en: 'The National Immigration Agency to widen the channels for new immigrants to take part in public affairs and report back.', agency: 'NIA' },
  { zh: '請法務部廉政署公開機關採購廉政平臺之案例與成效指標。', en: 'The Agency Against Corruption to publish the cases and performance indicators of the procurement integrity platform.', agency: 'AAC' },
  { zh: '請客家委員會增加客家議題公共參與之地方場次，並公開會議紀錄。', en: 'The Hakka Affairs Council to hold more local sessions on Hakka issues and publish their minutes.', agency: 'HAC' },
  { zh: '請原住民族委員會就原住民族跨域參與機制提出具體衡量指標。', en: 'The Council of Indigenous Peoples to propose measurable indicators for indigenous cross-sector participation.', agency: 'CIP' },
  { zh: '請行政院性別平等處彙整性別包容對話之辦理場次與參與者回饋。', en: 'The Department of Gender Equality to compile the gender-inclusive dialogues held and participants’ feedback.', agency: 'DGE' },
];

/** How government and civil society worked together, told of a showcased report. */
const STORIES: [string, string][] = [
  [
    '主辦機關與民間委員共同召開三場工作會議，依民間建議調整衡量指標，並將會議紀錄全數公開。',
    'The lead agency held three working sessions with civil-society members, changed its indicators as they suggested, and published every set of minutes.',
  ],
  [
    '機關邀請公民團體試用階段性成果，並針對每項回饋意見逐一說明採納與否及理由，作為公私協力的示範案例。',
    'The agency invited civic groups to try out its interim results and answered every piece of feedback, saying what it adopted and why: a model of collaboration.',
  ],
  [
    '透過線上徵詢與實體座談蒐集意見，民間委員協助設計問卷，參與人數較前期倍增。',
    'Online consultation and in-person forums gathered input; civil-society members helped design the survey and participation doubled.',
  ],
  [
    '主辦機關與協辦機關及民間團體建立定期聯繫窗口，遇有執行困難即共同研商解決方式。',
    'The lead agency set up regular contacts with supporting agencies and civic groups, and they worked out solutions together whenever implementation stalled.',
  ],
];

const WORKING_GROUPS: { number: string; zh: string; en: string }[] = [
  { number: '2-1', zh: '全國性公民投票案電子連署', en: 'Electronic co-signing of national referendums' },
  { number: '4-1', zh: '強化政治獻金透明化', en: 'More transparent political donations' },
  { number: '1-5', zh: '環境領域的資訊揭露', en: 'Disclosure of environmental information' },
];

interface PlannedPlenary {
  heldOn: string;
  cycleId: number | null;
  cycleNumber: number | null;
}

export async function seedDemoForum(db: Db, opts: { planId: number; agencyIds: Map<string, number> }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const plan = await planQ.findPlanById(trx, opts.planId);
    if (!plan) throw new Error(`seedDemoForum: no plan ${opts.planId}`);
    // Seeding twice would duplicate the record.
    if ((await q.listMeetings(trx, plan.id)).length > 0) return;
    const rand = random(20201231);
    const agency = (code: string) => opts.agencyIds.get(code) ?? null;

    const cycles = await q.listCycleRefs(trx, plan.id);
    const plenaries: PlannedPlenary[] =
      cycles.length > 0
        ? cycles.map((c) => ({ heldOn: c.reviewOn ?? addDays(c.endsOn, 30), cycleId: c.id, cycleNumber: c.number }))
        : // Without review cycles, a plenary about every four months of the plan.
          Array.from({ length: 4 }, (_, i) => ({ heldOn: addDays(plan.periodStart, 120 * (i + 1)), cycleId: null, cycleNumber: null }));

    const attendance = (kind: 'plenary' | 'working-group'): Attendance =>
      kind === 'plenary'
        ? { government: rand(14, 20), civilSociety: rand(8, 13), other: rand(2, 6) }
        : { government: rand(5, 9), civilSociety: rand(3, 6), other: rand(0, 3) };

    // ---- working groups, a few weeks before the first plenaries ----
    for (const [i, wg] of WORKING_GROUPS.entries()) {
      const heldOn = addDays(plenaries[i]?.heldOn ?? addDays(plan.periodStart, 90 * (i + 1)), -21);
      await q.insertMeeting(
        trx,
        {
          planId: plan.id,
          cycleId: null,
          heldOn,
          kind: 'working-group',
          title: text(`工作分組會議：${wg.number} ${wg.zh}`, `Working group: ${wg.number} ${wg.en}`),
          attendance: attendance('working-group'),
          agenda: text(
            `一、主辦機關報告 ${wg.number} 執行情形。\n\n二、民間委員意見交流。\n\n三、衡量指標與下一階段工作。`,
            `1. The lead agency reports on ${wg.number}.\n\n2. Views of civil-society members.\n\n3. Indicators and next steps.`,
          ),
          minutes: text(
            `本次工作分組會議由主辦機關副首長主持，採公開方式辦理。民間委員建議衡量指標應可查證並訂出年度目標，主辦機關同意於下次推動小組會議前修正承諾事項表。`,
            `The deputy head of the lead agency chaired this open working-group meeting. Civil-society members asked for verifiable indicators with yearly targets; the agency agreed to revise the commitment template before the next forum plenary.`,
          ),
          links: [],
        },
        true,
      );
    }

    // ---- plenaries ----
    const made: { id: number; meetingIndex: number }[] = [];
    const plenaryMeetings: ForumMeeting[] = [];
    let resolutionCursor = 0;
    for (const [k, p] of plenaries.entries()) {
      const ordinal = k + 3; // The forum met twice in 2020 while drafting the plan.
      const [topicZh, topicEn] = TOPICS[k % TOPICS.length] ?? ['', ''];
      const cycleZh = p.cycleNumber === null ? '各承諾事項執行進度報告' : `第 ${p.cycleNumber} 期各承諾事項執行進度報告`;
      const cycleEn = p.cycleNumber === null ? 'Progress reports on the commitments' : `Progress reports on the commitments, cycle ${p.cycleNumber}`;
      const reports = p.cycleId === null ? [] : await q.listReviewableReports(trx, plan.id, p.cycleId);
      const count = 1 + (k % 3);
      const meeting = await q.insertMeeting(
        trx,
        {
          planId: plan.id,
          cycleId: p.cycleId,
          heldOn: p.heldOn,
          kind: 'plenary',
          title: text(`行政院開放政府國家行動方案推動小組第${ordinal}次會議`, `Open Government National Action Plan forum, meeting ${ordinal}`),
          attendance: attendance('plenary'),
          agenda: text(
            `一、確認上次會議紀錄。\n\n二、歷次會議決議辦理情形（持續列管事項）。\n\n三、報告案：${cycleZh}。\n\n四、公私協力案例分享。\n\n五、討論案：${topicZh}。\n\n六、臨時動議。`,
            `1. Minutes of the previous meeting.\n\n2. Follow-up of earlier resolutions (kept under tracking).\n\n3. Report: ${cycleEn}.\n\n4. Cases of government–civil society collaboration.\n\n5. For discussion: ${topicEn}.\n\n6. Other business.`,
          ),
          minutes: text(
            `會議由召集人主持，兩位共同召集人出席。國家發展委員會說明歷次會議決議辦理情形，建議辦理完畢者解除列管，其餘持續列管。` +
              (reports.length > 0 ? `本期共 ${reports.length} 項承諾事項提報執行進度，並由兩個機關分享公私協力案例。` : '各主辦機關報告執行進度。') +
              `\n\n民間委員肯定資訊公開的進展，並建議各機關於報告中具體說明民間意見的採納情形。會議就「${topicZh}」進行討論，作成 ${count} 項決議。`,
            `The convener chaired the meeting with both co-conveners present. The NDC reported on earlier resolutions, proposing to close those completed and to keep tracking the rest. ` +
              (reports.length > 0 ? `${reports.length} commitments reported progress this cycle, and two agencies presented cases of collaboration.` : 'The lead agencies reported progress.') +
              `\n\nCivil-society members welcomed the progress on transparency and asked agencies to say in their reports how civil-society input was taken up. The meeting discussed “${topicEn}” and made ${count} resolution(s).`,
          ),
          links: [{ title: '國家發展委員會 National Development Council', url: 'https://www.ndc.gov.tw/' }],
        },
        true,
      );
      plenaryMeetings.push(meeting);

      // The cycle's submitted reports, two of them showcased with their story.
      if (reports.length > 0) {
        const first = (k * 2) % reports.length;
        const showcased = new Set([first, (first + 1) % reports.length]);
        await q.replaceMeetingReports(
          trx,
          meeting.id,
          reports.map((r, i) => {
            const [zh, en] = STORIES[(k + i) % STORIES.length] ?? ['', ''];
            return { reportId: r.reportId, showcased: showcased.has(i), story: showcased.has(i) ? text(zh, en) : text('', '') };
          }),
        );
      }

      for (let j = 0; j < count; j++) {
        const template = RESOLUTIONS[resolutionCursor % RESOLUTIONS.length];
        resolutionCursor++;
        if (!template) continue;
        const existing = await q.listResolutionNumbers(trx, plan.id);
        const resolution = await q.insertResolution(
          trx,
          {
            planId: plan.id,
            meetingId: meeting.id,
            number: nextResolutionNumber(meeting, existing),
            body: text(template.zh, template.en),
            ownerAgencyId: agency(template.agency),
            dueOn: addDays(meeting.heldOn, j % 2 === 0 ? 90 : 150),
          },
          true,
        );
        made.push({ id: resolution.id, meetingIndex: k });
      }
    }

    // ---- follow-up at later plenaries: closed at the next, the one after, or the third; the latest ones still tracked ----
    const keepNote = text('持續辦理中，請於下次會議報告辦理情形。', 'In progress; report back at the next meeting.');
    const closeNote = text('已辦理完畢，解除列管。', 'Done; closed.');
    const allMeetings = [...(await q.listMeetings(trx, plan.id))].sort(compareMeetings);
    for (const [index, r] of made.entries()) {
      const next = plenaryMeetings[r.meetingIndex + 1];
      const afterNext = plenaryMeetings[r.meetingIndex + 2];
      const third = plenaryMeetings[r.meetingIndex + 3];
      const plan3: [ForumMeeting | undefined, ResolutionStatus, Localized][] =
        index % 3 === 0
          ? [[next, 'closed', closeNote]]
          : index % 3 === 1
            ? [[next, 'keep-tracking', keepNote], [afterNext, 'closed', closeNote]]
            : [[next, 'keep-tracking', keepNote], [afterNext, 'keep-tracking', keepNote], [third, 'closed', closeNote]];
      const decisions: { meetingId: number; status: ResolutionStatus }[] = [];
      for (const [meeting, status, note] of plan3) {
        if (!meeting) continue;
        await q.upsertDecision(trx, { resolutionId: r.id, meetingId: meeting.id, status, note });
        decisions.push({ meetingId: meeting.id, status });
      }
      const status = resolutionStatusAfter(decisions, allMeetings);
      if (status !== 'keep-tracking') await q.setResolutionStatus(trx, r.id, status);
    }
  });
}
