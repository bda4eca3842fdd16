/** How a transcript is cut into pages, and so where a speech's permalink points (pages, routes and the API agree). */
import { speechPath } from '../../web/paths.js';

/** Speeches shown on one page of a transcript: a long meeting is read a page at a time (ADR 0017). */
export const SPEECHES_PER_PAGE = 200;

/** The page that holds the speech at this position: page n holds positions (n − 1) × SPEECHES_PER_PAGE + 1 … n × SPEECHES_PER_PAGE. */
export const speechPage = (position: number) => Math.max(1, Math.ceil(position / SPEECHES_PER_PAGE));

/** The positions page n holds. */
export const pagePositions = (page: number) => ({ from: (page - 1) * SPEECHES_PER_PAGE + 1, to: page * SPEECHES_PER_PAGE });

/** A speech's permalink: the page of the transcript that holds it, at its anchor. */
export const speechPermalink = (tr: { slug: string }, s: { id: number; position: number }) => speechPath(tr, s, speechPage(s.position));
