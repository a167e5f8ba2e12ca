import { describe, expect, it } from "vitest";
import { lineItemNames } from "./line-items";

describe("tables of lines", () => {
  it("answer to 'line items' and '<parent> lines' whatever the table's own head noun", () => {
    expect(lineItemNames(["order detail"], ["order", "customer"])).toEqual({
      words: ["order line", "order item", "line item", "order line item"],
      synonyms: ["line"],
    });
    expect(lineItemNames(["invoice line"], ["invoice", "track"])).toEqual({
      words: ["invoice item", "line item", "invoice line item"],
      synonyms: ["line"],
    });
  });

  it("are called by their bare head only when it is a word for a line ('items', 'lines', never 'details')", () => {
    expect(lineItemNames(["order item"], ["order"]).synonyms).toEqual(["line", "item"]);
    expect(lineItemNames(["order detail"], ["order"]).synonyms).not.toContain("detail");
  });

  it("are only tables that point at the parent their name says", () => {
    // Product lines are a category of products: products point at them, not the other way.
    expect(lineItemNames(["product line"], [])).toEqual({ words: [], synonyms: [] });
    expect(lineItemNames(["shipment item"], ["order"])).toEqual({ words: [], synonyms: [] });
    expect(lineItemNames(["line"], ["order"])).toEqual({ words: [], synonyms: [] });
  });
});
