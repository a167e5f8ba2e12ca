import type { Catalog } from "@/lib/catalog/types";
import { isIsoDate } from "@/lib/pipelines/dates";
import { checkEditedSpec } from "@/lib/review/check-plan";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { escapeRegExp } from "@/lib/text/escape-regexp";
import { snake } from "@/lib/planner/reading/build-sources";
import { exampleSlots, type ExampleSlot } from "./example-slots";

/** A request a person marked right, with the spec that built it. */
export type VerifiedExample = { id: string; prompt: string; spec: EtlSpec; by: string | null; runId: string | null };

export type ExamplePlan = { spec: EtlSpec; notes: string[]; exampleId: string };

/** Words compared as a person reads them: case, runs of spaces and the closing full stop do not count. */
const normalise = (prompt: string) =>
  prompt
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.!?]+$/, "");

const SLOT_PATTERN: Record<ExampleSlot["kind"], string> = {
  number: "(\\d[\\d,]*(?:\\.\\d+)?)",
  count: "([1-9]\\d{0,5})",
  year: "((?:19|20)\\d\\d)",
  date: "(\\d{4}-\\d{2}-\\d{2})",
  text: "(.+?)",
};

/** The example's prompt with each slot open: the rest must be said again word for word. */
function templateOf(prompt: string, slots: ExampleSlot[]): RegExp {
  let pattern = "";
  let at = 0;
  for (const slot of slots) {
    pattern += literal(prompt.slice(at, slot.start)) + SLOT_PATTERN[slot.kind];
    at = slot.end;
  }
  pattern += literal(prompt.slice(at));
  return new RegExp(`^${pattern}$`, "iu");
}

const literal = (text: string) => text.split(/\s+/).map(escapeRegExp).join("\\s+");

type Filled = { value: string | number; written: string };

/**
 * The value the new words give a slot, in the spec's terms, or null when it cannot stand there:
 * a text value must be one the column holds (in the column's own spelling) unless the example
 * quoted it; numbers, counts, years and dates must be written as such.
 */
function fill(slot: ExampleSlot, written: string, sampleValues: Record<string, string[]>): Filled | null {
  if (slot.kind === "text") {
    const known = slot.column ? sampleValues[slot.column] : undefined;
    const stored = known?.find((value) => value.toLowerCase() === written.toLowerCase());
    if (stored !== undefined) return { value: stored, written };
    return slot.quoted && written.length <= 200 && !/["'“”‘’]/.test(written) ? { value: written, written } : null;
  }
  if (slot.kind === "date") return isIsoDate(written) ? { value: written, written } : null;
  const value = Number(written.replace(/,/g, ""));
  return Number.isFinite(value) ? { value, written } : null;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
  (parent as Record<string | number, unknown>)[path.at(-1)!] = value;
}

/** Every clause's phrase says the new words where it said the old ones, so the plan reads as the request. */
function rephrase(node: unknown, changes: { from: string; to: string }[]): void {
  if (Array.isArray(node)) {
    for (const item of node) rephrase(item, changes);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === "phrase" && typeof value === "string")
      record[key] = changes.reduce(
        (phrase, { from, to }) =>
          phrase.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(from)}(?![\\p{L}\\p{N}])`, "giu"), to),
        value,
      );
    else rephrase(value, changes);
  }
}

/** The example's table name with an old value's words swapped for the new one's, where the name holds them. */
function renameTarget(table: string, changes: { from: string; to: string }[]): string {
  const renamed = changes.reduce((name, { from, to }) => {
    // Named as the planner names tables, so the old value's words are found as it wrote them.
    const [old, now] = [snake(from), snake(to)];
    return /[A-Za-z0-9]/.test(from) && /[A-Za-z0-9]/.test(to)
      ? name.replace(new RegExp(`(^|_)${old}(?=_|$)`), `$1${now}`)
      : name;
  }, table);
  return /^[a-z][a-z0-9_]{0,62}$/.test(renamed) ? renamed : table;
}

/**
 * Plans a request from the first verified example that says the same up to its values: the
 * example's spec with the new values in place, checked against today's catalog like any plan.
 * Null when no example fits; the planner then reads the request as usual. An example whose
 * spec was read against a relative period ("last month") is not reused: its dates would be stale.
 */
export function planFromVerifiedExample({
  prompt,
  examples,
  catalog,
  sampleValues = {},
}: {
  prompt: string;
  examples: VerifiedExample[];
  catalog: Catalog;
  sampleValues?: Record<string, string[]>;
}): ExamplePlan | null {
  const asked = normalise(prompt);
  for (const example of examples) {
    if (example.spec.asOf) continue;
    const said = normalise(example.prompt);
    const slots = exampleSlots(said, example.spec);
    const match = templateOf(said, slots).exec(asked);
    if (!match) continue;
    const filled = slots.map((slot, i) => fill(slot, match[i + 1], sampleValues));
    if (filled.some((f) => f === null)) continue;
    const spec = structuredClone(example.spec);
    const changes: { from: string; to: string }[] = [];
    slots.forEach((slot, i) => {
      const { value, written } = filled[i]!;
      if (slot.kind === "year") {
        setAt(spec, slot.paths[0], `${value}-01-01`);
        setAt(spec, slot.paths[1], `${Number(value) + 1}-01-01`);
      } else slot.paths.forEach((path) => setAt(spec, path, value));
      if (written.toLowerCase() !== slot.written.toLowerCase()) changes.push({ from: slot.written, to: written });
    });
    rephrase(spec, changes);
    spec.target = { ...spec.target, table: renameTarget(spec.target.table, changes) };
    const checked = checkEditedSpec(spec, { prompt, catalog });
    if (!checked.ok) continue;
    const source = `the verified example "${example.prompt}"${example.by ? ` (verified by ${example.by})` : ""}`;
    const note =
      changes.length === 0
        ? `planned as ${source}`
        : `planned as ${source}, with ${changes.map((c) => `"${c.to}" in place of "${c.from}"`).join(", ")}`;
    return { spec: checked.spec, notes: [note], exampleId: example.id };
  }
  return null;
}
