import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { importUpload } from "./import-upload";
import { readCsvUpload } from "./upload";

const CITIES = "City,Population,Founded\nOslo,709000,1040-01-01\nLima,10000000,1535-01-18\nNairobi,4397000,1899-05-30\n";

const rawRequest = (body: string, query: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/tables?${query}`, { method: "POST", body, headers: { "content-type": "text/csv", ...headers } });

const formRequest = (fields: Record<string, string>, file: string, fileName = "cities.csv") => {
  const form = new FormData();
  form.set("file", new File([file], fileName, { type: "text/csv" }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return new Request("http://localhost/api/tables", { method: "POST", body: form });
};

// A body that arrives piece by piece with no Content-Length, as a chunked upload does.
const chunkedRequest = (chunks: string[], query: string) =>
  new Request(`http://localhost/api/tables?${query}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);

describe.each(testServers())("CSV upload on $name Postgres", (server) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  const tables = async () => (await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`).map((r) => r.table_name);
  const upload = async (request: Request, maxBytes = 1_000_000) => {
    const parsed = await readCsvUpload(request, maxBytes);
    return importUpload({ sql, upload: parsed, schema: "public", table: parsed.fields.table, replace: parsed.fields.replace === "true", maxBytes });
  };

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    sql = createSqlClient(database.url, "test");
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("imports a raw body as a table named after the file, with inferred types", async () => {
    const result = await upload(rawRequest(CITIES, "name=World%20Cities.csv"));
    expect(result).toMatchObject({ schema: "public", table: "world_cities", rows: 3 });
    expect(result.columns).toEqual([{ name: "city", type: "text" }, { name: "population", type: "integer" }, { name: "founded", type: "date" }]);
    const rows = await sql`select city, population from world_cities order by population`;
    expect(rows.map((r) => `${r.city} ${r.population}`)).toEqual(["Oslo 709000", "Nairobi 4397000", "Lima 10000000"]);
  });

  it("imports a multipart form under the table name given, and replaces only when asked", async () => {
    expect(await upload(formRequest({ table: "towns" }, CITIES))).toMatchObject({ table: "towns", rows: 3 });
    await expect(upload(formRequest({ table: "towns" }, "city\nBergen\n"))).rejects.toMatchObject({
      code: "conflict",
      message: 'public.towns already exists. Choose another table name, or tick "Replace an existing table".',
    });
    expect((await sql`select count(*)::int as n from towns`)[0].n).toBe(3);
    expect(await upload(formRequest({ table: "towns", replace: "true" }, "city\nBergen\n"))).toMatchObject({ table: "towns", rows: 1 });
    expect((await sql`select city from towns`).map((r) => r.city)).toEqual(["Bergen"]);
  });

  it("refuses a ragged file with the line that is wrong, and creates nothing", async () => {
    const before = await tables();
    await expect(upload(rawRequest("a,b\n1,2\n3,4,5\n", "name=ragged.csv"))).rejects.toMatchObject({
      code: "bad_request",
      message: "ragged.csv line 3 has 3 fields, the header has 2.",
    });
    expect(await tables()).toEqual(before);
  });

  it("refuses a file over the size limit, with or without a Content-Length, and creates nothing", async () => {
    const before = await tables();
    const big = `n\n${"1\n".repeat(200)}`;
    await expect(upload(rawRequest(big, "name=big.csv", { "content-length": String(big.length) }), 100)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    await expect(upload(chunkedRequest(Array(50).fill("1\n").concat("n\n"), "name=big.csv"), 60)).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(upload(formRequest({}, big, "big.csv"), 100)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(await tables()).toEqual(before);
  });

  it("refuses table names that are not plain identifiers, without touching other tables", async () => {
    for (const table of ["cities; drop table towns", 'x"; drop table towns; --', "Towns"]) {
      await expect(upload(formRequest({ table }, CITIES))).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("is not a valid table name") });
    }
    expect(await tables()).toContain("towns");
  });

  it("says what to send when the form has no file", async () => {
    const form = new FormData();
    form.set("table", "x");
    await expect(readCsvUpload(new Request("http://localhost/api/tables", { method: "POST", body: form }))).rejects.toMatchObject({
      code: "bad_request",
      message: "The form has no `file` field with a CSV file in it.",
    });
  });

  it("refuses a JSON or other non-CSV body with 415 before reading it, and creates nothing", async () => {
    const before = await tables();
    const json = new Request("http://localhost/api/tables", { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
    await expect(readCsvUpload(json)).rejects.toMatchObject({
      status: 415,
      message: "A body of type application/json is not a CSV file: send a CSV file as multipart/form-data (a `file` field), or the file itself as the body with Content-Type: text/csv.",
    });
    const untyped = new Request("http://localhost/api/tables", { method: "POST", body: "a\n1\n" });
    untyped.headers.delete("content-type");
    await expect(readCsvUpload(untyped)).rejects.toMatchObject({ status: 415, message: expect.stringContaining("A body without a Content-Type is not a CSV file") });
    const form = new FormData();
    form.set("file", new File(['{"a":1}'], "data.json", { type: "application/json" }));
    await expect(readCsvUpload(new Request("http://localhost/api/tables", { method: "POST", body: form }))).rejects.toMatchObject({
      status: 415,
      message: expect.stringContaining("The uploaded file (application/json) is not a CSV file: send a CSV file as multipart/form-data"),
    });
    expect(await tables()).toEqual(before);
  });

  it("refuses binary content, system column names, too many columns and pg_ table names, and creates nothing", async () => {
    const before = await tables();
    await expect(upload(rawRequest("id,name\n1,a\u0000b\n", "name=blob.csv"))).rejects.toMatchObject({
      status: 400,
      message: "blob.csv line 2 contains a NUL byte, so it is not a CSV text file; export the data as CSV (UTF-8 text) and import that.",
    });
    await expect(upload(rawRequest("ctid,oid,XMin,name\n1,2,3,a\n", "name=system.csv"))).rejects.toMatchObject({
      status: 400,
      message: 'system.csv has columns named "ctid" (column 1) and "XMin" (column 3): Postgres keeps those names for its own system columns. Rename those headers (e.g. to ctid_value) and import it again.',
    });
    const wide = Array.from({ length: 2000 }, (_, i) => `c${i}`);
    await expect(upload(rawRequest(`${wide.join(",")}\n${wide.map(() => "1").join(",")}\n`, "name=wide.csv"))).rejects.toMatchObject({
      status: 400,
      message: "wide.csv has 2,000 columns; a Postgres table holds at most 1,600. Split the file, or remove the columns you do not need, and import it again.",
    });
    await expect(upload(rawRequest(CITIES, "name=pg_cities.csv"))).rejects.toMatchObject({
      status: 400,
      message: '"pg_cities" cannot be a table name: Postgres reserves names that start with pg_. Choose another table name, e.g. cities, or rename the file.',
    });
    expect(await tables()).toEqual(before);
  });

  it("takes oid, an ordinary column name since Postgres 12, and 1,600 columns", async () => {
    expect(await upload(rawRequest("oid,name\n7,a\n", "name=with_oid.csv"))).toMatchObject({ table: "with_oid", columns: [{ name: "oid", type: "integer" }, { name: "name", type: "text" }] });
    const wide = Array.from({ length: 1600 }, (_, i) => `c${i}`);
    expect(await upload(rawRequest(`${wide.join(",")}\n${wide.map(() => "1").join(",")}\n`, "name=widest.csv"))).toMatchObject({ table: "widest", rows: 1 });
  });
});
