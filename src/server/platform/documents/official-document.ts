// Official document (公文) layout after GB/T 9704-2012 《党政机关公文格式》, shared by every module's 文书.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';

/** Font names as Word/WPS know them; Linux renders them through fonts.conf aliases. */
export const officialFonts = {
  fangsong: '仿宋_GB2312',
  songti: '宋体',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  xiaobiaosong: '方正小标宋简体',
} as const;

/** Chinese type sizes (字号) in points. */
export const chineseFontSizes = {
  chuhao: 42, xiaochu: 36, yihao: 26, xiaoyi: 24, erhao: 22, xiaoer: 18,
  sanhao: 16, xiaosan: 15, sihao: 14, xiaosi: 12, wuhao: 10.5,
} as const;

/** Sizes in points used by the layout (docx itself counts half-points). */
export const officialSizes = {
  title: chineseFontSizes.erhao,
  body: chineseFontSizes.sanhao,
  heading: chineseFontSizes.sanhao,
  table: chineseFontSizes.sihao,
  pageNumber: chineseFontSizes.sihao,
  footerNote: chineseFontSizes.sihao,
  issuerMarkMax: chineseFontSizes.chuhao,
} as const;

const twipsPerMm = 1440 / 25.4;

/** Millimetres to twips (1/20 pt), rounded as Word stores them. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * twipsPerMm);
}

const ptToTwips = (pt: number): number => Math.round(pt * 20);

/** GB/T 9704 §5.2.1 page: A4, 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm, 22 lines × 28 characters. */
export const officialPage = {
  width: mmToTwips(210),
  height: mmToTwips(297),
  margin: { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) },
  textWidth: mmToTwips(156),
  // 225 mm / 22 lines ≈ 28.95 pt per line.
  lineSpacing: ptToTwips(28.95),
  charactersPerLine: 28,
  linesPerPage: 22,
  // The 一字线 of the page number sits 7 mm below the 版心 (§7.5); the footer line box is ~5 mm tall.
  footer: mmToTwips(35 - 7 - 2.5),
} as const;

const black = '000000';
const red = 'FF0000';
const bodyChar = ptToTwips(officialSizes.body); // one 三号 character = 320 twips
const blankLine = officialPage.lineSpacing;
// 28 三号 characters need a pitch of 156 mm / 28 = 315.9 twips; 16 pt is 320, so tighten by 5 twips (0.25 pt).
const bodyCharacterSpacing = -5;

export type InlineRun = { text: string; bold?: boolean; underline?: boolean };

export type OfficialBlock =
  | { kind: 'heading1'; text: string }
  | { kind: 'heading2'; text: string; body?: string }
  | { kind: 'heading3'; text: string; body?: string }
  | { kind: 'paragraph'; text: string | readonly InlineRun[]; align?: 'left' | 'center' | 'right'; indent?: boolean }
  | {
      kind: 'table';
      header?: readonly string[];
      rows: readonly (readonly string[])[];
      /** Relative column widths; the table always spans the 版心. */
      columnWidths?: readonly number[];
      align?: readonly ('left' | 'center' | 'right')[];
      fontSize?: number;
    }
  | { kind: 'pageBreak' };

export type OfficialDocumentInput = {
  /** 发文机关; `mark` is the red 发文机关标志 (e.g. "某市卫生健康委员会文件") printed on top when given. */
  issuer: { name: string; mark?: string };
  /** 发文字号, e.g. "X卫罚〔2026〕12号". */
  documentNumber?: string;
  /** 标题; "\n" splits it into lines. */
  title: string;
  /** 主送机关; a trailing full-width colon is added when missing. */
  recipient?: string;
  blocks: readonly OfficialBlock[];
  attachments?: readonly string[];
  /** 落款. `sealed` (default true) uses the 加盖印章 layout of §7.3.5.1. `date` is YYYY-MM-DD. */
  signature?: { organisation: string; date: string; sealed?: boolean };
  /** 版记: 抄送 and 印发机关/印发日期 (date YYYY-MM-DD). */
  footerNote?: { copyTo?: string; issuedBy: string; issuedOn: string };
  pageNumbers?: boolean;
};

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** '2026-11-23' → '2026年11月23日' (GB/T 9704 §7.3.5: Arabic numerals, no leading zeros). */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`日期格式应为 YYYY-MM-DD：${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`日期不存在：${isoDate}`);
  }
  return `${year}年${month}月${day}日`;
}

function fontOf(name: string): IRunOptions['font'] {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

// Every run names all four font slots and zh-CN, otherwise Word/LibreOffice pick Latin or Japanese faces.
function run(text: string, font: string, sizePt: number, extra: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: fontOf(font), size: sizePt * 2, color: black, language: { eastAsia: 'zh-CN' }, ...extra });
}

function exactSpacing(before = 0, line: number = blankLine): IParagraphOptions['spacing'] {
  return { before, after: 0, line, lineRule: LineRuleType.EXACT };
}

// Approximate width in 三号 characters: CJK is full width, ASCII half.
function widthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}

function issuerMarkParagraphs(mark: string): Paragraph[] {
  // §7.2.5: red 小标宋, centred, top edge 35 mm below the top of the 版心; size chosen to fit one line.
  const widthPt = officialPage.textWidth / 20;
  const size = Math.max(chineseFontSizes.erhao, Math.min(officialSizes.issuerMarkMax, Math.floor(widthPt / (mark.length + 0.5))));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactSpacing(mmToTwips(35), ptToTwips(size * 1.2)),
      children: [run(mark, officialFonts.xiaobiaosong, size, { color: red })],
    }),
  ];
}

function documentNumberParagraph(documentNumber: string, withRedLine: boolean, before: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exactSpacing(before),
    // §7.2.6: a red rule as wide as the 版心, 4 mm under the 发文字号.
    border: withRedLine ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: red, space: 6 } } : undefined,
    children: [run(documentNumber, officialFonts.fangsong, officialSizes.body)],
  });
}

function titleParagraph(title: string, before: number): Paragraph {
  const lines = title.split('\n');
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exactSpacing(before, ptToTwips(35)),
    keepNext: true,
    children: lines.map((line, index) =>
      run(line, officialFonts.xiaobiaosong, officialSizes.title, { break: index > 0 ? 1 : undefined }),
    ),
  });
}

function headerParagraphs(input: OfficialDocumentInput): Paragraph[] {
  const out: Paragraph[] = [];
  const { mark } = input.issuer;
  if (mark) {
    out.push(...issuerMarkParagraphs(mark));
    // §7.2.4: 发文字号 two lines under the mark; §7.3.1: title two lines under the red rule.
    out.push(documentNumberParagraph(input.documentNumber ?? '', true, 2 * blankLine));
    out.push(titleParagraph(input.title, 2 * blankLine));
  } else {
    out.push(titleParagraph(input.title, 0));
    if (input.documentNumber) out.push(documentNumberParagraph(input.documentNumber, false, 0));
  }
  if (input.recipient) {
    const recipient = /[：:]$/.test(input.recipient) ? input.recipient.replace(/:$/, '：') : `${input.recipient}：`;
    // §7.3.2: one blank line under the title, flush left.
    out.push(
      new Paragraph({
        spacing: exactSpacing(blankLine),
        children: [run(recipient, officialFonts.fangsong, officialSizes.body)],
      }),
    );
  } else {
    out.push(new Paragraph({ spacing: exactSpacing(), children: [run('', officialFonts.fangsong, officialSizes.body)] }));
  }
  return out;
}

function bodyParagraph(text: string | readonly InlineRun[], options: { align?: Align; indent?: boolean; pageBreakBefore?: boolean }) {
  const runs = typeof text === 'string' ? [{ text }] : text;
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    // §7.3.3: each paragraph starts two characters in.
    indent: options.indent === false ? undefined : { firstLine: 2 * bodyChar },
    spacing: exactSpacing(),
    pageBreakBefore: options.pageBreakBefore,
    children: runs.map((part) =>
      run(part.text, officialFonts.fangsong, officialSizes.body, {
        bold: part.bold,
        underline: part.underline ? {} : undefined,
      }),
    ),
  });
}

const headingLevels = {
  heading1: { level: HeadingLevel.HEADING_1, font: officialFonts.heiti, bold: false },
  heading2: { level: HeadingLevel.HEADING_2, font: officialFonts.kaiti, bold: false },
  heading3: { level: HeadingLevel.HEADING_3, font: officialFonts.fangsong, bold: true },
} as const;

function headingParagraph(kind: keyof typeof headingLevels, text: string, body: string | undefined, pageBreakBefore?: boolean) {
  const style = headingLevels[kind];
  const children = [run(text, style.font, officialSizes.heading, { bold: style.bold })];
  // §7.3.3 allows a run-in heading: "（一）标题。" followed by body text in the same paragraph.
  if (body) children.push(run(body, officialFonts.fangsong, officialSizes.body, { bold: false }));
  return new Paragraph({
    heading: style.level,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * bodyChar },
    spacing: exactSpacing(),
    keepNext: body ? undefined : true,
    pageBreakBefore,
    children,
  });
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: black } as const;

function tableBlock(block: Extract<OfficialBlock, { kind: 'table' }>): Table {
  const columnCount = Math.max(block.header?.length ?? 0, ...block.rows.map((row) => row.length));
  const weights = block.columnWidths ?? Array.from({ length: columnCount }, () => 1);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => Math.floor((officialPage.textWidth * weight) / totalWeight));
  const size = block.fontSize ?? officialSizes.table;
  const cell = (text: string, column: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: isHeader ? AlignmentType.CENTER : alignments[block.align?.[column] ?? 'left'],
            spacing: { before: 0, after: 0, line: ptToTwips(size * 1.5), lineRule: LineRuleType.EXACT },
            children: [run(line, isHeader ? officialFonts.heiti : officialFonts.fangsong, size)],
          }),
      ),
    });
  const row = (cells: readonly string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: Array.from({ length: columnCount }, (_, column) => cell(cells[column] ?? '', column, isHeader)),
    });
  return new Table({
    width: { size: officialPage.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: thinBorder, bottom: thinBorder, left: thinBorder, right: thinBorder,
      insideHorizontal: thinBorder, insideVertical: thinBorder,
    },
    rows: [...(block.header ? [row(block.header, true)] : []), ...block.rows.map((cells) => row(cells, false))],
  });
}

function bodyBlocks(blocks: readonly OfficialBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let breakPending = false;
  for (const block of blocks) {
    const pageBreakBefore = breakPending || undefined;
    breakPending = false;
    switch (block.kind) {
      case 'heading1':
        out.push(headingParagraph('heading1', block.text, undefined, pageBreakBefore));
        break;
      case 'heading2':
      case 'heading3':
        out.push(headingParagraph(block.kind, block.text, block.body, pageBreakBefore));
        break;
      case 'paragraph':
        out.push(
          bodyParagraph(block.text, {
            align: block.align ? alignments[block.align] : undefined,
            indent: block.indent,
            pageBreakBefore,
          }),
        );
        break;
      case 'table':
        // A table cannot carry pageBreakBefore, so the break becomes its own paragraph.
        if (pageBreakBefore) out.push(new Paragraph({ children: [new PageBreak()] }));
        out.push(tableBlock(block));
        break;
      case 'pageBreak':
        breakPending = true;
        break;
    }
  }
  return out;
}

function attachmentParagraphs(attachments: readonly string[]): Paragraph[] {
  // §7.3.4: one blank line under the body, 2 characters in, "附件：1.名称", later names aligned under the first.
  const numbered = attachments.length > 1;
  return attachments.map(
    (name, index) =>
      new Paragraph({
        spacing: exactSpacing(index === 0 ? blankLine : 0),
        indent: { left: 5 * bodyChar, hanging: index === 0 ? 3 * bodyChar : 0 },
        children: [
          run(`${index === 0 ? '附件：' : ''}${numbered ? `${index + 1}.` : ''}${name}`, officialFonts.fangsong, officialSizes.body),
        ],
      }),
  );
}

function signatureParagraphs(signature: NonNullable<OfficialDocumentInput['signature']>): Paragraph[] {
  const date = formatChineseDate(signature.date);
  const orgWidth = widthInChars(signature.organisation);
  const dateWidth = widthInChars(date);
  let orgRight: number;
  let dateRight: number;
  if (signature.sealed ?? true) {
    // §7.3.5.1: date 4 characters from the right, 署名 centred over the date; 2 blank lines leave room for the seal.
    dateRight = 4;
    orgRight = Math.max(0, 4 + (dateWidth - orgWidth) / 2);
  } else {
    // §7.3.5.2: 署名 2 characters from the right, date starts 2 characters right of the 署名's first character.
    orgRight = 2;
    dateRight = orgWidth - dateWidth;
    if (dateRight < 2) {
      dateRight = 2;
      orgRight = dateWidth + 4 - orgWidth;
    }
  }
  const line = (text: string, rightChars: number, before: number, keepNext?: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * bodyChar) },
      spacing: exactSpacing(before),
      keepNext,
      children: [run(text, officialFonts.fangsong, officialSizes.body)],
    });
  const gap = (signature.sealed ?? true) ? 2 * blankLine : blankLine;
  return [line(signature.organisation, orgRight, gap, true), line(date, dateRight, 0)];
}

function footerNoteTable(note: NonNullable<OfficialDocumentInput['footerNote']>): Table {
  // §7.4: 版记 at the foot of the last page: thick rules top and bottom, a thin one between, 四号仿宋,
  // one character in from each side. A floating table aligned to the bottom margin keeps it there.
  const size = officialSizes.footerNote;
  const oneChar = ptToTwips(size);
  const thick = { style: BorderStyle.SINGLE, size: 8, color: black } as const;
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  const half = Math.floor(officialPage.textWidth / 2);
  // Zero cell margins with the inset as paragraph indents: LibreOffice shifts a floating table left by its
  // cell margin, which would pull the rules out of the 版心.
  const cell = (text: string, align: Align, columnSpan?: number) =>
    new TableCell({
      columnSpan,
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: align,
          indent: { left: oneChar, right: oneChar },
          spacing: { before: 0, after: 0, line: ptToTwips(size * 2), lineRule: LineRuleType.EXACT },
          children: [run(text, officialFonts.fangsong, size)],
        }),
      ],
    });
  const rows: TableRow[] = [];
  if (note.copyTo) {
    rows.push(new TableRow({ children: [cell(`抄送：${note.copyTo.replace(/[。.]$/, '')}。`, AlignmentType.LEFT, 2)] }));
  }
  rows.push(
    new TableRow({
      children: [cell(note.issuedBy, AlignmentType.LEFT), cell(`${formatChineseDate(note.issuedOn)}印发`, AlignmentType.RIGHT)],
    }),
  );
  return new Table({
    width: { size: officialPage.textWidth, type: WidthType.DXA },
    columnWidths: [half, officialPage.textWidth - half],
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    // Anchored to the page, not the margin: LibreOffice 7.4 only floats a table that leaves room beside it
    // in its horizontal anchor, and a 版心-wide table leaves none in the margin box.
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: officialPage.margin.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    borders: {
      top: thick, bottom: thick, left: none, right: none,
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: black }, insideVertical: none,
    },
    rows,
  });
}

function pageNumberFooter(align: 'odd' | 'even'): Footer {
  // §7.5: "— 1 —" in 四号半角宋体, odd pages one character in from the right, even pages from the left.
  const oneChar = ptToTwips(officialSizes.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: exactSpacing(0, ptToTwips(officialSizes.pageNumber)),
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontOf(officialFonts.songti),
            size: officialSizes.pageNumber * 2,
            color: black,
            language: { eastAsia: 'zh-CN' },
          }),
        ],
      }),
    ],
  });
}

// Built-in heading styles are blue Calibri Light with spacing; make them plain GB/T 9704 headings.
function headingStyle(font: string, bold: boolean) {
  return {
    run: { font: fontOf(font), size: officialSizes.heading * 2, color: black, bold, italics: false },
    paragraph: { spacing: exactSpacing() },
  };
}

/** Builds a GB/T 9704-2012 公文 as a .docx file. */
export async function buildOfficialDocument(input: OfficialDocumentInput): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [...headerParagraphs(input), ...bodyBlocks(input.blocks)];
  if (input.attachments?.length) children.push(...attachmentParagraphs(input.attachments));
  if (input.signature) children.push(...signatureParagraphs(input.signature));
  if (input.footerNote) {
    // The floating table needs an anchor paragraph after it; one point high so it never adds a page.
    children.push(footerNoteTable(input.footerNote), new Paragraph({ spacing: exactSpacing(0, 20), children: [] }));
  }
  const pageNumbers = input.pageNumbers ?? true;
  const document = new Document({
    title: input.title.replace(/\n/g, ''),
    creator: input.issuer.name,
    evenAndOddHeaderAndFooters: pageNumbers,
    styles: {
      default: {
        document: {
          run: { font: fontOf(officialFonts.fangsong), size: officialSizes.body * 2, color: black, language: { eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactSpacing() },
        },
        heading1: headingStyle(officialFonts.heiti, false),
        heading2: headingStyle(officialFonts.kaiti, false),
        heading3: headingStyle(officialFonts.fangsong, true),
      },
      // Normal carries the body defaults too: LibreOffice reads some of them from Normal rather than docDefaults.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: {
            font: fontOf(officialFonts.fangsong),
            size: officialSizes.body * 2,
            color: black,
            language: { eastAsia: 'zh-CN' },
            characterSpacing: bodyCharacterSpacing,
          },
          paragraph: { spacing: exactSpacing() },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: officialPage.width, height: officialPage.height },
            margin: { ...officialPage.margin, header: mmToTwips(15), footer: officialPage.footer, gutter: 0 },
          },
          // A line grid only: LibreOffice 7.4 mis-renders Word's character grid (linesAndChars with charSpace −849
          // spreads characters over two cells), so the 28 characters come from bodyCharacterSpacing instead.
          grid: { type: DocumentGridType.LINES, linePitch: officialPage.lineSpacing },
        },
        footers: pageNumbers ? { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
