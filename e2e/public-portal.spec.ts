import { expect, test, type Page } from '@playwright/test';
import { apiResponse, collectPageErrors, login } from './support/session.ts';

const getResponse = (page: Page, path: RegExp) => apiResponse(page, 'GET', path);

test('anyone sees the published penalty decisions without logging in, and can search them', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  const firstPage = getResponse(page, /^\/api\/public\/penalty-decisions$/);
  await page.goto('/public/penalties');
  expect((await firstPage).status()).toBe(200);
  await expect(page).toHaveURL(/\/public\/penalties$/);
  await expect(page.getByRole('heading', { name: '行政执法公示 · 行政处罚决定' })).toBeVisible();
  await expect(page.getByLabel('用户名')).toHaveCount(0);

  // Either decisions or the empty state.
  const rows = page.locator('tr.ant-table-row');
  const empty = page.getByText('暂无公示的行政处罚决定');
  await expect(rows.first().or(empty)).toBeVisible();
  await page.screenshot({ path: 'test-results/public-penalties.png', fullPage: true });

  const searched = page.waitForRequest(
    (request) =>
      new URL(request.url()).pathname === '/api/public/penalty-decisions' &&
      new URL(request.url()).searchParams.get('q') === '卫生',
  );
  await page.getByLabel('查询公示信息').fill('卫生');
  await page.getByLabel('查询公示信息').press('Enter');
  const request = await searched;
  expect((await request.response())?.status()).toBe(200);
  await expect(rows.first().or(empty)).toBeVisible();

  // On a phone the decisions are cards.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('heading', { name: '行政执法公示 · 行政处罚决定' })).toBeVisible();
  // No list table (a card's Descriptions is a <table> of its own, so look for antd's Table).
  await expect(page.locator('.ant-table')).toHaveCount(0);
  await expect(page.getByTestId('public-decision').first().or(empty)).toBeVisible();
  await page.screenshot({ path: 'test-results/public-penalties-phone.png', fullPage: true });

  // The login page links here.
  await page.goto('/login');
  await page.getByRole('link', { name: '行政执法公示' }).click();
  await expect(page).toHaveURL(/\/public\/penalties$/);
  expect(errors).toEqual([]);
});

test('admin sees the 裁量基准 adopted by the city, with tiers, and can open the import dialog', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await login(page, 'admin');
  const loaded = getResponse(page, /^\/api\/catalogs\/violation-types$/);
  await page.getByRole('menuitem', { name: /裁量基准/ }).click();
  await expect(page).toHaveURL(/\/catalogs$/);
  expect((await loaded).status()).toBe(200);
  await expect(page.getByRole('heading', { name: '裁量基准与减免清单' })).toBeVisible();

  const benchmarks = page.getByRole('tabpanel', { name: '裁量基准' });
  const rows = benchmarks.locator('tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await benchmarks.getByRole('button', { name: '展开行' }).first().click();
  await expect(benchmarks.getByTestId('violation-tiers').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/catalogs-benchmarks.png', fullPage: true });

  await page.getByRole('tab', { name: '减免清单' }).click();
  const mitigations = page.getByRole('tabpanel', { name: '减免清单' });
  await expect(mitigations.locator('tr.ant-table-row').first()).toBeVisible();

  // One good row is stored; the row without its 事项 is rejected with its line number, and the dialog lists it.
  await mitigations.getByRole('button', { name: /导入 CSV/ }).click();
  const dialog = page.getByRole('dialog', { name: '导入减免清单' });
  await expect(dialog).toBeVisible();
  await dialog
    .getByLabel('CSV 内容')
    .fill(
      'source_id,文件,清单类型,序号,事项或违法行为,处罚依据或实施依据,情形(轻微情节/免罚情形/从轻减轻情形),适用条件,配套监管措施,completeness,notes\n' +
        'E2E-1,测试清单,不予处罚,1,测试事项,《测试条例》第一条,,,,,\n' +
        'E2E-1,测试清单,不予处罚,2,,,,,,,\n',
    );
  const imported = page.waitForResponse((response) =>
    new URL(response.url()).pathname.endsWith('/catalogs/mitigation-rules/import'),
  );
  await dialog.getByRole('button', { name: /导\s*入/ }).click();
  expect((await imported).status()).toBe(200);
  await expect(dialog.getByText(/成功导入 1 条/)).toBeVisible();
  await expect(dialog.locator('tr.ant-table-row').first()).toContainText('3');
  await page.screenshot({ path: 'test-results/catalogs-import.png', fullPage: true });
  await dialog
    .locator('.ant-modal-footer')
    .getByRole('button', { name: /关\s*闭/ })
    .click();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('officer1 opens a case and the 裁量建议 tab gives advice for the circumstances', async ({ page }) => {
  const errors = collectPageErrors(page);
  await login(page, 'officer1');
  await page.getByRole('menuitem', { name: /行政处罚/ }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await page.locator('tr.ant-table-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);

  const advised = getResponse(page, /\/discretion$/);
  await page.getByRole('tab', { name: '裁量建议' }).click();
  expect((await advised).status()).toBe(200);
  const tab = page.getByTestId('discretion-tab');
  await expect(tab).toBeVisible();
  await expect(tab.getByText('建议裁量阶次与幅度')).toBeVisible();
  await expect(tab.getByText('减免清单', { exact: true })).toBeVisible();

  await tab.getByLabel('违法所得（元）').fill('0');
  const firstOffence = tab.locator('.ant-form-item').filter({ hasText: '首次违法' });
  await firstOffence.getByText('是', { exact: true }).click();
  await expect(firstOffence.getByRole('radio', { name: '是' })).toBeChecked();
  await tab.getByLabel('拟罚款数额（元）').fill('5000');
  const again = page.waitForRequest(
    (request) =>
      new URL(request.url()).pathname.endsWith('/discretion') &&
      new URL(request.url()).searchParams.get('proposedFineYuan') === '5000' &&
      new URL(request.url()).searchParams.get('isFirstOffence') === 'true',
  );
  await tab.getByRole('button', { name: /计算建议/ }).click();
  expect((await (await again).response())?.status()).toBe(200);
  await expect(tab.getByText('建议裁量阶次与幅度')).toBeVisible();
  await page.screenshot({ path: 'test-results/case-discretion.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('published decisions show as table rows, and as cards on a phone', async ({ page }) => {
  const errors = collectPageErrors(page);
  // The demo publishes nothing yet: answer with two decisions to see how they are laid out.
  const decision = {
    batchTitle: '2026年第1批行政处罚决定公示',
    facts: '经查，当事人在未取得《医疗机构执业许可证》的情况下，在其经营场所内开展诊疗活动。',
    basis: '《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款',
    penalty: '责令停止执业活动，没收违法所得人民币2000元，并处罚款人民币50000元。',
    organ: '东川县卫生健康局',
    decidedOn: '2026-03-02',
    publishedOn: '2026-03-09',
  };
  const items = [
    {
      ...decision,
      id: 'a',
      decisionNumber: '东卫医罚〔2026〕1号',
      party: { kind: 'person', name: '王某某', idNumber: '3301**********0022' },
    },
    {
      ...decision,
      id: 'b',
      decisionNumber: '东卫医罚〔2026〕2号',
      party: {
        kind: 'organisation',
        name: '东川县某口腔诊所',
        uscc: '91350100M000100Y43',
        legalRepresentative: '陈某',
      },
    },
  ];
  await page.route('**/api/public/penalty-decisions?**', (route) =>
    route.fulfill({ json: { items, total: 2, page: 1, pageSize: 10 } }),
  );
  await page.goto('/public/penalties');
  const rows = page.locator('tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('东卫医罚〔2026〕1号');
  await expect(rows.first()).toContainText('王某某');
  await expect(rows.first()).toContainText('2026年第1批行政处罚决定公示');
  await expect(rows.nth(1)).toContainText('91350100M000100Y43');
  await page.screenshot({ path: 'test-results/public-penalties-rows.png', fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('public-decision')).toHaveCount(2);
  await expect(page.getByTestId('public-decision').first()).toContainText('处罚内容');
  await page.screenshot({ path: 'test-results/public-penalties-cards.png', fullPage: true });
  expect(errors).toEqual([]);
});
