import type { Entity, Relationship, SemanticModel } from "@/lib/semantic-model/model-schema";
import type { LookupStep, PathStep } from "@/lib/spec/clauses";
import { joinGraph, shortestPaths, type Hop } from "./join-paths";

/** Why a reading cannot become a table (build-spec.ts's `Impossible`, passed in to keep one type). */
export type Fail = (why: string) => never;

const graphs = new WeakMap<SemanticModel, Map<string, Hop[]>>();

/**
 * The foreign-key graph an existence check may walk: declared keys only, because codegen
 * checks every step against the catalog's foreign keys (a relationship read from column names
 * proves nothing about which rows are related).
 */
export function declaredGraph(model: SemanticModel): Map<string, Hop[]> {
  let graph = graphs.get(model);
  if (!graph) {
    graph = joinGraph({ ...model, relationships: model.relationships.filter((r) => !r.inferred) });
    graphs.set(model, graph);
  }
  return graph;
}

const splitTable = (table: string) => ({ schema: table.split(".")[0], table: table.split(".").slice(1).join(".") });
const snake = (name: string) =>
  name
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();

/**
 * The tables of one existence check, grown as its conditions need them: the path from the
 * filtered row to the related rows, then lookups for tables its conditions read. Each table
 * gets an alias of its own (`related_<table>`), never the alias of a spec source.
 */
export class ExistencePath {
  readonly path: PathStep[] = [];
  readonly lookups: LookupStep[] = [];
  private readonly tables: { table: string; alias: string }[] = [];

  constructor(
    private readonly graph: Map<string, Hop[]>,
    private readonly owner: string,
    private readonly fail: Fail,
  ) {}

  /** The path over the shortest declared route from the filtered row to `target`; several routes are refused. */
  walkTo(target: string): void {
    const hops = this.uniqueRoute([this.owner], target);
    if (hops.length === 0) this.fail("a negation or count of rows of the same table");
    for (const hop of hops) this.path.push(this.step(hop));
  }

  /** The path over one relationship, from its `from` end or its `to` end. */
  walkOver(rel: Relationship, fromEnd: "from" | "to"): void {
    const [near, far] = fromEnd === "from" ? [rel.fromColumns, rel.toColumns] : [rel.toColumns, rel.fromColumns];
    this.path.push(
      this.step({
        from: fromEnd === "from" ? rel.from : rel.to,
        to: fromEnd === "from" ? rel.to : rel.from,
        fromColumns: near,
        toColumns: far,
        fansOut: false,
      }),
    );
  }

  /** The tables the path walks through, the filtered row's excluded. */
  pathTables(): string[] {
    return this.tables.slice(0, this.path.length).map((t) => t.table);
  }

  /** The alias a condition on `table` reads: its step on the path, else a lookup reached from the check's own tables. */
  aliasOf(table: string): string {
    const known = this.tables.filter((t) => t.table === table);
    if (known.length > 1) this.fail(`${table} appears twice in one check`);
    if (known.length === 1) return known[0].alias;
    if (table === this.owner) this.fail("a condition on the listed row inside a check of its related rows");
    const hops = this.uniqueRoute(
      this.tables.map((t) => t.table),
      table,
    );
    for (const hop of hops) {
      const from = this.tables.find((t) => t.table === hop.from)!.alias;
      this.lookups.push({ ...this.step(hop), from });
    }
    return this.tables.find((t) => t.table === table)!.alias;
  }

  private uniqueRoute(from: string[], target: string): Hop[] {
    const routes = shortestPaths(this.graph, from, target);
    if (routes.length === 0) this.fail(`no declared relationship reaches ${target}`);
    const distinct = new Set(
      routes.map((p) => p.map((h) => `${h.from}.${h.fromColumns}>${h.to}.${h.toColumns}`).join("|")),
    );
    if (distinct.size > 1) this.fail(`several ways to reach ${target}`);
    return routes[0];
  }

  private step(hop: Hop): PathStep {
    const base = `related_${snake(splitTable(hop.to).table)}`;
    let alias = base;
    for (let i = 2; this.tables.some((t) => t.alias === alias); i++) alias = `${base}_${i}`;
    this.tables.push({ table: hop.to, alias });
    return { ...splitTable(hop.to), alias, on: hop.fromColumns.map((c, i) => ({ left: c, right: hop.toColumns[i] })) };
  }
}

/** The entity a table is. */
export const entityOf = (model: SemanticModel, table: string): Entity | undefined =>
  model.entities.find((e) => e.table === table);
