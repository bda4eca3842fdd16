/** The transcripts' public pages for /sitemap.xml: the list and every published transcript (never a draft). */
import type { Db } from '../../db/connection.js';
import { transcriptPath, transcriptsPath } from '../../web/paths.js';
import type { SitemapEntry } from '../../web/sitemap.js';
import { listVisibleTranscripts } from './transcripts.queries.js';

export async function transcriptsSitemap(db: Db): Promise<SitemapEntry[]> {
  // What an anonymous visitor's list shows: published transcripts only.
  const published = await listVisibleTranscripts(db, { allDrafts: false, draftsOfUser: null });
  return [{ path: transcriptsPath }, ...published.map((tr) => ({ path: transcriptPath(tr), lastModified: tr.publishedAt }))];
}
