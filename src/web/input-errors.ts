/**
 * Errors caused by what a client sent that surface below zod (ADR 0016): the database refusing a value, the HTTP
 * framework refusing a body, Node's HTTP parser refusing a request. Each becomes a 4xx in the house error shape;
 * only faults of ours stay 500.
 */
import type { Duplex } from 'node:stream';
import { HTTPException } from 'hono/http-exception';
import { AppError, ValidationError } from '../errors.js';
import { t, type MessageKey } from './i18n.js';

interface DatabaseErrorLike {
  code: string;
  severity?: string;
  detail?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

/** node-postgres and PGlite both throw errors carrying the SQLSTATE code and the server's fields. */
function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The key's last column in `Key (plan_id, slug)=(…) …`: the field the person chose (the others scope it). */
function keyField(detail: string | undefined): string | undefined {
  const columns = /^Key \(([^)]+)\)=/
    .exec(detail ?? '')?.[1]
    ?.split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  const last = columns?.[columns.length - 1];
  return last && /^[a-z_][a-z0-9_]*$/.test(last) ? camel(last) : undefined;
}

/** PostgreSQL names an unnamed CHECK `{table}_{column}_check`. */
function checkedField(error: DatabaseErrorLike): string | undefined {
  const { table, constraint } = error;
  if (!table || !constraint?.startsWith(`${table}_`) || !constraint.endsWith('_check')) return undefined;
  const column = constraint.slice(table.length + 1, -'_check'.length);
  return /^[a-z_][a-z0-9_]*$/.test(column) ? camel(column) : undefined;
}

function fieldError(field: string | undefined, key: MessageKey, status: 400 | 409 = 400): AppError {
  return field ? new ValidationError([{ field, key }], {}, status) : new AppError(status, key);
}

/** A database error that the request's values caused, as the 4xx it deserves; undefined for anything else. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (!isDatabaseError(error)) return undefined;
  const { code, detail } = error;
  switch (code) {
    case '22021': // character_not_in_repertoire: NUL or bytes that are not UTF-8
    case '22P05': // untranslatable_character, e.g. \u0000 in jsonb
      return new AppError(400, 'error.character');
    case '22P02': // invalid_text_representation, e.g. a lone surrogate escape in JSON
      return new AppError(400, /surrogate|unicode/i.test(detail ?? '') ? 'error.character' : 'error.invalid');
    case '22001':
      return fieldError(error.column && camel(error.column), 'error.tooLongToStore');
    case '22003':
      return new AppError(400, 'error.outOfRange');
    case '22007':
    case '22008':
      return new AppError(400, 'error.date');
    case '23502':
      return fieldError(error.column && camel(error.column), 'error.required');
    case '23503':
      // Writing a reference to a missing row is the request's mistake; deleting a row still referenced is a conflict.
      return /is still referenced/.test(detail ?? '') ? new AppError(409, 'error.stillReferenced') : fieldError(keyField(detail), 'error.referenceMissing');
    case '23001': // restrict_violation: deleting a row an ON DELETE RESTRICT key still points at
      return new AppError(409, 'error.stillReferenced');
    case '23505':
    case '23P01':
      return fieldError(keyField(detail), 'error.taken', 409);
    case '23514':
      return fieldError(checkedField(error), 'error.invalid');
  }
  if (code.startsWith('22')) return new AppError(400, 'error.invalid');
  return undefined;
}

/** The framework's own refusals (hono's validator, @hono/zod-openapi's media-type gate, body limits). */
export function fromHttpException(error: HTTPException): AppError | undefined {
  switch (error.status) {
    case 400:
      return new AppError(400, /json/i.test(error.message) ? 'error.badJson' : 'error.badRequest');
    case 404:
      return new AppError(404, 'error.notFound');
    case 413:
      return new AppError(413, 'error.bodyTooLarge', { max: '5 MB' });
    case 415:
      return new AppError(415, 'error.unsupportedMediaType');
    case 431:
      return new AppError(431, 'error.headersTooLarge');
  }
  return error.status >= 400 && error.status < 500 ? new AppError(400, 'error.badRequest') : undefined;
}

/**
 * Requests Node's HTTP parser refuses never reach the app (headers too large, malformed request lines). Answer them
 * in the house error shape too; the language is not known yet, so the message carries both.
 */
export function answerClientErrors(server: { on(event: 'clientError', listener: (error: Error & { code?: string }, socket: Duplex) => void): unknown }): void {
  server.on('clientError', (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, key]: [number, string, MessageKey] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'error.headersTooLarge']
        : error.code === 'HPE_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'error.badRequest']
          : [400, 'Bad Request', 'error.badRequest'];
    const body = JSON.stringify({ error: `${t('zh-TW', key)} ${t('en', key)}`, fields: {} });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
