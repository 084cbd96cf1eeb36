// The one CSV reader (RFC 4180): catalogs parse a pasted text with it, bulk imports feed it a file chunk by chunk.

export type CsvRecord = { line: number; fields: string[] };
export type CatalogError = { line: number; field: string; message: string };

const comma = 44;
const lineFeed = 10;
const carriageReturn = 13;
const quote = 34;

/**
 * Incremental RFC 4180 reader: quoted fields with "" escapes, embedded commas and line breaks, CRLF or LF,
 * a leading BOM. `push` takes any slice of the text (a chunk may end inside a field) and returns the records it
 * completed; `end` returns the last one. `line` is the physical line a record starts on.
 */
export class CsvReader {
  readonly errors: CatalogError[] = [];
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  private quoted = false;
  private afterQuote = false;
  private started = false;
  // A chunk ending in '\r' (maybe the first half of CRLF) or in '"' inside quotes (maybe the first half of "")
  // is decided by the next chunk's first character.
  private carry = '';

  push(text: string): CsvRecord[] {
    let source = this.carry + text;
    this.carry = '';
    if (!this.started && source.length > 0) {
      this.started = true;
      if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    }
    return this.scan(source, false);
  }

  end(): CsvRecord[] {
    const records = this.scan(this.carry, true);
    this.carry = '';
    if (this.quoted)
      this.errors.push({ line: this.recordLine, field: '', message: '引号未闭合，文件可能被截断' });
    if (this.field !== '' || this.fields.length > 0) this.endRecord(records);
    return records;
  }

  private endRecord(records: CsvRecord[]): void {
    this.fields.push(this.field);
    // A blank line is no record.
    if (this.fields.length > 1 || this.fields[0] !== '')
      records.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
    this.afterQuote = false;
  }

  private appendUnquoted(text: string): void {
    if (text === '') return;
    if (this.afterQuote)
      this.errors.push({ line: this.line, field: '', message: '引号字段结束后还有多余字符' });
    this.afterQuote = false;
    this.field += text;
  }

  private scan(source: string, isFinal: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    const length = source.length;
    let i = 0;
    while (i < length) {
      if (this.quoted) {
        const close = source.indexOf('"', i);
        const segment = source.slice(i, close < 0 ? length : close);
        for (let k = segment.indexOf('\n'); k >= 0; k = segment.indexOf('\n', k + 1)) this.line += 1;
        this.field += segment;
        if (close < 0) return records;
        if (close + 1 === length && !isFinal) {
          this.carry = '"';
          return records;
        }
        if (source.charCodeAt(close + 1) === quote) {
          this.field += '"';
          i = close + 2;
        } else {
          this.quoted = false;
          this.afterQuote = true;
          i = close + 1;
        }
        continue;
      }
      let j = i;
      let code = source.charCodeAt(j);
      while (j < length && code !== comma && code !== lineFeed && code !== carriageReturn && code !== quote) {
        j += 1;
        code = source.charCodeAt(j);
      }
      this.appendUnquoted(source.slice(i, j));
      if (j === length) return records;
      if (code === comma) {
        this.fields.push(this.field);
        this.field = '';
        this.afterQuote = false;
        i = j + 1;
      } else if (code === quote) {
        if (this.field === '' && !this.afterQuote) this.quoted = true;
        else this.appendUnquoted('"');
        i = j + 1;
      } else {
        if (code === carriageReturn && j + 1 === length && !isFinal) {
          this.carry = '\r';
          return records;
        }
        i = code === carriageReturn && source.charCodeAt(j + 1) === lineFeed ? j + 2 : j + 1;
        this.endRecord(records);
        this.line += 1;
        this.recordLine = this.line;
      }
    }
    return records;
  }
}

/** Reads a whole CSV text (see CsvReader). */
export function parseCsv(text: string): { records: CsvRecord[]; errors: CatalogError[] } {
  const reader = new CsvReader();
  const records = [...reader.push(text), ...reader.end()];
  return { records, errors: reader.errors };
}

/** Maps header names to column indexes; a name ending in '*' matches by prefix. */
export function columnIndex(header: readonly string[], name: string): number {
  const names = header.map((cell) => cell.trim());
  return name.endsWith('*')
    ? names.findIndex((cell) => cell.startsWith(name.slice(0, -1)))
    : names.indexOf(name);
}
