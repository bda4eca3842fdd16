/** The secret ballot: the accepted nominees, up to the call's number of seats to mark; or why this person cannot vote. */
import { pick } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan } from '../../../domain/plan.js';
import type { PageContext } from '../../../web/context.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { callActionPath, callPath } from '../../../web/paths.js';
import { CheckboxGroup, FormPage, Notice, type FieldErrors } from '../../../web/ui/index.js';
import type { BallotFormValues } from '../roster.forms.js';
import type { Nomination, NominationCall } from '../roster.model.js';
import { callCrumbs } from './parts.js';

export interface BallotPageProps {
  ctx: PageContext;
  plan: ActionPlan;
  call: NominationCall;
  nominations: Nomination[];
  people: Map<number, PublicPerson>;
  /** Why the form is not shown, if it is not: voting is not open, this person has voted, or may not vote. */
  refusal: 'closed' | 'already' | 'notEligible' | undefined;
  values: BallotFormValues;
  errors: FieldErrors;
}

export function BallotPage(props: BallotPageProps) {
  const { ctx, plan, call, values: v, errors } = props;
  const { lang } = ctx;
  const title = t(lang, 'roster.ballot.title', { call: pick(call.title, lang) });
  if (props.refusal)
    return (
      <Layout ctx={ctx} title={title} crumbs={[...callCrumbs(lang, plan, call), { label: title }]}>
        <h1>{title}</h1>
        <Notice tone={props.refusal === 'notEligible' ? 'warning' : 'info'}>
          {props.refusal === 'closed'
            ? call.method === 'election'
              ? t(lang, 'roster.error.votingClosed', { from: call.votingOpensOn ?? '', to: call.votingClosesOn ?? '' })
              : t(lang, 'roster.error.noVoting')
            : t(lang, props.refusal === 'already' ? 'roster.ballot.already' : 'roster.ballot.notEligible')}{' '}
          <a href={href(lang, callPath(plan, call))}>{pick(call.title, lang)}</a>
        </Notice>
      </Layout>
    );
  return (
    <FormPage
      ctx={ctx}
      title={title}
      crumbs={callCrumbs(lang, plan, call)}
      action={callActionPath(plan, call, 'ballot')}
      errors={errors}
      submitLabel={t(lang, 'roster.ballot.submit')}
      cancel={callPath(plan, call)}
      intro={<Notice tone="info">{t(lang, 'roster.ballot.secret')}</Notice>}
    >
      <CheckboxGroup
        {...{ errors, lang }}
        name="nominationIds"
        label={t(lang, 'roster.ballot.marks', { seats: call.seats })}
        values={v.nominationIds}
        options={props.nominations.map((n) => ({
          value: String(n.id),
          label: props.people.get(n.nomineeId)?.displayName ?? t(lang, 'people.formerParticipant'),
        }))}
      />
    </FormPage>
  );
}
