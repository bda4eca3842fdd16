/**
 * What moderation's pages and forms share: their paths (to move into web/paths.ts, see the report), how an input is
 * shown to moderators (its words even when hidden), and the select options.
 */
import type { Lang } from '../../../domain/localized.js';
import { REPORT_REASONS } from '../../../domain/participation.js';
import { t } from '../../../web/i18n.js';
import { inputPath } from '../participation.paths.js';
import type { Input } from '../participation.model.js';

type PlanRef = { slug: string };
type IdRef = { id: number };

/** The moderation page: reports waiting, appeals waiting, the log (`page`), suspensions. */
export const moderationPath = (page?: number) => (page && page > 1 ? `/moderation?page=${page}` : '/moderation');
/** The suspension form, and where it posts; `userId` fills in the account. */
export const newSuspensionPath = (userId?: number) => (userId ? `/moderation/suspensions/new?userId=${userId}` : '/moderation/suspensions/new');
export const liftSuspensionPath = (s: IdRef) => `/moderation/suspensions/${s.id}/lift`;

export const INPUT_MODERATION_ACTIONS = ['report', 'hide', 'restore', 'dismiss', 'appeal', 'appeal/decide'] as const;
export type InputModerationAction = (typeof INPUT_MODERATION_ACTIONS)[number];
/** An input's moderation forms: each shows on its own page (GET) and posts there; the input's page embeds them. */
export const inputModerationPath = (plan: PlanRef, input: IdRef, action: InputModerationAction) => `${inputPath(plan, input)}/${action}`;

export const reportReasonOptions = (lang: Lang) => REPORT_REASONS.map((r) => ({ value: r, label: t(lang, `participation.moderation.reason.${r}`) }));

/** An input as moderators read it: its kind and state, a proposal's title, and its words (hidden or not). */
export function ModeratedWords(props: { input: Input; lang: Lang }) {
  const { input, lang } = props;
  return (
    <blockquote class="moderated-words" lang={input.lang === 'en' ? 'en' : 'zh-TW'}>
      {input.kind === 'proposal' && input.proposal.title !== '' ? <p>{input.proposal.title}</p> : null}
      {input.body.split(/\n{2,}/).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <footer>
        <small lang={lang === 'en' ? 'en' : 'zh-TW'}>{t(lang, `participation.moderation.state.${input.state}`)}</small>
      </footer>
    </blockquote>
  );
}
