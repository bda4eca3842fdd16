/** What the notifications module speaks of: follows, the events other modules report, notifications, mail settings. */
import type { Lang } from '../../domain/localized.js';

export const FOLLOW_TARGETS = ['plan', 'commitment', 'working-group', 'consultation', 'input'] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];

export const NOTIFICATION_KINDS = [
  'input.created',
  'input.replied',
  'input.responded',
  'input.hidden',
  'input.restored',
  'appeal.decided',
  'consultation.opened',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface FollowTargetRef {
  type: FollowTarget;
  id: number;
}

/** What another module reports, inside its own write transaction (see notify()). */
export interface NotificationEvent {
  kind: NotificationKind;
  /** Who caused it: never notified of their own act. */
  actorId: number | null;
  planId: number;
  /** Followers of any of these are told (once each). */
  targets: readonly FollowTargetRef[];
  /** Told whether or not they follow (e.g. the input's author). */
  recipients?: readonly number[];
  /** The language-free site path of the thing (href(lang, path) adds /en). */
  path: string;
  /** One line, plain text, in both languages. */
  title: { zh: string; en: string };
}

export interface Follow {
  targetType: FollowTarget;
  targetId: number;
  createdAt: Date;
}

export interface Notification {
  id: number;
  userId: number;
  kind: string;
  planId: number | null;
  title: { zh: string; en: string };
  path: string;
  createdAt: Date;
  readAt: Date | null;
}

export const MAIL_SETTINGS = ['immediate', 'daily', 'off'] as const;
export type MailSetting = (typeof MAIL_SETTINGS)[number];
export const MAIL_LANGS = ['zh', 'en'] as const;
export type MailLang = (typeof MAIL_LANGS)[number];

export interface NotificationSettings {
  email: MailSetting;
  lang: MailLang;
  lastDigestAt: Date | null;
}

/** A person without a settings row: a daily digest, in Chinese. */
export const DEFAULT_SETTINGS: NotificationSettings = { email: 'daily', lang: 'zh', lastDigestAt: null };

export const langOfMail = (lang: MailLang): Lang => (lang === 'en' ? 'en' : 'zh-TW');
export const mailLangOf = (lang: Lang): MailLang => (lang === 'en' ? 'en' : 'zh');
