import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { signUpInNewContext } from "./accounts";
import { connectWarehouse } from "./warehouse";

// A run's result seen rather than read: its chart, a grid sorted by any column, the CSV
// download; the dashboard; lineage between pipelines; and the runs list's search.

const MONTHLY = "number of orders per month in 2024";
const BY_METHOD = "average payment amount per payment method";

async function runToEnd(page: Page, prompt: string, target: string): Promise<string> {
  const started = await page.request.post("/api/runs", { data: { prompt, target } });
  expect(started.status(), await started.text()).toBe(202);
  const { id } = await started.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/runs/${id}`)).json()).run.status, { timeout: 45_000 })
    .toBe("succeeded");
  return id as string;
}

async function tableRows(table: string): Promise<string[][]> {
  const sql = connectWarehouse();
  try {
    const rows = await sql.unsafe(`select * from public.${table}`);
    const columns = (rows as unknown as { columns: { name: string }[] }).columns.map((c) => c.name);
    const text = await sql
      .unsafe(`select ${columns.map((c) => `"${c}"::text`).join(", ")} from public.${table}`)
      .values();
    return [columns, ...text.map((r) => r.map((v) => (v === null ? "" : String(v))))];
  } finally {
    await sql.end();
  }
}

test("a monthly result shows as a line beside its grid, sorts by a column, and downloads as the table's rows", async ({
  page,
  browser,
}) => {
  const runId = await runToEnd(page, MONTHLY, "results_monthly_orders");
  await page.goto(`/runs/${runId}`);
  const result = page.getByTestId("preview");
  await expect(result.getByTestId("result-chart")).toHaveAttribute("data-kind", "line");
  await expect(result.getByTestId("chart-line")).toHaveAttribute(
    "aria-label",
    /12 points from 2024-01-01 to 2024-12-01/,
  );
  await expect(result.getByTestId("chart-line").locator("circle")).toHaveCount(12);

  // The grid follows the spec's order (by month), and dates read as dates.
  const grid = result.getByRole("table", { name: "Result rows" });
  const months = () => grid.locator("tbody tr td:first-child").allTextContents();
  expect((await months()).slice(0, 2)).toEqual(["2024-01-01", "2024-02-01"]);
  const [monthColumn, countColumn] = await grid.locator("thead th").allTextContents();

  // A header sorts by its column with the keyboard; pressed again, the other way round.
  const countHeader = grid.getByRole("link", { name: new RegExp(`^${countColumn.replace(/[▲▼↕]/g, "")}`) });
  await countHeader.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=.*&dir=asc/);
  await expect(grid.locator("thead th").nth(1)).toHaveAttribute("aria-sort", "ascending");
  const ascending = (await grid.locator("tbody tr td:nth-child(2)").allTextContents()).map((t) =>
    Number(t.replace(/,/g, "")),
  );
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await grid.getByRole("link", { name: new RegExp(`^${countColumn.replace(/[▲▼↕]/g, "")}`) }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(grid.locator("thead th").nth(1)).toHaveAttribute("aria-sort", "descending");
  const descending = (await grid.locator("tbody tr td:nth-child(2)").allTextContents()).map((t) =>
    Number(t.replace(/,/g, "")),
  );
  expect(descending).toEqual([...ascending].reverse());
  expect(monthColumn).toMatch(/month/);

  // The download is the published table, every row, in the order on screen.
  const [download] = await Promise.all([page.waitForEvent("download"), result.getByTestId("download-csv").click()]);
  expect(download.suggestedFilename()).toBe("results_monthly_orders.csv");
  const csv = await readFile((await download.path())!, "utf8");
  const records: string[][] = parse(csv);
  const [header, ...rows] = await tableRows("results_monthly_orders");
  expect(records[0]).toEqual(header);
  expect(records.slice(1)).toHaveLength(12);
  expect([...records.slice(1)].sort()).toEqual([...rows].sort());
  expect(records.slice(1).map((r) => Number(r[1]))).toEqual(descending);
  await result.screenshot({ path: "e2e/.output/result-chart.png" });

  // Someone else's run: no CSV, and no hint that it exists.
  const { context, page: other } = await signUpInNewContext(browser, {
    name: "Rosa",
    email: "rosa.results@example.com",
    password: "rosa's long secret",
  });
  try {
    const refused = await other.request.get(`/api/runs/${runId}/result.csv`);
    expect(refused.status()).toBe(404);
    expect(await refused.text()).not.toContain("results_monthly_orders");
  } finally {
    await context.close();
  }
});

test("a category with a measure shows as bars; the dashboard counts the runs by status", async ({ page }) => {
  const runId = await runToEnd(page, BY_METHOD, "results_payment_methods");
  await page.goto(`/runs/${runId}`);
  const chart = page.getByTestId("preview").getByTestId("result-chart");
  await expect(chart).toHaveAttribute("data-kind", "bar");
  const bars = chart.locator("rect[data-value]");
  await expect(bars).toHaveCount(4);
  // The longest bar is the largest average.
  const widths = await bars.evaluateAll((rects) =>
    rects.map((r) => [Number(r.getAttribute("data-value")), r.getBoundingClientRect().width]),
  );
  const widest = widths.reduce((a, b) => (b[1] > a[1] ? b : a));
  expect(widest[0]).toBe(Math.max(...widths.map((w) => w[0])));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const sql = connectWarehouse();
  try {
    // Runs an evaluation made are counted on the evaluations page, not here.
    const [{ n }] = await sql`
      select count(*)::int as n from datamorph.runs
      where created_at >= current_date - 29 and trigger is distinct from 'evaluation'`;
    await expect(page.getByTestId("dashboard-totals")).toContainText(`${n}runs`);
  } finally {
    await sql.end();
  }
  await expect(page.getByTestId("runs-per-day")).toHaveAttribute("aria-label", /Runs per day by status/);
  await expect(page.getByTestId("tests-summary")).toContainText(/\d+ of [\d,]+ data tests failed/);
  await page.screenshot({ path: "e2e/.output/dashboard.png", fullPage: true });
});

test("a pipeline reading another's table shows it upstream, and the other lists it downstream", async ({ page }) => {
  const totalsRun = await runToEnd(page, "total order amount per customer", "results_customer_totals");
  const upstream = await page.request.post("/api/pipelines", {
    data: { runId: totalsRun, name: "Results customer totals" },
  });
  expect(upstream.status()).toBe(201);
  const readerRun = await runToEnd(
    page,
    "results_customer_totals with total_order_amount over 20000",
    "results_big_spenders",
  );
  const downstream = await page.request.post("/api/pipelines", {
    data: { runId: readerRun, name: "Results big spenders" },
  });
  expect(downstream.status()).toBe(201);

  await page.goto((await downstream.json()).url);
  await expect(page.getByTestId("pipeline-upstream")).toContainText(
    "public.results_customer_totals ← Results customer totals",
  );
  await page.goto((await upstream.json()).url);
  await expect(page.getByTestId("pipeline-downstream")).toContainText(
    "Results big spenders reads public.results_customer_totals",
  );
});

test("the runs list searches, filters and pages, and its URL brings the same list back", async ({ page }) => {
  await page.goto("/runs");
  await page.getByRole("searchbox", { name: "Search runs" }).fill("results_");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/runs\?q=results_$/);
  const listed = page.getByRole("table").locator("tbody tr");
  await expect(listed.first()).toBeVisible();
  for (const target of await listed.locator("td:nth-child(3)").allTextContents()) expect(target).toContain("results_");
  const count = await listed.count();

  await page
    .getByRole("navigation", { name: "Filter by status" })
    .getByRole("link", { name: /^succeeded/ })
    .click();
  await expect(page).toHaveURL(/q=results_&status=succeeded/);
  await expect(page.getByRole("searchbox", { name: "Search runs" })).toHaveValue("results_");
  await expect(listed).toHaveCount(count);

  // The same search over HTTP, as JSON.
  const api = await page.request.get("/api/runs?q=results_&status=succeeded");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body).toMatchObject({ total: count, page: 1 });
  for (const run of body.runs) expect(`${run.targetSchema}.${run.targetTable}`).toContain("results_");

  await page.goto("/runs?q=no+run+says+this");
  await expect(page.getByText("No runs match this search.")).toBeVisible();
});
