/** Changes since adoption, for a plan or one of its commitments: the adoption, amendments with their decision, editorial corrections. */
import { pick } from '../../../domain/localized.js';
import type { ActionPlan, Commitment } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { commitmentCrumbs, Notice, planCrumbs } from '../../../web/ui/index.js';
import type { PresentedAmendment, PresentedCorrection } from '../amendments.api.js';
import { adoptionPath, versionsPath } from '../amendments.paths.js';
import type { Adoption } from '../amendments.queries.js';
import { AdoptionFacts, AmendmentSummary, CorrectionSummary } from './parts.js';

export function ChangesPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  commitment: Commitment | null;
  adoption: Adoption | undefined;
  amendments: PresentedAmendment[];
  corrections: PresentedCorrection[];
  canAdopt: boolean;
}) {
  const { ctx, plan, commitment } = props;
  const { lang } = ctx;
  const of = commitment ? `${commitment.number} ${pick(commitment.title, lang)}` : pick(plan.title, lang);
  const title = t(lang, 'amendments.changes.title', { title: of });
  const crumbs = commitment ? commitmentCrumbs(lang, plan, commitment) : planCrumbs(lang, plan);
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbs, { label: t(lang, 'amendments.changes.link') }]}>
      <h1>{title}</h1>
      <p>{t(lang, 'amendments.changes.intro')}</p>
      <section aria-labelledby="s-adoption">
        <h2 id="s-adoption">{t(lang, 'amendments.adoption.heading')}</h2>
        {props.adoption ? <AdoptionFacts ctx={ctx} adoption={props.adoption} /> : <Notice>{t(lang, 'amendments.notAdopted')}</Notice>}
        {!props.adoption && props.canAdopt ? (
          <p>
            <a class="button" href={href(lang, adoptionPath(plan))}>
              {t(lang, 'amendments.adoption.record')}
            </a>
          </p>
        ) : null}
        <p>
          <a href={href(lang, versionsPath(plan))}>{t(lang, 'amendments.versions.link')}</a>
        </p>
      </section>
      <section aria-labelledby="s-amendments">
        <h2 id="s-amendments">{t(lang, 'amendments.list.heading')}</h2>
        {props.amendments.length === 0 ? <p>{t(lang, 'amendments.list.empty')}</p> : null}
        {props.amendments.map((a) => (
          <AmendmentSummary ctx={ctx} plan={plan} amendment={a} heading="h3" link />
        ))}
      </section>
      <section aria-labelledby="s-corrections">
        <h2 id="s-corrections">{t(lang, 'amendments.corrections.heading')}</h2>
        {props.corrections.length === 0 ? <p>{t(lang, 'amendments.corrections.empty')}</p> : null}
        {props.corrections.map((x) => (
          <CorrectionSummary ctx={ctx} correction={x} />
        ))}
      </section>
    </Layout>
  );
}
