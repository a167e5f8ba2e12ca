import type { AnnotatedToken } from "@/lib/planner/english";
import type { Unit } from "@/lib/semantic-model/model-schema";

// Units written out: they name a unit wherever they stand ("length in minutes", "4 kilograms").
const UNIT_NAMES: Record<string, Unit> = {
  millisecond: "ms",
  milliseconds: "ms",
  seconds: "s",
  minute: "min",
  minutes: "min",
  hour: "h",
  hours: "h",
  gram: "g",
  grams: "g",
  gramme: "g",
  grammes: "g",
  kilogram: "kg",
  kilograms: "kg",
  kilo: "kg",
  kilos: "kg",
  byte: "bytes",
  bytes: "bytes",
  kilobyte: "kb",
  kilobytes: "kb",
  megabyte: "mb",
  megabytes: "mb",
  gigabyte: "gb",
  gigabytes: "gb",
  cent: "cents",
  cents: "cents",
  dollar: "currency",
  dollars: "currency",
  buck: "currency",
  bucks: "currency",
  usd: "currency",
  euro: "currency",
  euros: "currency",
  eur: "currency",
};

// Symbols and short forms are units only after a number or after "in" ("7 min", "in kg"): "min"
// alone is the aggregate, "s" and "g" are letters, "second" is also an ordinal.
const UNIT_SYMBOLS: Record<string, Unit> = {
  ms: "ms",
  msec: "ms",
  second: "s",
  s: "s",
  sec: "s",
  secs: "s",
  min: "min",
  mins: "min",
  h: "h",
  hr: "h",
  hrs: "h",
  g: "g",
  kg: "kg",
  kgs: "kg",
  b: "bytes",
  kb: "kb",
  mb: "mb",
  gb: "gb",
  $: "currency",
  "€": "currency",
  "£": "currency",
};

/**
 * The unit a request word names, if any: "minutes", "kg", "MB", "dollars", "cents". A unit in a
 * request is what the user counts in; the column it applies to has its own (see conversionOf).
 */
export function unitOfWord(t: AnnotatedToken, previous: AnnotatedToken | undefined): Unit | undefined {
  const word = t.normal;
  if (Object.hasOwn(UNIT_NAMES, word)) return UNIT_NAMES[word];
  if (Object.hasOwn(UNIT_NAMES, t.lemma)) return UNIT_NAMES[t.lemma];
  const afterNumber = previous?.number !== undefined || previous?.normal === "in";
  return afterNumber && Object.hasOwn(UNIT_SYMBOLS, word) ? UNIT_SYMBOLS[word] : undefined;
}
