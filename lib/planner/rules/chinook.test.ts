import { describe, expect, it } from "vitest";
import { planWithRules } from "@/lib/planner/rules";
import { compileSql } from "@/lib/codegen/sql";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";

// Chinook was not used to write the planner: these prove the rules generalise to singular table names.
function plan(prompt: string) {
  const r = planWithRules({ prompt, catalog: chinookCatalog, now: new Date("2025-06-15") });
  if (!r.ok) throw new Error(`rejected ${r.code}: ${r.message}`);
  return { ...r, sql: compileSql({ spec: r.spec, catalog: chinookCatalog }) };
}

describe("planWithRules on Chinook", () => {
  it("totals invoices per customer through the foreign key", () => {
    const p = plan("total invoice total per customer with their name");
    expect(p.spec.columns.map((c) => c.name)).toEqual([
      "customer_id",
      "first_name",
      "last_name",
      "total_invoice_total",
    ]);
    expect(p.sql).toContain(
      'INNER JOIN "public"."invoice" AS "invoice"\n  ON "invoice"."customer_id" = "customer"."customer_id"',
    );
  });

  it("counts tracks per playlist through the link table, distinctly", () => {
    const p = plan("number of tracks per playlist");
    expect(p.spec.sources.map((s) => s.table)).toEqual(["playlist", "playlist_track", "track"]);
    expect(p.sql).toContain('count(DISTINCT "track"."track_id") AS "track_count"');
  });

  it("ranks artists by number of albums", () => {
    const p = plan("top 5 artists by number of albums");
    expect(p.sql).toContain('ORDER BY "album_count" DESC NULLS LAST, "artist_id" ASC NULLS LAST\nLIMIT 5');
  });

  it("buckets invoices by month within a year on the invoice's own date", () => {
    const p = plan("monthly invoice total in 2024");
    expect(p.spec.filters[0]).toMatchObject({
      op: "date_range",
      column: { source: "invoice", column: "invoice_date" },
      from: "2024-01-01",
      to: "2025-01-01",
    });
    expect(p.sql).toContain(`date_trunc('month', "invoice"."invoice_date")`);
  });

  it("multiplies unit price by quantity on invoice lines", () => {
    expect(plan("total unit price times quantity per track").sql).toContain(
      'sum("invoice_line"."unit_price" * "invoice_line"."quantity")',
    );
  });

  it("filters bare capitalised values and date comparisons", () => {
    expect(plan("customers where country is Brazil or Germany").sql).toContain(
      `"customer"."country" IN ('Brazil', 'Germany')`,
    );
    const p = plan("invoices over 10 since 2024-06-01");
    expect(p.sql).toContain(`"invoice"."invoice_date" >= DATE '2024-06-01'`);
    expect(p.sql).toContain('"invoice"."total" > 10');
  });

  it("groups by a key column named after what it points at", () => {
    expect(plan("number of customers per support rep").sql).toContain('GROUP BY\n  "customer"."support_rep_id"');
  });

  it("refuses to sum invoice totals across invoice lines", () => {
    const r = planWithRules({ prompt: "total sales per genre", catalog: chinookCatalog });
    expect(r).toMatchObject({ ok: false, code: "ambiguous" });
  });
});
