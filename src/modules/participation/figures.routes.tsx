/** The response figures' page, and the sections they add to the secretariat's board and to the co-creation record. */
import { Hono } from 'hono';
import { taipeiDay } from '../../domain/monitoring.js';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { pageCache } from '../../web/page-cache.js';
import type { Section } from '../../web/sections.js';
import { planBySlug, planQueries as planQ } from '../plans/index.js';
import * as service from './figures.service.js';
import { listConsultations } from './participation.queries.js';
import { OverdueBoardSection } from './views/figures-board.js';
import { CoCreationFiguresSection } from './views/figures-cocreation.js';
import { FiguresPage } from './views/figures.js';

const db = (c: AppContext) => c.get('services').db;

const agencyMap = async (c: AppContext) => new Map((await planQ.listAgencies(db(c))).map((a) => [a.id, a]));

export function figuresPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // Public: the counts of every standing input, internal rounds' included (their words stay with their audience).
  app.get('/plans/:slug/inputs/figures', pageCache(), async (c) => {
    const plan = await planBySlug(c);
    const now = c.get('services').now();
    const [figures, agencies, consultations] = await Promise.all([service.planFigures(db(c), plan.id, now), agencyMap(c), listConsultations(db(c), plan.id)]);
    return c.html(<FiguresPage ctx={pageContext(c)} plan={plan} figures={figures} agencies={agencies} consultations={consultations} today={taipeiDay(now)} />);
  });

  return app;
}

/** The board's section (the board is the secretariat's: its route checks before any section renders). */
export const overdueBoardSection: Section<'board'> = {
  slot: 'board',
  order: 20,
  id: 'participation.inputsWaiting',
  render: async (c, { plan }) => {
    const overdue = await service.overdueInputs(db(c), plan.id, c.get('services').now());
    const commitmentIds = [...new Set(overdue.flatMap((i) => (i.commitmentId === null ? [] : [i.commitmentId])))];
    const [agencies, labels] = await Promise.all([agencyMap(c), planQ.commitmentLabels(db(c), commitmentIds)]);
    const commitments = new Map([...labels].map(([id, label]) => [id, label.number]));
    return { section: <OverdueBoardSection plan={plan} overdue={overdue} agencies={agencies} commitments={commitments} lang={c.get('lang')} /> };
  },
};

/** The co-creation record's section: the plan's totals and a link to the figures page. */
export const cocreationFiguresSection: Section<'cocreation'> = {
  slot: 'cocreation',
  order: 10,
  id: 'participation.responseFigures',
  render: async (c, { plan }) => {
    const figures = await service.planTotals(db(c), plan.id, c.get('services').now());
    return { section: <CoCreationFiguresSection plan={plan} figures={figures} lang={c.get('lang')} /> };
  },
};
