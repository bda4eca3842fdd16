/**
 * Who may do what, decided here and called from services (never from views alone).
 * Roles: admin, secretariat (the NDC's staff unit, edits plans), agency officer (edits what their agencies lead),
 * public. Each module declares its actions (by declaration merging into `Actions`) and, in its manifest, the rule
 * for each (ADR 0019); the composition root registers them. An action without a registered rule is allowed to nobody.
 */
export const ROLES = ['admin', 'secretariat', 'agency-officer', 'public'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles a person holds on top of their account's role, each within a scope (issue #11): a forum member or
 * co-convener of a plan's forum, the chair of a working group, a moderator of a plan (or of the whole site), a
 * translator of a plan's English edition (or of every plan's; issue #14), a reviewer within one review engagement
 * (issue #13; adding the person to the engagement grants it). One person may hold several; a forum seat
 * or a group's chair grants them, and ending it takes them back; the admin gives moderators and translators.
 */
export const SCOPED_ROLES = ['forum-member', 'co-convener', 'working-group-chair', 'moderator', 'translator', 'reviewer'] as const;
export type ScopedRole = (typeof SCOPED_ROLES)[number];
export const SCOPE_KINDS = ['site', 'plan', 'working-group', 'agency', 'engagement'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface RoleGrant {
  role: ScopedRole;
  scope: ScopeKind;
  /** The plan, working group, agency or review engagement; none for the whole site. */
  scopeId: number | null;
}

export interface Actor {
  id: number;
  displayName: string;
  role: Role;
  agencyIds: readonly number[];
  /** Scoped roles; none when absent (system actors, tests that need none). */
  grants?: readonly RoleGrant[];
}

/** Action name → true. Modules add their actions to this interface from their own `*.policy.ts`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Actions {}
export type Action = Extract<keyof Actions, string>;

/** What the action touches: the agencies leading and supporting a commitment, or the author of an item. */
export interface ResourceOwnership {
  leadAgencyId?: number;
  coAgencyIds?: readonly number[];
  authorId?: number;
  /** The plan it belongs to, and the working group: what a scoped role's scope is matched against. */
  planId?: number;
  workingGroupId?: number;
  /** The review engagement it belongs to (a report, a unit, an interview). */
  engagementId?: number;
}

/** How an actor may stand to the resource: leading its commitment, supporting it, or having written it. */
export type Relation = 'lead-agency' | 'supporting-agency' | 'author';

export interface ActionRule {
  /** Roles that may always do it. */
  roles: readonly Role[];
  /** Roles that may do it only when they stand in one of these relations to the resource. */
  when?: { roles: readonly Role[]; relations: readonly Relation[] };
  /** Scoped roles that may do it where their scope covers the resource (a plan's forum, a working group). */
  grants?: readonly ScopedRole[];
}

/** The secretariat and the administrator edit everything in a plan. */
export const EDITORS: readonly Role[] = ['admin', 'secretariat'];

const relates = (actor: Actor, resource: ResourceOwnership, relation: Relation): boolean => {
  switch (relation) {
    case 'lead-agency':
      return resource.leadAgencyId !== undefined && actor.agencyIds.includes(resource.leadAgencyId);
    case 'supporting-agency':
      return (resource.coAgencyIds ?? []).some((id) => actor.agencyIds.includes(id));
    case 'author':
      return resource.authorId !== undefined && resource.authorId === actor.id;
  }
};

/** Whether a grant's scope covers the resource: the whole site, its plan, its working group or its lead agency. */
export function scopeCovers(grant: RoleGrant, resource: ResourceOwnership): boolean {
  switch (grant.scope) {
    case 'site':
      return true;
    case 'plan':
      return resource.planId !== undefined && resource.planId === grant.scopeId;
    case 'working-group':
      return resource.workingGroupId !== undefined && resource.workingGroupId === grant.scopeId;
    case 'agency':
      return resource.leadAgencyId !== undefined && resource.leadAgencyId === grant.scopeId;
    case 'engagement':
      return resource.engagementId !== undefined && resource.engagementId === grant.scopeId;
  }
}

/** Whether the actor holds one of these scoped roles with a scope covering the resource. */
export function holds(actor: Actor | null, roles: readonly ScopedRole[], resource: ResourceOwnership = {}): boolean {
  return !!actor?.grants?.some((g) => roles.includes(g.role) && scopeCovers(g, resource));
}

/** Whether a rule allows this actor on this resource (pure; `can` looks the rule up). */
export function allows(rule: ActionRule | undefined, actor: Actor | null, resource: ResourceOwnership = {}): boolean {
  if (!actor || !rule) return false;
  if (rule.roles.includes(actor.role)) return true;
  if (rule.grants && holds(actor, rule.grants, resource)) return true;
  return !!rule.when && rule.when.roles.includes(actor.role) && rule.when.relations.some((r) => relates(actor, resource, r));
}

const rules = new Map<string, ActionRule>();

/** Adds modules' rules; the same rule again is harmless, a second rule for an action is a mistake. */
export function registerPolicy(policy: Partial<Record<Action, ActionRule>>): void {
  for (const [action, rule] of Object.entries(policy) as [Action, ActionRule][]) {
    const existing = rules.get(action);
    if (existing && existing !== rule) throw new Error(`A rule for "${action}" is already registered`);
    rules.set(action, rule);
  }
}

/** The rule registered for an action (the policy table in docs/authorization.md is printed from these). */
export function ruleOf(action: Action): ActionRule | undefined {
  return rules.get(action);
}

export function registeredActions(): Action[] {
  return [...rules.keys()] as Action[];
}

export function can(actor: Actor | null, action: Action, resource: ResourceOwnership = {}): boolean {
  return allows(rules.get(action), actor, resource);
}
