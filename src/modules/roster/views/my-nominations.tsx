/**
 * The signed-in person's nominations: those of them (accept or decline while open; withdraw once accepted) and those
 * they made of others, listed once the nominee accepted (sooner would say whether the address they typed is an account's).
 */
import { pick } from '../../../domain/localized.js';
import type { PublicPerson } from '../../../domain/people.js';
import type { ActionPlan } from '../../../domain/plan.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { callPath, nominationActionPath } from '../../../web/paths.js';
import { DataTable, Paragraphs, VersionedAction, homeCrumbs } from '../../../web/ui/index.js';
import { candidaciesOpen, type Nomination, type NominationCall } from '../roster.model.js';
import { PersonName } from './parts.js';

export interface MyNominationRow {
  nomination: Nomination;
  call: NominationCall;
  plan: ActionPlan;
}

export function MyNominationsPage(props: { ctx: PageContext; actorId: number; rows: MyNominationRow[]; people: Map<number, PublicPerson>; today: string }) {
  const { ctx, rows } = props;
  const { lang } = ctx;
  const title = t(lang, 'roster.mine.title');
  const received = rows.filter((r) => r.nomination.nomineeId === props.actorId);
  const made = rows.filter((r) => r.nomination.nomineeId !== props.actorId);
  const callCell = (r: MyNominationRow) => <a href={href(lang, callPath(r.plan, r.call))}>{pick(r.call.title, lang)}</a>;
  const status = (r: MyNominationRow) => t(lang, `roster.nomination.status.${r.nomination.status}`);
  const action = (r: MyNominationRow, which: 'accept' | 'decline' | 'withdraw', help?: string) => (
    <VersionedAction
      ctx={ctx}
      action={nominationActionPath(r.plan, r.nomination, which)}
      version={r.nomination.version}
      label={t(lang, `roster.nomination.${which}`)}
      tone={which === 'accept' ? 'primary' : 'secondary'}
      help={help}
      helpId={help ? `h-${which}-${r.nomination.id}` : undefined}
    />
  );
  const actions = (r: MyNominationRow) => {
    if (!candidaciesOpen(r.call, props.today)) return null;
    if (r.nomination.status === 'pending' && r.nomination.nomineeId === props.actorId)
      return (
        <>
          {action(r, 'accept', t(lang, 'roster.nomination.accept.help'))}
          {action(r, 'decline')}
        </>
      );
    return r.nomination.status === 'accepted' ? action(r, 'withdraw') : null;
  };
  return (
    <Layout ctx={ctx} title={title} crumbs={[...homeCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      <section aria-labelledby="s-received">
        <h2 id="s-received">{t(lang, 'roster.mine.received')}</h2>
        <DataTable<MyNominationRow>
          caption={t(lang, 'roster.mine.received.caption', { count: received.length })}
          hideCaption
          rows={received}
          empty={t(lang, 'roster.mine.none')}
          columns={[
            { header: t(lang, 'roster.nomination.call'), rowHeader: true, cell: callCell },
            {
              header: t(lang, 'roster.nomination.how'),
              cell: (r) => t(lang, r.nomination.selfNominated ? 'roster.nomination.self' : 'roster.nomination.byOther'),
            },
            { header: t(lang, 'roster.nomination.statement'), cell: (r) => <Paragraphs value={r.nomination.statement} lang={lang} /> },
            { header: t(lang, 'roster.nomination.status'), cell: status },
            { header: t(lang, 'roster.actions'), cell: actions },
          ]}
        />
      </section>
      <section aria-labelledby="s-made">
        <h2 id="s-made">{t(lang, 'roster.mine.made')}</h2>
        <DataTable<MyNominationRow>
          caption={t(lang, 'roster.mine.made.caption', { count: made.length })}
          hideCaption
          rows={made}
          empty={t(lang, 'roster.mine.none')}
          columns={[
            {
              header: t(lang, 'roster.nomination.nominee'),
              rowHeader: true,
              cell: (r) => <PersonName person={props.people.get(r.nomination.nomineeId)} lang={lang} />,
            },
            { header: t(lang, 'roster.nomination.call'), cell: callCell },
            { header: t(lang, 'roster.nomination.status'), cell: status },
            { header: t(lang, 'roster.actions'), cell: actions },
          ]}
        />
      </section>
    </Layout>
  );
}
