/**
 * Demo participation on Taiwan's 2021–2024 draft plan, marked as demo: illustrative people and words, not real
 * posts. A closed public consultation on the draft (2020-08-10 → 09-10, Taipei), its inputs and their responses in
 * every state (some answered late, one still waiting), a few replies, one input hidden by the moderators with its
 * public reason; the internal round of agencies and forum members on two commitments (2020-10 → 11). The 46 JOIN-style
 * inputs are in join-2020.csv: illustrative too (their links follow JOIN's address pattern but lead to no real post).
 *
 * Targets are written as the import writes them (`plan`, `commitment:1-4`, `milestone:1-4/2`); times are Taipei's.
 */
import type { ResponseState } from '../../../domain/participation.js';

export interface DemoResponse {
  state: Exclude<ResponseState, 'pending'>;
  at: string;
  reason?: { zh: string; en: string };
  referredTo?: string;
  /** Link the answer to the history entry of a milestone's change of this commitment (the change it caused). */
  changeOfMilestone?: boolean;
}

export interface DemoInput {
  /** A key for replies and the hidden one to name it. */
  key: string;
  /** Which participant (index into `participants`) or officer / forum member (index into the round's people). */
  by: number;
  at: string;
  target: string;
  body: string;
  lang?: 'zh' | 'en';
  response?: DemoResponse;
}

export interface DemoReply {
  to: string;
  by: number;
  at: string;
  body: string;
}

export const demoParticipation = {
  secretariat: '國發會幕僚（示範）',
  moderator: '平臺版主（示範）',
  /** Added to each illustrative person's name. */
  note: '（示範）',
  participants: ['陳怡君', '林志豪', '黃淑芬', '張家豪', '李佩珊', '王俊傑', '吳雅婷', '周冠宇'],

  consultation: {
    title: { zh: '開放政府國家行動方案（2021–2024）草案公開徵詢', en: 'Public consultation on the draft Open Government National Action Plan (2021–2024)' },
    question: {
      zh: '行動方案草案共有 5 大面向、19 項承諾事項。請就各承諾事項及其衡量指標提出意見：是否具體、可檢驗？是否回應您關心的公共問題？還缺少什麼？每則意見都會由主辦機關或幕僚回應，說明是否採納及理由。',
      en: 'The draft plan has 5 areas and 19 commitments. Comment on each commitment and its milestones: are they specific and verifiable? Do they answer the public problems you care about? What is missing? Every input gets a response from the lead agency or the secretariat saying whether it was taken up, and why.',
    },
    opensAt: '2020-08-10T00:00:00+08:00',
    closesAt: '2020-09-11T00:00:00+08:00',
  },

  inputs: [
    {
      key: 'foi-reasons',
      by: 0,
      at: '2020-08-12T10:20:00+08:00',
      target: 'commitment:1-4',
      body: '承諾事項 1-4 寫「落實」資訊取用權，但衡量指標只有辦理教育訓練的場次。建議改為可檢驗的指標：各機關每年公開政府資訊申請的件數、准駁比例與拒絕理由統計。',
      response: {
        state: 'partly-adopted',
        at: '2020-09-24T16:00:00+08:00',
        reason: {
          zh: '已將「各機關政府資訊申請件數與准駁統計」納入第一年衡量指標；拒絕理由的分類統計須先統一各機關的登錄方式，列為第二年辦理。',
          en: 'The yearly count of requests and of those granted or refused per agency is now a first-year milestone; statistics of the reasons for refusal need a common way of recording them first and come in the second year.',
        },
        changeOfMilestone: true,
      },
    },
    {
      key: 'foi-timeline',
      by: 1,
      at: '2020-08-14T21:05:00+08:00',
      target: 'milestone:1-4/2',
      body: '這個衡量指標的完成時間是 2022 年底，能否提前？政府資訊公開法的修法研議不需要兩年。',
      response: {
        state: 'adopted',
        at: '2020-08-25T11:30:00+08:00',
        reason: { zh: '修法研議的完成時間提前至 2022 年 6 月。', en: 'The review of the act will be completed by June 2022.' },
      },
    },
    {
      key: 'open-data-law',
      by: 2,
      at: '2020-08-17T09:40:00+08:00',
      target: 'commitment:1-1',
      body: '建議直接訂定「政府資料開放法」，而不是只修行政規則，否則各機關沒有開放資料的法律義務。',
      response: {
        state: 'not-adopted',
        at: '2020-10-06T15:00:00+08:00',
        reason: {
          zh: '資料開放專法的立法須先完成跨機關協商與影響評估，無法在本方案期程內完成立法；本方案先以修正「政府資料開放行政指導原則」明定各機關的開放義務與時程，專法的研議將納入下一期方案的評估。',
          en: 'A law on open data needs inter-agency negotiation and an impact assessment first and cannot pass within this plan’s period; this plan amends the administrative guidelines to set each agency’s duties and timelines, and a law will be assessed for the next plan.',
        },
      },
    },
    {
      key: 'youth-age',
      by: 3,
      at: '2020-08-19T19:15:00+08:00',
      target: 'commitment:2-2',
      body: '青年政策參與的對象是 18 到 35 歲，但很多議題與高中生直接相關，建議讓 15 歲以上的學生也能參加青年諮詢會議。',
      response: {
        state: 'referred',
        at: '2020-09-02T10:00:00+08:00',
        reason: {
          zh: '青年諮詢委員的年齡資格由該委員會的設置要點訂定，已轉請研議；教育部將在學生會議中先邀請高中職學生代表參與。',
          en: 'The age of the youth advisers is set by the committee’s own rules, to which this was referred; meanwhile the Ministry of Education invites senior-high student representatives to its student meetings.',
        },
        referredTo: '行政院青年諮詢委員會 / the Executive Yuan Youth Advisory Committee',
      },
    },
    {
      key: 'basic-income',
      by: 4,
      at: '2020-08-21T08:55:00+08:00',
      target: 'plan',
      body: '希望行動方案也能討論無條件基本收入的可行性，並邀請民眾一起參與試辦設計。',
      response: {
        state: 'referred',
        at: '2020-09-04T17:20:00+08:00',
        reason: {
          zh: '此建議屬社會福利政策，並非開放政府行動方案的範圍；建議透過公共政策網路參與平臺的「提點子」提出，達到附議門檻後由主管機關回應。',
          en: 'This is a matter of social-welfare policy, outside the open-government plan; it can be proposed on the JOIN petition channel, where the competent agency answers once it has enough endorsements.',
        },
        referredTo: 'JOIN 提點子 / the JOIN petition channel',
      },
    },
    {
      key: 'donations-notice',
      by: 5,
      at: '2020-08-24T13:30:00+08:00',
      target: 'commitment:4-1',
      body: '政治獻金資料開放後，請在網站上說明資料的限制，例如申報時間與實際收受時間的差異，避免被誤讀。',
      response: { state: 'noted', at: '2020-09-07T09:00:00+08:00' },
    },
    {
      key: 'privacy-authority',
      by: 6,
      at: '2020-08-26T22:10:00+08:00',
      target: 'commitment:1-3',
      body: '個資保護的承諾應該包含成立獨立的個人資料保護機關，並公布籌備時程。',
      response: {
        state: 'adopted',
        at: '2020-10-22T14:00:00+08:00',
        reason: { zh: '已將獨立個資保護機關的籌備研究納入衡量指標。', en: 'The preparatory study of an independent data-protection authority is now a milestone.' },
      },
    },
    {
      key: 'immigrants-languages',
      by: 7,
      at: '2020-08-28T11:45:00+08:00',
      target: 'commitment:3-2',
      body: '新住民參與的活動資訊，請提供越南文、印尼文、泰文等版本，也請在社群媒體上宣傳。',
      response: {
        state: 'partly-adopted',
        at: '2020-09-17T10:30:00+08:00',
        reason: {
          zh: '活動資訊將提供越南文、印尼文、泰文、菲律賓文與柬埔寨文版本；社群媒體宣傳以移民署既有粉絲專頁為主，暫不另設新帳號。',
          en: 'Event information will be given in Vietnamese, Indonesian, Thai, Filipino and Khmer; social media promotion uses the agency’s existing page rather than new accounts.',
        },
      },
    },
    {
      key: 'e-petition-pending',
      by: 0,
      at: '2020-09-01T16:25:00+08:00',
      target: 'commitment:2-1',
      body: '全國性公民投票的電子連署，是否也能讓旅居海外的國民參與？請說明身分驗證的方式。',
    },
    {
      key: 'environment-realtime',
      by: 1,
      at: '2020-09-03T20:00:00+08:00',
      target: 'commitment:1-5',
      body: '環境資訊揭露應該包含事業單位的即時排放監測資料，而不是每季彙整一次。',
      response: {
        state: 'not-adopted',
        at: '2020-09-28T15:40:00+08:00',
        reason: {
          zh: '即時監測資料已在「環境資料開放平臺」公開；本承諾事項聚焦於尚未公開的許可與裁處資訊，故不重複列入。',
          en: 'Real-time monitoring data is already published on the environmental open-data platform; this commitment covers the permits and sanctions not yet published, so it is not repeated here.',
        },
      },
    },
    {
      key: 'whistleblower',
      by: 2,
      at: '2020-09-05T09:10:00+08:00',
      target: 'commitment:4-3',
      body: '揭弊者保護法草案應明定私部門揭弊者也受保護，並設立受理窗口。',
      response: { state: 'adopted', at: '2020-09-17T11:00:00+08:00' },
    },
    {
      key: 'civics-english',
      by: 3,
      at: '2020-09-08T18:35:00+08:00',
      target: 'commitment:2-5',
      lang: 'en',
      body: 'Teachers would benefit from short case studies of open government in Taiwan (for example the budget visualisation projects) that can be used in a single civics lesson.',
      response: { state: 'noted', at: '2020-09-29T10:00:00+08:00' },
    },
    {
      key: 'hidden',
      by: 4,
      at: '2020-09-09T23:50:00+08:00',
      target: 'commitment:1-2',
      body: '開放資料平臺的客服都不回信，承辦人是某某某，手機 0912-345-678，大家直接打給他問。',
    },
  ] satisfies DemoInput[],

  replies: [
    {
      to: 'foi-reasons',
      by: 2,
      at: '2020-08-13T08:30:00+08:00',
      body: '同意。也建議統計從申請到決定的平均天數，才看得出來有沒有拖延。',
    },
    {
      to: 'youth-age',
      by: 5,
      at: '2020-08-20T12:00:00+08:00',
      body: '我是高中老師，學生確實很想參與，希望可以有適合高中生的參與方式。',
    },
    {
      to: 'hidden',
      by: 6,
      at: '2020-09-10T07:45:00+08:00',
      body: '客服回覆慢的問題值得反映，但請不要公開承辦人的個人電話。',
    },
  ] satisfies DemoReply[],

  hidden: {
    key: 'hidden',
    at: '2020-09-10T09:30:00+08:00',
    reason: '含有他人的個人資料（手機號碼），依社群守則隱藏；對客服回覆的意見歡迎重新發表。',
  },

  internal: {
    title: { zh: '內部意見徵詢：承諾事項 {number}', en: 'Internal round: commitment {number}' },
    question: {
      zh: '各部會與推動小組委員請就承諾事項草案的分工、期程與衡量指標提出意見，以利彙整定稿。',
      en: 'Agencies and forum members: comment on the draft commitment’s division of work, timeline and milestones before the sections are merged.',
    },
    opensAt: '2020-10-05T00:00:00+08:00',
    closesAt: '2020-11-07T00:00:00+08:00',
    commitments: ['1-4', '4-1'],
    /** Officers (agency code) and forum members (no agency) who take part. */
    people: [
      { name: '國發會承辦人', agency: 'NDC' },
      { name: '監察院承辦人', agency: 'CY' },
      { name: '推動小組民間委員甲', agency: null },
      { name: '推動小組民間委員乙', agency: null },
    ],
    inputs: [
      {
        key: 'internal-foi-ndc',
        by: 0,
        at: '2020-10-08T10:00:00+08:00',
        target: 'commitment:1-4',
        body: '建議衡量指標的准駁統計與國發會的政府資料開放平臺介接，以開放資料格式每季更新。',
        response: { state: 'adopted', at: '2020-10-20T15:00:00+08:00' },
      },
      {
        key: 'internal-foi-member',
        by: 2,
        at: '2020-10-12T14:30:00+08:00',
        target: 'milestone:1-4/1',
        body: '教育訓練的對象應包含地方政府的承辦人，不只中央機關。',
        response: {
          state: 'partly-adopted',
          at: '2020-10-27T10:00:00+08:00',
          reason: {
            zh: '地方政府承辦人將納入線上課程的對象；實體訓練以中央機關為主。',
            en: 'Local-government officers join the online course; the in-person training stays with central agencies.',
          },
        },
      },
      {
        key: 'internal-donations-cy',
        by: 1,
        at: '2020-10-15T09:20:00+08:00',
        target: 'commitment:4-1',
        body: '政治獻金資料由本院受理申報，開放資料的欄位定義請與本院共同研商，避免與法定申報項目不一致。',
        response: { state: 'adopted', at: '2020-10-23T16:00:00+08:00' },
      },
      {
        key: 'internal-donations-member',
        by: 3,
        at: '2020-10-21T20:40:00+08:00',
        target: 'commitment:4-1',
        body: '建議衡量指標加入「資料下載次數」與「使用者回饋處理情形」，以檢驗開放後是否真的被使用。',
        response: {
          state: 'not-adopted',
          at: '2020-11-04T11:00:00+08:00',
          reason: {
            zh: '下載次數易受單一使用者大量下載影響，不宜作為成效指標；使用者回饋的處理情形將於年度進度報告中說明。',
            en: 'Download counts are easily skewed by a single heavy user and make a poor measure; how user feedback was handled will be told in the yearly progress report.',
          },
        },
      },
    ] satisfies DemoInput[],
  },
};

export type DemoParticipation = typeof demoParticipation;
