/** Pieces the roster's pages share: breadcrumbs, a seat's holder and term, a person's name, a call's label. */
import { pick, type Lang } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { callPath, callsPath, forumRosterPath } from '../../../web/paths.js';
import { Text, formatDate, formatPeriod, planCrumbs, type Crumb } from '../../../web/ui/index.js';
import type { NominationCall, Seat } from '../roster.model.js';

export const rosterCrumbs = (lang: Lang, plan: ActionPlan): Crumb[] => [
  ...planCrumbs(lang, plan),
  { label: t(lang, 'roster.title'), path: forumRosterPath(plan) },
];
export const callsCrumbs = (lang: Lang, plan: ActionPlan): Crumb[] => [
  ...rosterCrumbs(lang, plan),
  { label: t(lang, 'roster.calls.title'), path: callsPath(plan) },
];
export const callCrumbs = (lang: Lang, plan: ActionPlan, call: NominationCall): Crumb[] => [
  ...callsCrumbs(lang, plan),
  { label: pick(call.title, lang), path: callPath(plan, call) },
];

/** A person by name; a deleted account is a former participant. Never an e-mail. */
export function PersonName(props: { person: PublicPerson | undefined; lang: Lang }) {
  const name = props.person?.displayName;
  return <>{name ?? t(props.lang, 'people.formerParticipant')}</>;
}

/** Who holds a seat: the account's name, else the name or office recorded; nothing when nobody does. */
export function SeatHolder(props: { seat: Seat; people: Map<number, PublicPerson>; lang: Lang }) {
  const { seat, lang } = props;
  if (seat.userId !== null) return <PersonName person={props.people.get(seat.userId)} lang={lang} />;
  return <Text value={seat.holderName} lang={lang} />;
}

export function SeatTerm(props: { seat: Pick<Seat, 'startsOn' | 'endsOn'>; lang: Lang }) {
  const { seat, lang } = props;
  return <>{seat.endsOn === null ? t(lang, 'roster.termOpen', { date: formatDate(seat.startsOn, lang) }) : formatPeriod(seat.startsOn, seat.endsOn, lang)}</>;
}

export const formatShare = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** A seat as a select option or a crumb: role, sector, holder's recorded name and term. */
export function seatLabel(seat: Seat, lang: Lang, people: Map<number, PublicPerson>): string {
  const holder = seat.userId !== null ? (people.get(seat.userId)?.displayName ?? t(lang, 'people.formerParticipant')) : pick(seat.holderName, lang);
  const term = seat.endsOn === null ? t(lang, 'roster.termOpen', { date: seat.startsOn }) : `${seat.startsOn} – ${seat.endsOn}`;
  return [t(lang, `roster.role.${seat.role}`), t(lang, `roster.sector.${seat.sector}`), holder || t(lang, 'roster.vacant'), term].join(' · ');
}
