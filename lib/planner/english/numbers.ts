import type { DraftToken } from "@/lib/planner/english/assemble-tokens";
import {
  CURRENCY_SYMBOLS,
  ORDINALS,
  SCALES,
  SUFFIX_SCALES,
  TENS,
  TIMES,
  UNITS,
} from "@/lib/planner/english/number-words";
import type { NumberValue } from "@/lib/planner/english/types";

type Read = { value: number; next: number; written: "digits" | "words" };

/**
 * Reads numbers and makes each one token: digits ("1,000", "3.5k", "$20", "20%", "-5",
 * "15th"), words ("five", "twenty-five", "a dozen", "one hundred and five", "half a million",
 * "3 million", "once") and ordinals ("third"). Other tokens pass through unchanged.
 */
export function readNumbers(prompt: string, tokens: DraftToken[]): DraftToken[] {
  const out: DraftToken[] = [];
  for (let i = 0; i < tokens.length; ) {
    const found = readAt(tokens, i);
    if (!found) {
      out.push(tokens[i++]);
      continue;
    }
    const first = tokens[i];
    const last = tokens[found.next - 1];
    const text = prompt.slice(first.span.start, last.span.end);
    out.push({
      ...first,
      text,
      span: { start: first.span.start, end: last.span.end },
      kind: "number",
      pos: found.next - i > 1 ? "NUM" : first.pos,
      posSource: found.next - i > 1 ? "merged" : first.posSource,
      normal: text.toLowerCase(),
      lemma: text.toLowerCase(),
      known: true,
      number: found.number,
    });
    i = found.next;
  }
  return out;
}

function readAt(tokens: DraftToken[], i: number): { number: NumberValue; next: number } | null {
  const t = tokens[i];
  if (t.kind === "quoted" || t.kind === "identifier") return null;
  const glued = (k: number) => k < tokens.length && !tokens[k].spaceBefore;

  if (CURRENCY_SYMBOLS.has(t.text) && glued(i + 1)) {
    const amount = readDigits(tokens, i + 1);
    if (amount)
      return {
        number: { value: amount.value, written: "digits", unit: "currency", currency: t.text },
        next: amount.next,
      };
  }
  if (
    (t.text === "-" || t.text === "\u2212") &&
    glued(i + 1) &&
    (i === 0 || t.spaceBefore || tokens[i - 1].kind !== "word")
  ) {
    const amount = readDigits(tokens, i + 1);
    if (amount) return withUnit(tokens, { ...amount, value: -amount.value });
  }
  // "per second", "every second": the unit of time, not an ordinal.
  const unitAfter = ["per", "each", "every", "a"].includes(tokens[i - 1]?.normal ?? "");
  const ordinal = unitAfter ? null : readOrdinal(t);
  if (ordinal) return { number: ordinal, next: i + 1 };
  const digits = readDigits(tokens, i);
  if (digits) return withUnit(tokens, digits);
  const words = readWords(tokens, i);
  if (words) return { number: { value: words.value, written: "words" }, next: words.next };
  return null;
}

/** "20%" and "20$" take the symbol written straight after them; a plain four-digit number may be a year. */
function withUnit(tokens: DraftToken[], read: Read): { number: NumberValue; next: number } {
  const after = tokens[read.next];
  const number: NumberValue = { value: read.value, written: read.written };
  if (after && !after.spaceBefore && after.text === "%")
    return { number: { ...number, unit: "percent" }, next: read.next + 1 };
  if (after && !after.spaceBefore && CURRENCY_SYMBOLS.has(after.text))
    return { number: { ...number, unit: "currency", currency: after.text }, next: read.next + 1 };
  const last = tokens[read.next - 1];
  if (/^\d{4}$/.test(last.text) && read.value >= 1900 && read.value <= 2099) number.yearLike = true;
  return { number, next: read.next };
}

function readDigits(tokens: DraftToken[], i: number): Read | null {
  const t = tokens[i];
  if (!t || t.kind === "quoted" || t.kind === "identifier") return null;
  // The model keeps a sign written against the digits ("-5") in the number.
  const plain = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)$/.test(t.text);
  if (!plain) return null;
  const value = Number(t.text.replace(/,/g, ""));
  const after = tokens[i + 1];
  if (after && !after.spaceBefore && SUFFIX_SCALES[after.text])
    return { value: value * SUFFIX_SCALES[after.text], next: i + 2, written: "digits" };
  if (after && SCALES[after.normal] !== undefined)
    return { value: value * SCALES[after.normal], next: i + 2, written: "digits" };
  return { value, next: i + 1, written: "digits" };
}

function readOrdinal(t: DraftToken): NumberValue | null {
  const digits = /^(\d+)(?:st|nd|rd|th)$/i.exec(t.text);
  if (digits) return { value: Number(digits[1]), written: "digits", ordinal: true };
  if ((t.pos === "ADJ" || t.pos === "ADV") && ORDINALS[t.normal] !== undefined)
    return { value: ORDINALS[t.normal], written: "words", ordinal: true };
  if (t.pos === "ADV" && TIMES[t.normal] !== undefined) return { value: TIMES[t.normal], written: "words" };
  return null;
}

/**
 * Number words, read the usual way: units and tens add up, "hundred" multiplies what is
 * pending, "thousand" and above close a group. "a"/"an" count as one and "half" as a half,
 * but only before a scale word ("a dozen", "half a million"); "and" only joins a hundred to
 * what follows it; a hyphen only joins words written without spaces ("twenty-five").
 */
function readWords(tokens: DraftToken[], i: number): Read | null {
  let total = 0;
  let pending = 0;
  let j = i;
  let words = 0;
  // What the last word was: a unit may follow a tens word or a scale, never another unit.
  let last: "start" | "unit" | "tens" | "scale" = "start";
  const word = (k: number) => tokens[k]?.normal;
  const startsScale = (k: number) => SCALES[word(k)] !== undefined;
  if ((word(j) === "a" || word(j) === "an") && startsScale(j + 1)) {
    pending = 1;
    j++;
  } else if (word(j) === "half" && (word(j + 1) === "a" || word(j + 1) === "an") && startsScale(j + 2)) {
    pending = 0.5;
    j += 2;
  }
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind !== "word" && t.kind !== "punctuation") break;
    const w = t.normal;
    if (UNITS[w] !== undefined && t.pos === "NUM" && last !== "unit") {
      pending += UNITS[w];
      last = "unit";
    } else if (TENS[w] !== undefined && t.pos === "NUM" && (last === "start" || last === "scale")) {
      pending += TENS[w];
      last = "tens";
    } else if (SCALES[w] !== undefined && (words > 0 || pending > 0)) {
      if (w === "hundred") pending = (pending || 1) * 100;
      else {
        total += (pending || 1) * SCALES[w];
        pending = 0;
      }
      last = "scale";
    } else if (
      w === "and" &&
      words > 0 &&
      /hundred|thousand|million|billion/.test(word(j - 1) ?? "") &&
      (UNITS[word(j + 1)] !== undefined || TENS[word(j + 1)] !== undefined)
    ) {
      continue;
    } else if (
      w === "-" &&
      !t.spaceBefore &&
      words > 0 &&
      TENS[word(j - 1)] !== undefined &&
      !tokens[j + 1]?.spaceBefore &&
      UNITS[word(j + 1)] !== undefined
    ) {
      continue;
    } else break;
    words++;
  }
  if (words === 0) return null;
  return { value: total + pending, next: j, written: "words" };
}
