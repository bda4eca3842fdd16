/** UI messages of the forum capability (meetings, resolutions), merged into the catalogs by web/i18n.ts. */
const en = {
  'forum.meetings': 'Forum meetings',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'forum.meetings': '推動小組會議',
};

export const forumMessages = { en, zhTW };
