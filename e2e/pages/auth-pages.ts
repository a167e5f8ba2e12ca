import { expect, type Page } from "@playwright/test";

/** The sign-in, setup and sign-up forms, as a user fills them. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async fill(fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async signIn(email: string, password: string) {
    await this.fill({ Email: email, Password: password });
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  }

  alert() {
    return this.page.getByRole("alert").first();
  }
}
