/** Input and output schemas of notifications: the API, the one-click forms and the OpenAPI document share them. */
import { z } from '@hono/zod-openapi';
import { recordId, text } from '../../web/schemas.js';
import { FOLLOW_TARGETS, MAIL_LANGS, MAIL_SETTINGS } from './notifications.model.js';

export const followTargetType = z.enum(FOLLOW_TARGETS);

/** A path on this site to go back to: one leading slash (never `//host` or `/\host`), no control characters. */
export const sameOriginReturnPath = text(2000).refine((value) => /^\/(?![/\\])[^\s\u0000-\u001f\u007f]*$/.test(value), {
  message: 'notifications.returnTo.invalid',
});

/** The follow and unfollow buttons' form. */
export const followForm = z
  .object({
    target_type: followTargetType,
    target_id: recordId(),
    return_to: sameOriginReturnPath,
  })
  .strict();

export const followParams = z.object({
  type: followTargetType.openapi({ param: { name: 'type', in: 'path' }, example: 'consultation' }),
  id: recordId().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const followOutput = z
  .object({
    targetType: followTargetType,
    targetId: z.number().int(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Follow');

export const markReadForm = z.object({ id: recordId().optional() }).strict();

export const settingsInput = z
  .object({
    email: z.enum(MAIL_SETTINGS),
    lang: z.enum(MAIL_LANGS),
  })
  .strict();
