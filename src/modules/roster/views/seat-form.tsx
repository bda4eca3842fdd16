/** The secretariat's form for a seat: sector, role, term, holder (account or name), agency, how filled, the seat it continues. */
import { pick } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan, Agency } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { forumRosterPath, newSeatPath, seatDeletePath, seatEditPath } from '../../../web/paths.js';
import { CheckboxGroup, DeleteAction, FormPage, InputField, LocalizedField, SelectField, type FormProps } from '../../../web/ui/index.js';
import type { SeatFormValues } from '../roster.forms.js';
import { FILLED_BY, SEAT_ROLES, SECTORS, type NominationCall, type Seat } from '../roster.model.js';
import { PersonName, rosterCrumbs, seatLabel } from './parts.js';

export function SeatFormPage(
  props: FormProps<SeatFormValues> & {
    plan: ActionPlan;
    seat: Seat | null;
    agencies: Agency[];
    calls: NominationCall[];
    seats: Seat[];
    people: Map<number, PublicPerson>;
  },
) {
  const { ctx, plan, seat, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const options = <T extends string>(values: readonly T[], key: (v: T) => string) => values.map((value) => ({ value, label: key(value) }));
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, seat ? 'roster.editSeat' : 'roster.newSeat')}
      crumbs={rosterCrumbs(lang, plan)}
      action={seat ? seatEditPath(plan, seat) : newSeatPath(plan)}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, seat ? 'form.save' : 'form.create')}
      cancel={forumRosterPath(plan)}
      after={seat ? <DeleteAction ctx={ctx} action={seatDeletePath(plan, seat)} version={seat.version} label={t(lang, 'roster.deleteSeat')} /> : null}
    >
      <SelectField
        {...field}
        name="sector"
        label={t(lang, 'roster.sector')}
        value={v.sector}
        required
        options={options(SECTORS, (s) => t(lang, `roster.sector.${s}`))}
      />
      <SelectField
        {...field}
        name="role"
        label={t(lang, 'roster.role')}
        value={v.role}
        required
        options={options(SEAT_ROLES, (r) => t(lang, `roster.role.${r}`))}
      />
      <InputField {...field} name="startsOn" type="date" label={t(lang, 'roster.seat.startsOn')} value={v.startsOn} required />
      <InputField {...field} name="endsOn" type="date" label={t(lang, 'roster.seat.endsOn')} help={t(lang, 'roster.seat.endsOn.help')} value={v.endsOn} />
      {seat ? (
        <p>
          {t(lang, 'roster.seat.account')}:{' '}
          {seat.userId === null ? t(lang, 'roster.seat.noAccount') : <PersonName person={props.people.get(seat.userId)} lang={lang} />}
        </p>
      ) : null}
      <InputField
        {...field}
        name="holderEmail"
        type="email"
        autocomplete="off"
        label={t(lang, 'roster.seat.holderEmail')}
        help={t(lang, 'roster.seat.holderEmail.help')}
        value={v.holderEmail}
      />
      {seat?.userId != null ? (
        <CheckboxGroup
          {...field}
          name="unlink"
          label={t(lang, 'roster.seat.account')}
          values={v.unlink}
          options={[{ value: 'on', label: t(lang, 'roster.seat.unlink') }]}
        />
      ) : null}
      <LocalizedField
        {...field}
        name="holderName"
        label={t(lang, 'roster.seat.holderName')}
        help={t(lang, 'roster.seat.holderName.help')}
        value={v.holderName}
      />
      <SelectField
        {...field}
        name="agencyId"
        label={t(lang, 'roster.agency')}
        help={t(lang, 'roster.seat.agency.help')}
        value={v.agencyId}
        includeEmpty
        options={props.agencies.map((a) => ({ value: String(a.id), label: `${pick(a.name, lang)} (${a.code})` }))}
      />
      <SelectField
        {...field}
        name="filledBy"
        label={t(lang, 'roster.filledBy')}
        value={v.filledBy}
        required
        options={options(FILLED_BY, (f) => t(lang, `roster.filledBy.${f}`))}
      />
      <SelectField
        {...field}
        name="callId"
        label={t(lang, 'roster.seat.call')}
        help={t(lang, 'roster.seat.call.help')}
        value={v.callId}
        includeEmpty
        options={props.calls.map((c) => ({ value: String(c.id), label: pick(c.title, lang) }))}
      />
      <SelectField
        {...field}
        name="replacesSeatId"
        label={t(lang, 'roster.seat.replaces')}
        help={t(lang, 'roster.seat.replaces.help')}
        value={v.replacesSeatId}
        includeEmpty
        options={props.seats.filter((s) => s.id !== seat?.id).map((s) => ({ value: String(s.id), label: seatLabel(s, lang, props.people) }))}
      />
    </FormPage>
  );
}
