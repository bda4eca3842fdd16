/** What the server and the `cocreate` command print for an operator: the console's language and the lock refusal. */
import type { DataDirectoryLockedError } from './db/data-dir-lock.js';
import type { Lang } from './domain/localized.js';
import { t } from './web/i18n.js';

/** Traditional Chinese when the locale is Chinese (LC_ALL, else LC_MESSAGES, else LANG starts with `zh`), else English. */
export function consoleLanguage(env: Record<string, string | undefined> = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-TW' : 'en';
}

/** A file's problems beyond this many are counted, not listed: a binary file should not print a thousand lines. */
export const MAX_LISTED_PROBLEMS = 20;

const minute = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`);

/** Why this process may not open the embedded database, who holds it and what to do, in `lang`. */
export function lockRefusal(error: DataDirectoryLockedError, lang: Lang, refused: 'server' | 'command'): string {
  const { holder } = error;
  const since = holder ? minute(holder.startedAt) : '';
  const who = !holder
    ? t(lang, 'cli.holder.unknown')
    : holder.role === 'server'
      ? t(lang, 'cli.holder.server', { pid: holder.pid, since })
      : t(lang, 'cli.holder.command', { pid: holder.pid, since, command: holder.role.replace(/^cli /, '') });
  return t(lang, refused === 'server' ? 'cli.locked.server' : 'cli.locked.command', { dir: error.dataDir, holder: who });
}
