/** The sign-in page and the page where a signed-in user manages their API tokens. */
import { CsrfField, ErrorSummary, formatDateTime, InputField, SelectField, type FieldErrors } from '../../web/components.js';
import { href, type PageContext } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { Layout } from '../../web/layout.js';

export function SignInPage(props: { ctx: PageContext; email: string; next: string; errors: FieldErrors }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'signIn.title')}>
      <h1>{t(lang, 'signIn.title')}</h1>
      <p>{t(lang, 'signIn.help')}</p>
      <ErrorSummary errors={props.errors} lang={lang} />
      <form method="post" action={href(lang, '/login')} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <InputField name="email" type="email" label={t(lang, 'signIn.email')} value={props.email} errors={props.errors} lang={lang} required autocomplete="username" />
        <InputField name="password" type="password" label={t(lang, 'signIn.password')} value="" errors={props.errors} lang={lang} required autocomplete="current-password" />
        <div class="form-actions">
          <button type="submit" class="button">
            {t(lang, 'signIn.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export const TOKENS_PATH = '/account/tokens';

export interface TokenRow {
  id: number;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  status: 'active' | 'expired' | 'revoked';
}

const LIFETIME_CHOICES = [7, 30, 90, 180, 365];

/**
 * The user's tokens with a revoke button each, and a form for a new one. `created` is the token just made: shown
 * here once, never again (the page that carries it is not stored by caches).
 */
export function TokensPage(props: {
  ctx: PageContext;
  tokens: TokenRow[];
  created?: { name: string; token: string };
  form: { name: string; expiresInDays: string };
  errors: FieldErrors;
  defaultDays: number;
  maxDays: number;
}) {
  const { lang } = props.ctx;
  const when = (at: Date) => <time datetime={at.toISOString()}>{formatDateTime(at, lang)}</time>;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'tokens.title')}>
      <h1>{t(lang, 'tokens.title')}</h1>
      <p>{t(lang, 'tokens.intro', { max: props.maxDays })}</p>
      {props.created ? (
        <div class="notice" role="status">
          <p>{t(lang, 'tokens.created', { name: props.created.name })}</p>
          <p>
            <label for="new-token">{t(lang, 'tokens.copyNow')}</label>
          </p>
          <input id="new-token" type="text" readonly value={props.created.token} class="token-value" autocomplete="off" spellcheck={false} />
        </div>
      ) : null}
      <h2 id="token-list">{t(lang, 'tokens.list')}</h2>
      {props.tokens.length === 0 ? (
        <p>{t(lang, 'tokens.none')}</p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby="token-list">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'tokens.name')}</th>
                <th scope="col">{t(lang, 'tokens.createdAt')}</th>
                <th scope="col">{t(lang, 'tokens.expiresAt')}</th>
                <th scope="col">{t(lang, 'tokens.lastUsedAt')}</th>
                <th scope="col">{t(lang, 'tokens.status')}</th>
                <th scope="col">{t(lang, 'tokens.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((token) => (
                <tr>
                  <th scope="row">{token.name}</th>
                  <td>{when(token.createdAt)}</td>
                  <td>{when(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt) : t(lang, 'tokens.neverUsed')}</td>
                  <td>{t(lang, `tokens.status.${token.status}`)}</td>
                  <td>
                    {token.status === 'active' ? (
                      <form method="post" action={href(lang, `${TOKENS_PATH}/${token.id}/revoke`)} class="inline-form">
                        <CsrfField token={props.ctx.csrfToken} />
                        <button type="submit" class="button button-danger">
                          {t(lang, 'tokens.revoke')}
                          <span class="visually-hidden"> {token.name}</span>
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t(lang, 'tokens.new')}</h2>
      <ErrorSummary errors={props.errors} lang={lang} />
      <form method="post" action={href(lang, TOKENS_PATH)} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <InputField name="name" label={t(lang, 'tokens.name')} help={t(lang, 'tokens.nameHelp')} value={props.form.name} errors={props.errors} lang={lang} required autocomplete="off" />
        <SelectField
          name="expiresInDays"
          label={t(lang, 'tokens.lifetime')}
          value={props.form.expiresInDays}
          options={LIFETIME_CHOICES.filter((days) => days <= props.maxDays).map((days) => ({ value: String(days), label: t(lang, 'tokens.days', { days }) }))}
          errors={props.errors}
          lang={lang}
          required
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t(lang, 'tokens.create')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
