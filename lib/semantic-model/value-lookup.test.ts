import { describe, expect, it } from "vitest";
import { buildSemanticModel } from "./build-model";
import { createValueLookup } from "./value-lookup";

const catalog = {
  tables: [
    {
      schema: "public",
      name: "customers",
      columns: [
        { name: "id", dataType: "integer", nullable: false },
        { name: "city", dataType: "text", nullable: true },
        { name: "country", dataType: "text", nullable: true },
      ],
      primaryKey: ["id"],
      foreignKeys: [],
    },
    { schema: "public", name: "offices", columns: [{ name: "city", dataType: "text", nullable: true }], primaryKey: ["city"], foreignKeys: [] },
  ],
};
const values = {
  complete: true,
  columns: [
    { schema: "public", table: "customers", column: "city", values: ["London", "Paris"] },
    { schema: "public", table: "customers", column: "country", values: ["Germany", "UK"] },
    { schema: "public", table: "offices", column: "city", values: ["London "] },
  ],
};
const model = buildSemanticModel(catalog, { values });

describe("looking up values a request quotes", () => {
  it("finds every column holding the value, whatever its case and surrounding spaces", () => {
    expect(createValueLookup(model)("london")).toEqual([
      { table: "public.customers", column: "city", value: "London" },
      { table: "public.offices", column: "city", value: "London " },
    ]);
    expect(createValueLookup(model)("Berlin")).toEqual([]);
  });

  it("tries other spellings a caller supplies, such as a country for its demonym", () => {
    const demonyms: Record<string, string> = { german: "Germany" };
    const lookup = createValueLookup(model, { alternatives: (word) => (demonyms[word.toLowerCase()] ? [demonyms[word.toLowerCase()]] : []) });
    expect(lookup("German")).toEqual([{ table: "public.customers", column: "country", value: "Germany" }]);
  });
});
