/** Messages of the reviewers' forms on a report's texts, a recommendation's words, clusters and splits (zh-TW, en). */
export const en = {
  'review.edit.texts': 'Edit the report’s texts',
  'review.edit.title': 'Title',
  'review.edit.commentDays': 'Days open for comment',
  'review.edit.save': 'Save',
  'review.edit.recommendation': 'Recommendation {number}',
  'review.edit.recommendationLink': 'Edit',
  'review.edit.cluster': 'Cluster units',
  'review.edit.clusterHelp':
    'Choose two or more related units: the first keeps its ratings and texts, and the commitments of the others join it. The page keeps showing which commitments each unit covers.',
  'review.edit.clusterTitle': 'Title of the cluster (optional)',
  'review.edit.clusterSave': 'Cluster',
  'review.edit.split': 'Split: {unit}',
  'review.edit.splitHelp': 'A new unit is added after this one, on the same commitments, to be rated on its own.',
  'review.edit.splitTitle': 'Title of the new unit',
  'review.edit.splitSave': 'Split',
  'review.edit.splitLink': 'Split this unit',
};

export const zhTW: Record<keyof typeof en, string> = {
  'review.edit.texts': '編輯報告文字',
  'review.edit.title': '標題',
  'review.edit.commentDays': '意見徵詢天數',
  'review.edit.save': '儲存',
  'review.edit.recommendation': '建議 {number}',
  'review.edit.recommendationLink': '編輯',
  'review.edit.cluster': '合併評估單元',
  'review.edit.clusterHelp': '請選擇兩個以上相關的評估單元：第一個保留其評等與文字，其他單元的承諾事項併入。頁面會持續顯示每個單元涵蓋的承諾事項。',
  'review.edit.clusterTitle': '合併後的標題（選填）',
  'review.edit.clusterSave': '合併',
  'review.edit.split': '拆分：{unit}',
  'review.edit.splitHelp': '在此單元之後新增一個涵蓋相同承諾事項的單元，分別評等。',
  'review.edit.splitTitle': '新單元的標題',
  'review.edit.splitSave': '拆分',
  'review.edit.splitLink': '拆分此單元',
};
