import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import {
  buildOfficialDocument,
  formatChineseDate,
  mmToTwips,
  officialFonts,
  officialSizes,
} from './official-document.ts';
import type { OfficialDocumentInput } from './official-document.ts';
import { readDocxXml, renderDocxToPdf } from './render-docx.ts';

const bodySentence = '为进一步规范卫生健康行政执法行为，提高依法行政水平，现将有关事项通知如下。';

const notice: OfficialDocumentInput = {
  issuer: { name: '某市卫生健康委员会', mark: '某市卫生健康委员会文件' },
  documentNumber: 'X卫罚〔2026〕12号',
  title: '某市卫生健康委员会关于进一步加强\n卫生健康行政执法工作的通知',
  recipient: '各区卫生健康局',
  blocks: [
    { kind: 'paragraph', text: bodySentence },
    { kind: 'heading1', text: '一、总体要求' },
    { kind: 'heading2', text: '（一）加强组织领导。', body: '各单位要把执法规范化建设摆上重要议事日程。' },
    { kind: 'heading3', text: '1.明确责任分工。', body: '按照谁执法谁普法的原则落实责任。' },
    {
      kind: 'table',
      header: ['序号', '单位', '案件数'],
      rows: [['1', '朝阳区卫生健康局', '12']],
      columnWidths: [1, 4, 2],
    },
    { kind: 'pageBreak' },
    { kind: 'paragraph', text: '附表说明如下。' },
  ],
  attachments: ['行政执法案卷评查标准'],
  signature: { organisation: '某市卫生健康委员会', date: '2026-11-23' },
  footerNote: { copyTo: '市司法局', issuedBy: '某市卫生健康委员会办公室', issuedOn: '2026-11-24' },
};

function elements(xml: string, tag: 'w:p' | 'w:r'): string[] {
  return xml.match(new RegExp(`<${tag}>(?:(?!</${tag}>).)*</${tag}>`, 'gs')) ?? [];
}

function withText(xml: string, tag: 'w:p' | 'w:r', text: string): string {
  const found = elements(xml, tag).find((element) => element.includes(`>${text}</w:t>`));
  assert.ok(found, `no ${tag} with text ${text}`);
  return found;
}

function attribute(fragment: string, element: string, name: string): string | undefined {
  return new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(fragment)?.[1];
}

function assertRunFont(runXml: string, font: string, halfPoints: number) {
  for (const slot of ['w:ascii', 'w:eastAsia', 'w:hAnsi', 'w:cs'])
    assert.equal(attribute(runXml, 'w:rFonts', slot), font, slot);
  assert.equal(attribute(runXml, 'w:sz', 'w:val'), String(halfPoints));
}

test('formatChineseDate writes 年月日 with Arabic numerals and no leading zeros', () => {
  assert.equal(formatChineseDate('2026-11-23'), '2026年11月23日');
  assert.equal(formatChineseDate('2026-01-05'), '2026年1月5日');
  assert.equal(formatChineseDate('2028-02-29'), '2028年2月29日');
  assert.throws(() => formatChineseDate('2026-02-29'), RangeError);
  assert.throws(() => formatChineseDate('2026/11/23'), RangeError);
  assert.throws(() => formatChineseDate('2026-11-23T08:00:00Z'), RangeError);
});

test('mmToTwips rounds 1440/25.4 twips per millimetre', () => {
  // 37 × 56.693 = 2097.6; 35 × 56.693 = 1984.3; 28 × 56.693 = 1587.4; 26 × 56.693 = 1474.0
  assert.deepEqual([37, 35, 28, 26, 210, 297].map(mmToTwips), [2098, 1984, 1587, 1474, 11906, 16838]);
});

test('the .docx has the GB/T 9704 page, title, body and heading settings', async () => {
  const docx = await buildOfficialDocument(notice);
  const xml = await readDocxXml(docx);

  assert.equal(attribute(xml, 'w:pgSz', 'w:w'), '11906');
  assert.equal(attribute(xml, 'w:pgSz', 'w:h'), '16838');
  assert.equal(attribute(xml, 'w:pgMar', 'w:top'), '2098');
  assert.equal(attribute(xml, 'w:pgMar', 'w:bottom'), '1984');
  assert.equal(attribute(xml, 'w:pgMar', 'w:left'), '1587');
  assert.equal(attribute(xml, 'w:pgMar', 'w:right'), '1474');

  const mark = withText(xml, 'w:r', '某市卫生健康委员会文件');
  assert.equal(attribute(mark, 'w:color', 'w:val'), 'FF0000');
  assert.equal(attribute(mark, 'w:rFonts', 'w:eastAsia'), '方正小标宋简体');

  const title = withText(xml, 'w:p', '某市卫生健康委员会关于进一步加强');
  assert.equal(attribute(title, 'w:jc', 'w:val'), 'center');
  assert.ok(
    title.includes('>卫生健康行政执法工作的通知</w:t>') && title.includes('<w:br/>'),
    'two-line title in one paragraph',
  );
  assertRunFont(withText(xml, 'w:r', '某市卫生健康委员会关于进一步加强'), '方正小标宋简体', 44);

  const number = withText(xml, 'w:p', 'X卫罚〔2026〕12号');
  assert.equal(attribute(number, 'w:jc', 'w:val'), 'center');
  assert.equal(attribute(number, 'w:bottom', 'w:color'), 'FF0000', 'red 分隔线 under the 文号');

  const recipient = withText(xml, 'w:p', '各区卫生健康局：');
  assert.equal(attribute(recipient, 'w:ind', 'w:firstLine'), undefined, '主送机关 flush left');

  const body = withText(xml, 'w:p', bodySentence);
  assertRunFont(withText(xml, 'w:r', bodySentence), '仿宋_GB2312', 32);
  assert.equal(attribute(body, 'w:ind', 'w:firstLine'), '640', 'two 16 pt characters');
  assert.equal(attribute(body, 'w:spacing', 'w:line'), '579', '28.95 pt');
  assert.equal(attribute(body, 'w:spacing', 'w:lineRule'), 'exact');

  assertRunFont(withText(xml, 'w:r', '一、总体要求'), '黑体', 32);
  assertRunFont(withText(xml, 'w:r', '（一）加强组织领导。'), '楷体_GB2312', 32);
  const heading3 = withText(xml, 'w:r', '1.明确责任分工。');
  assertRunFont(heading3, '仿宋_GB2312', 32);
  assert.match(heading3, /<w:b\/>/);
  assert.match(
    withText(xml, 'w:r', '按照谁执法谁普法的原则落实责任。'),
    /<w:b w:val="false"\/>/,
    'run-in body not bold',
  );
  assert.equal(attribute(withText(xml, 'w:p', '一、总体要求'), 'w:pStyle', 'w:val'), 'Heading1');

  assert.match(xml, /<w:tbl>/);
  assertRunFont(withText(xml, 'w:r', '朝阳区卫生健康局'), '仿宋_GB2312', 28);
  assertRunFont(withText(xml, 'w:r', '序号'), '黑体', 28);
  assert.match(withText(xml, 'w:p', '附表说明如下。'), /<w:pageBreakBefore\/>/);
  assert.match(withText(xml, 'w:p', '附件：行政执法案卷评查标准'), /<w:ind w:left="1600" w:hanging="960"\/>/);
});

test('落款 follows §7.3.5: sealed centres the 署名 over a date 4 characters in; unsealed puts the 署名 2 in', async () => {
  // 某市卫生健康委员会 = 9 characters, 2026年11月23日 = 7 (digits are half width).
  const sealed = await readDocxXml(await buildOfficialDocument({ ...notice, footerNote: undefined }));
  assert.equal(
    attribute(withText(sealed, 'w:p', '某市卫生健康委员会'), 'w:ind', 'w:right'),
    '960',
    '4 + (7 − 9) / 2 = 3 characters',
  );
  assert.equal(
    attribute(withText(sealed, 'w:p', '2026年11月23日'), 'w:ind', 'w:right'),
    '1280',
    '4 characters',
  );
  assert.equal(attribute(withText(sealed, 'w:p', '2026年11月23日'), 'w:jc', 'w:val'), 'right');

  // 13-character 署名: date starts 2 characters right of it, so 13 + 2 − 7 − 2 = 6 characters from the right.
  const unsealed = await readDocxXml(
    await buildOfficialDocument({
      ...notice,
      signature: { organisation: '某某市某某区卫生健康委员会', date: '2026-11-23', sealed: false },
    }),
  );
  assert.equal(attribute(withText(unsealed, 'w:p', '某某市某某区卫生健康委员会'), 'w:ind', 'w:right'), '640');
  assert.equal(attribute(withText(unsealed, 'w:p', '2026年11月23日'), 'w:ind', 'w:right'), '1920');
});

test('every run names all four fonts and zh-CN, and all colour is black except the red mark and rule', async () => {
  const docx = await buildOfficialDocument(notice);
  const xml = await readDocxXml(docx);
  const runs = elements(xml, 'w:r').filter((run) => run.includes('<w:t'));
  assert.ok(runs.length > 10);
  for (const run of runs) {
    for (const slot of ['w:ascii', 'w:eastAsia', 'w:hAnsi', 'w:cs'])
      assert.ok(attribute(run, 'w:rFonts', slot), `${slot} in ${run}`);
    assert.equal(attribute(run, 'w:lang', 'w:eastAsia'), 'zh-CN');
  }
  const colours = new Set([...xml.matchAll(/<w:color w:val="([^"]*)"/g)].map((match) => match[1]));
  assert.deepEqual([...colours].sort(), ['000000', 'FF0000']);

  const styles = await readDocxXml(docx, 'word/styles.xml');
  for (const [id, font] of [
    ['Heading1', officialFonts.heiti],
    ['Heading2', officialFonts.kaiti],
    ['Heading3', officialFonts.fangsong],
  ]) {
    const style = new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    assert.equal(attribute(style, 'w:color', 'w:val'), '000000', `${id} not Word blue`);
    assert.equal(attribute(style, 'w:rFonts', 'w:eastAsia'), font);
    assert.equal(attribute(style, 'w:sz', 'w:val'), String(officialSizes.heading * 2));
  }
});

test('page numbers are a PAGE field between 一字线, 宋体 四号, right on odd pages and left on even pages', async () => {
  const docx = await buildOfficialDocument(notice);
  const xml = await readDocxXml(docx);
  const rels = await readDocxXml(docx, 'word/_rels/document.xml.rels');
  const footerPart = (type: string) => {
    const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(xml)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    assert.ok(id && target, `${type} footer`);
    return readDocxXml(docx, `word/${target[1] ?? target[2]}`);
  };
  const odd = await footerPart('default');
  const even = await footerPart('even');
  for (const footer of [odd, even]) {
    assert.match(footer, />— <\/w:t>.*<w:instrText[^>]*>PAGE<\/w:instrText>.*> —<\/w:t>/s);
    assertRunFont(withText(footer, 'w:r', '— '), '宋体', 28);
  }
  assert.equal(attribute(odd, 'w:jc', 'w:val'), 'right');
  assert.equal(attribute(even, 'w:jc', 'w:val'), 'left');
  assert.match(await readDocxXml(docx, 'word/settings.xml'), /<w:evenAndOddHeaders\/>/);
});

const execFileAsync = promisify(execFile);
const compact = (text: string) => text.replace(/\s+/g, '');

test('LibreOffice renders the notice with the CJK fonts, 文号, body, 版记 and "— 1 —"', async () => {
  const { pdfPath, text, pages } = await renderDocxToPdf(await buildOfficialDocument(notice));
  const all = compact(text);
  assert.ok(all.includes('某市卫生健康委员会关于进一步加强卫生健康行政执法工作的通知'), 'title');
  assert.ok(all.includes('X卫罚〔2026〕12号'), '文号');
  assert.ok(all.includes(bodySentence), 'body sentence');
  const pageTexts = text.split('\f').filter((page) => page.trim() !== '');
  assert.equal(pageTexts.length, pages);
  const pageLines = pageTexts.map((page) => page.split('\n').filter((line) => line.trim() !== ''));
  assert.match(pageTexts[0] ?? '', /—\s?1\s?—/);
  assert.ok(
    pageLines.some((lines, index) => index > 0 && compact(lines[0] ?? '') === '附表说明如下。'),
    'the pageBreak block starts a page',
  );
  const last = pageLines.at(-1) ?? [];
  assert.match(
    last.at(-2) ?? '',
    /某市卫生健康委员会办公室\s+2026\s?年\s?11\s?月\s?24\s?日印发/,
    '版记 at the foot',
  );
  assert.match(last.at(-1) ?? '', new RegExp(`—\\s?${pages}\\s?—`));

  // fonts.conf maps 仿宋/宋体/小标宋 → Noto Serif CJK, 黑体 → Noto Sans CJK, 楷体 → AR PL UKai.
  const { stdout: fonts } = await execFileAsync('pdffonts', [pdfPath]);
  assert.match(fonts, /NotoSerifCJK/);
  assert.match(fonts, /NotoSansCJK/);
  assert.match(fonts, /UKai/);
  assert.doesNotMatch(fonts, /DejaVu|Liberation/);
  // Kept for inspection only when an assertion above fails.
  await rm(dirname(pdfPath), { recursive: true, force: true });
});

test('a long document runs to more pages with 22 lines of 28 characters and outer page numbers', async () => {
  // No punctuation inside the paragraphs, so hanging punctuation cannot lengthen a line.
  const paragraph = '卫生健康行政执法'.repeat(20) + '。';
  const { pdfPath, text, pages } = await renderDocxToPdf(
    await buildOfficialDocument({
      issuer: { name: '某市卫生健康委员会' },
      title: '关于长文档分页的测试',
      blocks: Array.from({ length: 12 }, () => ({ kind: 'paragraph' as const, text: paragraph })),
    }),
  );
  assert.ok(pages > 1, `pages = ${pages}`);
  const [first = '', second = ''] = text.split('\f');
  const numberLine = (page: string, number: number) =>
    page.split('\n').find((line) => new RegExp(`—\\s?${number}\\s?—`).test(line)) ?? '';
  assert.ok(numberLine(first, 1).search(/\S/) > 20, 'odd page number at the right');
  assert.ok(numberLine(second, 2).search(/\S/) < 5, 'even page number at the left');
  const lines = second
    .split('\n')
    .map(compact)
    .filter((line) => line !== '' && !/^—\d+—$/.test(line));
  assert.equal(lines.length, 22, 'lines on a full page');
  // 161 characters after a 2-character indent wrap as 26 + 28 × 4 + 23; at 27 per line they would not.
  assert.deepEqual([...new Set(lines.map((line) => line.length))].sort(), [23, 26, 28]);
  await rm(dirname(pdfPath), { recursive: true, force: true });
});
