/** The form for a new input: a comment on a chosen part of the plan (a commitment or one of its milestones…), or a proposal of a new commitment. */
import { pick, type Localized } from '../../../domain/localized.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';
import { FormPage, InputField, SelectField, TextAreaField, planCrumbs, type FieldErrors, type Option } from '../../../web/ui/index.js';
import type { Consultation } from '../participation.model.js';
import { inputsPath, newInputPath, newProposalPath } from '../participation.paths.js';
import { HoneypotField, WordsFields } from './input-form-fields.js';

export interface NewInputValues {
  kind: 'comment' | 'proposal';
  /** "type:id", one of `targets`. */
  target: string;
  consultationId: string;
  body: string;
  lang: string;
  proposal: { title: string; problem: string; suggestedAction: string; proposedAgencyId: string };
}

export function NewInputPage(props: {
  ctx: Parameters<typeof FormPage>[0]['ctx'];
  plan: ActionPlan;
  values: NewInputValues;
  errors: FieldErrors;
  /** What the comment may be about, as "type:id" with labels (the chosen item and the parts under it). */
  targets: readonly Option[];
  consultation: Consultation | null;
  agencies: readonly { id: number; name: Localized }[];
  cancel: string;
}) {
  const { ctx, values, errors, plan } = props;
  const { lang } = ctx;
  const proposal = values.kind === 'proposal';
  const action = proposal ? newProposalPath(plan) : newInputPath(plan);
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, proposal ? 'participation.new.proposalTitle' : 'participation.new.title')}
      crumbs={[...planCrumbs(lang, plan), { label: t(lang, 'participation.inputs.title'), path: inputsPath(plan) }]}
      action={action}
      cancel={props.cancel}
      submitLabel={t(lang, 'participation.post')}
      errors={errors}
      intro={
        props.consultation ? (
          <div class="notice">
            <p>{t(lang, 'participation.new.consultation', { title: pick(props.consultation.title, lang) })}</p>
            <p>{pick(props.consultation.question, lang)}</p>
          </div>
        ) : undefined
      }
    >
      <input type="hidden" name="kind" value={values.kind} />
      {values.consultationId ? <input type="hidden" name="consultationId" value={values.consultationId} /> : null}
      {proposal ? (
        <>
          <input type="hidden" name="target" value={`plan:${plan.id}`} />
          <InputField
            name="proposal.title"
            label={t(lang, 'participation.proposal.title')}
            value={values.proposal.title}
            required
            errors={errors}
            lang={lang}
          />
          <TextAreaField
            name="proposal.problem"
            label={t(lang, 'participation.proposal.problem')}
            value={values.proposal.problem}
            rows={5}
            required
            errors={errors}
            lang={lang}
          />
          <TextAreaField
            name="proposal.suggestedAction"
            label={t(lang, 'participation.proposal.suggestedAction')}
            value={values.proposal.suggestedAction}
            rows={5}
            required
            errors={errors}
            lang={lang}
          />
          <SelectField
            name="proposal.proposedAgencyId"
            label={t(lang, 'participation.proposal.proposedAgency')}
            value={values.proposal.proposedAgencyId}
            options={props.agencies.map((a) => ({ value: String(a.id), label: pick(a.name, lang) }))}
            includeEmpty
            errors={errors}
            lang={lang}
          />
        </>
      ) : (
        <SelectField name="target" label={t(lang, 'participation.target')} value={values.target} options={props.targets} required errors={errors} lang={lang} />
      )}
      <WordsFields lang={lang} errors={errors} body={values.body} writtenIn={values.lang} />
      <HoneypotField lang={lang} id="f-website" />
    </FormPage>
  );
}
