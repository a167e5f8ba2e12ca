import type { Page } from "@playwright/test";

/** The account page's password change form, as a user fills it. */
export class AccountPage {
  constructor(private readonly page: Page) {}

  async changePassword({ current, next, confirm = next }: { current: string; next: string; confirm?: string }) {
    await this.page.getByLabel("Current password", { exact: true }).fill(current);
    await this.page.getByLabel("New password", { exact: true }).fill(next);
    await this.page.getByLabel("Confirm new password", { exact: true }).fill(confirm);
    await this.submit();
  }

  /** Submits and waits for the server's answer, so a message checked next is this submission's. */
  async submit() {
    await Promise.all([
      this.page.waitForResponse(
        (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/account",
      ),
      this.page.getByRole("button", { name: "Change password" }).click(),
    ]);
  }

  /** The message shown under a field. */
  fieldError(label: "Current password" | "New password" | "Confirm new password") {
    return this.page
      .getByLabel(label, { exact: true })
      .locator("xpath=following-sibling::div[contains(@class, 'field-error')]");
  }

  /** What a successful change says. */
  notice() {
    return this.page.getByRole("status");
  }

  alert() {
    return this.page.getByRole("alert").first();
  }
}
