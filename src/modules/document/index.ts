/**
 * The plan document (issue #14, item 3): the plan in the official structure, generated from the data, as a printable
 * page (A4), an ODT and a PDF printed by Chromium, in zh-TW and en (ADR 0032).
 */
import { defineModule } from '../../web/module.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { documentMessages } from './document.messages.js';
import { documentPath } from './document.paths.js';
import { documentPages } from './document.routes.js';

export const documentModule = defineModule({
  name: 'document',
  pages: documentPages,
  messages: documentMessages,
  sections: [
    linkItemsSection({ slot: 'planFollow', order: 5, id: 'document.planLink' }, ({ plan }) => [{ path: documentPath(plan), label: 'document.planLink' }]),
  ],
});

export { documentOdtPath, documentPath, documentPdfPath } from './document.paths.js';
export { configurePdfPrinter, pdfPrinterAvailable } from './document.pdf.js';
export { writeOdt } from './document.odt.js';
export { readPlanDocument, type PlanDocument } from './document.reads.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof documentMessages.en, string> {}
}
