/**
 * A working group's page: what it is for, its operating rules, chair and co-chair, the join / leave panel, the public
 * roster (only those who consented; the others counted), and its meetings. Moderators see the listings to take down.
 */
import type { Child } from 'hono/jsx';
import { pick, type Localized } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { meetingPath, workingGroupEditPath, workingGroupMemberListingPath, workingGroupPath } from '../../../web/paths.js';
import { DataTable, DefinitionList, DemoNotice, Paragraphs, Text, type Option, DateText } from '../../../web/ui/index.js';
import type { Membership } from '../workgroups.model.js';
import type { WorkingGroupView } from '../workgroups.service.js';
import { ChairText, CoChairText, CommitmentLinks, MembershipPanel, OpenStatus, PersonName, YesNoButton, groupsCrumbs } from './parts.js';

type RosterRow = WorkingGroupView['roster'][number];

export function WorkingGroupPage(props: {
  ctx: PageContext;
  plan: ActionPlan;
  view: WorkingGroupView;
  agencies: Map<number, Agency>;
  commitments: Map<number, { number: string; title: Localized }>;
  stakeholderGroups: Option[];
  membership: Membership | undefined;
  /** A refused join or listing change, in the page's language. */
  error?: string | undefined;
  canEdit: boolean;
  /** Listings a moderator may take down or put back (only for those who may). */
  moderation: { hidden: { membership: Membership; person: PublicPerson | undefined }[] } | undefined;
  /** The forum's meetings of this group, newest first. */
  meetings: { id: number; heldOn: string; title: Localized }[];
  /** The follow button (the notifications capability's). */
  follow?: Child;
}) {
  const { ctx, plan, view } = props;
  const { group } = view;
  const { lang } = ctx;
  const title = pick(group.name, lang);
  const groupName = (code: string | null) => props.stakeholderGroups.find((g) => g.value === code)?.label ?? '';
  const moderating = props.moderation !== undefined;
  return (
    <Layout ctx={ctx} title={title} crumbs={[...groupsCrumbs(lang, plan), { label: title }]}>
      <h1>{title}</h1>
      {props.follow ?? null}
      {group.isDemo ? <DemoNotice lang={lang} message={t(lang, 'workgroups.demoNotice')} /> : null}
      <DefinitionList
        items={[
          { label: t(lang, 'workgroups.kind'), value: t(lang, `workgroups.kind.${group.kind}`) },
          {
            label: t(lang, 'workgroups.commitments'),
            value: <CommitmentLinks plan={plan} ids={group.commitmentIds} numbers={props.commitments} lang={lang} />,
          },
          { label: t(lang, 'workgroups.chair'), value: <ChairText group={group} person={view.people.chair} agencies={props.agencies} lang={lang} /> },
          { label: t(lang, 'workgroups.coChair'), value: <CoChairText group={group} person={view.people.coChair} lang={lang} /> },
          { label: t(lang, 'workgroups.members'), value: view.memberCount },
          { label: t(lang, 'workgroups.status'), value: <OpenStatus open={group.open} lang={lang} /> },
        ]}
      />
      {props.canEdit ? (
        <p class="actions">
          <a class="button button-secondary" href={href(lang, workingGroupEditPath(plan, group))}>
            {t(lang, 'workgroups.edit')}
          </a>
        </p>
      ) : null}

      <section aria-labelledby="s-membership">
        <h2 id="s-membership">{t(lang, 'workgroups.membership')}</h2>
        <MembershipPanel
          ctx={ctx}
          plan={plan}
          group={group}
          membership={props.membership}
          error={props.error}
          returnTo={workingGroupPath(plan, group)}
          idPrefix={`g${group.id}`}
        />
      </section>

      {pick(group.purpose, lang) ? (
        <section aria-labelledby="s-purpose">
          <h2 id="s-purpose">{t(lang, 'workgroups.purpose')}</h2>
          <Paragraphs value={group.purpose} lang={lang} />
        </section>
      ) : null}
      {pick(group.rules, lang) ? (
        <section aria-labelledby="s-rules">
          <h2 id="s-rules">{t(lang, 'workgroups.rules')}</h2>
          <Paragraphs value={group.rules} lang={lang} />
        </section>
      ) : null}

      <section aria-labelledby="s-roster">
        <h2 id="s-roster">{t(lang, 'workgroups.roster')}</h2>
        <p>{t(lang, 'workgroups.roster.intro')}</p>
        <DataTable<RosterRow>
          labelledBy="s-roster"
          rows={view.roster}
          empty={view.unlistedCount > 0 ? t(lang, 'workgroups.roster.onlyUnlisted', { count: view.unlistedCount }) : t(lang, 'workgroups.roster.none')}
          columns={[
            { header: t(lang, 'workgroups.person.name'), rowHeader: true, cell: (r) => <PersonName person={r.person} lang={lang} /> },
            { header: t(lang, 'workgroups.person.organisation'), cell: (r) => r.person.organisation ?? '' },
            { header: t(lang, 'workgroups.person.stakeholderGroup'), cell: (r) => groupName(r.person.stakeholderGroup) },
            moderating
              ? {
                  header: t(lang, 'workgroups.moderate.hide'),
                  cell: (r) => (
                    <YesNoButton
                      ctx={ctx}
                      action={workingGroupMemberListingPath(plan, group, { id: r.membership.userId })}
                      field="hidden"
                      value={true}
                      label={t(lang, 'workgroups.moderate.hide')}
                    />
                  ),
                }
              : null,
          ]}
        />
        {view.roster.length > 0 && view.unlistedCount > 0 ? <p>{t(lang, 'workgroups.roster.more', { count: view.unlistedCount })}</p> : null}
      </section>

      {props.moderation && props.moderation.hidden.length > 0 ? (
        <section aria-labelledby="s-moderated">
          <h2 id="s-moderated">{t(lang, 'workgroups.moderate.hidden')}</h2>
          <DataTable<{ membership: Membership; person: PublicPerson | undefined }>
            caption={t(lang, 'workgroups.moderate.caption')}
            hideCaption
            rows={props.moderation.hidden}
            columns={[
              { header: t(lang, 'workgroups.person.name'), rowHeader: true, cell: (r) => <PersonName person={r.person} lang={lang} /> },
              {
                header: t(lang, 'workgroups.moderate.show'),
                cell: (r) => (
                  <YesNoButton
                    ctx={ctx}
                    action={workingGroupMemberListingPath(plan, group, { id: r.membership.userId })}
                    field="hidden"
                    value={false}
                    label={t(lang, 'workgroups.moderate.show')}
                  />
                ),
              },
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="s-meetings">
        <h2 id="s-meetings">{t(lang, 'workgroups.meetings')}</h2>
        {props.meetings.length === 0 ? (
          <p>{t(lang, 'workgroups.meetings.none')}</p>
        ) : (
          <ul>
            {props.meetings.map((m) => (
              <li>
                <a href={href(lang, meetingPath(plan, m))}>
                  <DateText date={m.heldOn} lang={lang} /> <Text value={m.title} lang={lang} />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
