import type { Entity, SemanticModel, TimeDimension } from "@/lib/semantic-model/model-schema";
import type { Join, Source } from "@/lib/spec/clauses";
import { shortestPaths, type Hop } from "./join-paths";
import type { Meaning } from "./senses";

/** Why a reading cannot become a table; the scorer drops it (and reports it if no reading is left). */
export class Impossible extends Error {}
/** A reading that could become several different tables: refused as ambiguous when no other reading builds. */
export class Ambiguous extends Impossible {}
export const fail = (why: string): never => {
  throw new Impossible(why);
};
export const ask = (why: string): never => {
  throw new Ambiguous(why);
};

export const snake = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase()
    .slice(0, 63) || "value";

/**
 * The FROM list of one reading: the base table, and every other table joined over the shortest
 * foreign-key path as its columns are needed. Several different shortest paths make the reading
 * impossible (the scorer then sees the other readings); a path that repeats rows is remembered.
 */
export function createSources(base: string, phrase: string, graph: Map<string, Hop[]>) {
  const sources: Source[] = [
    { schema: base.split(".")[0], table: base.split(".").slice(1).join("."), alias: aliasOf(base, []), phrase },
  ];
  const joins: Join[] = [];
  const aliasFor = new Map<string, string>([[base, sources[0].alias]]);
  let fansOut = false;
  const reach = (table: string, phrase: string): string => {
    const known = aliasFor.get(table);
    if (known) return known;
    const paths = shortestPaths(graph, [...aliasFor.keys()], table);
    if (paths.length === 0) fail(`no join path to ${table}`);
    if (paths.length > 1) {
      const distinct = new Set(paths.map((p) => p.map((h) => `${h.from}.${h.fromColumns}>${h.to}`).join("|")));
      if (distinct.size > 1) fail(`several join paths to ${table}`);
    }
    for (const hop of paths[0]) {
      if (aliasFor.has(hop.to)) continue;
      const alias = aliasOf(hop.to, [...aliasFor.values()]);
      const [schema, ...rest] = hop.to.split(".");
      sources.push({ schema, table: rest.join("."), alias, phrase });
      joins.push({
        type: "inner",
        left: aliasFor.get(hop.from)!,
        right: alias,
        on: hop.fromColumns.map((c, i) => ({ left: c, right: hop.toColumns[i] })),
        phrase,
      });
      aliasFor.set(hop.to, alias);
      fansOut ||= hop.fansOut;
    }
    return aliasFor.get(table)!;
  };
  const col = (m: Meaning, column: string, phrase: string) => ({ source: reach(m.entity.table, phrase), column });
  return { sources, joins, reach, col, fansOut: () => fansOut, tables: () => [...aliasFor.keys()] };
}

export type Sources = ReturnType<typeof createSources>;

/** The date a period or a calendar grain reads on an entity: its default, or its only one. */
export function defaultTime(e: Entity): TimeDimension | undefined {
  return e.timeDimensions.find((t) => t.default) ?? (e.timeDimensions.length === 1 ? e.timeDimensions[0] : undefined);
}

/**
 * The entity whose date "in 2024" or "per month" reads when the request names no date: the
 * rows' own, or, for rows without a date of their own (order lines), the one entity they belong
 * to (many-to-one, nearest first) that has one. Two such parents at the same distance: impossible.
 */
export function datedEntity(e: Entity, model: SemanticModel, graph: Map<string, Hop[]>): Entity {
  if (defaultTime(e)) return e;
  let frontier = [e.table];
  const seen = new Set(frontier);
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next = frontier.flatMap((t) =>
      (graph.get(t) ?? []).filter((h) => !h.fansOut && !seen.has(h.to)).map((h) => h.to),
    );
    next.forEach((t) => seen.add(t));
    const dated = [...new Set(next)]
      .map((t) => model.entities.find((x) => x.table === t))
      .filter((x): x is Entity => !!x && !!defaultTime(x));
    if (dated.length === 1) return dated[0];
    if (dated.length > 1) fail(`no date of ${e.table} is the obvious one`);
    frontier = next;
  }
  return fail(`no date of ${e.table} is the obvious one`);
}

function aliasOf(table: string, taken: string[]): string {
  const base = snake(table.split(".").slice(1).join("_"));
  let alias = base;
  for (let i = 2; taken.includes(alias); i++) alias = `${base}_${i}`;
  return alias;
}
