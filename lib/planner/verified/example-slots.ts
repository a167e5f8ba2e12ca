import { listParameterSlots } from "@/lib/pipelines/parameters";
import { isIsoDate } from "@/lib/pipelines/dates";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { escapeRegExp } from "@/lib/text/escape-regexp";

/** How a value is written in a request, and so which words may stand in its place. */
export type SlotKind = "number" | "count" | "date" | "year" | "text";

/**
 * A value of a verified spec that the example's prompt says in so many words: where it sits in
 * the spec (one path, or a year's two date bounds) and the words that said it.
 */
export type ExampleSlot = {
  kind: SlotKind;
  paths: (string | number)[][];
  /** The words of the prompt that said it, as written. */
  written: string;
  start: number;
  end: number;
  /** The spec's source column of a filter value ("table.column"), for checking a new value against its known values. */
  column?: string;
  /** The value was written in quotes, so any text may take its place. */
  quoted: boolean;
};

type Candidate = { kind: SlotKind; paths: (string | number)[][]; value: string | number; column?: string };

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/** Values of the spec a later request may change: filter and HAVING values, the row limit, a whole year. */
function candidates(spec: EtlSpec): Candidate[] {
  const tableOf = new Map(spec.sources.map((s) => [s.alias, s.table]));
  const found: Candidate[] = [];
  for (const slot of listParameterSlots(spec)) {
    const filter = slot.path[0] === "filters" ? spec.filters[slot.path[1] as number] : undefined;
    const column =
      filter && "column" in filter ? `${tableOf.get(filter.column.source)}.${filter.column.column}` : undefined;
    if (filter?.op === "date_range") continue;
    const kind: SlotKind =
      typeof slot.value === "number"
        ? "number"
        : typeof slot.value === "string" && isIsoDate(slot.value)
          ? "date"
          : "text";
    if (typeof slot.value === "boolean") continue;
    found.push({ kind, paths: [slot.path], value: slot.value, column });
  }
  // "in 2023" is stored as [2023-01-01, 2024-01-01): the year is the value the words said.
  spec.filters.forEach((filter, i) => {
    if (filter.op !== "date_range" || !filter.from || !filter.to) return;
    const year = Number(filter.from.slice(0, 4));
    if (filter.from === `${year}-01-01` && filter.to === `${year + 1}-01-01`)
      found.push({
        kind: "year",
        paths: [
          ["filters", i, "from"],
          ["filters", i, "to"],
        ],
        value: year,
      });
  });
  if (spec.limit) found.push({ kind: "count", paths: [["limit", "count"]], value: spec.limit.count });
  return found;
}

/** Where `candidate`'s value is written in the prompt: every place, so a value said twice is seen as such. */
function occurrences(prompt: string, candidate: Candidate): { start: number; end: number }[] {
  if (candidate.kind === "number" || candidate.kind === "count" || candidate.kind === "year") {
    return [...prompt.matchAll(NUMBER)]
      .filter((m) => Number(m[0].replace(/,/g, "")) === candidate.value)
      .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(String(candidate.value))}(?![\\p{L}\\p{N}_])`, "giu");
  return [...prompt.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const isQuoted = (prompt: string, start: number, end: number) =>
  /["'‘“]/.test(prompt[start - 1] ?? "") && /["'’”]/.test(prompt[end] ?? "");

/**
 * The values of a verified spec that its prompt writes exactly once, each tied to its words.
 * A value the prompt does not write as such ("over $50" stored as 5000 cents, "last month"),
 * or writes twice, or that two clauses share, is no slot: the words around it must then be
 * said again as they were, so the example is reused only where it is certain what changed.
 */
export function exampleSlots(prompt: string, spec: EtlSpec): ExampleSlot[] {
  const all = candidates(spec);
  const slots: ExampleSlot[] = [];
  for (const candidate of all) {
    const sameValue = all.filter(
      (other) => String(other.value).toLowerCase() === String(candidate.value).toLowerCase(),
    );
    if (sameValue.length > 1) continue;
    const at = occurrences(prompt, candidate);
    if (at.length !== 1) continue;
    const { start, end } = at[0];
    if (slots.some((s) => start < s.end && s.start < end)) continue;
    slots.push({
      kind: candidate.kind,
      paths: candidate.paths,
      written: prompt.slice(start, end),
      start,
      end,
      column: candidate.column,
      quoted: isQuoted(prompt, start, end),
    });
  }
  return slots.sort((a, b) => a.start - b.start);
}
