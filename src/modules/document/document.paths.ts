/** The plan document's addresses, beside the plan's own (web/paths.ts): the page, the ODT and the PDF. */
import { planPath, type PlanRef } from '../../web/paths.js';

export const documentPath = (plan: PlanRef) => `${planPath(plan)}/document`;
export const documentOdtPath = (plan: PlanRef) => `${documentPath(plan)}.odt`;
export const documentPdfPath = (plan: PlanRef) => `${documentPath(plan)}.pdf`;
/** The document's stylesheet (screen and A4 print), served by this module. */
export const documentStylesheetPath = '/assets/plan-document.css';
/** Anchors of the document's parts, for the table of contents (the page's and the ODT's). */
export const documentAnchors = {
  introduction: 'introduction',
  effortsToDate: 'efforts-to-date',
  developmentProcess: 'development-process',
  commitments: 'commitments',
  area: (area: { id: number }) => `area-${area.id}`,
  commitment: (number: string) => `commitment-${number}`,
} as const;
