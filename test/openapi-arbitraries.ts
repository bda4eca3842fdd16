/**
 * fast-check arbitraries built from our OpenAPI document: for each write operation, request bodies that look valid
 * (they follow the JSON Schema: types, bounds, patterns, formats, enums, required keys) mixed with hostile ones
 * (NUL, lone surrogates, wrong types, huge numbers, extra keys, `javascript:` URLs, deep junk, invalid JSON).
 *
 * Ids and versions cannot be known when values are generated (the database changes as the fuzz writes), so bodies
 * and paths carry references (`IdRef`, `VersionRef`, `PathId`) that the test resolves against the database just
 * before sending. Shrinking still works on the references.
 */
import fc from 'fast-check';

// ---------------------------------------------------------------- the parts of OpenAPI 3.1 / JSON Schema we read

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface WriteOperation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path template under /api/v1, e.g. `/plans/{id}/areas`. */
  path: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  /** `json`, `multipart` or `none` (no request body declared). */
  bodyKind: 'json' | 'multipart' | 'none';
  bodySchema?: JsonSchema;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Every POST/PUT/PATCH/DELETE operation of the document, in document order. */
export function writeOperations(doc: OpenApiDocument): WriteOperation[] {
  const operations: WriteOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!WRITE_METHODS.has(method)) continue;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const bodyKind = content['multipart/form-data'] ? 'multipart' : content['application/json'] ? 'json' : 'none';
      operations.push({
        method: method.toUpperCase() as WriteOperation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        bodyKind,
        bodySchema: bodyKind === 'json' ? content['application/json']?.schema : bodyKind === 'multipart' ? content['multipart/form-data']?.schema : undefined,
      });
    }
  }
  return operations;
}

// ---------------------------------------------------------------- references resolved at send time

/** The kinds of stored objects a path segment or an `…Id` field can point at. */
export type ObjectKind =
  | 'plan'
  | 'area'
  | 'commitment'
  | 'milestone'
  | 'agency'
  | 'member'
  | 'meeting'
  | 'resolution'
  | 'cycle'
  | 'report'
  | 'evidence'
  | 'transcript'
  | 'speech'
  | 'speaker'
  | 'user'
  | 'token'
  | 'grant'
  | 'seat'
  | 'forumRules'
  | 'call'
  | 'nomination'
  | 'phase'
  | 'workingGroup'
  | 'input'
  | 'consultation'
  | 'suspension'
  | 'document'
  | 'amendment'
  | 'engagement'
  | 'review'
  | 'reviewUnit'
  | 'reviewRequirement'
  | 'recommendation'
  | 'selfAssessment'
  | 'selfAssessmentEntry';

/** Path segment before `{id}` → kind. */
export const SEGMENT_KINDS: Record<string, ObjectKind> = {
  plans: 'plan',
  areas: 'area',
  commitments: 'commitment',
  milestones: 'milestone',
  agencies: 'agency',
  meetings: 'meeting',
  resolutions: 'resolution',
  cycles: 'cycle',
  reports: 'report',
  evidence: 'evidence',
  transcripts: 'transcript',
  speeches: 'speech',
  speakers: 'speaker',
  tokens: 'token',
  users: 'user',
  grants: 'grant',
  seats: 'seat',
  'forum-rules': 'forumRules',
  calls: 'call',
  nominations: 'nomination',
  phases: 'phase',
  'working-groups': 'workingGroup',
  // `/working-groups/{id}/memberships/{userId}`: a membership is named by its member's account.
  memberships: 'user',
  inputs: 'input',
  consultations: 'consultation',
  suspensions: 'suspension',
  documents: 'document',
  amendments: 'amendment',
  'review-engagements': 'engagement',
  reviews: 'review',
  'review-units': 'reviewUnit',
  'review-requirements': 'reviewRequirement',
  'self-assessments': 'selfAssessment',
  'self-assessment-entries': 'selfAssessmentEntry',
  recommendations: 'recommendation',
  // `/review-engagements/{id}/reviewers/{userId}`: a reviewer is named by their account.
  reviewers: 'user',
};

/** The last word of an `…Id`/`…Ids` field name → kind (`leadAgencyId` → agency); names that say a role, not a kind, are listed. */
const FIELD_WORD_KINDS: Record<string, ObjectKind> = {
  plan: 'plan',
  area: 'area',
  commitment: 'commitment',
  milestone: 'milestone',
  agency: 'agency',
  member: 'member',
  meeting: 'meeting',
  resolution: 'resolution',
  cycle: 'cycle',
  report: 'report',
  evidence: 'evidence',
  transcript: 'transcript',
  speech: 'speech',
  speaker: 'speaker',
  user: 'user',
  successor: 'agency',
  twin: 'transcript',
  grant: 'grant',
  seat: 'seat',
  call: 'call',
  nomination: 'nomination',
  phase: 'phase',
  group: 'workingGroup',
  consultation: 'consultation',
  input: 'input',
  unit: 'reviewUnit',
};

export function kindOfField(name: string): ObjectKind | undefined {
  const match = /^(.*?)Ids?$/.exec(name);
  if (!match?.[1]) return undefined;
  const words = match[1].split(/(?=[A-Z])/);
  return FIELD_WORD_KINDS[(words.at(-1) ?? '').toLowerCase()];
}

/** A real object of this kind, the `pick`-th of those stored when the request is sent. */
export class IdRef {
  constructor(
    readonly kind: ObjectKind,
    readonly pick: number,
  ) {}
}

/** The version of the object the path names, as stored when the request is sent, shifted by `offset` (−1: stale). */
export class VersionRef {
  constructor(readonly offset: number) {}
}

/** A path or query parameter: a real object (mostly) or raw hostile text. */
export type ParamValue = { real: number } | { raw: string };

// ---------------------------------------------------------------- hostile values

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', 'a\ud800b', 'x\udfffy', '\udc00\ud800'];
const CONTROL = ['\u0000', 'a\u0000b', '\u0000\u0000', '\u0007', '\u001b[31m', '\r\n\r\n', '\u2028\u2029', '\ufeff', '\ufffe', '\uffff', '\u202eevil'];

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   ',
  ...LONE_SURROGATES,
  ...CONTROL,
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  ']]></title><x>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.org/x',
  'mailto:someone@example.org',
  'http://',
  'https://',
  'http://[::1',
  'https://exa mple.org/',
  "'; DROP TABLE commitments; --",
  "' OR '1'='1",
  '\\',
  '%00',
  '%ED%A0%80',
  '../../../etc/passwd',
  '${7*7}',
  '{{7*7}}',
  '=HYPERLINK("http://evil.example","x")',
  '+1',
  '-1',
  '@SUM(A1)',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '0b1',
  '1_000',
  '１２３',
  '２０２１-０１-０１',
  '9999-99-99',
  '0000-00-00',
  '2021-02-30',
  '2021-13-45',
  '2021-1-1',
  ' 2021-01-01',
  '2021-01-01T00:00:00Z',
  '+275760-09-13',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '🏳️‍🌈',
  '𠮷野家',
  'é',
  'ﬀ',
  'İ',
  'ß',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  0.1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 63,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

/**
 * Deeply nested junk (`[[[…]]]` or `{"a":{"a":…}}`), built only when serialized: as a plain value it would be too deep
 * for fast-check to print or shrink.
 */
export class DeepJunk {
  constructor(
    readonly depth: number,
    readonly asArray: boolean,
  ) {}
  toJSON(): unknown {
    let value: unknown = 'x';
    for (let i = 0; i < this.depth; i++) value = this.asArray ? [value] : { a: value };
    return value;
  }
}

/** Values of every JSON type that do not belong where they are put. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': '' }, [1, 'a', null], { zh: null, en: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(10, 100, 1000).chain((depth) => fc.boolean().map((asArray) => new DeepJunk(depth, asArray))) },
  { weight: 1, arbitrary: fc.constantFrom(1_001, 20_001, 300_000).map((n) => '字'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 20_000).map((n) => Array.from({ length: n }, (_, i) => i)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A generated string with one hostile character sequence put somewhere inside it. */
function withInjection(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.constantFrom(...LONE_SURROGATES, ...CONTROL), fc.nat()).map(([text, bad, at]) => {
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    return text.slice(0, i) + bad + text.slice(i);
  });
}

// ---------------------------------------------------------------- valid-looking values

const cjkChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
const textUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constant<'grapheme'>('grapheme') },
  { weight: 2, arbitrary: fc.constant<'grapheme-ascii'>('grapheme-ascii') },
);

function plainText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const max = Math.max(minLength, Math.min(maxLength, 120));
  return fc.oneof(
    { weight: 12, arbitrary: textUnit.chain((unit) => fc.string({ unit, minLength, maxLength: max })) },
    { weight: 12, arbitrary: fc.string({ unit: cjkChar, minLength, maxLength: max }) },
    // Exactly at the limit, the largest value that must be accepted.
    {
      weight: 1,
      arbitrary: fc.constant(
        Number.isFinite(maxLength) && maxLength <= 100_000 ? '字'.repeat(Math.max(maxLength, minLength)) : 'x'.repeat(Math.max(minLength, 1)),
      ),
    },
  );
}

const dateBetween = (from: string, to: string) =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Mostly inside the demo plan's period (2021-01 to 2024-06), so date rules pass often enough to reach the writes. */
const dateArb = fc.oneof(
  // Inside most of the demo commitments' dates too, so milestones and cycles fit.
  { weight: 4, arbitrary: dateBetween('2021-03-01', '2022-10-31') },
  { weight: 2, arbitrary: dateBetween('2021-01-01', '2024-05-31') },
  { weight: 1, arbitrary: dateBetween('1900-01-01', '2100-12-31') },
);

/** Mostly ordinary addresses; fast-check's own include RFC corners that common validators refuse, and that is fine too. */
const emailArb = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,11}@[a-z0-9]{1,10}\.(gov\.tw|org|com\.tw)$/) },
  { weight: 1, arbitrary: fc.emailAddress() },
);

const urlArb = fc.oneof(
  { weight: 3, arbitrary: fc.webUrl({ validSchemes: ['https', 'http'] }) },
  { weight: 1, arbitrary: fc.constantFrom('https://www.gov.tw/', 'https://data.gov.tw/dataset/1', 'http://example.org/a?b=c#d', 'https://例子.測試/路徑') },
);

function stringArb(schema: JsonSchema, name: string | undefined): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  if (schema.format === 'date') return dateArb;
  if (schema.format === 'date-time') return dateArb.map((d) => `${d}T08:00:00.000Z`);
  if (schema.format === 'email' || name === 'email') return emailArb.filter(fits);
  if (schema.format === 'uri' || schema.format === 'url' || /url$/i.test(name ?? '')) return urlArb.filter(fits);
  if (name === 'markdown') return transcriptMarkdown.filter(fits);
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    } catch {
      // A pattern fast-check cannot read: plausible text instead (the hostile side still tries the rest).
    }
  }
  return plainText(minLength, maxLength);
}

/** A small transcript in our Markdown format (ADR 0011), so imports get past the parser. */
const transcriptMarkdown: fc.Arbitrary<string> = fc
  .tuple(
    dateArb,
    fc.string({ unit: cjkChar, minLength: 1, maxLength: 20 }),
    fc.array(
      fc.tuple(
        fc.constantFrom('王大明召集人', '李小華委員', '問', '答', 'Alice', '唐鳳政務委員'),
        fc.string({ unit: cjkChar, minLength: 1, maxLength: 80 }),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([date, title, speeches]) =>
    [`# ${date} ${title}`, ...speeches.map(([who, text, note]) => (note ? `> （${text}）` : `### ${who}：\n${text}`))].join('\n\n\n\n'),
  );

function integerArb(schema: JsonSchema): fc.Arbitrary<number> {
  const lowExclusive = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined;
  const highExclusive = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : undefined;
  const min = Math.max(schema.minimum ?? lowExclusive ?? -1_000_000, Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? highExclusive ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  return fc.integer({ min, max });
}

function numberArb(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : -1e9);
  const max = schema.maximum ?? (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : 1e9);
  return fc.oneof(integerArb(schema), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

// ---------------------------------------------------------------- schema → arbitrary

export interface BuildOptions {
  doc: OpenApiDocument;
  /** Percent of schema nodes that get a hostile value instead (0: valid-looking only). */
  hostilePercent: number;
}

function resolveRef(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  let current = schema;
  for (let i = 0; current.$ref && i < 20; i++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${current.$ref}`);
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current;
}

/** Values for one schema node; `name` is the property it sits in (ids and versions are recognised by name). */
export function schemaArbitrary(input: JsonSchema, options: BuildOptions, name?: string): fc.Arbitrary<unknown> {
  const schema = resolveRef(input, options.doc);
  const valid = validArbitrary(schema, options, name);
  if (options.hostilePercent <= 0) return valid;
  const hostile = isStringSchema(schema) ? fc.oneof(hostileValue, withInjection(stringArb(schema, name))) : hostileValue;
  return fc.oneof({ weight: 100 - options.hostilePercent, arbitrary: valid }, { weight: options.hostilePercent, arbitrary: hostile });
}

function isStringSchema(schema: JsonSchema): boolean {
  return schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
}

function validArbitrary(schema: JsonSchema, options: BuildOptions, name?: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => schemaArbitrary(branch, options, name)));
  if (schema.allOf) {
    const merged = schema.allOf
      .map((part) => resolveRef(part, options.doc))
      .reduce<JsonSchema>(
        (all, part) => ({
          ...all,
          ...part,
          properties: { ...all.properties, ...part.properties },
          required: [...(all.required ?? []), ...(part.required ?? [])],
        }),
        {},
      );
    return validArbitrary(merged, options, name);
  }
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => validArbitrary({ ...schema, type }, options, name)));
  }
  if (schema.nullable) return fc.option(validArbitrary({ ...schema, nullable: false }, options, name), { nil: null, freq: 5 });

  const kind = name ? kindOfField(name) : undefined;
  switch (schema.type) {
    case 'object':
      return objectArbitrary(schema, options);
    case 'array': {
      const items = schema.items ?? {};
      const maxLength = Math.min(schema.maxItems ?? 4, 4);
      const itemName = name && kindOfField(name) ? name.replace(/Ids$/, 'Id') : name;
      return fc.array(schemaArbitrary(items, options, itemName), { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength });
    }
    case 'string':
      return stringArb(schema, name);
    case 'integer':
      if (name === 'version')
        return fc.oneof(
          { weight: 8, arbitrary: fc.constant(new VersionRef(0)) },
          { weight: 1, arbitrary: fc.constantFrom(new VersionRef(-1), new VersionRef(1)) },
        );
      if (kind) return fc.oneof({ weight: 8, arbitrary: fc.nat().map((pick) => new IdRef(kind, pick)) }, { weight: 1, arbitrary: integerArb(schema) });
      return integerArb(schema);
    case 'number':
      return numberArb(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const EXTRA_KEYS = [
  'id',
  'createdAt',
  'updatedAt',
  'version',
  'status',
  'role',
  'isAdmin',
  'planId',
  'agencyId',
  'constructor',
  'prototype',
  '',
  'x'.repeat(300),
  '\u0000',
  '\ud800',
];

function objectArbitrary(schema: JsonSchema, options: BuildOptions): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(properties)) model[key] = schemaArbitrary(child, options, key);
  const record =
    Object.keys(model).length > 0
      ? fc.record(model, { requiredKeys: required.filter((key) => key in model) }).map(startBeforeEnd)
      : fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  if (options.hostilePercent <= 0) return record;
  return fc.oneof(
    { weight: 8, arbitrary: record },
    // A required key left out.
    { weight: 1, arbitrary: fc.tuple(record, fc.nat()).map(([value, at]) => withoutKey(value, required[at % Math.max(required.length, 1)])) },
    // Keys the schema does not know, including `__proto__` as an own key (as JSON.parse makes it).
    {
      weight: 1,
      arbitrary: fc.tuple(record, fc.constantFrom(...EXTRA_KEYS), hostileValue, fc.boolean()).map(([value, key, extra, proto]) => {
        const out = { ...value, [key]: extra };
        if (proto) Object.defineProperty(out, '__proto__', { value: { isAdmin: true, role: 'admin' }, enumerable: true, configurable: true, writable: true });
        return out;
      }),
    },
  );
}

/** `startDate`/`endDate`, `periodStart`/`periodEnd`, `startsOn`/`endsOn`: put in order, as a real client would. */
function startBeforeEnd(value: Record<string, unknown>): Record<string, unknown> {
  const out = { ...value };
  for (const key of Object.keys(out)) {
    if (!/start/i.test(key)) continue;
    const endKey = key.replace('start', 'end').replace('Start', 'End');
    const start = out[key];
    const end = out[endKey];
    if (typeof start === 'string' && typeof end === 'string' && start > end) {
      out[key] = end;
      out[endKey] = start;
    }
  }
  return out;
}

function withoutKey(value: Record<string, unknown>, key: string | undefined): Record<string, unknown> {
  if (key === undefined) return value;
  const copy = { ...value };
  delete copy[key];
  return copy;
}

// ---------------------------------------------------------------- whole request bodies

/** A body as sent: JSON text, raw text or bytes with a content type, a multipart form, or nothing. */
export type RawBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; contentType: string | null; text: string }
  | { kind: 'bytes'; contentType: string | null; bytes: number[] }
  | { kind: 'multipart'; parts: MultipartPart[] }
  | { kind: 'none' };

export type MultipartPart = { name: string; value: string } | { name: string; fileName: string; type: string; bytes: number[] };

const INVALID_JSON = [
  '{',
  '[',
  '{"a":',
  '{"a" 1}',
  "{'a':1}",
  '{"a":1,}',
  'nul',
  'undefined',
  '\u0000',
  '{"a":"\u0000"}',
  '1e99999',
  '-',
  '"\\ud800"',
  '{"a":"\\x00"}',
  '\ufeff{}',
  '{}{}',
  '[]]',
];

/** Bodies that are not a JSON object at all: other JSON values, broken JSON, other content types, deep nesting. */
export const junkBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constant<RawBody>({ kind: 'none' }),
  fc.constantFrom<unknown>(null, [], 'text', 1, true, [{}], { '': null }).map((value): RawBody => ({ kind: 'json', value })),
  fc.constantFrom(...INVALID_JSON).map((text): RawBody => ({ kind: 'text', contentType: 'application/json', text })),
  fc
    .constantFrom(10_000, 200_000)
    .chain((depth) => fc.constantFrom('[', '{"a":').map((open): RawBody => ({ kind: 'text', contentType: 'application/json', text: open.repeat(depth) }))),
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/octet-stream',
        null,
      ),
      fc.constantFrom('{}', 'a=1&b=2', '<a/>', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', ''),
    )
    .map(([contentType, text]): RawBody => ({ kind: 'text', contentType, text })),
  // Bytes that are not UTF-8 inside what would be a JSON string.
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes): RawBody => ({ kind: 'bytes', contentType: 'application/json', bytes: [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, ...bytes, 0x22, 0x7d] })),
  // Just over the body limit.
  fc.constant<RawBody>({ kind: 'text', contentType: 'application/json', text: `{"a":"${'x'.repeat(5_600_000)}"}` }),
);

/** Bodies for a JSON operation: valid-looking, one-thing-wrong, or junk. */
export function jsonBodyArbitrary(schema: JsonSchema | undefined, doc: OpenApiDocument): fc.Arbitrary<RawBody> {
  if (!schema) return fc.oneof({ weight: 4, arbitrary: fc.constant<RawBody>({ kind: 'none' }) }, { weight: 1, arbitrary: junkBody });
  const wrap = (value: unknown): RawBody => ({ kind: 'json', value });
  return fc.oneof(
    { weight: 5, arbitrary: schemaArbitrary(schema, { doc, hostilePercent: 0 }).map(wrap) },
    { weight: 5, arbitrary: schemaArbitrary(schema, { doc, hostilePercent: 8 }).map(wrap) },
    { weight: 1, arbitrary: junkBody },
  );
}

const FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/csv',
  'text/plain',
  'application/vnd.oasis.opendocument.text',
  'application/x-msdownload',
  'text/html',
  'image/svg+xml',
  '',
];
const FILE_NAMES = [
  'report.pdf',
  'photo.png',
  'data.csv',
  'notes.txt',
  'a.odt',
  'b.docx',
  'evil.exe',
  'x.html',
  'x.svg',
  '',
  '.pdf',
  '../../etc/passwd',
  'a\u0000.pdf',
  'a\ud800.pdf',
  '報告.pdf',
  `${'n'.repeat(300)}.pdf`,
  'noextension',
];
const MAGIC: number[][] = [
  [],
  [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff],
  [0x50, 0x4b, 0x03, 0x04],
  [0x4d, 0x5a],
  [0x3c, 0x73, 0x76, 0x67],
];

/** A file: a plausible name, type and leading bytes (PDF, PNG, JPEG, ZIP/OOXML, EXE, SVG) or mismatched ones. */
const fileOf = (name: fc.Arbitrary<string>): fc.Arbitrary<MultipartPart> =>
  fc
    .tuple(
      name,
      fc.constantFrom(...FILE_NAMES),
      fc.constantFrom(...FILE_TYPES),
      fc.constantFrom(...MAGIC),
      fc.oneof(
        { weight: 9, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 2048 }) },
        { weight: 1, arbitrary: fc.constantFrom(0, 100_000).map((n) => new Uint8Array(n)) },
      ),
    )
    .map(([n, fileName, type, magic, rest]) => ({ name: n, fileName, type, bytes: [...magic, ...rest] }));

const textPart = (name: fc.Arbitrary<string>, value: fc.Arbitrary<string>): fc.Arbitrary<MultipartPart> =>
  fc.tuple(name, value).map(([n, v]) => ({ name: n, value: v }));

/**
 * Bodies for a multipart upload: the form the schema describes (binary properties as files, the others as text
 * fields, some left out), with extra or repeated parts, or no form at all.
 */
export function multipartBodyArbitrary(schema: JsonSchema | undefined, doc: OpenApiDocument): fc.Arbitrary<RawBody> {
  const resolved = schema ? resolveRef(schema, doc) : {};
  const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  const fields = Object.entries(resolved.properties ?? {}).map(([name, child]) =>
    fc.option(
      resolveRef(child, doc).format === 'binary'
        ? fileOf(fc.constant(name))
        : textPart(fc.constant(name), schemaArbitrary(child, { doc, hostilePercent: 8 }, name).map(asText)),
      { freq: 8 },
    ),
  );
  const names = fc.constantFrom(...Object.keys(resolved.properties ?? {}), 'files', '', '_csrf');
  const extra = fc.oneof(fileOf(names), textPart(names, fc.oneof(plainText(0, 300), fc.constantFrom(...HOSTILE_STRINGS))));
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.tuple(...fields), fc.array(extra, { maxLength: 2 }))
        .map(([parts, more]): RawBody => ({ kind: 'multipart', parts: [...parts.filter((p): p is MultipartPart => p !== null), ...more] })),
    },
    { weight: 2, arbitrary: junkBody },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value): RawBody => ({ kind: 'json', value })) },
  );
}

// ---------------------------------------------------------------- path and query parameters

export const HOSTILE_PARAMS: readonly string[] = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x1',
  '9007199254740993',
  '9223372036854775808',
  '9'.repeat(400),
  'abc',
  '%00',
  '1%00',
  '%ED%A0%80',
  '%FF',
  '%20',
  '1%20',
  '%EF%BC%91',
  '00001',
  '+1',
  '..',
  '%2e%2e',
  'null',
  'NaN',
  'Infinity',
  '%E5%AD%97',
];

/** A path parameter: a real object most of the time, else hostile text (already URL-encoded where needed). */
export const pathParamArbitrary: fc.Arbitrary<ParamValue> = fc.oneof(
  { weight: 9, arbitrary: fc.nat().map((real): ParamValue => ({ real })) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PARAMS).map((raw): ParamValue => ({ raw })) },
);

/** A `version` query parameter: the stored version (or one off), missing, repeated or hostile. */
export const versionQueryArbitrary: fc.Arbitrary<string | VersionRef | null> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(new VersionRef(0)) },
  { weight: 1, arbitrary: fc.constantFrom(new VersionRef(-1), new VersionRef(1)) },
  { weight: 2, arbitrary: fc.constantFrom<string | null>(null, '', 'abc', '-1', '0', '1.5', '%00', '1&version=2', '9'.repeat(400), '%ED%A0%80', 'true') },
);

/** Other query parameters: absent mostly, else a value from the schema (references resolved at send time) or hostile text. */
export function queryParamArbitrary(schema: JsonSchema | undefined, doc: OpenApiDocument, name: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: schemaArbitrary(schema ?? {}, { doc, hostilePercent: 0 }, name) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PARAMS) },
  );
}
