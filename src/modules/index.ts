/**
 * The capabilities, in order: the app mounts their routes in this order, the demo seed runs in it (later modules use
 * what earlier ones seeded), and sections are ordered by their own `order`. A new capability is one folder, one line
 * here and one migration (docs/ARCHITECTURE.md, "Adding a capability").
 */
import type { ModuleManifest } from '../web/module.js';
import { accountsModule } from './accounts/index.js';
import { amendmentsModule } from './amendments/index.js';
import { cocreationModule } from './cocreation/index.js';
import { documentModule } from './document/index.js';
import { forumModule } from './forum/index.js';
import { historyModule } from './history/index.js';
import { monitoringModule } from './monitoring/index.js';
import { notificationsModule } from './notifications/index.js';
import { opendataModule } from './opendata/index.js';
import { participationModule } from './participation/index.js';
import { plansModule } from './plans/index.js';
import { repositoryModule } from './repository/index.js';
import { reviewModule } from './review/index.js';
import { rosterModule } from './roster/index.js';
import { selfAssessmentModule } from './selfassessment/index.js';
import { transcriptsModule } from './transcripts/index.js';
import { translationsModule } from './translations/index.js';
import { workgroupsModule } from './workgroups/index.js';

export const modules: readonly ModuleManifest[] = [
  plansModule,
  historyModule,
  monitoringModule,
  forumModule,
  amendmentsModule,
  transcriptsModule,
  accountsModule,
  rosterModule,
  workgroupsModule,
  cocreationModule,
  notificationsModule,
  participationModule,
  documentModule,
  translationsModule,
  repositoryModule,
  selfAssessmentModule,
  reviewModule,
  opendataModule,
];
