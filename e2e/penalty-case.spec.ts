import { expect, test } from '@playwright/test';
import { pickOption } from './support/forms.ts';
import { apiResponse as response, collectPageErrors, login } from './support/session.ts';

/** A valid 居民身份证号码 (GB 11643 check digit) that belongs to nobody in the demo data. */
const partyIdNumber = '330103198806150022';

test('officer1 registers a lead, generates 立案审批表 and registers it; 立案 needs a 科室负责人', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  const title = `王某某未取得医师执业证书擅自执业案（${Date.now().toString(36)}）`;

  await login(page, 'officer1');
  await page.getByRole('menuitem', { name: /行政处罚/ }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('heading', { name: '行政处罚案件' })).toBeVisible();

  // 登记线索 with a natural person and the officers 张明 (主办) and 刘芳.
  await page.getByRole('button', { name: /登记线索/ }).click();
  const dialog = page.getByRole('dialog', { name: '登记线索' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '公民' })).toBeChecked();
  await dialog.getByLabel('姓名').fill('王某某');
  await dialog.getByLabel('身份证号').fill(partyIdNumber);
  await dialog.getByLabel('住址').fill('东川县城关镇人民路8号');
  await dialog.getByLabel('案件名称').fill(title);
  await dialog
    .getByLabel('违法事实')
    .fill('当事人未取得医师执业证书，在其住所内为他人提供针灸推拿诊疗服务。');
  await pickOption(page, dialog, '主办人员', '张明');
  await pickOption(page, dialog, '承办人员', '刘芳');
  const officers = dialog.locator('.ant-form-item').filter({ hasText: '承办人员' });
  await expect(officers.locator('.ant-select-selection-item')).toHaveCount(2);
  await expect(officers).toContainText('张明');
  await expect(officers).toContainText('刘芳');

  const created = response(page, 'POST', /^\/api\/cases$/);
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  expect((await created).status()).toBe(200);
  await expect(dialog).toBeHidden();

  // The new lead is in the list, 未立案, in 线索登记.
  const row = page.locator('tr.ant-table-row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText('线索登记');
  await expect(row).toContainText('未立案');
  await page.screenshot({ path: 'test-results/cases-list.png', fullPage: true });

  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // The timeline: 立案 is offered but blocked, with the reason in words.
  const timeline = page.getByTestId('procedure-timeline');
  await expect(timeline).toBeVisible();
  await expect(timeline).toContainText('线索登记');
  const fileButton = timeline.getByRole('button', { name: /^立\s*案$/ });
  const fileBlocked = timeline.locator('[data-blocked-by]').filter({
    has: page.getByRole('button', { name: /^立\s*案$/ }),
  });
  await expect(fileButton).toBeDisabled();
  await expect(fileBlocked).toHaveAttribute('data-blocked-by', /科室负责人|立案审批表/);
  await expect(timeline.getByTestId('blocked-reasons')).toContainText(/立案：.*(科室负责人|立案审批表)/);

  // 文书: generate the 立案审批表 and see it listed.
  await page.getByRole('tab', { name: /文书/ }).click();
  await page.getByRole('button', { name: /生成文书/ }).click();
  const generated = response(page, 'POST', /\/documents\/filingApproval$/);
  await page.getByRole('menuitem', { name: '立案审批表', exact: true }).click();
  expect((await generated).status()).toBe(200);
  const documents = page.getByRole('tabpanel', { name: /文书/ });
  await expect(documents.locator('tr.ant-table-row').filter({ hasText: '立案审批表' })).toBeVisible();

  // 登记受理线索 with the form generated from its input schema.
  await page.getByRole('tab', { name: /办理过程/ }).click();
  await timeline.getByRole('button', { name: '登记受理线索' }).click();
  const action = page.getByRole('dialog', { name: '登记受理线索' });
  await expect(action).toBeVisible();
  await expect(action.getByLabel('线索来源')).toBeVisible();
  await expect(action.getByLabel('受理日期')).not.toHaveValue('');
  await action.getByLabel('线索摘要').fill('群众举报王某某无证行医，经初步核实线索属实，予以受理。');
  const taken = response(page, 'POST', /\/actions\/registerLead$/);
  await action.getByRole('button', { name: '确认办理' }).click();
  expect((await taken).status()).toBe(200);
  await expect(action).toBeHidden();
  await expect(timeline.locator('.ant-timeline')).toContainText('登记受理线索');
  await expect(timeline.getByTestId('timeline-deadline').filter({ hasText: '立案期限' })).toBeVisible();
  // Registered once: the action stays listed, blocked with the reason.
  await expect(timeline.getByRole('button', { name: '登记受理线索' })).toBeDisabled();
  await expect(timeline.getByTestId('blocked-reasons')).toContainText('登记受理线索：线索已登记受理');
  await expect(page.getByTestId('case-next-due')).toContainText(/剩余\d+天|今日到期/);

  // 立案 is still not officer1's to take: the button says why, and so does the server.
  await expect(fileButton).toBeDisabled();
  await fileBlocked.hover();
  await expect(page.getByRole('tooltip')).toContainText('需要以下角色之一：科室负责人');
  const detail = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as {
    officers: { userId: string }[];
  };
  const refused = await page.request.post(
    `/api/procedures/penaltyCase.ordinary/records/${caseId}/actions/file`,
    {
      data: {
        input: { cause: '未取得医师执业证书擅自执业', caseOfficerIds: detail.officers.map((o) => o.userId) },
      },
    },
  );
  expect(refused.status()).toBe(403);
  const body = (await refused.json()) as { error: { message: string } };
  expect(body.error.message).toContain('需要以下角色之一');
  await page.screenshot({ path: 'test-results/cases-detail.png', fullPage: true });

  // head1 (科室负责人) may: 立案 with the case's officers offered in the form.
  await page.context().clearCookies();
  await login(page, 'head1');
  await page.goto(`/cases/${caseId}`);
  await page
    .getByTestId('procedure-timeline')
    .getByRole('button', { name: /^立\s*案$/ })
    .click();
  const filing = page.getByRole('dialog', { name: '立案' });
  await expect(filing.getByLabel('案由')).toHaveValue(title);
  const caseOfficers = filing.locator('.ant-form-item').filter({ hasText: '承办人员' });
  await expect(caseOfficers).toContainText('张明');
  await expect(caseOfficers).toContainText('刘芳');
  const filed = response(page, 'POST', /\/actions\/file$/);
  await filing.getByRole('button', { name: '确认办理' }).click();
  expect((await filed).status()).toBe(200);
  await expect(filing).toBeHidden();
  await expect(page.getByTestId('procedure-timeline')).toContainText('已立案');
  await expect(page.getByText('未立案')).toHaveCount(0);

  expect(errors).toEqual([]);
});
