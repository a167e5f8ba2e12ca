import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import { resolveTimeExpression } from "@/lib/planner/english";
import type { Entity, Relationship, Unit } from "@/lib/semantic-model/model-schema";
import { conversionOf, toStoredUnits } from "@/lib/semantic-model/unit-conversion";
import { typeFamily } from "@/lib/semantic-model/column-types";
import type { ColumnFilter, ComparisonOp, Filter } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { datedEntity, defaultTime, fail, type Sources } from "./build-sources";
import type { BuildContext } from "./build-spec";
import type { Part } from "./parts";
import { phraseKey } from "./lexicon";
import { formulaSql } from "./formula";
import { declaredGraph, ExistencePath } from "./existence-paths";
import { catalogColumn, saidWith } from "./model-lookups";
import type { Meaning } from "./senses";

// As much as a verb the column is known by: enough on its own to settle which rows a value is about.
const ATTACHED_VALUE = 0.5;
const OPS: Record<string, ComparisonOp> = { ">": ">", ">=": ">=", "<": "<", "<=": "<=", "=": "=", "!=": "!=" };
export const opOf = (operator: string): ComparisonOp => OPS[operator] ?? fail(`operator ${operator}`);

/** What the filters need to know of the reading around them. */
export type FilterScope = {
  /** The entity whose rows are listed, when the request lists one. */
  subject?: Entity;
  base: Entity;
  aggregated: boolean;
  /** Tables the request names (its subject and the entities it relates it to). */
  mentioned: string[];
  /** Entities besides the subject that the request relates ("orders from customers …"). */
  hasRelated: boolean;
  /** One of them by a verb or "with" ("customers who placed orders"). */
  hasEvent: boolean;
  /** Whether a column read from `phrase` belongs to a table the request does not name. */
  unnamed: (m: Meaning, phrase: string) => boolean;
};

/**
 * The WHERE clause of a reading: values, flags, comparisons on columns and periods. Returns the
 * filters and a score adjustment: a value or a column of a table the request does not name is a
 * weaker reading than one of the rows it lists ("orders with amount over 500" is the orders' amount).
 */
export function buildFilters(
  qualifiers: Part[],
  scope: FilterScope,
  src: Sources,
  ctx: BuildContext,
  notes: string[],
): { filters: Filter[]; bonus: number; asOf?: EtlSpec["asOf"] } {
  const filters: Filter[] = [];
  let asOf: EtlSpec["asOf"];
  let bonus = 0;
  const unnamed = (e: Entity) => !scope.mentioned.includes(e.table) && e.table !== scope.base.table;
  // The rows the request lists, or else the rows it adds up.
  const listed = scope.subject ?? scope.base;
  for (const q of qualifiers) {
    // "employees reporting to Nancy Edwards", "customers supported by Jane": the values name the
    // row at the other end of a relationship of the listed rows, whose verb the request uses.
    const over =
      (q.k === "values" || q.k === "named-row") && q.via
        ? verbRoute(ctx.model, q.via, listed, q.meanings[0].entity)
        : undefined;
    if (over && (q.k === "values" || q.k === "named-row")) {
      filters.push(relatedRowFilter(q, over, listed, src, ctx));
      // A first and a last name side by side name one row, more surely than two separate conditions.
      bonus += q.k === "named-row" ? 1.1 : 0.5;
      continue;
    }
    if (q.k === "named-row") {
      // "employees named Steve Johnson": the listed rows' own label.
      if (q.via || q.meanings[0].entity.table !== listed.table)
        fail("a row named by its label, of rows the request does not list");
      for (const m of q.meanings)
        filters.push({ op: "=", column: src.col(m, m.column, q.phrase), value: m.value, phrase: q.phrase });
      bonus += 0.3;
      continue;
    }
    if (q.k === "values") {
      const m = q.meanings[0];
      const dim = m.entity.dimensions.find((d) => d.column === m.column);
      if (q.via && dim?.verbs?.includes(q.via)) bonus += 0.5;
      // "reporting to Nancy Edwards": the value names the row at the other end of a relationship, not this one.
      else if (q.via && ctx.model.relationships.some((r) => saidWith(r, q.via)))
        fail("a value reached through a relationship verb");
      if (unnamed(m.entity)) bonus -= 0.2;
      // Right association: a value read on the noun right before it outweighs the same words read on other rows.
      if (q.attached) bonus += ATTACHED_VALUE;
      // "suppliers in the USA" where only orders' ship country is indexed: the suppliers' own country may
      // hold it too, unseen, so the value does not say which rows it is about.
      const own = scope.subject && unnamed(m.entity) ? unindexedLike(scope.subject, dim) : undefined;
      if (own && scope.subject && m.entity.table !== scope.subject.table)
        fail(
          `a value known only on ${m.entity.plural}, where the ${scope.subject.plural}' own ${own.column} was not indexed`,
        );
      const column = src.col(m, m.column, q.phrase);
      for (const v of q.meanings)
        if (dim?.values && !dim.valuesSampled && !dim.values.includes(String(v.value)))
          notes.push(`no ${m.entity.name} has ${m.column} “${v.value}” yet: that value matches no rows`);
      filters.push(
        q.meanings.length === 1
          ? { op: "=", column, value: m.value, phrase: q.phrase }
          : { op: "in", column, values: q.meanings.map((v) => v.value), phrase: q.phrase },
      );
    } else if (q.k === "text-match") {
      // "customers whose last name ends with 'son'": the customers' last name, not their support rep's.
      if (q.attr && scope.unnamed(q.attr, q.phrase)) bonus -= 0.3;
      filters.push(textMatchFilter(q, scope, src, ctx));
    } else if (q.k === "flag") {
      filters.push({
        op: "=",
        column: src.col(q.meaning, q.meaning.flag.column, q.phrase),
        value: q.meaning.flag.trueValue,
        phrase: q.phrase,
      });
    } else if (q.k === "filter-compare" && q.attr?.kind === "formula") {
      // "order items where quantity times unit price is over 100": the row's computed value, compared.
      const f = q.attr;
      if (q.unit) fail("a quantity in a unit, compared with a computed value");
      const source = src.reach(f.entity.table, q.phrase);
      const sql = formulaSql(f.formula, source);
      const bounds =
        q.chunk.operator === "between"
          ? ([
              [">=", q.chunk.quantity!.value],
              ["<=", q.chunk.upper?.value ?? fail("between without upper")],
            ] as const)
          : ([[opOf(q.chunk.operator), q.chunk.quantity!.value]] as const);
      for (const [compare, value] of bounds)
        filters.push({ op: "expression", source, sql, compare, value, phrase: q.phrase });
    } else if (q.k === "filter-compare") {
      // "units sold per product that list for more than 300": a price is the listed rows', never the rows added up.
      if (q.price && !q.attr && !scope.subject) fail("a price of rows the request does not list");
      const target = q.attr ?? implicitMeasure(listed, q.unit);
      if (target.kind !== "measure" && target.kind !== "dimension") fail("comparison on a non-number");
      if (q.own && target.entity.table !== listed.table)
        fail('an amount after "with" that the listed rows do not hold');
      if (scope.unnamed(target, q.phrase)) bonus -= 0.3;
      const column = src.col(
        target,
        target.kind === "measure"
          ? target.measure.column
          : target.kind === "dimension"
            ? target.dimension.column
            : fail("not a column"),
        q.phrase,
      );
      // "longer than 7 minutes" on milliseconds, "over 10 dollars" on cents: the quantity in the column's own unit.
      const conversion = q.unit
        ? ((target.kind === "measure" ? conversionOf(target.measure.unit, q.unit) : undefined) ??
          fail("a quantity in a unit the column is not kept in"))
        : undefined;
      const stored = (n: number) => (conversion ? toStoredUnits(n, conversion) : n);
      const value = stored(q.chunk.quantity!.value);
      if (conversion && value !== q.chunk.quantity!.value && target.kind === "measure")
        notes.push(
          `${target.measure.column} is kept in ${target.measure.unit}: "${q.phrase}" compares it with ${value}`,
        );
      if (q.chunk.operator === "between")
        filters.push({
          op: "between",
          column,
          low: value,
          high: stored(q.chunk.upper?.value ?? fail("between without upper")),
          phrase: q.phrase,
        });
      else filters.push({ op: opOf(q.chunk.operator), column, value, phrase: q.phrase });
    } else if (q.k === "filter-time") {
      // "customers who signed up in 2024": a period after a verb dates whatever the verb says, which may not be the listed rows.
      if (q.afterVerb !== undefined && !q.attr && scope.hasRelated)
        fail("a period after a verb, with several entities to date");
      // "customers who placed orders … in 2024": the period may date the orders; read attached to them instead.
      if (!q.attr && !q.owner && scope.hasEvent) fail("a period after a verb's object, read as dating that object");
      // "customers who signed up in 2023 with more than 20 orders": a period after a verb may date the
      // listed rows or the rows counted for them; only a verb that names one of the listed rows' dates decides.
      // "customers who ordered in 2024": a verb that is the noun of other rows tells of those rows; the
      // period dates them, not the customers.
      if (
        !q.attr &&
        !q.owner &&
        q.afterVerb !== undefined &&
        ctx.model.entities.some((e) => e.table !== listed.table && phraseKey(e.name) === q.afterVerb)
      )
        fail("a period after a verb that names other rows");
      const attr = q.attr ?? listedRowsDate(q, scope, ctx.model);
      const owner =
        attr?.entity ??
        (q.owner
          ? datedEntity(q.owner, ctx.model, ctx.graph)
          : scope.subject && !scope.aggregated
            ? scope.subject
            : datedEntity(scope.base, ctx.model, ctx.graph));
      // "orders shipped in 2024": a verb that is a date's own word dates the period on that date (read as such elsewhere).
      if (
        q.afterVerb &&
        !attr &&
        owner.timeDimensions.some((t) => [...t.words, ...(t.synonyms ?? [])].some((w) => phraseKey(w) === q.afterVerb))
      )
        fail("a period after a verb that names its own date");
      const time =
        attr?.kind === "time"
          ? attr.time
          : (defaultTime(owner) ?? fail(`no date of ${owner.table} is the obvious one`));
      let range = q.expr.range;
      if (!range) {
        const anchor = ctx.asOf(owner.table, time.column);
        range = resolveTimeExpression(q.expr, anchor.date);
        notes.push(`"${q.phrase}" is read as of ${anchor.date} (${anchor.source})`);
        asOf ??= { date: anchor.date, source: anchor.source, phrase: q.phrase };
      }
      if (!range || (!range.start && !range.end)) return fail("an unbounded period");
      filters.push({
        op: "date_range",
        column: src.col({ kind: "time", entity: owner, time }, time.column, q.phrase),
        ...(range.start ? { from: range.start } : {}),
        ...(range.end ? { to: range.end } : {}),
        phrase: q.phrase,
      });
    }
  }
  // "with amount over 5": the comparison says how much; "with a" alone is not a second condition.
  const nonzero = qualifiers.flatMap((q) => (q.k === "filter-compare" && q.nonzero ? [q.phrase] : []));
  const onColumns = filters.filter((f): f is Extract<Filter, { column: unknown }> => "column" in f);
  const nonzeroColumns = onColumns
    .filter((f) => nonzero.includes(f.phrase))
    .map((f) => `${f.column.source}.${f.column.column}`);
  if (
    onColumns.some(
      (f) => !nonzero.includes(f.phrase) && nonzeroColumns.includes(`${f.column.source}.${f.column.column}`),
    )
  )
    fail('a comparison after "with a" says how much');
  const filtered = onColumns
    .filter((f) => f.op === "=" || f.op === "in" || f.op === "!=")
    .map((f) => `${f.column.source}.${f.column.column}`);
  if (new Set(filtered).size < filtered.length) fail("two value filters on one column");
  return { filters, bonus, asOf };
}

/** "orders over 400 bucks", "tracks longer than 5 minutes": a comparison without a column reads on the entity's one measure of that unit. */
export function implicitMeasure(e: Entity, unit?: Unit): Meaning {
  return onlyMeasure(e, unit) ?? fail("a comparison without a column");
}

/** The one measure of `e` that can be said in `unit` (any unit when none is said), if only one can. */
export function onlyMeasure(e: Entity, unit?: Unit): Meaning | undefined {
  const fits = e.measures.filter((m) => (unit ? conversionOf(m.unit, unit) !== undefined : true));
  return fits.length === 1 ? { kind: "measure", entity: e, measure: fits[0] } : undefined;
}

/**
 * The listed rows' date that a period after a verb names, in an aggregate over other rows: "customers
 * who signed up in 2023 with more than 20 orders" dates the customers by `signup_date`. A verb that
 * names none of their dates leaves open which rows the period dates: no reading.
 */
function listedRowsDate(
  q: Extract<Part, { k: "filter-time" }>,
  scope: FilterScope,
  model: SemanticModel,
): Meaning | undefined {
  const subject = scope.subject;
  if (q.afterVerb === undefined || q.owner || !scope.aggregated || !subject || subject.table === scope.base.table)
    return undefined;
  const verb = q.afterVerb.replace(/\s+/g, "");
  // "customers with more than 2 orders placed in 2024": the verb that ties the counted rows to the listed ones dates the counted rows.
  const tie = model.relationships.some(
    (r) =>
      [r.from, r.to].includes(subject.table) && [r.from, r.to].includes(scope.base.table) && saidWith(r, q.afterVerb),
  );
  if (tie) return undefined;
  const names = (w: string) => {
    const word = phraseKey(w).replace(/\s+/g, "");
    return word === verb || (verb.length >= 4 && word.startsWith(verb));
  };
  const own = subject.timeDimensions.find((t) => [...t.words, ...(t.synonyms ?? [])].some(names));
  return own
    ? { kind: "time", entity: subject, time: own }
    : fail("a period after a verb, with both the listed rows and the rows counted for them to date");
}

/** The listed rows' part of an address like `dim` ("country" for "ship_country") whose values are not all known. */
function unindexedLike(
  listed: Entity,
  dim: Entity["dimensions"][number] | undefined,
): Entity["dimensions"][number] | undefined {
  if (!dim) return undefined;
  return listed.dimensions.find(
    (d) =>
      d.kind === "location" &&
      dim.kind === "location" &&
      sameWord(d.column, dim.column) &&
      (!d.values || d.valuesSampled === true),
  );
}

/** "country" and "ship_country", "city" and "billing_city": the same kind of place. */
function sameWord(a: string, b: string): boolean {
  const last = (c: string) => c.split("_").pop();
  return last(a) === last(b);
}

/**
 * "whose name starts with 'The'": the text found in a text column; with no column named, in the
 * listed rows' one label column ("artists starting with 'The'"). Rows labelled by several
 * columns (first and last name) do not say which, and are not read.
 */
function textMatchFilter(
  q: Extract<Part, { k: "text-match" }>,
  scope: FilterScope,
  src: Sources,
  ctx: BuildContext,
): Filter {
  const owner = scope.subject ?? scope.base;
  const [label, ...more] = owner.label;
  const column =
    q.attr?.kind === "dimension"
      ? q.attr.dimension.column
      : label && more.length === 0
        ? label
        : fail("text to find with no one column to find it in");
  const entity = q.attr?.entity ?? owner;
  const type = catalogColumn(ctx.catalog, entity.table, column)?.dataType;
  if (type !== undefined && typeFamily(type) !== "text") fail(`${column} is not text`);
  const meaning: Meaning = q.attr ?? { kind: "entity", entity };
  return { op: q.op, column: src.col(meaning, column, q.phrase), text: q.text, phrase: q.phrase };
}

/** The one declared relationship from `owner` to `target` that the verb names, if any. */
function verbRelationship(model: SemanticModel, verb: string, owner: Entity, target: Entity): Relationship | undefined {
  const found = model.relationships.filter(
    (r) =>
      !r.inferred &&
      r.from === owner.table &&
      r.to === target.table &&
      r.cardinality !== "many_to_many" &&
      saidWith(r, verb),
  );
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The relationships from the listed rows to the row the verb names: the listed rows' own, or else
 * their one parent's ("order lines shipped with Federal Shipping": a line is shipped as part of its
 * order, which names the shipper). Several parents that fit leave it unread.
 */
function verbRoute(model: SemanticModel, verb: string, owner: Entity, target: Entity): Relationship[] | undefined {
  const own = verbRelationship(model, verb, owner, target);
  if (own) return [own];
  const routes = model.relationships
    .filter((r) => !r.inferred && r.from === owner.table && r.cardinality === "many_to_one" && r.to !== owner.table)
    .flatMap((parent) => {
      const entity = model.entities.find((e) => e.table === parent.to);
      const rel = entity && verbRelationship(model, verb, entity, target);
      return rel ? [[parent, rel]] : [];
    });
  return routes.length === 1 ? routes[0] : undefined;
}

/**
 * Keeps the listed rows whose related row (over `rel`) has the values: an existence check, so a
 * relationship to the same table ("reports to" another employee) reads the other row, not the
 * listed one.
 */
function relatedRowFilter(
  q: Extract<Part, { k: "values" | "named-row" }>,
  route: Relationship[],
  owner: Entity,
  src: Sources,
  ctx: BuildContext,
): Filter {
  const path = new ExistencePath(declaredGraph(ctx.model), owner.table, fail);
  for (const rel of route) path.walkOver(rel, "from");
  const alias = path.path[path.path.length - 1].alias;
  const byColumn = new Map<string, (string | number | boolean)[]>();
  for (const m of q.meanings) byColumn.set(m.column, [...(byColumn.get(m.column) ?? []), m.value]);
  const where: ColumnFilter[] = [...byColumn].map(([column, values]) =>
    values.length === 1
      ? { op: "=", column: { source: alias, column }, value: values[0], phrase: q.phrase }
      : { op: "in", column: { source: alias, column }, values, phrase: q.phrase },
  );
  return { op: "exists", source: src.reach(owner.table, q.phrase), path: path.path, where, phrase: q.phrase };
}
