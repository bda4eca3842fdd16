/** Pieces the working groups' pages share: breadcrumbs, people's names, the chair, commitment links, the join panel. */
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { commitmentPath, workingGroupMembershipPath, workingGroupPath, workingGroupSignInPath, workingGroupsPath } from '../../../web/paths.js';
import { AgencyLink, CsrfField, Notice, Text, VersionedAction, listSeparator, planCrumbs, type Crumb } from '../../../web/ui/index.js';
import type { Membership, WorkingGroup } from '../workgroups.model.js';

export const groupsCrumbs = (lang: Lang, plan: ActionPlan): Crumb[] => [
  ...planCrumbs(lang, plan),
  { label: t(lang, 'workgroups.title'), path: workingGroupsPath(plan) },
];
export const groupCrumbs = (lang: Lang, plan: ActionPlan, group: WorkingGroup): Crumb[] => [
  ...groupsCrumbs(lang, plan),
  { label: pick(group.name, lang), path: workingGroupPath(plan, group) },
];

/** A person as others may see them: the display name, or "former participant" once the account is deleted. */
export function PersonName(props: { person: PublicPerson | undefined; lang: Lang }) {
  return <>{props.person?.displayName ?? t(props.lang, 'people.formerParticipant')}</>;
}

const hasText = (text: Localized) => text.zh !== '' || text.en !== '';

/** The chair: their name (or office), their agency, and the account's name when they have one. */
export function ChairText(props: { group: WorkingGroup; person: PublicPerson | undefined; agencies: Map<number, Agency>; lang: Lang }) {
  const { group, lang } = props;
  const agency = group.chair.agencyId === null ? undefined : props.agencies.get(group.chair.agencyId);
  if (hasText(group.chair.name) || props.person) {
    // A name that is the office ("Deputy head, <agency>") already says the agency.
    const saysAgency = agency !== undefined && hasText(group.chair.name) && pick(group.chair.name, lang).includes(pick(agency.name, lang));
    return (
      <>
        {hasText(group.chair.name) ? <Text value={group.chair.name} lang={lang} /> : <PersonName person={props.person} lang={lang} />}
        {agency && !saysAgency ? (
          <>
            {' ('}
            <AgencyLink agency={agency} lang={lang} />
            {')'}
          </>
        ) : null}
      </>
    );
  }
  if (agency) return <>{t(lang, 'workgroups.chair.deputyHead', { agency: pick(agency.name, lang) })}</>;
  return <>{t(lang, 'workgroups.vacant')}</>;
}

export function CoChairText(props: { group: WorkingGroup; person: PublicPerson | undefined; lang: Lang }) {
  const { group, lang } = props;
  if (group.coChair.userId !== null) return <PersonName person={props.person} lang={lang} />;
  return hasText(group.coChair.name) ? <Text value={group.coChair.name} lang={lang} /> : <>{t(lang, 'workgroups.vacant')}</>;
}

/** The group's commitments, each by number linked to its page. */
export function CommitmentLinks(props: { plan: ActionPlan; ids: readonly number[]; numbers: Map<number, { number: string; title: Localized }>; lang: Lang }) {
  const { lang } = props;
  const known = props.ids.flatMap((id) => {
    const c = props.numbers.get(id);
    return c ? [c] : [];
  });
  return (
    <>
      {known.map((c, i) => (
        <>
          {i > 0 ? listSeparator(lang) : ''}
          <a href={href(lang, commitmentPath(props.plan, c))} title={pick(c.title, lang)}>
            {c.number}
          </a>
        </>
      ))}
    </>
  );
}

export function OpenStatus(props: { open: boolean; lang: Lang }) {
  return <span class={`status status-${props.open ? 'completed' : 'not-started'}`}>{t(props.lang, props.open ? 'workgroups.open' : 'workgroups.closed')}</span>;
}

/** A one-button form posting a yes/no in a hidden field: the member's listing, a moderator's take-down. */
export function YesNoButton(props: { ctx: PageContext; action: string; field: 'listed' | 'hidden'; value: boolean; label: string }) {
  return (
    <form method="post" action={href(props.ctx.lang, props.action)} class="inline-form">
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name={props.field} value={String(props.value)} />
      <button type="submit" class="button button-secondary">
        {props.label}
      </button>
    </form>
  );
}

/**
 * Join, leave and roster consent, as the person may: a sign-in link for a visitor (so pages for visitors carry no
 * form and stay cacheable), the join form with its consent box, or the member's own state with its buttons.
 */
export function MembershipPanel(props: {
  ctx: PageContext;
  plan: ActionPlan;
  group: WorkingGroup;
  membership: Membership | undefined;
  /** A refused join or listing change, in the page's language. */
  error?: string | undefined;
  /** Where the sign-in page returns to: the page showing the panel. */
  returnTo: string;
  /** Unique per group on a page with several panels. */
  idPrefix: string;
}) {
  const { ctx, plan, group, membership } = props;
  const { lang } = ctx;
  const error = props.error ? (
    <Notice role="alert" tone="warning">
      {props.error}
    </Notice>
  ) : null;
  if (!group.open && !membership)
    return (
      <>
        {error}
        <Notice>{t(lang, 'workgroups.closedBecause', { reason: pick(group.closedReason, lang) })}</Notice>
      </>
    );
  if (!ctx.actor)
    return (
      <p class="actions">
        <a class="button" href={href(lang, workingGroupSignInPath(href(lang, props.returnTo)))}>
          {t(lang, 'workgroups.join.signIn')}
        </a>
      </p>
    );
  if (membership) {
    const listed = membership.listed && !membership.listingHidden;
    return (
      <div class="membership">
        {error}
        <Notice tone="success" as="div">
          <p>{t(lang, 'workgroups.you.member')}</p>
          <p>{t(lang, membership.listingHidden ? 'workgroups.you.hidden' : listed ? 'workgroups.you.listed' : 'workgroups.you.unlisted')}</p>
        </Notice>
        <div class="actions">
          {membership.listingHidden ? null : (
            <YesNoButton
              ctx={ctx}
              action={workingGroupMembershipPath(plan, group, 'listing')}
              field="listed"
              value={!listed}
              label={t(lang, listed ? 'workgroups.you.unlistMe' : 'workgroups.you.listMe')}
            />
          )}
          <VersionedAction ctx={ctx} action={workingGroupMembershipPath(plan, group, 'leave')} label={t(lang, 'workgroups.leave')} tone="secondary" />
        </div>
      </div>
    );
  }
  const boxId = `${props.idPrefix}-listed`;
  return (
    <form method="post" action={href(lang, workingGroupMembershipPath(plan, group, 'join'))} class="join-form">
      {error}
      <CsrfField token={ctx.csrfToken} />
      <div class="checkbox">
        <input type="checkbox" id={boxId} name="listed" value="true" aria-describedby={`${boxId}-help`} />
        <label for={boxId}>{t(lang, 'workgroups.join.listMe')}</label>
      </div>
      <p class="help" id={`${boxId}-help`}>
        {t(lang, 'workgroups.join.listMe.help')}
      </p>
      <button type="submit" class="button">
        {t(lang, 'workgroups.join')}
      </button>
    </form>
  );
}
