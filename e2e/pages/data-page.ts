import type { Page } from "@playwright/test";

/** The Data page: tables list, read-only SQL console and CSV upload, as a user works them. */
export class DataPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/data");
  }

  tables() {
    return this.page.getByTestId("tables");
  }

  console() {
    return this.page.getByRole("region", { name: "SQL console" });
  }

  /** Types a query and runs it with the Run button, or with Ctrl+Enter from the editor. */
  async runQuery(sql: string, { withKeyboard = false } = {}) {
    const editor = this.console().getByRole("textbox", { name: "Query" });
    await editor.fill(sql);
    if (withKeyboard) await editor.press("Control+Enter");
    else await this.console().getByRole("button", { name: "Run" }).click();
  }

  queryResult() {
    return this.console().getByTestId("query-result");
  }

  consoleError() {
    return this.console().getByRole("alert");
  }

  uploader() {
    return this.page.getByRole("region", { name: "Upload a CSV file" });
  }

  async upload(file: string, { table }: { table?: string } = {}) {
    await this.uploader().getByLabel("CSV file").setInputFiles(file);
    if (table !== undefined) await this.uploader().getByLabel("Table name").fill(table);
    await this.uploader().getByRole("button", { name: "Upload" }).click();
  }

  uploadProgress() {
    return this.uploader().getByRole("progressbar", { name: "Upload progress" });
  }
}
