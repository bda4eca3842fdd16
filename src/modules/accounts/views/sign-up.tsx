/** The sign-up page: the account, the profile, consent to the privacy notice, and a field only bots fill in. */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { loginPath } from '../../../web/paths.js';
import { CheckboxGroup, CsrfField, ErrorSummary, InputField, type FieldErrors } from '../../../web/ui/index.js';
import type { StakeholderGroup } from '../accounts.queries.js';
import { CHECKBOX_VALUE, TRAP_FIELD, type SignUpValues } from '../people.forms.js';
import { privacyPath, signUpPath } from '../people.paths.js';
import { ProfileFields, SubmitActions } from './parts.js';

export function SignUpPage(props: { ctx: PageContext; values: SignUpValues; errors: FieldErrors; groups: readonly StakeholderGroup[]; minPassword: number }) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <Layout ctx={ctx} title={t(lang, 'accounts.signUp.title')}>
      <h1>{t(lang, 'accounts.signUp.title')}</h1>
      <p>{t(lang, 'accounts.signUp.intro')}</p>
      <p>
        {t(lang, 'accounts.signUp.haveAccount')} <a href={href(lang, loginPath)}>{t(lang, 'nav.signIn')}</a>
      </p>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, signUpPath)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <InputField
          name="email"
          type="email"
          label={t(lang, 'signIn.email')}
          help={t(lang, 'accounts.signUp.emailHelp')}
          value={values.email}
          {...field}
          required
          autocomplete="email"
        />
        <InputField
          name="password"
          type="password"
          label={t(lang, 'signIn.password')}
          help={t(lang, 'accounts.signUp.passwordHelp', { min: props.minPassword })}
          value=""
          {...field}
          required
          autocomplete="new-password"
        />
        <ProfileFields lang={lang} values={values} errors={errors} groups={props.groups} />
        {/* Hidden from people (and from assistive technology); a bot that fills every field fills this one too. */}
        <div class="visually-hidden" aria-hidden="true">
          <label for="f-website">{t(lang, 'accounts.signUp.trap')}</label>
          <input id="f-website" type="text" name={TRAP_FIELD} value="" tabindex={-1} autocomplete="off" />
        </div>
        <p>
          {t(lang, 'accounts.signUp.consentText')} <a href={href(lang, privacyPath)}>{t(lang, 'accounts.privacy.title')}</a>
        </p>
        <CheckboxGroup
          name="consent"
          label={t(lang, 'accounts.signUp.consentLegend')}
          values={values.consent ? [CHECKBOX_VALUE] : []}
          options={[{ value: CHECKBOX_VALUE, label: t(lang, 'accounts.signUp.consentOption') }]}
          {...field}
        />
        <SubmitActions label={t(lang, 'accounts.signUp.submit')} />
      </form>
    </Layout>
  );
}
