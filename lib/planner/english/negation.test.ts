import { describe, expect, it } from "vitest";
import { annotate } from "@/lib/planner/english/annotate";

/** Each negating word with the words it governs. */
const scopes = (prompt: string) => {
  const tokens = annotate(prompt);
  return tokens
    .filter((t) => t.negator)
    .map((t) => [
      t.text,
      tokens
        .slice(t.negator!.scope.start, t.negator!.scope.end)
        .map((s) => s.text)
        .join(" "),
    ]);
};

describe("annotate: negation scope", () => {
  it.each([
    ["customers who never placed an order", [["never", "placed an order"]]],
    ["customers who have never bought a jazz track", [["never", "bought a jazz track"]]],
    ["which customers don't have a fax number on file", [["n't", "have a fax number on file"]]],
    ["suppliers that dont have a single discontinued product", [["nt", "have a single discontinued product"]]],
    ["orders that weren't returned", [["n't", "returned"]]],
    ["orders that have not shipped yet", [["not", "shipped yet"]]],
    ["albums without a single track on the Music playlist", [["without", "a single track on the Music playlist"]]],
    ["artists with no albums in the catalog", [["no", "albums in the catalog"]]],
    ["employees that nobody reports to", [["nobody", "reports to"]]],
    ["genres nobody in Germany has ever purchased", [["nobody", "in Germany has ever purchased"]]],
    ["orders where nothing was paid by credit card", [["nothing", "was paid by credit card"]]],
  ])("%j", (prompt, expected) => {
    expect(scopes(prompt)).toEqual(expected);
  });

  it('stops at the end of the clause: a comma, a relative word, "but", a grain', () => {
    expect(scopes("customers without orders, per country")).toEqual([["without", "orders"]]);
    expect(scopes("customers without orders per country")).toEqual([["without", "orders"]]);
    expect(scopes("customers who never ordered but signed up in 2024")).toEqual([["never", "ordered"]]);
    expect(scopes("products that aren't condiments or seafood")).toEqual([["n't", "condiments or seafood"]]);
    expect(scopes("customers who did not order and who live in Paris")).toEqual([["not", "order"]]);
  });

  it("stops before a new clause joined by and/or", () => {
    expect(scopes("customers who can't and won't buy")).toEqual([
      ["n't", ""],
      ["n't", "buy"],
    ]);
  });

  it('turns only the comparison around in "no more than" and "not over"', () => {
    expect(scopes("customers with no more than 5 orders")).toEqual([["no", "more than"]]);
    expect(scopes("invoices not over 100 dollars")).toEqual([["not", "over"]]);
  });

  it("links each governed token back to its negator", () => {
    const tokens = annotate("customers who never ordered");
    expect(tokens.map((t) => t.negatedBy)).toEqual([undefined, undefined, undefined, 2]);
  });
});
