/**
 * Pages of accounts anyone can open: sign-up, the pages mailed links open, password reset, "My account", deleting
 * it, the privacy notice, and the admin's page of accounts and roles.
 */
import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { Actor } from '../../domain/authorization.js';
import { can } from '../../domain/authorization.js';
import { pick } from '../../domain/localized.js';
import { RateLimitedError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { clientAddress } from '../../web/client-address.js';
import { href, pageContext, siteOrigin, type AppContext, type AppEnv } from '../../web/context.js';
import { handleForm, positiveInt, requirePermission } from '../../web/form-handler.js';
import { firstValue, readForm } from '../../web/forms.js';
import { t } from '../../web/i18n.js';
import { fallbackMailer } from '../../web/mail.js';
import { rememberAnonymousCsrf, SESSION_COOKIE } from '../../web/middleware.js';
import { fieldMessages } from '../../web/validation.js';
import type { FieldErrors } from '../../web/ui/index.js';
import { planQueries } from '../plans/index.js';
import { listStakeholderGroups } from './accounts.queries.js';
import { PASSWORD_MIN_LENGTH } from './accounts.service.js';
import {
  emptyGrantValues,
  emptySignUpValues,
  grantFormInput,
  postedGrantValues,
  postedProfileValues,
  postedSignUpValues,
  profileFormInput,
  profileValues,
  signUpFormInput,
  trapped,
  type GrantValues,
  type ProfileValues,
} from './people.forms.js';
import { CONFIRM_LINK_HOURS, RESET_LINK_MINUTES } from './people.limits.js';
import {
  accountDeletedPath,
  accountDeletePath,
  accountPath,
  privacyPath,
  resetRequestPath,
  signedOutNoticePath,
  signUpPath,
  signUpResendPath,
  usersPath,
} from './people.paths.js';
import { grantInput, profileFormSchema, signUpFormSchema } from './people.schemas.js';
import {
  accountForGrants,
  admitRequest,
  checkLink,
  confirmEmail,
  deleteOwnAccount,
  findAccount,
  getOwnProfile,
  grantRole,
  LinkError,
  listGrants,
  requestPasswordReset,
  resendConfirmation,
  resetPassword,
  revokeGrant,
  signUp,
  updateOwnProfile,
  type PeopleDeps,
} from './people.service.js';
import { AccountPage } from './views/account.js';
import { AccountDeletedPage, DeleteAccountPage } from './views/delete-account.js';
import { MailSentPage, type SentKind } from './views/mail-sent.js';
import { ConfirmPage, LinkProblemPage, ResetPasswordPage } from './views/mailed-link.js';
import { PrivacyPage } from './views/privacy.js';
import { ResetRequestPage } from './views/reset-request.js';
import { SignUpPage } from './views/sign-up.js';
import { UsersPage } from './views/users.js';

const deps = (c: AppContext): PeopleDeps => {
  const s = c.get('services');
  return { db: s.db, sessionSecret: s.sessionSecret, now: s.now, mailer: s.mailer ?? fallbackMailer() };
};

/** Mailed links point at this site, in the language of the page that asked. */
const linkContext = (c: AppContext) => ({ origin: siteOrigin(c), lang: c.get('lang') });

const signedIn = (c: AppContext): Actor => {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
};

/** Pages that carry a one-use token or someone's own data are never kept by any cache. */
const noStore = (c: AppContext) => c.header('Cache-Control', 'private, no-store');

/** A refused request's form again, with the wait in the field's message and in Retry-After. */
function rateLimited(c: AppContext, error: RateLimitedError, field: string): FieldErrors {
  c.header('Retry-After', String(error.retryAfterSeconds));
  return { [field]: t(c.get('lang'), error.key, error.params) };
}

const sentPath = (kind: SentKind) => (kind === 'reset' ? `${resetRequestPath}/sent` : kind === 'resend' ? `${signUpPath}/resent` : `${signUpPath}/sent`);

export function peoplePages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---------------------------------------------------------------- sign-up

  const showSignUp = async (c: AppContext, values = emptySignUpValues(), errors: FieldErrors = {}, status: 200 | 400 | 429 = 200) => {
    rememberAnonymousCsrf(c);
    const groups = await listStakeholderGroups(c.get('services').db);
    return c.html(<SignUpPage ctx={pageContext(c)} values={values} errors={errors} groups={groups} minPassword={PASSWORD_MIN_LENGTH} />, status);
  };

  app.get(signUpPath, (c) => (c.get('actor') ? c.redirect(href(c.get('lang'), accountPath), 303) : showSignUp(c)));

  app.post(signUpPath, async (c) => {
    const body = await readForm(c);
    try {
      // Every post counts against the client, whatever it holds: bots are slowed whether or not they fill the trap.
      await admitRequest(deps(c), 'signUp', clientAddress(c));
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return showSignUp(c, postedSignUpValues(body), rateLimited(c, error, 'email'), 429);
    }
    // A filled honeypot gets the answer a person gets, and nothing is created.
    if (trapped(body)) return c.redirect(href(c.get('lang'), sentPath('signUp')), 303);
    const groups = await listStakeholderGroups(c.get('services').db);
    return handleForm(c, {
      schema: signUpFormSchema(groups.map((g) => g.code)),
      toInput: signUpFormInput,
      run: (input) => signUp(deps(c), input, linkContext(c)),
      redirectTo: () => sentPath('signUp'),
      render: (state) => showSignUp(c, postedSignUpValues(state.body), state.errors, 400),
    });
  });

  const showSent = (kind: SentKind) => (c: AppContext) =>
    c.html(<MailSentPage ctx={pageContext(c)} kind={kind} hours={CONFIRM_LINK_HOURS} minutes={RESET_LINK_MINUTES} />);
  app.get(sentPath('signUp'), showSent('signUp'));
  app.get(sentPath('resend'), showSent('resend'));
  app.get(sentPath('reset'), showSent('reset'));

  /** A new confirmation link, offered on the sign-in page once the password was right; limited per client (429 page). */
  app.post(signUpResendPath, async (c) => {
    const email = (firstValue((await readForm(c)).email) ?? '').trim();
    await resendConfirmation(deps(c), email, clientAddress(c), linkContext(c));
    return c.redirect(href(c.get('lang'), sentPath('resend')), 303);
  });

  // ---------------------------------------------------------------- the pages mailed links open

  const token = (c: AppContext) => c.req.param('token') ?? '';

  /** Runs a step on a mailed link; a link that does not work gets its page, saying why. */
  const onLink = async (c: AppContext, purpose: 'confirm' | 'reset', step: () => Promise<Response>) => {
    noStore(c);
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof LinkError)) throw error;
      rememberAnonymousCsrf(c);
      return c.html(<LinkProblemPage ctx={pageContext(c)} problem={error.problem} purpose={purpose} />, error.status === 404 ? 404 : 400);
    }
  };

  app.get('/confirm/:token', (c) =>
    onLink(c, 'confirm', async () => {
      await checkLink(deps(c), token(c), 'confirm');
      rememberAnonymousCsrf(c);
      return c.html(<ConfirmPage ctx={pageContext(c)} token={token(c)} />);
    }),
  );

  // Confirmed, the person signs in with their password: the link alone never opens a session.
  app.post('/confirm/:token', (c) =>
    onLink(c, 'confirm', async () => {
      await confirmEmail(deps(c), token(c));
      return c.redirect(href(c.get('lang'), signedOutNoticePath('confirmed')), 303);
    }),
  );

  // ---------------------------------------------------------------- password reset

  const showResetRequest = (c: AppContext, email = '', errors: FieldErrors = {}, status: 200 | 400 | 429 = 200) => {
    rememberAnonymousCsrf(c);
    return c.html(<ResetRequestPage ctx={pageContext(c)} email={email} errors={errors} />, status);
  };

  app.get(resetRequestPath, (c) => showResetRequest(c));

  app.post(resetRequestPath, async (c) => {
    const email = (firstValue((await readForm(c)).email) ?? '').trim();
    try {
      await requestPasswordReset(deps(c), email, clientAddress(c), linkContext(c));
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return showResetRequest(c, email, rateLimited(c, error, 'email'), 429);
    }
    return c.redirect(href(c.get('lang'), sentPath('reset')), 303);
  });

  const showReset = (c: AppContext, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    rememberAnonymousCsrf(c);
    return c.html(<ResetPasswordPage ctx={pageContext(c)} token={token(c)} errors={errors} minPassword={PASSWORD_MIN_LENGTH} />, status);
  };

  app.get(`${resetRequestPath}/:token`, (c) =>
    onLink(c, 'reset', async () => {
      await checkLink(deps(c), token(c), 'reset');
      return showReset(c);
    }),
  );

  app.post(`${resetRequestPath}/:token`, (c) =>
    onLink(c, 'reset', async () => {
      const password = firstValue((await readForm(c)).password) ?? '';
      try {
        await resetPassword(deps(c), token(c), password);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return showReset(c, fieldMessages(error, c.get('lang')), 400);
      }
      // Any session of this account has just ended, this browser's among them.
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.redirect(href(c.get('lang'), signedOutNoticePath('reset')), 303);
    }),
  );

  // ---------------------------------------------------------------- my account

  const planNames = async (c: AppContext) => {
    const lang = c.get('lang');
    return (await planQueries.listPlans(c.get('services').db)).map((p) => ({ id: p.id, title: pick(p.title, lang) }));
  };

  const showAccount = async (c: AppContext, values?: ProfileValues, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const actor = signedIn(c);
    const { db } = c.get('services');
    const profile = await getOwnProfile({ db }, actor);
    noStore(c);
    return c.html(
      <AccountPage
        ctx={pageContext(c)}
        profile={profile}
        values={values ?? profileValues(profile)}
        errors={errors}
        groups={await listStakeholderGroups(db)}
        grants={actor.grants ?? []}
        planNames={new Map((await planNames(c)).map((p) => [p.id, p.title]))}
        saved={c.req.query('saved') === '1'}
        mayManageUsers={can(actor, 'user.grantRole')}
      />,
      status,
    );
  };

  app.get(accountPath, (c) => showAccount(c));

  app.post(accountPath, async (c) => {
    const actor = signedIn(c);
    const groups = await listStakeholderGroups(c.get('services').db);
    return handleForm(c, {
      schema: profileFormSchema(groups.map((g) => g.code)),
      toInput: profileFormInput,
      run: (input) => updateOwnProfile({ db: c.get('services').db }, actor, input),
      redirectTo: () => `${accountPath}?saved=1`,
      render: (state) => showAccount(c, postedProfileValues(state.body), state.errors, 400),
    });
  });

  // ---------------------------------------------------------------- deleting it

  const showDelete = (c: AppContext, errors: FieldErrors = {}, status: 200 | 400 | 429 = 200) => {
    signedIn(c);
    noStore(c);
    return c.html(<DeleteAccountPage ctx={pageContext(c)} errors={errors} />, status);
  };

  app.get(accountDeletePath, (c) => showDelete(c));

  app.post(accountDeletePath, async (c) => {
    const actor = signedIn(c);
    const password = firstValue((await readForm(c)).password) ?? '';
    try {
      await deleteOwnAccount(deps(c), actor, password, clientAddress(c));
    } catch (error) {
      if (error instanceof RateLimitedError) return showDelete(c, rateLimited(c, error, 'password'), 429);
      if (!(error instanceof ValidationError)) throw error;
      return showDelete(c, fieldMessages(error, c.get('lang')), 400);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect(href(c.get('lang'), accountDeletedPath), 303);
  });

  app.get(accountDeletedPath, (c) => c.html(<AccountDeletedPage ctx={pageContext(c)} />));

  app.get(privacyPath, (c) => c.html(<PrivacyPage ctx={pageContext(c)} />));

  // ---------------------------------------------------------------- the admin's accounts and roles

  const showUsers = async (c: AppContext, email: string, form: { values?: GrantValues; errors?: FieldErrors; status?: 200 | 400 } = {}) => {
    requirePermission(c, 'user.grantRole');
    const actor = signedIn(c);
    const deps = { db: c.get('services').db };
    const profile = email === '' ? undefined : await findAccount(deps, actor, email);
    const found = profile ? { profile, grants: await listGrants(deps, actor, profile.id) } : undefined;
    noStore(c);
    return c.html(
      <UsersPage
        ctx={pageContext(c)}
        email={email}
        found={found}
        plans={await planNames(c)}
        values={form.values ?? emptyGrantValues()}
        errors={form.errors ?? {}}
      />,
      form.status ?? 200,
    );
  };

  app.get(usersPath(), (c) => showUsers(c, (c.req.query('email') ?? '').trim()));

  /** The account a grant form acts on, by the id in its path (a missing one: 404 from the service). */
  const accountId = (c: AppContext) => positiveInt(c.req.param('id')) ?? 0;

  app.post('/account/users/:id/grants', async (c) => {
    const actor = signedIn(c);
    const deps = { db: c.get('services').db };
    const target = await accountForGrants(deps, actor, accountId(c));
    return handleForm(c, {
      schema: grantInput,
      toInput: grantFormInput,
      run: (input) => grantRole(deps, actor, target.id, input),
      redirectTo: () => usersPath(target.email),
      render: (state) => showUsers(c, target.email, { values: postedGrantValues(state.body), errors: state.errors, status: 400 }),
    });
  });

  app.post('/account/users/:id/grants/:grantId/revoke', async (c) => {
    const actor = signedIn(c);
    const deps = { db: c.get('services').db };
    const target = await accountForGrants(deps, actor, accountId(c));
    await revokeGrant(deps, actor, target.id, positiveInt(c.req.param('grantId')) ?? 0);
    return c.redirect(href(c.get('lang'), usersPath(target.email)), 303);
  });

  return app;
}
