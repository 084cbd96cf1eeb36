import { expect, test } from '@playwright/test';
import { collectPageErrors, demoPassword, submitLogin as login } from './support/session.ts';

test('a wrong password shows the server message', async ({ page }) => {
  const errors = collectPageErrors(page);
  await login(page, 'officer1', 'not-the-password-1');
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: 'test-results/login-wrong-password.png' });
  expect(errors).toEqual([]);
});

test('officer1 sees the shell and the due list', async ({ page }) => {
  const errors = collectPageErrors(page);
  await login(page, 'officer1', demoPassword);
  await expect(page).toHaveURL(/\/$/);

  await expect(page.getByRole('banner')).toContainText('法治');
  await expect(page.getByTestId('org-name')).toContainText('东川县卫生监督所');
  await expect(page.getByRole('menuitem', { name: /工作台/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /通知/ })).toBeVisible();

  const mine = page.getByTestId('deadline-list-mine');
  await expect(mine.getByText('待办期限')).toBeVisible();
  await expect(mine.locator('.ant-table')).toBeVisible();
  await expect(mine.locator('.ant-spin-spinning')).toHaveCount(0);
  // The list must come from the API, not an error banner.
  await expect(mine.locator('.ant-alert-error')).toHaveCount(0);
  const rows = mine.locator('tbody tr.ant-table-row');
  if ((await rows.count()) > 0) {
    await expect(rows.first().getByTestId('deadline-countdown')).toHaveText(/剩余\d+天|逾期\d+天|今日到期/);
  }
  await page.screenshot({ path: 'test-results/workbench-officer1.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('on a phone the menu opens from the drawer button', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 375, height: 740 });
  await login(page, 'officer1', demoPassword);
  await expect(page.getByTestId('deadline-list-mine').getByText('待办期限')).toBeVisible();
  // No side menu at phone width: the menu lives in the drawer.
  await expect(page.getByRole('menuitem', { name: /工作台/ })).toBeHidden();

  await page.getByRole('button', { name: '打开菜单' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByRole('menuitem', { name: /工作台/ })).toBeVisible();
  // Let the slide-in transition finish so the screenshot shows the open drawer.
  await page.waitForFunction(() => document.getAnimations().length === 0);
  await page.screenshot({ path: 'test-results/phone-drawer.png' });

  await drawer
    .getByRole('menuitem', { name: /执法人员/ })
    .first()
    .click();
  await drawer.getByRole('menuitem', { name: '执法人员名录' }).click();
  await expect(page).toHaveURL(/\/officers$/);
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '执法人员名录' })).toBeVisible();
  // Content fits the phone: nothing forces the page wider than the viewport.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await page.screenshot({ path: 'test-results/phone-officers.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('admin finds officer1 under 系统管理 → 用户管理', async ({ page }) => {
  const errors = collectPageErrors(page);
  await login(page, 'admin', demoPassword);
  await expect(page.getByRole('menuitem', { name: /工作台/ })).toBeVisible();

  await page.getByRole('menuitem', { name: /系统管理/ }).click();
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('cell', { name: 'officer1', exact: true })).toBeVisible();
  await expect(page.getByText(/共 \d+ 条/)).toBeVisible();
  await page.screenshot({ path: 'test-results/admin-users.png', fullPage: true });
  expect(errors).toEqual([]);
});
