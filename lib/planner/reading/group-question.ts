import pluralize from "pluralize";
import type { Part } from "./parts";

type Grain = Extract<Part, { k: "grain" }>;
type Subject = Extract<Part, { k: "subject" }>;

/**
 * Rows named in the plural and grouped "per" or "for each" something, with nothing else counted
 * or added up, are counted: by a dimension, or by a period of the one date the rows are known by
 * (their only date, or the one named after them, as `order_date` of orders). Otherwise the
 * question to ask: after "by" the rows may be listed in that order, and "employees per year" may
 * count them by the year they were hired or born.
 */
export function groupQuestion(grouped: Grain[], subjects: Subject[]): string | undefined {
  const [g] = grouped;
  const open = `"${g.phrase}" groups the rows but names nothing to count or add up: a count per group, or the rows listed by it?`;
  if (subjects.length !== 1) return open;
  const [{ entity, phrase }] = subjects;
  const noun = phrase.split(/\s+/).at(-1) ?? "";
  if (!pluralize.isPlural(noun) || pluralize.isSingular(noun) || grouped.some((x) => /^by\b/i.test(x.phrase)))
    return open;
  const names = [entity.name, ...(entity.words ?? [])];
  const ownDate =
    entity.timeDimensions.length === 1 ||
    entity.timeDimensions.some((t) => t.default && t.words.some((w) => names.some((n) => w.startsWith(`${n} `))));
  // "employees per hire year": the period of a date the request names.
  if (ownDate || grouped.every((x) => !x.bucket || x.attr)) return undefined;
  const dates = [...entity.timeDimensions].sort((a, b) => Number(!!b.default) - Number(!!a.default));
  if (dates.length < 2) return open;
  const short = (t: (typeof dates)[number]) => t.synonyms?.[0] ?? t.words[0];
  return `"${g.phrase}" counts ${entity.plural} by a date, and none is obviously theirs: say which, e.g. "${entity.plural} per ${short(dates[0])} ${g.bucket}" (their dates: ${dates.map((t) => t.words[0]).join(", ")})`;
}
