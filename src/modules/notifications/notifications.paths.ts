/** The notifications pages' paths, without the language prefix (`href(lang, path)` adds it), as in web/paths.ts. */
export const notificationsPath = (page?: number) => (page !== undefined && page > 1 ? `/notifications?page=${page}` : '/notifications');
export const notificationsReadPath = '/notifications/read';
export const notificationSettingsPath = (saved = false) => (saved ? '/notifications/settings?saved=1' : '/notifications/settings');
export const unsubscribePath = (token: string) => `/unsubscribe/${encodeURIComponent(token)}`;
export const followPath = '/follow';
export const unfollowPath = '/unfollow';
