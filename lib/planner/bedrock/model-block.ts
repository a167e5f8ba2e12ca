import type { Entity, SemanticModel } from "@/lib/semantic-model/model-schema";

// The block is data for the model: names and words only. Values are in <known_values>.
const words = (...lists: (string[] | undefined)[]) => [...new Set(lists.flatMap((l) => l ?? []))];

function describeEntity(entity: Entity) {
  return {
    table: entity.table,
    called: words([entity.name, entity.plural], entity.words, entity.synonyms),
    ...(entity.label.length > 0 ? { label: entity.label } : {}),
    measures: entity.measures.map((m) => ({
      column: m.column,
      words: words(m.words, m.synonyms),
      aggregate: m.defaultAgg,
      ...(m.unit ? { unit: m.unit } : {}),
    })),
    dates: entity.timeDimensions.map((t) => ({
      column: t.column,
      words: words(t.words, t.synonyms),
      ...(t.default ? { default: true } : {}),
    })),
    dimensions: entity.dimensions.map((d) => ({
      column: d.column,
      words: words(d.words, d.synonyms),
      ...(d.verbs?.length ? { verbs: d.verbs } : {}),
    })),
    flags: entity.flags.map((f) => ({ column: f.column, words: f.words, true_value: f.trueValue })),
  };
}

/**
 * The warehouse's semantic model as data lines for the model planner: what each table and
 * column is called in English (its users' own words included, from an imported model), which
 * aggregate a measure takes, its unit, and the verbs and roles that name each relationship.
 */
export function semanticModelLines(model: SemanticModel): unknown[] {
  return [
    ...model.entities.map(describeEntity),
    ...model.relationships.map((r) => ({
      relationship: `${r.from}(${r.fromColumns.join(", ")}) -> ${r.to}(${r.toColumns.join(", ")})`,
      cardinality: r.cardinality,
      ...(r.through ? { through: r.through.table } : {}),
      named_by: words(
        r.roles,
        r.verbs.map((v) => v.phrase),
      ),
    })),
  ];
}
