/**
 * A small chart parser over a lattice of grounded terminals. Productions are data
 * (`"Mods -> Mod Mods"`); a symbol ending in `?` may be left out. `derive` returns every
 * derivation of the start symbol over the whole input, each with the value its actions build and
 * the sum of its terminals' strengths. Memoised per (symbol, position), so a request of a few
 * dozen words parses in well under a millisecond; `limit` bounds pathological ambiguity.
 */
export type Terminal<V> = { cat: string; start: number; end: number; value: V; strength: number };

export type Production<V> = { lhs: string; rhs: string[]; build: (kids: V[]) => V | undefined };

type Derivation<V> = { end: number; value: V; strength: number };

/** Expands `A -> B? C` into `A -> B C` and `A -> C`; a production must keep one symbol. */
export function expandOptionals<V>(rules: Production<V>[]): (Production<V> & { present: boolean[] })[] {
  const out: (Production<V> & { present: boolean[] })[] = [];
  for (const rule of rules) {
    const optional = rule.rhs.map((s) => s.endsWith("?"));
    const names = rule.rhs.map((s) => s.replace(/\?$/, ""));
    const count = optional.filter(Boolean).length;
    for (let mask = 0; mask < 1 << count; mask++) {
      let bit = 0;
      const present = optional.map((opt) => (opt ? ((mask >> bit++) & 1) === 0 : true));
      const rhs = names.filter((_, i) => present[i]);
      if (rhs.length > 0) out.push({ ...rule, rhs, present });
    }
  }
  return out;
}

export function parseAll<V>(args: {
  rules: Production<V>[];
  terminals: Terminal<V>[];
  length: number;
  start: string;
  /** The value a left-out optional symbol gets in `build`. */
  absent: V;
  limit?: number;
}): { value: V; strength: number }[] {
  const rules = expandOptionals(args.rules);
  const byLhs = new Map<string, typeof rules>();
  for (const r of rules) byLhs.set(r.lhs, [...(byLhs.get(r.lhs) ?? []), r]);
  const terminalsAt = new Map<string, Terminal<V>[]>();
  for (const t of args.terminals) {
    const key = `${t.cat}@${t.start}`;
    terminalsAt.set(key, [...(terminalsAt.get(key) ?? []), t]);
  }
  const limit = args.limit ?? 400;
  const memo = new Map<string, Derivation<V>[]>();
  const active = new Set<string>();

  const derive = (symbol: string, at: number): Derivation<V>[] => {
    const key = `${symbol}@${at}`;
    const known = memo.get(key);
    if (known) return known;
    if (active.has(key)) return []; // a unit cycle: no new derivation
    active.add(key);
    const found: Derivation<V>[] = (terminalsAt.get(key) ?? []).map((t) => ({
      end: t.end,
      value: t.value,
      strength: t.strength,
    }));
    for (const rule of byLhs.get(symbol) ?? []) {
      for (const seq of sequence(rule.rhs, 0, at)) {
        if (found.length >= limit) break;
        const kids: V[] = [];
        let k = 0;
        for (const present of rule.present) kids.push(present ? seq.values[k++] : args.absent);
        const value = rule.build(kids);
        if (value !== undefined) found.push({ end: seq.end, value, strength: seq.strength });
      }
    }
    active.delete(key);
    memo.set(key, found);
    return found;
  };

  const sequence = (rhs: string[], index: number, at: number): { end: number; values: V[]; strength: number }[] => {
    if (index === rhs.length) return [{ end: at, values: [], strength: 0 }];
    const out: { end: number; values: V[]; strength: number }[] = [];
    for (const first of derive(rhs[index], at)) {
      if (first.end === at) continue;
      for (const rest of sequence(rhs, index + 1, first.end)) {
        out.push({ end: rest.end, values: [first.value, ...rest.values], strength: first.strength + rest.strength });
        if (out.length >= limit) return out;
      }
    }
    return out;
  };

  return derive(args.start, 0)
    .filter((d) => d.end === args.length)
    .map(({ value, strength }) => ({ value, strength }));
}
