import { expect, type Page } from "@playwright/test";

/** The administrator's Users page, as an administrator uses it. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/users");
    await expect(this.page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  }

  /** Makes an invite link for `role` and returns it as shown. */
  async createInvite(role: "member" | "administrator"): Promise<string> {
    await this.page.getByLabel("Role of the new account").selectOption({ label: role });
    await this.page.getByRole("button", { name: "Create invite link" }).click();
    const link = this.page.getByRole("textbox", { name: "Invite link", exact: true });
    await expect(link).toHaveValue(/\/sign-up\?invite=[A-Za-z0-9_-]{43}$/);
    return link.inputValue();
  }

  /** The table row of the account with `email`. */
  row(email: string) {
    return this.page.getByTestId("users").locator(`tr[data-email="${email}"]`);
  }

  /** Presses `button` in the row of `email` and waits for the server's answer. */
  async press(email: string, button: string) {
    await Promise.all([
      this.page.waitForResponse(
        (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/users",
      ),
      this.row(email).getByRole("button", { name: button, exact: true }).click(),
    ]);
  }

  /** What the last button pressed in the row of `email` said. */
  answer(email: string) {
    return this.row(email).locator(".alert");
  }
}
