/**
 * The forum as open data (ADR 0030): its meetings (with attendance by sector and by stakeholder group, and the
 * documents attached), its resolutions (列管事項, with their state: 持續列管 keep tracking / 解除列管 closed) and the
 * decisions that kept or closed them. All of it is public in every state (forum.visibility.ts), as the meeting and
 * resolution pages show it. The SQL is here, on this module's own tables; every write is filed in the history as the
 * forum's use cases file it (a decision under its resolution, as `decide`).
 */
import { sql } from 'kysely';
import { z } from '@hono/zod-openapi';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { updateVersioned, movePastIds } from '../../db/row-queries.js';
import {
  checkMeeting,
  MEETING_DOCUMENT_KINDS,
  MEETING_KINDS,
  MEETING_MODES,
  RESOLUTION_NUMBER_PATTERN,
  RESOLUTION_STATUSES,
  type GroupAttendance,
  type MeetingDocument,
} from '../../domain/forum.js';
import type { Localized } from '../../domain/localized.js';
import { REGIONS } from '../../domain/people.js';
import type { FieldProblem, Link } from '../../domain/plan.js';
import { changedRows, cell, type OpenDataColumn, type OpenDataEntity, type OpenDataRow, column } from '../../web/open-data.js';
import { linkInput, localizedInput, webUrl } from '../../web/schemas.js';
import { recordHistory, recordImportedRow } from '../history/index.js';

const countOf = async (q: { executeTakeFirstOrThrow(): Promise<{ n: string | number | bigint }> }): Promise<number> =>
  Number((await q.executeTakeFirstOrThrow()).n);

// ---- meetings ----

const documentSchema = z.object({ kind: z.enum(MEETING_DOCUMENT_KINDS), title: localizedInput(300), url: webUrl() }).strict();
const attendanceByGroupSchema = z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.number().int().min(1).max(1_000_000));

const meetingColumns: readonly OpenDataColumn[] = [
  column('id', 'Meeting ID', 'int', 'The meeting’s identifier on this site.', '本站的會議識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan whose forum met.', '所屬行動方案。', { references: 'plans' }),
  column(
    'cycleId',
    'Review Cycle ID',
    'int',
    'The review cycle whose progress reports the meeting reviewed, if any.',
    '會議所審查自評報告的檢視週期（若有）。',
    {
      nullable: true,
      references: 'review-cycles',
    },
  ),
  column('heldOn', 'Meeting Date', 'date', 'The day the meeting was held (YYYY-MM-DD).', '會議日期（YYYY-MM-DD）。'),
  column(
    'kind',
    'Meeting Type',
    'enum',
    'plenary, working-group, workshop, consultation or other.',
    '全體委員會議（plenary）、工作分組會議（working-group）、工作坊（workshop）、諮詢會議（consultation）或其他（other）。',
    { values: MEETING_KINDS },
  ),
  column('title', 'Meeting Title', 'localized', 'The meeting’s title.', '會議名稱。', { max: 300 }),
  column('attendanceGovernment', 'Attendance (Government)', 'int', 'How many attended for government.', '政府代表出席人數。'),
  column('attendanceCivilSociety', 'Attendance (Civil Society)', 'int', 'How many attended for civil society.', '民間代表出席人數。'),
  column('attendanceOther', 'Attendance (Other)', 'int', 'How many others attended.', '其他出席人數。'),
  column(
    'attendanceByGroup',
    'Attendance by Stakeholder Group',
    'json',
    'The same people counted by stakeholder group, by the group’s code ({} when not broken down).',
    '依利害關係人類別（代碼）計算的出席人數（未細分時為 {}）。',
    { schema: attendanceByGroupSchema },
  ),
  column('place', 'Place', 'localized', 'Where the meeting was held.', '會議地點。', { max: 300 }),
  column('mode', 'Meeting Mode', 'enum', 'in-person, online or hybrid.', '實體（in-person）、線上（online）或混合（hybrid）。', { values: MEETING_MODES }),
  column('region', 'Region', 'enum', 'The region it was held in, if given.', '舉辦地區（若有）。', { values: REGIONS, nullable: true }),
  column('openToPublic', 'Open to the Public', 'bool', 'Whether anyone could attend (true or false).', '是否開放公眾參與（true 或 false）。'),
  column('workingGroupId', 'Working Group ID', 'int', 'The working group that met, if any.', '開會的工作分組（若有）。', {
    nullable: true,
    references: 'workingGroups',
  }),
  column('commitmentId', 'Commitment ID', 'int', 'The commitment the meeting worked on, if any.', '會議討論的承諾事項（若有）。', {
    nullable: true,
    references: 'commitments',
  }),
  column('agenda', 'Agenda', 'localized', 'The meeting’s agenda.', '會議議程。'),
  column('minutes', 'Minutes', 'localized', 'The meeting’s minutes.', '會議紀錄。'),
  column(
    'documents',
    'Documents',
    'json',
    'Documents published for the meeting, in order: [{kind (agenda, slides, minutes, other), title, url}].',
    '會議文件（依序）：[{kind（議程、簡報、紀錄、其他）, title, url}]。',
    { schema: z.array(documentSchema).max(100) },
  ),
  column('links', 'Links', 'json', 'Related links: [{title, url}].', '相關連結：[{title, url}]。', { schema: z.array(linkInput).max(100) }),
];

type MeetingRead = {
  id: number;
  plan_id: number;
  cycle_id: number | null;
  held_on: string;
  kind: string;
  title: Localized;
  attendance_government: number;
  attendance_civil_society: number;
  attendance_other: number;
  attendance_by_group: GroupAttendance;
  place: Localized;
  mode: string;
  region: string | null;
  open_to_public: boolean;
  working_group_id: number | null;
  commitment_id: number | null;
  agenda: Localized;
  minutes: Localized;
  documents: MeetingDocument[];
  links: Link[];
};

const meetingRow = (r: MeetingRead): OpenDataRow => ({
  id: r.id,
  planId: r.plan_id,
  cycleId: r.cycle_id,
  heldOn: r.held_on,
  kind: r.kind,
  title: r.title,
  attendanceGovernment: r.attendance_government,
  attendanceCivilSociety: r.attendance_civil_society,
  attendanceOther: r.attendance_other,
  attendanceByGroup: r.attendance_by_group,
  place: r.place,
  mode: r.mode,
  region: r.region,
  openToPublic: r.open_to_public,
  workingGroupId: r.working_group_id,
  commitmentId: r.commitment_id,
  agenda: r.agenda,
  minutes: r.minutes,
  documents: r.documents.map((d) => ({ kind: d.kind, title: { zh: d.title.zh, en: d.title.en, status: d.title.status }, url: d.url })),
  links: r.links.map((l) => ({ title: l.title, url: l.url })),
});

/** Meetings with their attendance by group (sorted by code) and their documents (in order), one statement per batch. */
const selectMeetings = (db: DbOrTx) =>
  db
    .selectFrom('forum_meetings as m')
    .select([
      'm.id',
      'm.plan_id',
      'm.cycle_id',
      'm.held_on',
      'm.kind',
      'm.title',
      'm.attendance_government',
      'm.attendance_civil_society',
      'm.attendance_other',
      'm.place',
      'm.mode',
      'm.region',
      'm.open_to_public',
      'm.working_group_id',
      'm.commitment_id',
      'm.agenda',
      'm.minutes',
      'm.links',
      sql<GroupAttendance>`(select coalesce(jsonb_object_agg(a.stakeholder_group, a.count order by a.stakeholder_group), '{}'::jsonb) from meeting_attendance a where a.meeting_id = m.id)`.as(
        'attendance_by_group',
      ),
      sql<
        MeetingDocument[]
      >`(select coalesce(jsonb_agg(jsonb_build_object('kind', d.kind, 'title', d.title, 'url', d.url) order by d.position, d.id), '[]'::jsonb) from meeting_documents d where d.meeting_id = m.id)`.as(
        'documents',
      ),
    ]);

export const meetingsEntity: OpenDataEntity = {
  name: 'meetings',
  title: { en: 'Forum meetings', zh: '推動小組會議' },
  description: {
    en: 'The multi-stakeholder forum’s meetings: date, kind, attendance, place, agenda, minutes and documents.',
    zh: '推動小組（多方利害關係人論壇）的會議：日期、類型、出席人數、地點、議程、紀錄與文件。',
  },
  order: 200,
  columns: meetingColumns,
  async count(db, scope) {
    let q = db.selectFrom('forum_meetings').select((eb) => eb.fn.countAll<string>().as('n'));
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return countOf(q);
  },
  async read(db, scope, afterId, limit) {
    let q = selectMeetings(db).where('m.id', '>', afterId);
    if (scope.planId !== null) q = q.where('m.plan_id', '=', scope.planId);
    return (await q.orderBy('m.id').limit(limit).execute()).map(meetingRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectMeetings(db).where('m.id', 'in', ids).execute()).map((r) => [r.id, meetingRow(r)]));
  },
  check: (row) => {
    const problems: FieldProblem[] = checkMeeting({
      title: row.title as Localized,
      kind: row.kind as (typeof MEETING_KINDS)[number],
      attendance: { government: row.attendanceGovernment as number, civilSociety: row.attendanceCivilSociety as number, other: row.attendanceOther as number },
      attendanceByGroup: row.attendanceByGroup as GroupAttendance,
    });
    // The domain names the nested fields; the file has one column per sector.
    return problems.map((p) =>
      p.field === 'attendance.government'
        ? { ...p, field: 'attendanceGovernment' }
        : p.field === 'attendance.civilSociety'
          ? { ...p, field: 'attendanceCivilSociety' }
          : p.field === 'attendance.other'
            ? { ...p, field: 'attendanceOther' }
            : p.field.startsWith('attendanceByGroup')
              ? { ...p, field: 'attendanceByGroup' }
              : p,
    );
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(meetingColumns, rows, before);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        plan_id: cell.int(row, 'planId'),
        cycle_id: cell.intOrNull(row, 'cycleId'),
        held_on: cell.text(row, 'heldOn'),
        kind: cell.text(row, 'kind'),
        title: jsonb(cell.localized(row, 'title')),
        attendance_government: cell.int(row, 'attendanceGovernment'),
        attendance_civil_society: cell.int(row, 'attendanceCivilSociety'),
        attendance_other: cell.int(row, 'attendanceOther'),
        place: jsonb(cell.localized(row, 'place')),
        mode: cell.text(row, 'mode'),
        region: cell.textOrNull(row, 'region'),
        open_to_public: row.openToPublic as boolean,
        working_group_id: cell.intOrNull(row, 'workingGroupId'),
        commitment_id: cell.intOrNull(row, 'commitmentId'),
        agenda: jsonb(cell.localized(row, 'agenda')),
        minutes: jsonb(cell.localized(row, 'minutes')),
        links: jsonb(row.links),
      };
      if (stored) await updateVersioned(trx, 'forum_meetings', id, values).execute();
      else
        await trx
          .insertInto('forum_meetings')
          .values({ id, ...values })
          .execute();
      await trx.deleteFrom('meeting_attendance').where('meeting_id', '=', id).execute();
      const groups = Object.entries(row.attendanceByGroup as GroupAttendance);
      if (groups.length > 0)
        await trx
          .insertInto('meeting_attendance')
          .values(groups.map(([code, count]) => ({ meeting_id: id, stakeholder_group: code, count })))
          .execute();
      await trx.deleteFrom('meeting_documents').where('meeting_id', '=', id).execute();
      const documents = row.documents as MeetingDocument[];
      if (documents.length > 0)
        await trx
          .insertInto('meeting_documents')
          .values(documents.map((d, position) => ({ meeting_id: id, position, kind: d.kind, title: jsonb(d.title), url: d.url })))
          .execute();
      await recordImportedRow(trx, {
        entityType: 'meeting',
        entityId: id,
        planId: cell.int(row, 'planId'),
        commitmentId: null,
        actor,
        before: stored,
        after: row,
      });
    }
    await movePastIds(trx, 'forum_meetings');
  },
};

// ---- resolutions ----

const resolutionColumns: readonly OpenDataColumn[] = [
  column('id', 'Resolution ID', 'int', 'The resolution’s identifier on this site.', '本站的列管事項識別碼。'),
  column('planId', 'Action Plan ID', 'int', 'The plan whose forum made the resolution.', '所屬行動方案。', { references: 'plans' }),
  column('meetingId', 'Meeting ID', 'int', 'The meeting that made the resolution.', '作成決議的會議。', { references: 'meetings' }),
  column('number', 'Resolution Number', 'text', 'The resolution’s number in its plan (letters, digits, "." and "-").', '列管編號（英數字、「.」與「-」）。', {
    max: 30,
  }),
  column('body', 'Resolution', 'localized', 'What the forum resolved.', '決議內容。'),
  column('ownerAgencyId', 'Responsible Agency ID', 'int', 'The agency that follows it up, if any.', '負責辦理的機關（若有）。', {
    nullable: true,
    references: 'agencies',
  }),
  column('dueOn', 'Due Date', 'date', 'When it is due (YYYY-MM-DD), if set.', '預定完成日期（YYYY-MM-DD，若有）。', { nullable: true }),
  column(
    'status',
    'Tracking Status',
    'enum',
    'keep-tracking (持續列管) or closed (解除列管): the latest decision’s.',
    '持續列管（keep-tracking）或解除列管（closed），依最近一次決定。',
    { values: RESOLUTION_STATUSES },
  ),
];

type ResolutionRead = {
  id: number;
  plan_id: number;
  meeting_id: number;
  number: string;
  body: Localized;
  owner_agency_id: number | null;
  due_on: string | null;
  status: string;
};
const resolutionRow = (r: ResolutionRead): OpenDataRow => ({
  id: r.id,
  planId: r.plan_id,
  meetingId: r.meeting_id,
  number: r.number,
  body: r.body,
  ownerAgencyId: r.owner_agency_id,
  dueOn: r.due_on,
  status: r.status,
});
const selectResolutions = (db: DbOrTx) =>
  db.selectFrom('resolutions').select(['id', 'plan_id', 'meeting_id', 'number', 'body', 'owner_agency_id', 'due_on', 'status']);

export const resolutionsEntity: OpenDataEntity = {
  name: 'resolutions',
  title: { en: 'Resolutions', zh: '列管事項' },
  description: {
    en: 'The forum’s resolutions followed up until closed, with their tracking status (持續列管 / 解除列管).',
    zh: '推動小組決議並追蹤至解除列管的事項，含列管狀態（持續列管／解除列管）。',
  },
  order: 210,
  columns: resolutionColumns,
  async count(db, scope) {
    let q = db.selectFrom('resolutions').select((eb) => eb.fn.countAll<string>().as('n'));
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return countOf(q);
  },
  async read(db, scope, afterId, limit) {
    let q = selectResolutions(db).where('id', '>', afterId);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return (await q.orderBy('id').limit(limit).execute()).map(resolutionRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectResolutions(db).where('id', 'in', ids).execute()).map((r) => [r.id, resolutionRow(r)]));
  },
  check: (row) => (RESOLUTION_NUMBER_PATTERN.test(row.number as string) ? [] : [{ field: 'number', key: 'error.resolutionNumber' }]),
  async write(trx, rows, before, actor) {
    const changes = changedRows(resolutionColumns, rows, before);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        plan_id: cell.int(row, 'planId'),
        meeting_id: cell.int(row, 'meetingId'),
        number: cell.text(row, 'number'),
        body: jsonb(cell.localized(row, 'body')),
        owner_agency_id: cell.intOrNull(row, 'ownerAgencyId'),
        due_on: cell.textOrNull(row, 'dueOn'),
        status: cell.text(row, 'status'),
      };
      if (stored) await updateVersioned(trx, 'resolutions', id, values).execute();
      else
        await trx
          .insertInto('resolutions')
          .values({ id, ...values })
          .execute();
      await recordImportedRow(trx, {
        entityType: 'resolution',
        entityId: id,
        planId: cell.int(row, 'planId'),
        commitmentId: null,
        actor,
        before: stored,
        after: row,
      });
    }
    await movePastIds(trx, 'resolutions');
  },
};

// ---- decisions ----

const decisionColumns: readonly OpenDataColumn[] = [
  column('id', 'Decision ID', 'int', 'The decision’s identifier on this site.', '本站的列管決定識別碼。'),
  column('resolutionId', 'Resolution ID', 'int', 'The resolution decided on.', '所決定的列管事項。', { references: 'resolutions' }),
  column('meetingId', 'Meeting ID', 'int', 'The meeting at which the forum decided.', '作成決定的會議。', { references: 'meetings' }),
  column('status', 'Decision', 'enum', 'keep-tracking (持續列管) or closed (解除列管).', '持續列管（keep-tracking）或解除列管（closed）。', {
    values: RESOLUTION_STATUSES,
  }),
  column('note', 'Decision Note', 'localized', 'What the forum noted with its decision.', '決定的說明。'),
];

type DecisionRead = { id: number; resolution_id: number; meeting_id: number; status: string; note: Localized };
const decisionRow = (r: DecisionRead): OpenDataRow => ({ id: r.id, resolutionId: r.resolution_id, meetingId: r.meeting_id, status: r.status, note: r.note });
const selectDecisions = (db: DbOrTx) => db.selectFrom('resolution_decisions as d').select(['d.id', 'd.resolution_id', 'd.meeting_id', 'd.status', 'd.note']);

export const decisionsEntity: OpenDataEntity = {
  name: 'resolutionDecisions',
  title: { en: 'Resolution decisions', zh: '列管決定' },
  description: {
    en: 'Each decision of the forum to keep tracking a resolution or to close it, and the meeting it was made at.',
    zh: '推動小組對列管事項所作持續列管或解除列管之決定，及作成決定的會議。',
  },
  order: 220,
  columns: decisionColumns,
  async count(db, scope) {
    let q = db
      .selectFrom('resolution_decisions as d')
      .innerJoin('resolutions as r', 'r.id', 'd.resolution_id')
      .select((eb) => eb.fn.countAll<string>().as('n'));
    if (scope.planId !== null) q = q.where('r.plan_id', '=', scope.planId);
    return countOf(q);
  },
  async read(db, scope, afterId, limit) {
    let q = selectDecisions(db).where('d.id', '>', afterId);
    if (scope.planId !== null) {
      const planId = scope.planId;
      q = q.where('d.resolution_id', 'in', (eb) => eb.selectFrom('resolutions').select('id').where('plan_id', '=', planId));
    }
    return (await q.orderBy('d.id').limit(limit).execute()).map(decisionRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectDecisions(db).where('d.id', 'in', ids).execute()).map((r) => [r.id, decisionRow(r)]));
  },
  async write(trx, rows, before, actor) {
    const changes = changedRows(decisionColumns, rows, before);
    const resolutionIds = [...new Set(changes.map((c) => c.row.resolutionId as number))];
    const planOf = new Map<number, number>();
    if (resolutionIds.length > 0)
      for (const r of await trx.selectFrom('resolutions').select(['id', 'plan_id']).where('id', 'in', resolutionIds).execute()) planOf.set(r.id, r.plan_id);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        resolution_id: cell.int(row, 'resolutionId'),
        meeting_id: cell.int(row, 'meetingId'),
        status: cell.text(row, 'status'),
        note: jsonb(cell.localized(row, 'note')),
      };
      if (stored) await trx.updateTable('resolution_decisions').set(values).where('id', '=', id).execute();
      else
        await trx
          .insertInto('resolution_decisions')
          .values({ id, ...values })
          .execute();
      // As the forum's use case files a decision: under its resolution, as `decide`.
      const entry = (d: OpenDataRow | undefined) => (d ? { meetingId: d.meetingId, status: d.status, note: d.note } : null);
      await recordHistory(trx, {
        entityType: 'resolution',
        entityId: cell.int(row, 'resolutionId'),
        planId: planOf.get(cell.int(row, 'resolutionId')) ?? null,
        commitmentId: null,
        action: 'decide',
        actor,
        before: { decision: entry(stored) },
        after: { decision: entry(row) },
      });
    }
    await movePastIds(trx, 'resolution_decisions');
  },
};

export const forumOpenData: readonly OpenDataEntity[] = [meetingsEntity, resolutionsEntity, decisionsEntity];
