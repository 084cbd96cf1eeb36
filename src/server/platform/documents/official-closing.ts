// The closing parts of a 公文: 附件说明, 落款, 版记 and page numbers (GB/T 9704-2012 §7.3.4–§7.5).
import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
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
import {
  black,
  blankLine,
  bodyChar,
  exactSpacing,
  fontOf,
  formatChineseDate,
  officialFonts,
  officialPage,
  officialSizes,
  ptToTwips,
  run,
  widthInChars,
} from './official-layout.ts';

/** 落款. `sealed` (default true) uses the 加盖印章 layout of §7.3.5.1; `date` is YYYY-MM-DD. */
export type OfficialSignature = { organisation: string; date: string; sealed?: boolean };

/** 版记: 抄送 and 印发机关/印发日期 (`issuedOn` is YYYY-MM-DD). */
export type OfficialFooterNote = { copyTo?: string; issuedBy: string; issuedOn: string };

/** 附件说明 under the body. */
export function attachmentParagraphs(attachments: readonly string[]): Paragraph[] {
  // §7.3.4: one blank line under the body, 2 characters in, "附件：1.名称", later names aligned under the first.
  const numbered = attachments.length > 1;
  return attachments.map(
    (name, index) =>
      new Paragraph({
        spacing: exactSpacing(index === 0 ? blankLine : 0),
        indent: { left: 5 * bodyChar, hanging: index === 0 ? 3 * bodyChar : 0 },
        children: [
          run(
            `${index === 0 ? '附件：' : ''}${numbered ? `${index + 1}.` : ''}${name}`,
            officialFonts.fangsong,
            officialSizes.body,
          ),
        ],
      }),
  );
}

/** 落款: 署名 and 成文日期, placed by §7.3.5. */
export function signatureParagraphs(signature: OfficialSignature): Paragraph[] {
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

/** 版记 as a floating table at the foot of the page it ends on. */
export function footerNoteTable(note: OfficialFooterNote): Table {
  // §7.4: 版记 at the foot of the last page: thick rules top and bottom, a thin one between, 四号仿宋,
  // one character in from each side. A floating table aligned to the bottom margin keeps it there.
  const size = officialSizes.footerNote;
  const oneChar = ptToTwips(size);
  const thick = { style: BorderStyle.SINGLE, size: 8, color: black } as const;
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  const half = Math.floor(officialPage.textWidth / 2);
  // Zero cell margins with the inset as paragraph indents: LibreOffice shifts a floating table left by its
  // cell margin, which would pull the rules out of the 版心.
  const cell = (
    text: string,
    align: (typeof AlignmentType)[keyof typeof AlignmentType],
    columnSpan?: number,
  ) =>
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
    rows.push(
      new TableRow({
        children: [cell(`抄送：${note.copyTo.replace(/[。.]$/, '')}。`, AlignmentType.LEFT, 2)],
      }),
    );
  }
  rows.push(
    new TableRow({
      children: [
        cell(note.issuedBy, AlignmentType.LEFT),
        cell(`${formatChineseDate(note.issuedOn)}印发`, AlignmentType.RIGHT),
      ],
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
      top: thick,
      bottom: thick,
      left: none,
      right: none,
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: black },
      insideVertical: none,
    },
    rows,
  });
}

/** Page-number footer for odd or even pages. */
export function pageNumberFooter(align: 'odd' | 'even'): Footer {
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
