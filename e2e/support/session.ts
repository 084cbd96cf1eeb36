// Signing in as the demo users (src/server/db/seed-demo.ts) and watching the page while a journey runs.
import { expect, type Page, type Response } from '@playwright/test';

/** FAZHI_DEMO_PASSWORD of the e2e server (playwright.config.ts). */
export const demoPassword = 'Demo-Passw0rd';

/** Fills and sends the login form, whatever the answer (a wrong password stays on the page). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Signs in and waits for the workbench. */
export async function login(page: Page, username: string, password = demoPassword): Promise<void> {
  await submitLogin(page, username, password);
  await expect(page).toHaveURL(/\/$/);
}

/**
 * Signs out by dropping the session cookie and signs in as someone else through the API (the login page has
 * its own spec); the page then opens wherever the journey goes next.
 */
export async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post('/api/auth/login', { data: { username, password: demoPassword } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Uncaught exceptions in the page fail the test even when the UI looks right. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Waits for the answer to `METHOD …path` (path matched against the URL's pathname, without the query). */
export function apiResponse(page: Page, method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse(
    (candidate) => candidate.request().method() === method && path.test(new URL(candidate.url()).pathname),
  );
}
