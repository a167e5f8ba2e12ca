import { expect, type Page } from "@playwright/test";

/** The Knowledge page and the run page's question, as a person uses them. */
export class KnowledgePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/knowledge");
    await expect(this.page.getByRole("heading", { name: "Knowledge", level: 1 })).toBeVisible();
  }

  /** The row of the entry for these words. */
  entry(phrase: string) {
    return this.page.getByTestId("knowledge-entry").filter({ hasText: `“${phrase}”` });
  }

  example(prompt: string) {
    return this.page.getByTestId("verified-example").filter({ hasText: prompt });
  }

  /** Clicks a row's button and waits for the server action's answer. */
  async press(row: ReturnType<KnowledgePage["entry"]>, name: string | RegExp) {
    await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/knowledge"),
      row.getByRole("button", { name }).click(),
    ]);
  }

  /**
   * Asks for `prompt` from the home page and answers its question with the choice whose label
   * starts with `meaning`, remembering the answer; returns the run's id.
   */
  async askAndRemember(prompt: string, meaning: RegExp): Promise<string> {
    await this.page.goto("/");
    await this.page.getByLabel("Describe the table you want").fill(prompt);
    await this.page.getByRole("button", { name: "Build table" }).click();
    await expect(this.page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    const card = this.page.getByTestId("question-card");
    await card.getByRole("radio", { name: meaning }).check();
    await card.getByRole("checkbox", { name: /Remember my answer for this warehouse/ }).check();
    await card.getByRole("button", { name: "Answer and build" }).click();
    await expect(
      this.page.getByTestId("event").filter({ hasText: "Saved as knowledge of this warehouse" }),
    ).toBeVisible();
    await expect(this.page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 60_000 });
    return this.page.url().split("/").pop()!;
  }
}
