/** Accounts: users, sign-up and mailed links, profiles and their deletion, sessions, API tokens, sign-in limits, scoped roles. */
import { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../web/context.js';
import { defineModule } from '../../web/module.js';
import { accountMessages } from './accounts.messages.js';
import { accountsPolicy } from './accounts.policy.js';
import { accountApi, accountPages } from './accounts.routes.js';
import { actorForApiToken, actorForSession } from './accounts.service.js';
import { peopleApi } from './people.api.js';
import { peoplePages } from './people.routes.js';
import './accounts.table.js';

export const accountsModule = defineModule({
  name: 'accounts',
  api: (api: OpenAPIHono<AppEnv>) => {
    accountApi(api);
    peopleApi(api);
  },
  pages: () => new Hono<AppEnv>({ strict: false }).route('/', accountPages()).route('/', peoplePages()),
  messages: accountMessages,
  policy: accountsPolicy,
  identity: { actorForApiToken, actorForSession },
});

export { createUser } from './accounts.service.js';
/** The bench gives its many posting accounts API tokens while the server is stopped (bench/inputs.ts). */
export { createApiToken } from './accounts.service.js';
/** Other modules find users only through these (a speaker's account, by e-mail or id). */
export { findUserByEmail, findUserEmail } from './accounts.queries.js';
export { purgeExpired } from './accounts.service.js';
/** Limits of other modules (inputs, reports per client address), counted like sign-ups. */
export { admitKeyed } from './people.service.js';
export { accountRoleOf, userExists } from './accounts.queries.js';
/** People as others may see them, the stakeholder groups, and the scoped roles that seats and groups grant. */
/** What the electorate rule of a call for nominations reads of accounts (roster). */
export { accountStandings, countCivilSocietyParticipants } from './accounts.queries.js';
export { deleteGrantsFrom, insertGrant, listStakeholderGroups, publicPeople, type StakeholderGroup } from './accounts.queries.js';
/** The pages others link to: sign-up (to take part), one's account, the privacy notice. */
export { accountPath, privacyPath, signUpPath } from './people.paths.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof accountMessages.en, string> {}
}
