/** "My account": the address (to its owner only), the profile form, the roles held, and the way to the rest. */
import type { RoleGrant } from '../../../domain/authorization.js';
import type { Lang } from '../../../domain/localized.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { tokensPath } from '../../../web/paths.js';
import { CsrfField, DefinitionList, ErrorSummary, Notice, SiteLinkItems, type FieldErrors } from '../../../web/ui/index.js';
import type { StakeholderGroup } from '../accounts.queries.js';
import type { ProfileValues } from '../people.forms.js';
import { accountDeletePath, accountPath, privacyPath, usersPath } from '../people.paths.js';
import type { Profile } from '../people.queries.js';
import { ProfileFields, SubmitActions } from './parts.js';

/** Where a role holds, in words: the whole site, a plan by its title, a working group or an agency by number. */
export function scopeLabel(grant: Pick<RoleGrant, 'scope' | 'scopeId'>, lang: Lang, planNames: ReadonlyMap<number, string>): string {
  if (grant.scope === 'site' || grant.scopeId === null) return t(lang, 'accounts.scope.site');
  if (grant.scope === 'plan') return t(lang, 'accounts.scope.plan', { name: planNames.get(grant.scopeId) ?? `#${grant.scopeId}` });
  return t(lang, `accounts.scope.${grant.scope}`, { id: grant.scopeId });
}

export function AccountPage(props: {
  ctx: PageContext;
  profile: Profile;
  values: ProfileValues;
  errors: FieldErrors;
  groups: readonly StakeholderGroup[];
  grants: readonly RoleGrant[];
  planNames: ReadonlyMap<number, string>;
  saved: boolean;
  mayManageUsers: boolean;
}) {
  const { ctx, profile, errors } = props;
  const { lang } = ctx;
  const links = [
    { path: tokensPath, label: t(lang, 'tokens.title') },
    ...(props.mayManageUsers ? [{ path: usersPath(), label: t(lang, 'accounts.account.users') }] : []),
    { path: privacyPath, label: t(lang, 'accounts.privacy.title') },
    { path: accountDeletePath, label: t(lang, 'accounts.delete.title') },
  ];
  return (
    <Layout ctx={ctx} title={t(lang, 'accounts.account.title')}>
      <h1>{t(lang, 'accounts.account.title')}</h1>
      {props.saved ? (
        <Notice tone="success" role="status">
          {t(lang, 'accounts.account.saved')}
        </Notice>
      ) : null}
      <DefinitionList
        items={[
          {
            label: t(lang, 'signIn.email'),
            value: (
              <>
                {profile.email} <span class="help">({t(lang, 'accounts.account.emailPrivate')})</span>
              </>
            ),
          },
          { label: t(lang, 'accounts.account.role'), value: t(lang, `people.accountRole.${profile.role}`) },
        ]}
      />
      <h2 id="profile">{t(lang, 'accounts.account.profile')}</h2>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, accountPath)} novalidate aria-labelledby="profile">
        <CsrfField token={ctx.csrfToken} />
        <ProfileFields lang={lang} values={props.values} errors={errors} groups={props.groups} />
        <SubmitActions label={t(lang, 'accounts.account.save')} />
      </form>
      <h2>{t(lang, 'accounts.account.roles')}</h2>
      {props.grants.length === 0 ? (
        <p>{t(lang, 'accounts.account.noRoles')}</p>
      ) : (
        <ul>
          {props.grants.map((grant) => (
            <li>
              {t(lang, `people.role.${grant.role}`)} · {scopeLabel(grant, lang, props.planNames)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t(lang, 'accounts.account.more')}</h2>
      <ul>
        <SiteLinkItems links={links} lang={lang} />
      </ul>
    </Layout>
  );
}
