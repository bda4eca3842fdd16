/** Messages of the form on which an engagement's reviewers start a report (zh-TW, en). */
export const en = {
  'review.report.new': 'Start a report',
  'review.report.newHelp':
    'The report starts as a draft that only this engagement’s reviewers and the secretariat see. An action plan review and a results report get one unit per commitment of the plan, an end-of-commitment assessment the one of its commitment; a co-creation brief rates no unit.',
  'review.report.create': 'Start the report',
  'review.report.plan': 'Plan reviewed',
  'review.report.kind': 'Kind of report',
  'review.report.commitment': 'Commitment (only for an end-of-commitment assessment)',
  'review.report.noCommitment': 'None: the report is of the whole plan',
  'review.report.commitmentOfPlan': '{plan}: {commitment}',
  'review.report.scaleSet': 'Scales',
  'review.report.title': 'Title of the report',
  'review.report.commentDays': 'Days of public comment',
  'review.report.commentDaysHelp': 'When the reviewers open the comment period, it lasts this many days (1 to 90).',
  'review.endOfCommitment.start': 'Start the assessment',
};

export const zhTW: Record<keyof typeof en, string> = {
  'review.report.new': '新增評估報告',
  'review.report.newHelp':
    '報告先以草稿建立，僅本評估案的評估者與幕僚可見。行動方案評估與成果報告為方案的每項承諾事項各建立一個評估單元，承諾事項完成評估只建立其承諾事項的單元；共創簡報不評等單元。',
  'review.report.create': '建立報告',
  'review.report.plan': '受評估的方案',
  'review.report.kind': '報告種類',
  'review.report.commitment': '承諾事項（僅限承諾事項完成評估）',
  'review.report.noCommitment': '無：報告針對整個方案',
  'review.report.commitmentOfPlan': '{plan}：{commitment}',
  'review.report.scaleSet': '評等制度',
  'review.report.title': '報告標題',
  'review.report.commentDays': '公眾意見徵詢天數',
  'review.report.commentDaysHelp': '評估者開放意見徵詢後，徵詢期持續的天數（1 至 90 天）。',
  'review.endOfCommitment.start': '開始評估',
};
