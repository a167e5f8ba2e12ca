import type {
  Chunk,
  ComparisonPhrase,
  OrderingPhrase,
  RankingPhrase,
  TimeExpression,
  VerbGroup,
} from "@/lib/planner/english";
import type { AggregateFn } from "@/lib/spec/output-column";
import type { TextMatchOp, TimeBucket } from "@/lib/spec/clauses";
import type { Entity, Unit } from "@/lib/semantic-model/model-schema";
import type { Property } from "./dimension-adjectives";
import type { ExistencePart } from "./existence-parts";
import type { Meaning } from "./senses";

/**
 * What a grounded chunk or a parsed phrase contributes to a reading. Terminals carry one part;
 * productions combine parts into lists, and `assemble` turns the list of a whole parse into a
 * reading. Every part keeps the words it was read from.
 */
export type Part =
  | { k: "sense"; meaning: Meaning; phrase: string }
  | { k: "agg"; fn: AggregateFn; distinct?: boolean; phrase: string }
  /** `attr`: the column a comparative adjective compares by ("heavier than" → a weight). */
  | { k: "compare"; chunk: ComparisonPhrase; phrase: string; unit?: Unit; attr?: Meaning }
  | { k: "time"; expr: TimeExpression; phrase: string }
  | { k: "bucket"; bucket: TimeBucket; phrase: string }
  | { k: "rank"; chunk: RankingPhrase; phrase: string }
  | { k: "order"; chunk: OrderingPhrase; phrase: string }
  /**
   * A superlative: of quantity ("most", "largest"), or one that names what it ranks by. `of`: the
   * money column ("cheapest") or the measure named after "by" ("most popular"); `property`: a
   * measurable property ("heaviest", "most recent") with, when read on one, the `column` that has it.
   */
  | {
      k: "super";
      direction: "desc" | "asc";
      phrase: string;
      of?: "money" | "named";
      property?: Property;
      column?: Meaning;
    }
  | { k: "verb"; chunk: VerbGroup; lemma: string; phrase: string }
  | { k: "word"; word: string; phrase: string; chunk: Chunk }
  | { k: "number"; value: number; phrase: string }
  | { k: "name"; name: string; phrase: string }
  /** A verb of where text lies in a value: "starts with", "ending in", "contains" (text-match-terminals.ts). */
  | { k: "match"; op: TextMatchOp; phrase: string }
  /** "whose name starts with 'The'", "with lamp in the name": text found in a column (the rows' label when none is named). */
  | { k: "text-match"; attr?: Meaning; op: TextMatchOp; text: string; phrase: string }
  /** A value written out that the value index does not hold (written-values.ts). */
  | { k: "literal"; text: string; phrase: string }
  /** Built by productions: */
  | { k: "subject"; entity: Entity; phrase: string; qualifiers: Part[] }
  /** `perGroup`: "the biggest order each customer placed" is the largest amount of each group, only read with a group. */
  /** `ofEach`: "customers with their total order amount": one value for every listed row, none counting as 0. */
  | { k: "measure"; fn?: AggregateFn; target: Meaning; phrase: string; perGroup?: boolean; ofEach?: boolean }
  | { k: "count"; entity: Entity; distinct: boolean; phrase: string; qualifiers: Part[]; ofEach?: boolean }
  /** `attached`: read as a modifier of the noun right before it ("customers in Norway"), on that noun's rows. */
  | {
      k: "values";
      meanings: Extract<Meaning, { kind: "value" }>[];
      phrase: string;
      via?: string;
      attached?: boolean;
    }
  /** "…, including customers without orders": the rows of `entity` with no related rows stay in the table. */
  | { k: "keep-every"; entity: Entity; phrase: string }
  /** "who reports to Steven Buchanan?": the rows asked for are the ones the relationship's verb tells of. */
  | { k: "who"; phrase: string }
  /** "Nancy Edwards": one row named by the values of its label columns (a first and a last name). */
  | { k: "named-row"; meanings: Extract<Meaning, { kind: "value" }>[]; phrase: string; via?: string }
  | { k: "flag"; meaning: Extract<Meaning, { kind: "flag" }>; phrase: string }
  /**
   * `nonzero`: "with a discount", read as more than none (a comparison that follows says how much instead).
   * `unit`: what the request counts the quantity in ("7 minutes"), converted to the column's.
   */
  | {
      k: "filter-compare";
      attr?: Meaning;
      chunk: ComparisonPhrase;
      phrase: string;
      unit?: Unit;
      nonzero?: boolean;
      /** Made by a verb of price ("that list for more than 300"): the price of the listed rows. */
      price?: boolean;
      /** "with fewer than 1000 units in stock": an amount the listed rows hold themselves. */
      own?: boolean;
    }
  /** `unit`: what the request says the quantity in ("over $50"), converted to the measure's. */
  | { k: "having-compare"; measure: Part; chunk: ComparisonPhrase; phrase: string; unit?: Unit }
  /** `owner`: the entity the period dates when no column is named ("placed orders in 2024": the orders). */
  | { k: "filter-time"; attr?: Meaning; owner?: Entity; expr: TimeExpression; phrase: string; afterVerb?: string }
  /** `listed`: the attribute's values are what the request lists ("countries with …"). */
  | { k: "grain"; attr?: Meaning; bucket?: TimeBucket; entity?: Entity; listed?: boolean; phrase: string }
  /**
   * `bySubjectNumber`: a superlative keeps one row when its noun is singular ("which genre has the
   * most tracks"); `byOwnMeasure`: ranked by the entity's one measure ("the 3 largest orders").
   */
  | {
      k: "top";
      edge: "top" | "bottom";
      count: number;
      by?: Part;
      bySubjectNumber?: boolean;
      byOwnMeasure?: boolean | "money";
      phrase: string;
    }
  /** `implicit`: the ordering words alone ("alphabetically", "in chronological order"). */
  | { k: "sort"; direction: "asc" | "desc"; by?: Part; implicit?: string; first?: boolean; phrase: string }
  | { k: "rename"; name: string; phrase: string }
  /** "into customer_ltv": the table the request asks to build. */
  | { k: "target"; name: string; phrase: string }
  /** "…, and how many": show the count the request already makes. */
  | { k: "recount"; phrase: string }
  | { k: "show"; meaning: Meaning; phrase: string }
  /** `event`: related by a verb or "with" ("placed orders", "with orders"), not a preposition. */
  | { k: "related"; entity: Entity; phrase: string; qualifiers: Part[]; via?: string; event?: boolean }
  /**
   * "share of revenue by country", "what % of orders got cancelled": `of` is the aggregate whose
   * part is wanted; `part` the conditions that pick the part out of each group's rows (none: each
   * group is a part of the table's whole).
   */
  | { k: "share"; of: Part; part: Part[]; percent: boolean; phrase: string }
  /** "…, revenue = quantity x price": a definition; `name` is the defined words, as the lexicon keys them. */
  | { k: "defined"; name: string; phrase: string }
  /** "average number of line items per order": what `of` adds up (a count or a sum) over the number of distinct `per` rows. */
  | { k: "average-per"; of: Part; per: Entity; phrase: string }
  /**
   * "total paid per order in dollars": the unit the request's measures are wanted in, written apart
   * from them; `from`, the unit they are said to be kept in ("in dollars instead of cents").
   */
  | { k: "unit-wanted"; unit: Unit; unitPhrase: string; phrase: string; from?: Unit }
  /** "in percent", "as a percentage": the unit a share is given in. */
  | { k: "share-unit"; percent: boolean; phrase: string }
  /** "join customers and orders on customer_id": the request's own join, which fixes the path between the two. */
  | { k: "join-instruction"; left: Entity; right: Entity; key: string; phrase: string }
  | ExistencePart
  | { k: "list"; parts: Part[] };

export const list = (...parts: (Part | undefined)[]): Part => ({
  k: "list",
  parts: parts.flatMap((p) => (!p ? [] : p.k === "list" ? p.parts : [p])),
});
export const items = (p: Part | undefined): Part[] => (!p ? [] : p.k === "list" ? p.parts : [p]);
export const ABSENT: Part = { k: "list", parts: [] };
