/** The home page: every plan, grouped by the government that made it. */
import type { ActionPlan, Member } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { newPlanPath, planPath } from '../../../web/paths.js';
import { DefinitionList, Text, formatPeriod } from '../../../web/ui/index.js';

export interface HomePlan {
  plan: ActionPlan;
  commitmentCount: number;
}

export function HomePage(props: { ctx: PageContext; members: Member[]; plans: HomePlan[]; canCreate: boolean }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'home.title')} description={t(lang, 'site.tagline')}>
      <h1>{t(lang, 'home.title')}</h1>
      <p class="lede">{t(lang, 'home.intro')}</p>
      {props.canCreate ? (
        <p class="actions">
          <a class="button" href={href(lang, newPlanPath)}>
            {t(lang, 'home.newPlan')}
          </a>
        </p>
      ) : null}
      {props.plans.length === 0 ? <p>{t(lang, 'home.noPlans')}</p> : null}
      {props.members.map((member) => {
        const plans = props.plans.filter((p) => p.plan.memberId === member.id);
        if (plans.length === 0) return null;
        return (
          <section aria-labelledby={`member-${member.id}`}>
            <h2 id={`member-${member.id}`}>
              <Text value={member.name} lang={lang} /> <span class="badge">{t(lang, `member.kind.${member.kind}`)}</span>
            </h2>
            <ul class="cards">
              {plans.map(({ plan, commitmentCount }) => (
                <li class="card">
                  <h3>
                    <a href={href(lang, planPath(plan))}>
                      <Text value={plan.title} lang={lang} />
                    </a>
                  </h3>
                  <DefinitionList
                    items={[
                      { label: t(lang, 'plan.period'), value: formatPeriod(plan.periodStart, plan.periodEnd, lang) },
                      { label: t(lang, 'plan.status'), value: t(lang, `plan.status.${plan.status}`) },
                      { label: t(lang, 'plan.commitments'), value: t(lang, 'home.commitments', { count: commitmentCount }) },
                    ]}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
