/** JSON API of the response figures under /api/v1, with its OpenAPI entry: public counts, ids and dates, never words. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { OVERDUE_AFTER_DAYS, RESPONSE_STATES, type ResponseFigures } from '../../domain/participation.js';
import { NotFoundError } from '../../errors.js';
import type { AppEnv } from '../../web/context.js';
import { errorResponses, jsonContent, routeGroup } from '../../web/openapi.js';
import { planQueries as planQ } from '../plans/index.js';
import * as service from './figures.service.js';
import { inputPath } from './participation.paths.js';

// ---- output schemas ----

const figuresShape = {
  inputs: z
    .number()
    .int()
    .openapi({ description: 'Comments and proposals owed an answer: not replies, not withdrawn, not hidden; internal rounds’ included.' }),
  answered: z.number().int(),
  shareAnswered: z.number().nullable().openapi({ description: 'answered ÷ inputs, 0..1; null with no input.' }),
  medianDaysToAnswer: z.number().nullable().openapi({ description: 'Median whole days from submission to the answer, over the answered ones.' }),
  overdue: z
    .number()
    .int()
    .openapi({ description: `Pending for more than ${OVERDUE_AFTER_DAYS} days.` }),
  ledToChange: z.number().int().openapi({ description: 'Answered with a change to a commitment or milestone.' }),
  shareLedToChange: z.number().nullable().openapi({ description: 'ledToChange ÷ inputs, 0..1; null with no input.' }),
  byState: z.object(Object.fromEntries(RESPONSE_STATES.map((s) => [s, z.number().int()])) as Record<(typeof RESPONSE_STATES)[number], z.ZodNumber>),
};

const figuresOutput = z.object(figuresShape).openapi('InputFigures');

const overdueOutput = z
  .object({
    id: z.number().int(),
    submittedAt: z.string().openapi({ format: 'date-time' }),
    agencyId: z.number().int().nullable().openapi({ description: 'The agency that owes the answer; null for the secretariat.' }),
    daysWaiting: z.number().int(),
    url: z.string(),
  })
  .openapi('OverdueInput');

export const planInputFiguresOutput = z
  .object({
    planId: z.number().int(),
    asOf: z.string().openapi({ format: 'date-time' }),
    overdueAfterDays: z.number().int(),
    totals: figuresOutput,
    byAgency: z.array(
      z
        .object({ agencyId: z.number().int().nullable().openapi({ description: 'null: the secretariat answers.' }), ...figuresShape })
        .openapi('AgencyInputFigures'),
    ),
    byConsultation: z.array(
      z
        .object({ consultationId: z.number().int().nullable().openapi({ description: 'null: inputs outside any consultation.' }), ...figuresShape })
        .openapi('ConsultationInputFigures'),
    ),
    overdue: z.array(overdueOutput),
  })
  .openapi('PlanInputFigures');

// ---- presenters ----

export const presentFigures = (f: ResponseFigures) => ({
  inputs: f.inputs,
  answered: f.answered,
  shareAnswered: f.shareAnswered,
  medianDaysToAnswer: f.medianDaysToAnswer,
  overdue: f.overdue,
  ledToChange: f.ledToChange,
  shareLedToChange: f.shareLedToChange,
  byState: { ...f.byState },
});

const figures = routeGroup(['inputs'], errorResponses());

export function figuresApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    figures.readById(
      {
        path: '/plans/{id}/input-figures',
        summary:
          'A plan’s response figures: inputs, share answered, median days to an answer, inputs waiting more than 30 days and share that led to a change; in all, by the agency that answers and by consultation',
      },
      jsonContent(planInputFiguresOutput, 'The response figures'),
    ),
    async (c) => {
      const { db, now } = c.get('services');
      const plan = await planQ.findPlanById(db, c.req.valid('param').id);
      if (!plan) throw new NotFoundError();
      const at = now();
      const f = await service.planFigures(db, plan.id, at);
      return c.json(
        {
          planId: plan.id,
          asOf: at.toISOString(),
          overdueAfterDays: OVERDUE_AFTER_DAYS,
          totals: presentFigures(f.total),
          byAgency: f.byAgency.map((g) => ({ agencyId: g.agencyId, ...presentFigures(g.figures) })),
          byConsultation: f.byConsultation.map((g) => ({ consultationId: g.consultationId, ...presentFigures(g.figures) })),
          overdue: f.overdue.map((i) => ({
            id: i.id,
            submittedAt: i.submittedAt.toISOString(),
            agencyId: i.agencyId,
            daysWaiting: i.daysWaiting,
            url: inputPath(plan, i),
          })),
        },
        200,
      );
    },
  );
}
