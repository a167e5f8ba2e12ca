import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { readSampleValues } from "@/lib/catalog/sample-values";
import type { Catalog } from "@/lib/catalog/types";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { loadDemoWarehouse } from "@/lib/demo/load";
import { planWithRules } from "@/lib/planner/rules";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { demoCases, demoRejections } from "./demo-cases";
import { NOW, rowDifference, runBoth } from "./same-rows";

describe.each(testServers())("every prompt form of docs/prompts.md on the demo warehouse ($name Postgres)", (server) => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  let context: { catalog: Catalog; sampleValues: Record<string, string[]> };

  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    sql = createSqlClient(database.url, "test");
    await runMigrations(sql);
    await loadDemoWarehouse(sql);
    context = { catalog: await readCatalog(sql, ["public"]), sampleValues: await readSampleValues(sql, ["public"]) };
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it.each(demoCases)("$prompt: builds the rows the hand-written query returns", async (c) => {
    const { actual, expected, sql: generated } = await runBoth(sql, context, c);
    expect(expected.length, "the hand-written query should return rows").toBeGreaterThan(0);
    expect(rowDifference(actual, expected), generated).toEqual({ missing: [], extra: [] });
    expect(actual.length).toBe(expected.length);
  });

  it.each(demoRejections)("$prompt: is refused as $code, naming the phrase", ({ prompt, code }) => {
    const result = planWithRules({ prompt, ...context, now: NOW });
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.message.length).toBeGreaterThan(20);
  });

  it("plans the seed prompt the same after its table was published, reading the sources", async () => {
    const seed = demoCases[0];
    await sql.unsafe(`create table customer_order_totals as ${seed.expected.replace("sum(o.amount)", "sum(o.amount) as total_order_amount")}`);
    try {
      const again = { catalog: await readCatalog(sql, ["public"]), sampleValues: context.sampleValues };
      const { actual, expected, sql: generated } = await runBoth(sql, again, seed);
      expect(generated).not.toContain("customer_order_totals");
      expect(rowDifference(actual, expected)).toEqual({ missing: [], extra: [] });
    } finally {
      await sql`drop table customer_order_totals`;
    }
  });
});
