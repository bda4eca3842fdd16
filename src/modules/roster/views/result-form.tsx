/**
 * The secretariat publishes a call's result. An election: the ballots are counted on publication (the form shows
 * no count before it), with the lot's draw recorded when the call's rule needs one. A panel: the nominees it chose,
 * each with its reason.
 */
import { pick } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { callActionPath, callPath } from '../../../web/paths.js';
import { CheckboxGroup, FormPage, LocalizedField, Notice, type FormProps } from '../../../web/ui/index.js';
import type { ResultFormValues } from '../roster.forms.js';
import type { Nomination, NominationCall } from '../roster.model.js';
import { callCrumbs } from './parts.js';

export function ResultFormPage(
  props: FormProps<ResultFormValues> & { plan: ActionPlan; call: NominationCall; nominations: Nomination[]; people: Map<number, PublicPerson> },
) {
  const { ctx, plan, call, values: v, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  const name = (n: Nomination) => props.people.get(n.nomineeId)?.displayName ?? t(lang, 'people.formerParticipant');
  const options = props.nominations.map((n) => ({ value: String(n.id), label: name(n) }));
  const election = call.method === 'election';
  return (
    <FormPage
      ctx={ctx}
      title={`${t(lang, 'roster.result.publish')}: ${pick(call.title, lang)}`}
      crumbs={callCrumbs(lang, plan, call)}
      action={callActionPath(plan, call, 'result')}
      errors={errors}
      conflict={props.conflict}
      version={v.version}
      submitLabel={t(lang, 'roster.result.publish')}
      cancel={callPath(plan, call)}
      intro={
        <Notice tone="info">
          {election ? (
            <>
              {t(lang, 'roster.result.intro.election')} {t(lang, 'roster.result.ballots', { count: call.ballotsCast })}
            </>
          ) : (
            t(lang, 'roster.result.intro.panel', { seats: call.seats })
          )}
        </Notice>
      }
    >
      {election && call.tieRule === 'lot' ? (
        <>
          <CheckboxGroup {...field} name="drawn" label={t(lang, 'roster.result.drawn')} values={v.drawn} options={options} />
          <p class="help">{t(lang, 'roster.result.drawn.help')}</p>
          <LocalizedField
            {...field}
            name="drawRecord"
            label={t(lang, 'roster.result.drawRecord')}
            help={t(lang, 'roster.result.drawRecord.help')}
            value={v.drawRecord}
            multiline
            rows={3}
          />
        </>
      ) : null}
      {election ? null : (
        <>
          <CheckboxGroup {...field} name="chosen" label={t(lang, 'roster.result.choose')} values={v.chosen} options={options} />
          {props.nominations.map((n) => (
            <LocalizedField
              {...field}
              name={`reasons.${n.id}`}
              label={`${t(lang, 'roster.nomination.reason')}: ${name(n)}`}
              value={v.reasons[String(n.id)] ?? { zh: '', en: '', status: 'missing' }}
              multiline
              rows={3}
            />
          ))}
        </>
      )}
      <LocalizedField {...field} name="note" label={t(lang, 'roster.result.note')} value={v.note} multiline rows={3} />
    </FormPage>
  );
}
