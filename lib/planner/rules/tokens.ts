import type { CatalogTable } from "@/lib/catalog/types";
import type { LexEntry } from "@/lib/planner/rules/lexicon";
import type { DateRange } from "@/lib/planner/rules/dates";

type Span = { start: number; end: number; text: string };

/** One unit of the prompt after catalog phrases, dates and literals are recognised. */
export type Token = Span &
  (
    | { kind: "word"; lower: string }
    | { kind: "mention"; entries: LexEntry[]; lower: string }
    | { kind: "number"; value: number }
    | { kind: "string"; value: string }
    | { kind: "punct"; value: string }
    | { kind: "date"; range: DateRange; years?: number[] }
    | { kind: "qualified"; table: CatalogTable; column: string }
    | { kind: "ident"; role: "target" | "rename"; name: string; schema?: string }
  );

export type TokenOf<K extends Token["kind"]> = Extract<Token, { kind: K }>;
