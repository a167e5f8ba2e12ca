import { describe, expect, it } from "vitest";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { describeSpec } from "./describe-spec";

const step = (table: string, left: string, right: string) => ({
  schema: "public",
  table,
  alias: `${table}_related`,
  on: [{ left, right }],
});

describe("describeSpec", () => {
  it("words an existence check with its path, its conditions and the prompt's words", () => {
    const spec = customerTotalsSpec({
      filters: [
        {
          op: "not_exists",
          source: "customers",
          path: [step("orders", "customer_id", "customer_id"), step("payments", "order_id", "order_id")],
          where: [
            {
              op: "=",
              column: { source: "payments_related", column: "payment_method" },
              value: "coupon",
              phrase: "by coupon",
            },
          ],
          phrase: "never paid by coupon",
        },
        {
          op: "exists",
          source: "customers",
          path: [step("orders", "customer_id", "customer_id")],
          minCount: 3,
          phrase: "at least 3 orders",
        },
      ],
    });
    const filters = describeSpec(spec).groups.find((g) => g.title === "Filters")?.lines;
    expect(filters).toEqual([
      {
        text: "customers has no public.payments rows (through orders) where payments_related.payment_method is “coupon”",
        phrase: "never paid by coupon",
      },
      { text: "customers has at least 3 public.orders rows", phrase: "at least 3 orders" },
    ]);
  });
});
