// Acceptance: one ordinary-procedure case from 线索登记 to 结案 in the browser, each step by the role the
// procedure names, with the documents each step requires, and refusals shown with the server's Chinese reason.
import { expect, test, type Page } from '@playwright/test';
import {
  blockedReasons,
  buttonName,
  confirmAction,
  generateDocument,
  openAction,
  openTab,
  postAction,
  takeAction,
  timelineOf,
} from './support/case-page.ts';
import { docxText } from './support/docx.ts';
import { fillForm, pickOption } from './support/forms.ts';
import { apiResponse, collectPageErrors, login, switchUser } from './support/session.ts';

/** A valid 居民身份证号码 (GB 11643 check digit) that belongs to nobody in the demo data. */
const partyIdNumber = '110101199003071233';
/** A 1×1 PNG: the server sniffs the content type of evidence, so it must be a real image. */
const photo = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Today in China, as the server dates the steps. */
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function openCase(page: Page, caseId: string, title: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(timelineOf(page)).toBeVisible();
}

async function expectState(page: Page, label: string): Promise<void> {
  await expect(timelineOf(page).getByText(`当前状态：${label}`)).toBeVisible();
}

test('a case goes from 线索登记 to 结案 in the browser, every mandatory step by its role', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const errors = collectPageErrors(page);
  const suffix = Date.now().toString(36);
  const title = `赵某某未取得医师执业证书擅自执业案（${suffix}）`;
  const facts = `当事人赵某某未取得医师执业证书，于东川县城关镇人民路8号开展针灸诊疗活动（${suffix}）。`;
  let caseId = '';

  await test.step('officer1 登记线索 and 登记受理线索', async () => {
    await login(page, 'officer1');
    await page.goto('/cases');
    await page.getByRole('button', { name: /登记线索/ }).click();
    const dialog = page.getByRole('dialog', { name: '登记线索' });
    await fillForm(dialog, {
      姓名: '赵某某',
      身份证号: partyIdNumber,
      住址: '东川县城关镇人民路8号',
      案件名称: title,
      线索来源: '投诉举报',
      违法事实: facts,
    });
    await pickOption(page, dialog, '承办人员', '刘芳');
    const created = apiResponse(page, 'POST', /^\/api\/cases$/);
    await dialog.getByRole('button', { name: buttonName('登记') }).click();
    const response = await created;
    expect(response.status()).toBe(200);
    caseId = ((await response.json()) as { id: string }).id;
    await openCase(page, caseId, title);
    await expectState(page, '线索登记');

    await takeAction(page, '登记受理线索', { 线索摘要: '群众投诉赵某某无证行医，经初步核实予以受理。' });
  });

  await test.step('out of order or by the wrong role: refused with the reason', async () => {
    // 立案 is a 科室负责人's: the blocked button says so, and a forged request gets 403 with the same reason.
    await expect(blockedReasons(page)).toContainText(/立案：.*需要以下角色之一：科室负责人/);
    const detail = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as {
      officers: { userId: string }[];
    };
    const caseOfficerIds = detail.officers.map((officer) => officer.userId);
    const wrongRole = await postAction(page, caseId, 'file', { cause: '无证行医', caseOfficerIds });
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.message).toContain('需要以下角色之一');
    // 开始调查 before 立案: the case is not in that state (409).
    const outOfOrder = await postAction(page, caseId, 'startInvestigation');
    expect(outOfOrder.status).toBe(409);
    expect(outOfOrder.message).toBe('当前状态为「线索登记」，不能执行「开始调查」');
    await generateDocument(page, 'filingApproval');
  });

  await test.step('head1 立案 from the workbench drawer, with the same form as the case page', async () => {
    await switchUser(page, 'head1');
    await page.goto('/');
    await page.getByRole('tab', { name: /本机构/ }).click();
    const row = page.getByTestId('deadline-list-org').locator('tr.ant-table-row').filter({ hasText: title });
    await expect(row).toContainText('立案期限');
    await row.getByRole('button', { name: '办理进程' }).click();
    const drawer = page.getByRole('dialog', { name: title });
    await expect(timelineOf(drawer)).toContainText('线索登记');
    const filing = await openAction(page, '立案', drawer);
    await expect(filing.getByLabel('案由')).toHaveValue(title);
    await expect(filing.locator('.ant-form-item').filter({ hasText: '承办人员' })).toContainText('刘芳');
    await confirmAction(page, filing);
    await expect(timelineOf(drawer).getByText('当前状态：已立案')).toBeVisible();
  });

  await test.step('officer1 调查取证: evidence upload, 现场笔录 before the record is accepted', async () => {
    await switchUser(page, 'officer1');
    await openCase(page, caseId, title);
    await takeAction(page, '开始调查');

    await openTab(page, /^证据/);
    const evidence = page.getByRole('tabpanel', { name: /证据/ });
    await fillForm(evidence, { 证据说明: '诊疗场所现场照片' });
    await evidence.locator('input[type=file]').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: photo,
    });
    const uploaded = apiResponse(page, 'POST', /\/evidence$/);
    await evidence.getByRole('button', { name: buttonName('上传') }).click();
    expect((await uploaded).status()).toBe(200);
    await expect(evidence.getByTestId('evidence-sha256')).toHaveCount(1);
    await openTab(page, /办理过程/);

    // 案件合议 waits for the 调查终结报告.
    await expect(blockedReasons(page)).toContainText('案件合议：缺少文书：案件调查终结报告');
    // 现场检查 without its 现场笔录: the server's reason is shown in the dialog.
    const investigation = {
      调查取证方式: '现场检查',
      调查情况: '执法人员现场检查，当事人正在为患者实施针灸，未能出示医师执业证书。',
    };
    const dialog = await openAction(page, '记录调查取证');
    await fillForm(dialog, investigation);
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await expect(dialog.getByTestId('action-error')).toContainText('请先上传现场笔录');
    await dialog.getByRole('button', { name: buttonName('取消') }).click();

    await generateDocument(page, 'onSiteRecord');
    await takeAction(page, '记录调查取证', investigation);
  });

  await test.step('officer1 案件合议 (a complex case: 重大执法决定) and 送达事先告知书; the party waives 陈述申辩', async () => {
    await generateDocument(page, 'investigationReport');
    await takeAction(page, '案件合议', {
      合议结论: '拟给予行政处罚',
      合议人员: ['张明', '刘芳'],
      合议意见: '事实清楚，证据确凿，拟给予警告并处罚款5000元。',
      拟处罚种类: ['警告', '罚款'],
      '拟罚款数额（元）': 5000,
      '案情疑难复杂、涉及多个法律关系': true,
    });
    await expectState(page, '已合议');
    // The 合议记录 is written from the record just made.
    await generateDocument(page, 'caseDeliberationRecord');

    await generateDocument(page, 'priorNotice');
    await takeAction(page, '送达事先告知书', { 送达方式: '直接送达' });
    // 行政处罚法第六十二条: nothing moves on while the 陈述申辩 period runs, unless the party waives it.
    await expect(blockedReasons(page)).toContainText(/提请法制审核：陈述申辩期限至\d{4}-\d{2}-\d{2}届满/);

    await generateDocument(page, 'waiverStatement');
    await takeAction(page, '当事人放弃陈述申辩');
    await takeAction(page, '提请法制审核', { 说明: '本案案情复杂，属重大执法决定，提请法制审核。' });
    await expectState(page, '法制审核');
    const notReviewer = await postAction(page, caseId, 'passLegalReview', {
      reviewedOn: today,
      reviewers: ['张明'],
      opinion: '同意',
      conclusion: '同意',
    });
    expect(notReviewer.status).toBe(403);
    expect(notReviewer.message).toContain('法制审核人员');
  });

  await test.step('the legal office (政策法规科 of the city) 法制审核通过 and writes its opinion', async () => {
    await switchUser(page, 'legal');
    await openCase(page, caseId, title);
    await takeAction(page, '法制审核通过', {
      // Tags first: a date picker left open would swallow the Enter that adds a tag.
      审核人员: ['李法审'],
      审核日期: today,
      审核意见: '事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。',
      审核结论: '同意',
    });
    await generateDocument(page, 'legalReviewOpinion');
  });

  let decisionNumber: string | null = null;
  await test.step('head1 提交集体讨论; leader 记录集体讨论 and 作出处罚决定 with the numbered 决定书', async () => {
    await switchUser(page, 'head1');
    await openCase(page, caseId, title);
    await takeAction(page, '提交集体讨论');
    await expectState(page, '集体讨论');
    await expect(blockedReasons(page)).toContainText(/作出处罚决定：需要以下角色之一：分管领导、主要负责人/);

    await switchUser(page, 'leader');
    await openCase(page, caseId, title);
    // The engine checks the 决定书 exists when deciding, so it is generated (and numbered) first.
    decisionNumber = await generateDocument(page, 'penaltyDecision');
    expect(decisionNumber).toMatch(/罚〔\d{4}〕\d+号$/);
    // 第五十七条第二款: this major case is decided only on a recorded 集体讨论.
    await expect(blockedReasons(page)).toContainText(/作出处罚决定：.*集体讨论/);
    await takeAction(page, '记录集体讨论', {
      参加讨论人员: ['王建国', '陈副局长', '李法审'],
      讨论日期: today,
      '参加人员意见（逐一记录或摘要）': '一致同意合议意见。',
      讨论决定: '给予警告，并处罚款5000元。',
    });
    await generateDocument(page, 'collectiveDeliberationRecord');
    await takeAction(page, '作出处罚决定', { 处罚种类: ['警告', '罚款'], '罚款数额（元）': 5000 });
    await expectState(page, '已决定');
  });

  await test.step('officer1 送达, 进入执行, 公示, 记录履行', async () => {
    await switchUser(page, 'officer1');
    await openCase(page, caseId, title);
    await generateDocument(page, 'serviceReceipt');
    await takeAction(page, '送达处罚决定书', { 送达方式: '直接送达' });
    await takeAction(page, '进入执行');
    await expectState(page, '执行');
    // 结案 needs 公示 and 履行 first, and a 科室负责人.
    await expect(blockedReasons(page)).toContainText('结案：');
    await takeAction(page, '公示处罚决定', { 公示载体: '东川县人民政府门户网站' });
    await takeAction(page, '记录履行', { '缴纳金额（元）': 5000, 票据号: `FK${suffix}` });
  });

  await test.step('head1 结案 with the 结案报告', async () => {
    await switchUser(page, 'head1');
    await openCase(page, caseId, title);
    await generateDocument(page, 'closingReport');
    await takeAction(page, '结案', { 结案情况: '当事人已缴纳罚款5000元，处罚决定已公示，执行完毕。' });
    await expectState(page, '已结案');
  });

  await test.step('the downloaded 行政处罚决定书 holds the facts and its 文号', async () => {
    await openTab(page, /^文书/);
    const row = page
      .getByRole('tabpanel', { name: /文书/ })
      .locator('tr.ant-table-row')
      .filter({ hasText: decisionNumber ?? '' });
    // The file behind the row's link, fetched with the browser's session (what a click downloads).
    const href = await row.getByRole('link', { name: '行政处罚决定书', exact: true }).getAttribute('href');
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    const text = docxText(await file.body());
    expect(text).toContain(decisionNumber);
    expect(text).toContain(facts);
    expect(text).toContain('赵某某');
    expect(text).toContain('罚款5000元');
  });

  expect(errors).toEqual([]);
});
