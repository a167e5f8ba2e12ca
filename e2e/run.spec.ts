import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eAccessCode } from "../playwright.config";
import { AuthPages } from "./pages/auth-pages";
import { connectWarehouse } from "./warehouse";

const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";

test("a run streams live from the browser, succeeds, previews its table and exports a PDF", async ({ page }) => {
  const sql = connectWarehouse();
  const hold = await sql.reserve();
  try {
    // Holding the orders table makes the run wait after planning, so it is visibly in progress.
    await hold`begin`;
    await hold`lock table orders in access exclusive mode`;

    await page.goto("/");
    await page.screenshot({ path: "e2e/.output/home.png", fullPage: true });
    await page.getByRole("button", { name: SEED }).click();
    await page.getByRole("button", { name: "Build table" }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    const runId = page.url().split("/").at(-1)!;

    await expect(page.getByTestId("live")).toBeVisible();
    await expect(page.getByTestId("event").filter({ hasText: "Planned customer_order_totals" })).toBeVisible();
    await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toHaveCount(0);
    await page.screenshot({ path: "e2e/.output/run-in-progress.png", fullPage: true });

    // Reloading mid-run shows the same events, none twice, none missing.
    const before = await page.getByTestId("event").allTextContents();
    await page.reload();
    await expect(page.getByTestId("event")).toHaveCount(before.length);
    expect(await page.getByTestId("event").allTextContents()).toEqual(before);

    await hold`commit`;
    await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible();
    await expect(page.getByTestId("live")).toHaveCount(0);
    const [{ n }] = await sql`select count(*)::int as n from datamorph.run_events where run_id = ${runId}`;
    await expect(page.getByTestId("event")).toHaveCount(n);

    await expect(page.locator(".badge.succeeded").first()).toBeVisible();
    await expect(page.getByTestId("preview")).toContainText("Rows 1–100 of 4,800");
    await expect(page.getByTestId("tests")).toContainText("reconcile_total_order_amount");
    await expect(page.getByTestId("code-sql")).toContainText('FROM "public"."customers"');
    await page.screenshot({ path: "e2e/.output/run.png", fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "PDF report" }).click(),
    ]);
    const file = await download.path();
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain(SEED);
    expect(text).toContain('FROM "public"."customers"');
  } finally {
    await hold`rollback`.catch(() => {});
    hold.release();
    await sql.end();
  }
});

test("only the latest publish of a table can be rolled back, after a confirmation, once, restoring the version before", async ({
  page,
}) => {
  const build = async ({ replace }: { replace: boolean }) => {
    await page.goto("/");
    await page.getByLabel("Describe the table you want").fill("number of orders per status");
    await page.getByLabel("Target table (optional)").fill("status_counts");
    if (replace) await page.getByLabel("Replace the existing table").check();
    await page.getByRole("button", { name: "Build table" }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible();
    return page.url();
  };
  const first = await build({ replace: false });
  const sql = connectWarehouse();
  try {
    // Marks the first version, so the rollback can be seen to bring it back.
    await sql`alter table status_counts add column version text default 'first'`;

    // Naming an existing table without asking to replace it is refused, and names the run that made it.
    await page.goto("/");
    await page.getByLabel("Describe the table you want").fill("number of orders per status");
    await page.getByLabel("Target table (optional)").fill("status_counts");
    await page.getByRole("button", { name: "Build table" }).click();
    await expect(page.getByRole("alert").first()).toContainText(
      `public.status_counts already exists: run ${first.split("/").at(-1)} by ada@example.com`,
    );
    await expect(page).toHaveURL(/\/$/);

    const second = await build({ replace: true });
    await page.goto(first);
    await expect(page.getByTestId("publish-notice")).toContainText("Replaced by run");
    await expect(page.getByTestId("preview")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Roll back" })).toHaveCount(0);
    expect(
      await sql`select column_name from information_schema.columns where table_name = 'status_counts' and column_name = 'version'`,
    ).toHaveLength(0);

    await page.goto(second);
    await page.getByRole("button", { name: "Roll back" }).click();
    const confirm = page.getByRole("group", { name: "Confirm roll back" });
    await expect(confirm).toContainText("Put back the version of public.status_counts that this run replaced?");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(
      await sql`select column_name from information_schema.columns where table_name = 'status_counts' and column_name = 'version'`,
    ).toHaveLength(0);

    await page.getByRole("button", { name: "Roll back" }).click();
    await page.getByRole("button", { name: "Yes, roll back" }).click();
    await expect(page.getByText("Rolled back: the previous version is in place again.")).toBeVisible();
    const [row] = await sql`select version from status_counts limit 1`;
    expect(row.version).toBe("first");
    await expect(page.getByTestId("event").filter({ hasText: "Rolled back by ada@example.com" })).toBeVisible();
    await expect(page.getByTestId("publish-notice")).toContainText("Rolled back on");
    await expect(page.getByRole("button", { name: "Roll back" })).toHaveCount(0);

    // Not a toggle: asking again is refused and changes nothing.
    const again = await page.request.post(`/api/runs/${second.split("/").at(-1)}/rollback`, { data: {} });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.message).toMatch(
      /^This run was already rolled back on .* by ada@example\.com; public\.status_counts holds the version before it\./,
    );
    expect((await sql`select version from status_counts limit 1`)[0].version).toBe("first");

    // The first run's version is in place again, so its page shows its rows.
    await page.goto(first);
    await expect(page.getByTestId("preview")).toBeVisible();
    await expect(page.getByTestId("publish-notice")).toHaveCount(0);
  } finally {
    await sql.end();
  }
});

test("a run cannot ask for Glue where Glue is not configured, and nothing is created", async ({ page }) => {
  const sql = connectWarehouse();
  try {
    const count = async () => (await sql`select count(*)::int as n from datamorph.runs`)[0].n as number;
    const before = await count();
    await page.goto("/");
    await expect(page.getByLabel("Target table (optional)")).toBeVisible();
    await expect(page.getByLabel("Build engine")).toHaveCount(0);
    const glue = await page.request.post("/api/runs", { data: { prompt: SEED, engine: "glue" } });
    expect(glue.status()).toBe(400);
    expect((await glue.json()).error.message).toContain("AWS Glue is not configured here");
    const unknown = await page.request.post("/api/runs", { data: { prompt: SEED, engine: "spark" } });
    expect(unknown.status()).toBe(400);
    expect((await unknown.json()).error.message).toBe("Choose sql, glue or auto.");
    expect(await count()).toBe(before);
  } finally {
    await sql.end();
  }
});

test("another user cannot open someone else's run", async ({ browser }) => {
  const sql = connectWarehouse();
  const [run] = await sql`select id from datamorph.runs order by created_at desc limit 1`;
  await sql.end();
  expect(run, "a run exists").toBeDefined();

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const stranger = await other.newPage();
  await stranger.goto("/sign-up");
  await new AuthPages(stranger).fill({
    "Access code": e2eAccessCode,
    "Your name": "Sam",
    Email: "sam@example.com",
    Password: "a different secret",
  });
  await stranger.getByRole("button", { name: "Create account" }).click();
  await expect(stranger.getByTestId("signed-in-as")).toHaveText("sam@example.com");

  const response = await stranger.goto(`/runs/${run.id}`);
  expect(response?.status()).toBe(404);
  const api = await stranger.request.get(`/api/runs/${run.id}`);
  expect(api.status()).toBe(404);
  expect((await stranger.request.get(`/api/runs/${run.id}/events`)).status()).toBe(404);
  await other.close();
});

test("the runs page shows history with stats and filters by status", async ({ page }) => {
  await page.goto("/runs");
  await expect(page.getByTestId("run-stats")).toContainText("success rate");
  await expect(page.getByRole("link", { name: /^succeeded/ })).toBeVisible();
  await page.getByRole("link", { name: /^succeeded/ }).click();
  await expect(page).toHaveURL(/status=succeeded/);
  await expect(page.locator("table.grid tbody tr").first()).toContainText("succeeded");
  await page.screenshot({ path: "e2e/.output/runs.png", fullPage: true });
  await page.goto("/evals");
  await expect(page.getByRole("heading", { name: "Evaluations" })).toBeVisible();
});
