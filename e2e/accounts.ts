import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { e2eAccessCode } from "../playwright.config";
import { AuthPages } from "./pages/auth-pages";

/** The administrator created by the first-run setup, shared by every spec. */
export const admin = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };

export type Account = { name: string; email: string; password: string };

/** Signs `account` up with the access code in a fresh, signed-out browser context, and returns it signed in. */
export async function signUpInNewContext(
  browser: Browser,
  account: Account,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await new AuthPages(page).fill({
    "Access code": e2eAccessCode,
    "Your name": account.name,
    Email: account.email,
    Password: account.password,
  });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.email);
  return { context, page };
}
