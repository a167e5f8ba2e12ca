import { readCalendarPeriod } from "@/lib/planner/english/time/calendar-periods";
import {
  FILLERS,
  LEADING_OPERATORS,
  QUANTITY_LEADS,
  RANGE_OPENERS,
  RELATIVE_ONLY_OPERATORS,
  TRAILING_OPERATORS,
} from "@/lib/planner/english/time/operators";
import { expressionRange } from "@/lib/planner/english/time/period-range";
import { readRelativePeriod } from "@/lib/planner/english/time/relative-periods";
import type { Period, TimeExpression, TimeOperator } from "@/lib/planner/english/time/types";
import type { AnnotatedToken } from "@/lib/planner/english/types";

type PeriodRead = { period: Period; next: number; until?: Period };

/**
 * Finds the time phrases of a prompt, left to right, and marks their tokens. A phrase is an
 * optional operator ("since", "prior to", "in the"), one period, or two joined as a range
 * ("between X and Y", "from X to Y", "2020-2022"), and an optional trailing operator
 * ("onwards"). Periods coordinated with "and"/"or" share the first one's operator, and a
 * period without a year takes it from the one after ("between March 1 and March 15, 2005").
 */
export function markTimeExpressions(tokens: AnnotatedToken[], prompt: string): void {
  let previous: TimeExpression | null = null;
  for (let i = 0; i < tokens.length; ) {
    const found: TimeExpression | null =
      readExpression(tokens, prompt, i) ?? readCoordinated(tokens, prompt, i, previous);
    if (!found) {
      if (tokens[i].kind !== "punctuation" && !["and", "or"].includes(tokens[i].normal)) previous = null;
      i++;
      continue;
    }
    if (previous?.period.kind === "calendar" && previous.tokens.end <= i) borrowYear(previous, found);
    for (let k = found.tokens.start; k < found.tokens.end; k++) tokens[k].time = found;
    previous = found;
    i = found.tokens.end;
  }
  for (const t of tokens) if (t.time) t.time.range = expressionRange(t.time);
}

function readExpression(tokens: AnnotatedToken[], prompt: string, i: number): TimeExpression | null {
  const lead = readLead(tokens, i);
  const at = skipFillers(tokens, lead ? lead.next : i);
  const first = readPeriod(tokens, prompt, at);
  if (!first) return null;
  if (
    !lead &&
    first.period.kind === "calendar" &&
    first.period.granularity === "year" &&
    !first.until &&
    !bareYearIsTime(tokens, at, first.next)
  )
    return null;
  if (lead && RELATIVE_ONLY_OPERATORS.has(lead.text) && first.period.kind !== "relative") return null;
  const isRange = lead?.text === "between" || lead?.text === "from";

  // Without an operator, "the" before a calendar period belongs to the noun phrase ("the 2023 orders").
  const start = !lead && first.period.kind === "calendar" ? at : i;
  const opener = RANGE_OPENERS[isRange ? lead.text : lead ? "none" : ""];
  if (first.until)
    return build(tokens, prompt, start, first.next, "between", lead?.text ?? "", first.period, first.until);
  if (opener && opener.has(tokens[first.next]?.normal ?? "")) {
    const second = readPeriod(tokens, prompt, skipFillers(tokens, first.next + 1));
    if (second && !second.until) {
      if (
        first.period.kind === "calendar" &&
        second.period.kind === "calendar" &&
        first.period.year === undefined &&
        second.period.year !== undefined
      )
        first.period = { ...first.period, year: second.period.year, yearFromNext: true };
      return build(
        tokens,
        prompt,
        start,
        second.next,
        "between",
        lead?.text || tokens[first.next].normal,
        first.period,
        second.period,
      );
    }
  }
  // "between" needs its second period; without it the words are not a time phrase.
  if (lead?.text === "between") return null;
  // "March 2024 or later" ends the phrase; "before March or after June" starts another one.
  const trailing = matchWords(tokens, first.next, TRAILING_OPERATORS);
  if (trailing && !readPeriod(tokens, prompt, skipFillers(tokens, trailing.next)))
    return build(
      tokens,
      prompt,
      start,
      trailing.next,
      trailing.operator,
      [lead?.text, trailing.text].filter(Boolean).join(" \u2026 "),
      first.period,
    );
  return build(tokens, prompt, start, first.next, lead?.operator ?? "in", lead?.text ?? "", first.period);
}

/** "in 2023 and 2024", "in January or February 2018": the second period shares the operator. */
function readCoordinated(
  tokens: AnnotatedToken[],
  prompt: string,
  i: number,
  previous: TimeExpression | null,
): TimeExpression | null {
  if (!previous || previous.operator === "between") return null;
  const joiner = tokens[i]?.normal;
  if (joiner !== "and" && joiner !== "or" && joiner !== ",") return null;
  if (previous.tokens.end !== i) return null;
  const second = readPeriod(tokens, prompt, i + 1);
  if (!second || second.until) return null;
  return build(tokens, prompt, i + 1, second.next, previous.operator, "", second.period);
}

function readLead(tokens: AnnotatedToken[], i: number): { operator: TimeOperator; text: string; next: number } | null {
  const t = tokens[i];
  if (t && RELATIVE_ONLY_OPERATORS.has(t.normal)) return { operator: "in", text: t.normal, next: i + 1 };
  if (t?.normal === "between") return { operator: "between", text: "between", next: i + 1 };
  return matchWords(tokens, i, LEADING_OPERATORS);
}

function matchWords(tokens: AnnotatedToken[], i: number, table: { words: string[]; operator: TimeOperator }[]) {
  for (const { words, operator } of table) {
    if (words.every((w, k) => tokens[i + k]?.normal === w))
      return { operator, text: words.join(" "), next: i + words.length };
  }
  return null;
}

function skipFillers(tokens: AnnotatedToken[], k: number): number {
  while (tokens[k] && FILLERS.has(tokens[k].normal)) k++;
  if (tokens[k]?.lemma === "year" && tokens[k + 1]?.number?.yearLike) k++;
  return k;
}

function readPeriod(tokens: AnnotatedToken[], prompt: string, k: number): PeriodRead | null {
  return readRelativePeriod(tokens, k) ?? readCalendarPeriod(tokens, prompt, k);
}

/**
 * A four-digit number with no operator is a year ("2004 revenue", "quarterly sales 2023")
 * unless a word before it makes it a quantity ("over 2000", "top 2000"), it is the second
 * bound of a numeric range ("between 500 and 2000"), or a word after it counts it ("2000+",
 * "2000 or more").
 */
function bareYearIsTime(tokens: AnnotatedToken[], at: number, next: number): boolean {
  const before = tokens[at - 1];
  if (before && QUANTITY_LEADS.has(before.normal)) return false;
  if (
    before &&
    ["and", "to", "or"].includes(before.normal) &&
    tokens[at - 2]?.kind === "number" &&
    !tokens[at - 2].number?.yearLike
  )
    return false;
  const after = tokens[next];
  if (after && after.text === "+" && !after.spaceBefore) return false;
  if (
    after?.normal === "or" &&
    ["more", "less", "fewer", "over", "under", "above", "below"].includes(tokens[next + 1]?.normal ?? "")
  )
    return false;
  return true;
}

function borrowYear(previous: TimeExpression, found: TimeExpression): void {
  const own = previous.period;
  if (
    own.kind !== "calendar" ||
    own.year !== undefined ||
    found.period.kind !== "calendar" ||
    found.period.year === undefined
  )
    return;
  previous.period = { ...own, year: found.period.year, yearFromNext: true };
}

function build(
  tokens: AnnotatedToken[],
  prompt: string,
  start: number,
  end: number,
  operator: TimeOperator,
  operatorText: string,
  period: Period,
  until?: Period,
): TimeExpression {
  const span = { start: tokens[start].span.start, end: tokens[end - 1].span.end };
  return {
    operator,
    operatorText,
    period,
    ...(until && { until }),
    tokens: { start, end },
    span,
    text: prompt.slice(span.start, span.end),
  };
}
