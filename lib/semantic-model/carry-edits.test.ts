import { describe, expect, it } from "vitest";
import type { Catalog } from "@/lib/catalog/types";
import { demoCatalog } from "@/lib/testing/fixtures/demo-catalog";
import { buildSemanticModel } from "./build-model";
import { carryEdits } from "./carry-edits";
import { checkModelReferences } from "./check-references";
import type { SemanticModel } from "./model-schema";

const withoutColumn = (catalog: Catalog, table: string, column: string): Catalog => ({
  ...catalog,
  tables: catalog.tables.map((t) =>
    t.name === table ? { ...t, columns: t.columns.filter((c) => c.name !== column) } : t,
  ),
});

/** The demo model as a user edited it: a synonym on customers, a word for city, a relationship of their own. */
function editedModel(): SemanticModel {
  const model = buildSemanticModel(demoCatalog);
  return {
    ...model,
    entities: model.entities.map((e) =>
      e.table === "public.customers"
        ? {
            ...e,
            synonyms: ["patron"],
            dimensions: e.dimensions.map((d) => (d.column === "city" ? { ...d, synonyms: ["town"] } : d)),
          }
        : e,
    ),
    relationships: [
      ...model.relationships,
      {
        from: "public.customers",
        fromColumns: ["city"],
        to: "public.customers",
        toColumns: ["city"],
        cardinality: "many_to_many",
        through: { table: "public.customers", fromColumns: ["city"], toColumns: ["city"] },
        verbs: [{ phrase: "live near", subject: "either" }],
      },
    ],
  };
}

describe("carrying a user's edits into a newly generated model", () => {
  it("keeps the edits on what still exists and leaves out what names a dropped column", () => {
    const catalog = withoutColumn(demoCatalog, "customers", "city");
    const merged = carryEdits(buildSemanticModel(catalog), editedModel(), catalog);
    const customers = merged.entities.find((e) => e.table === "public.customers")!;
    expect(customers.synonyms).toEqual(["patron"]);
    expect(customers.dimensions.map((d) => d.column)).not.toContain("city");
    expect(merged.relationships.some((r) => r.verbs.some((v) => v.phrase === "live near"))).toBe(false);
    expect(checkModelReferences(merged, catalog)).toEqual([]);
  });

  it("gives the same model as a fresh generation when nothing was edited", () => {
    const generated = buildSemanticModel(demoCatalog);
    expect(carryEdits(generated, buildSemanticModel(demoCatalog), demoCatalog)).toEqual(generated);
  });
});
