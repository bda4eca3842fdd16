/** The change log of plan content: every module records its changes here, and reads them through visibility. */
import { defineModule } from '../../web/module.js';
import { eraseActorName } from './history.queries.js';
import './history.table.js';

export const historyModule = defineModule({ name: 'history', erasePersonalData: eraseActorName });

export { readCommitmentHistory, recordHistory, recorded, type EntityType, type HistoryEntry, type HistoryRecord } from './history.queries.js';
export { actorLabel, HistoryList, HistoryPage } from './history.views.js';
