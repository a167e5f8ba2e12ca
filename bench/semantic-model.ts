import type { Catalog, CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import { buildSemanticModel } from "@/lib/semantic-model/build-model";
import { quantile, round } from "./stats";

// Nouns of a made-up business, combined into 100 table names; no real dataset's names.
const NOUNS = [
  "account",
  "asset",
  "booking",
  "campaign",
  "carrier",
  "claim",
  "contract",
  "course",
  "device",
  "driver",
  "event",
  "flight",
  "grant",
  "guest",
  "invoice",
  "lesson",
  "loan",
  "member",
  "patient",
  "policy",
  "project",
  "property",
  "receipt",
  "route",
  "sensor",
  "shipment",
  "store",
  "ticket",
  "vehicle",
  "warehouse",
];
const QUALIFIERS = ["", "line", "item", "log"];

const col = (name: string, dataType: string, nullable = true): CatalogColumn => ({ name, dataType, nullable });

/** One table in one of three naming styles: snake_case, quoted camelCase, or lowercase runs. */
function syntheticTable(index: number, names: string[]): CatalogTable {
  const style = index % 3;
  const join = (...words: string[]) =>
    style === 0
      ? words.join("_")
      : style === 1
        ? words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("")
        : words.join("");
  const name = names[index];
  const key = join(name.replace(/_/g, ""), "id");
  const parents = [index - 1, Math.floor(index / 2)].filter(
    (p, i, all) => p >= 0 && p !== index && all.indexOf(p) === i,
  );
  const fkColumns = parents.map((p) => join(names[p].replace(/_/g, ""), "id"));
  return {
    schema: "public",
    name,
    columns: [
      col(key, "integer", false),
      col(join("display", "name"), "character varying(80)"),
      ...fkColumns.map((c) => col(c, "integer")),
      col(join("created", "at"), "timestamp with time zone", false),
      col(join("amount", "cents"), "bigint"),
      col(join("unit", "price"), "numeric(10,2)"),
      col(join("qty"), "integer"),
      col(join("duration", "ms"), "integer"),
      col(join("is", "active"), "boolean"),
      col(join("status"), "text"),
      col(join("country", "code"), "character(2)"),
      col(join("ship", "city"), "text"),
      col(join("life", "expectancy"), "real"),
      col(join("notes"), "text"),
    ],
    primaryKey: [key],
    foreignKeys: parents.map((p, i) => ({
      columns: [fkColumns[i]],
      refSchema: "public",
      refTable: names[p],
      refColumns: [join(names[p].replace(/_/g, ""), "id")],
    })),
    rowCount: 1000 * (index + 1),
  };
}

/** A synthetic warehouse of `count` tables, each with keys, foreign keys, measures, dates and flags. */
export function syntheticCatalog(count = 100): Catalog {
  const names = Array.from(
    { length: count },
    (_, i) =>
      [NOUNS[i % NOUNS.length], QUALIFIERS[Math.floor(i / NOUNS.length) % QUALIFIERS.length]]
        .filter(Boolean)
        .join("_") + (i >= NOUNS.length * QUALIFIERS.length ? `_${i}` : ""),
  );
  return { tables: names.map((_, i) => syntheticTable(i, names)) };
}

/**
 * Semantic model generation time for a synthetic 100-table catalog (goal < 2 s): the first
 * build in the process (it loads the English word list) and the following ones.
 */
export function benchSemanticModel(iterations = 10) {
  const catalog = syntheticCatalog(100);
  const started = performance.now();
  const model = buildSemanticModel(catalog);
  const firstMs = performance.now() - started;
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    buildSemanticModel(catalog);
    samples.push(performance.now() - t);
  }
  return {
    tables: catalog.tables.length,
    columns: catalog.tables.reduce((n, t) => n + t.columns.length, 0),
    relationships: model.relationships.length,
    firstMs: round(firstMs, 0),
    p50Ms: round(quantile(samples, 0.5), 1),
    maxMs: round(Math.max(...samples), 1),
  };
}
