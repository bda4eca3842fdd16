/** Deleting one's account (with the password), and the page after. */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, InputField, Notice, type FieldErrors } from '../../../web/ui/index.js';
import { accountDeletePath, accountPath, privacyPath } from '../people.paths.js';
import { SubmitActions } from './parts.js';

export function DeleteAccountPage(props: { ctx: PageContext; errors: FieldErrors }) {
  const { ctx, errors } = props;
  const { lang } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t(lang, 'accounts.delete.title')}
      crumbs={[{ label: t(lang, 'accounts.account.title'), path: accountPath }, { label: t(lang, 'accounts.delete.title') }]}
    >
      <h1>{t(lang, 'accounts.delete.title')}</h1>
      <Notice as="div">
        <p>{t(lang, 'accounts.delete.intro')}</p>
        <p>
          {t(lang, 'accounts.delete.kept')} <a href={href(lang, privacyPath)}>{t(lang, 'accounts.privacy.title')}</a>
        </p>
      </Notice>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, accountDeletePath)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <InputField
          name="password"
          type="password"
          label={t(lang, 'accounts.delete.password')}
          value=""
          errors={errors}
          lang={lang}
          required
          autocomplete="current-password"
        />
        <SubmitActions label={t(lang, 'accounts.delete.submit')} tone="danger" />
      </form>
    </Layout>
  );
}

export function AccountDeletedPage(props: { ctx: PageContext }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'accounts.deleted.title')}>
      <h1>{t(lang, 'accounts.deleted.title')}</h1>
      <Notice tone="success" role="status">
        {t(lang, 'accounts.deleted.body')}
      </Notice>
    </Layout>
  );
}
