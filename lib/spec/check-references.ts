import type { z } from "zod";
import type {
  ColumnRef,
  ExistsFilter,
  FilterSchema,
  GrainKeySchema,
  HavingSchema,
  JoinSchema,
  LimitSchema,
  OrderBySchema,
  SourceSchema,
} from "@/lib/spec/clauses";
import { isExistsFilter } from "@/lib/spec/clauses";
import { derivedInputs, isDerivedOutput, type OutputColumn } from "@/lib/spec/output-column";

type SpecShape = {
  sources: z.infer<typeof SourceSchema>[];
  joins: z.infer<typeof JoinSchema>[];
  filters: z.infer<typeof FilterSchema>[];
  grain: z.infer<typeof GrainKeySchema>[];
  columns: OutputColumn[];
  having: z.infer<typeof HavingSchema>[];
  orderBy: z.infer<typeof OrderBySchema>[];
  limit?: z.infer<typeof LimitSchema>;
  distinct?: boolean;
};

type Issue = { message: string; path: (string | number)[] };

/**
 * Internal consistency of a spec: aliases, joins, column refs and output names point at
 * things the spec declares. Catalog checks (do the tables exist?) belong to codegen.
 */
export function checkSpecReferences(spec: SpecShape): Issue[] {
  const issues: Issue[] = [];
  const aliases = new Set<string>();
  spec.sources.forEach((s, i) => {
    if (aliases.has(s.alias))
      issues.push({ message: `duplicate source alias "${s.alias}"`, path: ["sources", i, "alias"] });
    aliases.add(s.alias);
  });
  const checkRef = (ref: ColumnRef, path: (string | number)[]) => {
    if (!aliases.has(ref.source)) issues.push({ message: `unknown source alias "${ref.source}"`, path });
  };

  // Joins must bring in the sources after the first, in order, each exactly once.
  const joined = new Set([spec.sources[0]?.alias]);
  spec.joins.forEach((j, i) => {
    if (!joined.has(j.left))
      issues.push({ message: `join ${i} reads "${j.left}" before it is joined`, path: ["joins", i, "left"] });
    if (j.right !== spec.sources[i + 1]?.alias)
      issues.push({
        message: `join ${i} must bring in source "${spec.sources[i + 1]?.alias}"`,
        path: ["joins", i, "right"],
      });
    joined.add(j.right);
  });
  if (spec.joins.length !== spec.sources.length - 1)
    issues.push({ message: "every source after the first needs exactly one join", path: ["joins"] });

  spec.filters.forEach((f, i) => {
    if (isExistsFilter(f)) issues.push(...checkExists(f, aliases, ["filters", i]));
    else if (f.op === "expression") {
      if (!aliases.has(f.source))
        issues.push({ message: `unknown source alias "${f.source}"`, path: ["filters", i, "source"] });
    } else checkRef(f.column, ["filters", i, "column"]);
  });
  spec.grain.forEach((g, i) => checkRef(g.column, ["grain", i, "column"]));

  const names = new Set<string>();
  const aggregates = new Set<string>();
  spec.columns.forEach((c, i) => {
    if (names.has(c.name))
      issues.push({ message: `duplicate output column "${c.name}"`, path: ["columns", i, "name"] });
    names.add(c.name);
    if (c.expr.kind === "column") checkRef(c.expr.column, ["columns", i, "expr", "column"]);
    if (c.expr.kind === "aggregate") {
      aggregates.add(c.name);
      if (c.expr.arg.kind === "column") checkRef(c.expr.arg.column, ["columns", i, "expr", "arg", "column"]);
      if (c.expr.arg.kind === "star" && c.expr.fn !== "count")
        issues.push({ message: `${c.expr.fn}(*) is not an aggregate; only count(*) is`, path: ["columns", i, "expr"] });
      (c.expr.where ?? []).forEach((w, k) => checkRef(w.column, ["columns", i, "expr", "where", k, "column"]));
    }
  });
  spec.columns.forEach((c, i) => {
    if (!isDerivedOutput(c.expr)) return;
    for (const input of derivedInputs(c.expr))
      if (!aggregates.has(input))
        issues.push({
          message: `${c.expr.kind} "${c.name}" must be computed from aggregate outputs, not "${input}"`,
          path: ["columns", i, "expr"],
        });
    // HAVING drops groups after the total is taken: the shares would no longer add up to the whole.
    if (c.expr.kind === "share" && spec.having.length > 0)
      issues.push({ message: `share "${c.name}" cannot stand beside a having clause`, path: ["columns", i, "expr"] });
  });
  spec.having.forEach((h, i) => {
    if (!aggregates.has(h.output))
      issues.push({
        message: `having must name an aggregate output, not "${h.output}"`,
        path: ["having", i, "output"],
      });
  });
  spec.orderBy.forEach((o, i) => {
    if (!names.has(o.output))
      issues.push({ message: `order by names unknown output "${o.output}"`, path: ["orderBy", i, "output"] });
  });
  spec.limit?.per?.forEach((name, i) => {
    if (!names.has(name))
      issues.push({ message: `limit per names unknown output "${name}"`, path: ["limit", "per", i] });
  });
  if (spec.limit?.per) {
    // The first rows of each group are ranked by the order, on plain columns and aggregates only.
    if (spec.orderBy.length === 0)
      issues.push({ message: "limit per group needs an order to rank by", path: ["limit", "per"] });
    if (spec.distinct) issues.push({ message: "limit per group cannot be distinct", path: ["limit", "per"] });
    const derived = spec.columns.filter((c) => isDerivedOutput(c.expr)).map((c) => c.name);
    if ([...spec.limit.per, ...spec.orderBy.map((o) => o.output)].some((n) => derived.includes(n)))
      issues.push({ message: "limit per group ranks by a derived output", path: ["limit", "per"] });
  }
  spec.grain.forEach((g, i) => {
    const shown = spec.columns.some(
      (c) =>
        c.expr.kind === "column" &&
        c.expr.column.source === g.column.source &&
        c.expr.column.column === g.column.column &&
        c.expr.bucket === g.bucket,
    );
    // The grain is what makes a target row unique, so it must be visible in the target.
    if (!shown)
      issues.push({
        message: `grain key ${g.column.source}.${g.column.column} is not an output column`,
        path: ["grain", i],
      });
  });
  if (spec.grain.length > 0 && aggregates.size === 0)
    issues.push({ message: "a grain needs at least one aggregate output", path: ["grain"] });
  return issues;
}

/**
 * An existence check reads a source of the spec and its own steps, whose aliases must not
 * shadow a source: each lookup hangs off a step before it, each condition reads one of them.
 */
function checkExists(filter: ExistsFilter, sources: Set<string>, at: (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  if (!sources.has(filter.source))
    issues.push({ message: `unknown source alias "${filter.source}"`, path: [...at, "source"] });
  const steps = new Set<string>();
  const add = (alias: string, path: (string | number)[]) => {
    if (sources.has(alias) || steps.has(alias))
      issues.push({ message: `existence step alias "${alias}" is already taken`, path });
    steps.add(alias);
  };
  filter.path.forEach((step, i) => add(step.alias, [...at, "path", i, "alias"]));
  (filter.lookups ?? []).forEach((step, i) => {
    if (!steps.has(step.from))
      issues.push({
        message: `lookup ${i} joins "${step.from}", which is not an earlier step`,
        path: [...at, "lookups", i, "from"],
      });
    add(step.alias, [...at, "lookups", i, "alias"]);
  });
  (filter.where ?? []).forEach((w, i) => {
    if (!steps.has(w.column.source))
      issues.push({
        message: `an existence condition reads "${w.column.source}", which is not one of its steps`,
        path: [...at, "where", i, "column"],
      });
  });
  return issues;
}
