/** The suspension form: an account may not post inputs or reports for some days (the admin, site-wide moderators). */
import type { Lang } from '../../../domain/localized.js';
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { FormPage, InputField, TextAreaField, homeCrumbs, type FieldErrors } from '../../../web/ui/index.js';
import { MAX_SUSPENSION_DAYS, MAX_SUSPENSION_REASON } from '../moderation.limits.js';
import { moderationPath, newSuspensionPath } from './moderation-parts.js';

export interface SuspensionFormValues {
  userId?: string;
  days?: string;
  reason?: string;
}

export function SuspensionFields(props: { lang: Lang; values: SuspensionFormValues; errors: FieldErrors }) {
  const { lang, values, errors } = props;
  return (
    <>
      <InputField
        name="userId"
        label={t(lang, 'participation.moderation.suspension.userId')}
        help={t(lang, 'participation.moderation.suspension.userId.help')}
        value={values.userId ?? ''}
        type="number"
        required
        errors={errors}
        lang={lang}
      />
      <InputField
        name="days"
        label={t(lang, 'participation.moderation.suspension.days')}
        help={t(lang, 'participation.moderation.suspension.days.help', { max: MAX_SUSPENSION_DAYS })}
        value={values.days ?? ''}
        type="number"
        required
        errors={errors}
        lang={lang}
      />
      <TextAreaField
        name="reason"
        label={t(lang, 'participation.moderation.suspension.reason')}
        help={t(lang, 'participation.moderation.maxLength', { max: MAX_SUSPENSION_REASON })}
        value={values.reason ?? ''}
        required
        errors={errors}
        lang={lang}
      />
    </>
  );
}

export function SuspensionFormPage(props: { ctx: PageContext; values: SuspensionFormValues; errors: FieldErrors }) {
  const { ctx } = props;
  const { lang } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={t(lang, 'participation.moderation.suspend')}
      crumbs={[...homeCrumbs(lang), { label: t(lang, 'participation.moderation.title'), path: moderationPath() }]}
      action={newSuspensionPath()}
      cancel={moderationPath()}
      submitLabel={t(lang, 'participation.moderation.suspend.submit')}
      errors={props.errors}
      intro={<p class="lede">{t(lang, 'participation.moderation.suspend.help')}</p>}
    >
      <SuspensionFields lang={lang} values={props.values} errors={props.errors} />
    </FormPage>
  );
}
