/** The admin's page of accounts and their scoped roles: find an account by address, give or take back the moderator's role. */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, DataTable, ErrorSummary, InputField, SelectField, VersionedAction, type FieldErrors } from '../../../web/ui/index.js';
import { ADMIN_GRANT_SCOPES, ADMIN_GRANTABLE_ROLES } from '../people.schemas.js';
import type { GrantValues } from '../people.forms.js';
import { accountPath, userGrantRevokePath, userGrantsPath, usersPath } from '../people.paths.js';
import type { GrantRecord, Profile } from '../people.queries.js';
import { ADMIN_GRANT_SOURCE } from '../people.service.js';
import { scopeLabel } from './account.js';
import { SubmitActions } from './parts.js';

export function UsersPage(props: {
  ctx: PageContext;
  /** The address searched for, if any. */
  email: string;
  found: { profile: Profile; grants: readonly GrantRecord[] } | undefined;
  plans: readonly { id: number; title: string }[];
  values: GrantValues;
  errors: FieldErrors;
}) {
  const { ctx, found, errors } = props;
  const { lang } = ctx;
  const planNames = new Map(props.plans.map((p) => [p.id, p.title]));
  const term = (g: GrantRecord) =>
    g.startsOn || g.endsOn ? `${g.startsOn ?? '…'} – ${g.endsOn ?? t(lang, 'accounts.users.always')}` : t(lang, 'accounts.users.always');
  return (
    <Layout
      ctx={ctx}
      title={t(lang, 'accounts.users.title')}
      crumbs={[{ label: t(lang, 'accounts.account.title'), path: accountPath }, { label: t(lang, 'accounts.users.title') }]}
    >
      <h1>{t(lang, 'accounts.users.title')}</h1>
      <p>{t(lang, 'accounts.users.intro')}</p>
      <form method="get" action={href(lang, usersPath())} role="search">
        <InputField name="email" type="email" label={t(lang, 'accounts.users.email')} value={props.email} errors={{}} lang={lang} autocomplete="off" />
        <SubmitActions label={t(lang, 'accounts.users.find')} />
      </form>
      {props.email !== '' && !found ? <p role="status">{t(lang, 'accounts.users.notFound', { email: props.email })}</p> : null}
      {found ? (
        <>
          <h2 id="grants">{t(lang, 'accounts.users.grants', { name: found.profile.displayName })}</h2>
          <p>
            {found.profile.email} · {t(lang, `people.accountRole.${found.profile.role}`)}
          </p>
          <DataTable
            labelledBy="grants"
            rows={found.grants}
            empty={t(lang, 'accounts.users.none')}
            columns={[
              { header: t(lang, 'accounts.users.role'), rowHeader: true, cell: (g) => t(lang, `people.role.${g.role}`) },
              { header: t(lang, 'accounts.users.scope'), cell: (g) => scopeLabel(g, lang, planNames) },
              {
                header: t(lang, 'accounts.users.source'),
                cell: (g) =>
                  g.source === ADMIN_GRANT_SOURCE ? t(lang, 'accounts.users.source.admin') : t(lang, 'accounts.users.source.other', { source: g.source }),
              },
              { header: t(lang, 'accounts.users.term'), nowrap: true, cell: term },
              {
                header: t(lang, 'accounts.users.actions'),
                cell: (g) =>
                  g.source === ADMIN_GRANT_SOURCE ? (
                    <VersionedAction
                      ctx={ctx}
                      action={userGrantRevokePath(found.profile, g)}
                      tone="danger"
                      label={
                        <>
                          {t(lang, 'accounts.users.revoke')}
                          <span class="visually-hidden">
                            {' '}
                            {t(lang, `people.role.${g.role}`)} · {scopeLabel(g, lang, planNames)}
                          </span>
                        </>
                      }
                    />
                  ) : null,
              },
            ]}
          />
          <h2>{t(lang, 'accounts.users.grant')}</h2>
          <ErrorSummary errors={errors} lang={lang} />
          <form method="post" action={href(lang, userGrantsPath(found.profile))} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <SelectField
              name="role"
              label={t(lang, 'accounts.users.grantRole')}
              value={props.values.role}
              options={ADMIN_GRANTABLE_ROLES.map((role) => ({ value: role, label: t(lang, `people.role.${role}`) }))}
              errors={errors}
              lang={lang}
              required
            />
            <SelectField
              name="scope"
              label={t(lang, 'accounts.users.grantScope')}
              value={props.values.scope}
              options={ADMIN_GRANT_SCOPES.map((scope) => ({
                value: scope,
                label: scope === 'site' ? t(lang, 'accounts.scope.site') : t(lang, 'accounts.users.onePlan'),
              }))}
              errors={errors}
              lang={lang}
              required
            />
            <SelectField
              name="scopeId"
              label={t(lang, 'accounts.users.plan')}
              value={props.values.scopeId}
              options={props.plans.map((p) => ({ value: String(p.id), label: p.title }))}
              includeEmpty
              errors={errors}
              lang={lang}
            />
            <SubmitActions label={t(lang, 'accounts.users.grantSubmit')} />
          </form>
        </>
      ) : null}
    </Layout>
  );
}
