import { AppError } from "@/lib/errors";

const NICKNAMES: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
// Minutes, hours and months: numbers (or month names), ranges, lists and steps, all of which
// EventBridge reads as cron does.
const LIST_FIELD = /^(\*|[0-9A-Z]+(-[0-9A-Z]+)?)(\/\d+)?(,(\*|[0-9A-Z]+(-[0-9A-Z]+)?)(\/\d+)?)*$/;
// Day of month adds L (last day), LW (last weekday) and nW (weekday nearest n).
const DAY_OF_MONTH = /^(L|LW|\d{1,2}W|(\*|\d{1,2}(-\d{1,2})?)(\/\d+)?(,(\*|\d{1,2}(-\d{1,2})?)(\/\d+)?)*)$/;

function refuse(cron: string, why: string): never {
  throw new AppError("bad_request", `"${cron}" cannot be an EventBridge schedule: ${why}.`);
}

/** A cron day of the week (0-7 or SUN-SAT, 0 and 7 both Sunday) as a day index 0-6. */
function dayIndex(cron: string, token: string): number {
  const byName = DAY_NAMES.indexOf(token);
  if (byName >= 0) return byName;
  if (!/^\d$/.test(token) || Number(token) > 7) refuse(cron, `"${token}" is not a day of the week`);
  return Number(token) % 7;
}

/**
 * Cron's day of the week (0 or 7 = Sunday) in EventBridge's numbering (1 = Sunday … 7 = Saturday).
 * Lists, ranges and steps are spelled out as the days they name, then written back as ranges:
 * EventBridge takes no step in this field, and a cron range through Sunday ("5-7") is not one there.
 */
function convertDayOfWeek(cron: string, field: string): string {
  const nth = /^([0-7]|[A-Z]{3})(#[1-5]|L)$/.exec(field);
  if (nth) return `${dayIndex(cron, nth[1]) + 1}${nth[2]}`;
  const days = new Set<number>();
  for (const part of field.split(",")) {
    const match = /^(\*|[0-7A-Z]+)(?:-([0-7A-Z]+))?(?:\/(\d+))?$/.exec(part);
    if (!match) refuse(cron, `EventBridge cannot read "${part}" in the day of the week`);
    const [, start, end, stepBy] = match;
    const step = stepBy ? Number(stepBy) : 1;
    if (step < 1) refuse(cron, `"${part}" steps by zero`);
    const from = start === "*" ? 0 : dayIndex(cron, start);
    // "5-7" ends on Sunday as 7, not 0; a bare start with a step ("1/2") runs to Saturday.
    let to = from;
    if (start === "*" || (end === undefined && stepBy)) to = 6;
    else if (end !== undefined) to = end === "7" ? 7 : dayIndex(cron, end);
    if (to < from) refuse(cron, `"${part}" is a range that ends before it starts`);
    for (let day = from; day <= to; day += step) days.add(day % 7);
  }
  const numbers = [...days].map((day) => day + 1).sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    runs.push(j > i ? `${numbers[i]}-${numbers[j]}` : `${numbers[i]}`);
    i = j + 1;
  }
  return runs.join(",");
}

/**
 * Turns a pipeline's cron expression (5 fields, or 6 with seconds first, as croner reads it) into an
 * EventBridge Scheduler expression, `cron(minutes hours day-of-month month day-of-week year)`.
 * EventBridge wants one of the two day fields to be `?`, numbers Sunday 1, and fires once a minute
 * at most; what it cannot express the same way (a seconds field other than 0, both a day of the
 * month and a day of the week, which cron reads as either) is refused with a bad_request AppError
 * that says why, before anything is saved.
 */
export function toEventBridgeCron(cron: string): string {
  const trimmed = cron.trim().replace(/\s+/g, " ");
  const expanded = NICKNAMES[trimmed.toLowerCase()] ?? trimmed;
  if (expanded.startsWith("@")) refuse(cron, `EventBridge has no "${expanded}"`);
  let fields = expanded.toUpperCase().split(" ");
  if (fields.length === 6) {
    if (!/^0{1,2}$/.test(fields[0]))
      refuse(cron, "it has a seconds field, and EventBridge fires at most once a minute, on the minute");
    fields = fields.slice(1);
  }
  if (fields.length !== 5) refuse(cron, "give 5 fields (minute hour day-of-month month day-of-week)");
  const [minutes, hours, dayOfMonth, month, dayOfWeek] = fields;
  for (const [name, value] of [
    ["minute", minutes],
    ["hour", hours],
    ["month", month],
  ] as const) {
    if (!LIST_FIELD.test(value)) refuse(cron, `EventBridge cannot read "${value}" in the ${name}`);
  }
  const anyDayOfMonth = dayOfMonth === "*" || dayOfMonth === "?";
  const anyDayOfWeek = dayOfWeek === "*" || dayOfWeek === "?";
  if (!anyDayOfMonth && !anyDayOfWeek)
    refuse(
      cron,
      "it names both days of the month and days of the week (cron fires on either); EventBridge takes one of them",
    );
  if (!anyDayOfMonth && !DAY_OF_MONTH.test(dayOfMonth))
    refuse(cron, `EventBridge cannot read "${dayOfMonth}" in the day of the month`);
  const [monthDays, weekDays] = anyDayOfWeek
    ? [anyDayOfMonth ? "*" : dayOfMonth, "?"]
    : ["?", convertDayOfWeek(cron, dayOfWeek)];
  return `cron(${minutes} ${hours} ${monthDays} ${month} ${weekDays} *)`;
}
