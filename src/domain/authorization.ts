/**
 * Who may do what, decided here and called from services (never from views alone).
 * Roles: admin, secretariat (the NDC's staff unit, edits plans), agency officer (edits what their agencies lead),
 * public. Each module declares its actions (by declaration merging into `Actions`) and, in its manifest, the rule
 * for each (ADR 0019); the composition root registers them. An action without a registered rule is allowed to nobody.
 */
export const ROLES = ['admin', 'secretariat', 'agency-officer', 'public'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: number;
  displayName: string;
  role: Role;
  agencyIds: readonly number[];
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
}

/** How an actor may stand to the resource: leading its commitment, supporting it, or having written it. */
export type Relation = 'lead-agency' | 'supporting-agency' | 'author';

export interface ActionRule {
  /** Roles that may always do it. */
  roles: readonly Role[];
  /** Roles that may do it only when they stand in one of these relations to the resource. */
  when?: { roles: readonly Role[]; relations: readonly Relation[] };
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

/** Whether a rule allows this actor on this resource (pure; `can` looks the rule up). */
export function allows(rule: ActionRule | undefined, actor: Actor | null, resource: ResourceOwnership = {}): boolean {
  if (!actor || !rule) return false;
  if (rule.roles.includes(actor.role)) return true;
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

export function registeredActions(): Action[] {
  return [...rules.keys()] as Action[];
}

export function can(actor: Actor | null, action: Action, resource: ResourceOwnership = {}): boolean {
  return allows(rules.get(action), actor, resource);
}
