/** The change log of plan content: every module records its changes here, and reads them through visibility. */
import { defineModule } from '../../web/module.js';
import { historyMessages } from './history.messages.js';
import { eraseActorName } from './history.queries.js';
import './history.table.js';

export const historyModule = defineModule({ name: 'history', messages: historyMessages, erasePersonalData: eraseActorName });

export {
  PLAN_HISTORY_LIMIT,
  readCommitmentHistory,
  readHistoryEntries,
  readHistoryEntry,
  readPlanHistory,
  recordHistory,
  recordImportedRow,
  recordImportedRows,
  recorded,
  type EntityType,
  type HistoryEntry,
  type HistoryRecord,
} from './history.queries.js';
export { actorLabel, HistoryList, HistoryPage, idsIn, PlanHistoryPage } from './history.views.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof historyMessages.en, string> {}
}
