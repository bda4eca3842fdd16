/**
 * The demo roster of the forum (推動小組) for Taiwan's 2021–2024 plan, marked demo: its rules' two versions, the seats
 * (government seats by office, civil-society seats of illustrative people), and two calls for nominations run to
 * their published results — an election in 2022 (a lot decided a tie) and a panel in 2024. The texts and the story
 * are data (demo/roster.json); this file checks them and writes them through the services, each step on the day it
 * happened (the services are given that day as their clock), so the record is what the platform would have kept.
 * Demo people get accounts (random passwords, never printed: nobody signs in as them); the voters of 2022 too.
 */
import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { inOneTransaction } from '../../db/one-transaction.js';
import { registerPolicy, type Actor } from '../../domain/authorization.js';
import { systemActor } from '../../domain/system-actor.js';
import { dataFile, parseData, Problems, readJson, reviewedTexts, writing, type DataFile } from '../../web/data-files.js';
import { isoDate, localizedInput, text } from '../../web/schemas.js';
import { createUser } from '../accounts/index.js';
import { agencyInput, loadDemoPlan, type DemoPlan } from '../plans/index.js';
import { FILLED_BY, SEAT_ROLES, SECTORS, type Seat } from './roster.model.js';
import { rosterPolicy } from './roster.policy.js';
import * as q from './roster.queries.js';
import { callInput } from './roster.schemas.js';
import * as service from './roster.service.js';

export const DEMO_ROSTER_FILE: DataFile = dataFile(new URL('./demo/roster.json', import.meta.url));

const key = text(40).regex(/^[A-Za-z0-9:-]+$/, { message: 'a key: letters, digits, hyphens' });
const statement = localizedInput(5000);

const seatEntry = z
  .object({
    key,
    sector: z.enum(SECTORS),
    role: z.enum(SEAT_ROLES),
    agency: agencyInput.shape.code.optional(),
    holderName: localizedInput(300).optional(),
    /** A demo person (people[].key) holding the seat with their account. */
    holder: key.optional(),
    filledBy: z.enum(FILLED_BY).optional(),
    /** The call (calls[].key) that filled it. */
    call: key.optional(),
    startsOn: isoDate,
    endsOn: isoDate.optional(),
    /** The seat (its key, or `<call>:<nominee>` for a seat a call created) this one continues. */
    replaces: key.optional(),
  })
  .strict();

export const demoRosterSchema = z
  .object({
    about: text(),
    /** Who writes the record as the secretariat; the history names them. */
    secretariat: text(200).trim().min(1),
    /** How many demo voters (besides the people) have accounts; the 2022 ballots are cast by them in turn. */
    voters: z.number().int().min(0).max(100),
    rules: z.array(z.object({ on: isoDate, effectiveOn: isoDate, body: localizedInput(100_000), changeNote: localizedInput(5000) }).strict()).min(1),
    people: z.array(z.object({ key, displayName: text(100).trim().min(1) }).strict()),
    seats: z.array(seatEntry),
    calls: z.array(
      z
        .object({
          key,
          on: isoDate,
          call: callInput,
          nominations: z.array(z.object({ nominee: key, nominator: key.optional(), on: isoDate, acceptOn: isoDate.optional(), statement }).strict()),
          ballots: z.array(z.array(key)).optional(),
          publishOn: isoDate,
          drawn: z.array(key).optional(),
          drawRecord: localizedInput(5000).optional(),
          choices: z.array(z.object({ nominee: key, reason: localizedInput(5000) }).strict()).optional(),
          note: localizedInput(5000).optional(),
          /** What becomes of a chosen nominee's seat after publication: the seat it continues, another role. */
          seatsAfter: z.record(key, z.object({ replaces: key.optional(), role: z.enum(SEAT_ROLES).optional() }).strict()),
        })
        .strict(),
    ),
    afterCalls: z.array(seatEntry),
  })
  .strict();
export type DemoRoster = z.infer<typeof demoRosterSchema>;

/** Checks the roster file against the plan's agencies and against itself (every key it names exists); problems go to `problems`. */
export function checkDemoRoster(file: DataFile, value: unknown, plan: DemoPlan, problems: Problems): DemoRoster | undefined {
  const data = parseData(file, demoRosterSchema, value, problems);
  if (!data) return undefined;
  const agencies = new Set(plan.agencies.map((a) => a.code));
  const people = new Set(data.people.map((p) => p.key));
  const calls = new Set(data.calls.map((c) => c.key));
  const seats = new Set([...data.seats.map((s) => s.key), ...data.calls.flatMap((c) => Object.keys(c.seatsAfter).map((n) => `${c.key}:${n}`))]);
  const person = (path: string, k: string | undefined) => {
    if (k !== undefined && !people.has(k)) problems.add(file, path, `unknown person ${k}`);
  };
  const checkSeat = (s: z.infer<typeof seatEntry>, path: string) => {
    if (s.agency !== undefined && !agencies.has(s.agency)) problems.add(file, `${path}.agency`, `unknown agency ${s.agency}`);
    person(`${path}.holder`, s.holder);
    if (s.call !== undefined && !calls.has(s.call)) problems.add(file, `${path}.call`, `unknown call ${s.call}`);
    if (s.replaces !== undefined && !seats.has(s.replaces)) problems.add(file, `${path}.replaces`, `unknown seat ${s.replaces}`);
  };
  data.seats.forEach((s, i) => checkSeat(s, `seats[${i}]`));
  data.afterCalls.forEach((s, i) => checkSeat(s, `afterCalls[${i}]`));
  data.calls.forEach((c, i) => {
    const nominees = new Set(c.nominations.map((n) => n.nominee));
    c.nominations.forEach((n, j) => {
      person(`calls[${i}].nominations[${j}].nominee`, n.nominee);
      person(`calls[${i}].nominations[${j}].nominator`, n.nominator);
    });
    const nominee = (path: string, k: string) => {
      if (!nominees.has(k)) problems.add(file, path, `${k} is not nominated in this call`);
    };
    c.ballots?.forEach((b, j) => b.forEach((k, m) => nominee(`calls[${i}].ballots[${j}][${m}]`, k)));
    c.drawn?.forEach((k, j) => nominee(`calls[${i}].drawn[${j}]`, k));
    c.choices?.forEach((ch, j) => nominee(`calls[${i}].choices[${j}].nominee`, ch.nominee));
    Object.keys(c.seatsAfter).forEach((k) => nominee(`calls[${i}].seatsAfter.${k}`, k));
    if ((c.ballots?.length ?? 0) > data.voters) problems.add(file, `calls[${i}].ballots`, `more ballots than the ${data.voters} voters`);
  });
  return reviewedTexts(data);
}

/** Reads and checks the roster file; throws a DataFileError listing every problem, each with file and path. */
export async function loadDemoRoster(problems = new Problems()): Promise<DemoRoster> {
  const plan = await loadDemoPlan(problems);
  const data = checkDemoRoster(DEMO_ROSTER_FILE, await readJson(DEMO_ROSTER_FILE, problems), plan, problems);
  problems.throwIfAny();
  return data as DemoRoster;
}

export async function seedDemoRoster(db: Db, opts: { planId: number; agencyIds: Map<string, number> }): Promise<void> {
  // The seed also runs without the app (the CLI, the test harness): the rules its writes are checked against are
  // registered here too (the same rules again are harmless).
  registerPolicy(rosterPolicy);
  const d = await loadDemoRoster();
  await inOneTransaction(db, (db) => writeDemoRoster(db, opts, d));
}

/** Ten in the morning, Taipei time, on the day: when the demo's steps happen. */
const onDay = (day: string) => new Date(`${day}T10:00:00+08:00`);

async function writeDemoRoster(db: Db, opts: { planId: number; agencyIds: Map<string, number> }, d: DemoRoster): Promise<void> {
  // Seeding twice would duplicate the roster.
  if ((await q.listSeats(db, opts.planId)).length > 0) return;
  const file = DEMO_ROSTER_FILE;
  const secretariat = systemActor(d.secretariat, 'secretariat');
  const on = (day: string): service.RosterDeps => ({ db, now: () => onDay(day), demo: true });

  // ---- demo people and voters: participant accounts nobody signs in to ----
  const people = new Map<string, Actor>();
  const account = async (k: string, displayName: string): Promise<Actor> => {
    const id = await createUser({ db }, 'cli', {
      email: `roster.${k}@demo.cocreate.tw`,
      displayName,
      password: randomBytes(18).toString('base64url'),
      role: 'public',
      agencyIds: [],
      isDemo: true,
    });
    return { id, displayName, role: 'public', agencyIds: [] };
  };
  for (const p of d.people) people.set(p.key, await account(p.key, p.displayName));
  const voters: Actor[] = [];
  for (let i = 1; i <= d.voters; i++) voters.push(await account(`voter${String(i).padStart(2, '0')}`, `參與者 ${i}（示範）`));
  const personOf = (k: string): Actor => {
    const p = people.get(k);
    if (!p) throw new Error(`seedDemoRoster: no person ${k}`);
    return p;
  };

  // ---- the rules, version by version ----
  for (const [i, r] of d.rules.entries()) await writing(file, `rules[${i}]`, () => service.publishRules(on(r.on), secretariat, opts.planId, r));

  // ---- seats ----
  const seats = new Map<string, Seat>();
  const callIds = new Map<string, number>();
  const seatOf = (k: string): Seat => {
    const s = seats.get(k);
    if (!s) throw new Error(`seedDemoRoster: no seat ${k}`);
    return s;
  };
  const addSeat = async (s: z.infer<typeof seatEntry>, path: string) => {
    const seat = await writing(file, path, () =>
      service.createSeat(on(s.startsOn), secretariat, opts.planId, {
        sector: s.sector,
        role: s.role,
        startsOn: s.startsOn,
        endsOn: s.endsOn ?? null,
        userId: s.holder === undefined ? null : personOf(s.holder).id,
        holderName: s.holderName,
        agencyId: s.agency === undefined ? null : (opts.agencyIds.get(s.agency) ?? null),
        filledBy: s.filledBy ?? 'appointed',
        callId: s.call === undefined ? null : (callIds.get(s.call) ?? null),
        replacesSeatId: s.replaces === undefined ? null : seatOf(s.replaces).id,
      }),
    );
    seats.set(s.key, seat);
  };
  for (const [i, s] of d.seats.entries()) await addSeat(s, `seats[${i}]`);

  // ---- calls, run to their published results ----
  for (const [i, c] of d.calls.entries()) {
    const path = `calls[${i}]`;
    const call = await writing(file, `${path}.call`, () => service.openCall(on(c.on), secretariat, opts.planId, c.call));
    callIds.set(c.key, call.id);
    for (const [j, n] of c.nominations.entries()) {
      const nominee = personOf(n.nominee);
      const nominator = n.nominator === undefined ? nominee : personOf(n.nominator);
      const self = nominator.id === nominee.id;
      await writing(file, `${path}.nominations[${j}]`, () =>
        service.nominate(
          on(n.on),
          nominator,
          call.id,
          self ? { self: true, statement: n.statement } : { nomineeEmail: `roster.${n.nominee}@demo.cocreate.tw`, statement: n.statement },
        ),
      );
      if (self) continue;
      const made = (await q.listNominations(db, call.id)).find((m) => m.nomineeId === nominee.id);
      if (!made) throw new Error(`seedDemoRoster: ${path}.nominations[${j}] was not made`);
      await writing(file, `${path}.nominations[${j}].acceptOn`, () =>
        service.respondToNomination(on(n.acceptOn ?? n.on), nominee, made.id, true, made.version),
      );
    }
    const nominations = await q.listNominations(db, call.id, ['accepted']);
    const nominationOf = (k: string): number => {
      const found = nominations.find((m) => m.nomineeId === personOf(k).id);
      if (!found) throw new Error(`seedDemoRoster: ${k} has no accepted nomination in ${c.key}`);
      return found.id;
    };
    for (const [j, marks] of (c.ballots ?? []).entries()) {
      const voter = voters[j] as Actor;
      await writing(file, `${path}.ballots[${j}]`, () =>
        service.castBallot(on(call.votingOpensOn ?? c.publishOn), voter, call.id, { nominationIds: marks.map(nominationOf) }),
      );
    }
    const current = (await q.findCallById(db, call.id)) ?? call;
    const { seats: created } = await writing(file, `${path}.publishOn`, () =>
      service.publishResult(on(c.publishOn), secretariat, call.id, {
        version: current.version,
        drawn: c.drawn?.map(nominationOf),
        drawRecord: c.drawRecord,
        choices: c.choices?.map((ch) => ({ nominationId: nominationOf(ch.nominee), reason: ch.reason })),
        note: c.note,
      }),
    );
    for (const seat of created) {
      const nominee = [...people.entries()].find(([, p]) => p.id === seat.userId)?.[0];
      if (nominee === undefined) continue;
      const after = c.seatsAfter[nominee];
      const updated = after
        ? await writing(file, `${path}.seatsAfter.${nominee}`, () =>
            service.updateSeat(on(c.publishOn), secretariat, seat.id, {
              version: seat.version,
              ...(after.replaces !== undefined ? { replacesSeatId: seatOf(after.replaces).id } : {}),
              ...(after.role !== undefined ? { role: after.role } : {}),
            }),
          )
        : seat;
      seats.set(`${c.key}:${nominee}`, updated);
    }
  }
  for (const [i, s] of d.afterCalls.entries()) await addSeat(s, `afterCalls[${i}]`);
}
