/** Pieces the transcript pages share: speaker names and colours, a draft's status, speech text, crumbs and the feed. */
import type { Lang } from '../../../domain/localized.js';
import { taipeiDay } from '../../../domain/monitoring.js';
import { SPEAKER_COLOURS } from '../../../domain/transcript-markdown.js';
import { href } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { speakerPath, transcriptsFeedPath, transcriptsPath } from '../../../web/paths.js';
import { formatDate, homeCrumbs, type Crumb } from '../../../web/ui/index.js';
import type { Speaker, Transcript } from '../transcripts.queries.js';

/** The meeting a transcript records, as a link (the forum's meeting page). */
export interface MeetingLink {
  path: string;
  title: string;
}

/**
 * The colours transcripts.service.ts gives new speakers, in its order: a speaker whose colour is one of them gets the
 * matching `.speaker-c<i>` class (the CSP forbids inline styles). Any other colour still shows as an SVG swatch.
 */
export const SPEAKER_PALETTE = SPEAKER_COLOURS;

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export function speakerColourClass(colour: string): string {
  const i = SPEAKER_PALETTE.indexOf(colour.toLowerCase() as (typeof SPEAKER_PALETTE)[number]);
  return i === -1 ? 'speaker-cx' : `speaker-c${i}`;
}

export const langName = (lang: Lang, of: string) => t(lang, of === 'en' ? 'transcript.lang.en' : 'transcript.lang.zh-TW');

/** Transcripts are written in one language; mark it when it is not the page's. */
export const contentLang = (pageLang: Lang, language: string) => (language === pageLang ? undefined : language);

/** Home › Transcripts: where every transcript page but the list starts. */
export const listCrumbs = (lang: Lang): Crumb[] => [...homeCrumbs(lang), { label: t(lang, 'transcript.listTitle'), path: transcriptsPath }];

export const feeds = (lang: Lang) => [{ title: t(lang, 'transcript.feed'), path: transcriptsFeedPath }];

/** The day a draft becomes public, as the office counts it (publication is at 00:00 Taipei). */
export const publishDay = (tr: Pick<Transcript, 'publishAt'>) => taipeiDay(tr.publishAt);

export function Swatch(props: { colour: string }) {
  if (!HEX_COLOUR.test(props.colour)) return null;
  return (
    <svg class="speaker-swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect width="12" height="12" rx="2" fill={props.colour} />
    </svg>
  );
}

export function SpeakerName(props: { speaker: Pick<Speaker, 'slug' | 'name' | 'colour'> | undefined; label: string | null; lang: Lang }) {
  const { speaker, lang } = props;
  const text = props.label ?? speaker?.name ?? '';
  if (!speaker) return <span class="speaker-name">{text}</span>;
  return (
    <a class={`speaker-name ${speakerColourClass(speaker.colour)}`} href={href(lang, speakerPath(speaker))}>
      <Swatch colour={speaker.colour} />
      {text}
    </a>
  );
}

export function StatusText(props: { transcript: Transcript; lang: Lang }) {
  const { transcript: tr, lang } = props;
  if (tr.publishedAt) return <span class="badge transcript-published">{t(lang, 'transcript.statusPublished')}</span>;
  return <span class="badge badge-draft">{t(lang, 'transcript.statusDraft', { date: formatDate(publishDay(tr), lang) })}</span>;
}

/** Paragraphs split at blank lines; single line breaks kept. Text is escaped by JSX like all text. */
export function Body(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n{2,}/).map((para) => {
        const lines = para.split('\n');
        return (
          <p>
            {lines.map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        );
      })}
    </>
  );
}
