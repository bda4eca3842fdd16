/** The frame of a form page: title, breadcrumbs, error summary, conflict notice, the post form with its CSRF field and buttons. */
import type { Child } from 'hono/jsx';
import { href, type PageContext } from '../context.js';
import { Layout, type Crumb } from '../layout.js';
import { CsrfField, ErrorSummary, FormActions, type FieldErrors } from './fields.js';

/** What a form page is given: the values its controls hold, the messages beside them, and whether a save conflicted. */
export interface FormProps<Values> {
  ctx: PageContext;
  values: Values;
  errors: FieldErrors;
  conflict?: boolean;
}

export interface FormPageProps {
  ctx: PageContext;
  /** The page's title and heading; also the last breadcrumb. */
  title: string;
  /** The trail up to the page this form belongs to (the title is added after it). */
  crumbs: readonly Crumb[];
  /** Where the form posts: a site path, put in the page's language here. */
  action: string;
  /** Where "cancel" leads: a site path. */
  cancel: string;
  submitLabel: string;
  errors: FieldErrors;
  /** Someone saved a newer version: the summary says so and the form shows the stored values. */
  conflict?: boolean | undefined;
  /** The version the form edits; absent on a form that creates. */
  version?: number | undefined;
  /** File uploads need a multipart body. */
  enctype?: 'multipart/form-data';
  /** Between the error summary and the form (a notice, the context of what is edited). */
  intro?: Child;
  children?: Child;
  /** After the form (a delete form, related links). */
  after?: Child;
}

export function FormPage(props: FormPageProps) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={props.title} crumbs={[...props.crumbs, { label: props.title }]}>
      <h1>{props.title}</h1>
      <ErrorSummary errors={props.errors} lang={lang} conflict={props.conflict} />
      {props.intro ?? null}
      <form method="post" action={href(lang, props.action)} enctype={props.enctype} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.version !== undefined ? <VersionField version={props.version} /> : null}
        {props.children}
        <FormActions lang={lang} submitLabel={props.submitLabel} cancelHref={href(lang, props.cancel)} />
      </form>
      {props.after ?? null}
    </Layout>
  );
}

/** The version an edit or an action was based on; the service refuses a stale one with 409. */
export function VersionField(props: { version: number }) {
  return <input type="hidden" name="version" value={String(props.version)} />;
}
