// Streaming row sources for the entity import: a file is read chunk by chunk, never held in memory whole.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CsvReader } from '../../../shared/platform/csv.ts';

/** A row of the file's first sheet: its line (CSV) or row number (xlsx), 1-based, and its cells as text. */
export type SheetRow = { line: number; cells: string[] };
export type ImportFormat = 'csv' | 'xlsx';

/** A problem with the file itself (not one row): the job fails with this Chinese message. */
export class ImportFileError extends Error {}

/** CSV (UTF-8, optional BOM): yields the rows each chunk completed. */
export async function* csvRows(source: AsyncIterable<Buffer | string>): AsyncGenerator<SheetRow[]> {
  const decoder = new StringDecoder('utf8');
  const reader = new CsvReader();
  const toRows = (records: ReturnType<CsvReader['push']>) =>
    records.map((r) => ({ line: r.line, cells: r.fields }));
  for await (const chunk of source) {
    const rows = toRows(reader.push(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
    if (rows.length > 0) yield rows;
  }
  const last = toRows([...reader.push(decoder.end()), ...reader.end()]);
  if (reader.errors.length > 0) {
    const first = reader.errors[0]!;
    throw new ImportFileError(`CSV 格式错误（第${first.line}行）：${first.message}`);
  }
  if (last.length > 0) yield last;
}

type CellValue = ExcelJS.CellValue;

/** A cell as the text a user sees in Excel (rich text joined, formulas by their result, dates as YYYY-MM-DD). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result as CellValue);
  return '';
}

/** The first worksheet of an .xlsx, through exceljs's streaming reader; yields rows in batches. */
export async function* xlsxRows(source: Readable, batchSize = 1000): AsyncGenerator<SheetRow[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let batch: SheetRow[] = [];
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        // row.values is 1-based and sparse: index 0 is unused.
        const values = (row.values as CellValue[]).slice(1);
        batch.push({ line: row.number, cells: Array.from(values, cellText) });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      break;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('无法读取该 Excel 文件，请确认是未加密的 .xlsx 文件', { cause: error });
  }
  if (batch.length > 0) yield batch;
}
