import type { PlanResult } from "@/lib/planner/types";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { isExistsFilter } from "@/lib/spec/clauses";
import { readingQuestion } from "./ask";
import type { Candidate } from "./build-spec";

/** Readings closer than this build their table only when they build the same table. */
export const CLEAR_MARGIN = 0.5;
const JOIN_COST = 0.3;

/** The table a spec builds, without the words it was read from: readings that agree here agree. */
function tableOf(spec: EtlSpec): string {
  return JSON.stringify(spec, (key, value) =>
    key === "phrase" || key === "renamePhrase" || key === "target" ? undefined : value,
  );
}

/**
 * Score: each reading's grounding strength, less a cost per join, plus what the data and the
 * model confirm (a verb the column is known by). The best reading wins when the next reading
 * that builds a different table is a clear margin behind; otherwise the request is ambiguous,
 * and the refusal carries the question that settles it.
 */
export function chooseReading(candidates: (Candidate & { strength: number })[], fuzzy: string[]): PlanResult {
  const scored = candidates.map((c) => ({
    ...c,
    score: c.strength + c.bonus - JOIN_COST * c.joins,
    table: tableOf(c.spec),
  }));
  scored.sort((a, b) => b.score - a.score || (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
  const best = scored[0];
  const rival = scored.find((c) => c.table !== best.table);
  const margin = rival ? best.score - rival.score : Infinity;
  if (rival && margin < CLEAR_MARGIN) {
    const close = scored.filter((c) => best.score - c.score < CLEAR_MARGIN);
    const choices = [...new Set(close.map((c) => describe(c.spec)))];
    // One choice per table, the likeliest reading of each first: the question a person answers.
    const tables = close.filter((c, i) => close.findIndex((d) => d.table === c.table) === i);
    if (choices.length > 1)
      return {
        ok: false,
        code: "ambiguous",
        message: `the request reads in ${choices.length} ways that build different tables: ${choices.join("; ")}`,
        candidates: choices,
        questions: [
          readingQuestion(
            best.spec.prompt,
            tables.map((c) => c.spec),
          ),
        ],
      };
  }
  const confidence = Math.round(Math.min(1, 0.5 + Math.min(margin, 2) / 4 - 0.1 * fuzzy.length) * 100) / 100;
  const notes = [...best.notes, ...fuzzy.map((f) => `read "${f}" as a misspelling`)];
  return { ok: true, spec: best.spec, confidence: Math.max(0.05, confidence), notes };
}

function describe(spec: EtlSpec): string {
  const cols = spec.columns
    .map((c) =>
      c.expr.kind === "aggregate"
        ? `${c.expr.fn}(${c.expr.arg.kind === "column" ? `${c.expr.arg.column.source}.${c.expr.arg.column.column}` : "*"})`
        : c.name,
    )
    .join(", ");
  const filters = spec.filters
    .map((f) =>
      isExistsFilter(f)
        ? `${f.op} ${f.path.map((s) => s.table).join(">")}`
        : f.op === "expression"
          ? `${f.sql} ${f.compare} ${f.value}`
          : `${f.column.source}.${f.column.column} ${f.op}`,
    )
    .join(", ");
  return `${spec.sources.map((s) => s.table).join("+")}: ${cols}${filters ? ` where ${filters}` : ""}`;
}
