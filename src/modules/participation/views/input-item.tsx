/**
 * One input as every page shows it: its words (a small safe Markdown subset) or the tombstone that stands in their
 * place, who wrote it and when, where it came from, its response with the reason and the change it led to, and its
 * replies (one level).
 */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { pick, type Lang, type Localized } from '../../../domain/localized.js';
import { daysBetween, type ResponseState } from '../../../domain/participation.js';
import type { PublicPerson } from '../../../domain/people.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { renderSafeMarkdown } from '../../../web/markdown.js';
import { formatDateTime } from '../../../web/ui/index.js';
import { HistoryList, type HistoryEntry } from '../../history/index.js';
import type { Input } from '../participation.model.js';
import { inputAnchor, inputPath } from '../participation.paths.js';

/** What the views need besides the inputs: names of people and agencies, and the linked changes the reader may see. */
export interface InputNames {
  people: Map<number, PublicPerson>;
  agencies: Map<number, Localized>;
  /** Labels of targets by "type:id" (a commitment's number and title, a milestone's position…). */
  targets: Map<string, string>;
  /** History entries that responses link to, as this reader may see them. */
  changes: Map<number, HistoryEntry>;
}

export const emptyNames = (): InputNames => ({ people: new Map(), agencies: new Map(), targets: new Map(), changes: new Map() });

const htmlLang = (lang: 'zh' | 'en') => (lang === 'zh' ? 'zh-TW' : 'en');

export function authorLabel(input: Input, people: Map<number, PublicPerson>, lang: Lang): string {
  if (input.authorId !== null) return people.get(input.authorId)?.displayName ?? t(lang, 'people.formerParticipant');
  if (input.source === 'site') return input.authorName || t(lang, 'people.formerParticipant');
  return input.authorName || t(lang, 'participation.author.imported');
}

export function ResponseBadge(props: { state: ResponseState; lang: Lang }) {
  return <span class={`badge response-${props.state}`}>{t(props.lang, `participation.response.state.${props.state}`)}</span>;
}

/** The words, rendered from the safe subset (markdown-it without HTML, then sanitize-html). */
export function InputWords(props: { text: string; lang: 'zh' | 'en' }) {
  return (
    <div class="prose user-text" lang={htmlLang(props.lang)}>
      {raw(renderSafeMarkdown(props.text))}
    </div>
  );
}

function Tombstone(props: { input: Input; lang: Lang }) {
  const { input, lang } = props;
  if (input.state === 'hidden')
    return (
      <p class="tombstone">
        {t(lang, 'participation.tombstone.hidden', {
          date: formatDateTime(input.moderation.hiddenAt ?? input.submittedAt, lang),
          reason: input.moderation.hiddenReason,
        })}
      </p>
    );
  return <p class="tombstone">{t(lang, 'participation.tombstone.withdrawn', { date: formatDateTime(input.withdrawnAt ?? input.submittedAt, lang) })}</p>;
}

function Proposal(props: { input: Input; names: InputNames; lang: Lang }) {
  const { input, lang } = props;
  const p = input.proposal;
  const agency = p.proposedAgencyId === null ? undefined : props.names.agencies.get(p.proposedAgencyId);
  return (
    <dl class="proposal" lang={htmlLang(input.lang)}>
      <dt>{t(lang, 'participation.proposal.title')}</dt>
      <dd>{p.title}</dd>
      <dt>{t(lang, 'participation.proposal.problem')}</dt>
      <dd>
        <InputWords text={p.problem} lang={input.lang} />
      </dd>
      <dt>{t(lang, 'participation.proposal.suggestedAction')}</dt>
      <dd>
        <InputWords text={p.suggestedAction} lang={input.lang} />
      </dd>
      {agency ? (
        <>
          <dt>{t(lang, 'participation.proposal.proposedAgency')}</dt>
          <dd>{pick(agency, lang)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The response: its state, reason, to whom it was referred, who answered when, and the change it led to. */
export function ResponseBlock(props: { input: Input; names: InputNames; ctx: PageContext; now: Date }) {
  const { input, names, ctx } = props;
  const { lang } = ctx;
  const r = input.response;
  const change = r.changeHistoryId === null ? undefined : names.changes.get(r.changeHistoryId);
  return (
    <div class="response">
      <p>
        <strong>{t(lang, 'participation.response')}:</strong> <ResponseBadge state={r.state} lang={lang} />
        {r.state === 'referred' && r.referredTo ? (
          <>
            {' '}
            {t(lang, 'participation.response.referredTo')}: {r.referredTo}
          </>
        ) : null}
      </p>
      {r.state === 'pending' ? (
        <p>
          {input.agencyId !== null
            ? t(lang, 'participation.response.owedBy', { agency: pick(names.agencies.get(input.agencyId) ?? { zh: '', en: '', status: 'missing' }, lang) })
            : t(lang, 'participation.response.owedBySecretariat')}{' '}
          {t(lang, 'participation.response.waiting', { days: daysBetween(input.submittedAt, props.now) })}
        </p>
      ) : (
        <>
          {pick(r.reason, lang) ? <div class="prose">{pick(r.reason, lang)}</div> : null}
          {r.respondedAt ? (
            <p class="byline">
              {t(lang, 'participation.response.by', {
                name: r.respondedByName || t(lang, 'people.formerParticipant'),
                date: formatDateTime(r.respondedAt, lang),
              })}
            </p>
          ) : null}
        </>
      )}
      {change ? (
        <div class="response-change">
          <h4>{t(lang, 'participation.response.change')}</h4>
          <HistoryList entries={[change]} lang={lang} names={new Map()} />
        </div>
      ) : null}
    </div>
  );
}

function Byline(props: { input: Input; names: InputNames; lang: Lang }) {
  const { input, names, lang } = props;
  return (
    <p class="byline">
      {authorLabel(input, names.people, lang)} · <time datetime={input.submittedAt.toISOString()}>{formatDateTime(input.submittedAt, lang)}</time>
      {input.editedAt ? ` · ${t(lang, 'participation.editedAt', { date: formatDateTime(input.editedAt, lang) })}` : null}
      {input.source !== 'site' ? ` · ${t(lang, 'participation.source')}: ${t(lang, `participation.source.${input.source}`)}` : null}
      {input.source !== 'site' && input.sourceUrl ? (
        <>
          {' · '}
          <a href={input.sourceUrl} rel="nofollow ugc noopener">
            {t(lang, 'participation.sourceLink')}
          </a>
        </>
      ) : null}
    </p>
  );
}

/**
 * One input with its response and replies. `link`: its number links to its own page (lists); `actions` go under it
 * (its page: edit, withdraw, respond, moderation forms).
 */
export function InputItem(props: {
  ctx: PageContext;
  plan: { slug: string };
  input: Input;
  replies: readonly Input[];
  names: InputNames;
  now: Date;
  link?: boolean;
  /** The words, even of a hidden input (a moderator's page). */
  showHidden?: boolean;
  actions?: Child;
  replyActions?: (reply: Input) => Child;
}) {
  const { ctx, input, names } = props;
  const { lang } = ctx;
  const standing = input.state === 'published' || input.state === 'internal';
  const targetLabel = names.targets.get(`${input.targetType}:${input.targetId}`);
  return (
    <article class="input" id={inputAnchor(input)}>
      <header>
        <h3>
          {props.link ? (
            <a href={href(lang, inputPath(props.plan, input))}>{t(lang, 'participation.page.title', { id: input.id })}</a>
          ) : (
            t(lang, 'participation.page.title', { id: input.id })
          )}{' '}
          · {t(lang, `participation.kind.${input.kind}`)}
          {targetLabel ? <> · {targetLabel}</> : null}
        </h3>
        <Byline input={input} names={names} lang={lang} />
        {input.state === 'internal' ? <p class="notice">{t(lang, 'participation.state.internal')}</p> : null}
      </header>
      {standing || props.showHidden ? (
        <>
          {input.kind === 'proposal' ? <Proposal input={input} names={names} lang={lang} /> : null}
          {input.body ? <InputWords text={input.body} lang={input.lang} /> : null}
        </>
      ) : null}
      {standing ? null : <Tombstone input={input} lang={lang} />}
      {/* A hidden or withdrawn input is owed no answer; one given before it was hidden stays. */}
      {input.kind !== 'reply' && (standing || (input.state === 'hidden' && input.response.state !== 'pending')) ? (
        <ResponseBlock input={input} names={names} ctx={ctx} now={props.now} />
      ) : null}
      {props.actions ?? null}
      {props.replies.length > 0 ? (
        <section class="replies" aria-labelledby={`replies-${input.id}`}>
          <h4 id={`replies-${input.id}`}>{t(lang, 'participation.repliesCount', { count: props.replies.length })}</h4>
          <ol>
            {props.replies.map((reply) => (
              <li id={inputAnchor(reply)}>
                <Byline input={reply} names={names} lang={lang} />
                {reply.state === 'published' || reply.state === 'internal' ? (
                  <InputWords text={reply.body} lang={reply.lang} />
                ) : (
                  <Tombstone input={reply} lang={lang} />
                )}
                {props.replyActions?.(reply) ?? null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
