/** The public-input section of a commitment's page: how its inputs were answered, the latest ones, and where to comment (the commitment or one of its milestones). */
import type { ResponseState } from '../../../domain/participation.js';
import type { ActionPlan, Commitment, Milestone } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { loginPath } from '../../../web/paths.js';
import type { Input } from '../participation.model.js';
import { commitmentInputsFeedPath, newInputPath } from '../participation.paths.js';
import { InputItem, ResponseBadge, type InputNames } from './input-item.js';
import { inputListPath } from './inputs.js';

export function CommitmentInputsSection(props: {
  ctx: PageContext;
  plan: ActionPlan;
  commitment: Commitment;
  milestones: readonly Milestone[];
  counts: Map<ResponseState, number>;
  latest: readonly Input[];
  names: InputNames;
  now: Date;
}) {
  const { ctx, plan, commitment } = props;
  const { lang } = ctx;
  const total = [...props.counts.values()].reduce((a, b) => a + b, 0);
  const answered = total - (props.counts.get('pending') ?? 0);
  const signedIn = ctx.actor !== null;
  const commentPath = (targetType: 'commitment' | 'milestone', targetId: number) => newInputPath(plan, { targetType, targetId });
  const link = (path: string) => (signedIn ? href(lang, path) : href(lang, `${loginPath}?next=${encodeURIComponent(href(lang, path))}`));
  return (
    <section aria-labelledby="s-inputs" class="inputs-section">
      <h2 id="s-inputs">{t(lang, 'participation.commitmentSection.title')}</h2>
      <p>{t(lang, 'participation.inputs.summary', { count: total, answered })}</p>
      {total > 0 ? (
        <ul class="response-counts">
          {[...props.counts.entries()].map(([state, n]) => (
            <li>
              <ResponseBadge state={state} lang={lang} /> {n}
            </li>
          ))}
        </ul>
      ) : null}
      <ul class="link-list">
        <li>
          <a href={link(commentPath('commitment', commitment.id))}>
            {signedIn ? t(lang, 'participation.inputs.comment') : t(lang, 'participation.inputs.signInToComment')}
          </a>
        </li>
        {props.milestones.map((m) => (
          <li>
            <a href={link(commentPath('milestone', m.id))}>{t(lang, 'participation.commitmentSection.milestone', { position: m.position })}</a>
          </li>
        ))}
        <li>
          <a href={href(lang, commitmentInputsFeedPath(plan, commitment))}>{t(lang, 'participation.inputs.feed')}</a>
        </li>
      </ul>
      {props.latest.length > 0 ? <h3>{t(lang, 'participation.commitmentSection.latest')}</h3> : null}
      {props.latest.map((input) => (
        <InputItem ctx={ctx} plan={plan} input={input} replies={[]} names={props.names} now={props.now} link />
      ))}
      {total > props.latest.length ? (
        <p>
          <a href={href(lang, inputListPath(plan, { commitment: commitment.id }))}>{t(lang, 'participation.commitmentSection.more', { count: total })}</a>
        </p>
      ) : null}
    </section>
  );
}
