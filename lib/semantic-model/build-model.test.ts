import { describe, expect, it } from "vitest";
import type { Catalog, CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";
import { demoCatalog } from "@/lib/testing/fixtures/demo-catalog";
import { buildSemanticModel } from "./build-model";
import { exportModelYaml } from "./model-yaml";
import type { SemanticModel } from "./model-schema";

const col = (name: string, dataType: string, nullable = false): CatalogColumn => ({ name, dataType, nullable });
const table = (
  name: string,
  columns: CatalogColumn[],
  primaryKey: string[],
  foreignKeys: CatalogTable["foreignKeys"] = [],
): CatalogTable => ({ schema: "public", name, columns, primaryKey, foreignKeys });
const fk = (columns: string[], refTable: string, refColumns: string[]) => ({
  columns,
  refSchema: "public",
  refTable,
  refColumns,
});
const entity = (model: SemanticModel, name: string) => model.entities.find((e) => e.table === `public.${name}`)!;

/** A reordering of everything whose order the catalog does not fix: tables, columns, keys. */
function shuffled(catalog: Catalog, seed: number): Catalog {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const shuffle = <T>(items: T[]) =>
    items
      .map((item) => ({ item, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.item);
  return {
    tables: shuffle(catalog.tables).map((t) => ({
      ...t,
      columns: shuffle(t.columns),
      foreignKeys: shuffle(t.foreignKeys),
      rowCount: Math.floor(random() * 1000),
    })),
  };
}

describe("the generated model", () => {
  it("is byte-identical for the same catalog in any order, whatever the row estimates", () => {
    for (const catalog of [demoCatalog, chinookCatalog]) {
      const expected = exportModelYaml(buildSemanticModel(catalog));
      for (const seed of [1, 2, 3]) expect(exportModelYaml(buildSemanticModel(shuffled(catalog, seed)))).toBe(expected);
    }
  });

  it("names entities in the singular and plural, with a staging prefix dropped", () => {
    const model = buildSemanticModel({
      tables: [
        table("raw_customers", [col("id", "integer")], ["id"]),
        table("order_details", [col("id", "integer")], ["id"]),
      ],
    });
    expect(entity(model, "raw_customers")).toMatchObject({
      name: "raw customer",
      plural: "raw customers",
      words: ["customer"],
      synonyms: expect.arrayContaining(["client"]),
    });
    expect(entity(model, "order_details")).toMatchObject({ name: "order detail", plural: "order details" });
  });

  it("names a document's header or a register's master table after what its rows are", () => {
    const model = buildSemanticModel({
      tables: [
        table("salesorderheader", [col("id", "integer")], ["id"]),
        table("customer_master", [col("id", "integer")], ["id"]),
      ],
    });
    expect(entity(model, "salesorderheader")).toMatchObject({ name: "sales order header", words: ["sales order"] });
    expect(entity(model, "customer_master")).toMatchObject({
      words: ["customer"],
      synonyms: expect.arrayContaining(["client"]),
    });
  });

  it("reads measures, time dimensions, flags and labels of the demo shop", () => {
    const model = buildSemanticModel(demoCatalog);
    const orders = entity(model, "orders");
    expect(orders.measures.find((m) => m.column === "amount")).toMatchObject({
      defaultAgg: "sum",
      unit: "currency",
      synonyms: expect.arrayContaining(["revenue"]),
    });
    expect(orders.timeDimensions.filter((t) => t.default).map((t) => t.column)).toEqual(["order_date"]);
    // An event's time is also its date: "shipped date", "ship date", as well as "shipped".
    expect(orders.timeDimensions.find((t) => t.column === "shipped_at")).toMatchObject({
      words: ["shipped at"],
      synonyms: ["shipped", "ship", "shipped date", "ship date"],
    });
    expect(entity(model, "products").measures.find((m) => m.column === "weight_grams")).toMatchObject({
      unit: "g",
      words: ["weight grams", "weight"],
    });
    expect(entity(model, "customers").label).toEqual(["first_name", "last_name"]);
    expect(entity(model, "products").label).toEqual(["name"]);
  });

  it("marks one default time dimension per table, preferring the entity's own event date", () => {
    const model = buildSemanticModel({
      tables: [
        table(
          "employees",
          [col("employee_id", "integer"), col("birth_date", "date"), col("hire_date", "date")],
          ["employee_id"],
        ),
        table(
          "shipments",
          [
            col("id", "integer"),
            col("created_at", "timestamp with time zone"),
            col("delivered_at", "timestamp with time zone", true),
          ],
          ["id"],
        ),
      ],
    });
    expect(
      entity(model, "employees")
        .timeDimensions.filter((t) => t.default)
        .map((t) => t.column),
    ).toEqual(["hire_date"]);
    expect(
      entity(model, "shipments")
        .timeDimensions.filter((t) => t.default)
        .map((t) => t.column),
    ).toEqual(["created_at"]);
  });

  it("infers a relationship from a column named after another table's key, and marks it inferred", () => {
    const model = buildSemanticModel({
      tables: [
        table("customers", [col("id", "integer"), col("name", "text")], ["id"]),
        table("orders", [col("id", "integer"), col("customer_id", "integer"), col("total", "numeric(10,2)")], ["id"]),
      ],
    });
    expect(model.relationships).toEqual([
      expect.objectContaining({
        from: "public.orders",
        fromColumns: ["customer_id"],
        to: "public.customers",
        toColumns: ["id"],
        cardinality: "many_to_one",
        inferred: true,
      }),
    ]);
    expect(entity(model, "orders").dimensions.map((d) => d.column)).not.toContain("customer_id");
  });

  it("does not infer a relationship between columns that cannot join", () => {
    const model = buildSemanticModel({
      tables: [
        table("customers", [col("customer_id", "text")], ["customer_id"]),
        table("orders", [col("order_id", "integer"), col("customer_id", "integer")], ["order_id"]),
      ],
    });
    expect(model.relationships).toEqual([]);
  });

  it("finds many-to-many through a link table and self references", () => {
    const model = buildSemanticModel(chinookCatalog);
    expect(entity(model, "playlist_track").link).toBe(true);
    expect(model.relationships).toContainEqual(
      expect.objectContaining({
        from: "public.playlist",
        to: "public.track",
        cardinality: "many_to_many",
        through: { table: "public.playlist_track", fromColumns: ["playlist_id"], toColumns: ["track_id"] },
      }),
    );
    expect(model.relationships).toContainEqual(
      expect.objectContaining({
        from: "public.employee",
        fromColumns: ["reports_to"],
        to: "public.employee",
        verbs: [{ phrase: "report to", subject: "from" }],
      }),
    );
  });

  it("reads one-to-one when a foreign key is also the table's key", () => {
    const model = buildSemanticModel({
      tables: [
        table("users", [col("user_id", "integer")], ["user_id"]),
        table(
          "user_profiles",
          [col("user_id", "integer"), col("bio", "text")],
          ["user_id"],
          [fk(["user_id"], "users", ["user_id"])],
        ),
      ],
    });
    expect(model.relationships[0]).toMatchObject({
      from: "public.user_profiles",
      to: "public.users",
      cardinality: "one_to_one",
    });
  });

  it("leaves out tables DataMorph published, unless the user added them back", () => {
    const published = table(
      "customer_order_totals",
      [col("customer_id", "integer"), col("total_order_amount", "numeric")],
      [],
    );
    const catalog = { tables: [...demoCatalog.tables, published] };
    const without = buildSemanticModel(catalog, { published: ["public.customer_order_totals"] });
    expect(without.entities.map((e) => e.table)).not.toContain("public.customer_order_totals");
    expect(without).toEqual(buildSemanticModel(demoCatalog));
    const added = buildSemanticModel(catalog, {
      published: ["public.customer_order_totals"],
      include: ["public.customer_order_totals"],
    });
    expect(added.entities.map((e) => e.table)).toContain("public.customer_order_totals");
  });

  it("indexes few-valued text columns and reads 0/1 numbers as flags from the data", () => {
    const catalog = {
      tables: [
        table(
          "products",
          [col("product_id", "integer"), col("category", "text"), col("premium", "integer"), col("stock", "integer")],
          ["product_id"],
        ),
      ],
    };
    const values = {
      complete: true,
      columns: [
        { schema: "public", table: "products", column: "category", values: ["Toys", "Books", "Garden"] },
        { schema: "public", table: "products", column: "premium", values: ["0", "1"] },
        { schema: "public", table: "products", column: "stock", values: null },
      ],
    };
    const products = entity(buildSemanticModel(catalog, { values }), "products");
    expect(products.dimensions.find((d) => d.column === "category")?.values).toEqual(["Books", "Garden", "Toys"]);
    expect(products.flags).toEqual([{ column: "premium", words: ["premium"], trueValue: 1 }]);
    expect(products.measures.map((m) => m.column)).toEqual(["stock"]);
  });
});

describe("inferred relationships", () => {
  const build = (tables: CatalogTable[]) =>
    buildSemanticModel({ tables }).relationships.map((r) => `${r.from}.${r.fromColumns} → ${r.to}.${r.toColumns}`);

  it("reads a column named like another table's own key as a reference to it", () => {
    const lines = table(
      "productlines",
      [col("productLine", "character varying(50)"), col("textDescription", "text")],
      ["productLine"],
    );
    const customers = table("customers", [col("customerNumber", "integer")], ["customerNumber"]);
    const products = table(
      "products",
      [col("productCode", "text"), col("productLine", "character varying(50)")],
      ["productCode"],
    );
    const payments = table(
      "payments",
      [col("customerNumber", "integer"), col("checkNumber", "text")],
      ["customerNumber", "checkNumber"],
    );
    expect(build([lines, customers, products, payments])).toEqual([
      "public.payments.customerNumber → public.customers.customerNumber",
      "public.products.productLine → public.productlines.productLine",
    ]);
  });

  it("does not read an attribute as a reference because another table is keyed by the same name", () => {
    const offices = table("offices", [col("city", "text")], ["city"]);
    const customers = table("customers", [col("id", "integer"), col("city", "text")], ["id"]);
    expect(build([offices, customers])).toEqual([]);
  });
});
