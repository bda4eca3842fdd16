/** Messages of OGP Local's end-of-commitment assessment (zh-TW, en). */
export const localEn = {
  'review.kind.end-of-commitment': 'End-of-Commitment Assessment',
  'review.role.local-monitoring-body': 'Local Monitoring Body',
  'review.error.localOnly': 'An end-of-commitment assessment is OGP Local’s: only of a local government’s plan.',
  'review.error.commitmentOnlyEndOfCommitment': 'Only an end-of-commitment assessment is of one commitment; the other reports are of the whole plan.',
  'review.error.endOfCommitmentLegacy': 'An end-of-commitment assessment uses the current scales.',
  'review.endOfCommitment': 'End-of-commitment assessments',
  'review.endOfCommitment.help':
    'For a local plan, the Local Monitoring Body assesses each commitment one month after it completes: its completion and whether it opened government.',
  'review.endOfCommitment.caption': 'Each commitment of the local plans: its last day, when its assessment is due, and where it stands',
  'review.endOfCommitment.commitment': 'Commitment',
  'review.endOfCommitment.ends': 'Ends',
  'review.endOfCommitment.due': 'Assessment due',
  'review.endOfCommitment.standing.running': 'Still running',
  'review.endOfCommitment.standing.due': 'Due',
  'review.endOfCommitment.standing.overdue': 'Overdue',
  'review.endOfCommitment.standing.in-review': 'Being assessed',
  'review.endOfCommitment.standing.published': 'Published',
};

export const localZh: Record<keyof typeof localEn, string> = {
  'review.kind.end-of-commitment': '承諾事項完成評估',
  'review.role.local-monitoring-body': '地方監督小組',
  'review.error.localOnly': '承諾事項完成評估屬於地方開放政府（OGP Local），只適用於地方政府的行動方案。',
  'review.error.commitmentOnlyEndOfCommitment': '只有承諾事項完成評估針對單一承諾事項；其他報告針對整個方案。',
  'review.error.endOfCommitmentLegacy': '承諾事項完成評估使用現行的評等。',
  'review.endOfCommitment': '承諾事項完成評估',
  'review.endOfCommitment.help': '地方行動方案的每項承諾事項完成一個月後，由地方監督小組評估其完成程度與是否促進政府開放。',
  'review.endOfCommitment.caption': '地方方案的各承諾事項：結束日、評估期限與目前狀態',
  'review.endOfCommitment.commitment': '承諾事項',
  'review.endOfCommitment.ends': '結束日',
  'review.endOfCommitment.due': '評估期限',
  'review.endOfCommitment.standing.running': '執行中',
  'review.endOfCommitment.standing.due': '待評估',
  'review.endOfCommitment.standing.overdue': '逾期未評估',
  'review.endOfCommitment.standing.in-review': '評估中',
  'review.endOfCommitment.standing.published': '已發布',
};
