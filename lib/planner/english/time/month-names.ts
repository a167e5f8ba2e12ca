import type { AnnotatedToken } from "@/lib/planner/english/types";

// Month names and their short forms come from the platform's date formatter rather than a
// hand-written list; "sept" is the one common short form it does not produce.
const MONTHS = new Map<string, number>([["sept", 9]]);
for (let m = 0; m < 12; m++) {
  for (const style of ["long", "short"] as const) {
    const name = new Intl.DateTimeFormat("en-US", { month: style, timeZone: "UTC" }).format(
      new Date(Date.UTC(2000, m, 1)),
    );
    MONTHS.set(name.toLowerCase(), m + 1);
  }
}

/**
 * The month (1–12) a token names, or undefined. "may" and "march" are also verbs: the tagger's
 * reading decides ("may I…", "march on"), and a short form may carry its full stop ("Jan.").
 */
export function monthOf(token: AnnotatedToken | undefined): number | undefined {
  if (!token || token.kind !== "word") return undefined;
  const month = MONTHS.get(token.normal.replace(/\.$/, ""));
  if (month === undefined) return undefined;
  if (token.pos === "AUX" || token.pos === "VERB") return undefined;
  return month;
}
