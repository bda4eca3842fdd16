/**
 * Change events (ADR 0020): what the database tells its listeners after a write commits. Triggers attached by the
 * migrations (0008_change_events.sql) send `pg_notify('cocreate_changes', …)` for every row written to a table that
 * public pages show; PostgreSQL delivers a notification only once its transaction commits, so a listener never
 * hears of a change it cannot read yet, nor of one rolled back. Because the database raises the events, a write
 * made by any code path (a service, the CLI, psql, another app process) is heard.
 *
 * This file is the bus between the connection (db/connection.ts), which listens, and the caches, which subscribe.
 */

export const CHANGE_CHANNEL = 'cocreate_changes';

/**
 * Tables no public page shows, so writes to them raise no change event. Every other table must have the trigger
 * (src/db/change-events.test.ts lists the schema's tables and checks both ways).
 */
export const PRIVATE_TABLES: Readonly<Record<string, string>> = {
  schema_migrations: 'the migrator’s bookkeeping',
  user_agencies: 'who may act for an agency',
  sessions: 'sign-in state',
  api_tokens: 'tokens are listed only to their owner, never cached',
  sign_in_failures: 'sign-in limits',
  role_grants: 'who may act as a forum member, chair or moderator; pages show the seats and groups that grant them',
  email_tokens: 'one-use links sent by e-mail',
  call_voters: 'who has voted in a call, only to refuse a second ballot; never shown, emptied when the result is published',
  ballot_tallies: 'votes per nominee while voting runs; pages show the counts published on the nominations (which notify)',
  working_group_survey_answers: 'forum members’ willingness to join working groups: the secretariat’s private page and API only',
  input_reports: 'reports of inputs: the moderators’ page and API only',
  moderation_log: 'every moderation act: the moderators’ page and API only',
  account_suspensions: 'suspensions of accounts: the moderators’ page and API only',
  speech_revisions: 'the private log of corrections during the embargo',
  speaker_pending_aliases: 'aliases waiting for their transcript; publication writes them to speakers, which notifies',
  speech_postings: 'the search index, rewritten with the speeches (which notify); search pages are not cached',
  speech_index_transcripts: 'the search index’s bookkeeping',
  follows: 'what a person follows: shown only to them (the follow button, their API), never on a cached page',
  notifications: 'what a person was told: their own list and the header count, never on a cached page',
  notification_settings: 'a person’s mail settings: their own settings page only',
  unsubscribe_tokens: 'hashes of the one-click unsubscribe links mailed',
  review_interviews: 'the reviewers’ interview log: the engagement’s reviewers only, never on a cached page',
  outbox: 'mail waiting to be sent (ADR 0028); no page shows it, and its dispatcher polls and is woken in-process',
};

export type ChangeEvent =
  /** A committed write to `table`; `planId` null means it may show on any plan's pages (an agency, a speaker). */
  | { kind: 'change'; table: string; planId: number | null }
  /**
   * Whether events are being heard. Going false (a lost listening connection) or coming back true, changes may have
   * been missed: a cache drops everything, and keeps nothing while not listening.
   */
  | { kind: 'listening'; listening: boolean };

export type ChangeListener = (event: ChangeEvent) => void;

/** What a cache needs from the database: committed changes as they happen. Returns the unsubscribe function. */
export interface ChangeFeed {
  onChange(listener: ChangeListener): () => void;
}

/** A notification's payload as the trigger writes it, or undefined if it is not one. */
export function parseChangePayload(payload: string): { table: string; planId: number | null } | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return undefined;
    const { table, plan } = value as Record<string, unknown>;
    if (typeof table !== 'string') return undefined;
    return { table, planId: typeof plan === 'number' && Number.isSafeInteger(plan) ? plan : null };
  } catch {
    return undefined;
  }
}

/** Fans events out to subscribers; remembers whether it is listening, so a late subscriber learns it at once. */
export class ChangeBus implements ChangeFeed {
  #listeners = new Set<ChangeListener>();
  #listening = false;
  #onFirstSubscriber: (() => void) | undefined;

  /** `onFirstSubscriber` starts listening lazily (a CLI command that never subscribes opens no extra connection). */
  constructor(onFirstSubscriber?: () => void) {
    this.#onFirstSubscriber = onFirstSubscriber;
  }

  get listening(): boolean {
    return this.#listening;
  }

  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    if (this.#listening) listener({ kind: 'listening', listening: true });
    const start = this.#onFirstSubscriber;
    this.#onFirstSubscriber = undefined;
    start?.();
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** A notification as received; anything that does not parse is treated as a change to everything. */
  publishPayload(payload: string): void {
    const parsed = parseChangePayload(payload);
    this.publish({ kind: 'change', table: parsed?.table ?? '?', planId: parsed?.planId ?? null });
  }

  setListening(listening: boolean): void {
    if (listening === this.#listening) return;
    this.#listening = listening;
    this.publish({ kind: 'listening', listening });
  }

  publish(event: ChangeEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // One failing subscriber must not keep the others from hearing of the change.
        process.emitWarning(`change listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  close(): void {
    this.setListening(false);
    this.#listeners.clear();
  }
}
