import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DataPage } from "./pages/data-page";

test.describe("data page", () => {
  let scratch: string;
  test.beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "datamorph-e2e-data-"));
  });
  test.afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test("the console answers a query and shows the result as a table", async ({ page }) => {
    const data = new DataPage(page);
    await data.goto();
    await data.runQuery("select count(*) from orders", { withKeyboard: true });
    await expect(data.queryResult().getByRole("table", { name: "Query result" })).toContainText("100000");
    await expect(data.queryResult().getByRole("status")).toHaveText(/^1 row in \d+ ms$/);

    await data.runQuery("select order_id, status, amount from orders order by order_id limit 8");
    const grid = data.queryResult().getByRole("table", { name: "Query result" });
    await expect(grid.getByRole("row")).toHaveCount(9);
    await expect(grid.getByRole("columnheader")).toHaveText(["order_id", "status", "amount"]);
    await page.screenshot({ path: "e2e/.output/data-console.png", fullPage: true });
  });

  test("the console refuses to change data, says why, and the data is unchanged", async ({ page }) => {
    const data = new DataPage(page);
    await data.goto();
    await data.runQuery("delete from orders");
    await expect(data.consoleError()).toContainText("This console is read-only");
    await expect(data.queryResult()).toHaveCount(0);
    await data.runQuery("select 1; drop table orders");
    await expect(data.consoleError()).toHaveText("Run one statement at a time.");
    await data.runQuery("select count(*) from ordrs");
    await expect(data.consoleError()).toContainText('relation "ordrs" does not exist');
    await page.screenshot({ path: "e2e/.output/data-console-error.png", fullPage: true });
    await data.runQuery("select count(*) from orders");
    await expect(data.queryResult()).toContainText("100000");
    await expect(data.consoleError()).toHaveCount(0);
  });

  test("a table opens with its columns and pages forward and back", async ({ page }) => {
    const data = new DataPage(page);
    await data.goto();
    await data.tables().getByRole("link", { name: "public.orders" }).click();
    await expect(page).toHaveURL(/\/data\/orders\?schema=public$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("public.orders");
    await expect(page.getByTestId("columns")).toContainText("order_id integer");
    await expect(page.getByTestId("columns")).toContainText("order_date date");
    const summary = page.getByTestId("page-summary");
    const firstIds = page.getByTestId("table-rows").locator("tbody tr td:first-child");
    await expect(summary).toHaveText("Rows 1–50 of 100,000");
    await expect(firstIds.first()).toHaveText("1");

    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2$/);
    await expect(summary).toHaveText("Rows 51–100 of 100,000");
    await expect(firstIds.first()).toHaveText("51");
    await expect(firstIds.last()).toHaveText("100");
    await page.screenshot({ path: "e2e/.output/data-table.png", fullPage: true });

    await page.getByRole("link", { name: "Previous" }).click();
    await expect(summary).toHaveText("Rows 1–50 of 100,000");
    await expect(page.getByRole("navigation", { name: "Pages" }).getByText("Previous")).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  });

  test("an unknown table is a clear 404, whatever its name", async ({ page, request }) => {
    const response = await page.goto(`/data/${encodeURIComponent("orders; drop table orders")}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No such table" })).toBeVisible();

    const api = await request.get(`/api/tables/${encodeURIComponent("orders; drop table orders")}/rows`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe("not_found");
    // Names arrive percent-encoded from links; "%5F" is "_".
    expect((await request.get("/api/tables/order%5Fitems/rows?pageSize=1")).status()).toBe(200);
    await page.goto("/data/order%5Fitems");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("public.order_items");
    const rows = await request.get("/api/tables/orders/rows?page=2&pageSize=3");
    expect(await rows.json()).toMatchObject({
      table: "orders",
      total: 100000,
      rows: [{ order_id: "4" }, { order_id: "5" }, { order_id: "6" }],
    });
  });

  test("the API refuses writes and empty queries, and takes a CSV as a multipart form", async ({ request }) => {
    const write = await request.post("/api/query", { data: { sql: "delete from orders" } });
    expect(write.status()).toBe(403);
    expect((await write.json()).error.message).toMatch(/^This console is read-only: /);
    const empty = await request.post("/api/query", { data: { sql: "  " } });
    expect(empty.status()).toBe(400);
    expect((await empty.json()).error.message).toBe("Write a query, for example: select * from orders limit 10");

    const upload = await request.post("/api/tables", {
      multipart: {
        file: {
          name: "towns.csv",
          mimeType: "text/csv",
          buffer: Buffer.from("town,founded\nBergen,1070\nTromsø,1794\n"),
        },
        table: "api_towns",
      },
    });
    expect(upload.status()).toBe(201);
    expect(await upload.json()).toMatchObject({
      schema: "public",
      table: "api_towns",
      rows: 2,
      columns: [
        { name: "town", type: "text" },
        { name: "founded", type: "integer" },
      ],
    });
    const schemas = await (await request.get("/api/schemas")).json();
    expect(schemas.tables.map((t: { name: string }) => t.name)).toContain("api_towns");
  });

  test("a CSV file of more than 10 MB arrives whole: every row is imported", async ({ request }) => {
    const rows = 400_000;
    const lines = Array.from({ length: rows }, (_, i) => `${i + 1},sensor reading number ${i + 1}`);
    const csv = Buffer.from(`id,label\n${lines.join("\n")}\n`);
    expect(csv.length).toBeGreaterThan(12 * 1024 * 1024);
    const upload = await request.post("/api/tables?table=api_big_readings", {
      headers: { "content-type": "text/csv" },
      data: csv,
      timeout: 120_000,
    });
    expect(upload.status()).toBe(201);
    expect(await upload.json()).toMatchObject({ table: "api_big_readings", rows });
    expect(upload.headers()["x-content-type-options"]).toBe("nosniff");
    const last = await request.post("/api/query", {
      data: { sql: "select max(id)::int as last_id, count(*)::int as n from api_big_readings" },
    });
    expect((await last.json()).rows).toEqual([{ last_id: rows, n: rows }]);
  });

  test("a CSV upload shows its progress, then the new table", async ({ page }) => {
    const file = path.join(scratch, "e2e_cities.csv");
    await writeFile(
      file,
      "City,Population,Founded\nOslo,709000,1040-01-01\nLima,10000000,1535-01-18\nNairobi,4397000,1899-05-30\n",
    );
    const data = new DataPage(page);
    await data.goto();
    await expect(data.tables()).not.toContainText("public.e2e_cities");
    await data.upload(file);
    await expect(data.uploadProgress()).toHaveAttribute("aria-valuenow", "100");
    await expect(data.uploader().getByRole("status")).toHaveText("Imported public.e2e_cities: 3 rows. Open it");
    await expect(data.tables().getByRole("link", { name: "public.e2e_cities" })).toBeVisible();
    await page.screenshot({ path: "e2e/.output/data-upload.png", fullPage: true });

    await data.upload(file);
    await expect(data.uploader().getByRole("alert")).toHaveText(
      'public.e2e_cities already exists. Choose another table name, or tick "Replace an existing table".',
    );

    const ragged = path.join(scratch, "ragged.csv");
    await writeFile(ragged, "a,b\n1,2\n3,4,5\n");
    await data.upload(ragged);
    await expect(data.uploader().getByRole("alert")).toHaveText("ragged.csv line 3 has 3 fields, the header has 2.");
    await page.reload();
    await expect(data.tables()).not.toContainText("public.ragged");

    await page.goto("/data/e2e_cities?schema=public");
    await expect(page.getByTestId("table-rows")).toContainText("Nairobi");
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the data API answers 401 JSON without a session", async ({ request }) => {
    for (const response of [
      await request.get("/api/schemas"),
      await request.get("/api/tables/orders/rows"),
      await request.post("/api/query", { data: { sql: "select 1" } }),
      await request.post("/api/tables?name=x.csv", { data: "a\n1\n", headers: { "content-type": "text/csv" } }),
    ]) {
      expect(response.status()).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });
});
