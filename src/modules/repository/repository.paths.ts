/** The repository's pages (both languages; the layout adds /en) and its files. */
import { planPath, type IdRef, type PlanRef } from '../../web/paths.js';
import type { DocumentQuery } from './repository.schemas.js';

const withQuery = (path: string, query: Partial<DocumentQuery> & { plan?: string | undefined }): string => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) search.set(k, String(v));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
};

export const documentsPath = (query: Partial<DocumentQuery> = {}) => withQuery('/documents', query);
export const planDocumentsPath = (plan: PlanRef, query: Partial<DocumentQuery> = {}) => withQuery(`${planPath(plan)}/documents`, query);
export const documentsFeedPath = '/documents.atom';
export const newDocumentPath = (plan?: PlanRef) => (plan ? `/documents/new?plan=${encodeURIComponent(plan.slug)}` : '/documents/new');
export const documentEditPath = (d: IdRef) => `/documents/${d.id}/edit`;
export const documentDeletePath = (d: IdRef) => `/documents/${d.id}/delete`;
export const documentFilePath = (d: IdRef) => `/documents/${d.id}/file`;
export const planDocumentsHistoryPath = (plan: PlanRef) => `${planPath(plan)}/documents/history`;
