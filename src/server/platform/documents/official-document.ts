// Official document (公文) layout after GB/T 9704-2012 《党政机关公文格式》, shared by every module's 文书.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  attachmentParagraphs,
  footerNoteTable,
  pageNumberFooter,
  signatureParagraphs,
} from './official-closing.ts';
import type { OfficialFooterNote, OfficialSignature } from './official-closing.ts';
import {
  black,
  blankLine,
  bodyChar,
  bodyCharacterSpacing,
  chineseFontSizes,
  exactSpacing,
  fontOf,
  mmToTwips,
  officialFonts,
  officialPage,
  officialSizes,
  ptToTwips,
  red,
  run,
} from './official-layout.ts';

export {
  chineseFontSizes,
  formatChineseDate,
  mmToTwips,
  officialFonts,
  officialPage,
  officialSizes,
} from './official-layout.ts';
export type { OfficialFooterNote, OfficialSignature } from './official-closing.ts';

export type InlineRun = { text: string; bold?: boolean; underline?: boolean };

export type OfficialBlock =
  | { kind: 'heading1'; text: string }
  | { kind: 'heading2'; text: string; body?: string }
  | { kind: 'heading3'; text: string; body?: string }
  | {
      kind: 'paragraph';
      text: string | readonly InlineRun[];
      align?: 'left' | 'center' | 'right';
      indent?: boolean;
    }
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
  signature?: OfficialSignature;
  footerNote?: OfficialFooterNote;
  pageNumbers?: boolean;
};

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const alignments = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function issuerMarkParagraph(mark: string): Paragraph {
  // §7.2.5: red 小标宋, centred, top edge 35 mm below the top of the 版心; size chosen to fit one line.
  const widthPt = officialPage.textWidth / 20;
  const size = Math.max(
    chineseFontSizes.erhao,
    Math.min(officialSizes.issuerMarkMax, Math.floor(widthPt / (mark.length + 0.5))),
  );
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // The glyphs sit centred in a 1.2 em line, so the 0.1 em of leading above them is taken off the gap.
    spacing: exactSpacing(mmToTwips(35) - ptToTwips(size * 0.1), ptToTwips(size * 1.2)),
    children: [run(mark, officialFonts.xiaobiaosong, size, { color: red })],
  });
}

function documentNumberParagraph(documentNumber: string, withRedLine: boolean, before: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exactSpacing(before),
    // §7.2.6: a red rule as wide as the 版心, 4 mm under the 发文字号.
    border: withRedLine
      ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: red, space: 6 } }
      : undefined,
    children: [run(documentNumber, officialFonts.fangsong, officialSizes.body)],
  });
}

function titleParagraph(title: string, before: number): Paragraph {
  const lines = title.split('\n');
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // 35 pt lines: a 22 pt title on the 28.95 pt body pitch looks cramped over two lines.
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
    out.push(issuerMarkParagraph(mark));
    // §7.2.4: 发文字号 two lines under the mark; §7.3.1: title two lines under the red rule.
    out.push(documentNumberParagraph(input.documentNumber ?? '', true, 2 * blankLine));
    out.push(titleParagraph(input.title, 2 * blankLine));
  } else {
    out.push(titleParagraph(input.title, 0));
    if (input.documentNumber) out.push(documentNumberParagraph(input.documentNumber, false, 0));
  }
  if (input.recipient) {
    const recipient = /[：:]$/.test(input.recipient)
      ? input.recipient.replace(/:$/, '：')
      : `${input.recipient}：`;
    // §7.3.2: one blank line under the title, flush left.
    out.push(
      new Paragraph({
        spacing: exactSpacing(blankLine),
        children: [run(recipient, officialFonts.fangsong, officialSizes.body)],
      }),
    );
  } else {
    out.push(
      new Paragraph({
        spacing: exactSpacing(),
        children: [run('', officialFonts.fangsong, officialSizes.body)],
      }),
    );
  }
  return out;
}

function bodyParagraph(
  text: string | readonly InlineRun[],
  options: { align?: Align; indent?: boolean; pageBreakBefore?: boolean },
) {
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

function headingParagraph(
  kind: keyof typeof headingLevels,
  text: string,
  body: string | undefined,
  pageBreakBefore?: boolean,
) {
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
      children: Array.from({ length: columnCount }, (_, column) =>
        cell(cells[column] ?? '', column, isHeader),
      ),
    });
  return new Table({
    width: { size: officialPage.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: thinBorder,
      right: thinBorder,
      insideHorizontal: thinBorder,
      insideVertical: thinBorder,
    },
    rows: [
      ...(block.header ? [row(block.header, true)] : []),
      ...block.rows.map((cells) => row(cells, false)),
    ],
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
  if (breakPending) out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

// Widow/orphan control off keeps the fixed 22-line page. docx writes widowControl in styles although its
// style type omits it, so the object is passed as a variable rather than a literal.
const paragraphDefaults = { spacing: exactSpacing(), widowControl: false };

// Built-in heading styles are blue Calibri Light with spacing; make them plain GB/T 9704 headings.
function headingStyle(font: string, bold: boolean) {
  return {
    run: { font: fontOf(font), size: officialSizes.heading * 2, color: black, bold, italics: false },
    paragraph: paragraphDefaults,
  };
}

/** Builds a GB/T 9704-2012 公文 as a .docx file. */
export async function buildOfficialDocument(input: OfficialDocumentInput): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [...headerParagraphs(input), ...bodyBlocks(input.blocks)];
  if (input.attachments?.length) children.push(...attachmentParagraphs(input.attachments));
  if (input.signature) children.push(...signatureParagraphs(input.signature));
  if (input.footerNote) {
    // The floating table needs an anchor paragraph after it; one point high so it never adds a page.
    children.push(
      footerNoteTable(input.footerNote),
      new Paragraph({ spacing: exactSpacing(0, 20), children: [] }),
    );
  }
  const pageNumbers = input.pageNumbers ?? true;
  const document = new Document({
    title: input.title.replace(/\n/g, ''),
    creator: input.issuer.name,
    evenAndOddHeaderAndFooters: pageNumbers,
    styles: {
      default: {
        document: {
          run: {
            font: fontOf(officialFonts.fangsong),
            size: officialSizes.body * 2,
            color: black,
            language: { eastAsia: 'zh-CN' },
          },
          paragraph: paragraphDefaults,
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
          paragraph: paragraphDefaults,
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
          // No document grid: every paragraph has exact line spacing, LibreOffice 7.4 spreads characters over two
          // cells under Word's linesAndChars grid and snaps 35 pt title lines to two grid lines under a line grid.
          // The 28 characters per line come from bodyCharacterSpacing instead.
        },
        footers: pageNumbers
          ? { default: pageNumberFooter('odd'), even: pageNumberFooter('even') }
          : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
