/** The import page: the secretariat uploads (or pastes) a CSV of inputs gathered elsewhere; the whole file is checked first. */
import { Hono } from 'hono';
import type { Lang } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import { ValidationError } from '../../errors.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { positiveInt, requirePermission } from '../../web/form-handler.js';
import { firstValue, parseFormBody } from '../../web/forms.js';
import { problemMessage } from '../../web/i18n.js';
import type { FieldErrors } from '../../web/ui/index.js';
import { planBySlug } from '../plans/index.js';
import { IMPORT_MAX_BYTES } from './import.js';
import { importInputs } from './import.service.js';
import * as q from './participation.queries.js';
import { emptyImport, ImportPage, type ImportValues } from './views/import.js';
import { inputImportPath } from './participation.paths.js';

const db = (c: AppContext) => c.get('services').db;
const deps = (c: AppContext) => ({ db: db(c), now: c.get('services').now });

/** The refusal as the page shows it: the count (and the consultation's problem) beside the fields, each row's problem in the list. */
export function importErrors(error: ValidationError, lang: Lang): { errors: FieldErrors; problems: string[] } {
  const errors: FieldErrors = { ...error.messages };
  const problems: string[] = [];
  for (const p of error.problems) {
    const message = problemMessage(lang, p.key, p.params);
    if (p.field === 'csv' || p.field === 'consultation' || p.field === 'file') errors[p.field] ??= message;
    else problems.push(message);
  }
  return { errors, problems };
}

/** The uploaded file's text (a file takes the place of pasted text); one that is too large or not UTF-8 is refused beside the file field. */
async function uploadedText(posted: Record<string, unknown>): Promise<string | undefined> {
  const file = [posted.file].flat().find((f): f is File => f instanceof File && f.size > 0);
  if (!file) return undefined;
  if (file.size > IMPORT_MAX_BYTES) throw new ValidationError([{ field: 'file', key: 'participation.import.error.tooLarge', params: { max: '2 MB' } }]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new ValidationError([{ field: 'file', key: 'participation.import.error.notUtf8' }]);
  }
}

export function importPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  const render = async (
    c: AppContext,
    plan: ActionPlan,
    values: ImportValues,
    state: { errors?: FieldErrors; problems?: string[]; imported?: number } = {},
    status: 200 | 400 = 200,
  ) => {
    const consultations = await q.listConsultations(db(c), plan.id);
    return c.html(
      <ImportPage
        ctx={pageContext(c)}
        plan={plan}
        consultations={consultations}
        values={values}
        errors={state.errors ?? {}}
        problems={state.problems ?? []}
        imported={state.imported}
      />,
      status,
    );
  };

  app.get('/plans/:slug/inputs/import', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'input.import', { planId: plan.id });
    const imported = c.req.query('imported');
    return render(c, plan, emptyImport(), { imported: imported === '0' ? 0 : positiveInt(imported) });
  });

  app.post('/plans/:slug/inputs/import', async (c) => {
    const plan = await planBySlug(c);
    requirePermission(c, 'input.import', { planId: plan.id });
    const lang = c.get('lang');
    const posted = await parseFormBody(c);
    const values: ImportValues = { csv: firstValue(posted.csv) ?? '', consultation: firstValue(posted.consultation) ?? '' };
    try {
      const csv = (await uploadedText(posted)) ?? values.csv;
      const consultationId = values.consultation === '' ? undefined : positiveInt(values.consultation);
      if (values.consultation !== '' && consultationId === undefined)
        throw new ValidationError([{ field: 'consultation', key: 'participation.import.error.consultation' }]);
      const { imported } = await importInputs(deps(c), c.get('actor'), plan.id, csv, consultationId === undefined ? {} : { consultationId });
      return c.redirect(`${href(lang, inputImportPath(plan))}?imported=${imported}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // The pasted text stays in the form to be corrected; an uploaded file is chosen again.
      return render(c, plan, values, importErrors(error, lang), 400);
    }
  });

  return app;
}
