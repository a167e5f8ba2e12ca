import { describe, expect, it } from "vitest";
import { parseRunsQuery, runsListUrl } from "./runs-query";

describe("the runs list's URL", () => {
  it("reads a search, a status, mine, evaluation runs and a page, and writes them back the same", () => {
    const query = parseRunsQuery({ q: "  order totals ", status: "failed", mine: "1", page: "3", kind: "evaluation" });
    expect(query).toEqual({ q: "order totals", status: "failed", mine: true, page: 3, evaluations: true });
    expect(runsListUrl(query)).toBe("/runs?q=order+totals&status=failed&mine=1&kind=evaluation&page=3");
    expect(parseRunsQuery(Object.fromEntries(new URL(`http://x${runsListUrl(query)}`).searchParams))).toEqual(query);
  });

  it("falls back to people's runs, first page, for what it cannot read", () => {
    expect(parseRunsQuery({ status: "deleted", page: "-4", mine: "yes", kind: "robots" })).toEqual({
      q: "",
      status: null,
      mine: false,
      page: 1,
      evaluations: false,
    });
    expect(parseRunsQuery({ page: "abc" }).page).toBe(1);
    expect(parseRunsQuery({ q: ["a", "b"] }).q).toBe("a");
    expect(parseRunsQuery({ q: "x".repeat(500) }).q).toHaveLength(200);
    expect(parseRunsQuery({ q: "line\nbreak" }).q).toBe("line break");
    expect(runsListUrl(parseRunsQuery({}))).toBe("/runs");
  });
});
