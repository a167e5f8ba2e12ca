import type { AnnotatedToken, Chunk } from "@/lib/planner/english";
import type { Entity } from "@/lib/semantic-model/model-schema";
import type { Terminal } from "./chart";
import { elapsed, ELAPSED_UNITS, type ElapsedUnit, type Formula } from "./formula";
import type { Part } from "./parts";

type Op = "+" | "-" | "*" | "/";
/** One reading of a stretch of arithmetic: where it ends, its tree, whose columns it reads, and its operators' kinds. */
type Alt = {
  end: number;
  formula: Formula;
  entity?: Entity;
  strength: number;
  ops: number;
  seq: { add: boolean; word: boolean }[];
};

const MAX_READINGS = 40;
const isSymbol = (text: string) => /^[*×/+\-\u2212]$/.test(text);

/**
 * MEAS terminals for arithmetic the request states: operands are the columns the grounding read
 * (measures; dates only in a difference of dates), numbers, and bracketed arithmetic; operators
 * are the chunker's ("times", "x", "*", "minus", "divided by", a spaced "-"). `*` and `/` bind
 * before `+` and `-`. Spoken arithmetic is also read left to right, so words leave the order open
 * where the two disagree: "price minus discount times quantity" is refused as ambiguous, naming
 * it; "quantity times unit price minus discount" reads the same either way and is read. Every operand must be a column of one entity, as a row's own
 * arithmetic is. Also "days between A and B" / "(number of) hours from A to B": B minus A, in the unit named.
 */
export function formulaTerminals(
  tokens: AnnotatedToken[],
  chunks: Chunk[],
  terminals: Terminal<Part>[],
): { terminals: Terminal<Part>[]; open?: string } {
  const ops = new Map<number, { op: Op; end: number; word: boolean }>();
  for (const c of chunks)
    if (c.kind === "arithmetic")
      ops.set(c.tokens.start, { op: c.operator, end: c.tokens.end, word: !isSymbol(c.text) });
  const operands = terminals.filter(
    (t) =>
      t.value.k === "sense" &&
      ((t.cat === "MEAS" && t.value.meaning.kind === "measure" && !t.value.meaning.as) || t.cat === "TDIM"),
  );
  const text = (start: number, end: number) =>
    tokens
      .slice(start, end)
      .map((t, i) => (i > 0 && t.spaceBefore ? " " : "") + t.text)
      .join("");
  const join = (a: Entity | undefined, b: Entity | undefined) => (a && b && a !== b ? null : (a ?? b));

  const memo = new Map<string, Alt[]>();
  const primary = (i: number): Alt[] => {
    const key = `p${i}`;
    if (memo.has(key)) return memo.get(key)!;
    memo.set(key, []);
    const out: Alt[] = [];
    for (const t of operands.filter((o) => o.start === i)) {
      const m = t.value.k === "sense" ? t.value.meaning : undefined;
      if (m?.kind === "measure")
        out.push({
          end: t.end,
          formula: { k: "measure", measure: m.measure },
          entity: m.entity,
          strength: t.strength,
          ops: 0,
          seq: [],
        });
      if (m?.kind === "time")
        out.push({
          end: t.end,
          formula: { k: "date", time: m.time },
          entity: m.entity,
          strength: t.strength,
          ops: 0,
          seq: [],
        });
    }
    const t = tokens[i];
    if (t?.number && !t.time && t.kind === "number")
      out.push({
        end: i + 1,
        formula: { k: "number", value: t.number.value, text: String(t.number.value) },
        strength: 0.5,
        ops: 0,
        seq: [],
      });
    if (t?.text === "(")
      for (const inner of sum(i + 1))
        if (tokens[inner.end]?.text === ")") out.push({ ...inner, end: inner.end + 1, seq: [] });
    memo.set(key, out.slice(0, MAX_READINGS));
    return memo.get(key)!;
  };
  const chain = (i: number, level: "mul" | "add"): Alt[] => {
    const key = `${level}${i}`;
    if (memo.has(key)) return memo.get(key)!;
    memo.set(key, []);
    const operand = level === "mul" ? primary : (at: number) => chain(at, "mul");
    const out: Alt[] = [];
    let frontier = operand(i);
    while (frontier.length > 0 && out.length < MAX_READINGS) {
      out.push(...frontier);
      const next: Alt[] = [];
      for (const left of frontier) {
        const op = ops.get(left.end);
        if (!op || (level === "mul") !== (op.op === "*" || op.op === "/")) continue;
        for (const right of operand(op.end)) {
          const entity = join(left.entity, right.entity);
          if (entity === null) continue;
          const formula: Formula = { k: "op", op: op.op, left: left.formula, right: right.formula };
          const seq = [...left.seq, { add: level === "add", word: op.word }, ...right.seq];
          next.push({
            end: right.end,
            formula,
            entity,
            strength: left.strength + right.strength,
            ops: left.ops + right.ops + 1,
            seq,
          });
        }
      }
      frontier = next;
    }
    memo.set(key, out.slice(0, MAX_READINGS));
    return memo.get(key)!;
  };
  // Left to right and by precedence disagree once a × or ÷ follows a + or − (outside brackets).
  const mixed = (a: Alt) =>
    a.seq.some((o) => o.word) && a.seq.some((o, i) => o.add && a.seq.slice(i + 1).some((later) => !later.add));
  let open: string | undefined;
  const sum = (i: number) =>
    chain(i, "add").filter((a) => {
      if (mixed(a)) open ??= text(i, a.end);
      return !mixed(a);
    });

  const found: { start: number; alt: Alt }[] = [];
  for (let i = 0; i < tokens.length; i++)
    for (const alt of sum(i)) if (alt.ops > 0 && alt.entity) found.push({ start: i, alt });
  found.push(...dateDifferences(tokens, operands));
  // Only whole stretches: a part of a longer formula ("unit price x qty" of "unit price x qty x 2") is no reading of its words.
  const whole = found.filter(
    (f) =>
      !found.some((g) => g.start <= f.start && f.alt.end <= g.alt.end && g.alt.end - g.start > f.alt.end - f.start),
  );
  const read = whole.map(
    ({ start, alt }): Terminal<Part> => ({
      cat: "MEAS",
      start,
      end: alt.end,
      value: {
        k: "sense",
        meaning: { kind: "formula", entity: alt.entity!, formula: alt.formula, phrase: text(start, alt.end) },
        phrase: text(start, alt.end),
      },
      strength: alt.strength,
    }),
  );
  return { terminals: read, ...(open ? { open } : {}) };
}

/**
 * "days between order date and shipped date", "(the number of) hours from order date to shipped
 * date": the later date minus the earlier, in the unit named.
 */
function dateDifferences(tokens: AnnotatedToken[], operands: Terminal<Part>[]): { start: number; alt: Alt }[] {
  const out: { start: number; alt: Alt }[] = [];
  const dates = operands.filter((o) => o.cat === "TDIM");
  tokens.forEach((t, i) => {
    // A plural unit ("days", "hours"): "day between" would be a single day, not a length of time.
    if (!ELAPSED_UNITS.includes(t.lemma) || t.normal === t.lemma) return;
    const [open, close] =
      tokens[i + 1]?.normal === "between" ? ["between", "and"] : tokens[i + 1]?.normal === "from" ? ["from", "to"] : [];
    if (!open) return;
    // "the number of days": a count of days is the difference itself, not a count of rows.
    const start = tokens[i - 1]?.normal === "of" && tokens[i - 2]?.normal === "number" ? i - 2 : i;
    for (const first of dates.filter((d) => d.start === i + 2)) {
      if (tokens[first.end]?.normal !== close) continue;
      for (const second of dates.filter((d) => d.start === first.end + 1)) {
        const [a, b] = [first, second].map((d) =>
          d.value.k === "sense" && d.value.meaning.kind === "time" ? d.value.meaning : undefined,
        );
        if (!a || !b || a.entity !== b.entity) continue;
        const formula = elapsed(b.time, a.time, t.lemma as ElapsedUnit);
        out.push({
          start,
          alt: {
            end: second.end,
            formula,
            entity: a.entity,
            strength: first.strength + second.strength + 1,
            ops: 1,
            seq: [],
          },
        });
      }
    }
  });
  return out;
}
