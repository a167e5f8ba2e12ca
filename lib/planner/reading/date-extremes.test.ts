import { describe, expect, it } from "vitest";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { planWithEnglish } from "./index";
import { describePlan } from "./testing/describe-plan";

const read = (prompt: string) =>
  describePlan(planWithEnglish({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues }));

describe("a superlative of time before a date", () => {
  it("reads the first and the most recent date as its minimum and maximum per group", () => {
    expect(read("first and most recent order date per customer")).toMatchObject({
      columns: expect.arrayContaining([
        "min_order_date=min(orders.order_date)",
        "max_order_date=max(orders.order_date)",
      ]),
      group: expect.arrayContaining(["customers.customer_id"]),
      limit: undefined,
    });
    expect(read("earliest signup date per country")).toMatchObject({
      columns: ["country", "min_signup_date=min(customers.signup_date)"],
      group: ["customers.country"],
    });
  });

  it("still ranks rows when no date follows in the phrase", () => {
    expect(read("the 5 most recent orders")).toMatchObject({ order: [["order_date", "desc"]], limit: 5 });
  });
});
