// 简易程序: an officer decides on the spot from the case list; above 第五十一条's threshold the server refuses
// and its reason shows under the fine; within it the case opens with its numbered 当场行政处罚决定书.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { buttonName, timelineOf } from './support/case-page.ts';
import { docxText } from './support/docx.ts';
import { fillForm, formItem, pickOption } from './support/forms.ts';
import { apiResponse, collectPageErrors, login } from './support/session.ts';

/** A valid 居民身份证号码 (GB 11643 check digit) that belongs to nobody in the demo data. */
const partyIdNumber = '330103199205120041';

test('officer1 decides a fine on the spot; 第五十一条 is shown first and enforced by the server', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  const suffix = Date.now().toString(36);
  const facts = `当事人在公共场所从业期间未取得有效健康合格证明（${suffix}）。`;

  await login(page, 'officer1');
  await page.goto('/cases');
  await page.getByRole('button', { name: '当场处罚（简易程序）' }).click();
  const dialog = page.getByRole('dialog', { name: '当场处罚（简易程序）' });
  await expect(dialog).toBeVisible();

  await fillForm(dialog, { 姓名: '孙某某', 身份证号: partyIdNumber, 住址: '东川县城关镇解放路12号' });
  // The violation comes from the 裁量基准; choosing one names the case after the party and the violation.
  // On a loaded machine a click can land while the list is still animating in: check the title, and retry.
  await expect(async () => {
    await formItem(dialog, '违法行为').locator('.ant-select').click();
    const firstViolation = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first();
    const violation = (await firstViolation.innerText({ timeout: 5_000 })).trim();
    await firstViolation.click({ timeout: 5_000 });
    await expect(dialog.getByLabel('案件名称')).toHaveValue(`孙某某${violation.replace(/案$/, '')}案`, {
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(formItem(dialog, '违法行为')).toContainText('依据：');

  await fillForm(dialog, { 违法事实: facts, 处罚种类: ['警告', '罚款'], 地点: '东川县城关镇解放路12号' });
  // The limit is on screen before anything is sent.
  const fine = formItem(dialog, '罚款数额（元）');
  await expect(fine).toContainText('对公民当场罚款不超过200元');
  await pickOption(page, dialog, '执法人员', '刘芳');

  await fillForm(dialog, { '罚款数额（元）': 500 });
  const refused = apiResponse(page, 'POST', /^\/api\/cases\/simple$/);
  await dialog.getByRole('button', { name: '作出当场处罚决定' }).click();
  expect((await refused).status()).toBe(422);
  await expect(fine.locator('.ant-form-item-explain-error')).toHaveText(
    '对公民罚款超过200元，不适用简易程序（行政处罚法第五十一条）',
  );
  await expect(dialog).toBeVisible();

  // An organisation's limit is 3000元: the help text follows the party kind.
  await fillForm(dialog, { 当事人类型: '法人或者其他组织' });
  await expect(fine).toContainText('对法人或者其他组织当场罚款不超过3000元');
  await fillForm(dialog, { 当事人类型: '公民' });
  await fillForm(dialog, { 姓名: '孙某某', 身份证号: partyIdNumber, 住址: '东川县城关镇解放路12号' });

  await fillForm(dialog, { '罚款数额（元）': 200 });
  const decided = apiResponse(page, 'POST', /^\/api\/cases\/simple$/);
  await dialog.getByRole('button', { name: '作出当场处罚决定' }).click();
  const response = await decided;
  expect(response.status(), await response.text()).toBe(200);
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(timelineOf(page)).toContainText('已当场决定');

  // The decision the officer hands over, numbered, offered for download at the top of the case.
  const notice = page.getByTestId('on-spot-decision');
  await expect(notice).toContainText(/文号：.+〔\d{4}〕\d+号/);
  const decisionNumber = ((await notice.innerText()).match(/文号：(\S+?号)/) ?? [])[1] ?? '';
  const download = page.waitForEvent('download');
  await notice.getByRole('link', { name: buttonName('下载决定书') }).click();
  const text = docxText(await readFile(await (await download).path()));
  expect(text).toContain(decisionNumber);
  expect(text).toContain(facts);

  // 375 px: the list's two buttons and the dialog still fit.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/cases');
  await page.getByRole('button', { name: '当场处罚（简易程序）' }).click();
  const narrow = page.getByRole('dialog', { name: '当场处罚（简易程序）' });
  const submit = narrow.getByRole('button', { name: '作出当场处罚决定' });
  await submit.scrollIntoViewIfNeeded();
  await expect(submit).toBeInViewport();
  const box = await submit.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);

  expect(errors).toEqual([]);
});
