/**
 * One moderation form on its own page: reached from the input's page without JavaScript, and shown again with the
 * messages beside its fields after a refused post (400) or a stale version (409).
 */
import { can } from '../../../domain/authorization.js';
import type { Localized } from '../../../domain/localized.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { ErrorSummary, Notice, planCrumbs } from '../../../web/ui/index.js';
import { isReadable, type Input } from '../participation.model.js';
import { inputPath } from '../participation.paths.js';
import { AppealDecisionForm, AppealForm, HiddenNotice, ModerateInputForm, ReportInputForm, type ShownForm } from './moderation-forms.js';
import { ModeratedWords, type InputModerationAction } from './moderation-parts.js';

const TITLES = {
  report: 'participation.moderation.report',
  hide: 'participation.moderation.hide',
  restore: 'participation.moderation.restore',
  dismiss: 'participation.moderation.dismiss',
  appeal: 'participation.moderation.appeal',
  'appeal/decide': 'participation.moderation.decide',
} as const satisfies Record<InputModerationAction, string>;

export function ModerationActionPage(
  props: ShownForm & {
    ctx: PageContext;
    plan: { slug: string; title: Localized };
    input: Input;
    action: InputModerationAction;
    conflict?: boolean;
    /** A report just made, or one made before (reports are one per person and input). */
    reported?: 'new' | 'again';
  },
) {
  const { ctx, plan, input, action } = props;
  const { lang } = ctx;
  const title = t(lang, TITLES[action]);
  const errors = props.errors ?? {};
  const moderator = can(ctx.actor, 'input.moderate', { planId: input.planId });
  const author = ctx.actor !== null && input.authorId === ctx.actor.id;
  const shown = { ctx, plan, input, values: props.values, errors, open: true };
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        ...planCrumbs(lang, plan),
        { label: t(lang, 'participation.moderation.inputCrumb', { id: input.id }), path: inputPath(plan, input) },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} lang={lang} conflict={props.conflict} />
      {props.reported ? (
        <Notice tone="success" role="status">
          {t(lang, props.reported === 'new' ? 'participation.moderation.reported' : 'participation.moderation.reportedBefore')}
        </Notice>
      ) : null}
      <HiddenNotice input={input} lang={lang} />
      {isReadable(input) || moderator || author ? <ModeratedWords input={input} lang={lang} /> : null}
      {action === 'report' && !props.reported ? <ReportInputForm {...shown} /> : null}
      {action === 'appeal' ? <AppealForm {...shown} /> : null}
      {action === 'appeal/decide' ? <AppealDecisionForm {...shown} /> : null}
      {action === 'hide' || action === 'restore' || action === 'dismiss' ? <ModerateInputForm {...shown} /> : null}
      <p>
        <a href={href(lang, inputPath(plan, input))}>{t(lang, 'participation.moderation.backToInput')}</a>
      </p>
    </Layout>
  );
}
