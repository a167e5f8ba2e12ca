import { beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { createSqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { setUpAndOpenRoles } from "@/lib/db/set-up-roles";
import { datasetDir, type DatasetName } from "@/lib/testing/datasets";
import { loadSchemaDataset } from "@/lib/testing/load-schema-dataset";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { buildSemanticModel } from "./build-model";
import { exportModelYaml } from "./model-yaml";
import type { Entity, SemanticModel } from "./model-schema";
import { readValueIndex } from "./read-value-index";
import { createValueLookup } from "./value-lookup";

type SampleDatasetName = DatasetName | "classicmodels";
const DATASETS: SampleDatasetName[] = ["chinook", "northwind", "jaffle_shop", "classicmodels"];

/** Each public sample dataset loaded from its schema.sql and CSVs, read as a run reads it. */
async function modelOf(server: ReturnType<typeof testServers>[number], name: SampleDatasetName) {
  const database = await createTestDatabase(server);
  const owner = createSqlClient(database.url, "test", 2);
  try {
    await loadSchemaDataset(owner, datasetDir(name));
    // Row estimates and column statistics, as a warehouse in use has them.
    await owner`analyze`;
    await runMigrations(owner);
    const roles = await setUpAndOpenRoles(owner, database.url, { sourceSchemas: ["public"], targetSchema: "public" });
    try {
      const catalog = await readCatalog(roles.reader, ["public"]);
      const values = await readValueIndex(roles.reader, catalog);
      return {
        model: buildSemanticModel(catalog, { values }),
        again: buildSemanticModel(
          { tables: [...catalog.tables].reverse() },
          { values: { ...values, columns: [...values.columns].reverse() } },
        ),
        complete: values.complete,
      };
    } finally {
      await Promise.all([roles.reader.end(), roles.builder.end()]);
    }
  } finally {
    await owner.end();
    await database.drop();
  }
}

describe.each(testServers())("the semantic model of the public sample datasets ($name Postgres)", (server) => {
  const models = {} as Record<SampleDatasetName, { model: SemanticModel; again: SemanticModel; complete: boolean }>;
  beforeAll(async () => {
    for (const name of DATASETS) models[name] = await modelOf(server, name);
  });

  const entity = (dataset: SampleDatasetName, table: string): Entity => {
    const found = models[dataset].model.entities.find((e) => e.table === `public.${table}`);
    if (!found) throw new Error(`no entity for ${table} in ${dataset}`);
    return found;
  };
  const relationship = (dataset: SampleDatasetName, from: string, column: string) =>
    models[dataset].model.relationships.find((r) => r.from === `public.${from}` && r.fromColumns.join() === column);
  const lookup = (dataset: SampleDatasetName, value: string) =>
    createValueLookup(models[dataset].model)(value).map((m) => `${m.table}.${m.column}`);

  it("reads every value index within its time box, and gives the same model whatever the order", () => {
    for (const name of DATASETS) {
      expect(models[name].complete, name).toBe(true);
      expect(exportModelYaml(models[name].again), name).toBe(exportModelYaml(models[name].model));
    }
  });

  it("classicmodels: the sales rep of a customer is an employee; quoted camelCase names read as words", () => {
    const salesRep = relationship("classicmodels", "customers", "salesRepEmployeeNumber");
    expect(salesRep).toMatchObject({
      to: "public.employees",
      toColumns: ["employeeNumber"],
      cardinality: "many_to_one",
    });
    expect(salesRep?.roles).toContain("sales rep");
    expect(entity("classicmodels", "orderdetails")).toMatchObject({ name: "order detail", plural: "order details" });
    expect(entity("classicmodels", "productlines").name).toBe("product line");
    expect(entity("classicmodels", "orderdetails").measures.find((m) => m.column === "quantityOrdered")).toMatchObject({
      words: ["quantity ordered"],
      defaultAgg: "sum",
    });
    expect(entity("classicmodels", "products").measures.find((m) => m.column === "MSRP")).toMatchObject({
      words: ["msrp", "manufacturer suggested retail price"],
      defaultAgg: "avg",
      unit: "currency",
    });
    expect(relationship("classicmodels", "employees", "reportsTo")).toMatchObject({
      to: "public.employees",
      verbs: [{ phrase: "report to", subject: "from" }],
    });
  });

  it("classicmodels: orders and products are many-to-many through the order lines", () => {
    expect(models.classicmodels.model.relationships).toContainEqual(
      expect.objectContaining({
        from: "public.orders",
        to: "public.products",
        cardinality: "many_to_many",
        through: { table: "public.orderdetails", fromColumns: ["orderNumber"], toColumns: ["productCode"] },
      }),
    );
    expect(lookup("classicmodels", "Classic Cars")).toEqual(["public.productlines.productLine"]);
    expect(entity("classicmodels", "productlines").label).toEqual(["productLine"]);
  });

  it("indexes categories and names, not codes, contact details or address lines", () => {
    const customers = entity("classicmodels", "customers");
    const valuesOf = (column: string) => customers.dimensions.find((d) => d.column === column)?.values;
    expect(valuesOf("country")).toContain("Germany");
    expect(valuesOf("customerName")).toContain("Mini Gifts Distributors Ltd.");
    for (const column of ["phone", "addressLine1", "postalCode"]) expect(valuesOf(column), column).toBeUndefined();
    expect(
      entity("classicmodels", "products").dimensions.find((d) => d.column === "productCode")?.values,
    ).toBeUndefined();
    expect(entity("northwind", "orders").label).toEqual([]);
  });

  it("chinook: track lengths are in milliseconds, sizes in bytes, prices money", () => {
    const track = entity("chinook", "track");
    expect(track.measures.find((m) => m.column === "milliseconds")).toMatchObject({
      unit: "ms",
      defaultAgg: "sum",
      synonyms: expect.arrayContaining(["duration", "length"]),
    });
    expect(track.measures.find((m) => m.column === "bytes")?.unit).toBe("bytes");
    expect(track.measures.find((m) => m.column === "unit_price")).toMatchObject({
      unit: "currency",
      defaultAgg: "avg",
    });
    expect(entity("chinook", "invoice").measures.find((m) => m.column === "total")).toMatchObject({
      unit: "currency",
      defaultAgg: "sum",
    });
  });

  it("chinook: support reps support customers, employees report to employees, playlists hold tracks", () => {
    expect(relationship("chinook", "customer", "support_rep_id")).toMatchObject({
      to: "public.employee",
      roles: ["support rep", "support representative"],
      verbs: [{ phrase: "support", subject: "to" }],
    });
    expect(relationship("chinook", "employee", "reports_to")).toMatchObject({
      to: "public.employee",
      verbs: [{ phrase: "report to", subject: "from" }],
    });
    expect(entity("chinook", "playlist_track").link).toBe(true);
    expect(models.chinook.model.relationships).toContainEqual(
      expect.objectContaining({ from: "public.playlist", to: "public.track", cardinality: "many_to_many" }),
    );
  });

  it("chinook: quoted names find their columns through the value index", () => {
    expect(lookup("chinook", "AC/DC")).toEqual(["public.artist.name"]);
    expect(lookup("chinook", "rock")).toEqual(["public.genre.name"]);
    expect(lookup("chinook", "Germany")).toEqual(["public.customer.country", "public.invoice.billing_country"]);
  });

  it("northwind: discontinued products are a named filter; London is a city", () => {
    expect(entity("northwind", "products").flags).toEqual([
      { column: "discontinued", words: ["discontinued"], trueValue: 1 },
    ]);
    expect(entity("northwind", "products").measures.map((m) => m.column)).not.toContain("discontinued");
    expect(lookup("northwind", "London")).toEqual(
      expect.arrayContaining([
        "public.customers.city",
        "public.employees.city",
        "public.orders.ship_city",
        "public.suppliers.city",
      ]),
    );
    expect(entity("northwind", "orders").dimensions.find((d) => d.column === "ship_city")).toMatchObject({
      kind: "location",
      verbs: ["ship"],
    });
    expect(entity("northwind", "customers").dimensions.find((d) => d.column === "city")).toMatchObject({
      kind: "location",
      verbs: ["live", "locate", "base"],
    });
  });

  it("northwind: link tables give many-to-many, and the manager of an employee is an employee", () => {
    const manyToMany = models.northwind.model.relationships
      .filter((r) => r.cardinality === "many_to_many")
      .map((r) => `${r.from}~${r.to} via ${r.through?.table}`);
    expect(manyToMany).toEqual(
      expect.arrayContaining([
        "public.employees~public.territories via public.employee_territories",
        "public.orders~public.products via public.order_details",
        "public.customers~public.customer_demographics via public.customer_customer_demo",
      ]),
    );
    expect(relationship("northwind", "employees", "reports_to")).toMatchObject({
      to: "public.employees",
      verbs: [{ phrase: "report to", subject: "from" }],
    });
    expect(
      entity("northwind", "orders")
        .timeDimensions.filter((t) => t.default)
        .map((t) => t.column),
    ).toEqual(["order_date"]);
  });

  it("jaffle_shop: staging prefixes drop from entity names; order statuses are indexed values", () => {
    expect(entity("jaffle_shop", "raw_customers")).toMatchObject({
      name: "raw customer",
      words: ["customer"],
      label: ["first_name", "last_name"],
    });
    expect(relationship("jaffle_shop", "raw_orders", "user_id")).toMatchObject({
      to: "public.raw_customers",
      roles: ["user"],
      verbs: [],
    });
    expect(lookup("jaffle_shop", "shipped")).toEqual(["public.raw_orders.status"]);
    expect(lookup("jaffle_shop", "credit_card")).toEqual(["public.raw_payments.payment_method"]);
  });
});
