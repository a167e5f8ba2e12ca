import { describe, expect, it } from "vitest";
import { planWithEnglish } from "@/lib/planner/reading";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { chooseChart } from "./choose-chart";

function specOf(prompt: string) {
  const result = planWithEnglish({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues });
  if (!result.ok) throw new Error(`"${prompt}" did not plan: ${JSON.stringify(result)}`);
  return result.spec;
}

describe("the chart of a result", () => {
  it("draws a period with a measure as a line", () => {
    expect(chooseChart(specOf("number of orders per month in 2024"))).toMatchObject({
      kind: "line",
      y: expect.any(String),
    });
    expect(chooseChart(specOf("total order amount per month"))).toMatchObject({
      kind: "line",
      x: expect.stringMatching(/month/),
    });
  });

  it("draws a ranked top-N as bars sorted by the measure it ranks by", () => {
    const choice = chooseChart(specOf("top 5 customers by total order amount"));
    expect(choice).toMatchObject({
      kind: "sorted-bar",
      direction: "desc",
      limit: 5,
      labels: ["customer_id", "first_name", "last_name"],
      y: "total_order_amount",
    });
    expect(choice?.title).toMatch(/^Top 5 /);
  });

  it("draws a category with a measure as bars, in the request's order or else the category's", () => {
    expect(chooseChart(specOf("average payment amount per payment method"))).toMatchObject({
      kind: "bar",
      labels: ["payment_method"],
      order: [{ column: "payment_method", direction: "asc" }],
    });
    expect(chooseChart(customerTotalsSpec())).toMatchObject({
      kind: "bar",
      labels: ["customer_id"],
      y: "total_order_amount",
    });
  });

  it("draws a date key that is not bucketed as a line when the table says it is a date", () => {
    const spec = customerTotalsSpec({
      grain: [{ column: { source: "orders", column: "order_date" }, phrase: "per day" }],
      columns: [
        {
          name: "order_date",
          expr: { kind: "column", column: { source: "orders", column: "order_date" } },
          phrase: "per day",
        },
        { name: "orders", expr: { kind: "aggregate", fn: "count", arg: { kind: "star" } }, phrase: "number of orders" },
      ],
    });
    expect(chooseChart(spec)?.kind).toBe("bar");
    expect(chooseChart(spec, { order_date: "date" })?.kind).toBe("line");
    expect(chooseChart(spec, { order_date: "timestamp with time zone" })?.kind).toBe("line");
  });

  it("labels a bar with every key of its row, and keeps a ranking by a key in the request's order", () => {
    const spec = customerTotalsSpec({
      orderBy: [{ output: "customer_id", direction: "desc", phrase: "" }],
      limit: { count: 10, phrase: "" },
    });
    expect(chooseChart(spec)).toMatchObject({ kind: "bar", order: [{ column: "customer_id", direction: "desc" }] });
  });

  it("draws nothing for listed rows, one summary row, or a period split by another key", () => {
    expect(chooseChart(specOf("orders in 2024"))).toBeNull();
    expect(chooseChart(specOf("total order amount"))).toBeNull();
    const twoKeys = customerTotalsSpec({
      columns: [
        {
          name: "order_month",
          expr: { kind: "column", column: { source: "orders", column: "order_date" }, bucket: "month" },
          phrase: "per month",
        },
        {
          name: "status",
          expr: { kind: "column", column: { source: "orders", column: "status" } },
          phrase: "per status",
        },
        ...customerTotalsSpec().columns.slice(1),
      ],
    });
    expect(chooseChart(twoKeys)).toBeNull();
  });
});
