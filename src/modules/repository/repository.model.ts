/**
 * The document repository (issue #14, ADR 0033), pure: what a document is, and OGP's minimum requirement 2.2 — a
 * repository "updated at least twice a year" — as a figure: the days in the past year on which documents were added
 * or changed, and the last such day.
 */
import type { Localized } from '../../domain/localized.js';

export const DOCUMENT_KINDS = ['agenda', 'slides', 'minutes', 'report', 'study', 'plan-translation', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The document's own language: Chinese, English, both, or another (a plan of another country, untranslated). */
export const DOCUMENT_LANGUAGES = ['zh-TW', 'en', 'bilingual', 'other'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export interface RepositoryDocument {
  id: number;
  planId: number | null;
  meetingId: number | null;
  commitmentId: number | null;
  kind: DocumentKind;
  language: DocumentLanguage;
  /** The document's own date (a meeting's, a report's publication). */
  date: string;
  title: Localized;
  description: Localized;
  /** A link, or else a file kept here (its name, type and size; the bytes are read only to serve it). */
  url: string | null;
  file: { name: string; mediaType: string; byteSize: number; sha256: string } | null;
  isDemo: boolean;
  version: number;
  /** When it was added to the repository, and last changed there. */
  createdAt: Date;
  updatedAt: Date;
}

/** The minimum: updated on at least this many days in the past year. */
export const MR22_MINIMUM_UPDATES = 2;

/** The calendar day in Taiwan (UTC+8 all year) of an instant. */
export const taipeiDay = (at: Date): string => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The same calendar day a year before (29 February goes to 28 February). */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - 1, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export interface RepositoryUpdates {
  /** The last day a document was added or changed; null for an empty repository. */
  lastUpdate: string | null;
  /** Distinct days with an addition or a change in the past year: after the same day a year ago, up to today. */
  daysInPastYear: number;
  /** At least twice in the past year (MR 2.2). */
  met: boolean;
  /** The first day of the window counted. */
  since: string;
}

/**
 * MR 2.2 from the times documents were added and changed: two documents added on one day are one update; the
 * window is the year ending today, so on 2026-11-22 a change of 2025-11-23 counts and one of 2025-11-22 does not.
 */
export function repositoryUpdates(times: readonly Date[], now: Date): RepositoryUpdates {
  const today = taipeiDay(now);
  const after = yearBefore(today);
  const days = new Set(times.map(taipeiDay).filter((d) => d > after && d <= today));
  const last = times.length === 0 ? null : times.map(taipeiDay).reduce((a, b) => (a > b ? a : b));
  const since = new Date(`${after}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() + 1);
  return { lastUpdate: last, daysInPastYear: days.size, met: days.size >= MR22_MINIMUM_UPDATES, since: since.toISOString().slice(0, 10) };
}
