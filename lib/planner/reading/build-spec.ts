import type { Catalog } from "@/lib/catalog/types";
import type { Entity, SemanticModel, Unit } from "@/lib/semantic-model/model-schema";
import { conversionOf, toStoredUnits } from "@/lib/semantic-model/unit-conversion";
import { convertedColumn } from "./converted-column";
import { formulaName, formulaSql } from "./formula";
import { addAveragePer, addFormulaMeasure, addShare, type DerivedContext } from "./build-derived";
import { phraseKey } from "./lexicon";
import { isExistsFilter, type ColumnFilter, type GrainKey, type Having } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { OutputColumn } from "@/lib/spec/output-column";
import { existenceFilters } from "./build-existence";
import { count } from "./phrase-parts";
import { buildFilters, opOf } from "./build-filters";
import { ask, createSources, datedEntity, defaultTime, fail, snake } from "./build-sources";
import { buildOrdering, planRanking } from "./build-order";
import type { Hop } from "./join-paths";
import { columnsOf, instructedHop, withInstructedHop } from "./join-instructions";
import { countName, derivedTargetName, grainWord, measureName } from "./naming";
import { inWrittenOrder, joinsDirectly, keepEveryRow } from "./join-order";
import type { Part } from "./parts";
import { withWantedUnit } from "./wanted-unit";
import { CLEAR_MARGIN } from "./score";
import { groupQuestion } from "./group-question";
import { referenceTo, refersTo, saidWith } from "./model-lookups";
import type { Meaning } from "./senses";

export { Ambiguous, Impossible } from "./build-sources";
export type Candidate = { spec: EtlSpec; joins: number; bonus: number; notes: string[] };
export type BuildContext = {
  prompt: string;
  model: SemanticModel;
  graph: Map<string, Hop[]>;
  asOf: (table: string, column: string) => { date: string; source: string };
  catalog?: Catalog;
};

type Of<K extends Part["k"]> = Extract<Part, { k: K }>;
const is =
  <K extends Part["k"]>(k: K) =>
  (p: Part): p is Of<K> =>
    p.k === k;
const sameRef = (a: { source: string; column: string }, b: { source: string; column: string }) =>
  a.source === b.source && a.column === b.column;

/**
 * Readings → candidate spec: the parts of one parse become a table. Rows come from the entity
 * the request lists, the attribute whose values it lists, or the table its measures live in;
 * every other entity is joined over the shortest foreign-key path. Throws `Impossible` for a
 * reading the catalog rules out, `Ambiguous` for one that leaves the table open.
 */
export function buildCandidates(read: Part[], given: BuildContext): Candidate[] {
  // "join customers and orders on customer_id": the request's join is the only path between its two tables.
  const instructions = read.filter(is("join-instruction"));
  const parts = withWantedUnit(read.filter((p) => p.k !== "join-instruction"));
  let ctx = given;
  for (const j of instructions)
    ctx = {
      ...ctx,
      graph: withInstructedHop(ctx.graph, instructedHop(j.left, j.right, j.key, j.phrase, ctx.model, ctx.catalog)),
    };
  const subjects = parts.filter(is("subject"));
  if (subjects.length > 1) fail("two subjects");
  const who = parts.find(is("who"));
  const subject = subjects[0] ?? (who && askedRows(who, parts, ctx.model));
  const measures = parts.filter((p): p is Of<"measure"> | Of<"count"> => p.k === "measure" || p.k === "count");
  const havings = parts.filter(is("having-compare"));
  const grains = parts.filter(is("grain"));
  const listedGrain = grains.find((g) => g.listed);
  const related = parts.filter(is("related"));
  const entityOf = (table: string) => ctx.model.entities.find((e) => e.table === table)!;
  const notes: string[] = [];

  const ranking = planRanking(parts, subject?.entity);
  const shares = parts.filter(is("share"));
  const shareUnits = parts.filter(is("share-unit"));
  if (shareUnits.length > 0 && shares.length === 0) fail("a unit of a share without a share");
  const averagesPer = parts.filter(is("average-per"));
  const aggregates = [
    ...measures,
    ...havings.map((h) => h.measure),
    ...(ranking.aggregate ? [ranking.aggregate] : []),
    ...shares.map((s) => s.of),
    ...averagesPer.map((a) => a.of),
  ];
  const grouped = grains.filter((g) => !g.listed);
  // "the 2 most expensive products per category", "for each category, the product with the
  // highest price": the listed rows ranked by a column of their own within each group keep the
  // first rows of every group; nothing is counted.
  // "the largest loan each member took" is read as each member's largest amount (see largestPerGroup);
  // "the 3 largest loans per member" as their three largest loans.
  const rankedWithin =
    grouped.length > 0 &&
    aggregates.length === 0 &&
    subject !== undefined &&
    (ranking.column !== undefined ||
      ranking.ownMeasure === "money" ||
      (ranking.ownMeasure !== undefined && (ranking.count ?? 0) > 1));
  // "orders per quarter", "products for each category": rows per group, with nothing else
  // counted or added up, are counted. After "by" they may be the rows listed in that order.
  if (grouped.length > 0 && aggregates.length === 0 && !rankedWithin) {
    // "top 3 products per category" names no measure: the count of products per category would
    // rank the categories, not the products.
    if (subject && parts.some(is("top"))) ask("a ranking without a count or a measure");
    const question = groupQuestion(grouped, subjects);
    if (question) ask(question);
    // The rows themselves are counted, with their qualifiers, as "the number of orders" would be.
    const counted = count({ k: "agg", fn: "count", phrase: "" }, subjects[0]);
    return buildCandidates(
      read.map((p) => (p === subjects[0] && counted ? counted : p)),
      given,
    );
  }
  const aggregated = aggregates.length > 0;
  // "including customers without orders": said of a table that keeps every listed row with its
  // aggregates, it is what the table does already; anywhere else it is not read.
  for (const keep of parts.filter(is("keep-every")))
    if (
      subject?.entity.table !== keep.entity.table ||
      measures.length === 0 ||
      !measures.every((m) => m.ofEach) ||
      grouped.length > 0
    )
      fail("rows kept that the table would leave out");
  if (measures.some((m) => m.k === "measure" && m.perGroup) && grouped.length === 0)
    fail("a superlative of rows without groups is a ranking");
  // "the 3 largest orders per customer" keeps three orders of each, never one largest amount.
  if (measures.some((m) => m.k === "measure" && m.perGroup) && (ranking.count ?? 0) > 1)
    fail("several rows of each group, read as one amount");

  // "in 2024, customers who ordered at least 3 times": a period said apart from any verb may date
  // the rows listed or the rows a verb names; neither is guessed.
  const events = parts.filter((p) => p.k === "related-rows" && p.verb);
  if (events.length > 0 && parts.some((p) => p.k === "filter-time" && !p.attr && p.afterVerb === undefined))
    fail("a period beside rows a verb names, which it may date");

  // The table rows come from.
  const measureEntity = (m: Part): Entity =>
    m.k === "count" ? m.entity : m.k === "measure" ? m.target.entity : fail("no measure");
  // "orders with their total quantity and number of different products": beside the amounts of
  // one table, rows that table refers to by a key are counted there, as distinct key values. Not
  // rows that belong to a group themselves ("number of orders and total quantity per customer"):
  // counted through the amounts' table, an order without lines would go uncounted.
  const amountTables = [...new Set(aggregates.filter((m) => m.k !== "count").map((m) => measureEntity(m).table))];
  const groupTables = [
    ...(subject ? [subject.entity.table] : []),
    ...grains.flatMap((g) => [g.entity?.table, g.attr?.entity.table].filter((t): t is string => t !== undefined)),
  ];
  const countedByKey = (m: Part): boolean =>
    m.k === "count" &&
    m.qualifiers.length === 0 &&
    amountTables.length === 1 &&
    referenceTo(ctx.model, amountTables[0], m.entity) !== undefined &&
    !groupTables.some((g) => g === m.entity.table || refersTo(ctx.model, m.entity.table, g));
  const factTables = [...new Set(aggregates.map((m) => (countedByKey(m) ? amountTables[0] : measureEntity(m).table)))];
  if (factTables.length > 1) fail("measures of several tables");
  const base = factTables[0] ?? subject?.entity.table ?? listedGrain?.attr?.entity.table ?? fail("nothing to list");
  const baseEntity = entityOf(base);
  const src = createSources(base, subject?.entity.table === base ? subject.phrase : "", ctx.graph);
  const { col } = src;
  for (const j of instructions) for (const e of [j.left, j.right]) src.reach(e.table, j.phrase);

  // Filters.
  for (const p of related) src.reach(p.entity.table, p.phrase);
  const mentioned = [subject, ...related].flatMap((p) => (p ? [p.entity.table] : []));
  // "with at least 10 shipped orders": the counted rows keep their own qualifiers.
  // "number of orders and number of returned orders per customer": beside another measure, a count's own
  // qualifiers pick the rows of that count alone (a conditional aggregate); as a filter they would narrow both.
  const conditional = new Set(
    measures.length > 1 ? measures.filter((m): m is Of<"count"> => m.k === "count" && m.qualifiers.length > 0) : [],
  );
  const qualifiers = parts.flatMap((p) =>
    p.k === "subject" || p.k === "related"
      ? p.qualifiers
      : p.k === "count"
        ? conditional.has(p)
          ? []
          : p.qualifiers
        : p.k === "having-compare" && p.measure.k === "count"
          ? [p, ...p.measure.qualifiers]
          : [p],
  );
  // A column of a table the request does not name reads weaker than one of the rows it names
  // ("orders with amount over 500" is the orders' amount; "countries by number of customers"
  // the customers' country). Without any named table ("total amount by date") nothing is weaker.
  const named = [...mentioned, ...aggregates.flatMap((m) => (m.k === "count" ? [m.entity.table] : []))];
  const unnamed = (m: Meaning, phrase: string) =>
    named.length > 0 && !named.includes(m.entity.table) && m.entity.table !== base && !namesEntity(phrase, m.entity);
  const scope = {
    subject: subject?.entity,
    base: baseEntity,
    aggregated,
    mentioned,
    hasRelated: related.length > 0,
    hasEvent: related.some((r) => r.event),
    unnamed,
  };
  const { filters, bonus: filterBonus, asOf } = buildFilters(qualifiers, scope, src, ctx, notes);
  filters.push(
    ...existenceFilters(parts, { ctx, base: baseEntity, reach: src.reach, fail, note: (n) => notes.push(n) }),
  );
  let bonus = filterBonus;

  // Grain and outputs.
  const columns: OutputColumn[] = [];
  const grain: GrainKey[] = [];
  const addColumn = (c: OutputColumn) => {
    let name = c.name;
    for (let i = 2; columns.some((o) => o.name === name); i++) name = `${c.name}_${i}`;
    columns.push({ ...c, name });
    return name;
  };
  const formulaUses = new Set<string>();
  // "order items with quantity times unit price as line_total", "payments with the amount in
  // dollars, as amount_usd": the computed columns of a listing, one of which a name can be for.
  const listedComputed: string[] = [];
  const addPlain = (m: Meaning, column: string, phrase: string, group: boolean): string => {
    if (m.kind === "formula") {
      formulaUses.add(phraseKey(m.phrase));
      if (group) fail("a group of computed values");
      const name = addColumn({
        name: formulaName(m.phrase, m.formula),
        expr: { kind: "expression", sql: formulaSql(m.formula, src.reach(m.entity.table, phrase)) },
        phrase,
      });
      listedComputed.push(name);
      return name;
    }
    const ref = col(m, column, phrase);
    const converted = convertedColumn(m, ref);
    if (converted) {
      const name = addColumn({
        name: snake(`${column}_${converted.suffix}`),
        expr: { kind: "expression", sql: converted.sql },
        phrase,
      });
      listedComputed.push(name);
      return name;
    }
    const known = columns.find((c) => c.expr.kind === "column" && !c.expr.bucket && sameRef(c.expr.column, ref));
    if (known) return known.name;
    if (group) grain.push({ column: ref, phrase });
    return addColumn({ name: snake(column), expr: { kind: "column", column: ref }, phrase });
  };
  const groupedEntities: string[] = [];
  const entityColumns = (e: Entity, phrase: string, group: boolean) => {
    if (group) groupedEntities.push(e.table);
    for (const column of [...e.key, ...e.label.filter((l) => !e.key.includes(l))])
      addPlain({ kind: "entity", entity: e }, column, phrase, group);
  };
  const grainParts: Of<"grain">[] = [...grains];
  if (
    aggregated &&
    grainParts.length === 0 &&
    subject &&
    (measures.length === 0 || havings.length > 0 || ranking.aggregate || subject.entity.table !== base)
  ) {
    grainParts.push({ k: "grain", entity: subject.entity, phrase: subject.phrase });
  }
  if (aggregated) {
    for (const g of grainParts) {
      if (g.bucket) {
        const owner =
          g.attr?.entity ??
          (g.entity && defaultTime(g.entity) ? g.entity : datedEntity(g.entity ?? baseEntity, ctx.model, ctx.graph));
        const time =
          g.attr?.kind === "time"
            ? g.attr.time
            : (defaultTime(owner) ?? fail(`no date of ${owner.table} is the obvious one`));
        const ref = col({ kind: "time", entity: owner, time }, time.column, g.phrase);
        grain.push({ column: ref, bucket: g.bucket, phrase: g.phrase });
        addColumn({ name: g.bucket, expr: { kind: "column", column: ref, bucket: g.bucket }, phrase: g.phrase });
      } else if (g.attr?.kind === "role") {
        // "per support rep": the rows' own reference to the role's entity is the group.
        const rel = g.attr.relationship;
        if (!src.tables().includes(rel.from) && rel.from !== base) src.reach(rel.from, g.phrase);
        for (const column of rel.fromColumns)
          addPlain({ kind: "entity", entity: entityOf(rel.from) }, column, g.phrase, true);
      } else if (g.attr && g.attr.kind !== "entity") {
        const column =
          g.attr.kind === "measure"
            ? g.attr.measure.column
            : g.attr.kind === "dimension"
              ? g.attr.dimension.column
              : g.attr.kind === "time"
                ? g.attr.time.column
                : fail("grain on a value");
        if (unnamed(g.attr, g.phrase)) bonus -= 0.3;
        addPlain(g.attr, column, g.phrase, true);
      } else if (g.entity) {
        entityColumns(g.entity, g.phrase, true);
      }
    }
    const summed = aggregates.some(
      (m) => m.k === "measure" && m.fn !== "max" && m.fn !== "min" && m.fn !== "count_distinct",
    );
    if (src.fansOut() && summed) fail("a join repeats the rows being added up");
  } else if (subject && parts.some(is("show"))) {
    // "customers with their email": who each row is, and the columns asked for (added below).
    entityColumns(subject.entity, subject.phrase, false);
  } else if (subject) {
    // "orders over 100 in March 2024": the rows themselves, every column, as the table holds them.
    for (const column of columnsOf(subject.entity, ctx.catalog))
      addPlain({ kind: "entity", entity: subject.entity }, column, subject.phrase, false);
  } else if (listedGrain?.attr) {
    const a = listedGrain.attr;
    addPlain(
      a,
      a.kind === "dimension" ? a.dimension.column : fail("a listed non-attribute"),
      listedGrain.phrase,
      false,
    );
  } else fail("nothing to list");

  // The columns of each group the first rows are kept in, listed beside the rows.
  const partition: string[] = [];
  if (rankedWithin)
    for (const g of grouped) {
      const before = columns.length;
      if (g.bucket) fail("a ranking within calendar groups");
      else if (g.attr?.kind === "dimension") partition.push(addPlain(g.attr, g.attr.dimension.column, g.phrase, false));
      else if (g.entity && g.entity !== subject?.entity) {
        entityColumns(g.entity, g.phrase, false);
        partition.push(...columns.slice(before).map((c) => c.name));
      } else fail("a ranking within groups that are not a column or another table's rows");
    }

  /** The conditions of a conditional aggregate: on the aggregated rows' columns, never on related rows. */
  const rowConditions = (words: Part[]): ColumnFilter[] => {
    const { filters: conditions } = buildFilters(words, scope, src, ctx, notes);
    const onColumns = conditions.filter((f): f is ColumnFilter => !isExistsFilter(f));
    if (onColumns.length !== conditions.length || onColumns.length === 0 || onColumns.length < words.length)
      fail("a condition of an aggregate that is not on its rows' columns");
    return onColumns;
  };
  const derived: DerivedContext = {
    columns,
    addColumn,
    addMeasure: (m, phrase) => addMeasure(m, phrase),
    rowConditions,
    columnOf: (e, column, phrase) => col({ kind: "entity", entity: e }, column, phrase),
    hasHaving: havings.length > 0,
  };
  const measureNames: string[] = [];
  const addMeasure = (m: Part, phrase: string): string => {
    if (m.k === "count") {
      const e = m.entity;
      if (e.table !== base) {
        const reference = countedByKey(m) ? referenceTo(ctx.model, base, e) : undefined;
        if (!reference) fail("count of a joined entity");
        // A reading that counts the rows in their own table, beside its own amounts, is the plainer one.
        bonus -= CLEAR_MARGIN;
        return addColumn({
          name: countName(e, m.distinct),
          expr: {
            kind: "aggregate",
            fn: "count_distinct",
            arg: {
              kind: "column",
              column: col({ kind: "entity", entity: baseEntity }, reference!.fromColumns[0], phrase),
            },
          },
          phrase,
        });
      }
      const key = e.key[0];
      const distinct = m.distinct || src.fansOut();
      if (distinct && !key) fail("count distinct without a key");
      // A kept row with no related rows counts 0: the related rows' key, never the joined row itself.
      if (m.ofEach && !distinct)
        return addColumn({
          name: countName(e, false),
          expr: {
            kind: "aggregate",
            fn: "count",
            arg: {
              kind: "column",
              column: col({ kind: "entity", entity: e }, key ?? fail("a count of each row without a key"), phrase),
            },
          },
          phrase,
        });
      const where = conditional.has(m) ? rowConditions(m.qualifiers) : undefined;
      return addColumn({
        name: snake(
          `${countName(e, m.distinct)}${where ? `_${m.qualifiers.map((q) => ("phrase" in q ? q.phrase : "")).join("_")}` : ""}`,
        ),
        expr: {
          kind: "aggregate",
          fn: distinct ? "count_distinct" : "count",
          arg: distinct
            ? { kind: "column", column: col({ kind: "entity", entity: e }, key, phrase) }
            : { kind: "star" },
          ...(where ? { where } : {}),
        },
        phrase,
      });
    }
    if (m.k !== "measure") return fail("not a measure");
    const t = m.target;
    if (t.kind === "formula") {
      formulaUses.add(phraseKey(t.phrase));
      // "markup per product = MSRP minus buy price": grouped by its own rows' key, a group is one row.
      const ownRows =
        grainParts.length > 0 &&
        base === t.entity.table &&
        !src.fansOut() &&
        grainParts.every((g) => g.entity === t.entity && !g.attr && !g.bucket);
      return addFormulaMeasure(t, m.fn, ownRows, src.reach(t.entity.table, phrase), phrase, derived);
    }
    const column =
      t.kind === "measure"
        ? t.measure.column
        : t.kind === "dimension"
          ? t.dimension.column
          : t.kind === "time"
            ? t.time.column
            : fail("aggregate of an entity");
    const fn = m.fn ?? (t.kind === "measure" ? t.measure.defaultAgg : fail("a bare column is not a measure"));
    if ((fn === "sum" || fn === "avg") && t.kind !== "measure") fail("sum of a non-measure");
    const ref = col(t, column, phrase);
    const converted = convertedColumn(t, ref);
    const known = columns.find(
      (c) =>
        c.expr.kind === "aggregate" &&
        c.expr.fn === fn &&
        c.expr.arg.kind === "column" &&
        sameRef(c.expr.arg.column, ref),
    );
    if (known && !converted) return known.name;
    const name = measureName(fn, column, t.entity, m.phrase, converted?.suffix);
    return addColumn({
      name,
      expr: {
        kind: "aggregate",
        fn,
        arg: converted ? { kind: "expression", sql: converted.sql } : { kind: "column", column: ref },
      },
      phrase,
    });
  };
  for (const m of measures) measureNames.push(addMeasure(m, m.phrase));
  for (const share of shares) {
    const result = addShare(share, shareUnits[0]?.percent ?? share.percent, derived);
    measureNames.push(result.name);
    bonus += result.bonus;
  }
  for (const a of averagesPer) measureNames.push(addAveragePer(a, derived));
  const having: Having[] = [];
  for (const h of havings) {
    const name = addMeasure(h.measure, h.phrase);
    const op = h.chunk.operator === "between" ? fail("between on an aggregate") : opOf(h.chunk.operator);
    const { value, unit } = havingValue(h);
    if (unit && value !== h.chunk.quantity!.value)
      notes.push(`${name} is in ${unit}: "${h.phrase}" compares it with ${value}`);
    having.push({ output: name, op, value, phrase: h.phrase });
  }
  for (const s of parts.filter(is("show"))) {
    const column =
      s.meaning.kind === "measure"
        ? s.meaning.measure.column
        : s.meaning.kind === "dimension"
          ? s.meaning.dimension.column
          : s.meaning.kind === "time"
            ? s.meaning.time.column
            : s.meaning.kind === "formula"
              ? ""
              : fail("show of a non-column");
    // "number of albums per artist with the artist name": a column of the grouped entity is one value per group.
    if (aggregated && !groupedEntities.includes(s.meaning.entity.table)) fail("a column beside aggregates");
    if (unnamed(s.meaning, s.phrase)) bonus -= 0.3;
    addPlain(s.meaning, column, s.phrase, aggregated);
  }

  // Ranking and ordering.
  const {
    orderBy,
    limit,
    rankedMeasure,
    bonus: orderBonus,
  } = buildOrdering(parts, ranking, {
    listed: subject,
    listedGrain,
    grains,
    aggregated,
    measureNames,
    columns,
    base: baseEntity,
    addMeasure,
    addPlain,
    col,
    unnamed,
  });
  bonus += orderBonus;

  if (parts.some(is("recount")) && !aggregates.some((m) => m.k === "count")) fail('"how many" without a counted noun');
  // A definition counts only beside a use of its name: read otherwise, the name meant something else.
  for (const d of parts.filter(is("defined")))
    if (!formulaUses.has(d.name)) fail(`"${d.phrase}" defines a name the reading does not use`);
  const renames = parts.filter(is("rename"));
  if (renames.length > 1) fail("two names");
  if (renames[0]) {
    const named =
      measureNames.length > 0 ? measureNames : rankedMeasure ? [rankedMeasure] : aggregated ? [] : listedComputed;
    if (named.length !== 1) fail("a name for several columns");
    const i = columns.findIndex((c) => c.name === named[0]);
    const name = snake(renames[0].name);
    columns[i] = { ...columns[i], name, renamePhrase: renames[0].phrase };
    for (const h of having) if (h.output === named[0]) h.output = name;
    for (const o of orderBy) if (o.output === named[0]) o.output = name;
  }
  const listedName = subject?.entity.plural ?? (listedGrain?.attr ? snake(listedGrain.phrase) : baseEntity.plural);
  const targets = parts.filter(is("target"));
  if (targets.length > 1) fail("two target tables");
  const target = targets[0]
    ? snake(targets[0].name)
    : derivedTargetName({
        grain: aggregated ? grainParts.map(grainWord) : [],
        measured: aggregates.map(measureEntity)[0],
        fns: columns.flatMap((c) => (c.expr.kind === "aggregate" ? [c.expr.fn] : [])),
        fallback: [measureNames[0] ?? "", listedName].filter(Boolean).join("_by_"),
      });
  const spec: EtlSpec = {
    version: 1,
    prompt: ctx.prompt,
    target: { table: target, phrase: targets[0]?.phrase ?? "" },
    sources: src.sources,
    joins: src.joins,
    filters,
    grain: aggregated ? grain : [],
    columns,
    having,
    orderBy,
    ...(limit ? { limit: partition.length > 0 ? { ...limit, per: partition } : limit } : {}),
    ...(!aggregated && (src.fansOut() || (!subject && listedGrain)) ? { distinct: true } : {}),
    ...(asOf ? { asOf } : {}),
  };
  if (rankedWithin && (!limit || partition.length === 0)) fail("a ranking within groups without a count");
  // The rows the request names, ranked by their own column, read plainer than an aggregate of
  // them the request does not say ("the cheapest product per category" is no average price).
  if (rankedWithin) bonus += CLEAR_MARGIN;
  if (rankedWithin && spec.distinct) fail("a ranking within groups of rows a join repeats");
  if (measures.some((m) => m.ofEach)) keepEveryRow(spec, { subject, measures, grouped: grouped.length > 0 });
  else if (instructions.length > 0) inWrittenOrder(spec, instructions[0]);
  for (const j of instructions)
    if (!joinsDirectly(src, j)) fail(`"${j.phrase}" is not the path the tables are joined on`);
  // Rows from a table the spelled-out join leaves out read weaker, as a column of an unnamed table does.
  if (instructions.length > 0 && !instructions.some((j) => j.left.table === base || j.right.table === base))
    bonus -= 0.3;
  return [{ spec, joins: src.joins.length, bonus, notes }];
}

/** Whether a phrase names the entity it reads a column of ("customer country", "artist name"). */
function namesEntity(phrase: string, e: Entity): boolean {
  const words = phrase.toLowerCase().split(/[^a-z0-9]+/);
  return [e.name, e.plural].some((n) =>
    n
      .toLowerCase()
      .split(/\s+/)
      .every((w) => words.includes(w)),
  );
}

/**
 * "whose total spend is over $50" on cents: the quantity in the unit the measure's output is in
 * (its column's, or the one it is shown in). A quantity with a unit, compared with a count or a
 * measure kept in no unit that converts, is no reading. `unit`: the output's unit, when converted to.
 */
function havingValue(h: Of<"having-compare">): { value: number; unit?: Unit } {
  const quantity = h.chunk.quantity!.value;
  if (!h.unit) return { value: quantity };
  const target = h.measure.k === "measure" && h.measure.fn !== "count" ? h.measure.target : undefined;
  if (target?.kind !== "measure") return fail("a quantity in a unit, compared with a count");
  const unit = target.as?.unit ?? target.measure.unit;
  const conversion = conversionOf(unit, h.unit) ?? fail("a quantity in a unit the measure is not kept in");
  return { value: toStoredUnits(quantity, conversion), unit };
}

/**
 * "who reports to Steven Buchanan?": the rows at the near end of the one declared relationship
 * whose verb the request uses to reach the named row. No such relationship: no reading.
 */
function askedRows(who: Of<"who">, parts: Part[], model: SemanticModel): Of<"subject"> {
  const named = parts.find(
    (p): p is Of<"values"> | Of<"named-row"> => (p.k === "values" || p.k === "named-row") && !!p.via,
  );
  const target = named?.meanings[0].entity.table;
  const rels = model.relationships.filter((r) => !r.inferred && r.to === target && saidWith(r, named?.via));
  if (rels.length !== 1) fail('"who" with no one relationship to say which rows');
  const entity = model.entities.find((e) => e.table === rels[0].from) ?? fail("no such rows");
  return { k: "subject", entity, phrase: who.phrase, qualifiers: [] };
}
