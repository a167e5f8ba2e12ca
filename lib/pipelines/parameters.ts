import { z } from "zod";
import { AppError } from "@/lib/errors";
import { checkPlainText } from "@/lib/input/plain-text";
import type { Literal } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { addToDate, calendarDistance, isIsoDate, type DateUnit } from "./dates";

export const PARAMETER_TYPES = ["text", "number", "date", "boolean"] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];
export type ParameterValue = string | number | boolean;

export const ParameterNameSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    "must be a lowercase name of letters, digits and _ (at most 40), e.g. country or start_date",
  );

/** A parameter of a pipeline version: its name, type and the value a run gets by default. */
export const PipelineParameterSchema = z.object({
  name: ParameterNameSchema,
  type: z.enum(PARAMETER_TYPES),
  default: z.union([z.string(), z.number(), z.boolean()]),
});
export type PipelineParameter = z.infer<typeof PipelineParameterSchema>;

/** A value of the spec that a parameter can stand for: a filter's value or date, or a HAVING bound. */
export type ParameterSlot = { path: (string | number)[]; label: string; value: Literal; type: ParameterType };

const PLACEHOLDER = /^\{\{\s*([a-z][a-z0-9_]*)\s*(?:([+-])\s*(\d{1,4})\s*(day|week|month|year)s?\s*)?\}\}$/;
const INLINE_PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

const typeOfLiteral = (value: Literal): ParameterType =>
  typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : isIsoDate(value) ? "date" : "text";

/** Every value of `spec` a parameter may replace, in the spec's order, with where it is. */
export function listParameterSlots(spec: EtlSpec): ParameterSlot[] {
  const slots: ParameterSlot[] = [];
  spec.filters.forEach((filter, i) => {
    // The conditions inside an existence check are not offered as parameters.
    if (!("column" in filter)) return;
    const column = `${filter.column.source}.${filter.column.column}`;
    const add = (path: (string | number)[], value: Literal | undefined, label: string) => {
      if (value !== undefined) slots.push({ path: ["filters", i, ...path], value, label, type: typeOfLiteral(value) });
    };
    if (filter.op === "between") {
      add(["low"], filter.low, `${column} from`);
      add(["high"], filter.high, `${column} up to`);
    } else if (filter.op === "in" || filter.op === "not_in") {
      filter.values.forEach((value, j) =>
        add(["values", j], value, `${column} ${filter.op === "in" ? "in" : "not in"}`),
      );
    } else if (filter.op === "date_range") {
      add(["from"], filter.from, `${column} from (inclusive)`);
      add(["to"], filter.to, `${column} before`);
    } else if ("value" in filter) {
      add(["value"], filter.value, `${column} ${filter.op}`);
    }
  });
  spec.having.forEach((having, i) =>
    slots.push({
      path: ["having", i, "value"],
      value: having.value,
      label: `${having.output} ${having.op}`,
      type: "number",
    }),
  );
  return slots;
}

/** Reads a parameter's value from text (a CLI argument, a form field) or JSON, as its type says. */
export function parseParameterValue(parameter: { name: string; type: ParameterType }, raw: unknown): ParameterValue {
  const bad = (what: string) => new AppError("bad_request", `Parameter ${parameter.name} must be ${what}.`);
  if (parameter.type === "number") {
    const value =
      typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value)) throw bad("a number");
    return value;
  }
  if (parameter.type === "boolean") {
    if (raw === true || raw === "true") return true;
    if (raw === false || raw === "false") return false;
    throw bad("true or false");
  }
  if (typeof raw !== "string") throw bad(parameter.type === "date" ? "a date (YYYY-MM-DD)" : "text");
  if (parameter.type === "date") {
    if (!isIsoDate(raw.trim())) throw bad("a date written YYYY-MM-DD");
    return raw.trim();
  }
  const problem = checkPlainText(`value of ${parameter.name}`, raw);
  if (problem) throw new AppError("bad_request", problem);
  if (raw.length === 0 || raw.length > 500) throw bad("text of 1 to 500 characters");
  return raw;
}

const sameValue = (a: Literal, b: ParameterValue) =>
  typeof a === "number" && typeof b === "number" ? a === b : String(a) === String(b);

function getAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], root);
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
}

/** What a user asks for: a name and type with either the slot (web form) or the default value (CLI). */
export type ParameterRequest = { name: string; type?: ParameterType; default?: string; path?: (string | number)[] };

/**
 * The spec as a template: each requested parameter's slots hold `{{name}}`. On the command line
 * a parameter replaces every value equal to its default; in the web form it names its slot.
 * Making the start of a date range a parameter keeps the range's length: its end becomes
 * `{{name + 1 month}}` (or however long the range was). Throws a bad_request AppError that
 * lists the spec's values when a parameter matches none of them.
 */
export function makeTemplate(
  spec: EtlSpec,
  requests: ParameterRequest[],
): { template: EtlSpec; parameters: PipelineParameter[] } {
  const slots = listParameterSlots(spec);
  const template = structuredClone(spec) as EtlSpec;
  const taken = new Set<string>();
  const parameters: PipelineParameter[] = [];
  const described = slots.map((s) => `${s.label} ${JSON.stringify(s.value)} (${s.type})`).join("; ") || "none";
  for (const request of requests) {
    const name = ParameterNameSchema.safeParse(request.name);
    if (!name.success)
      throw new AppError("bad_request", `Parameter name "${request.name}" ${name.error.issues[0].message}.`);
    if (parameters.some((p) => p.name === request.name))
      throw new AppError("bad_request", `Parameter ${request.name} is given twice.`);
    let matches: ParameterSlot[];
    let type: ParameterType;
    if (request.path) {
      const slot = slots.find((s) => JSON.stringify(s.path) === JSON.stringify(request.path));
      if (!slot) throw new AppError("bad_request", `Parameter ${request.name} names no value of the spec.`);
      matches = [slot];
      type = request.type ?? slot.type;
    } else {
      type = request.type ?? "text";
      const wanted = parseParameterValue({ name: request.name, type }, request.default ?? "");
      matches = slots.filter((s) => s.type === type && sameValue(s.value, wanted));
      if (matches.length === 0)
        throw new AppError(
          "bad_request",
          `No ${type} value of the spec equals ${JSON.stringify(request.default)} for parameter ${request.name}; its values are: ${described}.`,
        );
    }
    for (const slot of matches) {
      const key = JSON.stringify(slot.path);
      if (taken.has(key))
        throw new AppError(
          "bad_request",
          `Parameter ${request.name} stands for a value another parameter already took (${slot.label}).`,
        );
      if (slot.type !== type)
        throw new AppError(
          "bad_request",
          `Parameter ${request.name} is ${type}, but ${slot.label} holds a ${slot.type}.`,
        );
      taken.add(key);
      setAt(template, slot.path, `{{${request.name}}}`);
    }
    keepRangeLengths(spec, template, matches, request.name, taken);
    parameters.push({ name: request.name, type, default: matches[0].value });
  }
  return { template, parameters };
}

function keepRangeLengths(
  spec: EtlSpec,
  template: EtlSpec,
  matches: ParameterSlot[],
  name: string,
  taken: Set<string>,
) {
  for (const slot of matches) {
    if (slot.path[0] !== "filters" || slot.type !== "date") continue;
    const filter = spec.filters[slot.path[1] as number];
    if (filter.op !== "date_range" || !filter.from || !filter.to) continue;
    const other = slot.path[2] === "from" ? "to" : "from";
    const otherPath = ["filters", slot.path[1], other];
    if (taken.has(JSON.stringify(otherPath))) continue;
    const distance = calendarDistance(filter.from, filter.to);
    if (!distance) continue;
    const sign = other === "to" ? "+" : "-";
    setAt(
      template,
      otherPath,
      `{{${name} ${sign} ${distance.count} ${distance.unit}${distance.count === 1 ? "" : "s"}}}`,
    );
    taken.add(JSON.stringify(otherPath));
  }
}

/** The parameter values of a run: the given ones read by type, the rest their defaults. */
export function resolveParameterValues(
  parameters: PipelineParameter[],
  given: Record<string, unknown> = {},
): Record<string, ParameterValue> {
  for (const name of Object.keys(given)) {
    if (!parameters.some((p) => p.name === name)) {
      const known = parameters.map((p) => p.name).join(", ") || "none";
      throw new AppError("bad_request", `This pipeline has no parameter ${name} (its parameters: ${known}).`);
    }
  }
  return Object.fromEntries(
    parameters.map((p) => [p.name, Object.hasOwn(given, p.name) ? parseParameterValue(p, given[p.name]) : p.default]),
  );
}

function fillPlaceholder(text: string, values: Record<string, ParameterValue>): unknown {
  const match = PLACEHOLDER.exec(text);
  if (!match) return text;
  const [, name, sign, count, unit] = match;
  if (!Object.hasOwn(values, name))
    throw new AppError("bad_request", `The spec uses {{${name}}}, which is not a parameter of this pipeline.`);
  const value = values[name];
  if (!sign) return value;
  if (typeof value !== "string" || !isIsoDate(value))
    throw new AppError("bad_request", `{{${name} ${sign} ${count} ${unit}}} needs ${name} to be a date.`);
  return addToDate(value, Number(count) * (sign === "-" ? -1 : 1), unit as DateUnit);
}

function fill(node: unknown, values: Record<string, ParameterValue>): unknown {
  if (typeof node === "string") return fillPlaceholder(node, values);
  if (Array.isArray(node)) return node.map((item) => fill(item, values));
  if (node && typeof node === "object")
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, fill(item, values)]));
  return node;
}

/** A template's spec with each `{{name}}` (and `{{name + 1 month}}`) replaced by its value. */
export function fillTemplate(template: unknown, values: Record<string, ParameterValue>): unknown {
  return fill(template, values);
}

/**
 * A target name with each `{{name}}` replaced by its value in snake_case
 * (`sales_{{country}}` with country "New Zealand" is `sales_new_zealand`).
 */
export function fillTargetName(template: string, values: Record<string, ParameterValue>): string {
  return template.replace(INLINE_PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(values, name))
      throw new AppError("bad_request", `The target name uses {{${name}}}, which is not a parameter of this pipeline.`);
    return String(values[name])
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
  });
}

/** The parameters a target name template uses. */
export function targetParameters(template: string): string[] {
  return [...template.matchAll(INLINE_PLACEHOLDER)].map((m) => m[1]);
}
