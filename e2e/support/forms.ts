// Filling antd forms by their Chinese labels, so a spec reads like the form and survives field reordering.
import { expect, type Locator, type Page } from '@playwright/test';

/** A value as the user gives it: text, a number, a switch, an option's label, or several options' labels. */
export type FieldInput = string | number | boolean | readonly string[];

const openDropdown = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/** The form item whose label reads exactly `label` (antd marks required fields with CSS, not text). */
export function formItem(dialog: Locator, label: string): Locator {
  return dialog
    .locator('.ant-form-item')
    .filter({ has: dialog.page().locator('.ant-form-item-label label').getByText(label, { exact: true }) });
}

/** Opens an antd Select by its form label, clicks the option containing `text` and closes the list again. */
export async function pickOption(page: Page, dialog: Locator, label: string, text: string): Promise<void> {
  const item = formItem(dialog, label);
  // The select shows what it holds (one value, or a tag per value); the list itself is rendered elsewhere.
  const chosen = item.locator('.ant-select').filter({ hasText: text });
  // On a loaded machine a click can land while the list is still animating in: check the choice, and retry.
  await expect(async () => {
    if ((await chosen.count()) > 0) return; // picked (on an earlier try); clicking again would deselect it
    await item.locator('.ant-select').click();
    const option = page.locator(`${openDropdown} .ant-select-item-option`).filter({ hasText: text }).first();
    if ((await item.locator('.ant-select-multiple').count()) && !(await option.count())) {
      // A tags field (e.g. 合议人员) has no list of its own: type the value and press Enter to add it.
      await item.locator('.ant-select input').fill(text);
      await item.locator('.ant-select input').press('Enter');
    } else {
      await option.click({ timeout: 5_000 });
    }
    // A multiple select stays open: click the dialog's title to close it, and wait until no list is left.
    await dialog.locator('.ant-modal-title').click();
    await expect(page.locator(openDropdown)).toHaveCount(0, { timeout: 5_000 });
    await expect(chosen).not.toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

async function fillField(page: Page, dialog: Locator, label: string, value: FieldInput): Promise<void> {
  const item = formItem(dialog, label);
  await expect(item, `表单中没有「${label}」`).toHaveCount(1);
  if (await item.locator('.ant-select').count()) {
    const wanted = typeof value === 'string' ? [value] : (value as readonly string[]);
    // Options already held (the case's officers are offered as defaults) are left as they are.
    for (const text of wanted) await pickOption(page, dialog, label, text);
    return;
  }
  if (await item.locator('.ant-switch').count()) {
    const toggle = item.locator('.ant-switch');
    if ((await toggle.getAttribute('aria-checked')) !== String(value)) await toggle.click();
    return;
  }
  if (await item.locator('.ant-checkbox-group').count()) {
    const wanted = new Set(typeof value === 'string' ? [value] : (value as readonly string[]));
    for (const box of await item.getByRole('checkbox').all()) {
      const name = (await box.locator('xpath=ancestor::label[1]').innerText()).trim();
      if (wanted.has(name)) await box.check();
      else await box.uncheck();
    }
    return;
  }
  if (await item.locator('.ant-radio-group').count()) {
    // Button-style radios hide their input; the visible label takes the click.
    await item
      .locator('label')
      .filter({ hasText: String(value) })
      .first()
      .click();
    await expect(item.getByRole('radio', { name: String(value), exact: true })).toBeChecked();
    return;
  }
  if (await item.locator('.ant-picker').count()) {
    const input = item.locator('.ant-picker input');
    await input.fill(String(value));
    await input.press('Enter');
    return;
  }
  await item.locator('textarea, input').first().fill(String(value));
}

/**
 * Fills a dialog's form by field label: `{ 合议结论: '拟给予行政处罚', 罚款数额（元）: 5000, 处罚种类: ['警告', '罚款'] }`.
 * Selects take option labels (arrays for multiple selects), switches booleans, dates 'YYYY-MM-DD'.
 */
export async function fillForm(dialog: Locator, values: Record<string, FieldInput>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await fillField(dialog.page(), dialog, label, value);
}
