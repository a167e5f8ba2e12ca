import type { CatalogForeignKey, CatalogTable } from "@/lib/catalog/types";
import { isKeyLike } from "./column-kinds";
import { joinableTypes } from "./column-types";
import type { EntityNames } from "./entity-names";
import type { Relationship } from "./model-schema";
import { LINK_VERBS, relationshipWords } from "./relation-verbs";
import { nameWords, startsWithWords } from "./words/name-words";

export const tableRef = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;
const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((c) => b.includes(c));
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A foreign key, declared or read from a column's name. */
export type ForeignKeyEdge = { table: CatalogTable; fk: CatalogForeignKey; inferred: boolean };

/**
 * Foreign keys nobody declared, read from names: a column whose words are another table's
 * entity name plus a key word (`customer_id`, `custNo`), or that has the exact name of another
 * table's single-column key when that name is a key's (`customerNumber`, `productLine` of
 * product lines), with a type that joins. Ambiguous matches are left out.
 */
function inferForeignKeys(tables: CatalogTable[], names: Map<CatalogTable, EntityNames>): ForeignKeyEdge[] {
  const edges: ForeignKeyEdge[] = [];
  const keyed = tables.filter((t) => t.primaryKey.length === 1);
  for (const table of tables) {
    const declared = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
    for (const column of table.columns) {
      if (declared.has(column.name) || sameColumns(table.primaryKey, [column.name])) continue;
      const words = nameWords(column.name).expanded;
      const targets = keyed.filter((target) => {
        const key = target.columns.find((c) => c.name === target.primaryKey[0]);
        if (!key || !joinableTypes(key.dataType, column.dataType)) return false;
        const keyWords = nameWords(key.name).expanded;
        const forms = names.get(target)!.forms;
        // The same name as a key that says it is one (`customerNumber`, `productLine` of product
        // lines); a natural key named like any attribute (`city`) proves nothing.
        if (key.name === column.name)
          return (isKeyLike(keyWords) && keyWords.length > 1) || forms.some((f) => startsWithWords(keyWords, f));
        return (
          isKeyLike(words) &&
          forms.some(
            (f) =>
              words.length === f.length + 1 &&
              startsWithWords(words, f) &&
              (keyWords.length === 1 || keyWords.at(-1) === words.at(-1)),
          )
        );
      });
      const others = targets.filter((t) => t !== table);
      if (others.length !== 1) continue;
      const [target] = others;
      edges.push({
        table,
        fk: {
          columns: [column.name],
          refSchema: target.schema,
          refTable: target.name,
          refColumns: [...target.primaryKey],
        },
        inferred: true,
      });
    }
  }
  return edges;
}

/**
 * Every foreign key of the tables, declared ones first, then the inferred ones; keys that point
 * outside `tables` (a published or excluded table) are dropped.
 */
export function foreignKeyEdges(tables: CatalogTable[], names: Map<CatalogTable, EntityNames>): ForeignKeyEdge[] {
  const present = new Set(tables.map(tableRef));
  const declared = tables.flatMap((table) => table.foreignKeys.map((fk) => ({ table, fk, inferred: false })));
  return [...declared, ...inferForeignKeys(tables, names)].filter((e) =>
    present.has(`${e.fk.refSchema}.${e.fk.refTable}`),
  );
}

/** Whether a table only links others: its key is made of two or more foreign keys. */
export function isLinkTable(table: CatalogTable, edges: ForeignKeyEdge[]): boolean {
  const own = edges.filter((e) => e.table === table);
  const keyColumns = new Set(own.flatMap((e) => e.fk.columns));
  const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name);
  return own.length >= 2 && key.every((c) => keyColumns.has(c)) && table.columns.every((c) => keyColumns.has(c.name));
}

/**
 * The relationships of the model: one per foreign key (many_to_one, or one_to_one when the key
 * is also the table's primary key), and one many_to_many per pair of foreign keys that together
 * make a table's primary key (`playlist_track`, or `order_details` with its own measures).
 */
export function buildRelationships(
  tables: CatalogTable[],
  names: Map<CatalogTable, EntityNames>,
  edges: ForeignKeyEdge[],
): Relationship[] {
  const byRef = new Map(tables.map((t) => [tableRef(t), t]));
  const relationships: Relationship[] = [];
  for (const { table, fk, inferred } of edges) {
    const target = byRef.get(`${fk.refSchema}.${fk.refTable}`)!;
    const { roles, verbs } =
      fk.columns.length === 1
        ? relationshipWords(nameWords(fk.columns[0]).written, names.get(target)!.forms)
        : { roles: [], verbs: [] };
    relationships.push({
      from: tableRef(table),
      fromColumns: fk.columns,
      to: tableRef(target),
      toColumns: fk.refColumns,
      cardinality: sameColumns(fk.columns, table.primaryKey) ? "one_to_one" : "many_to_one",
      ...(inferred ? { inferred: true } : {}),
      ...(roles.length > 0 ? { roles } : {}),
      verbs,
    });
  }
  for (const table of tables) {
    const own = edges.filter((e) => e.table === table);
    const keyColumns =
      table.primaryKey.length > 0
        ? table.primaryKey
        : isLinkTable(table, edges)
          ? table.columns.map((c) => c.name)
          : [];
    const keyParts = own.filter((e) => e.fk.columns.every((c) => keyColumns.includes(c)));
    if (keyParts.length < 2 || !keyColumns.every((c) => keyParts.some((e) => e.fk.columns.includes(c)))) continue;
    for (let a = 0; a < keyParts.length; a++) {
      for (let b = a + 1; b < keyParts.length; b++) {
        const [left, right] = [keyParts[a], keyParts[b]];
        relationships.push({
          from: `${left.fk.refSchema}.${left.fk.refTable}`,
          fromColumns: left.fk.refColumns,
          to: `${right.fk.refSchema}.${right.fk.refTable}`,
          toColumns: right.fk.refColumns,
          cardinality: "many_to_many",
          through: { table: tableRef(table), fromColumns: left.fk.columns, toColumns: right.fk.columns },
          ...(left.inferred || right.inferred ? { inferred: true } : {}),
          verbs: LINK_VERBS,
        });
      }
    }
  }
  const sortKey = (r: Relationship) =>
    JSON.stringify([
      r.cardinality === "many_to_many" ? 1 : 0,
      r.from,
      r.fromColumns,
      r.to,
      r.toColumns,
      r.through?.table ?? "",
    ]);
  return relationships.sort((a, b) => compare(sortKey(a), sortKey(b)));
}
