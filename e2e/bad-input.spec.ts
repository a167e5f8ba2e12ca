import { expect, test, type APIResponse } from "@playwright/test";
import { connectWarehouse } from "./warehouse";

// Every bad request below must answer a 4xx with a message that says what to fix, and leave
// the app as it was: no run recorded, no table created.

const json = { "content-type": "application/json" };
// Playwright sends a string that is not valid JSON as a JSON string; bytes go as they are.
const raw = (text: string) => Buffer.from(text);

async function refusal(response: APIResponse) {
  const body = await response.json();
  return { status: response.status(), code: body.error?.code, message: body.error?.message as string };
}

let sql: ReturnType<typeof connectWarehouse>;
let before: { runs: number; tables: string[] };

const snapshot = async () => ({
  runs: (await sql`select count(*)::int as n from datamorph.runs`)[0].n as number,
  tables: (
    await sql`select table_schema || '.' || table_name as name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema', 'datamorph') order by 1`
  ).map((r) => r.name as string),
});

test.beforeAll(() => {
  sql = connectWarehouse();
});
test.afterAll(async () => {
  await sql.end();
});
test.beforeEach(async () => {
  before = await snapshot();
});
test.afterEach(async () => {
  expect(await snapshot()).toEqual(before);
});

test("a run request with a NUL, a broken character or a bad body is refused and records no run", async ({
  request,
}) => {
  const nul = await request.post("/api/runs", { data: { prompt: "orders\u0000 per day" } });
  expect(await refusal(nul)).toEqual({
    status: 400,
    code: "bad_request",
    message: "The prompt contains a NUL character (U+0000) at character 7; remove it and send it again.",
  });

  // A lone surrogate can only travel as a JSON escape: as UTF-8 it would not be text at all.
  const surrogate = await request.post("/api/runs", {
    data: raw('{ "prompt": "orders per day \\ud800" }'),
    headers: json,
  });
  expect(await refusal(surrogate)).toMatchObject({
    status: 400,
    message:
      "The prompt contains a broken character (a lone UTF-16 surrogate, U+D800) at character 16; remove it or type that character again.",
  });

  const withEscape = await request.post("/api/runs", { data: { prompt: "orders per day", target: "daily\u001b[2J" } });
  expect(await refusal(withEscape)).toMatchObject({
    status: 400,
    message: "The target table name contains a control character (U+001B) at character 6; remove it and send it again.",
  });

  const malformed = await request.post("/api/runs", { data: raw('{ "prompt": "orders per day"'), headers: json });
  expect(await refusal(malformed)).toMatchObject({
    status: 400,
    message: 'The body is not valid JSON: send { "prompt": "total order amount per customer" }.',
  });

  const nothing = await request.post("/api/runs", { data: raw("null"), headers: json });
  expect(await refusal(nothing)).toMatchObject({
    status: 400,
    message: 'The body must be a JSON object, not null: send { "prompt": "total order amount per customer" }.',
  });

  const wrongType = await request.post("/api/runs", { data: { prompt: 42 } });
  expect((await refusal(wrongType)).message).toBe(
    '"prompt" must be text (a JSON string), not a number: send { "prompt": "total order amount per customer" }.',
  );

  const huge = await request.post("/api/runs", { data: { prompt: "x".repeat(70_000) } });
  expect(await refusal(huge)).toMatchObject({
    status: 413,
    message:
      "The request body is larger than 64 kB, the most this endpoint accepts; a prompt is at most 4,000 characters.",
  });
});

test("the console refuses a NUL or a terminal escape in a query, and a body that is not JSON", async ({ request }) => {
  const nul = await request.post("/api/query", { data: { sql: "select 1\u0000" } });
  expect(await refusal(nul)).toEqual({
    status: 400,
    code: "bad_request",
    message: "The query (sql) contains a NUL character (U+0000) at character 9; remove it and send it again.",
  });

  const withEscape = await request.post("/api/query", { data: { sql: "select\n\t1 \u001b[31m" } });
  expect((await refusal(withEscape)).message).toBe(
    "The query (sql) contains a control character (U+001B) at character 11; remove it (tabs and line breaks are fine) and send it again.",
  );

  const malformed = await request.post("/api/query", { data: raw("sql=select 1"), headers: json });
  expect(await refusal(malformed)).toMatchObject({
    status: 400,
    message: 'The body is not valid JSON: send { "sql": "select …" }.',
  });

  // Tabs and line breaks are part of ordinary queries.
  const fine = await request.post("/api/query", { data: { sql: "select\n\t1 as one\r\n" } });
  expect(fine.status()).toBe(200);
});

test("a CSV upload with system column names, too many columns, binary content or a reserved name creates no table", async ({
  request,
}) => {
  const upload = (file: Buffer | string, name: string, fields: Record<string, string> = {}) =>
    request.post("/api/tables", {
      multipart: { file: { name, mimeType: "text/csv", buffer: Buffer.from(file) }, ...fields },
    });

  const system = await upload("ctid,oid,xmin,name\n1,2,3,a\n", "system.csv");
  expect(await refusal(system)).toEqual({
    status: 400,
    code: "bad_request",
    message:
      'system.csv has columns named "ctid" (column 1) and "xmin" (column 3): Postgres keeps those names for its own system columns. Rename those headers (e.g. to ctid_value) and import it again.',
  });

  const header = Array.from({ length: 2000 }, (_, i) => `c${i}`);
  const wide = await upload(`${header.join(",")}\n${header.map(() => "1").join(",")}\n`, "wide.csv");
  expect(await refusal(wide)).toMatchObject({
    status: 400,
    message:
      "wide.csv has 2,000 columns; a Postgres table holds at most 1,600. Split the file, or remove the columns you do not need, and import it again.",
  });

  const binary = await upload(Buffer.from([0x69, 0x64, 0x0a, 0x31, 0x00, 0x32, 0x0a]), "binary.csv");
  expect(await refusal(binary)).toMatchObject({
    status: 400,
    message: expect.stringContaining("binary.csv line 2 contains a NUL byte, so it is not a CSV text file"),
  });

  const reserved = await upload("a\n1\n", "pg_things.csv");
  expect((await refusal(reserved)).message).toBe(
    '"pg_things" cannot be a table name: Postgres reserves names that start with pg_. Choose another table name, e.g. things, or rename the file.',
  );

  const long = await upload("a\n1\n", "x.csv", { table: "t".repeat(64) });
  expect(await refusal(long)).toMatchObject({ status: 400, message: "A table name is at most 63 characters." });

  const escaped = await upload("a\n1\n", "x.csv", { table: "things\u0000" });
  expect((await refusal(escaped)).message).toBe(
    "The table name contains a NUL character (U+0000) at character 7; remove it and send it again.",
  );
});

test("a JSON or other non-CSV body sent as an upload is refused with 415 and creates no table", async ({ request }) => {
  const jsonBody = await request.post("/api/tables", { data: { rows: [{ a: 1 }] } });
  expect(await refusal(jsonBody)).toEqual({
    status: 415,
    code: "unsupported_media_type",
    message: "Send the body as a CSV file (Content-Type: text/csv) or a multipart form.",
  });
  const jsonFile = await request.post("/api/tables", {
    multipart: { file: { name: "rows.json", mimeType: "application/json", buffer: Buffer.from('[{"a":1}]') } },
  });
  expect(await refusal(jsonFile)).toMatchObject({
    status: 415,
    message: expect.stringContaining("send a CSV file as multipart/form-data"),
  });
});

test("the home form shows which character to remove from a pasted prompt, and starts no run", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Describe the table you want").fill("orders\u0007 per day");
  await page.getByRole("button", { name: "Build table" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The prompt" })).toHaveText(
    "The prompt contains a control character (U+0007) at character 7; remove it (tabs and line breaks are fine) and send it again.",
  );
  await expect(page).toHaveURL(/\/$/);
});
