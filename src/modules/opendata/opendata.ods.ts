/**
 * Reading an ODS spreadsheet's content.xml back into sheets of cell texts (the import of issue #14 item 6).
 *
 * No XML library is a dependency of the project, so this is a small, strict, non-validating parser of the subset an
 * ODS's content.xml uses: elements, attributes, text, comments, CDATA, processing instructions, namespaces, and the
 * five predefined entities with character references. A DOCTYPE (hence any ENTITY declaration) is refused: an
 * export never has one, and entity expansion is how an XML file makes a reader allocate without bound.
 *
 * The sheets are read as LibreOffice writes them when it saves a file again: repeated rows and cells
 * (`table:number-rows-repeated`, `table:number-columns-repeated`: empty ones are counted, never allocated; filled ones
 * are expanded within the limits), paragraphs (`<text:p>`, several in a cell joined by newlines) with `<text:s
 * text:c="n"/>`, `<text:tab/>` and `<text:line-break/>` and ODF's white-space collapsing, typed cells (the number,
 * date or boolean taken from `office:value`, `office:date-value`, `office:boolean-value`, not from a display text
 * formatted for a locale), covered (merged) cells, and empty sheets.
 */

/** Why a content.xml cannot be read: a catalog key of the open-data messages and its parameters. */
export class OdsError extends Error {
  constructor(
    readonly key:
      | 'opendata.import.unreadable'
      | 'opendata.import.doctype'
      | 'opendata.import.tooManyRows'
      | 'opendata.import.tooManyCells'
      | 'opendata.import.tooManyColumns'
      | 'opendata.import.cellTooLong',
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

const unreadable = (reason: string): OdsError => new OdsError('opendata.import.unreadable', { reason });

// ---------------------------------------------------------------- XML

/** The namespaces read, by URI, under the prefixes this reader uses whatever prefixes the file declares. */
const NAMESPACES: Record<string, string> = {
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0': 'draw',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlHandler {
  /** An element opens: its name and attributes as `prefix:local` with this reader's prefixes (`{uri}local` for others). */
  open(name: string, attributes: ReadonlyMap<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const NAME = /[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?/y;
const SPACE = /[ \t\r\n]*/y;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_DEPTH = 200;

const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/** Text with its references replaced; anything but the five entities and character references is refused. */
function decodeReferences(raw: string): string {
  let at = raw.indexOf('&');
  if (at === -1) return raw;
  let out = '';
  let from = 0;
  while (at !== -1) {
    REFERENCE.lastIndex = at;
    const match = REFERENCE.exec(raw);
    if (!match) throw unreadable(`an unknown or malformed reference “${raw.slice(at, at + 12)}”`);
    let decoded: string;
    if (match[1]) decoded = PREDEFINED[match[1]]!;
    else {
      const code = match[2] ? Number.parseInt(match[2], 10) : Number.parseInt(match[3]!, 16);
      if (!isXmlChar(code)) throw unreadable(`a character reference to a character XML does not allow (${code})`);
      decoded = String.fromCodePoint(code);
    }
    out += raw.slice(from, at) + decoded;
    from = REFERENCE.lastIndex;
    at = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

interface Scope {
  prefixes: Map<string, string>;
  name: string;
  raw: string;
}

/** A line number for a message. */
const lineAt = (xml: string, at: number): number => {
  let line = 1;
  for (let i = xml.indexOf('\n'); i !== -1 && i < at; i = xml.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * Parses `xml`, calling the handler for each element and text, in order; strict about well-formedness, refusing
 * DOCTYPE and unknown entities. Names come through with this reader's prefixes (see NAMESPACES).
 */
export function parseXml(xml: string, handler: XmlHandler): void {
  const length = xml.length;
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Scope[] = [];
  let rootSeen = false;
  const fail = (reason: string): OdsError => unreadable(`${reason} (line ${lineAt(xml, at)})`);
  const resolve = (qualified: string, prefixes: Map<string, string>, element: boolean): string => {
    const colon = qualified.indexOf(':');
    if (colon === -1) {
      if (!element) return qualified;
      const uri = prefixes.get('');
      if (!uri) return qualified;
      const known = NAMESPACES[uri];
      return known ? `${known}:${qualified}` : `{${uri}}${qualified}`;
    }
    const prefix = qualified.slice(0, colon);
    const uri = prefix === 'xml' ? XML_NS : prefixes.get(prefix);
    if (uri === undefined) throw fail(`the prefix “${prefix}” is not declared`);
    const known = NAMESPACES[uri];
    return known ? `${known}:${qualified.slice(colon + 1)}` : `{${uri}}${qualified.slice(colon + 1)}`;
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(xml);
    if (!match) throw fail('a name was expected');
    at = NAME.lastIndex;
    return match[0];
  };
  const skipSpace = (): void => {
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    at = SPACE.lastIndex;
  };

  while (at < length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > at) {
      const raw = xml.slice(at, textEnd);
      if (stack.length === 0) {
        if (!/^[ \t\r\n]*$/.test(raw)) throw fail('text outside the document element');
      } else handler.text(decodeReferences(raw));
      at = textEnd;
      continue;
    }
    if (xml.startsWith('<?', at)) {
      const end = xml.indexOf('?>', at + 2);
      if (end === -1) throw fail('an unfinished processing instruction');
      const body = xml.slice(at + 2, end);
      if (/^xml[ \t\r\n]/.test(body)) {
        if (at > (xml.charCodeAt(0) === 0xfeff ? 1 : 0)) throw fail('an XML declaration that is not at the start');
        const encoding = /encoding[ \t\r\n]*=[ \t\r\n]*["']([^"']*)["']/.exec(body)?.[1];
        if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) throw fail(`the encoding ${encoding} (UTF-8 expected)`);
      }
      at = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at + 4);
      if (end === -1) throw fail('an unfinished comment');
      at = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', at)) {
      if (stack.length === 0) throw fail('CDATA outside the document element');
      const end = xml.indexOf(']]>', at + 9);
      if (end === -1) throw fail('an unfinished CDATA section');
      handler.text(xml.slice(at + 9, end));
      at = end + 3;
      continue;
    }
    if (xml.startsWith('<!', at)) {
      // <!DOCTYPE …> and with it <!ENTITY …>: never in an export, and the way to an entity-expansion bomb.
      throw new OdsError('opendata.import.doctype');
    }
    if (xml.startsWith('</', at)) {
      at += 2;
      const closing = name();
      skipSpace();
      if (xml[at] !== '>') throw fail('“>” expected');
      at++;
      const scope = stack.pop();
      if (!scope || scope.raw !== closing) throw fail(`</${closing}> does not close the open element`);
      handler.close(scope.name);
      continue;
    }
    // A start tag.
    if (stack.length === 0 && rootSeen) throw fail('a second document element');
    at++;
    const raw = name();
    const attributes: [string, string][] = [];
    let selfClosing = false;
    for (;;) {
      const before = at;
      skipSpace();
      if (xml.startsWith('/>', at)) {
        selfClosing = true;
        at += 2;
        break;
      }
      if (xml[at] === '>') {
        at++;
        break;
      }
      if (at === before) throw fail('a space, “>” or “/>” expected');
      const attribute = name();
      skipSpace();
      if (xml[at] !== '=') throw fail('“=” expected');
      at++;
      skipSpace();
      const quote = xml[at];
      if (quote !== '"' && quote !== "'") throw fail('a quoted value expected');
      const end = xml.indexOf(quote, at + 1);
      if (end === -1) throw fail('an unfinished attribute value');
      const value = xml.slice(at + 1, end);
      if (value.includes('<')) throw fail('“<” in an attribute value');
      if (attributes.some(([n]) => n === attribute)) throw fail(`the attribute ${attribute} twice`);
      attributes.push([attribute, decodeReferences(value.replace(/[\t\r\n]/g, ' '))]);
      at = end + 1;
    }
    const parent = stack[stack.length - 1]?.prefixes ?? new Map<string, string>();
    let prefixes = parent;
    for (const [attribute, value] of attributes) {
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) {
        if (prefixes === parent) prefixes = new Map(parent);
        prefixes.set(attribute === 'xmlns' ? '' : attribute.slice(6), value);
      }
    }
    const resolved = new Map<string, string>();
    for (const [attribute, value] of attributes)
      if (attribute !== 'xmlns' && !attribute.startsWith('xmlns:')) resolved.set(resolve(attribute, prefixes, false), value);
    const element = resolve(raw, prefixes, true);
    if (stack.length >= MAX_DEPTH) throw fail('elements nested too deep');
    rootSeen = true;
    handler.open(element, resolved);
    if (selfClosing) handler.close(element);
    else stack.push({ prefixes, name: element, raw });
  }
  if (stack.length > 0) throw fail(`<${stack[stack.length - 1]!.raw}> is not closed`);
  if (!rootSeen) throw fail('no document element');
}

// ---------------------------------------------------------------- sheets

/** A row that has at least one filled cell: its number as the spreadsheet shows it (1 is the first), its cell texts. */
export interface SheetRow {
  number: number;
  /** Up to the last filled cell; empty cells are "". */
  cells: readonly string[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export interface SheetLimits {
  /** Filled rows in all sheets, repeated ones counted as many times as they repeat. */
  rows: number;
  /** Cells kept in all sheets (empty cells before a filled one count; trailing empty ones do not). */
  cells: number;
  /** Characters of one cell's text. */
  cellText: number;
  /** Columns of a row (LibreOffice has 16,384). */
  columns: number;
}

const repeatOf = (value: string | undefined): number => {
  if (value === undefined) return 1;
  if (!/^[0-9]{1,10}$/.test(value) || Number(value) < 1) throw unreadable(`a repeat count “${value.slice(0, 20)}”`);
  return Number(value);
};

/** A number as written in office:value, whole numbers without a fraction (12.0 → 12), others as written. */
const numberText = (value: string): string => {
  const whole = /^(-?[0-9]+)(?:\.0*)?$/.exec(value.trim());
  return whole ? String(BigInt(whole[1]!)) : value.trim();
};

/** A cell's text as the CSV would hold it: the typed value where the cell has one, else its paragraphs. */
function cellValue(attributes: ReadonlyMap<string, string>, paragraphs: readonly string[]): string {
  const shown = paragraphs.join('\n');
  switch (attributes.get('office:value-type')) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const value = attributes.get('office:value');
      return value === undefined ? shown : numberText(value);
    }
    case 'date': {
      const value = attributes.get('office:date-value');
      return value === undefined ? shown : value.replace(/T00:00:00(?:\.0+)?$/, '');
    }
    case 'boolean': {
      const value = attributes.get('office:boolean-value');
      return value === undefined ? shown : value.toLowerCase();
    }
    case 'string':
      return attributes.get('office:string-value') ?? shown;
    default:
      return shown;
  }
}

/**
 * The sheets of an ODS's content.xml, each row's cells as texts. Throws OdsError when the XML is malformed, declares
 * a DOCTYPE, or the sheets exceed the limits (checked before anything is expanded, so a repeat count of a billion
 * costs nothing).
 */
export function readSheets(xml: string, limits: SheetLimits): Sheet[] {
  const sheets: Sheet[] = [];
  let rowsUsed = 0;
  let cellsUsed = 0;
  let sheet: (Sheet & { next: number }) | null = null;
  let row: { cells: string[]; pending: number; repeat: number } | null = null;
  let cell: { attributes: ReadonlyMap<string, string>; repeat: number; paragraphs: string[]; length: number } | null = null;
  // The paragraph being read: its text, whether the last character was collapsible white space, its depth.
  let paragraph: { text: string; space: boolean } | null = null;
  let paragraphDepth = 0;
  // Inside an annotation (a cell's comment) or a drawing: text not part of the cell's value.
  let skipDepth = 0;
  let depth = 0;

  const addText = (text: string): void => {
    if (!paragraph || !cell) return;
    cell.length += text.length;
    if (cell.length > limits.cellText) throw new OdsError('opendata.import.cellTooLong', { max: limits.cellText });
    paragraph.text += text;
  };

  parseXml(xml, {
    open(name, attributes) {
      depth++;
      if (skipDepth > 0) return;
      if (cell && (name === 'office:annotation' || name.startsWith('draw:'))) {
        skipDepth = depth;
        return;
      }
      switch (name) {
        case 'table:table':
          if (sheet) throw unreadable('a table inside a table');
          sheet = { name: attributes.get('table:name') ?? '', rows: [], next: 1 };
          return;
        case 'table:table-row':
          if (!sheet || row) throw unreadable('a row outside a table');
          row = { cells: [], pending: 0, repeat: repeatOf(attributes.get('table:number-rows-repeated')) };
          return;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          if (!row || cell) throw unreadable('a cell outside a row');
          cell = { attributes, repeat: repeatOf(attributes.get('table:number-columns-repeated')), paragraphs: [], length: 0 };
          return;
        case 'text:p':
        case 'text:h':
          if (!cell) return;
          if (paragraph) throw unreadable('a paragraph inside a paragraph');
          paragraph = { text: '', space: true };
          paragraphDepth = depth;
          if (cell.paragraphs.length > 0) cell.length += 1;
          return;
        case 'text:s': {
          if (!paragraph) return;
          const count = repeatOf(attributes.get('text:c'));
          if (cell && cell.length + count > limits.cellText) throw new OdsError('opendata.import.cellTooLong', { max: limits.cellText });
          addText(' '.repeat(count));
          paragraph.space = false;
          return;
        }
        case 'text:tab':
          if (!paragraph) return;
          addText('\t');
          paragraph.space = false;
          return;
        case 'text:line-break':
          if (!paragraph) return;
          addText('\n');
          paragraph.space = false;
          return;
        default:
          return;
      }
    },
    close(name) {
      if (skipDepth > 0) {
        if (depth === skipDepth) skipDepth = 0;
        depth--;
        return;
      }
      depth--;
      if (paragraph && depth < paragraphDepth) {
        cell?.paragraphs.push(paragraph.text);
        paragraph = null;
        return;
      }
      switch (name) {
        case 'table:table-cell':
        case 'table:covered-table-cell': {
          if (!cell || !row) return;
          const value = cellValue(cell.attributes, cell.paragraphs);
          if (value === '') row.pending += cell.repeat;
          else {
            const width = row.cells.length + row.pending + cell.repeat;
            if (width > limits.columns) throw new OdsError('opendata.import.tooManyColumns', { max: limits.columns });
            // A filled row repeated: the rows it makes are counted before its cells.
            if (rowsUsed + row.repeat > limits.rows) throw new OdsError('opendata.import.tooManyRows', { max: limits.rows });
            const added = row.pending + cell.repeat;
            if (cellsUsed + added * row.repeat > limits.cells) throw new OdsError('opendata.import.tooManyCells', { max: limits.cells });
            cellsUsed += added * row.repeat;
            for (let i = 0; i < row.pending; i++) row.cells.push('');
            for (let i = 0; i < cell.repeat; i++) row.cells.push(value);
            row.pending = 0;
          }
          cell = null;
          return;
        }
        case 'table:table-row': {
          if (!row || !sheet) return;
          if (row.cells.length > 0) {
            if (rowsUsed + row.repeat > limits.rows) throw new OdsError('opendata.import.tooManyRows', { max: limits.rows });
            rowsUsed += row.repeat;
            for (let i = 0; i < row.repeat; i++) sheet.rows.push({ number: sheet.next + i, cells: row.cells });
          }
          sheet.next += row.repeat;
          row = null;
          return;
        }
        case 'table:table':
          if (sheet) sheets.push({ name: sheet.name, rows: sheet.rows });
          sheet = null;
          return;
        default:
          return;
      }
    },
    text(text) {
      if (skipDepth > 0 || !paragraph) return;
      // ODF white space: tabs and line ends in the XML are spaces; a run counts once; none at a paragraph's start.
      let out = '';
      let space = paragraph.space;
      for (const ch of text) {
        if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
          if (!space) out += ' ';
          space = true;
        } else {
          out += ch;
          space = false;
        }
      }
      paragraph.space = space;
      addText(out);
    },
  });
  return sheets;
}

/** A column's letter as a spreadsheet names it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
