/** The plan, commitment and agency a page's URL names, or a 404: shared by every capability's page routes. */
import type { ActionPlan, Agency, Commitment } from '../../domain/plan.js';
import { NotFoundError } from '../../errors.js';
import type { AppContext } from '../../web/context.js';
import { tagPageWithPlan } from '../../web/page-cache.js';
import * as q from './plans.queries.js';

const db = (c: AppContext) => c.get('services').db;

export async function planBySlug(c: AppContext): Promise<ActionPlan> {
  const plan = await q.findPlanBySlug(db(c), c.req.param('slug') ?? '');
  if (!plan) throw new NotFoundError();
  // A cached page showing this plan is dropped by changes to it, and kept through changes to other plans.
  tagPageWithPlan(c, plan.id);
  return plan;
}

export async function commitmentByNumber(c: AppContext, plan: ActionPlan): Promise<Commitment> {
  const commitment = await q.findCommitmentByNumber(db(c), plan.id, c.req.param('number') ?? '');
  if (!commitment) throw new NotFoundError();
  return commitment;
}

export async function agencyByCode(c: AppContext): Promise<Agency> {
  const agency = await q.findAgencyByCode(db(c), c.req.param('code') ?? '');
  if (!agency) throw new NotFoundError();
  return agency;
}
