/** Accounts: users, sessions, API tokens and sign-in limits. */
import { defineModule } from '../../web/module.js';
import { accountMessages } from './accounts.messages.js';
import { accountsPolicy } from './accounts.policy.js';
import { accountApi, accountPages } from './accounts.routes.js';
import { actorForApiToken, actorForSession } from './accounts.service.js';
import './accounts.table.js';

export const accountsModule = defineModule({
  name: 'accounts',
  api: accountApi,
  pages: accountPages,
  messages: accountMessages,
  policy: accountsPolicy,
  identity: { actorForApiToken, actorForSession },
});

export { createUser } from './accounts.service.js';
/** Other modules find users only through these (a speaker's account, by e-mail or id). */
export { findUserByEmail, findUserEmail } from './accounts.queries.js';
export { purgeExpired } from './accounts.service.js';
export { userExists } from './accounts.queries.js';
/** People as others may see them, the stakeholder groups, and the scoped roles that seats and groups grant. */
export { deleteGrantsFrom, insertGrant, listStakeholderGroups, publicPeople, type StakeholderGroup } from './accounts.queries.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof accountMessages.en, string> {}
}
