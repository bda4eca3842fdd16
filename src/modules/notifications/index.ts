/**
 * Notifications: follows of plans, commitments, working groups, consultations and inputs; notify() inside other
 * modules' write transactions; the in-app list and the header's unread count; mail (immediate or a daily digest)
 * through the durable outbox and its dispatcher (ADR 0028); one-click unsubscribe.
 */
import { defineModule } from '../../web/module.js';
import { notificationsApi } from './notifications.api.js';
import { notificationsMessages } from './notifications.messages.js';
import { startOutboxWorker } from './notifications.outbox.js';
import { notificationsPolicy } from './notifications.policy.js';
import { notificationsPages, UNSUBSCRIBE_POST, unreadCountMiddleware } from './notifications.routes.js';
import { followSections } from './notifications.sections.js';
import { erasePersonalData } from './notifications.service.js';
import './notifications.table.js';

export const notificationsModule = defineModule({
  name: 'notifications',
  api: notificationsApi,
  pages: notificationsPages,
  messages: notificationsMessages,
  policy: notificationsPolicy,
  pageMiddleware: unreadCountMiddleware,
  csrfExemptPosts: [UNSUBSCRIBE_POST],
  worker: startOutboxWorker,
  // The follow buttons of the plan page and the commitment page.
  sections: followSections,
  // Follows, notifications, settings, unsubscribe tokens and mail of a deleted account.
  erasePersonalData,
});

/** What other capabilities use: notify() and follow() inside their own write transaction; the follow button. */
export { follow, isFollowing, notify } from './notifications.service.js';
export { FollowButton } from './views/follow-button.js';
export { dispatchOutbox, enqueueDigests } from './notifications.outbox.js';
export type { FollowTarget, FollowTargetRef, NotificationEvent, NotificationKind } from './notifications.model.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof notificationsMessages.en, string> {}
}
