import { describe, expect, it } from "vitest";
import type { Catalog } from "@/lib/catalog/types";
import { checkEntryEdit } from "./check-entry";

const column = (name: string) => ({ name, dataType: "text", nullable: true });
const catalog: Catalog = {
  tables: [
    {
      schema: "public",
      name: "orders",
      columns: ["amount", "order_date"].map(column),
      primaryKey: [],
      foreignKeys: [],
    },
    { schema: "public", name: "payments", columns: ["amount"].map(column), primaryKey: [], foreignKeys: [] },
  ],
};
const context = { catalog, hasWord: (word: string) => ["customer", "order"].includes(word) };
const reading = (meaning: string, phrase = "revenue") =>
  checkEntryEdit({ kind: "reading", phrase, meaning, previousMeaning: "payments.amount" }, context);

describe("an edited knowledge entry", () => {
  it("takes a reading's meaning in each shape a question's choice shows, naming what exists", () => {
    for (const meaning of ["orders.amount", "month of orders.order_date", "orders rows", "orders"])
      expect(reading(meaning), meaning).toBeNull();
  });

  it("refuses a reading's meaning no question would offer, saying why", () => {
    expect(reading("orders.total")).toEqual({ meaning: 'The table orders has no column "total".' });
    expect(reading("refunds.amount")).toEqual({ meaning: 'There is no table "refunds" in this warehouse.' });
    expect(reading("fortnight of orders.order_date")?.meaning).toMatch(/"fortnight" is not a period: use day, week/);
    expect(reading("the money customers paid")?.meaning).toMatch(/must be a choice as a question shows it/);
  });

  it("keeps a reading's meaning that cannot be checked when only its words change", () => {
    const filter = "status is 'shipped'";
    const edit = { kind: "reading", phrase: "sent", meaning: filter, previousMeaning: filter };
    expect(checkEntryEdit(edit, context)).toBeNull();
  });

  it("takes as a spelling's meaning one word of the model, and a misspelling of one word", () => {
    const spelling = (phrase: string, meaning: string) =>
      checkEntryEdit({ kind: "spelling", phrase, meaning, previousMeaning: "order" }, context);
    expect(spelling("custmer", "customer")).toBeNull();
    expect(spelling("custmer", "client")?.meaning).toMatch(/"client" is not a word of this warehouse/);
    expect(spelling("custmer ordr", "customer")).toEqual({
      phrase: "A misspelling is one word, as it was typed in a request.",
    });
  });

  it("refuses words with no letter or digit, which no request's words would contain", () => {
    expect(reading("orders.amount", "—")).toEqual({ phrase: "Type the words of a request, with a letter or digit." });
  });
});
