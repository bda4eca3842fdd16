/** HTML pages of the repository in both languages: the lists (site, plan), the Atom feed, the form, and the files. */
import { Hono } from 'hono';
import { can } from '../../domain/authorization.js';
import { pick } from '../../domain/localized.js';
import type { ActionPlan } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import { atomXml } from '../../web/atom.js';
import { href, pageContext, siteOrigin, type AppContext, type AppEnv } from '../../web/context.js';
import { freshForm, handleDelete, handleEditForm, handleForm, positiveInt, requirePermission, type FormState } from '../../web/form-handler.js';
import { parseFormBody, postedValues } from '../../web/forms.js';
import { t } from '../../web/i18n.js';
import type { Option } from '../../web/ui/index.js';
import { parseOrThrow } from '../../web/validation.js';
import { listMeetings } from '../forum/index.js';
import { PlanHistoryPage, readPlanHistory } from '../history/index.js';
import { planBySlug, planQueries } from '../plans/index.js';
import { taipeiDay, type RepositoryDocument } from './repository.model.js';
import { documentForm, emptyDocumentValues, type DocumentFormValues } from './repository.forms.js';
import { documentEditPath, documentFilePath, documentsFeedPath, documentsPath, planDocumentsHistoryPath, planDocumentsPath } from './repository.paths.js';
import * as q from './repository.queries.js';
import { documentInput, documentPatch, documentQuery, DOCUMENTS_PAGE_SIZE } from './repository.schemas.js';
import * as service from './repository.service.js';
import { DocumentFormPage } from './views/document-form.js';
import { DocumentsPage } from './views/documents.js';

const db = (c: AppContext) => c.get('services').db;
const depsOf = (c: AppContext): service.RepositoryDeps => ({ db: db(c), now: c.get('services').now });
const FEED_SIZE = 50;

const chosenQuery = (c: AppContext): Record<string, string> => Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));

async function documentOf(c: AppContext): Promise<RepositoryDocument> {
  const d = await q.findDocumentById(db(c), positiveInt(c.req.param('id')) ?? 0);
  if (!d) throw new NotFoundError();
  return d;
}

/** The meetings and commitments a document of this plan may name, for the form's selects. */
async function choicesOf(c: AppContext, planId: string): Promise<{ plans: ActionPlan[]; meetings: Option[]; commitments: Option[] }> {
  const lang = c.get('lang');
  const plans = await planQueries.listPlans(db(c));
  const plan = plans.find((p) => String(p.id) === planId);
  if (!plan) return { plans, meetings: [], commitments: [] };
  const [meetings, commitments] = await Promise.all([listMeetings(db(c), plan.id), planQueries.listCommitmentSummaries(db(c), { planId: plan.id })]);
  return {
    plans,
    meetings: meetings.map((m) => ({ value: String(m.id), label: `${m.heldOn} ${pick(m.title, lang)}` })),
    commitments: commitments.map((cm) => ({ value: String(cm.id), label: `${cm.number} ${pick(cm.title, lang)}` })),
  };
}

export function repositoryPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  const list = async (c: AppContext, plan: ActionPlan | null) => {
    const ctx = pageContext(c);
    const query = parseOrThrow(documentQuery, chosenQuery(c), ctx.lang);
    const planId = plan?.id;
    const page = query.page ?? 1;
    const [docs, updates, plans] = await Promise.all([
      q.listDocuments(db(c), { planId, kind: query.kind, language: query.language }, { limit: DOCUMENTS_PAGE_SIZE, offset: (page - 1) * DOCUMENTS_PAGE_SIZE }),
      service.updatesOf(db(c), planId, c.get('services').now()),
      planQueries.listPlans(db(c)),
    ]);
    return c.html(
      <DocumentsPage
        ctx={ctx}
        plan={plan}
        plans={new Map(plans.map((p) => [p.id, p]))}
        items={docs.items}
        total={docs.total}
        page={page}
        pages={Math.max(1, Math.ceil(docs.total / DOCUMENTS_PAGE_SIZE))}
        query={query}
        updates={updates}
        canManage={can(ctx.actor, 'document.manage')}
      />,
    );
  };
  app.get('/documents', (c) => list(c, null));
  app.get('/plans/:slug/documents', async (c) => list(c, await planBySlug(c)));
  app.get(planDocumentsHistoryPath({ slug: ':slug' }), async (c) => {
    const plan = await planBySlug(c);
    const entries = await readPlanHistory(db(c), c.get('actor'), plan.id, ['document']);
    const of = { title: t(c.get('lang'), 'repository.planTitle'), path: planDocumentsPath(plan) };
    return c.html(<PlanHistoryPage ctx={pageContext(c)} plan={plan} of={of} entries={entries} names={new Map()} />);
  });

  app.get(documentsFeedPath, async (c) => {
    const lang = c.get('lang');
    const base = siteOrigin(c);
    const { items } = await q.listDocuments(db(c), {}, { limit: FEED_SIZE, offset: 0 });
    const xml = atomXml({
      id: `${base}${href(lang, documentsFeedPath)}`,
      title: `${t(lang, 'repository.siteTitle')} · ${t(lang, 'site.name')}`,
      link: `${base}${href(lang, documentsPath())}`,
      self: `${base}${href(lang, documentsFeedPath)}`,
      language: lang,
      updated: items.reduce((latest, d) => (d.updatedAt > latest ? d.updatedAt : latest), new Date(0)),
      generator: 'Cocreate',
      author: t(lang, 'site.name'),
      rights: t(lang, 'feed.license'),
      entries: items.map((d) => ({
        id: `${base}/api/v1/documents/${d.id}`,
        link: d.url ?? `${base}${href(lang, documentFilePath(d))}`,
        title: `${d.date} ${t(lang, `repository.kind.${d.kind}`)}: ${pick(d.title, lang)}`,
        updated: d.updatedAt,
        published: d.createdAt,
        summary: pick(d.description, lang) || undefined,
      })),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/documents/:id/file', async (c) => {
    const file = await q.findDocumentFile(db(c), positiveInt(c.req.param('id')) ?? 0);
    if (!file) throw new NotFoundError();
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': file.mediaType,
      'Content-Disposition': `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'public, max-age=3600',
    });
  });

  // ---- adding ----
  const renderNew = async (c: AppContext, values: DocumentFormValues, state: FormState, cancel: string) => {
    c.status(state.status);
    const choices = await choicesOf(c, values.planId);
    return c.html(
      <DocumentFormPage
        ctx={pageContext(c)}
        document={null}
        action="/documents/new"
        cancel={cancel}
        values={values}
        errors={state.errors}
        conflict={false}
        {...choices}
      />,
    );
  };
  const planOfQuery = async (c: AppContext) => {
    const slug = c.req.query('plan');
    return slug ? await planQueries.findPlanBySlug(db(c), slug) : undefined;
  };
  app.get('/documents/new', async (c) => {
    requirePermission(c, 'document.manage');
    const plan = await planOfQuery(c);
    return renderNew(c, emptyDocumentValues(plan?.id ?? null, taipeiDay(c.get('services').now())), freshForm, plan ? planDocumentsPath(plan) : documentsPath());
  });
  app.post('/documents/new', async (c) => {
    requirePermission(c, 'document.manage');
    return handleForm(c, {
      schema: documentInput,
      run: async (input) => {
        const posted = (await parseFormBody(c)).file;
        const file =
          posted instanceof File && (posted.size > 0 || posted.name !== '')
            ? { fileName: posted.name, bytes: new Uint8Array(await posted.arrayBuffer()) }
            : null;
        const d = await service.addDocument(depsOf(c), c.get('actor'), input, file);
        return d.planId === null ? undefined : await planQueries.findPlanById(db(c), d.planId);
      },
      redirectTo: (plan) => (plan ? planDocumentsPath(plan) : documentsPath()),
      render: async (state) => {
        const shown = emptyDocumentValues(null, '');
        const values = postedValues(state.body, shown);
        return renderNew(c, values, state, documentsPath());
      },
    });
  });

  // ---- editing and deleting ----
  const renderEdit = async (c: AppContext, d: RepositoryDocument, values: DocumentFormValues, state: FormState) => {
    c.status(state.status);
    const choices = await choicesOf(c, values.planId);
    return c.html(
      <DocumentFormPage
        ctx={pageContext(c)}
        document={d}
        action={documentEditPath(d)}
        cancel={documentsPath()}
        values={values}
        errors={state.errors}
        conflict={state.conflict}
        {...choices}
      />,
    );
  };
  app.get('/documents/:id/edit', async (c) => {
    requirePermission(c, 'document.manage');
    const d = await documentOf(c);
    return renderEdit(c, d, documentForm(d).values(d), freshForm);
  });
  app.post('/documents/:id/edit', async (c) => {
    requirePermission(c, 'document.manage');
    const d = await documentOf(c);
    return handleEditForm(c, {
      form: documentForm(d),
      reload: () => documentOf(c),
      render: (stored, values, state) => renderEdit(c, stored, values, state),
      schema: documentPatch,
      run: (input) => service.updateDocument(depsOf(c), c.get('actor'), d.id, input),
      redirectTo: () => documentsPath(),
    });
  });
  app.post('/documents/:id/delete', async (c) => {
    requirePermission(c, 'document.manage');
    const d = await documentOf(c);
    return handleDelete(c, {
      form: documentForm(d),
      reload: () => documentOf(c),
      render: (stored, values, state) => renderEdit(c, stored, values, state),
      run: (version) => service.deleteDocument(depsOf(c), c.get('actor'), d.id, version),
      redirectTo: documentsPath(),
    });
  });

  return app;
}
