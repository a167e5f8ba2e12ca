import { expect, test, type Page } from "@playwright/test";
import { signUpInNewContext } from "./accounts";
import { connectWarehouse } from "./warehouse";

const PROMPT = "total order amount per customer for shipped orders";

async function waitForRun(page: Page) {
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 45_000 });
  return page.url().split("/").at(-1)!;
}

test("a run saved as a pipeline runs again with another parameter value, and its history shows both", async ({
  page,
  browser,
}) => {
  const started = await page.request.post("/api/runs", { data: { prompt: PROMPT } });
  expect(started.status()).toBe(202);
  await page.goto((await started.json()).url);
  const runId = await waitForRun(page);
  await expect(page.getByTestId("lineage-edges")).toContainText("public.orders.amount → total_order_amount (sum)");
  await expect(page.getByTestId("lineage-rows")).toContainText("filter: shipped");
  await expect(page.getByTestId("lineage-graph")).toBeVisible();

  await page.getByRole("button", { name: "Save as pipeline" }).click();
  const form = page.getByRole("region", { name: "Save as pipeline" });
  await form.getByLabel("Pipeline name").fill("Shipped totals");
  await form.getByLabel("Target table").fill("customer_totals_{{status}}");
  await form.getByLabel(/orders\.status =/).fill("status");
  await form.getByRole("button", { name: "Save pipeline" }).click();

  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  const pipelineUrl = page.url();
  await expect(page.getByTestId("pipeline-name")).toHaveText("Shipped totals");
  await expect(page.getByTestId("pipeline-parameters")).toContainText("{{status}}");
  await expect(page.getByTestId("pipeline-parameters")).toContainText("shipped");
  await expect(page.getByTestId("pipeline-versions")).toContainText(`Saved from run ${runId}`);
  await expect(page.getByTestId("lineage-edges")).toContainText("public.customers.customer_id → customer_id");

  const runNow = page.getByRole("region", { name: "Run now" });
  await runNow.getByLabel("status").fill("returned");
  await runNow.getByRole("button", { name: "Run now" }).click();
  const pipelineRunId = await waitForRun(page);
  await expect(page.getByTestId("run-pipeline")).toContainText("Shipped totals v1 · status = returned");
  await expect(page.getByText("public.customer_totals_returned").first()).toBeVisible();

  const sql = connectWarehouse();
  try {
    const [diff] = await sql`
      select count(*)::int as n from (
        (select * from customer_totals_returned except all
         select c.customer_id, c.first_name, c.last_name, sum(o.amount) from customers c join orders o on o.customer_id = c.customer_id where o.status = 'returned' group by 1, 2, 3)
        union all
        (select c.customer_id, c.first_name, c.last_name, sum(o.amount) from customers c join orders o on o.customer_id = c.customer_id where o.status = 'returned' group by 1, 2, 3
         except all select * from customer_totals_returned)) d`;
    expect(diff.n).toBe(0);
  } finally {
    await sql.end();
  }

  await page.goto(pipelineUrl);
  const history = page.getByTestId("pipeline-history");
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history).toContainText("status = returned");
  await expect(history.getByRole("link").first()).toHaveAttribute("href", `/runs/${pipelineRunId}`);
  await page.screenshot({ path: "e2e/.output/pipeline.png", fullPage: true });

  // An edit makes a new version; the first stays listed.
  const edit = page.getByRole("region", { name: "Edit" });
  await expect(edit.getByLabel(/Parameter for orders\.status =/)).toHaveValue("status");
  await edit.getByLabel("Target table").fill("status_totals_{{status}}");
  await edit.getByLabel("Note").fill("clearer table names");
  await edit.getByRole("button", { name: "Save as new version" }).click();
  await expect(edit.getByRole("status")).toHaveText("Saved as version 2; earlier versions are kept.");
  await expect(page.getByTestId("pipeline-versions").getByRole("row")).toHaveCount(3);
  await expect(page.getByTestId("pipeline-versions")).toContainText("v2 (current)");
  await expect(page.getByTestId("pipeline-versions")).toContainText("clearer table names");
  await expect(page.getByTestId("version-changes-2")).toHaveText(
    "target: customer_totals_{{status}} → status_totals_{{status}}",
  );
  await expect(page.getByTestId("version-changes-1")).toHaveText("first version");

  await page.goto("/pipelines");
  await expect(page.getByTestId("pipelines").getByRole("link", { name: "Shipped totals" })).toBeVisible();

  // Over HTTP: the same pipeline, and a run with a value of the wrong type is refused.
  const pipelineId = pipelineUrl.split("/").at(-1)!;
  const details = await page.request.get(`/api/pipelines/${pipelineId}`);
  expect(details.status()).toBe(200);
  expect(await details.json()).toMatchObject({
    name: "Shipped totals",
    currentVersion: 2,
    targetTable: "status_totals_{{status}}",
    parameters: [{ name: "status", type: "text", default: "shipped" }],
  });
  const bad = await page.request.post(`/api/pipelines/${pipelineId}/runs`, { data: { parameters: { colour: "red" } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe("This pipeline has no parameter colour (its parameters: status).");

  // Another member neither sees nor runs it.
  const { context, page: member } = await signUpInNewContext(browser, {
    name: "Pia",
    email: "pia.pipelines@example.com",
    password: "pia's long secret",
  });
  try {
    expect((await member.goto(pipelineUrl))?.status()).toBe(404);
    expect((await member.request.get(`/api/pipelines/${pipelineId}`)).status()).toBe(404);
    expect((await member.request.post(`/api/pipelines/${pipelineId}/runs`, { data: {} })).status()).toBe(404);
    expect((await member.request.post("/api/pipelines", { data: { runId, name: "Taken over" } })).status()).toBe(404);
    await member.goto("/pipelines");
    await expect(member.getByText("No pipelines yet")).toBeVisible();
    expect((await member.request.delete(`/api/pipelines/${pipelineId}`)).status()).toBe(404);
  } finally {
    await context.close();
  }

  // Its owner deletes it from its page, after a confirmation; its runs and tables stay.
  await page.goto(pipelineUrl);
  const remove = page.getByRole("region", { name: "Delete" });
  await remove.getByRole("button", { name: "Delete pipeline" }).click();
  await expect(remove.getByRole("group", { name: "Confirm delete" })).toContainText("The runs it made");
  await remove.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/pipelines\?deleted=/);
  await expect(page.getByRole("status")).toHaveText(
    "Deleted pipeline Shipped totals; the runs it made and the tables they built stay.",
  );
  await expect(page.getByRole("link", { name: "Shipped totals" })).toHaveCount(0);
  expect((await page.request.get(`/api/pipelines/${pipelineId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/runs/${pipelineRunId}`)).status()).toBe(200);
  expect((await page.request.get("/api/tables/customer_totals_returned/rows")).status()).toBe(200);
});

test("a pipeline is scheduled in a time zone, paused and resumed, and backfilled month by month from its page", async ({
  page,
}) => {
  const started = await page.request.post("/api/runs", {
    data: { prompt: "number of orders per day in January 2024" },
  });
  const { id: runId } = await started.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/runs/${runId}`)).json()).run.status, { timeout: 45_000 })
    .toBe("succeeded");
  const saved = await page.request.post("/api/pipelines", {
    data: {
      runId,
      name: "Daily orders",
      target: "daily_orders_{{month}}",
      parameters: [{ name: "month", type: "date", default: "2024-01-01" }],
    },
  });
  expect(saved.status()).toBe(201);
  await page.goto((await saved.json()).url);
  await expect(page.getByTestId("pipeline-parameters")).toContainText("2024-01-01");

  const schedule = page.getByRole("region", { name: "Schedule" });
  await schedule.getByLabel("Cron expression").fill("0 6 * * *");
  await schedule.getByLabel("Time zone").fill("Europe/Berlin");
  await schedule.getByRole("button", { name: "Save schedule" }).click();
  await expect(schedule.getByRole("status")).toContainText("Scheduled; it fires next at");
  // 06:00 in Berlin is 05:00 UTC in winter, 04:00 in summer.
  await expect(page.getByTestId("pipeline-schedule")).toContainText(
    /0 6 \* \* \* \(Europe\/Berlin\), next \d{4}-\d\d-\d\d 0[45]:00 UTC/,
  );
  await schedule.getByRole("button", { name: "Pause schedule" }).click();
  await expect(page.getByTestId("pipeline-schedule")).toContainText("paused");
  await schedule.getByRole("button", { name: "Resume schedule" }).click();
  await expect(page.getByTestId("pipeline-schedule")).toContainText("next");

  await schedule.getByLabel("Cron expression").fill("every morning");
  await schedule.getByRole("button", { name: "Save schedule" }).click();
  await expect(schedule.getByRole("alert")).toContainText(
    '"every morning" is not a cron expression DataMorph can read',
  );

  const backfill = page.getByRole("region", { name: "Backfill" });
  await backfill.getByLabel("From").fill("2024-02-01");
  await backfill.getByLabel("To").fill("2024-03-01");
  await backfill.getByRole("button", { name: "Backfill" }).click();
  await expect(backfill.getByRole("status")).toContainText("Backfilling 2 month(s), 2024-02-01 to 2024-03-01");
  await expect(async () => {
    await page.reload();
    const rows = page.getByTestId("pipeline-history").getByRole("row").filter({ hasText: "backfill" });
    await expect(rows).toHaveCount(2, { timeout: 1000 });
    await expect(rows.filter({ hasText: "succeeded" })).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("pipeline-history")).toContainText("public.daily_orders_2024_03_01");
  await page.screenshot({ path: "e2e/.output/pipeline-schedule.png", fullPage: true });

  // Deleted over HTTP, its schedule goes with it; a second delete finds nothing.
  const pipelineId = page.url().split("/").at(-1)!;
  const deleted = await page.request.delete(`/api/pipelines/${pipelineId}`);
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({ pipeline: "Daily orders", deleted: true });
  expect((await page.request.delete(`/api/pipelines/${pipelineId}`)).status()).toBe(404);
  const listed = await (await page.request.get("/api/pipelines")).json();
  expect(JSON.stringify(listed)).not.toContain("Daily orders");
});
