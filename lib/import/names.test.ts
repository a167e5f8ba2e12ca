import { describe, expect, it } from "vitest";
import { checkIdentifier, columnNamesFromHeader, tableNameFromFile } from "./names";

describe("import names", () => {
  it("snake_cases header names the way a SQL user would type them", () => {
    expect(columnNamesFromHeader(["Order Date", "customerID", "Prénom", "Total ($)", "2021"], "f.csv")).toEqual([
      "order_date",
      "customer_id",
      "prenom",
      "total",
      "n_2021",
    ]);
  });

  it("refuses empty, unusable and repeated header names, naming the column", () => {
    expect(() => columnNamesFromHeader(["id", null, "x"], "f.csv")).toThrow(
      "The name of column 2 of the header of f.csv is empty",
    );
    expect(() => columnNamesFromHeader(["id", "  "], "f.csv")).toThrow(/column 2 .* is empty/);
    expect(() => columnNamesFromHeader(["id", "名前"], "f.csv")).toThrow(/"名前", has no letters or digits/);
    expect(() => columnNamesFromHeader(["id", "Name", "id"], "f.csv")).toThrow(
      'f.csv has two columns named "id": columns 1 and 3',
    );
  });

  it("names a table after its file", () => {
    expect(tableNameFromFile("/data/Raw Orders.csv")).toBe("raw_orders");
    expect(tableNameFromFile("order-items.CSV")).toBe("order_items");
    expect(() => tableNameFromFile("###.csv")).toThrow(/Cannot make a table name/);
  });

  it("takes typed names only when they are plain snake_case, and never DataMorph's own schema", () => {
    expect(checkIdentifier("raw_orders", "table")).toBe("raw_orders");
    expect(() => checkIdentifier("Raw Orders", "table")).toThrow(
      '"Raw Orders" is not a valid table name: use lowercase letters, digits and _ (at most 63), e.g. raw_orders.',
    );
    expect(() => checkIdentifier("x".repeat(64), "table")).toThrow(/not a valid table name/);
    expect(() => checkIdentifier("datamorph", "schema")).toThrow(/belongs to DataMorph/);
    expect(() => checkIdentifier("pg_catalog", "schema")).toThrow(/belongs to Postgres/);
  });

  it("refuses Postgres' system column names and more columns than a table holds, saying what to rename", () => {
    expect(() => columnNamesFromHeader(["id", "TABLEOID"], "f.csv")).toThrow(
      'f.csv has a column named "TABLEOID" (column 2): Postgres keeps that name for its own system columns. Rename that header (e.g. to tableoid_value) and import it again.',
    );
    expect(columnNamesFromHeader(["oid", "xmin_at"], "f.csv")).toEqual(["oid", "xmin_at"]);
    expect(() =>
      columnNamesFromHeader(
        Array.from({ length: 1601 }, (_, i) => `c${i}`),
        "f.csv",
      ),
    ).toThrow("f.csv has 1,601 columns; a Postgres table holds at most 1,600.");
  });

  it("refuses table names Postgres reserves", () => {
    expect(() => checkIdentifier("pg_orders", "table")).toThrow(
      '"pg_orders" cannot be a table name: Postgres reserves names that start with pg_. Choose another table name, e.g. orders, or rename the file.',
    );
    expect(() => tableNameFromFile("pg_stat.csv")).not.toThrow();
  });
});
