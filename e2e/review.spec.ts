import { expect, test, type Page } from "@playwright/test";
import { checkEveryLook } from "./screen-check";
import { connectWarehouse } from "./warehouse";

// Review before build: a run that stops after planning, its plan read as sentences and edited in
// place, then built by the same run; and Edit & re-run, which opens the same editor on a
// finished run with its request filled in.

const PROMPT = "total order amount per customer for shipped orders";
const byHand = (status: string) =>
  `select c.customer_id, c.first_name, c.last_name, sum(o.amount) from customers c join orders o using (customer_id) where o.status = '${status}' group by 1, 2, 3`;

/** Rows only one side has, both ways: 0 when the table holds exactly the hand-written rows. */
async function differingRows(table: string, query: string): Promise<number> {
  const sql = connectWarehouse();
  try {
    const [row] = await sql.unsafe(
      `select count(*)::int as n from ((select * from ${table} except all ${query}) union all (${query} except all select * from ${table})) d`,
    );
    return row.n as number;
  } finally {
    await sql.end();
  }
}

const clause = (page: Page, key: string) => page.getByTestId("plan-editor").locator(`li[data-clause="${key}"]`);

/** Every look (width and colour scheme), then back to the size the other steps expect. */
async function checkEveryScreen(page: Page, name: string) {
  await checkEveryLook(page, name);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("review → edit a filter value → build: the same run builds a table that reflects the edit", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Describe the table you want").fill(PROMPT);
  await page.getByLabel("Target table (optional)").fill("reviewed_totals");
  await page.getByLabel("Review the plan first").check();
  await page.getByRole("button", { name: "Build table" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const runId = page.url().split("/").at(-1)!;

  const editor = page.getByTestId("plan-editor");
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText("in review");
  await expect(clause(page, "filters.0")).toContainText("Keep only rows where orders.status is “shipped”.");
  await expect(clause(page, "filters.0")).toContainText("from “shipped”");
  await expect(clause(page, "columns.3")).toContainText("Column total_order_amount: the sum of orders.amount.");
  await expect(page.getByTestId("event").filter({ hasText: "Waiting for review" })).toBeVisible();
  await checkEveryScreen(page, "run-review");

  // An edit that cannot be built says so beside its clause, and Build waits.
  await clause(page, "filters.0").getByRole("button", { name: "Change" }).click();
  await clause(page, "filters.0").getByLabel("Column").selectOption("orders.amount");
  await expect(clause(page, "filters.0").getByTestId("clause-issue")).toHaveText(
    'orders.amount is numeric; "shipped" is not a number',
  );
  await expect(page.getByTestId("plan-submit")).toBeDisabled();
  await checkEveryScreen(page, "run-review-invalid");

  // The server holds an edited plan to the same bar: refused with its clause, the run still in review.
  const planned = await (await page.request.get(`/api/runs/${runId}`)).json();
  const spec = planned.events.findLast(
    (e: { agent: string; level: string }) => e.agent === "planner" && e.level === "success",
  ).payload.spec;
  const refused = await page.request.post(`/api/runs/${runId}/plan`, {
    data: { spec: { ...spec, filters: [{ ...spec.filters[0], column: { source: "orders", column: "colour" } }] } },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).issues).toEqual([
    { clause: "filters.0", message: 'column "colour" does not exist in public.orders' },
  ]);

  await clause(page, "filters.0").getByLabel("Column").selectOption("orders.status");
  const value = clause(page, "filters.0").getByLabel("Value");
  await expect(value).toHaveAttribute("list", /known/);
  await value.fill("returned");
  await expect(clause(page, "filters.0")).toContainText("Keep only rows where orders.status is “returned”.");
  // A changed clause no longer claims the words of the request, and says it was changed.
  await expect(clause(page, "filters.0")).not.toContainText("from “shipped”");
  await expect(clause(page, "filters.0").locator(".badge.changed")).toHaveText("changed");
  await expect(clause(page, "filters.0").getByTestId("clause-issue")).toHaveCount(0);
  await page.getByTestId("plan-submit").click();

  await expect(page.getByTestId("event").filter({ hasText: "Plan edited by ada@example.com: 1 change" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("run-status")).toHaveText("succeeded");
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  expect(await differingRows("reviewed_totals", byHand("returned"))).toBe(0);
  expect(await differingRows("reviewed_totals", byHand("shipped"))).toBeGreaterThan(0);

  // Built once: a second Build of the same run is refused.
  const again = await page.request.post(`/api/runs/${runId}/plan`, { data: {} });
  expect(again.status()).toBe(409);
});

test("Edit & re-run opens the editor with the request and the plan, and starts a new run in review", async ({
  page,
}) => {
  const sql = connectWarehouse();
  const [run] =
    await sql`select id from datamorph.runs where prompt = ${PROMPT} and status = 'succeeded' order by created_at desc limit 1`;
  await sql.end();
  expect(run, "the first test of this file built a reviewed run").toBeDefined();
  await page.goto(`/runs/${run.id}`);
  await page.getByTestId("edit-rerun").click();

  const editor = page.getByTestId("plan-editor");
  await expect(editor.getByLabel("Request")).toHaveValue(PROMPT);
  await expect(clause(page, "filters.0")).toContainText("orders.status is “returned”");
  await checkEveryScreen(page, "run-edit-rerun");

  await editor.getByLabel("Request").fill(`${PROMPT} please`);
  await expect(editor.getByRole("status")).toHaveText(
    "The request changed: it will be planned again, and the edits below are left out.",
  );
  await editor.getByLabel("Request").fill(PROMPT);
  await page.getByRole("button", { name: "Review as a new run" }).click();

  await expect(page).not.toHaveURL(new RegExp(`/runs/${run.id}`));
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("run-status")).toHaveText("in review");
  await expect(clause(page, "filters.0")).toContainText("orders.status is “returned”");
  await expect(
    page.getByTestId("event").filter({ hasText: `Took the plan of run ${run.id} for review` }),
  ).toBeVisible();
});
