/** Pieces the plans pages share. */
import type { Lang } from '../../../domain/localized.js';
import type { CommitmentStatus } from '../../../domain/plan.js';
import { t } from '../../../web/i18n.js';

/** A commitment's status as the public sees it (domain/public-status.ts): the caller passes the derived one. */
export function StatusText(props: { status: CommitmentStatus; lang: Lang }) {
  return <span class={`status status-${props.status}`}>{t(props.lang, `commitment.status.${props.status}`)}</span>;
}

/** The public status of a listed commitment: derived where the page knows it, else the stored one. */
export const statusOf = (statuses: ReadonlyMap<number, CommitmentStatus> | undefined, c: { id: number; status: CommitmentStatus }): CommitmentStatus =>
  statuses?.get(c.id) ?? c.status;
