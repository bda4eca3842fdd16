/** One speech of a transcript: who spoke, the words, its links, and (to those who may) the correction and delete forms. */
import type { Lang } from '../../../domain/localized.js';
import { ANSWER_LABELS, QUESTION_LABELS } from '../../../domain/transcript-markdown.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { speechAnchor, speechDeletePath, speechEditPath } from '../../../web/paths.js';
import { CsrfField, VersionField, VersionedAction, errorId, inputId } from '../../../web/ui/index.js';
import type { SpeechEdit } from '../transcripts.forms.js';
import { speechPermalink } from '../transcripts.paging.js';
import type { Speaker, Speech, Transcript } from '../transcripts.queries.js';
import { Body, SpeakerName, contentLang } from './parts.js';

const kindLabel = (lang: Lang, kind: Speech['kind']) => t(lang, `speech.kind.${kind}`);

function speakerText(speech: Speech, speaker: Speaker | undefined, lang: Lang): string {
  return speech.speakerLabel ?? speaker?.name ?? kindLabel(lang, speech.kind);
}

/** The correction form's field: its id names the speech, as several stand on one page. */
function CorrectionField(props: { lang: Lang; transcript: Transcript; speech: Speech; label: string; edit: SpeechEdit | undefined }) {
  const { speech, edit } = props;
  const name = `body-${speech.id}`;
  const bodyError = edit?.errors.body;
  return (
    <div class={`field${bodyError ? ' field-invalid' : ''}`}>
      <label for={inputId(name)}>{props.label}</label>
      {bodyError ? (
        <p class="field-error" id={errorId(name)}>
          {bodyError}
        </p>
      ) : null}
      <textarea
        id={inputId(name)}
        name="body"
        rows={Math.min(12, Math.max(3, Math.ceil(speech.body.length / 60)))}
        lang={contentLang(props.lang, props.transcript.language)}
        aria-invalid={bodyError ? 'true' : undefined}
        aria-describedby={bodyError ? errorId(name) : undefined}
      >
        {edit && !edit.conflict ? edit.body : speech.body}
      </textarea>
    </div>
  );
}

export function SpeechArticle(props: {
  ctx: PageContext;
  transcript: Transcript;
  speech: Speech;
  speaker: Speaker | undefined;
  correctable: boolean;
  edit: SpeechEdit | undefined;
}) {
  const { ctx, transcript: tr, speech, speaker, edit } = props;
  const { lang } = ctx;
  const anchor = speechAnchor(speech);
  const who = speakerText(speech, speaker, lang);
  const which = t(lang, 'speech.which', { position: speech.position, speaker: who });
  const labelled = speech.kind === 'question' || speech.kind === 'answer';
  // `### 問：` names no one: the kind's label says it all.
  const bareLabel = labelled && speech.speakerLabel !== null && [...QUESTION_LABELS, ...ANSWER_LABELS].includes(speech.speakerLabel);
  const named = !bareLabel && !(speech.kind === 'narrative' && !speech.speakerLabel);
  return (
    <article id={anchor} tabindex={-1} class={`speech speech-${speech.kind}`}>
      <header class="speech-head">
        {named ? <SpeakerName speaker={speaker} label={speech.speakerLabel} lang={lang} /> : null}
        {labelled ? <span class={`badge speech-kind speech-kind-${speech.kind}`}>{kindLabel(lang, speech.kind)}</span> : null}
        <span class="speech-links">
          <a class="permalink" href={`#${anchor}`}>
            {t(lang, 'speech.permalink')}
            <span class="visually-hidden"> ({which})</span>
          </a>
          <a class="copy-link" href={href(lang, speechPermalink(tr, speech))}>
            {t(lang, 'speech.copyLink')}
            <span class="visually-hidden"> ({which})</span>
          </a>
        </span>
      </header>
      <div class="speech-body" lang={contentLang(lang, tr.language)}>
        <Body text={speech.body} />
      </div>
      {props.correctable ? (
        <details class="speech-correct" open={edit ? true : undefined}>
          <summary>
            {t(lang, 'speech.correct')}
            <span class="visually-hidden"> ({which})</span>
          </summary>
          {edit?.conflict ? (
            <p class="field-error" role="alert">
              {t(lang, 'form.conflict')}
            </p>
          ) : null}
          <form method="post" action={href(lang, speechEditPath(tr, speech))} class="speech-edit">
            <CsrfField token={ctx.csrfToken} />
            <VersionField version={speech.version} />
            <CorrectionField
              lang={lang}
              transcript={tr}
              speech={speech}
              label={t(lang, 'speech.correctLabel', { position: speech.position, speaker: who })}
              edit={edit}
            />
            <button type="submit" class="button">
              {t(lang, 'speech.save')}
            </button>
          </form>
          <VersionedAction
            ctx={ctx}
            action={speechDeletePath(tr, speech)}
            version={speech.version}
            label={t(lang, 'speech.delete')}
            tone="danger"
            help={t(lang, 'speech.deleteConfirm')}
            helpId={`delete-help-${speech.id}`}
            class="speech-delete"
          />
        </details>
      ) : null}
    </article>
  );
}
