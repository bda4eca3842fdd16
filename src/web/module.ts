/**
 * The shape of a capability (ADR 0019). Each folder under src/modules/ exports one `ModuleManifest` from its
 * index.ts, and src/modules/index.ts lists them; the composition root, the message catalogs, the authorization
 * policy, the history labels, the visibility policies, the page sections and the demo seed all loop over that list.
 * Types that the shared layers need to know per module (message keys, actions, history entity types, tables) are
 * added by declaration merging from the module's own files, so nothing below src/modules/ imports a module.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { Db, DbOrTx } from '../db/connection.js';
import { registerPolicy, type ActionRule, type Action } from '../domain/authorization.js';
import type { AppEnv } from './context.js';
import type { Services } from '../services.js';
import type { Mailer } from './mail.js';
import type { IdentityProvider } from './middleware.js';
import type { SitemapEntry } from './sitemap.js';
import { registerMessages, type Catalog } from './i18n.js';
import type { OpenDataEntity } from './open-data.js';
import { registerSections, type SectionContribution } from './sections.js';
import { registerVisibility, type VisibilityPolicy } from './visibility.js';

/** What the demo seed of earlier modules hands to later ones (the demo plan and its agencies). */
export interface SeedContext {
  planId?: number;
  agencyIds?: Map<string, number>;
}

/**
 * What one module offers others through the manifest list, keyed by a name the module that uses it declares (by
 * declaration merging), so neither imports the other: plans declares `latestReported`, monitoring provides it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Provisions {}

/** What a module's background worker is given by the server (server.ts); tests' apps start none. */
export interface WorkerContext {
  services: Services;
  mailer: Mailer;
  /** The site's address for links in mail: COCREATE_PUBLIC_URL, else http://localhost:PORT. */
  origin: string;
  /** Only this process uses the database (embedded PGlite holds its data directory's lock, ADR 0015). */
  exclusive: boolean;
  logger: Logger;
}

export interface ModuleManifest {
  /** The folder's name; also the prefix no other module may use for its message keys. */
  name: string;
  /** JSON routes under /api/v1, registered on the shared OpenAPI app (so they join the API document). */
  api?: (api: OpenAPIHono<AppEnv>) => void;
  /** The public pages this module serves, for /sitemap.xml: only what anyone may read (web/sitemap.ts). */
  sitemap?: (db: Db) => Promise<readonly SitemapEntry[]>;
  /** HTML pages, mounted at / (zh-TW) and at /en. */
  pages?: () => Hono<AppEnv>;
  /** UI messages in both languages; a key may be defined by one module only. */
  messages?: { en: Catalog; zhTW: Catalog };
  /** Who may do each of the module's actions. */
  policy?: Partial<Record<Action, ActionRule>>;
  /** The entity types this module records in the history, in display order. */
  historyEntityTypes?: readonly string[];
  /** What the public may see of the module's entities in each state (ADR 0013). */
  visibility?: readonly VisibilityPolicy[];
  /** Sections the module adds to other modules' pages (a commitment page, a plan page, an agency page). */
  sections?: readonly SectionContribution[];
  /** What this module offers the modules that declared a need for it (see `Provisions`). */
  provides?: Partial<Provisions>;
  /** How requests name their actor (sessions, API tokens): exactly one module provides it. */
  identity?: IdentityProvider;
  /**
   * Removes a deleted account's personal data from the module's own tables, inside the deletion's transaction
   * (Taiwan's Personal Data Protection Act; the privacy page says what is kept): public contributions stay, shown
   * as a former participant's.
   */
  erasePersonalData?: (trx: DbOrTx, userId: number) => Promise<void>;
  /**
   * Runs before every page route (not the API), after authentication: sets per-request variables the layout shows
   * (the unread notifications of the signed-in person). Keep it to one cheap query, and none for visitors.
   */
  pageMiddleware?: MiddlewareHandler<AppEnv>;
  /**
   * POST routes (paths as patterns, with or without the /en prefix) that take no CSRF token because a secret in the
   * path is their only credential and they ignore the session: RFC 8058 one-click unsubscribe, posted by a mail
   * client that has no cookie or page to read a token from.
   */
  csrfExemptPosts?: readonly RegExp[];
  /** A background task the server starts after the database is ready and stops before closing it. */
  worker?: (context: WorkerContext) => { stop(): Promise<void> };
  /**
   * The entities this module publishes as open data and takes back by import (web/open-data.ts, ADR 0030): their
   * columns, how to read what the public may see in keyset-paged batches, and how to create or update rows by id.
   */
  openData?: readonly OpenDataEntity[];
  /** Loads the module's demo data into an empty database; may extend the context for later modules. */
  seed?: (db: Db, context: SeedContext) => Promise<SeedContext | void>;
}

/** The seed of a module whose demo data hangs on the demo plan: it runs once an earlier module has made the plan and its agencies. */
export function seedOnDemoPlan(
  seed: (db: Db, plan: { planId: number; agencyIds: Map<string, number> }) => Promise<unknown>,
): NonNullable<ModuleManifest['seed']> {
  return async (db, context) => {
    if (context.planId === undefined || !context.agencyIds) return;
    await seed(db, { planId: context.planId, agencyIds: context.agencyIds });
  };
}

export function defineModule<const M extends ModuleManifest>(manifest: M): M {
  return manifest;
}

/**
 * Registers what the modules declare with the shared registries: messages, authorization rules, visibility policies
 * and page sections. Idempotent, so every app built in one process (tests build several) may call it.
 */
export function registerModules(list: readonly ModuleManifest[]): void {
  const names = new Set<string>();
  for (const module of list) {
    if (names.has(module.name)) throw new Error(`Module "${module.name}" is listed twice`);
    names.add(module.name);
    if (module.messages) registerMessages(module.name, module.messages);
    if (module.policy) registerPolicy(module.policy);
    if (module.visibility) registerVisibility(...module.visibility);
    if (module.sections) registerSections(...module.sections);
    if (module.erasePersonalData) erasers.set(module.name, module.erasePersonalData);
    for (const [name, value] of Object.entries(module.provides ?? {})) {
      const existing = provisions.get(name);
      if (existing && existing.module !== module.name) throw new Error(`"${name}" is provided by both ${existing.module} and ${module.name}`);
      provisions.set(name, { module: module.name, value });
    }
  }
  if (list.filter((m) => m.identity).length > 1) throw new Error('Only one module may say how requests name their actor');
}

const provisions = new Map<string, { module: string; value: unknown }>();
const erasers = new Map<string, NonNullable<ModuleManifest['erasePersonalData']>>();

/** Every registered module's eraser, in list order, in the caller's transaction (account deletion). */
export async function erasePersonalDataEverywhere(trx: DbOrTx, userId: number): Promise<void> {
  for (const erase of erasers.values()) await erase(trx, userId);
}

/** What a listed module provides under `name`, or undefined when no module does (the user goes without it). */
export function provided<K extends keyof Provisions>(name: K): Provisions[K] | undefined {
  return provisions.get(name)?.value as Provisions[K] | undefined;
}

/** The one module's identity provider (sessions, tokens), or an anonymous-only one when no module provides it. */
export function identityOf(list: readonly ModuleManifest[]): IdentityProvider {
  return list.find((m) => m.identity)?.identity ?? { actorForApiToken: () => Promise.resolve(undefined), actorForSession: () => Promise.resolve(undefined) };
}

/** Every module's public pages, in list order. */
export async function sitemapOf(db: Db, list: readonly ModuleManifest[]): Promise<SitemapEntry[]> {
  const lists = await Promise.all(list.map((m) => m.sitemap?.(db) ?? Promise.resolve([])));
  return lists.flat();
}

/** The demo seed of every module, in list order; each may hand on what later ones need (the plan, its agencies). */
export async function seedModules(db: Db, list: readonly ModuleManifest[]): Promise<SeedContext> {
  // Seeds go through the services, which authorize and speak through the registries.
  registerModules(list);
  let context: SeedContext = {};
  for (const module of list) if (module.seed) context = { ...context, ...((await module.seed(db, context)) ?? {}) };
  return context;
}
