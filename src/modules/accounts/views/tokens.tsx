/**
 * The user's API tokens with a revoke button each, and a form for a new one. `created` is the token just made: shown
 * here once, never again (the page that carries it is not stored by caches).
 */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { tokenRevokePath, tokensPath } from '../../../web/paths.js';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  InputField,
  Notice,
  SelectField,
  VersionedAction,
  formatDateTime,
  type FieldErrors,
} from '../../../web/ui/index.js';
import type { TokenValues } from '../accounts.forms.js';
import { SubmitActions } from './parts.js';

export interface TokenRow {
  id: number;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  status: 'active' | 'expired' | 'revoked';
  scope: 'read' | 'write';
}

const LIFETIME_CHOICES = [7, 30, 90, 180, 365];

export function TokensPage(props: {
  ctx: PageContext;
  tokens: TokenRow[];
  created?: { name: string; token: string } | undefined;
  values: TokenValues;
  errors: FieldErrors;
  maxDays: number;
}) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const when = (at: Date) => <time datetime={at.toISOString()}>{formatDateTime(at, lang)}</time>;
  return (
    <Layout ctx={ctx} title={t(lang, 'tokens.title')}>
      <h1>{t(lang, 'tokens.title')}</h1>
      <p>{t(lang, 'tokens.intro', { max: props.maxDays })}</p>
      {props.created ? (
        <Notice as="div" role="status">
          <p>{t(lang, 'tokens.created', { name: props.created.name })}</p>
          <p>
            <label for="new-token">{t(lang, 'tokens.copyNow')}</label>
          </p>
          <input id="new-token" type="text" readonly value={props.created.token} class="token-value" autocomplete="off" spellcheck={false} />
        </Notice>
      ) : null}
      <h2 id="token-list">{t(lang, 'tokens.list')}</h2>
      <DataTable
        labelledBy="token-list"
        rows={props.tokens}
        empty={t(lang, 'tokens.none')}
        columns={[
          { header: t(lang, 'tokens.name'), rowHeader: true, cell: (token) => token.name },
          { header: t(lang, 'tokens.createdAt'), cell: (token) => when(token.createdAt) },
          { header: t(lang, 'tokens.expiresAt'), cell: (token) => when(token.expiresAt) },
          { header: t(lang, 'tokens.lastUsedAt'), cell: (token) => (token.lastUsedAt ? when(token.lastUsedAt) : t(lang, 'tokens.neverUsed')) },
          { header: t(lang, 'tokens.scope'), cell: (token) => t(lang, `tokens.scope.${token.scope}`) },
          { header: t(lang, 'tokens.status'), cell: (token) => t(lang, `tokens.status.${token.status}`) },
          {
            header: t(lang, 'tokens.actions'),
            cell: (token) =>
              token.status === 'active' ? (
                <VersionedAction
                  ctx={ctx}
                  action={tokenRevokePath(token)}
                  tone="danger"
                  label={
                    <>
                      {t(lang, 'tokens.revoke')}
                      <span class="visually-hidden"> {token.name}</span>
                    </>
                  }
                />
              ) : null,
          },
        ]}
      />
      <h2>{t(lang, 'tokens.new')}</h2>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, tokensPath)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <InputField name="name" label={t(lang, 'tokens.name')} help={t(lang, 'tokens.nameHelp')} value={values.name} {...field} required autocomplete="off" />
        <SelectField
          name="expiresInDays"
          label={t(lang, 'tokens.lifetime')}
          value={values.expiresInDays}
          options={LIFETIME_CHOICES.filter((days) => days <= props.maxDays).map((days) => ({ value: String(days), label: t(lang, 'tokens.days', { days }) }))}
          {...field}
          required
        />
        <SelectField
          name="scope"
          label={t(lang, 'tokens.scope')}
          help={t(lang, 'tokens.scopeHelp')}
          value={values.scope}
          options={(['read', 'write'] as const).map((scope) => ({ value: scope, label: t(lang, `tokens.scope.${scope}`) }))}
          {...field}
          required
        />
        <SubmitActions label={t(lang, 'tokens.create')} />
      </form>
    </Layout>
  );
}
