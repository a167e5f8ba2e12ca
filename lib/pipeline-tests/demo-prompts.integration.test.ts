import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { readSampleValues } from "@/lib/catalog/sample-values";
import type { Catalog } from "@/lib/catalog/types";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { loadDemoWarehouse } from "@/lib/demo/load";
import { planWithEnglish } from "@/lib/planner/reading";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { demoCases, demoRejections } from "./demo-cases";
import { NOW, rowDifference, runBoth } from "./same-rows";

describe.each(testServers())(
  "every prompt form of docs/prompts.md on the demo warehouse ($name Postgres)",
  (server) => {
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
      const result = planWithEnglish({ prompt, ...context, now: NOW });
      expect(result).toMatchObject({ ok: false, code });
      expect(result.ok ? "" : result.message.length).toBeGreaterThan(20);
    });

    it("lists an order paid twice by credit card once: a join that only filters repeats no rows", async () => {
      const c = demoCases.find((x) => x.prompt.startsWith("orders paid by credit card"))!;
      const [paid] = await sql`
      insert into payments (payment_id, order_id, payment_method, amount, paid_at)
      select (select max(payment_id) + 1 from payments), order_id, 'credit_card', 1, paid_at + interval '1 hour'
      from payments join orders using (order_id)
      where payment_method = 'credit_card' and order_date between '2024-03-01' and '2024-03-31' order by payment_id limit 1
      returning payment_id`;
      try {
        const { actual, expected, sql: generated } = await runBoth(sql, context, c);
        expect(rowDifference(actual, expected), generated).toEqual({ missing: [], extra: [] });
      } finally {
        await sql`delete from payments where payment_id = ${paid.payment_id}`;
      }
    });

    it("plans the seed prompt the same after its table was published, reading the sources", async () => {
      const seed = demoCases[0];
      await sql.unsafe(
        `create table customer_order_totals as ${seed.expected.replace("sum(o.amount)", "sum(o.amount) as total_order_amount")}`,
      );
      try {
        const again = { catalog: await readCatalog(sql, ["public"]), sampleValues: context.sampleValues };
        const { actual, expected, sql: generated } = await runBoth(sql, again, seed);
        expect(generated).not.toContain("customer_order_totals");
        expect(rowDifference(actual, expected)).toEqual({ missing: [], extra: [] });
      } finally {
        await sql`drop table customer_order_totals`;
      }
    });
  },
);
