import { describe, expect, it } from "vitest";
import { annotate } from "@/lib/planner/english/annotate";
import type { TimeExpression } from "@/lib/planner/english/time/types";

/** The time phrases of a prompt, once each. */
const times = (prompt: string): TimeExpression[] => [
  ...new Set(annotate(prompt).flatMap((t) => (t.time ? [t.time] : []))),
];
const one = (prompt: string) => {
  const found = times(prompt);
  if (found.length !== 1)
    throw new Error(`expected one time phrase in "${prompt}", got ${found.map((f) => f.text).join(" | ")}`);
  return found[0];
};
const read = (prompt: string) => {
  const t = one(prompt);
  return { text: t.text, operator: t.operator, range: t.range };
};

describe("time phrases: calendar periods and our operators", () => {
  it.each([
    ["orders placed in 2023", "in 2023", "in", { start: "2023-01-01", end: "2024-01-01" }],
    ["delete every order from 1996", "from 1996", "in", { start: "1996-01-01", end: "1997-01-01" }],
    ["orders handled during 1996", "during 1996", "in", { start: "1996-01-01", end: "1997-01-01" }],
    ["daily orders during March 2024", "during March 2024", "in", { start: "2024-03-01", end: "2024-04-01" }],
    ["invoices in Q1 2023", "in Q1 2023", "in", { start: "2023-01-01", end: "2023-04-01" }],
    ["invoices in 2024 Q3", "in 2024 Q3", "in", { start: "2024-07-01", end: "2024-10-01" }],
    [
      "sales in the first quarter of 2024",
      "in the first quarter of 2024",
      "in",
      { start: "2024-01-01", end: "2024-04-01" },
    ],
    [
      "payments in the first half of 2023",
      "in the first half of 2023",
      "in",
      { start: "2023-01-01", end: "2023-07-01" },
    ],
    ["revenue in H2 2023", "in H2 2023", "in", { start: "2023-07-01", end: "2024-01-01" }],
    ["orders placed in Dec 2024", "in Dec 2024", "in", { start: "2024-12-01", end: "2025-01-01" }],
    ["sum per day for Jan 1-7 2025", "for Jan 1-7 2025", "in", { start: "2025-01-01", end: "2025-01-08" }],
    ["orders on 5 March 2024", "on 5 March 2024", "in", { start: "2024-03-05", end: "2024-03-06" }],
    ["orders since March 2024", "since March 2024", "since", { start: "2024-03-01" }],
    ["invoices over 10 since 2024-06-01", "since 2024-06-01", "since", { start: "2024-06-01" }],
    ["net sales since the start of 1998", "since the start of 1998", "since", { start: "1998-01-01" }],
    ["any invoice from july 2025 onwards", "from july 2025 onwards", "since", { start: "2025-07-01" }],
    ["US invoices dated before 2022", "before 2022", "before", { end: "2022-01-01" }],
    ["orders placed before Jan 15th 2018", "before Jan 15th 2018", "before", { end: "2018-01-15" }],
    ["orders prior to 03/15/2024", "prior to 03/15/2024", "before", { end: "2024-03-15" }],
    ["customers who signed up after 2022", "after 2022", "after", { start: "2023-01-01" }],
    ["orders until June 2024", "until June 2024", "through", { end: "2024-07-01" }],
    ["orders up to and including 2023", "up to and including 2023", "through", { end: "2024-01-01" }],
    ["hired no later than 1994", "no later than 1994", "through", { end: "1995-01-01" }],
    ["orders on or after 2024-06-01", "on or after 2024-06-01", "since", { start: "2024-06-01" }],
  ])("%j → %j", (prompt, text, operator, range) => {
    expect(read(prompt)).toEqual({ text, operator, range });
  });

  it.each([
    [
      "invoices billed between 2022-03-01 and 2022-06-30",
      "between 2022-03-01 and 2022-06-30",
      { start: "2022-03-01", end: "2022-07-01" },
    ],
    ["albums released between 2020 and 2022", "between 2020 and 2022", { start: "2020-01-01", end: "2023-01-01" }],
    ["orders from March 2024 to May 2024", "from March 2024 to May 2024", { start: "2024-03-01", end: "2024-06-01" }],
    ["orders from March to May 2024", "from March to May 2024", { start: "2024-03-01", end: "2024-06-01" }],
    [
      "orders placed between March 1 and March 15, 2005",
      "between March 1 and March 15, 2005",
      { start: "2005-03-01", end: "2005-03-16" },
    ],
    [
      "orders between jan 10 and jan 20, 2018",
      "between jan 10 and jan 20, 2018",
      { start: "2018-01-10", end: "2018-01-21" },
    ],
    ["orders from 2020-2022", "from 2020-2022", { start: "2020-01-01", end: "2023-01-01" }],
  ])("a range: %j", (prompt, text, range) => {
    expect(read(prompt)).toEqual({ text, operator: "between", range });
  });

  it("takes a missing year from the period that follows", () => {
    const t = one("orders placed between March 1 and March 15, 2005");
    expect(t.period).toEqual({
      kind: "calendar",
      granularity: "day",
      month: 3,
      day: 1,
      year: 2005,
      yearFromNext: true,
    });
  });

  it("gives coordinated periods the first one's operator", () => {
    const [january, february] = times("customers who ordered in both January and February 2018");
    expect([january.text, january.operator, january.range]).toEqual([
      "in both January",
      "in",
      { start: "2018-01-01", end: "2018-02-01" },
    ]);
    expect([february.text, february.operator, february.operatorText]).toEqual(["February 2018", "in", ""]);
  });

  it("starts a new phrase at a second operator", () => {
    expect(times("orders before March 5, 2024 or after 2024-06-30").map((t) => [t.text, t.operator])).toEqual([
      ["before March 5, 2024", "before"],
      ["after 2024-06-30", "after"],
    ]);
  });

  it("leaves a period without a year unanchored", () => {
    const t = one("orders since March");
    expect(t.period).toEqual({ kind: "calendar", granularity: "month", month: 3 });
    expect(t.range).toBeUndefined();
  });
});

describe("time phrases: bare years", () => {
  it.each([
    ["2004 revenue by product line", "2004"],
    ["quarterly sales 2023", "2023"],
    ["customers who paid for at least one 2025 order", "2025"],
  ])("reads the year in %j", (prompt, text) => {
    expect(read(prompt)).toEqual({
      text,
      operator: "in",
      range: { start: `${text}-01-01`, end: `${Number(text) + 1}-01-01` },
    });
  });

  it.each([
    "orders over 2000 from corporate customers",
    "the top 2000 customers",
    "orders between 1000 and 2000",
    "at least 2000 units",
    "2000+ orders",
    "1999 or more rows",
  ])("does not read a quantity as a year: %j", (prompt) => {
    expect(times(prompt)).toEqual([]);
  });

  it('does not read "May" the verb as a month, nor a plain number as a day', () => {
    expect(times("may I have the 5 longest tracks")).toEqual([]);
  });
});

describe("time phrases: relative to an as-of date", () => {
  it.each([
    ["number of streams per track last month", "last month", { unit: "month", count: 1, anchor: "previous" }],
    ["orders in the last 30 days", "in the last 30 days", { unit: "day", count: 30, anchor: "rolling" }],
    ["sales over the past 3 months", "over the past 3 months", { unit: "month", count: 3, anchor: "rolling" }],
    ["revenue over the past year", "over the past year", { unit: "year", count: 1, anchor: "rolling" }],
    ["royalties owed this quarter", "this quarter", { unit: "quarter", count: 1, anchor: "current" }],
    ["payments year to date", "year to date", { unit: "year", count: 1, anchor: "to-date" }],
    ["payments year-to-date", "year-to-date", { unit: "year", count: 1, anchor: "to-date" }],
    ["revenue YTD", "YTD", { unit: "year", count: 1, anchor: "to-date" }],
    ["signups since last week", "since last week", { unit: "week", count: 1, anchor: "previous" }],
    ["orders from 3 months ago", "from 3 months ago", { unit: "month", count: 3, anchor: "ago" }],
    ["what's the weather today", "today", { unit: "day", count: 1, anchor: "current" }],
  ])("%j → %j", (prompt, text, period) => {
    const t = one(prompt);
    expect([t.text, t.period]).toEqual([text, { kind: "relative", ...period }]);
    expect(t.range).toBeUndefined();
  });

  it('does not read "last" before other words as a period', () => {
    expect(times("customers whose last name ends with 'son'")).toEqual([]);
    expect(times("the last 3 orders")).toEqual([]);
  });

  it('does not read "over" as a time operator before a calendar period', () => {
    expect(times("orders over 2024")).toEqual([]);
  });
});
