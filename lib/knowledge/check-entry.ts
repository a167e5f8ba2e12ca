import type { Catalog } from "@/lib/catalog/types";
import { TimeBucketSchema } from "@/lib/spec/clauses";

/** What an edit may be checked against: the warehouse's tables, and the words its model knows. */
export type EntryCheckContext = {
  catalog: Catalog;
  /** The single words the semantic model reads (the words a spelling question offers). */
  hasWord: (word: string) => boolean;
};

export type EntryEdit = { kind: string; phrase: string; meaning: string; previousMeaning: string };

/** The shapes of a reading's choice label that name the warehouse, and so can be checked. */
export const READING_SHAPES =
  "a column (orders.amount), a period of a date column (month of orders.order_date), a table's rows (orders rows) or a table (orders)";

/**
 * Why an edited entry would never answer a question again, or `null` when it can. The planner
 * reuses an entry when its words overlap a question's and its meaning is one of the question's
 * choice labels, word for word (see settleAnswers), so a meaning is only accepted in a shape a
 * question shows: a spelling's meaning is one word of the model; a reading's names a table or
 * column that exists. A reading shown as a sentence (a filter, a whole table) cannot be checked,
 * so it may be kept but not typed anew.
 */
export function checkEntryEdit(edit: EntryEdit, context: EntryCheckContext): Record<string, string> | null {
  const problems: Record<string, string> = {};
  if (!/[\p{L}\p{N}]/u.test(edit.phrase)) problems.phrase = "Type the words of a request, with a letter or digit.";
  else if (edit.kind === "spelling" && /\s/.test(edit.phrase))
    problems.phrase = "A misspelling is one word, as it was typed in a request.";
  if (edit.meaning !== edit.previousMeaning) {
    const problem =
      edit.kind === "spelling" ? spellingProblem(edit.meaning, context) : readingProblem(edit.meaning, context);
    if (problem) problems.meaning = problem;
  }
  return Object.keys(problems).length > 0 ? problems : null;
}

function spellingProblem(meaning: string, { hasWord }: EntryCheckContext): string | null {
  if (/\s/.test(meaning) || !hasWord(meaning))
    return `"${meaning}" is not a word of this warehouse's semantic model; a misspelling can only stand for one of its words (see the Model page).`;
  return null;
}

function readingProblem(meaning: string, { catalog }: EntryCheckContext): string | null {
  const tables = catalog.tables.filter((t) => t.name);
  const table = (name: string) => tables.find((t) => t.name === name);
  const column = (ref: string) => {
    const dot = ref.lastIndexOf(".");
    if (dot < 0) return `"${ref}" names no column: write table.column.`;
    const t = table(ref.slice(0, dot));
    if (!t) return `There is no table "${ref.slice(0, dot)}" in this warehouse.`;
    return t.columns.some((c) => c.name === ref.slice(dot + 1))
      ? null
      : `The table ${t.name} has no column "${ref.slice(dot + 1)}".`;
  };
  const period = meaning.match(/^(\w+) of (\S+)$/);
  if (period) {
    if (!TimeBucketSchema.safeParse(period[1]).success)
      return `"${period[1]}" is not a period: use ${TimeBucketSchema.options.join(", ")}.`;
    return column(period[2]);
  }
  const rows = meaning.match(/^(\S+) rows$/);
  if (rows) return table(rows[1]) ? null : `There is no table "${rows[1]}" in this warehouse.`;
  if (/^\S+$/.test(meaning))
    return meaning.includes(".")
      ? column(meaning)
      : table(meaning)
        ? null
        : `There is no table "${meaning}" in this warehouse.`;
  return `A reading's meaning must be a choice as a question shows it: ${READING_SHAPES}. To keep a reading of another kind, answer its question on a run page.`;
}
