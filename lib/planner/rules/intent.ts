import type { CatalogTable } from "@/lib/catalog/types";
import type { AggregateFn } from "@/lib/spec/output-column";
import type { ComparisonOp, Literal, TimeBucket } from "@/lib/spec/clauses";
import type { LexEntry } from "@/lib/planner/rules/lexicon";
import type { DateRange } from "@/lib/planner/rules/dates";

export type ColumnEntry = Extract<LexEntry, { kind: "column" }>;

/** A column phrase whose table is decided later, once every table in play is known. */
export type ColumnPick = { phrase: string; candidates: ColumnEntry[]; dateOnly?: boolean };

/** An arithmetic chain as typed: operand (op operand)*. */
export type ExprIntent = {
  operands: ({ pick: ColumnPick } | { number: number })[];
  ops: ("+" | "-" | "*" | "/")[];
  words: string;
};

export type MeasureIntent =
  | {
      kind: "aggregate";
      fn: AggregateFn;
      of: { table: CatalogTable } | { pick: ColumnPick } | { star: true } | { expr: ExprIntent };
      keyword: string;
      words: string;
      phrase: string;
      rename?: Rename;
      implicit?: string;
    }
  | { kind: "column"; pick: ColumnPick; phrase: string; rename?: Rename }
  | { kind: "expression"; expr: ExprIntent; phrase: string; rename?: Rename; name?: string };

export type Rename = { name: string; phrase: string };

export type GrainIntent =
  | { kind: "table"; table: CatalogTable; phrase: string }
  | { kind: "column"; pick: ColumnPick; phrase: string }
  | { kind: "bucket"; unit: TimeBucket; pick?: ColumnPick; phrase: string; table?: CatalogTable };

export type FilterIntent =
  | { kind: "compare"; pick: ColumnPick; op: ComparisonOp; value: Literal; phrase: string }
  | { kind: "between"; pick: ColumnPick; low: Literal; high: Literal; phrase: string }
  | { kind: "in"; pick: ColumnPick; negate: boolean; values: Literal[]; phrase: string }
  /** `presence`: "with a discount" / "without a discount", read by the column's type once it is known. */
  | { kind: "null"; pick: ColumnPick; negate: boolean; phrase: string; presence?: boolean }
  | { kind: "date"; pick?: ColumnPick; table?: CatalogTable; range: DateRange; phrase: string }
  | { kind: "value"; entries: Extract<LexEntry, { kind: "value" }>[][]; negate: boolean; phrase: string }
  | { kind: "measure"; table: CatalogTable; op: ComparisonOp; value: number; phrase: string };

export type JoinIntent = {
  tables: CatalogTable[];
  on?: { left: { table: CatalogTable; column: string }; right: { table: CatalogTable; column: string } }[];
  onColumn?: ColumnPick;
  left?: boolean;
  phrase: string;
};

/** Everything the parser read from the prompt, before tables and columns are decided. */
export type Intent = {
  tables: { table: CatalogTable; phrase: string }[];
  joins: JoinIntent[];
  /** Keep every row of this table (left joins); no table = the plan's main entity. */
  keepAll?: { table?: CatalogTable; phrase: string };
  without: { table: CatalogTable; phrase: string }[];
  measures: MeasureIntent[];
  grain: GrainIntent[];
  filters: FilterIntent[];
  having: { measure: MeasureIntent; op: ComparisonOp; value: number; phrase: string }[];
  order: {
    measure: MeasureIntent | "date" | "default";
    direction: "asc" | "desc";
    phrase: string;
    entity?: CatalogTable;
  }[];
  limit?: { count: number; phrase: string };
  /** "the 3 largest orders": rows of this table, ranked. */
  rankedRows?: { table: CatalogTable; phrase: string };
  target?: { name: string; schema?: string; phrase: string };
  notes: string[];
  confidence: number;
};

export function emptyIntent(): Intent {
  return {
    tables: [],
    joins: [],
    without: [],
    measures: [],
    grain: [],
    filters: [],
    having: [],
    order: [],
    notes: [],
    confidence: 1,
  };
}
