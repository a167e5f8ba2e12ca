import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { e2eDataDir } from "../playwright.config";
import { AVERAGE, EMPTY, PIPELINE, REVIEW, runIdOf, SEED, signedOut } from "./screens";

// What the pages show, arranged through the UI (runs, a pipeline, an evaluation), with the defects
// once found on the way checked again. screens.spec.ts then checks every page as it shows them.

/** Fills the request and names its table, so the tables of other specs' runs keep their names. */
async function askFor(page: Page, prompt: string, target: string) {
  await page.goto("/");
  await page.getByLabel("Describe the table you want").fill(prompt);
  await page.getByLabel("Target table (optional)").fill(target);
}

async function waitForEnd(page: Page) {
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("event").filter({ hasText: /Run succeeded|Rejected|Failed/ })).toBeVisible({
    timeout: 45_000,
  });
}

test("Ctrl+Enter in the prompt starts a run, whose header follows its timeline to the end", async ({ page }) => {
  await askFor(page, SEED, "screens_order_totals");
  await page.getByLabel("Describe the table you want").press("Control+Enter");
  await waitForEnd(page);
  await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText("succeeded");
  // The pipeline screens below show this run saved as a pipeline.
  const saved = await page.request.post("/api/pipelines", { data: { runId: await runIdOf(SEED), name: PIPELINE } });
  expect(saved.status(), await saved.text()).toBe(201);

  // The agent's name and its message sit side by side, never one over the other.
  const first = page.getByTestId("event").filter({ hasText: "Run started" });
  const agent = await first.locator(".agent").boundingBox();
  const message = await first.locator(".message").boundingBox();
  expect(agent!.x + agent!.width).toBeLessThanOrEqual(message!.x);

  // Each code card is as tall as its own code, not stretched to its neighbour's height.
  for (const lang of ["sql", "python"]) {
    const code = page.getByTestId(`code-${lang}`);
    if ((await code.count()) === 0) continue;
    const card = await code.locator("xpath=ancestor::section[1]").boundingBox();
    const block = await code.boundingBox();
    expect(card!.y + card!.height - (block!.y + block!.height), `the ${lang} card ends with its code`).toBeLessThan(40);
  }
});

test("Cmd+Enter starts a run too; the rows that break a data test show as a table", async ({ page }) => {
  await askFor(page, EMPTY, "screens_big_orders");
  await page.getByLabel("Describe the table you want").press("Meta+Enter");
  await waitForEnd(page);
  const failing = page.getByTestId("tests").getByRole("table", { name: /^Rows failing/ });
  await expect(failing.first()).toBeVisible();
  await expect(page.getByTestId("tests")).not.toContainText('{"');
});

test("averages in a run's result show a few decimals, not sixteen", async ({ page }) => {
  await askFor(page, "", "screens_payment_averages");
  await page.getByRole("button", { name: AVERAGE }).click();
  await page.getByRole("button", { name: "Build table" }).click();
  await waitForEnd(page);
  // The result shows once the page has refreshed after the run's end.
  await expect(page.getByTestId("preview").locator("td.num").first()).toBeVisible();
  const cells = await page.getByTestId("preview").locator("td.num").allTextContents();
  for (const cell of cells) expect(cell).toMatch(/^-?[\d,]+(\.\d{1,4})?$/);
});

test("a run started with Review the plan first waits for review with its plan in sentences", async ({ page }) => {
  await askFor(page, REVIEW, "screens_review");
  await page.getByLabel("Review the plan first").check();
  await page.getByRole("button", { name: "Build table" }).click();
  await expect(page.getByTestId("plan-editor")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText("in review");
});

test("the Data page counts the rows of a table published a moment ago", async ({ page }) => {
  await page.goto("/data");
  const row = page.getByTestId("tables").getByRole("row").filter({ hasText: "public.screens_order_totals" });
  await expect(row.locator("td.num")).toHaveText("4,800");
});

test("the Evaluations page's first suggestion works on a fresh install, and case ids stay on one line", async ({
  page,
}) => {
  await page.goto("/evals");
  const empty = page.getByTestId("evals-empty");
  if ((await empty.count()) > 0) {
    const command = (await empty.locator("code").textContent())!.trim();
    const [program, ...args] = command.split(/\s+/);
    const state = JSON.parse(readFileSync(path.join(e2eDataDir, "embedded.json"), "utf8"));
    execFileSync(program, [...args, "--only", "demo-001,demo-003"], {
      env: { ...process.env, DATAMORPH_DATA_DIR: e2eDataDir, DATAMORPH_PG_PORT: String(state.port) },
      stdio: "pipe",
      timeout: 50_000,
    });
    await page.reload();
  }
  await expect(page.getByTestId("eval-runs")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  const ids = await page.locator("td.case-id code").all();
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const box = await id.boundingBox();
    expect(box!.height, `${await id.textContent()} takes one line`).toBeLessThan(24);
  }
});

test("the setup page, once done, offers the way in that fits the visitor", async ({ page, browser }) => {
  await page.goto("/setup");
  await expect(page.getByRole("link", { name: "Go to sign in" })).toHaveCount(0);
  await page.getByRole("main").getByRole("link", { name: "Start building" }).click();
  await expect(page).toHaveURL(/\/$/);

  const { context, page: visitor } = await signedOut(browser);
  await visitor.goto("/setup");
  await visitor.getByRole("main").getByRole("link", { name: "Go to sign in" }).click();
  await expect(visitor).toHaveURL(/\/sign-in$/);
  await context.close();
});
