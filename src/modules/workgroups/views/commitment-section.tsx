/** The working-group section of a commitment's page: its group(s), chair, members, and the join button. */
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan, Agency, Commitment } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { commitmentPath, workingGroupPath } from '../../../web/paths.js';
import { DefinitionList, Text } from '../../../web/ui/index.js';
import type { Membership, WorkingGroup } from '../workgroups.model.js';
import { ChairText, CoChairText, MembershipPanel, OpenStatus } from './parts.js';

export function CommitmentGroupsSection(props: {
  ctx: PageContext;
  plan: ActionPlan;
  commitment: Commitment;
  groups: { group: WorkingGroup; membership: Membership | undefined }[];
  people: Map<number, PublicPerson>;
  agencies: Map<number, Agency>;
}) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const person = (id: number | null) => (id === null ? undefined : props.people.get(id));
  return (
    <section aria-labelledby="s-working-group" class="working-groups">
      <h2 id="s-working-group">{t(lang, 'workgroups.commitmentSection')}</h2>
      {props.groups.length === 0 ? <p>{t(lang, 'workgroups.commitmentSection.none')}</p> : <p>{t(lang, 'workgroups.commitmentSection.intro')}</p>}
      {props.groups.map(({ group, membership }) => (
        <article aria-labelledby={`wg-${group.id}`}>
          <h3 id={`wg-${group.id}`}>
            <a href={href(lang, workingGroupPath(plan, group))}>
              <Text value={group.name} lang={lang} />
            </a>
          </h3>
          <DefinitionList
            items={[
              {
                label: t(lang, 'workgroups.chair'),
                value: <ChairText group={group} person={person(group.chair.userId)} agencies={props.agencies} lang={lang} />,
              },
              { label: t(lang, 'workgroups.coChair'), value: <CoChairText group={group} person={person(group.coChair.userId)} lang={lang} /> },
              { label: t(lang, 'workgroups.members'), value: group.memberCount },
              { label: t(lang, 'workgroups.status'), value: <OpenStatus open={group.open} lang={lang} /> },
            ]}
          />
          <MembershipPanel
            ctx={ctx}
            plan={plan}
            group={group}
            membership={membership}
            returnTo={commitmentPath(plan, props.commitment)}
            idPrefix={`wg${group.id}`}
          />
        </article>
      ))}
    </section>
  );
}
