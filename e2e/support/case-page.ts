// The case page as a user drives it: actions from the procedure timeline, documents from the 文书 tab.
import { expect, type Locator, type Page } from '@playwright/test';
import {
  documentKindLabels,
  isNumberedDocumentKind,
  type PenaltyDocumentKind,
} from '../../src/shared/cases/documents.ts';
import { fillForm, type FieldInput } from './forms.ts';
import { apiResponse } from './session.ts';

/** antd puts a space between the two characters of a two-character button label (立 案); match with or without. */
export function buttonName(label: string): RegExp {
  const escaped = [...label].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('\\s*')}$`);
}

export function timelineOf(scope: Page | Locator): Locator {
  return scope.getByTestId('procedure-timeline');
}

/** Clicks an allowed action in the timeline under `scope` (the case page or the workbench drawer) and returns its dialog. */
export async function openAction(page: Page, label: string, scope: Page | Locator = page): Promise<Locator> {
  await timelineOf(scope)
    .getByRole('button', { name: buttonName(label) })
    .click();
  const dialog = page.getByRole('dialog', { name: label, exact: true });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Submits an open action dialog and expects the server to take the action. */
export async function confirmAction(page: Page, dialog: Locator): Promise<void> {
  const answered = apiResponse(page, 'POST', /\/actions\/[^/]+$/);
  await dialog.getByRole('button', { name: '确认办理' }).click();
  const response = await answered;
  expect(response.status(), await response.text()).toBe(200);
  await expect(dialog).toBeHidden();
}

/** Takes an action with its form filled by field label; fields left out keep their defaults. */
export async function takeAction(
  page: Page,
  label: string,
  values: Record<string, FieldInput> = {},
  scope: Page | Locator = page,
): Promise<void> {
  const dialog = await openAction(page, label, scope);
  await fillForm(dialog, values);
  await confirmAction(page, dialog);
  await expect(timelineOf(scope).locator('.ant-timeline')).toContainText(label);
}

export async function openTab(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Generates a document from the 文书 tab (confirming the 文号 for numbered ones); returns its 文号 or null. */
export async function generateDocument(page: Page, kind: PenaltyDocumentKind): Promise<string | null> {
  const label = documentKindLabels[kind];
  await openTab(page, /^文书/);
  await page.getByRole('button', { name: /生成文书/ }).click();
  const generated = apiResponse(page, 'POST', new RegExp(`/documents/${kind}$`));
  const numbered = isNumberedDocumentKind(kind);
  await page.getByRole('menuitem', { name: numbered ? `${label}（编文号）` : label, exact: true }).click();
  if (numbered) {
    const confirm = page.getByRole('dialog').filter({ hasText: '文号一经取用不再收回' });
    await confirm.getByRole('button', { name: buttonName('生成') }).click();
  }
  const response = await generated;
  expect(response.status(), await response.text()).toBe(200);
  const created = (await response.json()) as { documentNumber: string | null };
  const rows = page.getByRole('tabpanel', { name: /文书/ }).locator('tr.ant-table-row');
  await expect(rows.filter({ hasText: label }).first()).toBeVisible();
  await openTab(page, /办理过程/);
  return created.documentNumber;
}

/** The reason the server gives for a blocked action, as the page lists it under the buttons. */
export function blockedReasons(page: Page): Locator {
  return timelineOf(page).getByTestId('blocked-reasons');
}

/** POSTs an action straight to the API as the signed-in user (what a forged or stale request would do). */
export async function postAction(
  page: Page,
  caseId: string,
  action: string,
  input?: Record<string, unknown>,
): Promise<{ status: number; message: string }> {
  const response = await page.request.post(
    `/api/procedures/penaltyCase.ordinary/records/${caseId}/actions/${action}`,
    { data: input === undefined ? {} : { input } },
  );
  const body = (await response.json()) as { error?: { message: string } };
  return { status: response.status(), message: body.error?.message ?? '' };
}
