// Shared steps of the counter E2E tests (counter-flow, error-words): a clerk signs in on the login form.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Types the staff id and password and waits for the platform's answer (the form clears the password then). */
export async function signInClerk(page: Page, staffId: string, password: string): Promise<void> {
  await page.getByTestId('staff-id').fill(staffId);
  await page.getByTestId('staff-password').fill(password);
  await page.getByTestId('sign-in').click();
  await expect.poll(() => page.getByTestId('staff-password').inputValue().catch(() => '')).toBe('');
}
