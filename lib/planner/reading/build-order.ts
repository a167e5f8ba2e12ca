import type { Entity } from "@/lib/semantic-model/model-schema";
import { ask, fail } from "./build-sources";
import type { Part } from "./parts";
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
