import pluralize from "pluralize";
import type { ColumnRef, OrderBy } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { OutputColumn } from "@/lib/spec/output-column";
import type { Entity } from "@/lib/semantic-model/model-schema";
import { implicitMeasure } from "./build-filters";
import { ask, fail } from "./build-sources";
import type { Part } from "./parts";

type Of<K extends Part["k"]> = Extract<Part, { k: K }>;
const is =
  <K extends Part["k"]>(k: K) =>
  (p: Part): p is Of<K> =>
    p.k === k;
import type { Meaning } from "./senses";

/**
 * How a reading ranks its rows: how many it keeps (0: as many as the listed noun's number says,
 * "which genre" one), which end, and by what: an aggregate ("top 5 customers by revenue", "the
 * most tracks"), a column of the listed rows ("top 5 products by unit price") or the listed
 * entity's one measure ("the 3 largest orders"). `count` is undefined when nothing is ranked.
 */
export type Ranking = {
  count?: number;
  edge: "top" | "bottom";
  phrase: string;
  aggregate?: Part;
  column?: Meaning;
  ownMeasure?: boolean | "money";
};

export function planRanking(parts: Part[], listed: Entity | undefined): Ranking {
  const tops = parts.filter((p): p is Extract<Part, { k: "top" }> => p.k === "top");
  if (tops.length === 0) return { edge: "top", phrase: "" };
  const counts = tops.filter((t) => t.count > 0);
  const bys = tops.filter((t) => t.by || t.byOwnMeasure);
  if (counts.length > 1) fail("two counts of rows");
  if (bys.length > 1) fail("two rankings");
  const by = bys[0];
  // The superlative's own words give the direction ("the least popular product by quantity").
  const superlative = tops.find((t) => t.bySubjectNumber || t.byOwnMeasure);
  const count = counts[0]?.count ?? (superlative ? 0 : ask("a ranking without a count or a measure"));
  const edge = (superlative ?? counts[0] ?? by ?? tops[0]).edge;
  const phrase = [...new Set(tops.map((t) => t.phrase))].join(" ");
  if (!by) return { count, edge, phrase };
  if (by.byOwnMeasure) return { count, edge, phrase, ownMeasure: by.byOwnMeasure };
  const m = by.by!;
  // A plain column of the listed rows orders them as they are; anything else is added up per row.
  if (m.k === "measure" && !m.fn && listed && m.target.entity === listed && m.target.kind !== "entity")
    return { count, edge, phrase, column: m.target };
  return { count, edge, phrase, aggregate: m };
}

/** The column a meaning orders by. */
export function sortColumn(m: Meaning): string {
  if (m.kind === "measure") return m.measure.column;
  if (m.kind === "dimension") return m.dimension.column;
  if (m.kind === "time") return m.time.column;
  // A computed value has no column of its own: the caller adds it as an expression.
  if (m.kind === "formula") return "";
  return fail("ordered by something that is not a column");
}

/** What ordering reads and adds to: the reading's outputs so far and how to add more. */
export type OrderingContext = {
  listed?: Of<"subject">;
  listedGrain?: Of<"grain">;
  grains: Of<"grain">[];
  aggregated: boolean;
  measureNames: string[];
  columns: OutputColumn[];
  base: Entity;
  addMeasure: (m: Part, phrase: string) => string;
  addPlain: (m: Meaning, column: string, phrase: string, group: boolean) => string;
  col: (m: Meaning, column: string, phrase: string) => ColumnRef;
  unnamed: (m: Meaning, phrase: string) => boolean;
};

/**
 * The reading's ORDER BY and LIMIT: a ranking ("top 5 customers by revenue", "the cheapest
 * product") keeps its count of rows by its measure or column; a sort ("by name", "most expensive
 * first") orders by what it names. `rankedMeasure` is the aggregate a ranking added when the
 * request names no other measure; `bonus` weakens a reading that orders by a table it never names.
 */
export function buildOrdering(
  parts: Part[],
  ranking: Ranking,
  {
    listed: subject,
    listedGrain,
    grains,
    aggregated,
    measureNames,
    columns,
    base: baseEntity,
    addMeasure,
    addPlain,
    col,
    unnamed,
  }: OrderingContext,
): { orderBy: OrderBy[]; limit?: EtlSpec["limit"]; rankedMeasure?: string; bonus: number } {
  let bonus = 0;
  const orderBy: OrderBy[] = [];
  let limit: EtlSpec["limit"];
  let rankedMeasure: string | undefined;
  if (ranking.count !== undefined) {
    const listedPhrase = subject?.phrase ?? listedGrain?.phrase ?? grains[0]?.phrase ?? "";
    const count =
      ranking.count > 0
        ? ranking.count
        : isSingular(listedPhrase)
          ? 1
          : ask(`"${ranking.phrase}" does not say how many rows to keep`);
    let by: string | undefined;
    if (ranking.aggregate) {
      by = addMeasure(ranking.aggregate, ranking.phrase);
      // "top 5 products by net sales, call it net_sales": the ranked aggregate is the one measure named.
      if (measureNames.length === 0) rankedMeasure = by;
    } else if (ranking.column) by = addPlain(ranking.column, sortColumn(ranking.column), ranking.phrase, false);
    else if (ranking.ownMeasure && subject) {
      const m = implicitMeasure(subject.entity, ranking.ownMeasure === "money" ? "currency" : undefined);
      by = addPlain(m, sortColumn(m), ranking.phrase, false);
    } else by = measureNames[0];
    if (!by) ask("a ranking without a count or a measure");
    orderBy.push({ output: by!, direction: ranking.edge === "top" ? "desc" : "asc", phrase: ranking.phrase });
    limit = { count, phrase: ranking.phrase };
  }
  for (const s of parts.filter(is("sort"))) {
    if (limit) fail("an ordering beside a ranking");
    let by: string | undefined;
    const target = s.by && (s.by.k === "sense" ? s.by.meaning : s.by.k === "measure" ? s.by.target : undefined);
    if (s.by?.k === "measure" && s.by.fn)
      by = aggregated ? addMeasure(s.by, s.phrase) : fail("an aggregate ordering of listed rows");
    else if (target) {
      if (unnamed(target, s.phrase)) bonus -= 0.3;
      by =
        columns.find(
          (c) =>
            c.expr.kind === "column" &&
            c.expr.column.column === sortColumn(target) &&
            c.expr.column.source === col(target, sortColumn(target), s.phrase).source,
        )?.name ??
        (aggregated
          ? fail("ordered by a column that is not grouped")
          : addPlain(target, sortColumn(target), s.phrase, false));
    } else if (s.implicit && priceOrder(s.implicit, s.first)) {
      // "cheapest first", "most expensive first": by the listed rows' one money column.
      const money = implicitMeasure(subject?.entity ?? baseEntity, "currency");
      by = aggregated ? fail("a price ordering of groups") : addPlain(money, sortColumn(money), s.phrase, false);
      orderBy.push({ output: by, direction: priceOrder(s.implicit, s.first)!, phrase: s.phrase });
      continue;
    } else if (s.implicit && /alphabetic/.test(s.implicit))
      by =
        subject && !aggregated
          ? addPlain(
              { kind: "entity", entity: subject.entity },
              subject.entity.label[0] ?? fail("nothing to order by name"),
              s.phrase,
              false,
            )
          : listedGrain
            ? columns[0].name
            : fail("nothing to order by name");
    else if (measureNames.length === 1) by = measureNames[0];
    else fail("an ordering without a column");
    orderBy.push({ output: by!, direction: s.direction, phrase: s.phrase });
  }
  return { orderBy, limit, rankedMeasure, bonus };
}

const CHEAP = /\b(cheapest|least expensive|lowest priced)\b/;
const DEAR = /\b(most expensive|priciest|costliest|dearest|highest priced)\b/;
function priceOrder(words: string, first: boolean | undefined): "asc" | "desc" | undefined {
  const low = CHEAP.test(words) ? true : DEAR.test(words) ? false : undefined;
  if (low === undefined) return undefined;
  return low === (first !== false) ? "asc" : "desc";
}

/** "which genre" is one row, "which genres" several: the number of the phrase's last word. */
function isSingular(phrase: string): boolean {
  const last = phrase.trim().split(/\s+/).pop()?.toLowerCase() ?? "";
  return last.length > 0 && pluralize.isSingular(last);
}
