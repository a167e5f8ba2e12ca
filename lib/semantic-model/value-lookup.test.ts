import { describe, expect, it } from "vitest";
import { buildSemanticModel } from "./build-model";
import { createValueLookup } from "./value-lookup";
import { countryNames } from "./words/country-names";

const text = (name: string) => ({ name, dataType: "text", nullable: true });
const catalog = {
  tables: [
    {
      schema: "public",
      name: "customers",
      columns: [
        { name: "id", dataType: "integer", nullable: false },
        text("city"),
        text("country"),
        text("first_name"),
        text("state"),
      ],
      primaryKey: ["id"],
      foreignKeys: [],
    },
    { schema: "public", name: "offices", columns: [text("city")], primaryKey: ["city"], foreignKeys: [] },
    {
      schema: "public",
      name: "payments",
      columns: [{ name: "id", dataType: "integer", nullable: false }, text("payment_method"), text("channel")],
      primaryKey: ["id"],
      foreignKeys: [],
    },
  ],
};
const values = {
  complete: true,
  columns: [
    { schema: "public", table: "customers", column: "city", values: ["London", "New York", "Paris"] },
    { schema: "public", table: "customers", column: "country", values: ["Germany", "UK", "USA"] },
    { schema: "public", table: "customers", column: "first_name", values: ["Jordan", "Us"] },
    { schema: "public", table: "customers", column: "state", values: ["CA", "NY"] },
    { schema: "public", table: "offices", column: "city", values: ["London "] },
    { schema: "public", table: "payments", column: "payment_method", values: ["bank_transfer", "coupon", "gift_card"] },
    { schema: "public", table: "payments", column: "channel", values: ["webShop", "in-store"] },
  ],
};
const model = buildSemanticModel(catalog, { values });
const lookup = createValueLookup(model, { alternatives: countryNames });
const found = (words: string) => lookup(words).map((m) => `${m.column}=${m.value}`);

describe("looking up values a request names", () => {
  it("finds every column holding the value, whatever its case and surrounding spaces", () => {
    expect(createValueLookup(model)("london")).toEqual([
      { table: "public.customers", column: "city", value: "London" },
      { table: "public.offices", column: "city", value: "London " },
    ]);
    expect(found("new york")).toEqual(["city=New York"]);
    expect(found("Berlin")).toEqual([]);
  });

  it("reads codes written snake_case, kebab-case or camelCase as the words they join, in either number", () => {
    expect(found("bank transfer")).toEqual(["payment_method=bank_transfer"]);
    expect(found("gift cards")).toEqual(["payment_method=gift_card"]);
    expect(found("coupons")).toEqual(["payment_method=coupon"]);
    expect(found("web shop")).toEqual(["channel=webShop"]);
    expect(found("in store")).toEqual(["channel=in-store"]);
    expect(found("bank")).toEqual([]);
  });

  it("matches a code of one or two letters only as written", () => {
    expect(found("CA")).toEqual(["state=CA"]);
    expect(found("ca")).toEqual([]);
    expect(found("us")).toEqual([]);
  });

  it("finds a country by its adjective or short form, only in location columns and only among stored values", () => {
    expect(found("German")).toEqual(["country=Germany"]);
    expect(found("US")).toEqual(["country=USA"]);
    expect(found("United States")).toEqual(["country=USA"]);
    expect(found("British")).toEqual(["country=UK"]);
    // A name that is also a country's is not a country elsewhere; no Italy is stored.
    expect(found("Jordanian")).toEqual([]);
    expect(found("Italian")).toEqual([]);
  });
});
