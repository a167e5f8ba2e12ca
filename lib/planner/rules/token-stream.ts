import type { CatalogTable } from "@/lib/catalog/types";
import type { LexEntry } from "@/lib/planner/rules/lexicon";
import type { ColumnEntry, ColumnPick } from "@/lib/planner/rules/intent";
import { NUMBER_WORDS } from "@/lib/planner/rules/keywords";
import type { Token } from "@/lib/planner/rules/tokens";
import { reject } from "@/lib/planner/rules/types";

type ValueEntry = Extract<LexEntry, { kind: "value" }>;

/** The prompt's tokens plus which of them a clause has already read. */
export class TokenStream {
  readonly used: boolean[];

  constructor(
    readonly tokens: Token[],
    readonly prompt: string,
  ) {
    this.used = tokens.map(() => false);
  }

  get length(): number {
    return this.tokens.length;
  }

  free(i: number): boolean {
    return i >= 0 && i < this.tokens.length && !this.used[i];
  }

  take(from: number, to: number): void {
    for (let i = from; i < to; i++) this.used[i] = true;
  }

  /** Prompt text from token `from` up to (not including) token `to`. */
  text(from: number, to: number): string {
    if (to <= from) return "";
    return this.prompt.slice(this.tokens[from].start, this.tokens[to - 1].end);
  }

  /** Length in tokens of the longest of `phrases` that starts at `i` on free word/punct tokens. */
  match(i: number, phrases: readonly string[]): { phrase: string; length: number } | null {
    let best: { phrase: string; length: number } | null = null;
    let text = "";
    for (let j = i; j < this.tokens.length && j - i < 6 && this.free(j); j++) {
      const t = this.tokens[j];
      const piece = t.kind === "word" ? t.lower : t.kind === "punct" ? t.value : null;
      if (piece === null) break;
      text = text ? `${text} ${piece}` : piece;
      if (phrases.includes(text) && (!best || j - i + 1 > best.length)) best = { phrase: text, length: j - i + 1 };
    }
    return best;
  }

  isWord(i: number, ...words: string[]): boolean {
    const t = this.tokens[i];
    return this.free(i) && t.kind === "word" && words.includes(t.lower);
  }

  number(i: number): number | undefined {
    const t = this.tokens[i];
    if (!this.free(i)) return undefined;
    if (t.kind === "number") return t.value;
    if (t.kind === "word") return NUMBER_WORDS[t.lower];
    return undefined;
  }

  /** The table a mention names most directly (its own name beats a column synonym). */
  table(i: number): CatalogTable | undefined {
    const t = this.tokens[i];
    if (!this.free(i) || t.kind !== "mention") return undefined;
    const best = Math.min(...t.entries.map((e) => e.tier));
    return t.entries.find((e) => e.kind === "table" && e.tier === best)?.table;
  }

  /** A column reading of token `i`: a `table.column` or a catalog phrase that names columns. */
  column(i: number, opts: { allowWeakerThanTable?: boolean } = {}): ColumnPick | undefined {
    const t = this.tokens[i];
    if (!this.free(i)) return undefined;
    if (t.kind === "qualified") {
      if (!t.table.columns.some((c) => c.name === t.column))
        reject("unknown_column", `unknown column "${t.text}": ${t.table.name} has no column ${t.column}`, {
          phrase: t.text,
          candidates: t.table.columns.map((c) => `${t.table.name}.${c.name}`),
        });
      return { phrase: t.text, candidates: [{ kind: "column", table: t.table, columns: [t.column], tier: 0 }] };
    }
    if (t.kind !== "mention") return undefined;
    const columns = t.entries.filter((e): e is ColumnEntry => e.kind === "column");
    if (columns.length === 0) return undefined;
    const bestOther = Math.min(...t.entries.filter((e) => e.kind !== "column").map((e) => e.tier));
    const bestColumn = Math.min(...columns.map((e) => e.tier));
    if (!opts.allowWeakerThanTable && bestOther <= bestColumn) return undefined;
    return { phrase: t.text, candidates: columns };
  }

  /** Sample-value entries of a mention, when a value is its most direct reading. */
  values(i: number): ValueEntry[] | undefined {
    const t = this.tokens[i];
    if (!this.free(i) || t.kind !== "mention") return undefined;
    const values = t.entries.filter((e): e is ValueEntry => e.kind === "value");
    if (values.length === 0) return undefined;
    const bestOther = Math.min(...t.entries.filter((e) => e.kind !== "value").map((e) => e.tier));
    return Math.min(...values.map((e) => e.tier)) <= bestOther ? values : undefined;
  }
}
