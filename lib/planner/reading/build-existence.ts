import { annotate, resolveTimeExpression } from "@/lib/planner/english";
import type { Entity, Relationship } from "@/lib/semantic-model/model-schema";
import { baseVerb } from "@/lib/semantic-model/words/inflection";
import type { ColumnFilter, ComparisonOp, Filter } from "@/lib/spec/clauses";
import type { BuildContext } from "./build-spec";
import type { ExistencePart } from "./existence-parts";
import { declaredGraph, entityOf, ExistencePath, type Fail } from "./existence-paths";
import { phraseKey } from "./lexicon";
import { catalogColumn } from "./model-lookups";
import type { Part } from "./parts";

type RelatedRows = Extract<ExistencePart, { k: "related-rows" }>;
type Env = {
  ctx: BuildContext;
  base: Entity;
  reach: (table: string, phrase: string) => string;
  fail: Fail;
  note: (text: string) => void;
};

/**
 * General English verbs that bring a related row into being ("placed an order", "made a
 * purchase", "bought a track"): they say the row exists, never which state it is in, even where
 * a status value spells the same word ("placed").
 */
const CREATION_VERBS = new Set([
  "place",
  "make",
  "buy",
  "order",
  "purchase",
  "submit",
  "create",
  "have",
  "get",
  "do",
  "book",
  "rent",
]);

const OPS: Record<string, ComparisonOp> = { ">": ">", ">=": ">=", "<": "<", "<=": "<=", "=": "=", "!=": "!=" };

/**
 * The filters of a reading's negation and existence clauses (grammar-existence.ts): an empty
 * column is `is_null`, a value the row must not have is `!=` / `not_in` (or an anti-join when
 * the value is another table's), and related rows are an `exists` / `not_exists` check over
 * declared foreign keys. The clauses qualify the listed (or counted) rows; a reading that also
 * names other rows leaves it unclear which they qualify, and is refused.
 */
export function existenceFilters(parts: Part[], env: Env): Filter[] {
  const clauses = parts.filter(
    (p): p is ExistencePart => p.k === "related-rows" || p.k === "missing" || p.k === "not-values",
  );
  if (clauses.length === 0) return [];
  // "orders per customer without payments": the clause may qualify either; only a request that names one kind of row is read.
  if (parts.some((p) => p.k === "related" || (p.k === "grain" && p.entity)))
    env.fail("a negation beside other rows it could qualify");
  const named = parts.find((p) => p.k === "subject" || p.k === "count");
  const owner = named?.k === "subject" || named?.k === "count" ? named.entity : env.base;
  return clauses.map((c) =>
    c.k === "missing"
      ? missingFilter(c, owner, env)
      : c.k === "not-values"
        ? notValuesFilter(c, owner, env)
        : relatedRowsFilter(c, owner, env),
  );
}

function isNullable(env: Env, table: string, column: string): boolean {
  return catalogColumn(env.ctx.catalog, table, column)?.nullable ?? true;
}

/** "with no region": the row's own column is empty. A column that is never empty cannot be meant. */
function missingFilter(c: Extract<ExistencePart, { k: "missing" }>, owner: Entity, env: Env): Filter {
  const m = c.meaning;
  // "employees with no manager": the key that names the role's row is empty.
  const roleKey =
    m.kind === "role" && m.relationship.from === owner.table && m.relationship.fromColumns.length === 1
      ? m.relationship.fromColumns[0]
      : undefined;
  const column =
    m.kind === "dimension"
      ? m.dimension.column
      : m.kind === "time"
        ? m.time.column
        : (roleKey ?? env.fail("an empty non-column"));
  if (m.kind !== "role" && m.entity.table !== owner.table) env.fail("an empty column of other rows");
  if (!isNullable(env, owner.table, column)) env.fail(`${column} is never empty`);
  return {
    op: c.present ? "is_not_null" : "is_null",
    column: { source: env.reach(owner.table, c.phrase), column },
    phrase: c.phrase,
  };
}

/**
 * "orders that are not cancelled": `!=` on the row's own column, as SQL reads it, so a row with
 * no value is left out too (the plan says so when the column may be empty); "products that
 * aren't condiments": no related row of that category, which keeps a product without one.
 */
function notValuesFilter(c: Extract<ExistencePart, { k: "not-values" }>, owner: Entity, env: Env): Filter {
  const first = c.meanings[0];
  const column = first.kind === "flag" ? first.flag.column : first.column;
  const values = c.meanings.map((m) => (m.kind === "flag" ? m.flag.trueValue : m.value));
  if (c.meanings.some((m) => m.entity !== first.entity || (m.kind === "flag" ? m.flag.column : m.column) !== column))
    env.fail("values of several columns");
  if (c.of && c.of.table !== owner.table) env.fail("values left out of rows the request does not list");
  if (c.verb && !isColumnVerb(c.verb.lemma, first.entity, column))
    env.fail(`"${c.verb.lemma}" is not a verb of ${column}`);
  const condition = (source: string, negate: boolean): ColumnFilter =>
    values.length === 1
      ? { op: negate ? "!=" : "=", column: { source, column }, value: values[0], phrase: c.phrase }
      : { op: negate ? "not_in" : "in", column: { source, column }, values, phrase: c.phrase };
  if (first.entity.table === owner.table) {
    if (isNullable(env, owner.table, column)) env.note(`"${c.phrase}" also leaves out the rows with no ${column}`);
    return condition(env.reach(owner.table, c.phrase), true);
  }
  const path = new ExistencePath(declaredGraph(env.ctx.model), owner.table, env.fail);
  path.walkTo(first.entity.table);
  const toOne = path.path.every((step, i) =>
    isToOne(env, i === 0 ? owner.table : `${path.path[i - 1].schema}.${path.path[i - 1].table}`, step),
  );
  if (!toOne) env.fail("a value of many related rows");
  return {
    op: "not_exists",
    source: env.reach(owner.table, c.phrase),
    path: path.path,
    where: [condition(path.aliasOf(first.entity.table), false)],
    phrase: c.phrase,
  };
}

/** The step lands on the far table's whole key: at most one row per row. */
function isToOne(env: Env, _from: string, step: { schema: string; table: string; on: { right: string }[] }): boolean {
  const key = entityOf(env.ctx.model, `${step.schema}.${step.table}`)?.key ?? [];
  return key.length > 0 && key.length === step.on.length && key.every((k) => step.on.some((o) => o.right === k));
}

/**
 * "customers who never placed an order", "products nobody ordered", "suppliers that don't have
 * a single discontinued product", "who bought at least 3 Iron Maiden tracks": which rows are
 * related, over which keys, and what narrows them.
 */
function relatedRowsFilter(c: RelatedRows, owner: Entity, env: Env): Filter {
  const { model } = env.ctx;
  const path = new ExistencePath(declaredGraph(model), owner.table, env.fail);
  const verb = c.verb ? verbWords(c.verb) : undefined;
  // The row does the verb, unless the related rows are its subject ("nobody reports to") or it is passive.
  const rowDoesIt = !c.byOthers !== Boolean(verb?.passive);
  const rel = verb && relationshipOf(verb.phrase, owner, rowDoesIt, c.entity, model.relationships, env.fail);
  if (rel) path.walkOver(rel.relationship, rel.ownerEnd);
  else path.walkTo(relatedTable(c, owner, verb?.lemma, env));
  const where: ColumnFilter[] = [];
  if (verb && !rel) where.push(...verbConditions(verb.lemma, path, env));
  // A period without its date dates the verb's event: the nearest table back along the path that has an obvious date.
  const dated =
    path
      .pathTables()
      .reverse()
      .map((t) => entityOf(model, t)!)
      .find((e) => obviousTime(e)) ?? entityOf(model, path.pathTables().at(-1)!)!;
  for (const q of c.qualifiers) where.push(...conditions(q, path, env, dated));
  return {
    op: c.negated ? "not_exists" : "exists",
    source: env.reach(owner.table, c.phrase),
    path: path.path,
    ...(path.lookups.length > 0 ? { lookups: path.lookups } : {}),
    ...(where.length > 0 ? { where } : {}),
    ...(c.minCount && c.minCount > 1 ? { minCount: c.minCount } : {}),
    phrase: c.phrase,
  };
}

/** The verb as relationship verbs are written ("report to"); a passive's "by" names the doer, not the verb. */
function verbWords(verb: Extract<Part, { k: "verb" }>) {
  const words = verb.chunk.text.toLowerCase().split(/\s+/);
  let particles = verb.chunk.particles.length > 0 ? words.slice(-verb.chunk.particles.length) : [];
  if (verb.chunk.passive && particles.at(-1) === "by") particles = particles.slice(0, -1);
  return { lemma: verb.lemma, phrase: [verb.lemma, ...particles].join(" "), passive: verb.chunk.passive };
}

/**
 * A relationship the verb names between the row and the related rows ("report to", "have",
 * "support"), and which end the row is at: the verb's subject is the row, or the related rows
 * for "nobody reports to". Many-to-many and "either" verbs leave the route to the join graph.
 */
function relationshipOf(
  phrase: string,
  owner: Entity,
  rowDoesIt: boolean,
  object: Entity | undefined,
  relationships: Relationship[],
  fail: Fail,
): { relationship: Relationship; ownerEnd: "from" | "to" } | undefined {
  const found = relationships.flatMap((relationship) => {
    if (relationship.cardinality === "many_to_many" || relationship.inferred) return [];
    const verb = relationship.verbs.find((v) => v.phrase === phrase);
    if (!verb || verb.subject === "either") return [];
    const doer: "from" | "to" = verb.subject;
    const ownerEnd: "from" | "to" = rowDoesIt ? doer : doer === "from" ? "to" : "from";
    const ownerTable = ownerEnd === "from" ? relationship.from : relationship.to;
    const otherTable = ownerEnd === "from" ? relationship.to : relationship.from;
    if (ownerTable !== owner.table || (object && object.table !== otherTable)) return [];
    return [{ relationship, ownerEnd }];
  });
  if (found.length > 1) fail(`"${phrase}" names several relationships`);
  return found[0];
}

/** Whether the verb reaches this column of the entity ("live" → an address column), or is the copula. */
function isColumnVerb(lemma: string, entity: Entity, column: string): boolean {
  return lemma === "be" || (entity.dimensions.find((d) => d.column === column)?.verbs ?? []).includes(lemma);
}

/**
 * The related rows' table: the object named, else the table of the values that narrow them
 * ("never paid by coupon"), else the table the verb names ("ordered"). Values after "be" or after
 * a verb of the row's own columns ("don't live in Germany") describe the row, not related rows.
 */
function relatedTable(c: RelatedRows, owner: Entity, lemma: string | undefined, env: Env): string {
  if (c.entity) return c.entity.table;
  const valueTables = new Set(
    c.qualifiers.flatMap((q) =>
      q.k === "values" ? q.meanings.map((m) => m.entity.table) : q.k === "flag" ? [q.meaning.entity.table] : [],
    ),
  );
  if (
    valueTables.size > 0 &&
    (lemma === undefined || lemma === "be" || owner.dimensions.some((d) => d.verbs?.includes(lemma)))
  )
    env.fail("values that describe the row itself");
  if (valueTables.size === 1) return [...valueTables][0];
  // "bought anything from the Seafood category": the rows the words go on to name.
  const relatedTables = new Set(c.qualifiers.flatMap((q) => (q.k === "related" ? [q.entity.table] : [])));
  if (relatedTables.size === 1 && valueTables.size === 0) return [...relatedTables][0];
  const named = lemma ? namedEntities(lemma, env).filter((e) => e.table !== owner.table) : [];
  if (named.length === 1 && valueTables.size === 0 && relatedTables.size === 0) return named[0].table;
  return env.fail("related rows the words do not name");
}

/** Entities whose own name is the verb ("order" → orders). */
function namedEntities(lemma: string, env: Env, { dated = true } = {}): Entity[] {
  const key = phraseKey(lemma);
  return env.ctx.model.entities.filter(
    (e) =>
      !e.link &&
      ([e.name, e.plural, ...(e.words ?? [])].some((w) => phraseKey(w) === key) || (dated && datedBy(e, lemma))),
  );
}

/**
 * Whether the verb names the event each row records, its default date: "paid" for payments
 * (`paid_at`), "shipped" for shipments (`shipped_on`). Paying makes a payment as ordering makes an order.
 */
function datedBy(e: Entity, lemma: string): boolean {
  const time = e.timeDimensions.find((t) => t.default);
  return [...(time?.words ?? []), ...(time?.synonyms ?? [])].some(
    (w) => !/\s/.test(w) && (w === lemma || baseVerb(w) === lemma || lemmaOf(w) === lemma),
  );
}

const lemmas = new Map<string, string>();
/** A word's lemma as the request's words get theirs ("paid" → pay). */
function lemmaOf(word: string): string {
  if (!lemmas.has(word)) lemmas.set(word, annotate(word)[0]?.lemma ?? word);
  return lemmas.get(word)!;
}

/**
 * What a plain verb says about the related rows. A verb that brings them into being ("placed")
 * or names a table on the path ("ordered" over orders) says nothing more; one that is a value
 * there ("returned" orders) is a condition; one that names another table, or a date, amount or
 * flag on the path, is not read.
 */
function verbConditions(lemma: string, path: ExistencePath, env: Env): ColumnFilter[] {
  if (CREATION_VERBS.has(lemma)) return [];
  const tables = path.pathTables();
  if (namedEntities(lemma, env).some((e) => tables.includes(e.table))) return [];
  // Only a table's own name rules out a path without it: "paid for an order with a coupon"
  // reaches the payments through the words after it.
  if (namedEntities(lemma, env, { dated: false }).length > 0) env.fail("a verb that names another table");
  const entities = tables.map((t) => entityOf(env.ctx.model, t)!);
  const isVerb = (word: string) =>
    !/\s/.test(word.trim()) && (word.toLowerCase() === lemma || baseVerb(word.toLowerCase()) === lemma);
  const columnWords = entities.flatMap((e) =>
    [...e.timeDimensions, ...e.measures, ...e.flags].flatMap((d) => d.words.map((w) => w.split(" ")[0])),
  );
  const values = entities.flatMap((e) =>
    e.dimensions.flatMap((d) =>
      (d.values ?? []).filter(isVerb).map((value) => ({ entity: e, column: d.column, value })),
    ),
  );
  if (columnWords.some(isVerb)) env.fail(`"${lemma}" names a column of the related rows`);
  if (new Set(values.map((v) => `${v.entity.table}.${v.column}`)).size > 1)
    env.fail(`"${lemma}" is a value of several columns`);
  return values.length === 0
    ? []
    : [
        {
          op: "=",
          column: { source: path.aliasOf(values[0].entity.table), column: values[0].column },
          value: values[0].value,
          phrase: lemma,
        },
      ];
}

/** The date a period on these rows means when it names none: the default one, or the only one. */
function obviousTime(e: Entity) {
  return e.timeDimensions.find((t) => t.default) ?? (e.timeDimensions.length === 1 ? e.timeDimensions[0] : undefined);
}

/** The conditions a qualifier puts on the related rows: values, flags, periods, comparisons and further related rows with theirs. */
function conditions(q: Part, path: ExistencePath, env: Env, dated: Entity): ColumnFilter[] {
  switch (q.k) {
    case "values": {
      const m = q.meanings[0];
      const source = path.aliasOf(m.entity.table);
      return [
        q.meanings.length === 1
          ? { op: "=", column: { source, column: m.column }, value: m.value, phrase: q.phrase }
          : {
              op: "in",
              column: { source, column: m.column },
              values: q.meanings.map((v) => v.value),
              phrase: q.phrase,
            },
      ];
    }
    case "flag":
      return [
        {
          op: "=",
          column: { source: path.aliasOf(q.meaning.entity.table), column: q.meaning.flag.column },
          value: q.meaning.flag.trueValue,
          phrase: q.phrase,
        },
      ];
    case "filter-time": {
      const entity = q.attr?.entity ?? dated;
      const time =
        q.attr?.kind === "time"
          ? q.attr.time
          : (obviousTime(entity) ?? env.fail(`no date of ${entity.table} is the obvious one`));
      const range = q.expr.range ?? resolveTimeExpression(q.expr, env.ctx.asOf(entity.table, time.column).date);
      if (!range || (!range.start && !range.end)) return env.fail("an unbounded period");
      return [
        {
          op: "date_range",
          column: { source: path.aliasOf(entity.table), column: time.column },
          ...(range.start ? { from: range.start } : {}),
          ...(range.end ? { to: range.end } : {}),
          phrase: q.phrase,
        },
      ];
    }
    case "filter-compare": {
      const a = q.attr;
      if (!a || (a.kind !== "measure" && a.kind !== "dimension") || q.chunk.operator === "between" || q.unit)
        return env.fail("a comparison of related rows without its column");
      const column = a.kind === "measure" ? a.measure.column : a.dimension.column;
      return [
        {
          op: OPS[q.chunk.operator] ?? env.fail("operator"),
          column: { source: path.aliasOf(a.entity.table), column },
          value: q.chunk.quantity!.value,
          phrase: q.phrase,
        },
      ];
    }
    case "related":
      path.aliasOf(q.entity.table);
      return q.qualifiers.flatMap((inner) => conditions(inner, path, env, q.entity));
    default:
      return env.fail(`"${"phrase" in q ? q.phrase : q.k}" does not narrow related rows`);
  }
}
