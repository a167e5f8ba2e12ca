import { z } from "zod";

/**
 * The semantic model of one warehouse: what its tables and columns mean in English. Generated
 * from the catalog (see build-model.ts), stored per version, exported and imported as YAML.
 * Objects are strict so that a misspelt key in an imported file is an error, not a silent no-op.
 */

/** Bumped when generation changes in a way that should regenerate stored models. */
export const MODEL_FORMAT_VERSION = 1;

const NameSchema = z.string().min(1).max(63);
/** `schema.table`, as the catalog spells both. */
export const TableRefSchema = z.string().regex(/^[^.]+\..+$/, "must be schema.table, e.g. public.customers");
const PhraseSchema = z.string().min(1).max(200);
const PhrasesSchema = z.array(PhraseSchema);

/** A unit read from a column's name or type; `currency` is money in the warehouse's own currency. */
export const UNITS = [
  "currency",
  "cents",
  "ms",
  "s",
  "min",
  "h",
  "days",
  "g",
  "kg",
  "bytes",
  "kb",
  "mb",
  "gb",
  "percent",
] as const;
export const UnitSchema = z.enum(UNITS);

export const DimensionSchema = z.strictObject({
  column: NameSchema,
  /** Phrases the column's own name gives ("ship city"), the written-out form of abbreviations included. */
  words: PhrasesSchema,
  /** General words for the same thing (from small tables of English, or the user's overlay). */
  synonyms: PhrasesSchema.optional(),
  /** `location`: part of an address; `identifier`: a code or number that names one row. */
  kind: z.enum(["location", "identifier"]).optional(),
  /** Verbs that reach this column from the entity ("live", "ship" for a ship-to city). */
  verbs: PhrasesSchema.optional(),
  /** The column's distinct values, when there are few (the value index). */
  values: z.array(z.string().max(500)).optional(),
  /** The values were read from a sample of a large table: others may exist. */
  valuesSampled: z.boolean().optional(),
});

export const TimeDimensionSchema = z.strictObject({
  column: NameSchema,
  words: PhrasesSchema,
  synonyms: PhrasesSchema.optional(),
  /** `date` holds days; `timestamp` holds instants. */
  type: z.enum(["date", "timestamp"]),
  /** The table's time dimension when a request names a period without saying which date. */
  default: z.boolean().optional(),
});

export const MeasureSchema = z.strictObject({
  column: NameSchema,
  words: PhrasesSchema,
  synonyms: PhrasesSchema.optional(),
  /** `sum` for quantities that add up across rows, `avg` for rates, prices and other per-row figures. */
  defaultAgg: z.enum(["sum", "avg"]),
  unit: UnitSchema.optional(),
});

export const FlagSchema = z.strictObject({
  column: NameSchema,
  /** What the flag being set is called ("discontinued", "active"). */
  words: PhrasesSchema,
  /** The value that means "yes": true for booleans, 1 for 0/1 numbers, the "yes" text of Y/N columns. */
  trueValue: z.union([z.boolean(), z.number(), z.string().max(20)]),
});

export const EntitySchema = z.strictObject({
  table: TableRefSchema,
  /** The singular and plural noun for one row and many ("customer", "customers"). */
  name: PhraseSchema,
  plural: PhraseSchema,
  /** Other phrases the table's name gives (a staging prefix dropped, an abbreviation written out). */
  words: PhrasesSchema.optional(),
  synonyms: PhrasesSchema.optional(),
  key: z.array(NameSchema),
  /** The columns that name a row when a request asks for "the customer". */
  label: z.array(NameSchema),
  /** A table of keys only, linking two others (many-to-many). */
  link: z.boolean().optional(),
  dimensions: z.array(DimensionSchema),
  timeDimensions: z.array(TimeDimensionSchema),
  measures: z.array(MeasureSchema),
  flags: z.array(FlagSchema),
});

export const VerbSchema = z.strictObject({
  phrase: PhraseSchema,
  /** Which end does it: `from` ("employees report to …"), `to` ("employees support customers"), or either. */
  subject: z.enum(["from", "to", "either"]),
});

export const RelationshipSchema = z.strictObject({
  from: TableRefSchema,
  fromColumns: z.array(NameSchema).min(1),
  to: TableRefSchema,
  toColumns: z.array(NameSchema).min(1),
  /** Rows of `from` per row of `to`: many_to_one for a foreign key, many_to_many through a link table. */
  cardinality: z.enum(["many_to_one", "one_to_one", "many_to_many"]),
  /** For many_to_many: the link table and its columns that hold `from`'s and `to`'s keys. */
  through: z
    .strictObject({
      table: TableRefSchema,
      fromColumns: z.array(NameSchema).min(1),
      toColumns: z.array(NameSchema).min(1),
    })
    .optional(),
  /** No foreign key declares it: read from a column named after the other table's key. */
  inferred: z.boolean().optional(),
  /** What the `to` row is to the `from` row, when the column says ("support rep", "manager"). */
  roles: PhrasesSchema.optional(),
  verbs: z.array(VerbSchema),
});

export const SemanticModelSchema = z.strictObject({
  formatVersion: z.literal(MODEL_FORMAT_VERSION),
  /** The hash of the catalog the model was generated from (see catalog-hash.ts). */
  catalogHash: z.string().regex(/^[0-9a-f]{64}$/, "must be the 64-hex-digit hash of a catalog"),
  entities: z.array(EntitySchema),
  relationships: z.array(RelationshipSchema),
});

export type SemanticModel = z.infer<typeof SemanticModelSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Dimension = z.infer<typeof DimensionSchema>;
export type TimeDimension = z.infer<typeof TimeDimensionSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type Relationship = z.infer<typeof RelationshipSchema>;
export type Verb = z.infer<typeof VerbSchema>;
export type Unit = z.infer<typeof UnitSchema>;
