import { describe, expect, it } from "vitest";
import { baseVerb, pluralPhrase, singularPhrase, verbOfAgentNoun } from "./inflection";

describe("inflection", () => {
  it("changes the number of a phrase by its last word", () => {
    expect(singularPhrase(["order", "details"])).toEqual(["order", "detail"]);
    expect(singularPhrase(["status"])).toEqual(["status"]);
    expect(pluralPhrase(["media", "type"])).toEqual(["media", "types"]);
  });

  it("gives the base form of verbs as column names write them", () => {
    expect(["reports", "handled", "shipped", "billing", "created", "ordered"].map(baseVerb)).toEqual([
      "report",
      "handle",
      "ship",
      "bill",
      "create",
      "order",
    ]);
  });

  it("leaves words that only look inflected", () => {
    expect(["need", "bring", "discontinued"].map(baseVerb)).toEqual(["need", "bring", "discontinued"]);
  });

  it("reads the verb of an agent noun", () => {
    expect(verbOfAgentNoun("manager")).toBe("manage");
    expect(verbOfAgentNoun("supervisor")).toBe("supervise");
    expect(verbOfAgentNoun("approver")).toBe("approve");
    expect(verbOfAgentNoun("member")).toBeUndefined();
    expect(verbOfAgentNoun("user")).toBeUndefined();
  });
});
