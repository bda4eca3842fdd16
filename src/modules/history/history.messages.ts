/** UI messages of the history pages of a plan's records (the roster, working groups, co-creation), merged into the catalogs by web/i18n.ts. */
const en = {
  'history.backTo': 'Back to {title}',
  'history.plan.limit': 'The newest {limit} changes recorded are read for this page, newest first; older ones are kept but not listed here.',
};

const zhTW: Record<keyof typeof en, string> = {
  'history.backTo': '回到{title}',
  'history.plan.limit': '本頁讀取最新記錄的 {limit} 筆修改，由新到舊列出；更早的修改仍保存，但不在此列出。',
};

export const historyMessages = { en, zhTW };
