import { expect, test, type Page } from "@playwright/test";
import { signUpInNewContext } from "./accounts";
import { connectWarehouse } from "./warehouse";

const PROMPT = "total order amount per customer for shipped orders";

async function waitForRun(page: Page) {
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 45_000 });
  return page.url().split("/").at(-1)!;
}

test("a run saved as a pipeline runs again with another parameter value, and its history shows both", async ({ page, browser }) => {
  const started = await page.request.post("/api/runs", { data: { prompt: PROMPT } });
  expect(started.status()).toBe(202);
  await page.goto((await started.json()).url);
  const runId = await waitForRun(page);

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
         select c.customer_id, sum(o.amount) from customers c join orders o on o.customer_id = c.customer_id where o.status = 'returned' group by 1)
        union all
        (select c.customer_id, sum(o.amount) from customers c join orders o on o.customer_id = c.customer_id where o.status = 'returned' group by 1
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

  await page.goto("/pipelines");
  await expect(page.getByTestId("pipelines").getByRole("link", { name: "Shipped totals" })).toBeVisible();

  // Over HTTP: the same pipeline, and a run with a value of the wrong type is refused.
  const pipelineId = pipelineUrl.split("/").at(-1)!;
  const details = await page.request.get(`/api/pipelines/${pipelineId}`);
  expect(details.status()).toBe(200);
  expect(await details.json()).toMatchObject({ name: "Shipped totals", currentVersion: 1, parameters: [{ name: "status", type: "text", default: "shipped" }] });
  const bad = await page.request.post(`/api/pipelines/${pipelineId}/runs`, { data: { parameters: { colour: "red" } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe("This pipeline has no parameter colour (its parameters: status).");

  // Another member neither sees nor runs it.
  const { context, page: member } = await signUpInNewContext(browser, { name: "Pia", email: "pia.pipelines@example.com", password: "pia's long secret" });
  try {
    expect((await member.goto(pipelineUrl))?.status()).toBe(404);
    expect((await member.request.get(`/api/pipelines/${pipelineId}`)).status()).toBe(404);
    expect((await member.request.post(`/api/pipelines/${pipelineId}/runs`, { data: {} })).status()).toBe(404);
    expect((await member.request.post("/api/pipelines", { data: { runId, name: "Taken over" } })).status()).toBe(404);
    await member.goto("/pipelines");
    await expect(member.getByText("No pipelines yet")).toBeVisible();
  } finally {
    await context.close();
  }
});
