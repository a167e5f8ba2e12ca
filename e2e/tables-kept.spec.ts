import { expect, test, type APIRequestContext } from "@playwright/test";
import { signUpInNewContext } from "./accounts";
import { DataPage } from "./pages/data-page";
import { connectWarehouse } from "./warehouse";

const STATUS = "number of orders per status";
const EXAMPLES = [
  "Join customers and orders on customer_id, calculate total order amount per customer",
  "top 10 customers by total order amount",
];

/** Starts a run through the API and waits for it to end; returns its id. */
async function runToEnd(
  request: APIRequestContext,
  body: { prompt: string; target?: string; replace?: boolean },
): Promise<string> {
  const started = await request.post("/api/runs", { data: body });
  expect(started.status(), await started.text()).toBe(202);
  const { id } = await started.json();
  await expect
    .poll(async () => (await (await request.get(`/api/runs/${id}`)).json()).run.status, { timeout: 30_000 })
    .toBe("succeeded");
  return id;
}

test("the home page's first two examples publish two tables, and each run page shows its own rows", async ({
  page,
}) => {
  const urls: string[] = [];
  for (const example of EXAMPLES) {
    await page.goto("/");
    await page.getByRole("button", { name: example }).click();
    await page.getByRole("button", { name: "Build table" }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    urls.push(page.url());
  }
  const sql = connectWarehouse();
  try {
    const ids = urls.map((url) => url.split("/").at(-1)!);
    await expect
      .poll(
        async () =>
          (await sql`select count(*)::int as n from datamorph.runs where id = any(${ids}) and status = 'succeeded'`)[0]
            .n,
        { timeout: 30_000 },
      )
      .toBe(2);
    const targets = await sql`select target_table from datamorph.runs where id = any(${ids})`;
    expect(new Set(targets.map((t) => t.target_table)).size).toBe(2);
    await page.goto(urls[0]);
    await expect(page.getByTestId("preview")).toContainText("of 4,800");
    await page.goto(urls[1]);
    await expect(page.getByTestId("preview")).toContainText("of 10");
  } finally {
    await sql.end();
  }
});

test("a run page whose table a later run replaced says so, links to it, and does not show its rows", async ({
  page,
}) => {
  const older = await runToEnd(page.request, { prompt: STATUS, target: "replaced_counts" });
  const newer = await runToEnd(page.request, { prompt: EXAMPLES[1], target: "replaced_counts", replace: true });
  await page.goto(`/runs/${older}`);
  await expect(page.getByTestId("publish-notice")).toContainText("Replaced by run");
  await expect(page.getByTestId("preview")).toHaveCount(0);
  await page.getByTestId("publish-notice").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/runs/${newer}$`));
  await expect(page.getByTestId("preview")).toContainText("of 10");
});

test("a member cannot replace or roll back another user's table, nor replace a source table, in any way", async ({
  page,
  browser,
}) => {
  // The administrator's tables: a run's (published twice, so it has a version to roll back to) and an upload.
  await runToEnd(page.request, { prompt: STATUS, target: "admin_counts" });
  const adminRun = await runToEnd(page.request, { prompt: STATUS, target: "admin_counts", replace: true });
  const uploaded = await page.request.post("/api/tables", {
    multipart: {
      file: { name: "prices.csv", mimeType: "text/csv", buffer: Buffer.from("sku,price\nA1,9.5\nB2,3\n") },
      table: "admin_prices",
    },
  });
  expect(uploaded.status()).toBe(201);

  const sql = connectWarehouse();
  const { context, page: mia } = await signUpInNewContext(browser, {
    name: "Mia",
    email: "mia@example.com",
    password: "mia's long secret",
  });
  try {
    const snapshot = async () => ({
      counts: await sql`select order_count::int as n from admin_counts order by 1`,
      prices: (await sql`select count(*)::int as n from admin_prices`)[0].n,
      payments: (await sql`select count(*)::int as n from payments`)[0].n,
      runs: (await sql`select count(*)::int as n from datamorph.runs`)[0].n,
      tables: (
        await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`
      ).map((t) => t.table_name),
    });
    const before = await snapshot();
    expect(before.payments).toBeGreaterThan(0);

    // An API run naming the admin's table, with and without replace.
    for (const replace of [true, false]) {
      const response = await mia.request.post("/api/runs", {
        data: { prompt: STATUS, target: "admin_counts", replace },
      });
      expect(response.status()).toBe(403);
      expect((await response.json()).error.message).toMatch(
        /^public\.admin_counts was published by another user \(run [0-9a-f-]{36} by ada@example\.com, .*\); you can replace only tables you published\./,
      );
    }

    // The same from the home page's form.
    await mia.goto("/");
    await mia.getByLabel("Describe the table you want").fill(STATUS);
    await mia.getByLabel("Target table (optional)").fill("admin_counts");
    await mia.getByLabel("Replace the existing table").check();
    await mia.getByRole("button", { name: "Build table" }).click();
    await expect(mia.getByRole("alert").first()).toContainText("public.admin_counts was published by another user");

    // A CSV upload replacing a source table of the demo shop, through the API and the Data page.
    const payments = await mia.request.post("/api/tables?name=payments.csv&table=payments&replace=true", {
      data: "payment_id\n1\n",
      headers: { "content-type": "text/csv" },
    });
    expect(payments.status()).toBe(409);
    expect((await payments.json()).error.message).toBe(
      "public.payments is a source table, not one made by an upload, so an upload cannot replace it; nothing was changed. Choose another table name.",
    );
    const data = new DataPage(mia);
    await data.goto();
    await data
      .uploader()
      .getByLabel("CSV file")
      .setInputFiles({ name: "payments.csv", mimeType: "text/csv", buffer: Buffer.from("payment_id\n1\n") });
    await data.uploader().getByLabel("Replace an existing table").check();
    await data.uploader().getByRole("button", { name: "Upload" }).click();
    await expect(data.uploader().getByRole("alert")).toContainText("public.payments is a source table");

    // A CSV upload replacing the administrator's upload.
    const prices = await mia.request.post("/api/tables", {
      multipart: {
        file: { name: "prices.csv", mimeType: "text/csv", buffer: Buffer.from("sku,price\nZ9,1\n") },
        table: "admin_prices",
        replace: "true",
      },
    });
    expect(prices.status()).toBe(403);
    expect((await prices.json()).error.message).toMatch(
      /^public\.admin_prices was uploaded by another user \(ada@example\.com, .*\); only they or an administrator can replace it\./,
    );

    // Rolling back the administrator's run: that run does not exist for her.
    const rollback = await mia.request.post(`/api/runs/${adminRun}/rollback`, { data: {} });
    expect(rollback.status()).toBe(404);
    expect((await mia.goto(`/runs/${adminRun}`))?.status()).toBe(404);

    expect(await snapshot()).toEqual(before);
  } finally {
    await context.close();
    await sql.end();
  }
});

test("replacing your own upload keeps the version before, and the table page rolls it back once", async ({ page }) => {
  const data = new DataPage(page);
  const upload = async (csv: string, replace: boolean) => {
    await data.goto();
    await data
      .uploader()
      .getByLabel("CSV file")
      .setInputFiles({ name: "kept_prices.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    if (replace) await data.uploader().getByLabel("Replace an existing table").check();
    await data.uploader().getByRole("button", { name: "Upload" }).click();
    await expect(data.uploader().getByRole("status")).toContainText("Imported public.kept_prices");
  };
  await upload("sku,price\nA1,9.5\nB2,3\n", false);
  await upload("sku,price\nZ9,1\n", true);
  const sql = connectWarehouse();
  try {
    expect((await sql`select count(*)::int as n from kept_prices__previous`)[0].n).toBe(2);
    await page.goto("/data/kept_prices?schema=public");
    await expect(page.getByTestId("page-summary")).toHaveText("Rows 1–1 of 1");
    await page.getByRole("button", { name: "Roll back the last upload" }).click();
    await page
      .getByRole("group", { name: "Confirm roll back" })
      .getByRole("button", { name: "Yes, roll back" })
      .click();
    await expect(
      page.getByRole("status").filter({ hasText: "Rolled back the upload of public.kept_prices by ada@example.com" }),
    ).toBeVisible();
    await expect(page.getByTestId("page-summary")).toHaveText("Rows 1–2 of 2");
    await expect(page.getByRole("button", { name: "Roll back the last upload" })).toHaveCount(0);
    expect((await sql`select count(*)::int as n from kept_prices__rolled_back`)[0].n).toBe(1);
  } finally {
    await sql.end();
  }
});
