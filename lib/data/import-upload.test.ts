import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, createSqlClient, type Database, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import type { Actor } from "@/lib/tables/actor";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { rollbackUpload } from "@/lib/tables/rollback-upload";
import { importUpload } from "./import-upload";
import { readCsvUpload } from "./upload";

const CITIES =
  "City,Population,Founded\nOslo,709000,1040-01-01\nLima,10000000,1535-01-18\nNairobi,4397000,1899-05-30\n";

const rawRequest = (body: string, query: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/tables?${query}`, {
    method: "POST",
    body,
    headers: { "content-type": "text/csv", ...headers },
  });

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
  let db: Database;
  let drop: () => Promise<void>;
  const people: Record<"alice" | "bob" | "ada", Actor> = {} as never;
  const tables = async () =>
    (await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`).map(
      (r) => r.table_name,
    );
  const upload = async (request: Request, maxBytes = 1_000_000, user = people.alice) => {
    const parsed = await readCsvUpload(request, maxBytes);
    return importUpload({
      sql,
      db,
      user,
      upload: parsed,
      schema: "public",
      table: parsed.fields.table,
      replace: parsed.fields.replace === "true",
      maxBytes,
    });
  };
  const count = async (table: string) => (await sql.unsafe(`select count(*)::int as n from ${table}`))[0].n as number;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    sql = createSqlClient(database.url, "test");
    db = createDatabase(sql);
    await runMigrations(sql);
    for (const [name, role] of [
      ["alice", "member"],
      ["bob", "member"],
      ["ada", "admin"],
    ] as const) {
      const [row] =
        await sql`insert into datamorph.users (email, name, password_hash, role) values (${`${name}@example.com`}, ${name}, '!', ${role}) returning id`;
      people[name] = { id: row.id, email: `${name}@example.com`, role };
    }
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("imports a raw body as a table named after the file, with inferred types", async () => {
    const result = await upload(rawRequest(CITIES, "name=World%20Cities.csv"));
    expect(result).toMatchObject({ schema: "public", table: "world_cities", rows: 3 });
    expect(result.columns).toEqual([
      { name: "city", type: "text" },
      { name: "population", type: "integer" },
      { name: "founded", type: "date" },
    ]);
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
    expect(await upload(formRequest({ table: "towns", replace: "true" }, "city\nBergen\n"))).toMatchObject({
      table: "towns",
      rows: 1,
    });
    expect((await sql`select city from towns`).map((r) => r.city)).toEqual(["Bergen"]);
    // The replaced upload is kept, whole, to go back to.
    expect(await count("towns__previous")).toBe(3);
  });

  it("never replaces a source table, whoever asks, and changes nothing", async () => {
    await sql`create table payments as select g as payment_id, g * 1.5 as amount from generate_series(1, 250) g`;
    for (const user of [people.alice, people.ada]) {
      await expect(
        upload(formRequest({ table: "payments", replace: "true" }, "payment_id\n1\n"), 1_000_000, user),
      ).rejects.toMatchObject({
        code: "conflict",
        status: 409,
        message:
          "public.payments is a source table, not one made by an upload, so an upload cannot replace it; nothing was changed. Choose another table name.",
      });
    }
    expect(await count("payments")).toBe(250);
    expect(await tables()).not.toContain("payments__previous");
    expect(await sql`select * from datamorph.uploads where table_name = 'payments'`).toEqual([]);
  });

  it("replaces another user's upload only for an administrator, keeping the version before", async () => {
    await upload(formRequest({ table: "bobs_prices" }, "sku,price\nA,1\nB,2\n"), 1_000_000, people.bob);
    await expect(
      upload(formRequest({ table: "bobs_prices", replace: "true" }, "sku,price\nZ,9\n"), 1_000_000, people.alice),
    ).rejects.toMatchObject({
      code: "forbidden",
      status: 403,
      message: expect.stringMatching(
        /^public\.bobs_prices was uploaded by another user \(bob@example\.com, \d{4}-\d\d-\d\d \d\d:\d\d UTC\); only they or an administrator can replace it\./,
      ),
    });
    expect(await count("bobs_prices")).toBe(2);
    expect(await tables()).not.toContain("bobs_prices__previous");

    expect(
      await upload(formRequest({ table: "bobs_prices", replace: "true" }, "sku,price\nZ,9\n"), 1_000_000, people.ada),
    ).toMatchObject({ rows: 1 });
    expect(await count("bobs_prices")).toBe(1);
    expect(await count("bobs_prices__previous")).toBe(2);
    const recorded =
      await sql`select u.email, x.kept_previous from datamorph.uploads x join datamorph.users u on u.id = x.user_id where x.table_name = 'bobs_prices' order by x.created_at`;
    expect(recorded).toEqual([
      { email: "bob@example.com", kept_previous: false },
      { email: "ada@example.com", kept_previous: true },
    ]);
  });

  it("rolls back a replacing upload once, for its uploader or an administrator only", async () => {
    const rollBack = (user: Actor) => rollbackUpload({ sql, db, schema: "public", table: "bobs_prices", user });
    // The administrator's upload is in place now: bob may not undo it, ada may.
    await expect(rollBack(people.bob)).rejects.toMatchObject({ code: "forbidden" });
    expect(await count("bobs_prices")).toBe(1);
    expect((await rollBack(people.ada)).message).toBe(
      "Rolled back the upload of public.bobs_prices by ada@example.com: the version it replaced is in place again; the undone version is set aside as bobs_prices__rolled_back.",
    );
    expect(await count("bobs_prices")).toBe(2);
    expect(await count("bobs_prices__rolled_back")).toBe(1);
    // Bob's first upload is in place again: it replaced nothing, so there is nothing to toggle back to.
    await expect(rollBack(people.bob)).rejects.toMatchObject({
      code: "conflict",
      message:
        "public.bobs_prices is the first upload of this table in place; there is no earlier upload to go back to.",
    });
    expect(await count("bobs_prices")).toBe(2);
    await expect(
      rollbackUpload({ sql, db, schema: "public", table: "payments", user: people.ada }),
    ).rejects.toMatchObject({ code: "not_found" });
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
    await expect(
      upload(rawRequest(big, "name=big.csv", { "content-length": String(big.length) }), 100),
    ).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    await expect(upload(chunkedRequest(Array(50).fill("1\n").concat("n\n"), "name=big.csv"), 60)).rejects.toMatchObject(
      { code: "payload_too_large" },
    );
    await expect(upload(formRequest({}, big, "big.csv"), 100)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(await tables()).toEqual(before);
  });

  it("refuses table names that are not plain identifiers, without touching other tables", async () => {
    for (const table of ["cities; drop table towns", 'x"; drop table towns; --', "Towns"]) {
      await expect(upload(formRequest({ table }, CITIES))).rejects.toMatchObject({
        code: "bad_request",
        message: expect.stringContaining("is not a valid table name"),
      });
    }
    expect(await tables()).toContain("towns");
  });

  it("says what to send when the form has no file", async () => {
    const form = new FormData();
    form.set("table", "x");
    await expect(
      readCsvUpload(new Request("http://localhost/api/tables", { method: "POST", body: form })),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: "The form has no `file` field with a CSV file in it.",
    });
  });

  it("refuses a JSON or other non-CSV body with 415 before reading it, and creates nothing", async () => {
    const before = await tables();
    const json = new Request("http://localhost/api/tables", {
      method: "POST",
      body: '{"a":1}',
      headers: { "content-type": "application/json" },
    });
    await expect(readCsvUpload(json)).rejects.toMatchObject({
      status: 415,
      message:
        "A body of type application/json is not a CSV file: send a CSV file as multipart/form-data (a `file` field), or the file itself as the body with Content-Type: text/csv.",
    });
    const untyped = new Request("http://localhost/api/tables", { method: "POST", body: "a\n1\n" });
    untyped.headers.delete("content-type");
    await expect(readCsvUpload(untyped)).rejects.toMatchObject({
      status: 415,
      message: expect.stringContaining("A body without a Content-Type is not a CSV file"),
    });
    const form = new FormData();
    form.set("file", new File(['{"a":1}'], "data.json", { type: "application/json" }));
    await expect(
      readCsvUpload(new Request("http://localhost/api/tables", { method: "POST", body: form })),
    ).rejects.toMatchObject({
      status: 415,
      message: expect.stringContaining(
        "The uploaded file (application/json) is not a CSV file: send a CSV file as multipart/form-data",
      ),
    });
    expect(await tables()).toEqual(before);
  });

  it("refuses binary content, system column names, too many columns and pg_ table names, and creates nothing", async () => {
    const before = await tables();
    await expect(upload(rawRequest("id,name\n1,a\u0000b\n", "name=blob.csv"))).rejects.toMatchObject({
      status: 400,
      message:
        "blob.csv line 2 contains a NUL byte, so it is not a CSV text file; export the data as CSV (UTF-8 text) and import that.",
    });
    await expect(upload(rawRequest("ctid,oid,XMin,name\n1,2,3,a\n", "name=system.csv"))).rejects.toMatchObject({
      status: 400,
      message:
        'system.csv has columns named "ctid" (column 1) and "XMin" (column 3): Postgres keeps those names for its own system columns. Rename those headers (e.g. to ctid_value) and import it again.',
    });
    const wide = Array.from({ length: 2000 }, (_, i) => `c${i}`);
    await expect(
      upload(rawRequest(`${wide.join(",")}\n${wide.map(() => "1").join(",")}\n`, "name=wide.csv")),
    ).rejects.toMatchObject({
      status: 400,
      message:
        "wide.csv has 2,000 columns; a Postgres table holds at most 1,600. Split the file, or remove the columns you do not need, and import it again.",
    });
    await expect(upload(rawRequest(CITIES, "name=pg_cities.csv"))).rejects.toMatchObject({
      status: 400,
      message:
        '"pg_cities" cannot be a table name: Postgres reserves names that start with pg_. Choose another table name, e.g. cities, or rename the file.',
    });
    expect(await tables()).toEqual(before);
  });

  it("takes oid, an ordinary column name since Postgres 12, and 1,600 columns", async () => {
    expect(await upload(rawRequest("oid,name\n7,a\n", "name=with_oid.csv"))).toMatchObject({
      table: "with_oid",
      columns: [
        { name: "oid", type: "integer" },
        { name: "name", type: "text" },
      ],
    });
    const wide = Array.from({ length: 1600 }, (_, i) => `c${i}`);
    expect(
      await upload(rawRequest(`${wide.join(",")}\n${wide.map(() => "1").join(",")}\n`, "name=widest.csv")),
    ).toMatchObject({ table: "widest", rows: 1 });
  });
});
