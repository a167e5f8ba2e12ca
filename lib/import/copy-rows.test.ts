import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { copyRows } from "./copy-rows";
import { typeOfValue } from "./infer-type";
import { scanCsv } from "./scan-csv";

// The scan reads every value, so a value only fails COPY when the file changed after the scan,
// or when the scan accepted something Postgres does not: both must roll back, not hang.
describe.each(testServers())("loading rows on $name Postgres", (server) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  let scratch: string;

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    // One connection: a transaction left open by a failed COPY would block the next query.
    sql = createSqlClient(database.url, "test", 1);
    scratch = await mkdtemp(path.join(tmpdir(), "copy-rows-test-"));
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it.each([
    ["at the end of a small file", 2],
    ["in the middle of a large one", 300_000],
  ])("names the row and column of a value that does not fit, %s, and rolls back", async (_, goodRows) => {
    const file = path.join(scratch, "counts.csv");
    const good = Array.from({ length: goodRows }, (_, i) => `${i + 1},${i}`).join("\n");
    await writeFile(file, `id,count\n${good}\n`);
    const scan = await scanCsv(file, "counts.csv");
    await writeFile(file, `id,count\n${good}\n${goodRows + 1},many\n${"9,9\n".repeat(goodRows)}`);
    const load = sql.begin(async (tx) => {
      await tx`create table counts (id integer, count integer)`;
      return copyRows(tx, "public", "counts", scan);
    });
    await expect(load).rejects.toThrow(
      `counts.csv data row ${goodRows + 1}, column count: invalid input syntax for type integer: "many".`,
    );
    const [{ exists }] = await sql`select to_regclass('public.counts') is not null as exists`;
    expect(exists).toBe(false);
  });

  it("refuses a file that changed after the scan even when every value still fits", async () => {
    const file = path.join(scratch, "grown.csv");
    await writeFile(file, "id\n1\n2\n");
    const scan = await scanCsv(file, "grown.csv");
    await writeFile(file, "id\n1\n2\n3\n");
    const load = sql.begin(async (tx) => {
      await tx`create table grown (id integer)`;
      return copyRows(tx, "public", "grown", scan);
    });
    await expect(load).rejects.toThrow(
      "grown.csv changed while it was being imported; nothing was loaded. Import it again.",
    );
  });

  it("only infers a type for values Postgres accepts as that type", async () => {
    const values = [
      "+5",
      "-0",
      "2147483647",
      "-2147483648",
      "2147483648",
      "9223372036854775807",
      "99999999999999999999",
      ".5",
      "5.",
      "+.5",
      "1e3",
      "-2.5E-7",
      "TRUE",
      "f",
      "Yes",
      "n",
      "2024-02-29",
      "2024-02-30",
      "0001-01-01",
      "2024-01-01 23:59:59.999999",
      "2024-01-01T00:00",
      "2024-01-01T00:00:00+15:59",
      "2024-01-01T00:00:00-0530",
      "2024-01-01 00:00Z",
    ];
    for (const value of values) {
      const type = typeOfValue(value);
      if (type === "text") continue;
      await expect(sql.unsafe(`select $1::${type} as v`, [value]), `${value} as ${type}`).resolves.toHaveLength(1);
    }
    expect(values.map(typeOfValue).filter((t) => t === "text")).toEqual(["text"]);
  });
});
