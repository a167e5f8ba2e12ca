import type { Span, TokenRange } from "@/lib/planner/english/types";

/**
 * A calendar period named by its words: "2023", "H1 2024", "Q3 2024", "March 2024",
 * "March 5, 2024", "Jan 1-7 2025". Without a year ("since March") it is anchored to the
 * as-of date later. With an `edge` it is the instant at the period's start or end ("the start
 * of 1998"), not the period.
 */
export type CalendarPeriod = {
  kind: "calendar";
  granularity: "year" | "half" | "quarter" | "month" | "day";
  year?: number;
  half?: 1 | 2;
  quarter?: 1 | 2 | 3 | 4;
  /** 1–12. */
  month?: number;
  day?: number;
  /** The last day of a run of days ("Jan 1-7 2025" → day 1, lastDay 7). */
  lastDay?: number;
  edge?: "start" | "end";
  /** The year came from the period that follows ("between March 1 and March 15, 2005"). */
  yearFromNext?: boolean;
};

export type RelativeUnit = "day" | "week" | "month" | "quarter" | "year";

/**
 * A period counted from the as-of date, which this layer never reads: the next layers give it.
 * - previous: the whole unit(s) before the current one ("last month", "previous quarter")
 * - current: the unit the as-of date is in ("this year")
 * - next: the unit after the current one ("next month")
 * - rolling: the `count` units that end on the as-of day ("last 30 days", "past 3 months")
 * - to-date: from the start of the current unit to the as-of day ("year to date", "MTD")
 * - ago: the day `count` units before the as-of day ("3 months ago"), an instant
 */
export type RelativePeriod = {
  kind: "relative";
  unit: RelativeUnit;
  count: number;
  anchor: "previous" | "current" | "next" | "rolling" | "to-date" | "ago";
};

export type Period = CalendarPeriod | RelativePeriod;

/**
 * How a period bounds the rows, as [start, end):
 * in → [period start, period end); since → [period start, ∞); after → [period end, ∞);
 * before → (−∞, period start); through → (−∞, period end);
 * between → [first period start, second period end).
 */
export type TimeOperator = "in" | "since" | "after" | "before" | "through" | "between";

/** A time phrase: its operator (ours), its period(s) and where it sits in the prompt. */
export type TimeExpression = {
  operator: TimeOperator;
  /** The words that carry the operator ("since", "prior to", "onwards"); "" when implied ("2023 revenue"). */
  operatorText: string;
  period: Period;
  /** The second period of "between X and Y" / "from X to Y". */
  until?: Period;
  tokens: TokenRange;
  span: Span;
  text: string;
  /** The half-open range as ISO dates, when the words alone fix it (no relative or yearless period). */
  range?: { start?: string; end?: string };
};
