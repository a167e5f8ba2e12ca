import { describe, expect, it } from "vitest";
import { annotate } from "@/lib/planner/english/annotate";

const numbers = (prompt: string) =>
  annotate(prompt)
    .filter((t) => t.number)
    .map((t) => [t.text, t.number]);

describe("annotate: numbers", () => {
  it.each([
    ["more than 50 orders", "50", { value: 50, written: "digits" }],
    ["cheques over 100,000 dollars", "100,000", { value: 100000, written: "digits" }],
    ["tracks priced at 1.99", "1.99", { value: 1.99, written: "digits" }],
    ["a credit limit above 100k", "100k", { value: 100000, written: "digits" }],
    ["revenue over 3.5k", "3.5k", { value: 3500, written: "digits" }],
    ["products over $20", "$20", { value: 20, written: "digits", unit: "currency", currency: "$" }],
    ["prices under \u20ac15", "\u20ac15", { value: 15, written: "digits", unit: "currency", currency: "\u20ac" }],
    ["a 10% discount", "10%", { value: 10, written: "digits", unit: "percent" }],
    ["balance below -5", "-5", { value: -5, written: "digits" }],
    ["orders placed in 2024", "2024", { value: 2024, written: "digits", yearLike: true }],
    ["five customers", "five", { value: 5, written: "words" }],
    ["twenty-five tracks", "twenty-five", { value: 25, written: "words" }],
    ["a dozen items", "a dozen", { value: 12, written: "words" }],
    ["five dozen eggs", "five dozen", { value: 60, written: "words" }],
    ["one hundred and five rows", "one hundred and five", { value: 105, written: "words" }],
    ["two thousand twenty orders", "two thousand twenty", { value: 2020, written: "words" }],
    ["half a million dollars", "half a million", { value: 500000, written: "words" }],
    ["3 million streams", "3 million", { value: 3000000, written: "digits" }],
    ["used a coupon at least once", "once", { value: 1, written: "words" }],
    ["the 3rd order", "3rd", { value: 3, written: "digits", ordinal: true }],
    ["the third order", "third", { value: 3, written: "words", ordinal: true }],
  ])("%j reads %j", (prompt, text, value) => {
    expect(numbers(prompt)).toContainEqual([text, value]);
  });

  it("keeps adjacent numbers apart", () => {
    expect(numbers("twenty-five one").map(([text]) => text)).toEqual(["twenty-five", "one"]);
    expect(numbers("between 20 and 30").map(([text]) => text)).toEqual(["20", "30"]);
  });

  it("reads a spaced minus as a minus, not as a negative number", () => {
    expect(numbers("(1 - discount)")).toEqual([["1", { value: 1, written: "digits" }]]);
  });

  it('does not count a lone article or a unit named "second"', () => {
    expect(numbers("a customer with an order")).toEqual([]);
    expect(numbers("average length in seconds per second")).toEqual([]);
  });

  it("leaves dates and ranges of days to the date reader", () => {
    expect(numbers("between 2022-03-01 and 03/15/2024")).toEqual([]);
  });
});
