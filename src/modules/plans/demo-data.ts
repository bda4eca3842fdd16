/**
 * Demo data: Taiwan's first Open Government National Action Plan (2021–2024), in Chinese and English.
 *
 * The five areas, the nineteen commitment titles (Chinese) and the lead agencies named in DOMAIN.md are taken from
 * public sources. Everything else — English titles, lead agencies marked `assumed`, contacts, budgets, indicators,
 * targets and dates of milestones — is fictional content written for demonstration only. Contacts are not real
 * people and use example.org addresses.
 */
import type { CommitmentStatus, OgpValue, Origin } from '../../domain/plan.js';

export interface DemoText { zh: string; en: string }
/** `assumed` = lead or co-agency chosen for the demo, not given in DOMAIN.md. */
export interface DemoAgency { code: string; name: DemoText; assumed: boolean }
export interface DemoMilestone { deliverable: DemoText; indicator: DemoText; target: DemoText; startDate: string; endDate: string }
export interface DemoCommitment {
  number: string;
  ogpId: string;
  title: DemoText;
  leadAgency: string;
  coAgencies: string[];
  startDate: string;
  endDate: string;
  contact: { name: string; title: string; email: string; phone: string };
  otherActors: DemoText;
  problem: DemoText;
  objective: DemoText;
  briefDescription: DemoText;
  description: DemoText;
  contribution: DemoText;
  ogpValues: OgpValue[];
  sdgTargets: string[];
  budget: { amount: string | null; currency: string | null; note: DemoText };
  links: { title: string; url: string }[];
  origin: Origin;
  status: CommitmentStatus;
  milestones: DemoMilestone[];
}
export interface DemoArea { title: DemoText; description: DemoText; commitments: DemoCommitment[] }
export interface DemoPlan {
  member: { code: 'TW'; kind: 'national'; name: DemoText };
  slug: 'tw-2021-2024';
  title: DemoText;
  periodStart: '2021-01-01';
  periodEnd: '2024-05-31';
  status: 'implementing';
  introduction: DemoText;
  effortsToDate: DemoText;
  developmentProcess: DemoText;
  commitmentsIntro: DemoText;
  agencies: DemoAgency[];
  areas: DemoArea[];
}

const t = (zh: string, en: string): DemoText => ({ zh, en });
/** Paragraphs separated by a blank line. */
const paras = (...ps: string[]): string => ps.join('\n\n');

interface Period { startDate: string; endDate: string }
const Y2021: Period = { startDate: '2021-01-01', endDate: '2021-12-31' };
const Y2022: Period = { startDate: '2022-01-01', endDate: '2022-12-31' };
const Y2023_24: Period = { startDate: '2023-01-01', endDate: '2024-05-31' };
const Y2023: Period = { startDate: '2023-01-01', endDate: '2023-12-31' };

const milestone = (period: Period, deliverable: DemoText, indicator: DemoText, target: DemoText): DemoMilestone => ({
  deliverable,
  indicator,
  target,
  startDate: period.startDate,
  endDate: period.endDate,
});

const agencies: DemoAgency[] = [
  { code: 'NDC', name: t('國家發展委員會', 'National Development Council'), assumed: false },
  { code: 'CEC', name: t('中央選舉委員會', 'Central Election Commission'), assumed: false },
  { code: 'MOE', name: t('教育部', 'Ministry of Education'), assumed: false },
  { code: 'MOL', name: t('勞動部', 'Ministry of Labor'), assumed: false },
  { code: 'HAC', name: t('客家委員會', 'Hakka Affairs Council'), assumed: false },
  { code: 'MOI', name: t('內政部', 'Ministry of the Interior'), assumed: false },
  { code: 'CY', name: t('監察院', 'Control Yuan'), assumed: false },
  { code: 'MOST', name: t('科技部', 'Ministry of Science and Technology'), assumed: true },
  { code: 'MOJ', name: t('法務部', 'Ministry of Justice'), assumed: true },
  { code: 'EPA', name: t('行政院環境保護署', 'Environmental Protection Administration, Executive Yuan'), assumed: true },
  { code: 'DGE', name: t('行政院性別平等處', 'Department of Gender Equality, Executive Yuan'), assumed: true },
  { code: 'NIA', name: t('內政部移民署', 'National Immigration Agency, Ministry of the Interior'), assumed: true },
  { code: 'CIP', name: t('原住民族委員會', 'Council of Indigenous Peoples'), assumed: true },
  { code: 'AAC', name: t('法務部廉政署', 'Agency Against Corruption, Ministry of Justice'), assumed: true },
  { code: 'MOEA', name: t('經濟部', 'Ministry of Economic Affairs'), assumed: true },
  { code: 'FSC', name: t('金融監督管理委員會', 'Financial Supervisory Commission'), assumed: true },
];

const introduction = t(
  paras(
    '開放政府強調政府資訊公開透明、公民參與及公共課責，並善用科技與創新，讓政策從形成到執行的每個環節都能回應民眾的需要。開放政府夥伴關係（Open Government Partnership, OGP）自2011年成立以來，已有七十多個國家及上百個地方政府以「行動方案」的形式，與公民社會共同提出具體、可檢驗的承諾，並接受獨立審查。',
    '國際鏈結：我國雖尚未成為OGP會員，自2015年起持續參與OGP全球峰會及相關活動。本方案依循OGP行動方案的架構與共創規範自主研提，並將翻譯為英文公開、委請獨立專家審查，以實際作為與國際社會接軌，深化與理念相近夥伴的合作。',
    '民主深化：數位科技讓民眾意見更容易成為政策創新的驅動力。公共政策網路參與平臺、各部會開放政府聯絡人及公私協作會議，使政府的決策過程更公開，民眾也更容易參與；本方案將這些做法延伸到資料開放、族群包容、清廉施政與洗錢防制等領域。',
    '後疫情時代的治理轉型：COVID-19疫情期間，政府即時公開疫情與口罩庫存資訊，民間據以開發查詢服務，顯示資訊公開與公私協力能在危機中建立信任。面對後疫情時代的社會與經濟課題，本方案以公開透明、公私協力的治理方式，提升政府與民眾之間的信任，並加速數位轉型。',
  ),
  paras(
    'Open government means transparent information, civic participation and public accountability, supported by technology and innovation, so that every step from policy design to delivery responds to what people need. Since the Open Government Partnership (OGP) was founded in 2011, more than seventy countries and over a hundred local governments have worked with civil society on action plans of concrete, verifiable commitments that are independently reviewed.',
    'International engagement: although Taiwan is not yet an OGP member, it has taken part in OGP Global Summits and related events since 2015. This plan follows the OGP action plan template and co-creation standards of its own accord; it is published in English and reviewed by independent experts, so that Taiwan’s practice can be compared with that of its international partners.',
    'Deepening democracy: digital technology makes it easier for public input to drive policy innovation. The Public Policy Network Participation Platform (JOIN), the participation officers of every ministry and public–private collaboration meetings have opened up decision-making and made participation easier. This plan extends these practices to open data, ethnic and gender inclusion, integrity in governance and anti-money laundering.',
    'Governance after the pandemic: during COVID-19 the government published outbreak data and mask stock levels in real time, and civic technologists built services on them, showing that openness and collaboration build trust in a crisis. To meet the social and economic challenges that follow the pandemic, the plan relies on transparency and public–private collaboration to strengthen trust between government and citizens and to speed up digital transformation.',
  ),
);

const effortsToDate = t(
  paras(
    '本方案的五大範疇，建立在我國自1990年代以來於組織與法制上的累積。',
    '資料開放與資訊公開：2005年公布施行《政府資訊公開法》，明定政府資訊以公開為原則；2013年政府資料開放平臺（data.gov.tw）上線，各機關持續釋出開放資料；2018年國家發展委員會設立個人資料保護專案辦公室，協調個資保護政策。',
    '公共參與：《行政程序法》於2001年施行，建立行政程序中的陳述意見與聽證制度；2015年公共政策網路參與平臺（JOIN）上線，提供「提點子」「眾開講」「來監督」等功能，提案附議達5,000人即由主管機關正式回應；2016年起各部會設置開放政府聯絡人，並成立行政院青年諮詢委員會。',
    '性別及族群包容：1996年成立原住民族委員會（前身行政院原住民委員會），2001年成立客家委員會（前身行政院客家委員會），2011年制定《消除對婦女一切形式歧視公約施行法》，2012年設立行政院性別平等處，並設置新住民發展基金支持新住民培力。',
    '清廉施政與洗錢防制：2004年制定《政治獻金法》，2011年成立法務部廉政署，2015年施行《聯合國反貪腐公約施行法》；1996年制定亞洲第一部《洗錢防制法》並於2016年全面修正，2017年設立行政院洗錢防制辦公室，2019年亞太防制洗錢組織（APG）相互評鑑獲「一般追蹤」等級。',
  ),
  paras(
    'The five areas of this plan build on institutions and laws that Taiwan has put in place since the 1990s.',
    'Open data and transparency: the Freedom of Government Information Law, in force since 2005, makes disclosure the rule. The Government Open Data Platform (data.gov.tw) went online in 2013 and agencies keep adding datasets to it. In 2018 the National Development Council set up a Personal Data Protection Office to coordinate data protection policy.',
    'Public participation: the Administrative Procedure Act, in force since 2001, provides for comments and hearings in administrative proceedings. The Public Policy Network Participation Platform (JOIN), launched in 2015, lets people propose ideas, discuss policies and monitor programmes; a proposal that gathers 5,000 endorsements receives a formal response from the responsible agency. Since 2016 every ministry has had participation officers, and the Executive Yuan has had a Youth Advisory Committee.',
    'Gender and ethnic inclusion: the Council of Indigenous Peoples was established in 1996 and the Hakka Affairs Council in 2001. The Act to Implement CEDAW was passed in 2011 and the Department of Gender Equality of the Executive Yuan was created in 2012. A New Immigrants Development Fund supports the empowerment of new immigrants.',
    'Integrity and anti-money laundering: the Political Donations Act was passed in 2004, the Agency Against Corruption was created in 2011, and the Act to Implement the United Nations Convention against Corruption took effect in 2015. Taiwan passed Asia’s first Money Laundering Control Act in 1996 and overhauled it in 2016; the Anti-Money Laundering Office of the Executive Yuan was set up in 2017, and the 2019 mutual evaluation by the Asia/Pacific Group on Money Laundering placed Taiwan in regular follow-up, its best outcome.',
  ),
);

const developmentProcess = t(
  paras(
    '前置作業（2019年7月至2020年7月）：我國於2019年OGP全球峰會宣布將依OGP架構自主研提國家行動方案。其後國家發展委員會與各部會以公私協力方式召開19場次會議、計500人次參與，由政府機關提出承諾事項提案12項；同期間並透過公共政策網路參與平臺（JOIN）徵詢民眾意見，共收到46則回應，均已納入議題盤點。',
    '規劃期間（2020年8月至12月）：行政院成立「行政院開放政府國家行動方案推動小組」，由召集人及政府、民間各一位共同召集人共同主持，成員包括13位政府代表及12位民間委員。推動小組第1次會議確認方案期程為2021年1月至2024年5月，並確認五大範疇及19項承諾事項議題，其中「環境領域的資訊揭露」係由民間委員建議新增。',
    '工作分組：2020年11月至12月，每項承諾事項由主辦機關副首長擔任工作分組召集人，邀集相關機關、民間學者專家及推動小組民間委員，以公開會議共同研擬承諾事項表，共召開工作分組會議20場次、公私部門計330人次參與。多個工作分組以線上共筆文件讓民間委員直接修訂文字；工作分組的參與者不由機關指定，任何有意願的團體或個人均可報名加入。',
    '核定與公開：2020年12月31日推動小組第2次會議討論方案草案，民間委員就衡量指標的明確性（例如政府資訊公開申請案件的准駁統計）及預算資訊的揭露提出修正意見。方案依意見修正後陳報行政院，經行政院院長核定，並翻譯為英文，與中文本同步公布於國家發展委員會開放政府專區。',
    '執行與檢討（2021年1月至2024年5月）：推動小組原則上每四個月召開一次會議，檢視各承諾事項執行情形，並由機關輪流分享協作順利或遭遇困難的案例；會議決議以「持續列管」或「解除列管」追蹤。執行成果公布於網站，民眾可對每一項承諾事項留言，方案並將委請獨立專家進行審查。',
  ),
  paras(
    'Preparation (July 2019 to July 2020): at the 2019 OGP Global Summit Taiwan announced that it would develop a national action plan following the OGP framework. The National Development Council and ministries then held 19 public–private meetings with 500 participations, and government agencies proposed 12 commitments. During the same period the public was consulted on the Public Policy Network Participation Platform (JOIN), which received 46 responses; all were included in the review of possible topics.',
    'Planning (August to December 2020): the Executive Yuan set up the multi-stakeholder forum, the Open Government National Action Plan Task Force (行政院開放政府國家行動方案推動小組), chaired by a convener and two co-conveners, one from government and one from civil society, with 13 government and 12 civil-society members. Its first meeting set the plan period (January 2021 to May 2024) and agreed on five areas and 19 commitment topics, including environmental information disclosure, which a civil-society member proposed.',
    'Working groups: in November and December 2020 each commitment was drafted by a working group chaired by the deputy head of the lead agency, with the agencies concerned, academic and civil-society experts and the civil-society members of the forum, in open meetings. The 20 working-group meetings counted 330 participations from government and civil society. Several groups drafted in shared online documents that civil-society members could edit directly. Working-group members are not hand-picked by officials: any organisation or person who wishes to can join.',
    'Approval and publication: the forum’s second meeting, on 31 December 2020, discussed the draft. Civil-society members asked for clearer indicators, for example statistics on granted and refused information requests, and for budget information. The draft was revised accordingly, submitted to the Executive Yuan and approved by the Premier. An English translation is published together with the Chinese text on the open government pages of the National Development Council.',
    'Implementation and review (January 2021 to May 2024): the forum meets about every four months to review progress, and agencies take turns presenting cases where collaboration went well or got stuck. Its resolutions are tracked as “keep tracking” or “closed”. Results are published on the website, the public can comment on every commitment, and the plan will be reviewed by independent experts.',
  ),
);

const commitmentsIntro = t(
  paras(
    '本方案共有五大範疇、19項承諾事項：推動資料開放與資訊公開（5項）、擴大公共參與（5項）、增加性別及族群包容對話（4項）、落實清廉施政（3項）及執行洗錢防制（2項）。',
    '每項承諾事項依OGP承諾事項表撰寫，載明主辦及協辦機關、所涉公共問題、承諾內容、對解決公共問題的貢獻、與OGP核心價值的相關性及其他資訊，並訂有分年度衡量指標（2021年、2022年、2023年1月至2024年5月）。衡量指標以可驗證的產出或數量目標表示，避免僅以「推動」「強化」「精進」等用語描述。',
    '預算欄位依推動小組建議儘量填列；投入屬既有計畫或人力而難以貨幣化者，以文字說明。執行期間如機關組織調整，承諾事項隨業務移交由承接機關辦理，並提推動小組會議確認。',
    '說明：本平臺所載為示範資料。範疇、承諾事項中文標題及部分主辦機關依公開資料整理；其餘內容，包括聯絡人、預算、衡量指標及目標值，均為示範用途撰寫，不代表政府正式內容。',
  ),
  paras(
    'The plan has 19 commitments in five areas: promote open data and information transparency (5), expand public participation (5), increase gender and ethnic inclusive dialogue (4), implement integrity in governance (3) and execute anti-money laundering (2).',
    'Each commitment follows the OGP commitment template: lead and supporting agencies, the public problem addressed, what the commitment is, how it helps solve the problem, its relevance to OGP values and additional information, with milestones for each period (2021, 2022, and January 2023 to May 2024). Milestones are stated as verifiable outputs or numeric targets rather than as general intentions to “promote” or “strengthen”.',
    'As the forum recommended, budgets are given where possible; where the work relies on existing programmes or staff and cannot easily be expressed in money, a note explains it. If an agency is reorganised during implementation, its commitments move with its responsibilities to the successor agency, as confirmed by the forum.',
    'Note: this platform shows demonstration data. The areas, the Chinese commitment titles and some lead agencies follow public sources; everything else, including contacts, budgets, indicators and targets, was written for demonstration and is not official government content.',
  ),
);

// ── 一、推動資料開放與資訊公開 ─────────────────────────────────────────────────────────────

const c1_1: DemoCommitment = {
  number: '1-1',
  ogpId: 'TW0001',
  title: t('完備政府資料開放與再利用制度', 'Complete the framework for open government data and its reuse'),
  leadAgency: 'NDC',
  coAgencies: [],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '王小明（示範）', title: '資料開放專案聯絡人', email: 'opendata.demo@example.org', phone: '+886-2-0000-1101' },
  otherActors: t(
    '政府：各部會資料開放諮詢小組、直轄市及縣（市）政府資訊單位。民間：開放資料社群（如g0v零時政府參與者）、學研機構、資料加值業者。工作分組：第1-1工作分組。',
    'Government: open data advisory panels of ministries; IT units of municipal and county governments. Civil society: open data communities (e.g. g0v contributors), universities and research institutes, data reuse businesses. Working group 1-1.',
  ),
  problem: t(
    '政府資料開放平臺已彙集逾4萬項資料集，但多依機關既有業務釋出，民眾實際需要的高應用價值資料（如公共工程、交通事故、食品檢驗明細）未必優先開放。部分資料為掃描檔或欄位說明不全，無法機器判讀。民眾提出的資料需求沒有統一處理程序與回覆期限，常無下文。',
    'The Government Open Data Platform lists more than 40,000 datasets, but most are released according to what agencies already hold rather than what users need: high-value data such as public works, traffic accidents or food inspection results are not released first. Some datasets are scanned files or lack field descriptions and cannot be machine-read. Requests from the public for new data have no common procedure or deadline and often go unanswered.',
  ),
  objective: t(
    '建立由使用者參與決定優先開放資料的程序、可檢核的資料品質標準，以及有回覆期限的民眾資料需求處理機制。',
    'Set up a procedure in which users help decide which data are released first, verifiable data-quality standards, and a procedure for public data requests with a response deadline.',
  ),
  briefDescription: t(
    '訂定高應用價值資料徵詢程序與民眾資料需求處理要點（30日內回覆），並以品質檢核工具提升平臺資料之機器可讀比率。',
    'Set a public procedure to pick high-value datasets, answer data requests within 30 days, and check dataset quality with an open tool.',
  ),
  description: t(
    '一、優先開放具運用價值資料：與民間代表共同訂定高應用價值資料集的篩選與徵詢程序，公開徵詢後決定年度優先開放清單。二、強化資料品質：提供資料品質自動檢核工具，檢查格式、欄位說明與更新頻率，並公布各機關檢核結果。三、建立處理民眾資料需求程序：訂定作業要點，民眾於平臺提出需求後，主管機關須於30日內回覆；不予開放者須說明法律依據與理由，並公開於平臺。',
    '(1) Release valuable data first: with civil-society representatives, define how high-value datasets are selected and consulted on, and publish an annual priority list after public consultation. (2) Improve data quality: provide an automatic checker for format, field descriptions and update frequency, and publish each agency’s results. (3) Handle public data requests: adopt guidelines under which the responsible agency answers a request made on the platform within 30 days; a refusal must state its legal basis and reasons and is published on the platform.',
  ),
  contribution: t(
    '由使用者參與決定優先順序，讓開放資料更貼近民眾與加值業者的實際需要。公開回覆期限與拒絕理由，使機關對資料需求負起回應責任；品質檢核結果公開，則讓資料品質是否改善可以被追蹤。',
    'Letting users set priorities brings releases closer to what citizens and reusers actually need. Public deadlines and published reasons for refusal make agencies answerable for data requests, and published quality results let anyone follow whether data quality improves.',
  ),
  ogpValues: ['access-to-information', 'civic-participation', 'technology-innovation'],
  sdgTargets: ['16.10', '17.18'],
  budget: {
    amount: null,
    currency: null,
    note: t('由國家發展委員會既有資料開放業務經費及人力支應，未另編列專案預算。', 'Funded from the National Development Council’s existing open data budget and staff; no separate project budget.'),
  },
  links: [{ title: '政府資料開放平臺 Government Open Data Platform', url: 'https://data.gov.tw/' }],
  origin: 'joint',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('高應用價值資料集篩選及徵詢程序（草案）與候選清單', 'Draft selection and consultation procedure for high-value datasets, with a candidate list'),
      t('公開徵詢會議場次；公布之候選資料集數量', 'Public consultation meetings held; candidate datasets published'),
      t('至少2場公開會議；候選資料集至少50項', 'At least 2 public meetings; at least 50 candidate datasets'),
    ),
    milestone(
      Y2022,
      t('民眾資料需求處理作業要點發布施行', 'Guidelines on handling public data requests in force'),
      t('30日內回覆之需求比率；不予開放案件附理由公開之比率', 'Share of requests answered within 30 days; share of refusals published with reasons'),
      t('30日內回覆率達90%以上；不予開放案件100%公開理由', 'At least 90% answered within 30 days; reasons published for 100% of refusals'),
    ),
    milestone(
      Y2023_24,
      t('資料品質檢核工具上線，並依徵詢結果開放高應用價值資料', 'Quality checker online and high-value datasets released from the consultation list'),
      t('通過品質檢核（機器可讀、欄位說明完整）之資料集比率；依徵詢結果新開放之資料集數', 'Share of datasets passing the quality check (machine-readable, complete field descriptions); new datasets released from the list'),
      t('比率達80%以上；新開放至少30項', 'At least 80%; at least 30 new datasets'),
    ),
  ],
};

const c1_2: DemoCommitment = {
  number: '1-2',
  ogpId: 'TW0002',
  title: t('建立開放資料集平臺，提供加值運用', 'Build an open dataset platform that supports value-added use'),
  leadAgency: 'MOST',
  coAgencies: ['NDC'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '陳美玲（示範）', title: '民生公共物聯網資料服務聯絡人', email: 'civiliot.demo@example.org', phone: '+886-2-0000-1201' },
  otherActors: t(
    '政府：國家實驗研究院國家高速網路與計算中心、中央氣象局、經濟部水利署等資料提供機關。民間：公民科學與環境感測社群、學研團隊、新創業者。',
    'Government: National Center for High-performance Computing (NARLabs), Central Weather Bureau, Water Resources Agency and other data providers. Civil society: citizen science and environmental sensing communities, research teams, start-ups.',
  ),
  problem: t(
    '空氣品質、水資源、地震及災害等感測資料分散於不同機關的系統，格式與取用方式不一。民間團隊與研究者即使取得資料，也常缺乏處理大量即時資料所需的儲存與運算資源，使開放資料難以轉化為公共服務或研究成果。',
    'Sensor data on air quality, water, earthquakes and disasters sit in different agencies’ systems with different formats and access methods. Even when civic teams and researchers obtain the data, they often lack the storage and computing power needed to process large real-time streams, so open data rarely becomes a public service or research result.',
  ),
  objective: t(
    '建立集中蒐集感測與研究資料的開放平臺，提供運算資源供各界使用，並透過定期使用者研討會讓使用者意見回饋至平臺規劃。',
    'Build an open platform that brings sensor and research data together, offer computing resources to outside users, and feed users’ views into the platform through regular user workshops.',
  ),
  briefDescription: t(
    '建立彙整民生感測資料之開放平臺，提供民間團隊運算資源，並每年舉辦使用者研討會，依回饋調整資料與服務。',
    'Gather civil sensor data on one open platform, give civic and research teams free computing resources, and hold yearly user workshops.',
  ),
  description: t(
    '一、建立平臺蒐集資料：以民生公共物聯網計畫為基礎，將各機關空品、水文、地震與防災感測資料以一致的API開放。二、提供計算資源供各界使用：開放申請雲端運算與儲存環境，供民間團隊及學研單位分析資料，審查結果公開。三、舉辦資料使用者研討會：每年至少辦理研討會，公開會議紀錄與機關回應，作為下一年度資料開放與平臺功能的依據。',
    '(1) Collect data on one platform: building on the Civil IoT Taiwan programme, open agencies’ air quality, hydrological, seismic and disaster sensor data through a consistent API. (2) Offer computing resources: civic teams and researchers can apply for cloud computing and storage to analyse the data; decisions on applications are published. (3) Hold user workshops every year and publish the minutes and the agencies’ responses, which guide the next year’s data releases and platform features.',
  ),
  contribution: t(
    '統一取用方式並提供運算資源，降低民間運用大量即時資料的門檻。使用者研討會讓資料需求直接回饋至機關，使平臺依實際使用情形調整，而不是由機關單方決定。',
    'A single access method and free computing resources lower the barrier for civil society to use large real-time datasets. User workshops take data needs straight to the agencies, so the platform changes according to actual use instead of the agencies’ own assumptions.',
  ),
  ogpValues: ['access-to-information', 'civic-participation', 'technology-innovation'],
  sdgTargets: ['11.6', '16.10', '17.18'],
  budget: {
    amount: null,
    currency: null,
    note: t(
      '經費納入「民生公共物聯網計畫」（前瞻基礎建設計畫）及國網中心雲端服務與大數據平臺計畫，難以單獨貨幣化。',
      'Covered by the Civil IoT Taiwan programme (Forward-looking Infrastructure Development Program) and NCHC cloud and big data platform projects; not separately costed.',
    ),
  },
  links: [{ title: '民生公共物聯網 Civil IoT Taiwan', url: 'https://ci.taiwan.gov.tw/' }],
  origin: 'government',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('開放資料集平臺上線並彙整感測資料', 'Open dataset platform online with sensor data'),
      t('平臺開放之資料集數；其中即時感測資料串流數', 'Datasets on the platform; of which real-time sensor streams'),
      t('至少500項資料集，其中即時串流至少100項', 'At least 500 datasets, including at least 100 real-time streams'),
    ),
    milestone(
      Y2022,
      t('開放運算資源申請', 'Computing resources open to applications'),
      t('獲配運算資源之民間及學研團隊數；審查結果公開比率', 'Civic and research teams given computing resources; share of decisions published'),
      t('至少30個團隊；審查結果100%公開', 'At least 30 teams; 100% of decisions published'),
    ),
    milestone(
      Y2023_24,
      t('資料使用者研討會及機關回應', 'User workshops and agency responses'),
      t('研討會場次；會議紀錄及機關回應於會後30日內公開之比率', 'Workshops held; share of minutes and responses published within 30 days'),
      t('合計至少3場；100%於30日內公開', 'At least 3 workshops; 100% published within 30 days'),
    ),
  ],
};

const c1_3: DemoCommitment = {
  number: '1-3',
  ogpId: 'TW0003',
  title: t('強化數位隱私與個資保護', 'Strengthen digital privacy and personal data protection'),
  leadAgency: 'NDC',
  coAgencies: ['MOJ'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '林志豪（示範）', title: '個資保護專案聯絡人', email: 'privacy.demo@example.org', phone: '+886-2-0000-1301' },
  otherActors: t(
    '政府：各中央目的事業主管機關、法務部。民間：數位人權團體、律師公會、資訊安全與隱私研究者。如設立個人資料保護獨立專責機關，本承諾隨業務移交該機關辦理。',
    'Government: sector regulators, Ministry of Justice. Civil society: digital rights organisations, bar associations, security and privacy researchers. If an independent data protection authority is set up, this commitment moves to it.',
  ),
  problem: t(
    '《個人資料保護法》由各目的事業主管機關分散監管，尚無獨立專責機關；當事人要查詢、更正或刪除自己的資料時，常不知道該向哪個機關申訴。政府機關導入新資訊系統或跨機關串接資料前，沒有一致的個資衝擊評估程序，隱私風險往往在系統上線後才被發現。',
    'The Personal Data Protection Act is enforced separately by each sector regulator and there is no independent authority, so people who want to see, correct or delete their data often do not know where to complain. Agencies have no common privacy impact assessment (PIA) before launching new systems or linking data across agencies, so privacy risks are often found only after a system is live.',
  ),
  objective: t(
    '讓當事人更容易行使權利，建立政府機關個資衝擊評估機制並公開評估摘要，並研議獨立專責機關的組織規劃。',
    'Make it easier for people to exercise their data rights, introduce privacy impact assessments for government systems with published summaries, and plan an independent data protection authority.',
  ),
  briefDescription: t(
    '建立政府機關個資衝擊評估機制並公開摘要，彙整當事人權利行使管道，並研提個資獨立專責機關組織規劃供公眾評論。',
    'Require privacy impact assessments for government systems with public summaries, and consult on an independent data protection authority.',
  ),
  description: t(
    '一、強化個資當事人保障：彙整各主管機關受理當事人申訴的窗口與流程，建置單一查詢頁面。二、辦理個資衝擊評估：訂定政府機關個資衝擊評估指引，處理敏感性或大量個資的新系統須於上線前辦理評估，並公開評估摘要。三、研議獨立專責機關：參考歐盟一般資料保護規則（GDPR）適足性認定的要求，研提個資保護獨立專責機關的組織規劃，公開徵詢意見。',
    '(1) Protect data subjects: bring together every regulator’s complaint contacts and procedures on a single page. (2) Privacy impact assessments: issue PIA guidelines for government agencies; new systems that process sensitive or large volumes of personal data must be assessed before launch, and a summary of each assessment is published. (3) Independent authority: drawing on the adequacy requirements of the EU General Data Protection Regulation (GDPR), propose an organisational plan for an independent data protection authority and consult the public on it.',
  ),
  contribution: t(
    '個資衝擊評估在系統設計階段就找出隱私風險，公開摘要讓外部專家及民眾能檢視政府如何處理個資。單一窗口降低當事人行使權利的成本；獨立專責機關則可解決監管分散、標準不一的問題。',
    'Assessments find privacy risks while systems are still being designed, and published summaries let outside experts and the public see how the government handles personal data. A single entry point lowers the cost of exercising one’s rights, and an independent authority would end fragmented supervision and uneven standards.',
  ),
  ogpValues: ['access-to-information', 'public-accountability', 'technology-innovation'],
  sdgTargets: ['16.6', '16.10'],
  budget: {
    amount: null,
    currency: null,
    note: t('由國家發展委員會個人資料保護專案辦公室既有人力辦理。', 'Carried out by existing staff of the National Development Council’s Personal Data Protection Office.'),
  },
  links: [{ title: '國家發展委員會 National Development Council', url: 'https://www.ndc.gov.tw/' }],
  origin: 'government',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('政府機關個資衝擊評估指引（草案）公開徵詢', 'Draft PIA guidelines for government agencies put to public consultation'),
      t('徵詢期間；意見及回應說明公開比率', 'Length of consultation; share of comments published with responses'),
      t('徵詢至少30日；100%意見附回應說明公開', 'At least 30 days; 100% of comments published with responses'),
    ),
    milestone(
      Y2022,
      t('中央機關辦理個資衝擊評估並公開摘要', 'Central agencies carry out PIAs and publish summaries'),
      t('完成評估並公開摘要之中央機關數', 'Central agencies that completed a PIA and published its summary'),
      t('至少10個中央機關，涵蓋處理敏感性個資之系統', 'At least 10 central agencies, covering systems that process sensitive data'),
    ),
    milestone(
      Y2023_24,
      t('當事人權利行使單一查詢頁面上線；獨立專責機關組織規劃公開徵詢', 'Single page for exercising data rights online; plan for an independent authority put to consultation'),
      t('頁面涵蓋之中央目的事業主管機關比率；徵詢期間', 'Share of sector regulators covered by the page; length of consultation'),
      t('涵蓋100%中央目的事業主管機關；徵詢至少60日', '100% of sector regulators covered; at least 60 days of consultation'),
    ),
  ],
};

const c1_4: DemoCommitment = {
  number: '1-4',
  ogpId: 'TW0004',
  title: t('落實政府資訊公開法之資訊取用權', 'Give effect to the right of access to information under the Freedom of Government Information Law'),
  leadAgency: 'MOJ',
  coAgencies: ['NDC'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '張雅婷（示範）', title: '政府資訊公開業務聯絡人', email: 'foi.demo@example.org', phone: '+886-2-0000-1401' },
  otherActors: t(
    '政府：各中央及地方機關政府資訊公開承辦單位、訴願審議委員會。民間：新聞媒體、環境及人權團體、行政法學者。',
    'Government: units handling information requests in central and local agencies; administrative appeal committees. Civil society: news media, environmental and human rights organisations, administrative law scholars.',
  ),
  problem: t(
    '《政府資訊公開法》施行逾15年，但各機關受理申請的件數、准駁情形及駁回理由沒有統一統計，外界無從評估法律的落實程度。第18條限制公開事由的適用寬嚴不一；承辦人員對法規認識不足，各機關複製費用標準不同，也可能形成申請障礙。',
    'The Freedom of Government Information Law has been in force for more than 15 years, yet there are no common statistics on how many requests agencies receive, grant or refuse and on what grounds, so nobody can judge how well the law works. The exemptions in Article 18 are applied inconsistently, handling officers are not always familiar with the law, and copying fees differ between agencies, which can deter requesters.',
  ),
  objective: t(
    '建立申請案件統計與公開機制，了解申請人、承辦人員及訴願機關遭遇的問題，強化公務員訓練並檢討收費標準。',
    'Collect and publish statistics on information requests, learn what problems requesters, handling officers and appeal bodies meet, train civil servants and review fees.',
  ),
  briefDescription: t(
    '每年公布各機關資訊公開申請件數、准駁及駁回理由統計，調查申請遇到的問題，辦理公務員訓練並檢討收費標準。',
    'Publish yearly statistics on information requests, refusals and their grounds; survey problems; train officials; review fees.',
  ),
  description: t(
    '一、徵詢申請政府資訊遇到的問題：依推動小組第2次會議民間委員建議，徵詢對象包括申請人、機關承辦人員、法制人員及訴願審議機關，並分析相關訴願決定。二、建立統計：各機關每年填報受理件數、全部公開、部分公開及不予公開件數與所依據的第18條款次，由法務部彙整公布。三、強化公務員培訓：開設實體及線上課程，編製常見問答與案例彙編。四、檢討收費標準：比較各機關收費，研擬一致的收費基準，並研議公益目的申請的減免。',
    '(1) Ask about problems in requesting information: as civil-society members asked at the forum’s second meeting, the survey covers requesters, handling officers, legal affairs staff and administrative appeal bodies, and analyses appeal decisions. (2) Statistics: every agency reports each year the requests received, granted in full, granted in part and refused, with the Article 18 exemptions relied on; the Ministry of Justice publishes the consolidated figures. (3) Training: classroom and online courses, with FAQs and a casebook. (4) Fees: compare agencies’ fees, propose a common fee scale, and consider waivers for requests in the public interest.',
  ),
  contribution: t(
    '統計數據使外界能以准駁比率與理由追蹤法律的落實；調查結果指出申請障礙所在。訓練與一致的收費標準，可減少因承辦人員認知差異或費用造成的拒絕與延宕。',
    'Statistics let anyone follow how the law is applied through grant and refusal rates and grounds, and the survey shows where requesters get stuck. Training and a common fee scale reduce refusals and delays caused by officers’ uncertainty or by cost.',
  ),
  ogpValues: ['access-to-information', 'public-accountability'],
  sdgTargets: ['16.10'],
  budget: {
    amount: null,
    currency: null,
    note: t('法務部既有業務經費辦理；訓練課程利用公務人員線上學習平臺。', 'Funded from the Ministry of Justice’s existing budget; training uses the civil service e-learning platform.'),
  },
  links: [{ title: '法務部 Ministry of Justice', url: 'https://www.moj.gov.tw/' }],
  origin: 'joint',
  status: 'completed',
  milestones: [
    milestone(
      Y2021,
      t('政府資訊申請問題調查報告', 'Survey report on problems in requesting government information'),
      t('調查對象類別；問卷及訪談數；報告公開', 'Groups surveyed; questionnaires and interviews; report published'),
      t('涵蓋申請人、承辦人員、訴願審議機關三類；至少300份問卷及20場訪談；報告全文公開', 'Requesters, handling officers and appeal bodies covered; at least 300 questionnaires and 20 interviews; full report published'),
    ),
    milestone(
      Y2022,
      t('政府資訊公開申請案件年度統計', 'Annual statistics on information requests'),
      t('填報機關比率；統計項目', 'Share of agencies reporting; items covered'),
      t('中央二級以上機關填報率100%；含准駁件數及第18條適用款次', '100% of central agencies at ministry level and above; grants, refusals and Article 18 grounds included'),
    ),
    milestone(
      Y2023_24,
      t('公務員訓練及收費基準草案', 'Civil service training and draft fee scale'),
      t('累計受訓人次；收費基準草案公開徵詢', 'Cumulative participants trained; draft fee scale consulted on'),
      t('至少2,000人次；草案公開徵詢至少30日', 'At least 2,000 participants; draft consulted on for at least 30 days'),
    ),
  ],
};

const c1_5: DemoCommitment = {
  number: '1-5',
  ogpId: 'TW0005',
  title: t('環境領域的資訊揭露', 'Disclose environmental information'),
  leadAgency: 'EPA',
  coAgencies: ['MOEA'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '黃建宏（示範）', title: '環境資訊揭露聯絡人', email: 'envinfo.demo@example.org', phone: '+886-2-0000-1501' },
  otherActors: t(
    '政府：經濟部能源局、海洋委員會、行政院農業委員會漁業署、地方政府。民間：環境團體、漁會、在地社區、再生能源業者、學者。本承諾由推動小組民間委員提議新增。',
    'Government: Bureau of Energy, Ocean Affairs Council, Fisheries Agency, local governments. Civil society: environmental organisations, fishermen’s associations, local communities, renewable energy developers, scholars. Proposed by a civil-society member of the forum.',
  ),
  problem: t(
    '離岸風電與太陽光電快速擴張，但海域生態、漁業活動、鳥類遷徙等資料分散在不同機關與開發單位的環評書件中，多為PDF，難以比對。地面型太陽光電案場的位置、規模、原土地使用及環境審查情形沒有集中公開，地方社區往往在施工時才得知，因而引發爭議。',
    'Offshore wind and solar power are expanding fast, but data on marine ecology, fishing activity and bird migration are scattered across agencies and developers’ environmental impact statements, mostly as PDFs that cannot be compared. The location, size, previous land use and environmental review of ground-mounted solar sites are not published in one place, so communities often learn of a project only when construction starts, which leads to disputes.',
  ),
  objective: t(
    '整合離岸風電相關海域資料並以開放格式公開，揭露太陽光電案場的環境資訊，並培力社區與團體運用這些資訊參與能源設施的規劃。',
    'Publish integrated marine data for offshore wind in open formats, disclose environmental information on solar sites, and help communities and organisations use this information to take part in planning energy facilities.',
  ),
  briefDescription: t(
    '整合離岸風電海域環境資料並以開放格式公開，揭露地面型太陽光電案場環境資訊，並辦理社區與團體資訊運用培力。',
    'Publish integrated open marine data for offshore wind zones, disclose ground-mounted solar site data, and train communities to use them.',
  ),
  description: t(
    '一、培力與公共參與：與環境團體合作辦理資訊運用工作坊，對象為受能源設施影響的社區、漁民與在地團體。二、整合離岸風電海域資料：彙整環評書件及各機關既有調查資料（海床地質、漁業活動、鯨豚及鳥類調查等），以圖資及開放資料格式公開。三、揭露太陽光電環境資訊：公開地面型案場的位置、裝置容量、原土地使用類別及環境審查結果，並定期更新。',
    '(1) Capacity building and participation: with environmental organisations, run workshops on using environmental information for communities, fishers and local groups affected by energy facilities. (2) Integrate offshore wind marine data: combine environmental impact statements and agencies’ existing surveys (seabed geology, fishing activity, cetacean and bird surveys) and publish them as map layers and open data. (3) Disclose solar information: publish the location, capacity, previous land-use category and environmental review outcome of ground-mounted solar sites, updated regularly.',
  ),
  contribution: t(
    '民眾可在開發前比對能源設施與生態、漁業資料，提早參與選址討論。資訊集中公開降低查找與申請的成本，讓能源轉型的爭議能以共同的資料為基礎討論。',
    'People can compare energy projects with ecological and fisheries data before development and join siting discussions early. Publishing the information in one place lowers the cost of finding it and lets disputes over the energy transition start from shared facts.',
  ),
  ogpValues: ['access-to-information', 'civic-participation'],
  sdgTargets: ['7.2', '14.2', '16.10'],
  budget: {
    amount: null,
    currency: null,
    note: t('由環保署環境資料開放業務及經濟部能源局既有計畫支應。', 'Covered by the EPA’s environmental open data work and existing programmes of the Bureau of Energy.'),
  },
  links: [{ title: '環境資料開放平臺 Environmental Data Open Platform', url: 'https://data.epa.gov.tw/' }],
  origin: 'civil-society',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('環境資訊運用培力工作坊', 'Workshops on using environmental information'),
      t('工作坊場次及地區；參與之社區及團體數', 'Workshops held and regions covered; communities and organisations taking part'),
      t('至少4場（北、中、南、東各1場）；至少30個社區或團體', 'At least 4 (one each in north, centre, south and east); at least 30 communities or organisations'),
    ),
    milestone(
      Y2022,
      t('離岸風電海域環境整合圖資', 'Integrated marine environment map for offshore wind'),
      t('公開之圖層數；提供格式', 'Map layers published; formats offered'),
      t('至少20個圖層；以GeoJSON、CSV等開放格式及API提供', 'At least 20 layers; in open formats such as GeoJSON and CSV and through an API'),
    ),
    milestone(
      Y2023_24,
      t('地面型太陽光電案場環境資訊揭露', 'Environmental information on ground-mounted solar sites disclosed'),
      t('已揭露資訊之案場比率；更新頻率', 'Share of sites disclosed; update frequency'),
      t('裝置容量2MW以上地面型案場揭露率達90%以上；每季更新', 'At least 90% of ground-mounted sites of 2 MW or more; updated quarterly'),
    ),
  ],
};

// ── 二、擴大公共參與 ───────────────────────────────────────────────────────────────────────

const c2_1: DemoCommitment = {
  number: '2-1',
  ogpId: 'TW0006',
  title: t('全國性公民投票案電子連署', 'Electronic signatures for national referendum proposals'),
  leadAgency: 'CEC',
  coAgencies: ['MOI'],
  startDate: '2021-01-01',
  endDate: '2022-12-31',
  contact: { name: '李佳穎（示範）', title: '公民投票電子連署系統聯絡人', email: 'referendum.demo@example.org', phone: '+886-2-0000-2101' },
  otherActors: t(
    '政府：內政部（自然人憑證、戶籍資料查對）、國家發展委員會。民間：公民投票提案人團體、資訊安全專家、數位人權團體。',
    'Government: Ministry of the Interior (citizen digital certificates, household registration checks), National Development Council. Civil society: referendum proposers, information security experts, digital rights organisations.',
  ),
  problem: t(
    '全國性公民投票的提案及連署以紙本為主，連署書須逐筆人工輸入並與戶籍資料查對，耗時數月、成本高。紙本連署書由提案人團體蒐集轉交，連署人的身分證統一編號等個資有外洩風險；民眾也無法即時得知連署進度。',
    'Signatures for national referendum proposals are collected on paper; each form has to be typed in and checked against household registration records by hand, which takes months and costs a lot. Paper forms pass through the proposers’ hands, so signers’ ID numbers and other personal data can leak, and nobody can see how many valid signatures a proposal has so far.',
  ),
  objective: t(
    '推動電子連署系統上線，提升連署過程透明度，確保連署人個資保護，並加快查對時效、降低成本。',
    'Launch an electronic signature system that makes the process more transparent, protects signers’ personal data, and makes checking faster and cheaper.',
  ),
  briefDescription: t(
    '建置全國性公投電子連署系統，以自然人憑證等方式連署，公開即時連署數，縮短查對時間並保護連署人個資。',
    'Launch e-signatures for national referendum proposals with digital ID, live signature counts, faster checks and protected data.',
  ),
  description: t(
    '一、系統建置與上線：民眾可使用自然人憑證等身分驗證方式線上連署，系統自動比對戶籍資料。二、提升透明度：公開系統規格、資安檢測摘要及每一公投案的即時電子連署人數。三、保護個資：電子連署資料僅供查對使用，不提供予提案人團體，查對完成後依法定期限銷毀。四、加快查對時效：電子連署即時查對，並公布電子與紙本連署的查對時間及成本比較。',
    '(1) Build and launch the system: people sign online using the citizen digital certificate or another verified identity, and the system checks household registration automatically. (2) Transparency: publish the system specification, a summary of the security tests and the live number of e-signatures for every proposal. (3) Data protection: e-signature data are used only for checking, are never passed to proposers, and are destroyed within the legal time limit after checking. (4) Faster checks: e-signatures are checked immediately, and a comparison of the time and cost of checking electronic and paper signatures is published.',
  ),
  contribution: t(
    '電子連署讓民眾不必把個資交給提案團體即可參與公投提案，降低參與門檻與個資風險。公開即時數據與成本比較，使選務機關的效率可以被檢驗。',
    'E-signatures let people support a referendum proposal without handing their personal data to the proposers, which lowers both the barrier to participation and the privacy risk. Live figures and a published cost comparison make the election authority’s efficiency open to scrutiny.',
  ),
  ogpValues: ['civic-participation', 'access-to-information', 'technology-innovation'],
  sdgTargets: ['16.7'],
  budget: {
    amount: '24000000',
    currency: 'TWD',
    note: t('電子連署系統建置、資安檢測及維運經費（示範數字）。', 'Building, security testing and operating the e-signature system (demonstration figure).'),
  },
  links: [{ title: '中央選舉委員會 Central Election Commission', url: 'https://www.cec.gov.tw/' }],
  origin: 'government',
  status: 'completed',
  milestones: [
    milestone(
      Y2021,
      t('電子連署系統建置及資安檢測', 'E-signature system built and security tested'),
      t('第三方滲透測試完成；高風險弱點修補率；系統規格及檢測摘要公開', 'Third-party penetration test completed; share of high-risk findings fixed; specification and test summary published'),
      t('高風險弱點修補率100%；規格與摘要於上線前公開', '100% of high-risk findings fixed; specification and summary published before launch'),
    ),
    milestone(
      Y2022,
      t('電子連署系統上線及查對時效報告', 'System live and report on checking time'),
      t('上線日期；電子連署查對所需時間；電子與紙本查對成本比較報告', 'Launch date; time needed to check e-signatures; report comparing the cost of electronic and paper checks'),
      t('2022年6月30日前上線；連署截止後5個工作日內完成查對；比較報告公開', 'Live by 30 June 2022; checks done within 5 working days after signatures close; comparison report published'),
    ),
  ],
};

const c2_2: DemoCommitment = {
  number: '2-2',
  ogpId: 'TW0007',
  title: t('青年政策參與', 'Youth participation in policy-making'),
  leadAgency: 'MOE',
  coAgencies: [],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '吳宗翰（示範）', title: '青年政策參與聯絡人', email: 'youth.demo@example.org', phone: '+886-2-0000-2201' },
  otherActors: t(
    '政府：教育部青年發展署、行政院青年諮詢委員會、直轄市及縣（市）政府青年事務單位。民間：青年團體、學生會、大專校院。',
    'Government: Youth Development Administration (Ministry of Education), Executive Yuan Youth Advisory Committee, youth affairs units of local governments. Civil society: youth organisations, student unions, universities and colleges.',
  ),
  problem: t(
    '青年參與公共事務的管道分散於中央與地方各種青年諮詢組織，資訊沒有整合，青年不易得知如何參與，也看不到提案後的處理結果。大專校院的校務資訊（如學雜費、師資結構、畢業生流向）公開程度不一，學生難以比較與監督。',
    'Channels for young people to take part in public affairs are spread across many central and local youth advisory bodies, with no common information, so young people find it hard to know how to take part or what happened to their proposals. Universities publish information such as fees, staffing and graduate outcomes unevenly, which makes comparison and oversight by students difficult.',
  ),
  objective: t(
    '持續辦理「青年好政系列－Let’s Talk」並公開機關回應，整合全國青年諮詢資訊網站，並訂定高級中等以上學校校務資料開放原則。',
    'Continue the Youth Let’s Talk deliberations with published agency responses, bring together the websites of youth advisory bodies, and set open data principles for school and university information.',
  ),
  briefDescription: t(
    '持續辦理青年好政Let’s Talk並公開政策建議之機關回應，整合全國青諮資訊網站，並訂定高中以上校務資料開放原則。',
    'Run Youth Let’s Talk with published agency responses, merge youth advisory websites, and set open data rules for school affairs.',
  ),
  description: t(
    '一、辦理青年好政Let’s Talk：由青年自組團隊就政策議題辦理審議討論，產出的政策建議送交主管機關，機關須書面回應並公開。二、整合全國青諮資訊網站：彙整中央及直轄市、縣（市）政府青年諮詢組織的成員、會議紀錄與提案追蹤。三、提供校務資料開放原則：訂定高級中等以上學校校務資料開放原則，優先開放學雜費、學生人數、師資結構及畢業生流向等資料。',
    '(1) Youth Let’s Talk: teams of young people organise deliberations on policy issues; their recommendations go to the responsible agency, which must reply in writing, and the replies are published. (2) One youth advisory website: members, minutes and proposal tracking of the central and all municipal and county youth advisory bodies in one place. (3) Open school data: principles for opening information of senior high schools and higher education institutions, starting with fees, enrolment, staffing and graduate outcomes.',
  ),
  contribution: t(
    '政策建議必須得到機關公開回應，使青年參與不只是一次性活動。整合網站讓青年能追蹤提案進度；校務資料開放則讓學生與家長能依據資料監督學校經營。',
    'Because every recommendation receives a published response, youth participation is more than a one-off event. A single website lets young people follow their proposals, and open school data let students and parents hold institutions to account with evidence.',
  ),
  ogpValues: ['civic-participation', 'access-to-information', 'inclusion'],
  sdgTargets: ['4.7', '16.7'],
  budget: {
    amount: null,
    currency: null,
    note: t('由教育部青年發展署既有青年公共參與計畫經費辦理。', 'Funded from the Youth Development Administration’s existing youth participation programme.'),
  },
  links: [{ title: '教育部青年發展署 Youth Development Administration', url: 'https://www.yda.gov.tw/' }],
  origin: 'joint',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('青年好政Let’s Talk審議討論及機關回應', 'Youth Let’s Talk deliberations and agency responses'),
      t('場次；參與青年人次；機關書面回應公開比率', 'Sessions held; youth participations; share of written responses published'),
      t('至少20場；至少1,000人次；書面回應100%公開', 'At least 20 sessions; at least 1,000 participations; 100% of responses published'),
    ),
    milestone(
      Y2022,
      t('全國青諮資訊整合網站', 'Integrated youth advisory website'),
      t('納入之青年諮詢組織；會議紀錄公開時限', 'Youth advisory bodies included; time limit for publishing minutes'),
      t('涵蓋中央及22個直轄市、縣（市）政府；會議紀錄於會後30日內公開', 'Central body and all 22 municipalities and counties; minutes online within 30 days'),
    ),
    milestone(
      Y2023_24,
      t('校務資料開放原則及資料集', 'Open school data principles and datasets'),
      t('原則發布日期；大專校院校務開放資料集數', 'Date principles issued; open datasets on higher education institutions'),
      t('2023年6月30日前發布；至少20項資料集，涵蓋所有大專校院', 'Issued by 30 June 2023; at least 20 datasets covering all institutions'),
    ),
  ],
};

const c2_3: DemoCommitment = {
  number: '2-3',
  ogpId: 'TW0008',
  title: t('地方創生互動平臺機制建置', 'Build an interactive platform for regional revitalization'),
  leadAgency: 'NDC',
  coAgencies: [],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '劉怡君（示範）', title: '地方創生平臺聯絡人', email: 'revitalization.demo@example.org', phone: '+886-2-0000-2301' },
  otherActors: t(
    '政府：各部會地方創生資源單位、直轄市及縣（市）政府、鄉（鎮、市、區）公所、行政院青年諮詢委員會。民間：地方創生團隊、返鄉青年、合作社、社區組織、企業。',
    'Government: ministries’ regional revitalization programmes, municipal, county and township governments, Executive Yuan Youth Advisory Committee. Civil society: local revitalization teams, young people returning home, cooperatives, community organisations, companies.',
  ),
  problem: t(
    '各部會支持地方發展的資源分散，地方團隊不易掌握。成功案例多以成果報告呈現，缺少可供其他地方參考的過程與脈絡。地方團隊遇到法規或資源困難時，沒有可公開提出並追蹤處理情形的管道，而JOIN提點子須5,000人附議，小型地方議題不易達到。',
    'Central government support for local development is spread over many programmes that local teams struggle to navigate. Success stories are usually written as output reports that say little about how things happened, so other places cannot learn from them. When local teams hit regulatory or resource obstacles they have no public channel to raise them and follow them up; JOIN requires 5,000 endorsements, which small local issues rarely reach.',
  ),
  objective: t(
    '建置資訊共享交流平臺，以故事方式呈現創生案例，並讓地方團隊提出需求、由相關機關公開回應。',
    'Build a platform for sharing information, tell revitalization cases as stories, and let local teams raise needs that the responsible agencies answer in public.',
  ),
  briefDescription: t(
    '建置地方創生資訊共享平臺，以故事方式呈現案例，讓地方團隊提出需求並由機關於30日內公開回應。',
    'Build a regional revitalization platform with case stories, where local teams post needs and agencies reply publicly within 30 days.',
  ),
  description: t(
    '一、建置資訊共享交流平臺：整合各部會地方創生資源、計畫及申請方式。二、案例共創：與地方團隊共同撰寫創生案例，呈現人物、過程與遭遇的困難，而不只是列出成果，並經團隊確認後刊登。三、需求提出與回應：地方團隊可於平臺提出法規或資源需求，由國家發展委員會分派主管機關於30日內回應並公開；涉及中央法規調整者，轉介JOIN或行政院青年諮詢委員會追蹤。',
    '(1) Information platform: one place for ministries’ revitalization resources, programmes and how to apply. (2) Co-written cases: cases are written together with local teams, telling who was involved, how the work went and what obstacles arose rather than only listing results, and are published after the team approves them. (3) Needs and responses: local teams can post regulatory or resource needs; the National Development Council assigns each to the responsible agency, which replies publicly within 30 days. Issues that require changes to national regulations are referred to JOIN or the Executive Yuan Youth Advisory Committee for follow-up.',
  ),
  contribution: t(
    '平臺讓小型地方團隊的需求也能被看見並獲得公開回應，不受大規模附議門檻限制。故事化的案例提供可借鏡的過程；需求與回應的統計也讓中央掌握各地共同的障礙。',
    'The platform lets small local teams be heard and receive public answers without needing thousands of endorsements. Story-based cases show a process others can learn from, and statistics on needs and responses show central government which obstacles are shared across regions.',
  ),
  ogpValues: ['civic-participation', 'access-to-information', 'public-accountability'],
  sdgTargets: ['11.3', '16.7'],
  budget: {
    amount: null,
    currency: null,
    note: t('由國家發展委員會地方創生相關計畫經費辦理。', 'Funded from the National Development Council’s regional revitalization programmes.'),
  },
  links: [{ title: '臺灣地方創生 Regional Revitalization', url: 'https://www.twrr.ndc.gov.tw/' }],
  origin: 'joint',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('地方創生互動平臺上線及案例資料庫', 'Platform online with a case database'),
      t('上線日期；以故事形式撰寫並經團隊確認之案例數', 'Launch date; cases written as stories and approved by the teams'),
      t('2021年12月31日前上線；至少50則案例', 'Online by 31 December 2021; at least 50 cases'),
    ),
    milestone(
      Y2022,
      t('地方需求提出與機關回應', 'Local needs posted and answered'),
      t('需求則數；30日內公開回應比率', 'Needs posted; share answered publicly within 30 days'),
      t('至少100則；30日內回應率達90%，回應內容100%公開', 'At least 100; at least 90% answered within 30 days; 100% of answers public'),
    ),
    milestone(
      Y2023_24,
      t('跨域合作媒合及需求處理年度報告', 'Cross-regional matching and annual report on needs'),
      t('經平臺媒合之跨區合作案數；年度報告公開', 'Cross-regional collaborations matched through the platform; annual reports published'),
      t('至少10案；2023年及2024年報告各1份公開', 'At least 10; one report each for 2023 and 2024 published'),
    ),
  ],
};

const c2_4: DemoCommitment = {
  number: '2-4',
  ogpId: 'TW0009',
  title: t('鼓勵勞工籌組工會', 'Encourage workers to form trade unions'),
  leadAgency: 'MOL',
  coAgencies: [],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '周俊傑（示範）', title: '工會組織業務聯絡人', email: 'union.demo@example.org', phone: '+886-2-0000-2401' },
  otherActors: t(
    '政府：直轄市及縣（市）勞工行政主管機關。民間：全國性及地方工會、勞工團體、勞動法學者。',
    'Government: labour authorities of municipalities and counties. Civil society: national and local trade unions, labour organisations, labour law scholars.',
  ),
  problem: t(
    '企業工會及產業工會的組織率偏低，許多勞工不熟悉籌組程序，也擔心遭雇主不利對待。籌組工會須備齊章程、會員名冊、成立大會紀錄等文件向地方主管機關登記，程序繁瑣且各地要求不一，成為勞工行使團結權的障礙。',
    'Few workers belong to enterprise or industrial unions. Many do not know how to form one and fear retaliation by their employer. Forming a union means registering with the local authority with statutes, a membership roll and minutes of the founding meeting; the procedure is cumbersome and requirements differ between localities, which holds workers back from exercising their right to organise.',
  ),
  objective: t(
    '蒐集勞工籌組工會的實際困境，簡化籌組及登記流程，並以多元方式宣導組織工會及職業安全衛生權益。',
    'Find out what actually stops workers from forming unions, simplify formation and registration, and promote union and occupational safety rights in varied ways.',
  ),
  briefDescription: t(
    '蒐集勞工籌組工會困境，簡化登記文件並提供線上申請，以多元方式宣導組織工會及職業安全衛生權益。',
    'Collect barriers workers face in forming unions, simplify registration with online filing, and promote union and safety rights.',
  ),
  description: t(
    '一、蒐集困境：與工會及勞工團體辦理座談，並調查籌組失敗或中止的案例，分析原因。二、簡化流程：盤點各地方主管機關的登記要件，訂定統一的文件範本與審查基準，並提供線上申請登記。三、多元宣導：針對青年勞工、非典型勞工及中小企業勞工辦理工會組織與職業安全衛生宣導，並製作多語宣導素材。',
    '(1) Identify barriers: hold meetings with unions and labour organisations and study cases where attempts to form a union failed or stopped, to understand why. (2) Simplify: compare local registration requirements, adopt common document templates and review criteria, and allow online registration. (3) Outreach: information on forming unions and on occupational safety for young workers, workers in non-standard employment and employees of small firms, with material in several languages.',
  ),
  contribution: t(
    '困境調查讓政策依實際障礙調整；統一且可線上辦理的登記程序降低籌組成本。針對性的宣導讓較少接觸工會的勞工了解自己的團結權與申訴管道。',
    'Evidence on the barriers lets policy address the real obstacles, and a common online registration procedure makes forming a union cheaper. Targeted outreach tells workers who rarely meet unions about their right to organise and where to complain.',
  ),
  ogpValues: ['civic-participation', 'access-to-information', 'inclusion'],
  sdgTargets: ['8.8'],
  budget: {
    amount: null,
    currency: null,
    note: t('由勞動部既有工會組織輔導經費辦理。', 'Funded from the Ministry of Labor’s existing union support budget.'),
  },
  links: [{ title: '勞動部 Ministry of Labor', url: 'https://www.mol.gov.tw/' }],
  origin: 'government',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('勞工籌組工會困境調查報告', 'Report on barriers to forming unions'),
      t('座談場次及地區；分析之案例數；報告公開', 'Meetings held and regions; cases analysed; report published'),
      t('至少5場（北、中、南各至少1場）；至少30件案例；報告全文公開', 'At least 5 meetings (at least one each in north, centre and south); at least 30 cases; full report published'),
    ),
    milestone(
      Y2022,
      t('統一登記文件範本及線上申請登記', 'Common registration templates and online registration'),
      t('採用統一範本之地方主管機關數；線上申請上線日期', 'Local authorities using the common templates; date online registration opens'),
      t('22個直轄市、縣（市）全數採用；2022年12月31日前上線', 'All 22 municipalities and counties; online by 31 December 2022'),
    ),
    milestone(
      Y2023_24,
      t('工會組織及職業安全衛生宣導', 'Outreach on unions and occupational safety'),
      t('宣導場次；參與人次；多語素材語種數', 'Sessions held; participations; languages of the material'),
      t('至少60場；至少3,000人次；至少5種語言', 'At least 60 sessions; at least 3,000 participations; at least 5 languages'),
    ),
  ],
};

const c2_5: DemoCommitment = {
  number: '2-5',
  ogpId: 'TW0010',
  title: t(
    '將開放政府觀念納入公民與社會課程與教學推動範圍，強化教師增能',
    'Include open government in the teaching of Civics and Society and strengthen teachers’ capacity',
  ),
  leadAgency: 'MOE',
  coAgencies: ['NDC'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '許雅雯（示範）', title: '公民與社會課程推動聯絡人', email: 'civics.demo@example.org', phone: '+886-2-0000-2501' },
  otherActors: t(
    '政府：國家教育研究院、直轄市及縣（市）教育局（處）、國家發展委員會。民間：公民教育教師社群、開放政府相關民間團體、師資培育大學。',
    'Government: National Academy for Educational Research, local education departments, National Development Council. Civil society: civics teacher communities, open government organisations, teacher education universities.',
  ),
  problem: t(
    '十二年國民基本教育課綱的公民與社會課程涵蓋民主參與與政府運作，但教材很少以開放資料、公共參與平臺及政府資訊申請等實際工具為內容。多數教師沒有接觸過開放政府的概念與案例，難以設計相關的教學活動。',
    'The Civics and Society curriculum of the 12-year basic education programme covers democratic participation and how government works, but teaching materials rarely use real tools such as open data, participation platforms or information requests. Most teachers have never met open government concepts or cases and find it hard to design lessons on them.',
  ),
  objective: t(
    '盤點現有課程與教材中的開放政府內容，開發可公開使用的教學模組，並提升教師及學校人員對開放政府的理解與教學能力。',
    'Map open government content in existing courses and materials, develop openly available teaching modules, and improve teachers’ and school staff’s understanding of open government and ability to teach it.',
  ),
  briefDescription: t(
    '盤點公民與社會課程中開放政府內容，開發以開放授權釋出的教學模組，並辦理教師增能研習。',
    'Map open-government content in Civics and Society classes, release openly licensed teaching modules, and train teachers.',
  ),
  description: t(
    '一、盤點課程與教材：分析各版本教科書及教學資源中涉及資訊公開、公共參與與課責的內容及缺口。二、開發教學模組：與教師社群及民間團體共同設計教案，以政府資料開放平臺、JOIN平臺、立法院議事資料等實際工具為教材，並以創用CC「姓名標示」授權公開。三、教師增能：辦理研習及工作坊，並將開放政府納入師資培育相關課程的參考內容。',
    '(1) Map courses and materials: analyse textbooks and teaching resources for content on transparency, participation and accountability, and identify gaps. (2) Teaching modules: design lesson plans with teacher communities and civil society that use real tools such as the open data platform, JOIN and Legislative Yuan proceedings, released under a Creative Commons Attribution licence. (3) Teacher capacity: workshops and training, and open government material for teacher education courses.',
  ),
  contribution: t(
    '學生在課堂上實際操作開放政府工具，日後更可能成為參與者。開放授權的教案讓各校可自由改作使用；教師增能則讓課綱中的公民參與能力得以具體落實。',
    'Students who use open government tools in class are more likely to take part later. Openly licensed lesson plans can be adapted freely by any school, and trained teachers turn the curriculum’s participation goals into practice.',
  ),
  ogpValues: ['civic-participation', 'access-to-information'],
  sdgTargets: ['4.7', '16.7'],
  budget: {
    amount: '1500000',
    currency: 'TWD',
    note: t('2021至2024年教學模組開發及教師研習經費（示範數字）。', 'Developing teaching modules and teacher workshops, 2021–2024 (demonstration figure).'),
  },
  links: [{ title: '教育部 Ministry of Education', url: 'https://www.edu.tw/' }],
  origin: 'civil-society',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('公民與社會課程及教材盤點報告', 'Report mapping Civics and Society courses and materials'),
      t('分析之教科書版本及教學資源數；報告公開', 'Textbook editions and teaching resources analysed; report published'),
      t('涵蓋所有審定版本教科書及至少50項教學資源；報告全文公開', 'All approved textbook editions and at least 50 resources; full report published'),
    ),
    milestone(
      Y2022,
      t('開放政府教學模組', 'Open government teaching modules'),
      t('完成並公開之教學模組數；授權方式', 'Modules completed and published; licence'),
      t('至少10套；以CC BY 4.0授權公開', 'At least 10 modules; published under CC BY 4.0'),
    ),
    milestone(
      Y2023_24,
      t('教師增能研習', 'Teacher workshops'),
      t('研習場次；參與教師人次；教學應用回饋份數', 'Workshops held; teacher participations; classroom feedback reports received'),
      t('至少30場；至少900人次；至少100份回饋', 'At least 30 workshops; at least 900 participations; at least 100 feedback reports'),
    ),
  ],
};

// ── 三、增加性別及族群包容對話 ─────────────────────────────────────────────────────────────

const c3_1: DemoCommitment = {
  number: '3-1',
  ogpId: 'TW0011',
  title: t('促進性別包容對話與參與', 'Promote gender-inclusive dialogue and participation'),
  leadAgency: 'DGE',
  coAgencies: [],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '蔡淑芬（示範）', title: '性別平等業務聯絡人', email: 'gender.demo@example.org', phone: '+886-2-0000-3101' },
  otherActors: t(
    '政府：各部會性別平等專案小組、直轄市及縣（市）政府。民間：婦女及性別團體、身心障礙與原住民族婦女團體、新住民團體、CEDAW國家報告國際審查委員。',
    'Government: gender equality task forces of ministries, municipal and county governments. Civil society: women’s and gender organisations, organisations of women with disabilities and Indigenous women, new immigrant organisations, international reviewers of the CEDAW national report.',
  ),
  problem: t(
    'CEDAW國家報告的撰寫與審查雖有民間參與，但參與多集中於臺北的全國性團體，偏遠地區、原住民族、新住民及身心障礙婦女的聲音較難進入。報告及結論性意見多為PDF，不易檢索與追蹤。公部門委員會雖有任一性別不少於三分之一的原則，但落實情形沒有定期公開。',
    'Civil society takes part in writing and reviewing the CEDAW national report, but mostly through national organisations in Taipei; women in remote areas, Indigenous women, new immigrant women and women with disabilities are rarely heard. The report and the concluding observations are mostly PDFs that are hard to search and follow up. Public committees are expected to have at least one third of members of each gender, but compliance is not published regularly.',
  ),
  objective: t(
    '增進CEDAW國家報告的公民參與管道，提升全民對CEDAW的認識，以開放格式公開報告，並促進公部門決策的性別平等參與。',
    'Open more ways for the public to contribute to the CEDAW national report, raise awareness of CEDAW, publish the report in open formats, and promote gender-balanced participation in public decision-making.',
  ),
  briefDescription: t(
    '擴大CEDAW國家報告各地區與多元群體參與，以開放格式公開報告與結論性意見追蹤，並每年公布委員會性別比例。',
    'Widen input to the CEDAW report across regions and groups, publish it and its follow-up as open data, and publish committee gender ratios.',
  ),
  description: t(
    '一、增進公民參與管道：於北、中、南、東辦理CEDAW國家報告意見交流會，並提供線上意見表、手語翻譯及易讀版資料。二、提升全民認識：製作以生活案例說明CEDAW的教材，透過地方政府及社區大學推廣。三、公開開放格式報告：國家報告、國際審查委員結論性意見與各點次辦理情形以開放格式公開，可逐點檢索。四、促進公部門決策參與：每年公布中央各機關委員會的性別比例達成情形。',
    '(1) More ways to contribute: consultation meetings on the CEDAW national report in the north, centre, south and east, plus an online comment form, sign-language interpretation and easy-read material. (2) Awareness: material explaining CEDAW through everyday cases, spread through local governments and community colleges. (3) Open formats: the national report, the international reviewers’ concluding observations and the follow-up on each point are published in open formats and searchable point by point. (4) Decision-making: every year, publish how central government committees meet the gender balance rule.',
  ),
  contribution: t(
    '多地區與多元群體的參與，讓報告反映不同處境婦女的經驗。逐點公開結論性意見的辦理情形，讓民間能追蹤政府是否落實；公布委員會性別比例，則讓決策參與的落實程度可以被檢視。',
    'Consulting in every region and with diverse groups makes the report reflect the experience of women in different situations. Point-by-point follow-up lets civil society check whether the government acts on the concluding observations, and published committee ratios show how far gender balance in decision-making has come.',
  ),
  ogpValues: ['civic-participation', 'access-to-information', 'public-accountability', 'inclusion'],
  sdgTargets: ['5.5', '5.c'],
  budget: {
    amount: null,
    currency: null,
    note: t('由行政院性別平等處既有業務經費辦理。', 'Funded from the existing budget of the Department of Gender Equality.'),
  },
  links: [{ title: '行政院性別平等會 Gender Equality Committee of the Executive Yuan', url: 'https://gec.ey.gov.tw/' }],
  origin: 'joint',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('CEDAW第4次國家報告區域意見交流會', 'Regional consultations on the 4th CEDAW national report'),
      t('場次及地區；參與團體數；意見與回應對照表公開', 'Meetings and regions; organisations taking part; table of comments and responses published'),
      t('北、中、南、東至少各1場；至少80個團體；對照表100%公開', 'At least one each in north, centre, south and east; at least 80 organisations; full table published'),
    ),
    milestone(
      Y2022,
      t('開放格式CEDAW報告及結論性意見追蹤表', 'CEDAW report and follow-up table in open formats'),
      t('公開格式；可逐點檢索並標示主辦機關之結論性意見比率', 'Formats; share of concluding observations searchable point by point with the responsible agency'),
      t('以ODF及CSV公開；100%結論性意見', 'Published as ODF and CSV; 100% of concluding observations'),
    ),
    milestone(
      Y2023_24,
      t('公部門委員會性別比例年度公開', 'Annual publication of gender ratios in public committees'),
      t('符合任一性別不少於三分之一之中央委員會比率；公開頻率', 'Share of central committees with at least one third of each gender; frequency of publication'),
      t('比率達90%以上；每年公開1次', 'At least 90%; published once a year'),
    ),
  ],
};

const c3_2: DemoCommitment = {
  number: '3-2',
  ogpId: 'TW0012',
  title: t('促進新住民公共參與及發展', 'Promote new immigrants’ public participation and development'),
  leadAgency: 'NIA',
  coAgencies: ['MOE'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '鄭文華（示範）', title: '新住民事務聯絡人', email: 'newimmigrants.demo@example.org', phone: '+886-2-0000-3201' },
  otherActors: t(
    '政府：教育部、勞動部、直轄市及縣（市）政府新住民家庭服務中心。民間：新住民團體、移民支持團體、通譯人員。',
    'Government: Ministry of Education, Ministry of Labor, new immigrant family service centres of local governments. Civil society: new immigrant associations, migrant support organisations, interpreters.',
  ),
  problem: t(
    '我國新住民已逾55萬人，但參與公共事務的比率偏低。政策資訊多只有中文，新住民不易得知相關措施與參與管道。各級政府涉及新住民事務的委員會中，新住民代表席次有限，政策制定常未納入當事人的經驗。',
    'Taiwan has more than 550,000 new immigrants, mostly through marriage, but few take part in public affairs. Policy information is mostly only in Chinese, so they find it hard to learn about measures and ways to take part. Committees dealing with new immigrant affairs have few new immigrant members, and policy is often made without their experience.',
  ),
  objective: t(
    '透過培力增能支持新住民多元發展，並建立新住民參與政策討論的管道，使其成為公共事務的參與者。',
    'Support new immigrants’ development through empowerment and create channels for them to join policy discussions, so that they take part in public affairs rather than only receiving services.',
  ),
  briefDescription: t(
    '辦理新住民培力課程，以至少7種語言提供政策資訊，增加相關委員會新住民代表，並在社區辦理多語政策座談。',
    'Run empowerment courses, give policy information in at least 7 languages, add new immigrant committee members, and hold community forums.',
  ),
  description: t(
    '一、培力增能、多元發展：與新住民團體合作辦理公共事務、媒體識讀及領導力課程。二、公民參與、民主深根：以至少7種語言提供政策資訊；提高新住民發展基金管理會等委員會的新住民代表席次；於新住民聚居社區辦理多語政策座談，會議紀錄以多語公開。',
    '(1) Empowerment and development: courses on public affairs, media literacy and leadership, run with new immigrant associations. (2) Civic participation: policy information in at least 7 languages; more new immigrant members on bodies such as the New Immigrants Development Fund committee; multilingual policy forums in communities where many new immigrants live, with minutes published in several languages.',
  ),
  contribution: t(
    '多語資訊與社區座談降低語言障礙，使新住民能理解並回應政策。委員會中有當事人代表，讓政策設計反映實際需求；培力課程則培養能持續參與公共事務的新住民人才。',
    'Multilingual information and community forums lower the language barrier so new immigrants can understand and respond to policy. Having new immigrants on committees brings their actual needs into policy design, and the courses build a group of people able to keep taking part.',
  ),
  ogpValues: ['civic-participation', 'access-to-information', 'inclusion'],
  sdgTargets: ['10.2', '16.7'],
  budget: {
    amount: null,
    currency: null,
    note: t('由新住民發展基金既有計畫支應。', 'Covered by existing programmes of the New Immigrants Development Fund.'),
  },
  links: [{ title: '內政部移民署 National Immigration Agency', url: 'https://www.immigration.gov.tw/' }],
  origin: 'government',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('新住民公共事務培力課程', 'Public affairs courses for new immigrants'),
      t('開辦場次；結業人數', 'Courses held; participants completing'),
      t('至少20場；至少400人結業', 'At least 20 courses; at least 400 participants completing'),
    ),
    milestone(
      Y2022,
      t('多語政策資訊及委員會新住民代表', 'Multilingual policy information and new immigrant committee members'),
      t('提供政策資訊之語種數；相關委員會新住民代表占委員人數比例', 'Languages of policy information; share of new immigrant members on the committees concerned'),
      t('至少7種語言；至少四分之一', 'At least 7 languages; at least one quarter'),
    ),
    milestone(
      Y2023_24,
      t('社區多語政策座談', 'Multilingual community policy forums'),
      t('座談場次；以至少5種語言公開紀錄之比率', 'Forums held; share of minutes published in at least 5 languages'),
      t('至少6場；100%', 'At least 6 forums; 100%'),
    ),
  ],
};

const c3_3: DemoCommitment = {
  number: '3-3',
  ogpId: 'TW0013',
  title: t('擴大原住民族跨域參與及國際接軌', 'Broaden Indigenous peoples’ cross-sector participation and international engagement'),
  leadAgency: 'CIP',
  coAgencies: [],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '高志明（示範）', title: '原住民族政策參與聯絡人', email: 'indigenous.demo@example.org', phone: '+886-2-0000-3301' },
  otherActors: t(
    '政府：各部會原住民族事務單位、直轄市及縣（市）政府原住民族行政單位、原住民族文化發展中心。民間：部落會議及原住民族團體、原住民族青年、南島語族研究者、國際南島民族社群。',
    'Government: Indigenous affairs units of ministries and local governments, Indigenous Peoples Cultural Development Center. Civil society: tribal assemblies and Indigenous organisations, Indigenous youth, Austronesian researchers, international Austronesian communities.',
  ),
  problem: t(
    '原住民族政策多由政府規劃後再到部落說明，族人主動提出政策建議的管道有限，提出後也未必得到正式回應。南島語族相關的圖書、研究與影音資料分散於各館所，族人與國際研究者不易取得，也限制了我國與其他南島民族的交流。',
    'Indigenous policy is usually designed by government and then explained to communities; there are few ways for Indigenous people to propose policy themselves, and proposals do not necessarily receive a formal answer. Books, research and audiovisual material on Austronesian peoples are scattered across institutions, hard for Indigenous people and foreign researchers to reach, which also limits exchange with other Austronesian peoples.',
  ),
  objective: t(
    '研擬並實施民眾參與原住民族政策的提案機制，並建立開放取用的南島圖書資訊資料庫。',
    'Design and run a mechanism for the public to propose Indigenous policy, and build an open-access Austronesian library database.',
  ),
  briefDescription: t(
    '建立原住民族政策提案機制並於60日內公開回應，建置開放取用之南島圖書資訊資料庫以促進國際交流。',
    'Create a way to propose Indigenous policy with public replies within 60 days, and open an Austronesian library database.',
  ),
  description: t(
    '一、研擬民眾參與原住民族政策提案機制：族人及團體可線上或經部落會議提出政策建議，達一定連署數者，由原住民族委員會召開討論會並於60日內書面回應，回應內容公開。二、建立南島圖書資訊資料庫：整合館藏及研究成果的書目與數位內容，提供中英文介面，並與其他南島國家的相關機構交換資料。',
    '(1) Policy proposals: Indigenous people and organisations can propose policy online or through tribal assemblies; proposals that reach a set number of supporters are discussed at a meeting convened by the Council of Indigenous Peoples, which answers in writing within 60 days and publishes the answer. (2) Austronesian library database: catalogue records and digital content from collections and research in one database with Chinese and English interfaces, exchanging records with institutions in other Austronesian countries.',
  ),
  contribution: t(
    '提案機制讓族人從被告知者成為政策的提出者，回應公開可追蹤。資料庫提升南島知識的可取得性，支持族人的文化研究及與國際南島社群的交流。',
    'The proposal mechanism turns Indigenous people from an audience into initiators of policy, with answers anyone can follow. The database makes Austronesian knowledge easier to reach and supports cultural research by Indigenous people and exchange with Austronesian communities abroad.',
  ),
  ogpValues: ['civic-participation', 'access-to-information', 'inclusion'],
  sdgTargets: ['10.2', '16.7'],
  budget: {
    amount: null,
    currency: null,
    note: t('由原住民族委員會既有業務經費辦理。', 'Funded from the Council of Indigenous Peoples’ existing budget.'),
  },
  links: [{ title: '原住民族委員會 Council of Indigenous Peoples', url: 'https://www.cip.gov.tw/' }],
  origin: 'joint',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('原住民族政策提案機制（草案）', 'Draft Indigenous policy proposal mechanism'),
      t('部落及團體諮詢場次；草案公開徵詢期間', 'Consultations with communities and organisations; length of public consultation on the draft'),
      t('至少6場（含東部及山地地區）；徵詢至少30日', 'At least 6 (including the east and mountain areas); at least 30 days'),
    ),
    milestone(
      Y2022,
      t('政策提案機制上線', 'Proposal mechanism in operation'),
      t('受理提案數；60日內公開書面回應比率', 'Proposals received; share answered publicly in writing within 60 days'),
      t('至少15件；100%', 'At least 15 proposals; 100%'),
    ),
    milestone(
      Y2023_24,
      t('南島圖書資訊資料庫', 'Austronesian library database'),
      t('收錄書目筆數；開放取用之數位全文筆數；合作國際機構數', 'Catalogue records; open-access full texts; partner institutions abroad'),
      t('至少5,000筆書目；至少1,000筆全文；至少3個國際機構', 'At least 5,000 records; at least 1,000 full texts; at least 3 partners'),
    ),
  ],
};

const c3_4: DemoCommitment = {
  number: '3-4',
  ogpId: 'TW0014',
  title: t('推動客家議題公共參與', 'Promote public participation on Hakka issues'),
  leadAgency: 'HAC',
  coAgencies: [],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '邱美惠（示範）', title: '客家公共事務聯絡人', email: 'hakka.demo@example.org', phone: '+886-2-0000-3401' },
  otherActors: t(
    '政府：直轄市及縣（市）政府客家事務單位。民間：客家社團、客家青年團隊、社區大學、客家研究學者。',
    'Government: Hakka affairs units of municipal and county governments. Civil society: Hakka associations, Hakka youth teams, community colleges, Hakka studies scholars.',
  ),
  problem: t(
    '客家事務長期以政府補助社團辦理活動為主，民間參與政策規劃的機會有限，客家青年參與客家公共事務的比率也偏低。客家人口、語言使用及客語認證等調查資料多以報告形式發布，沒有以開放資料提供，不利民間分析運用。',
    'Hakka affairs have long been run mainly through government grants to associations for events, with little room for the public to help plan policy, and few young Hakka take part in Hakka public affairs. Surveys of the Hakka population, language use and Hakka language certification are published as reports rather than open data, which makes independent analysis difficult.',
  ),
  objective: t(
    '以公私協力方式推動客家事務，鼓勵客家青年參與客家公共事務，並提升客家議題的資訊開放。',
    'Run Hakka affairs in partnership with civil society, encourage young Hakka to take part in public affairs, and open up information on Hakka issues.',
  ),
  briefDescription: t(
    '以公私協作會議共同規劃客家政策，辦理客家青年公共事務培力，並以開放格式釋出客家人口及語言調查資料。',
    'Plan Hakka policy with civil society, train young Hakka in public affairs, and release Hakka population and language data openly.',
  ),
  description: t(
    '一、公私協力推動客家事務：就客語推廣、客庄發展等議題辦理公開協作會議，會議紀錄及意見採納情形公開。二、鼓勵客家青年參與：辦理客家青年公共事務培力營及提案競賽，入選提案由客家委員會協助試行。三、提升資訊開放：將客家人口基礎資料調查、客語使用狀況調查及客語認證統計以開放格式釋出。',
    '(1) Partnership: open collaboration meetings on topics such as promoting the Hakka language and developing Hakka villages, with minutes and a record of which suggestions were adopted published. (2) Youth: public affairs camps and a proposal competition for young Hakka; selected proposals are piloted with the Hakka Affairs Council’s support. (3) Open information: release the Hakka population survey, the Hakka language use survey and language certification statistics in open formats.',
  ),
  contribution: t(
    '公開協作會議讓客家社群直接參與政策規劃，採納情形公開可追蹤；青年提案試行讓參與看得到結果。開放資料則讓研究者與社群能自行分析客家語言與人口的變化。',
    'Open collaboration meetings let Hakka communities shape policy directly, and the published adoption record can be followed. Piloting youth proposals shows that taking part leads somewhere, and open data let researchers and communities analyse language and population trends themselves.',
  ),
  ogpValues: ['civic-participation', 'access-to-information', 'inclusion'],
  sdgTargets: ['10.2', '16.7'],
  budget: {
    amount: null,
    currency: null,
    note: t('由客家委員會既有業務經費辦理。', 'Funded from the Hakka Affairs Council’s existing budget.'),
  },
  links: [{ title: '客家委員會 Hakka Affairs Council', url: 'https://www.hakka.gov.tw/' }],
  origin: 'government',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('客家事務公私協作會議', 'Public–private collaboration meetings on Hakka affairs'),
      t('會議場次；紀錄及採納情形於會後30日內公開之比率', 'Meetings held; share of minutes and adoption records published within 30 days'),
      t('至少4場；100%', 'At least 4 meetings; 100%'),
    ),
    milestone(
      Y2022,
      t('客家青年公共事務培力營及提案競賽', 'Hakka youth public affairs camps and proposal competition'),
      t('參與青年人數；提案數；試行提案數', 'Young people taking part; proposals submitted; proposals piloted'),
      t('至少200人；至少20件；至少3件試行', 'At least 200 participants; at least 20 proposals; at least 3 piloted'),
    ),
    milestone(
      Y2023_24,
      t('客家開放資料釋出', 'Hakka open data released'),
      t('釋出資料集數；格式及欄位說明', 'Datasets released; formats and field descriptions'),
      t('至少50項；CSV等機器可讀格式並附欄位說明', 'At least 50 datasets; machine-readable formats such as CSV with field descriptions'),
    ),
  ],
};

// ── 四、落實清廉施政 ───────────────────────────────────────────────────────────────────────

const c4_1: DemoCommitment = {
  number: '4-1',
  ogpId: 'TW0015',
  title: t('強化政治獻金透明化', 'Strengthen transparency of political donations'),
  leadAgency: 'MOI',
  coAgencies: ['CY'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '楊承恩（示範）', title: '政治獻金業務聯絡人', email: 'donations.demo@example.org', phone: '+886-2-0000-4101' },
  otherActors: t(
    '政府：監察院（受理政治獻金會計報告申報及公開）、中央選舉委員會。民間：監督政治獻金的公民團體、資料新聞工作者、政治學者。',
    'Government: Control Yuan (receives and publishes political donation accounts), Central Election Commission. Civil society: groups monitoring political finance, data journalists, political scientists.',
  ),
  problem: t(
    '政治獻金會計報告書雖由監察院公開，但過去多須到場查閱或僅以圖檔呈現，難以大量比對分析。選舉經費中由政黨或第三方支出的部分沒有完整揭露；擬參選人與其關係人之間的交易（例如向親屬租用競選總部）不須揭露，可能成為規避獻金規範的管道。',
    'Political donation accounts are published by the Control Yuan, but for a long time they could only be read on site or as scanned images, which made large-scale comparison impossible. Campaign spending by parties or third parties is not fully disclosed, and transactions between candidates and related parties, such as renting a campaign office from a relative, need not be disclosed and can be used to get around donation rules.',
  ),
  objective: t(
    '研議政治獻金或選舉經費透明化機制，更新政治獻金資訊系統使資料可機器判讀，並推動強制揭露關係人交易資訊的修法作業。',
    'Study mechanisms for transparency of political donations and campaign spending, upgrade the political donation information system so the data are machine-readable, and prepare legislation requiring disclosure of related-party transactions.',
  ),
  briefDescription: t(
    '研議選舉經費透明機制，升級政治獻金資訊系統以機器可讀格式公開會計報告，並研擬關係人交易強制揭露修法。',
    'Study campaign spending transparency, publish donation accounts as machine-readable data, and draft rules on related-party deals.',
  ),
  description: t(
    '一、研議透明化機制：比較各國選舉經費及第三方支出的揭露制度，辦理公開諮詢後提出研究報告。二、更新政治獻金資訊系統（監察院協辦）：推動線上申報，會計報告書明細以CSV等格式公開，並提供查詢API。三、推動強制揭露關係人交易資訊修法：研擬《政治獻金法》修正草案，要求揭露與配偶、親屬及關係企業之間的交易。',
    '(1) Study transparency mechanisms: compare how other countries disclose campaign and third-party spending, consult the public and publish a study report. (2) Upgrade the information system (with the Control Yuan): online filing, with itemised accounts published as CSV and through a search API. (3) Related-party transactions: draft an amendment to the Political Donations Act requiring disclosure of transactions with spouses, relatives and affiliated companies.',
  ),
  contribution: t(
    '機器可讀的獻金資料讓媒體與公民團體能比對捐贈者與政策、標案的關聯；關係人交易揭露則堵住規避管道。透明化機制研究為後續修法提供依據。',
    'Machine-readable donation data let journalists and civic groups link donors to policies and contracts, and disclosure of related-party transactions closes a loophole. The study gives later legislation an evidence base.',
  ),
  ogpValues: ['access-to-information', 'public-accountability', 'technology-innovation'],
  sdgTargets: ['16.5', '16.6', '16.10'],
  budget: {
    amount: null,
    currency: null,
    note: t(
      '系統更新由監察院既有資訊計畫支應；研究及修法作業由內政部既有人力辦理。',
      'The system upgrade is funded from the Control Yuan’s existing IT programme; the study and drafting are done by existing Ministry of the Interior staff.',
    ),
  },
  links: [{ title: '監察院政治獻金公開查閱平臺 Political Donations Disclosure Platform', url: 'https://ardata.cy.gov.tw/' }],
  origin: 'joint',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('選舉經費透明化機制研究報告', 'Study report on campaign finance transparency'),
      t('比較國家數；公開諮詢場次；報告公開', 'Countries compared; public consultations held; report published'),
      t('至少5國；至少3場；報告全文公開', 'At least 5 countries; at least 3 consultations; full report published'),
    ),
    milestone(
      Y2022,
      t('政治獻金資訊系統更新', 'Political donation information system upgraded'),
      t('線上申報上線時間；以機器可讀格式公開之會計報告明細比率', 'Date online filing opens; share of itemised accounts published in machine-readable form'),
      t('2022年地方選舉前上線；該次選舉會計報告明細100%以CSV公開', 'Online before the 2022 local elections; 100% of itemised accounts for those elections published as CSV'),
    ),
    milestone(
      Y2023_24,
      t('《政治獻金法》關係人交易揭露修正草案', 'Draft amendment to the Political Donations Act on related-party transactions'),
      t('草案預告期間；陳報行政院日期', 'Public notice period for the draft; date submitted to the Executive Yuan'),
      t('預告至少60日；2024年5月31日前陳報', 'At least 60 days; submitted by 31 May 2024'),
    ),
  ],
};

const c4_2: DemoCommitment = {
  number: '4-2',
  ogpId: 'TW0016',
  title: t('建置與精進機關採購廉政平臺', 'Build and improve integrity platforms for government procurement'),
  leadAgency: 'AAC',
  coAgencies: ['NDC'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '謝宜蓁（示範）', title: '採購廉政平臺聯絡人', email: 'procurement.demo@example.org', phone: '+886-2-0000-4201' },
  otherActors: t(
    '政府：行政院公共工程委員會、各機關政風單位、辦理重大採購的機關、地方政府。民間：廠商公會、反貪腐與透明倡議團體、開放契約倡議者、學者。',
    'Government: Public Construction Commission, ethics units of agencies, agencies running major procurements, local governments. Civil society: industry associations, anti-corruption and transparency groups, open contracting advocates, scholars.',
  ),
  problem: t(
    '廉政署於重大採購案推動設置「採購廉政平臺」，由機關、政風與檢調單位合作預防弊端，但各平臺資訊分散於不同機關網站，公開的內容與格式不一，外界無從得知平臺如何運作。採購資料雖於政府電子採購網公告，但從規劃、決標到履約變更的完整資訊沒有以一致格式串連。',
    'The Agency Against Corruption promotes procurement integrity platforms for major projects, where the procuring agency, ethics officers and investigators work together to prevent wrongdoing. But information on each platform sits on a different agency website, with different content and formats, so outsiders cannot see how the platforms work. Tender notices appear on the Government e-Procurement System, but the full record from planning and award to contract changes is not linked in one consistent format.',
  ),
  objective: t(
    '設置廉政平臺單一入口網，研擬平臺公開資料的統一架構及格式，對內推廣典範案例，並選擇重大案件試行開放契約資料揭露。',
    'Create a single portal for the integrity platforms, define a common structure and format for the data they publish, promote good cases within government, and pilot open contracting disclosure on major projects.',
  ),
  briefDescription: t(
    '設置採購廉政平臺單一入口網，參考開放契約資料標準訂定統一公開格式，並擇重大採購案試行全程資訊揭露。',
    'Open a single portal for procurement integrity platforms, adopt a common format based on Open Contracting, and pilot it on major projects.',
  ),
  description: t(
    '一、設置單一入口網：集中呈現各採購廉政平臺的案件基本資料、會議紀錄摘要及辦理成果。二、研擬統一架構及格式：參考開放契約資料標準（OCDS），訂定平臺公開資料欄位，涵蓋規劃、招標、決標、履約及變更設計各階段。三、試行開放契約：擇重大公共工程案件試行全程資訊揭露，並邀請民間團體參與檢視。四、推廣典範案例：對內辦理案例分享，對外公開成果。',
    '(1) Single portal: basic project data, summaries of meeting minutes and results of every procurement integrity platform in one place. (2) Common structure and format: data fields based on the Open Contracting Data Standard (OCDS), covering planning, tender, award, implementation and contract changes. (3) Open contracting pilots: full-cycle disclosure for selected major public works, with civil-society organisations invited to review them. (4) Good cases: case-sharing sessions within government, with results published.',
  ),
  contribution: t(
    '統一入口與格式讓外界能跨案件比較採購過程，及早發現異常。全程揭露讓履約變更等容易出現弊端的環節也受到監督；民間參與檢視則補強機關內部的控管。',
    'A single portal and format let outsiders compare procurements across projects and spot anomalies early. Full-cycle disclosure brings risky stages such as contract changes under scrutiny, and civil-society review adds to agencies’ internal controls.',
  ),
  ogpValues: ['access-to-information', 'public-accountability', 'civic-participation'],
  sdgTargets: ['12.7', '16.5', '16.6'],
  budget: {
    amount: null,
    currency: null,
    note: t('由廉政署既有業務經費辦理，入口網建置利用既有資訊設備。', 'Funded from the Agency Against Corruption’s existing budget; the portal runs on existing IT infrastructure.'),
  },
  links: [
    { title: '法務部廉政署 Agency Against Corruption', url: 'https://www.aac.moj.gov.tw/' },
    { title: '政府電子採購網 Government e-Procurement System', url: 'https://web.pcc.gov.tw/' },
  ],
  origin: 'joint',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('採購廉政平臺單一入口網', 'Single portal for procurement integrity platforms'),
      t('上線日期；納入之現行平臺比率', 'Launch date; share of existing platforms included'),
      t('2021年12月31日前上線；納入100%現行平臺', 'Online by 31 December 2021; 100% of existing platforms included'),
    ),
    milestone(
      Y2022,
      t('平臺公開資料統一架構及格式', 'Common structure and format for platform data'),
      t('欄位規範公開徵詢；依新格式公開之案件數', 'Field specification put to public consultation; projects published in the new format'),
      t('參考OCDS之規範公開徵詢至少30日；至少10案', 'OCDS-based specification consulted on for at least 30 days; at least 10 projects'),
    ),
    milestone(
      Y2023_24,
      t('重大採購案開放契約試行及典範案例分享', 'Open contracting pilots on major procurements and case sharing'),
      t('試行案件數；參與檢視之民間團體數；案例分享場次', 'Pilot projects; civil-society organisations reviewing; case-sharing sessions'),
      t('至少5案；至少3個團體；至少4場', 'At least 5 projects; at least 3 organisations; at least 4 sessions'),
    ),
  ],
};

const c4_3: DemoCommitment = {
  number: '4-3',
  ogpId: 'TW0017',
  title: t('推動揭弊者保護法立法', 'Advance whistleblower protection legislation'),
  leadAgency: 'MOJ',
  coAgencies: ['AAC'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '簡志偉（示範）', title: '揭弊者保護法制聯絡人', email: 'whistleblower.demo@example.org', phone: '+886-2-0000-4301' },
  otherActors: t(
    '政府：法務部廉政署、勞動部、各目的事業主管機關。民間：勞工團體、企業法令遵循人員、反貪腐團體、律師公會。',
    'Government: Agency Against Corruption, Ministry of Labor, sector regulators. Civil society: labour organisations, corporate compliance officers, anti-corruption groups, bar associations.',
  ),
  problem: t(
    '我國的揭弊者保護規定散見於《貪污治罪條例》《證人保護法》及部分勞動、金融法規，保護範圍以公部門為主。私部門員工揭露違法行為時，常因缺乏身分保密、禁止不利處分及舉證責任轉換等保障而卻步，內部不法因此難以及早被發現。',
    'Whistleblower protection in Taiwan is scattered across the Anti-Corruption Act, the Witness Protection Act and some labour and financial laws, and mainly covers the public sector. Private-sector employees who want to report wrongdoing often hold back because there is no guaranteed confidentiality, no ban on retaliation and no reversal of the burden of proof, so misconduct inside organisations comes to light late.',
  ),
  objective: t(
    '完成涵蓋公私部門的揭弊者保護法草案並推動立法，同時提升民眾對揭弊保護的認識。',
    'Complete a whistleblower protection bill covering both public and private sectors, move it through the legislative process, and raise public awareness of whistleblower protection.',
  ),
  briefDescription: t(
    '研擬涵蓋公私部門之揭弊者保護法草案，經公開諮詢後陳報行政院並送立法院審議，並辦理揭弊保護宣導。',
    'Draft a whistleblower protection act for public and private sectors, consult on it, send it to the legislature, and raise awareness.',
  ),
  description: t(
    '一、立法工作：整合各界意見研擬揭弊者保護法草案，明定揭弊管道、身分保密、禁止不利人事處分、舉證責任轉換及救濟程序，經公開預告後陳報行政院，由行政院送請立法院審議。二、宣導：針對公務員、企業法令遵循人員及一般民眾辦理說明會，說明揭弊管道與保護措施。',
    '(1) Legislation: draft a whistleblower protection bill that sets out reporting channels, confidentiality, a ban on retaliatory personnel measures, reversal of the burden of proof and remedies; publish it for comment and submit it to the Executive Yuan for transmission to the Legislative Yuan. (2) Awareness: information sessions for civil servants, compliance officers and the public on reporting channels and protections.',
  ),
  contribution: t(
    '專法統一公私部門的保護標準，讓揭弊者知道何種揭露受保護、受到報復時如何救濟。身分保密與禁止報復等措施降低揭弊風險，使組織內部的不法更容易被發現。',
    'A single act sets one standard of protection for public and private sectors, so whistleblowers know which disclosures are protected and what remedies they have against retaliation. Confidentiality and a ban on retaliation lower the risk of speaking up, so misconduct is found sooner.',
  ),
  ogpValues: ['public-accountability'],
  sdgTargets: ['16.5', '16.10'],
  budget: {
    amount: null,
    currency: null,
    note: t('立法作業由法務部既有人力辦理；宣導經費由廉政署既有經費支應。', 'Drafting is done by existing Ministry of Justice staff; awareness activities are funded from the Agency Against Corruption’s budget.'),
  },
  links: [{ title: '法務部 Ministry of Justice', url: 'https://www.moj.gov.tw/' }],
  origin: 'government',
  status: 'not-started',
  milestones: [
    milestone(
      Y2021,
      t('揭弊者保護法草案公開諮詢', 'Public consultation on the draft whistleblower protection act'),
      t('諮詢會議場次；草案預告期間', 'Consultation meetings held; public notice period'),
      t('至少3場；預告至少60日', 'At least 3 meetings; at least 60 days'),
    ),
    milestone(
      Y2022,
      t('草案陳報行政院', 'Draft submitted to the Executive Yuan'),
      t('陳報日期；各界意見及處理情形對照表公開', 'Date of submission; table of comments and how they were handled published'),
      t('2022年12月31日前陳報；對照表100%公開', 'Submitted by 31 December 2022; full table published'),
    ),
    milestone(
      Y2023_24,
      t('揭弊者保護宣導說明會', 'Information sessions on whistleblower protection'),
      t('說明會場次；參與人次', 'Sessions held; participations'),
      t('至少10場；至少1,000人次', 'At least 10 sessions; at least 1,000 participations'),
    ),
  ],
};

// ── 五、執行洗錢防制 ───────────────────────────────────────────────────────────────────────

const c5_1: DemoCommitment = {
  number: '5-1',
  ogpId: 'TW0018',
  title: t('實質受益人資訊透明', 'Transparency of beneficial ownership information'),
  leadAgency: 'MOJ',
  coAgencies: ['MOEA', 'FSC'],
  startDate: '2021-01-01',
  endDate: '2024-05-31',
  contact: { name: '曾郁婷（示範）', title: '洗錢防制業務聯絡人', email: 'aml.demo@example.org', phone: '+886-2-0000-5101' },
  otherActors: t(
    '政府：行政院洗錢防制辦公室、經濟部商業司、金融監督管理委員會、法務部調查局。民間：會計師及律師公會、信託業商業同業公會、金融機構、透明倡議團體。',
    'Government: Anti-Money Laundering Office of the Executive Yuan, Department of Commerce (Ministry of Economic Affairs), Financial Supervisory Commission, Investigation Bureau. Civil society: accountants’ and bar associations, Trust Association, financial institutions, transparency groups.',
  ),
  problem: t(
    '空殼公司與多層持股結構可能被用來隱匿資金的真正控制者。公司負責人及主要股東資訊申報平臺自2018年啟用，但申報率與申報內容的正確性仍待提升；金融機構及律師、會計師等在確認客戶實質受益人時，也缺乏便利的查詢方式。公益信託的目的、財產管理及收支情形揭露不足。',
    'Shell companies and layered ownership can hide who really controls money. The platform where companies report their directors and major shareholders has run since 2018, but not all companies file and the accuracy of filings needs to improve; banks, lawyers and accountants checking a client’s beneficial owner have no convenient way to search. Little is disclosed about the purpose, asset management and accounts of charitable trusts.',
  ),
  objective: t(
    '提升商工登記公示資料查詢服務，提高公司負責人及主要股東資訊申報平臺的使用與正確性，加強法人透明度宣導與教育訓練，並推動信託業辦理公益信託資訊揭露。',
    'Improve the public company register search service, raise the filing rate and accuracy of the director and major shareholder platform, expand awareness and training on legal-entity transparency, and have trust companies disclose information on charitable trusts.',
  ),
  briefDescription: t(
    '提升商工登記公示查詢服務與公司主要股東申報率，辦理法人透明度教育訓練，並推動公益信託資訊揭露。',
    'Improve company register search and shareholder filing rates, train on legal-entity transparency, and disclose charitable trust data.',
  ),
  description: t(
    '一、提升商工登記公示資料查詢服務：增加董監事、經理人及歷次變更等查詢欄位，並提供批次查詢API。二、提升申報平臺使用：對未申報或逾期申報的公司催報並依法裁罰，抽查申報內容的正確性。三、加強宣導與教育訓練：對會計師、律師、地政士及金融機構辦理實質受益人辨識訓練。四、公益信託資訊揭露：推動信託業於網站公開公益信託的目的、財產管理方式及年度收支情形。',
    '(1) Company register search: add fields for directors, supervisors, managers and the history of changes, and offer a batch search API. (2) Filing platform: remind and, where the law allows, fine companies that do not file or file late, and sample filings to check their accuracy. (3) Awareness and training: courses on identifying beneficial owners for accountants, lawyers, land administration agents and financial institutions. (4) Charitable trusts: trust companies publish on their websites the purpose, asset management and annual income and expenditure of the charitable trusts they manage.',
  ),
  contribution: t(
    '可查詢且正確的股東與登記資訊，讓金融機構與公眾能辨識公司背後的控制者，壓縮以法人隱匿資金的空間。公益信託資訊公開，則讓捐贈者與社會能監督資金的用途。',
    'Searchable and accurate ownership and registration data help banks and the public see who stands behind a company, leaving less room to hide money behind legal entities. Public information on charitable trusts lets donors and society check how the money is used.',
  ),
  ogpValues: ['access-to-information', 'public-accountability'],
  sdgTargets: ['16.4', '16.5'],
  budget: {
    amount: '6000000',
    currency: 'TWD',
    note: t('2021至2024年宣導、教育訓練及查詢功能精進經費（示範數字）。', 'Awareness, training and improvements to the register search, 2021–2024 (demonstration figure).'),
  },
  links: [
    { title: '商工登記公示資料查詢服務 Company Registration Search', url: 'https://findbiz.nat.gov.tw/' },
    { title: '行政院洗錢防制辦公室 Anti-Money Laundering Office', url: 'https://www.amlo.moj.gov.tw/' },
  ],
  origin: 'government',
  status: 'in-progress',
  milestones: [
    milestone(
      Y2021,
      t('商工登記公示資料查詢功能精進', 'Company register search improved'),
      t('新增查詢欄位數；批次查詢API上線日期', 'New search fields; date the batch search API goes live'),
      t('至少5項欄位；2021年12月31日前上線', 'At least 5 fields; live by 31 December 2021'),
    ),
    milestone(
      Y2022,
      t('公司負責人及主要股東資訊申報查核', 'Director and major shareholder filings checked'),
      t('應申報公司之申報率；抽查公司家數', 'Filing rate of companies required to file; companies sampled'),
      t('申報率達95%以上；抽查至少1,000家', 'At least 95%; at least 1,000 companies sampled'),
    ),
    milestone(
      Y2023_24,
      t('法人透明度教育訓練及公益信託資訊揭露', 'Training on legal-entity transparency and disclosure of charitable trusts'),
      t('訓練場次及人次；於網站揭露公益信託資訊之信託業者比率', 'Training sessions and participations; share of trust companies disclosing charitable trust information online'),
      t('至少20場、1,500人次；辦理公益信託之信託業者100%揭露', 'At least 20 sessions and 1,500 participations; 100% of trust companies managing charitable trusts'),
    ),
  ],
};

const c5_2: DemoCommitment = {
  number: '5-2',
  ogpId: 'TW0019',
  title: t(
    '執行宗教團體財務透明之相關政策，阻絕洗錢漏洞',
    'Implement financial transparency policies for religious organisations to close money-laundering loopholes',
  ),
  leadAgency: 'MOI',
  coAgencies: ['MOJ'],
  startDate: '2021-01-01',
  endDate: '2023-12-31',
  contact: { name: '何俊賢（示範）', title: '宗教團體財務業務聯絡人', email: 'religion.demo@example.org', phone: '+886-2-0000-5201' },
  otherActors: t(
    '政府：直轄市及縣（市）政府宗教主管單位、行政院洗錢防制辦公室。民間：全國性宗教團體、會計師公會、宗教研究學者。',
    'Government: religious affairs units of municipal and county governments, Anti-Money Laundering Office of the Executive Yuan. Civil society: national religious organisations, accountants’ associations, religious studies scholars.',
  ),
  problem: t(
    '宗教團體接受大量現金捐獻，部分團體的財務管理制度不健全，收支未完整入帳或未公開，可能被利用於洗錢。洗錢國家風險評估將宗教財團法人列為需關注的非營利組織類型，但主管機關過去以書面審查為主，實地查核比例低，依規定申報年度財務報告的情形也沒有公開。',
    'Religious organisations receive large cash donations, and some keep incomplete books or publish no accounts, which can be exploited for money laundering. The national money laundering risk assessment names religious foundations as a type of non-profit organisation needing attention, yet supervision has relied on paper reviews with few site visits, and whether organisations file their annual financial reports as required has not been published.',
  ),
  objective: t(
    '推廣宗教團體良好的財務實務，實地查核全國性宗教財團法人，並公開依規定申報年度財務報告的宗教財團法人及寺廟名單。',
    'Spread good financial practice among religious organisations, inspect national religious foundations on site, and publish which religious foundations and temples filed their annual financial reports as required.',
  ),
  briefDescription: t(
    '辦理財務運作優良宗教團體觀摩會，實地查核全國性宗教財團法人，並每年公開依規定申報財務報告之團體名單。',
    'Hold peer visits to well-run religious bodies, inspect national religious foundations on site, and publish yearly who filed accounts.',
  ),
  description: t(
    '一、辦理觀摩會：邀請財務運作優良的宗教團體分享會計制度、現金捐獻管理及內部控制做法。二、實地查核：對全國性宗教財團法人進行實地查核，檢視捐獻收據、帳簿及大額交易紀錄，並追蹤缺失改善情形。三、公開申報名單：每年公布依規定申報年度財務報告的宗教財團法人及寺廟名單，並提供申報範本。',
    '(1) Peer visits: organisations with sound finances share their accounting systems, cash donation handling and internal controls. (2) Site inspections: national religious foundations are inspected on site, covering donation receipts, books and records of large transactions, and corrective action is followed up. (3) Published lists: each year, publish the religious foundations and temples that filed annual financial reports as required, and provide a reporting template.',
  ),
  contribution: t(
    '觀摩會與申報範本以輔導方式提升財務管理，兼顧宗教自由；實地查核能發現書面審查看不到的風險。公開申報名單讓捐獻者能據以判斷團體的財務透明度。',
    'Peer visits and a reporting template improve financial management through guidance while respecting religious freedom, and site inspections find risks that paper reviews miss. Published filing lists let donors judge how transparent an organisation is.',
  ),
  ogpValues: ['access-to-information', 'public-accountability'],
  sdgTargets: ['16.4', '16.6'],
  budget: {
    amount: '3600000',
    currency: 'TWD',
    note: t('觀摩會、實地查核及宣導經費（示範數字）。', 'Peer visits, site inspections and outreach (demonstration figure).'),
  },
  links: [
    { title: '內政部 Ministry of the Interior', url: 'https://www.moi.gov.tw/' },
    { title: '全國宗教資訊網 Religion Information Network', url: 'https://religion.moi.gov.tw/' },
  ],
  origin: 'government',
  status: 'completed',
  milestones: [
    milestone(
      Y2021,
      t('財務運作優良宗教團體觀摩會', 'Peer visits to religious organisations with sound finances'),
      t('觀摩會場次；參與團體數', 'Visits held; organisations taking part'),
      t('至少2場；至少100個團體', 'At least 2 visits; at least 100 organisations'),
    ),
    milestone(
      Y2022,
      t('全國性宗教財團法人實地查核', 'Site inspections of national religious foundations'),
      t('完成查核家數；缺失於6個月內改善之比率', 'Foundations inspected; share of findings corrected within 6 months'),
      t('至少30家；至少80%', 'At least 30 foundations; at least 80%'),
    ),
    milestone(
      Y2023,
      t('依規定申報年度財務報告名單公開', 'List of organisations that filed annual financial reports published'),
      t('名單公開次數；全國性宗教財團法人申報率', 'Lists published; filing rate of national religious foundations'),
      t('2023年公開1次；申報率達95%以上', 'Published once in 2023; filing rate at least 95%'),
    ),
  ],
};

// ── The plan ─────────────────────────────────────────────────────────────────────────────

export const demoPlan: DemoPlan = {
  member: { code: 'TW', kind: 'national', name: t('臺灣', 'Taiwan') },
  slug: 'tw-2021-2024',
  title: t('開放政府國家行動方案（2021–2024）', 'Open Government National Action Plan (2021–2024)'),
  periodStart: '2021-01-01',
  periodEnd: '2024-05-31',
  status: 'implementing',
  introduction,
  effortsToDate,
  developmentProcess,
  commitmentsIntro,
  agencies,
  areas: [
    {
      title: t('推動資料開放與資訊公開', 'Promote open data and information transparency'),
      description: t(
        '政府資料與資訊是民眾參與及監督的基礎。本範疇從資料開放制度、開放資料平臺與運算資源、數位隱私與個資保護、政府資訊公開法的落實，以及環境資訊揭露五個面向，讓民眾取得可用、可信且兼顧隱私的資訊。',
        'Government data and information are the basis for public participation and oversight. This area covers the rules for open data, an open data platform with computing resources, digital privacy and data protection, the Freedom of Government Information Law in practice, and environmental information, so that people get information that is usable, reliable and respects privacy.',
      ),
      commitments: [c1_1, c1_2, c1_3, c1_4, c1_5],
    },
    {
      title: t('擴大公共參與', 'Expand public participation'),
      description: t(
        '本範疇著重建立民眾實際能使用、且能看到結果的參與管道：公民投票電子連署、青年政策參與、地方創生互動平臺、協助勞工籌組工會，以及在公民與社會課程中培養開放政府素養。',
        'This area builds participation channels that people can actually use and whose results they can see: electronic signatures for referendums, youth participation in policy, a regional revitalization platform, support for workers forming unions, and open government in civics education.',
      ),
      commitments: [c2_1, c2_2, c2_3, c2_4, c2_5],
    },
    {
      title: t('增加性別及族群包容對話', 'Increase gender and ethnic inclusive dialogue'),
      description: t(
        '讓婦女、新住民、原住民族及客家族群的聲音在政策過程中被聽見：擴大CEDAW國家報告的公民參與、新住民培力與多語參與、原住民族政策提案機制與南島資料庫，以及客家公共事務的公私協力。',
        'Making sure women, new immigrants, Indigenous peoples and Hakka communities are heard in policy-making: wider participation in the CEDAW national report, empowerment and multilingual participation for new immigrants, an Indigenous policy proposal mechanism and Austronesian database, and partnership in Hakka public affairs.',
      ),
      commitments: [c3_1, c3_2, c3_3, c3_4],
    },
    {
      title: t('落實清廉施政', 'Implement integrity in governance'),
      description: t(
        '以可機器判讀的政治獻金資料、採購廉政平臺與開放契約，以及揭弊者保護專法，讓政治與公共支出的風險環節受到外部監督，並保護揭露不法的人。',
        'Machine-readable political donation data, procurement integrity platforms with open contracting, and a dedicated whistleblower protection act expose the riskiest points in politics and public spending to outside scrutiny and protect those who report wrongdoing.',
      ),
      commitments: [c4_1, c4_2, c4_3],
    },
    {
      title: t('執行洗錢防制', 'Execute anti-money laundering'),
      description: t(
        '透過公司實質受益人資訊透明、公益信託與宗教團體財務透明，減少以法人或非營利組織隱匿資金的空間，並兼顧結社與宗教自由。',
        'Transparency of company beneficial ownership, charitable trusts and the finances of religious organisations reduces the room to hide money behind legal entities or non-profits, while respecting freedom of association and religion.',
      ),
      commitments: [c5_1, c5_2],
    },
  ],
};
