/** UI messages of the monitoring capability, merged into the catalogs by web/i18n.ts. */
const en = {
  'progress.title': 'Progress',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'progress.title': '執行進度',
};

export const monitoringMessages = { en, zhTW };
