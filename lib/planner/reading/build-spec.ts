import { resolveTimeExpression } from "@/lib/planner/english";
import type { Entity, SemanticModel } from "@/lib/semantic-model/model-schema";
import type { ComparisonOp, Filter, GrainKey, Having, Join, OrderBy, Source } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { OutputColumn } from "@/lib/spec/output-column";
import { shortestPaths, type Hop } from "./join-paths";
import type { Part } from "./parts";
import type { Meaning } from "./senses";

export type Candidate = { spec: EtlSpec; joins: number; bonus: number; notes: string[] };
export type BuildContext = { prompt: string; model: SemanticModel; graph: Map<string, Hop[]>; asOf: (table: string, column: string) => { date: string; source: string } };

/** Why a reading cannot become a table; the scorer drops it (and reports it if no reading is left). */
export class Impossible extends Error {}
const fail = (why: string): never => {
  throw new Impossible(why);
};

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toLowerCase().slice(0, 63) || "value";
const OPS: Record<string, ComparisonOp> = { ">": ">", ">=": ">=", "<": "<", "<=": "<=", "=": "=", "!=": "!=" };

/**
 * Readings → candidate spec: the parts of one parse become a table. Rows come from the entity
 * the request lists or the table its measure lives in; every other entity is joined over the
 * shortest foreign-key path. Throws `Impossible` for a reading the catalog rules out.
 */
export function buildCandidates(parts: Part[], ctx: BuildContext): Candidate[] {
  const subject = parts.find((p) => p.k === "subject");
  const measures = parts.filter((p) => p.k === "measure" || p.k === "count");
  const havings = parts.filter((p) => p.k === "having-compare");
  const grains = parts.filter((p) => p.k === "grain");
  const tops = parts.filter((p) => p.k === "top");
  if (parts.filter((p) => p.k === "subject").length > 1) fail("two subjects");
  const aggregated = measures.length > 0 || havings.length > 0 || grains.length > 0;
  const bonusNotes: string[] = [];
  let bonus = 0;

  // The table rows come from.
  const measureEntity = (m: Part): Entity => (m.k === "count" ? m.entity : m.k === "measure" ? m.target.entity : m.k === "having-compare" ? measureEntity(m.measure) : fail("no measure"));
  const factTables = [...new Set([...measures, ...havings].map((m) => measureEntity(m).table))];
  if (factTables.length > 1) fail("measures of several tables");
  const base = factTables[0] ?? (subject?.k === "subject" ? subject.entity.table : undefined) ?? fail("nothing to list");
  const entityOf = (table: string) => ctx.model.entities.find((e) => e.table === table)!;
  const baseEntity = entityOf(base);

  // Sources and joins, grown as columns are needed.
  const sources: Source[] = [{ schema: base.split(".")[0], table: base.split(".").slice(1).join("."), alias: aliasOf(base, []), phrase: subject?.k === "subject" && subject.entity.table === base ? subject.phrase : "" }];
  const joins: Join[] = [];
  let fansOut = false;
  const aliasFor = new Map<string, string>([[base, sources[0].alias]]);
  const reach = (table: string, phrase: string): string => {
    const known = aliasFor.get(table);
    if (known) return known;
    const paths = shortestPaths(ctx.graph, [...aliasFor.keys()], table);
    if (paths.length === 0) fail(`no join path to ${table}`);
    if (paths.length > 1) {
      const distinct = new Set(paths.map((p) => p.map((h) => `${h.from}.${h.fromColumns}>${h.to}`).join("|")));
      if (distinct.size > 1) fail(`several join paths to ${table}`);
    }
    for (const hop of paths[0]) {
      if (aliasFor.has(hop.to)) continue;
      const alias = aliasOf(hop.to, [...aliasFor.values()]);
      const [schema, ...rest] = hop.to.split(".");
      sources.push({ schema, table: rest.join("."), alias, phrase });
      joins.push({ type: "inner", left: aliasFor.get(hop.from)!, right: alias, on: hop.fromColumns.map((c, i) => ({ left: c, right: hop.toColumns[i] })), phrase });
      aliasFor.set(hop.to, alias);
      fansOut ||= hop.fansOut;
    }
    return aliasFor.get(table)!;
  };
  const col = (m: Meaning, column: string, phrase: string) => ({ source: reach(m.entity.table, phrase), column });

  // Filters.
  const filters: Filter[] = [];
  // "with at least 10 shipped orders": the counted rows keep their own qualifiers.
  const qualifiers = parts.flatMap((p) => (p.k === "subject" || p.k === "related" || p.k === "count" ? p.qualifiers : p.k === "having-compare" && p.measure.k === "count" ? [p, ...p.measure.qualifiers] : [p]));
  const mentioned = [subject, ...parts.filter((p) => p.k === "related")].flatMap((p) => (p && (p.k === "subject" || p.k === "related") ? [p.entity.table] : []));
  for (const p of parts.filter((q) => q.k === "related")) if (p.k === "related") reach(p.entity.table, p.phrase);
  for (const q of qualifiers) {
    if (q.k === "values") {
      const m = q.meanings[0];
      const dim = m.entity.dimensions.find((d) => d.column === m.column);
      if (q.via && dim?.verbs?.includes(q.via)) bonus += 0.5;
      // "reporting to Nancy Edwards": the value names the row at the other end of a relationship, not this one.
      else if (q.via && ctx.model.relationships.some((r) => r.verbs.some((v) => v.phrase.split(" ")[0] === q.via))) fail("a value reached through a relationship verb");
      if (!mentioned.includes(m.entity.table) && m.entity.table !== base) bonus -= 0.2;
      const column = col(m, m.column, q.phrase);
      filters.push(q.meanings.length === 1 ? { op: "=", column, value: m.value, phrase: q.phrase } : { op: "in", column, values: q.meanings.map((v) => v.value), phrase: q.phrase });
    } else if (q.k === "flag") {
      filters.push({ op: "=", column: col(q.meaning, q.meaning.flag.column, q.phrase), value: q.meaning.flag.trueValue, phrase: q.phrase });
    } else if (q.k === "filter-compare") {
      const target = q.attr ?? implicitMeasure(subject?.k === "subject" ? subject.entity : baseEntity, q.unit);
      if (target.kind !== "measure" && target.kind !== "dimension") fail("comparison on a non-number");
      const column = col(target, target.kind === "measure" ? target.measure.column : target.kind === "dimension" ? target.dimension.column : fail("not a column"), q.phrase);
      const factor = q.unit === "currency" && target.kind === "measure" && target.measure.unit === "cents" ? 100 : 1;
      if (q.unit === "currency" && target.kind === "measure" && target.measure.unit !== "currency" && target.measure.unit !== "cents") fail("money compared with a non-money column");
      const value = q.chunk.quantity!.value * factor;
      if (q.chunk.operator === "between") filters.push({ op: "between", column, low: value, high: (q.chunk.upper?.value ?? fail("between without upper")) * factor, phrase: q.phrase });
      else filters.push({ op: OPS[q.chunk.operator] ?? fail(`operator ${q.chunk.operator}`), column, value, phrase: q.phrase });
    } else if (q.k === "filter-time") {
      // "customers who signed up in 2024": a period after a verb dates whatever the verb says, which may not be the listed rows.
      if (q.afterVerb !== undefined && !q.attr && parts.some((p) => p.k === "related")) fail("a period after a verb, with several entities to date");
      const owner = q.attr?.entity ?? (subject?.k === "subject" && !aggregated ? subject.entity : baseEntity);
      const time = q.attr?.kind === "time" ? q.attr.time : defaultTime(owner);
      let range = q.expr.range;
      if (!range) {
        const asOf = ctx.asOf(owner.table, time.column);
        range = resolveTimeExpression(q.expr, asOf.date);
        bonusNotes.push(`"${q.phrase}" is read as of ${asOf.date} (${asOf.source})`);
      }
      if (!range || (!range.start && !range.end)) return fail("an unbounded period");
      filters.push({ op: "date_range", column: col({ kind: "time", entity: owner, time }, time.column, q.phrase), ...(range.start ? { from: range.start } : {}), ...(range.end ? { to: range.end } : {}), phrase: q.phrase });
    }
  }

  const filtered = filters.filter((f) => f.op !== "date_range" && f.op !== "between" && f.op !== ">" && f.op !== "<" && f.op !== ">=" && f.op !== "<=").map((f) => `${f.column.source}.${f.column.column}`);
  if (new Set(filtered).size < filtered.length) fail("two value filters on one column");

  // Grain and outputs.
  const columns: OutputColumn[] = [];
  const grain: GrainKey[] = [];
  const addColumn = (c: OutputColumn) => {
    let name = c.name;
    for (let i = 2; columns.some((o) => o.name === name); i++) name = `${c.name}_${i}`;
    columns.push({ ...c, name });
    return name;
  };
  const entityColumns = (e: Entity, phrase: string, group: boolean) => {
    for (const column of [...e.key, ...e.label.filter((l) => !e.key.includes(l))]) {
      const ref = col({ kind: "entity", entity: e }, column, phrase);
      if (group) grain.push({ column: ref, phrase });
      addColumn({ name: snake(column), expr: { kind: "column", column: ref }, phrase });
    }
  };
  const grainParts = [...grains];
  if (aggregated && grainParts.length === 0 && subject?.k === "subject" && (measures.length === 0 || havings.length > 0 || subject.entity.table !== base)) {
    grainParts.push({ k: "grain", entity: subject.entity, phrase: subject.phrase });
  }
  if (aggregated) {
    for (const g of grainParts) {
      if (g.k !== "grain") continue;
      if (g.bucket) {
        const owner = g.entity ?? baseEntity;
        const time = g.attr?.kind === "time" ? g.attr.time : defaultTime(owner);
        const ref = col({ kind: "time", entity: owner, time }, time.column, g.phrase);
        grain.push({ column: ref, bucket: g.bucket, phrase: g.phrase });
        addColumn({ name: g.bucket, expr: { kind: "column", column: ref, bucket: g.bucket }, phrase: g.phrase });
      } else if (g.attr && g.attr.kind !== "role" && g.attr.kind !== "entity") {
        const column = g.attr.kind === "measure" ? g.attr.measure.column : g.attr.kind === "dimension" ? g.attr.dimension.column : g.attr.kind === "time" ? g.attr.time.column : fail("grain on a value");
        const ref = col(g.attr, column, g.phrase);
        grain.push({ column: ref, phrase: g.phrase });
        addColumn({ name: snake(column), expr: { kind: "column", column: ref }, phrase: g.phrase });
      } else if (g.entity) {
        if (g.attr?.kind === "role") fail("grain by a role is not read yet");
        entityColumns(g.entity, g.phrase, true);
      }
    }
    if (fansOut && measures.some((m) => m.k === "measure" && m.fn !== "max" && m.fn !== "min" && m.fn !== "count_distinct")) fail("a join repeats the rows being added up");
  } else {
    if (subject?.k !== "subject") return fail("nothing to list");
    entityColumns(subject.entity, subject.phrase, false);
  }
  const measureNames: string[] = [];
  const addMeasure = (m: Part, phrase: string): string => {
    if (m.k === "count") {
      const e = m.entity;
      if (e.table !== base) fail("count of a joined entity");
      const key = e.key[0];
      const distinct = m.distinct || fansOut;
      if (distinct && !key) fail("count distinct without a key");
      return addColumn({ name: snake(`${e.plural}_count`), expr: { kind: "aggregate", fn: distinct ? "count_distinct" : "count", arg: distinct ? { kind: "column", column: col({ kind: "entity", entity: e }, key, phrase) } : { kind: "star" } }, phrase });
    }
    if (m.k !== "measure") return fail("not a measure");
    const t = m.target;
    const column = t.kind === "measure" ? t.measure.column : t.kind === "dimension" ? t.dimension.column : t.kind === "time" ? t.time.column : fail("aggregate of an entity");
    const fn = m.fn ?? (t.kind === "measure" ? t.measure.defaultAgg : fail("a bare column is not a measure"));
    if ((fn === "sum" || fn === "avg") && t.kind !== "measure") fail("sum of a non-measure");
    return addColumn({ name: snake(`${fn === "count_distinct" ? "distinct" : fn === "sum" ? "total" : fn}_${column}`), expr: { kind: "aggregate", fn, arg: { kind: "column", column: col(t, column, phrase) } }, phrase });
  };
  for (const m of measures) measureNames.push(addMeasure(m, m.k === "measure" || m.k === "count" ? m.phrase : ""));
  const having: Having[] = [];
  for (const h of havings) {
    if (h.k !== "having-compare") continue;
    const name = addMeasure(h.measure, h.phrase);
    const op = h.chunk.operator === "between" ? fail("between on an aggregate") : OPS[h.chunk.operator] ?? fail("operator");
    having.push({ output: name, op, value: h.chunk.quantity!.value, phrase: h.phrase });
  }
  for (const s of parts) {
    if (s.k !== "show") continue;
    const column = s.meaning.kind === "measure" ? s.meaning.measure.column : s.meaning.kind === "dimension" ? s.meaning.dimension.column : s.meaning.kind === "time" ? s.meaning.time.column : fail("show of a non-column");
    if (aggregated) fail("a column beside aggregates");
    if (!mentioned.includes(s.meaning.entity.table) && s.meaning.entity.table !== base) bonus -= 0.3;
    addColumn({ name: snake(column), expr: { kind: "column", column: col(s.meaning, column, s.phrase) }, phrase: s.phrase });
  }

  // Ranking, ordering, naming.
  const orderBy: OrderBy[] = [];
  let limit: EtlSpec["limit"];
  const rank = tops.find((t) => t.k === "top" && t.count > 0);
  const rankBy = tops.find((t) => t.k === "top" && t.by);
  if (rank?.k === "top") {
    const by = rankBy?.k === "top" && rankBy.by ? (rankBy === rank ? measureNames[0] : addMeasure(rankBy.by, rankBy.phrase)) : measureNames[0];
    if (!by) fail("a ranking without a count or a measure");
    orderBy.push({ output: by, direction: rank.edge === "top" ? "desc" : "asc", phrase: rank.phrase });
    limit = { count: rank.count, phrase: rank.phrase };
  } else if (rankBy) fail("ranked by a measure without a count");
  else if (tops.length > 0) fail("a ranking without a count or a measure");
  for (const s of parts) if (s.k === "sort") fail("ordering is not read yet");
  const renames = parts.filter((p) => p.k === "rename");
  if (renames.length > 1) fail("two names");
  if (renames[0]?.k === "rename") {
    if (measureNames.length !== 1) fail("a name for several columns");
    const i = columns.findIndex((c) => c.name === measureNames[0]);
    const name = snake(renames[0].name);
    columns[i] = { ...columns[i], name, renamePhrase: renames[0].phrase };
    for (const h of having) if (h.output === measureNames[0]) h.output = name;
    for (const o of orderBy) if (o.output === measureNames[0]) o.output = name;
  }
  const target = snake([measureNames[0] ?? "", subject?.k === "subject" ? subject.entity.plural : baseEntity.plural].filter(Boolean).join("_by_")).slice(0, 50);
  const spec: EtlSpec = {
    version: 1,
    prompt: ctx.prompt,
    target: { table: target, phrase: "" },
    sources,
    joins,
    filters,
    grain: aggregated ? grain : [],
    columns,
    having,
    orderBy,
    ...(limit ? { limit } : {}),
    ...(!aggregated && fansOut ? { distinct: true } : {}),
  };
  return [{ spec, joins: joins.length, bonus, notes: bonusNotes }];
}

function implicitMeasure(e: Entity, unit?: "currency"): Meaning {
  const fits = e.measures.filter((m) => (unit ? m.unit === "currency" || m.unit === "cents" : true));
  if (fits.length !== 1) fail("a comparison without a column");
  return { kind: "measure", entity: e, measure: fits[0] };
}

function defaultTime(e: Entity) {
  const time = e.timeDimensions.find((t) => t.default) ?? (e.timeDimensions.length === 1 ? e.timeDimensions[0] : undefined);
  return time ?? fail(`no date of ${e.table} is the obvious one`);
}

function aliasOf(table: string, taken: string[]): string {
  const base = snake(table.split(".").slice(1).join("_"));
  let alias = base;
  for (let i = 2; taken.includes(alias); i++) alias = `${base}_${i}`;
  return alias;
}
