// Shared measures and run helpers for GB/T 9704-2012 公文; modules and tests read the same constants.
import { LineRuleType, TextRun } from 'docx';
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
  chuhao: 42,
  xiaochu: 36,
  yihao: 26,
  xiaoyi: 24,
  erhao: 22,
  xiaoer: 18,
  sanhao: 16,
  xiaosan: 15,
  sihao: 14,
  xiaosi: 12,
  wuhao: 10.5,
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

/** Points to twips. */
export const ptToTwips = (pt: number): number => Math.round(pt * 20);

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

export const black = '000000';
/** 发文机关标志 and 分隔线 red. */
export const red = 'FF0000';
/** One 三号 character, the unit of every indent in the standard: 320 twips. */
export const bodyChar = ptToTwips(officialSizes.body);
/** One line of the 22-line grid, the unit of every 空行. */
export const blankLine = officialPage.lineSpacing;
// 28 三号 characters need a pitch of 156 mm / 28 = 315.9 twips; 16 pt is 320, so tighten by 5 twips (0.25 pt).
export const bodyCharacterSpacing = -5;

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

/** The same font for the ascii, eastAsia, hAnsi and cs slots. */
export function fontOf(name: string): IRunOptions['font'] {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

/** A black run; every run names all four font slots and zh-CN, or Word/LibreOffice pick Latin or Japanese faces. */
export function run(text: string, font: string, sizePt: number, extra: IRunOptions = {}): TextRun {
  return new TextRun({
    text,
    font: fontOf(font),
    size: sizePt * 2,
    color: black,
    language: { eastAsia: 'zh-CN' },
    ...extra,
  });
}

/** Exact line spacing (one grid line unless given) with `before` twips of space above. */
export function exactSpacing(before = 0, line: number = blankLine): IParagraphOptions['spacing'] {
  return { before, after: 0, line, lineRule: LineRuleType.EXACT };
}

/** Approximate width in characters: CJK full width, ASCII half. */
export function widthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}
