import { conversionOf } from "@/lib/semantic-model/unit-conversion";
import { fail } from "./build-sources";
import type { Part } from "./parts";

/**
 * "total paid per order in dollars", "average payment in dollars per method": a unit written
 * apart from its measure is the unit of every measure of the request kept in a unit that
 * converts to it (a count or a date stays as it is). A unit no measure converts to is not read.
 */
export function withWantedUnit(parts: Part[]): Part[] {
  const wanted = parts.filter((p): p is Extract<Part, { k: "unit-wanted" }> => p.k === "unit-wanted");
  if (wanted.length === 0) return parts;
  if (wanted.length > 1) fail("two units for the request's measures");
  const [{ unit, unitPhrase, phrase, from }] = wanted;
  let converted = 0;
  const convert = (p: Part): Part => {
    if (
      p.k === "measure" &&
      p.target.kind === "measure" &&
      !p.target.as &&
      (from === undefined || p.target.measure.unit === from) &&
      conversionOf(p.target.measure.unit, unit)
    ) {
      converted++;
      return { ...p, target: { ...p.target, as: { unit, phrase: unitPhrase } } };
    }
    if (p.k === "having-compare") return { ...p, measure: convert(p.measure) };
    if (p.k === "top" && p.by) return { ...p, by: convert(p.by) };
    if (p.k === "sort" && p.by) return { ...p, by: convert(p.by) };
    return p;
  };
  const read = parts.filter((p) => p.k !== "unit-wanted").map(convert);
  if (converted === 0) fail(`no measure of the request is kept in a unit that converts to ${phrase}`);
  return read;
}
