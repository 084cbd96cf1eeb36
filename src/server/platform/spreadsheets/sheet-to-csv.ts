import ExcelJS from 'exceljs';
import { invalidField } from '../errors.ts';

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * The first worksheet of an .xlsx as CSV text, so a catalog saved from Excel goes through the same parser (and
 * reports the same line numbers: one sheet row per CSV line; line breaks inside cells become spaces).
 */
export async function xlsxToCsv(buffer: Buffer, field: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw invalidField(field, '无法读取该 Excel 文件，请确认是 .xlsx 格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidField(field, 'Excel 文件中没有工作表');
  const lines: string[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++)
      cells.push(quote(cellText(row.getCell(column).value).replace(/\r?\n/g, ' ')));
    lines.push(cells.join(','));
  });
  return lines.join('\n');
}

/** The text of a catalog upload (`{ csv }` or `{ xlsxBase64 }`, see ImportCatalogInput) for the CSV parsers. */
export function catalogTextOf(body: { csv?: string; xlsxBase64?: string }): Promise<string> {
  return body.xlsxBase64 !== undefined
    ? xlsxToCsv(Buffer.from(body.xlsxBase64, 'base64'), 'xlsxBase64')
    : Promise.resolve(body.csv ?? '');
}
