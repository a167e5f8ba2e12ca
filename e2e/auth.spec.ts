import { expect, test } from "@playwright/test";
import { e2eAccessCode } from "../playwright.config";
import { admin } from "./accounts";
import { AuthPages } from "./pages/auth-pages";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("health is green", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: "up", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  test("a protected page redirects to sign-in and comes back after it", async ({ page }) => {
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await new AuthPages(page).signIn(admin.email, admin.password);
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByRole("heading", { name: "Runs" })).toBeVisible();
  });

  test("an API route answers 401 JSON without a session", async ({ request }) => {
    const response = await request.get("/api/me");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
  });

  test("a wrong password and an unknown email are refused with the same clear message", async ({ page }) => {
    const forms = new AuthPages(page);
    await page.goto("/sign-in");
    await forms.signIn(admin.email, "not the password");
    await expect(forms.alert()).toHaveText("Wrong email or password.");
    await forms.signIn("nobody@example.com", admin.password);
    await expect(forms.alert()).toHaveText("Wrong email or password.");
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  });

  test("empty and oversized fields get field messages, not errors", async ({ page }) => {
    const forms = new AuthPages(page);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await page.getByLabel("Email").evaluate((input: HTMLInputElement) => input.removeAttribute("maxlength"));
    await forms.signIn(`${"a".repeat(5000)}@example.com`, "whatever");
    await expect(page.getByText("That email is too long.")).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/at .*\.(js|ts):\d+/);
  });

  test("a second setup after the first account exists changes nothing", async ({ page }) => {
    await page.goto("/setup");
    await expect(page.getByRole("heading", { name: "Setup is complete" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create admin account" })).toHaveCount(0);
  });

  test("the access code lets a colleague create an account, and only the right code", async ({ page }) => {
    const forms = new AuthPages(page);
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Create an account" }).click();
    const colleague = {
      "Access code": "guess",
      "Your name": "Cole",
      Email: "cole@example.com",
      Password: "another long secret",
    };
    await forms.fill(colleague);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("That access code is not valid.")).toBeVisible();

    await forms.fill({ ...colleague, "Access code": e2eAccessCode });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText("cole@example.com");

    await forms.signOut();
    await page.goto("/sign-up");
    await forms.fill({ ...colleague, "Access code": e2eAccessCode, Email: "COLE@example.com" });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(forms.alert()).toHaveText("An account with this email already exists. Sign in instead.");
  });
});

test.describe("signed in", () => {
  // Signing out ends the session on the server, so this test signs out a session of its own,
  // not the one every other spec shares.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign out ends the session, sign in starts a new one", async ({ page }) => {
    const forms = new AuthPages(page);
    await page.goto("/data");
    await forms.signIn(admin.email, admin.password);
    await expect(page).toHaveURL(/\/data$/);
    await expect(page.getByTestId("signed-in-as")).toHaveText(admin.email);
    await expect(page.getByTestId("tables")).toContainText("public.orders");
    await page.screenshot({ path: "e2e/.output/data.png", fullPage: true });
    await forms.signOut();
    await page.goto("/data");
    await expect(page).toHaveURL(/\/sign-in/);
    await forms.signIn(admin.email, admin.password);
    await expect(page).toHaveURL(/\/data$/);
  });
});
