import type { Catalog } from "@/lib/catalog/types";
import {
  planAuto,
  planWithBedrock,
  type BedrockOptions,
  type BedrockUsage,
  type SampleRows,
} from "@/lib/planner/bedrock";
import { planWithEnglish } from "@/lib/planner/reading";
import type { PlanResult } from "@/lib/planner/types";
import { SnakeNameSchema } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import type { PlannerMode } from "@/lib/runs/pipeline-options";
import type { SavedMeaning } from "@/lib/planner/questions";
import { planFromVerifiedExample, type VerifiedExample } from "@/lib/planner/verified/plan-from-example";

export type { PlannerMode } from "@/lib/runs/pipeline-options";

export type PlannerInput = {
  prompt: string;
  catalog: Catalog;
  sampleValues?: Record<string, string[]>;
  /** Tables DataMorph published ("schema.table"); they rank below base tables unless named. */
  derivedTables?: string[];
  targetSchema: string;
  /** The user's choice of target name, which wins over the planner's. */
  targetTable?: string;
  now?: Date;
  mode?: PlannerMode;
  /** The warehouse's semantic model, for the reading planner (else it builds one from the catalog). */
  semanticModel?: SemanticModel;
  /** The latest date in each time column ("schema.table.column" → ISO date): the reading planner reads relative periods against it. */
  latestDates?: Record<string, string>;
  /** Answers a person gave to this request's questions (question id → choice id), for the reading planner. */
  answers?: Record<string, string>;
  /** Meanings people confirmed in this warehouse, for the reading planner: they answer its questions again. */
  knowledge?: SavedMeaning[];
  /** Requests people marked right in this warehouse: one that says the same up to its values is planned from it. */
  verifiedExamples?: VerifiedExample[];
  /** How to reach the model, for the bedrock and auto modes, and how to read the sample rows it may see. */
  bedrock?: BedrockOptions & {
    loadSampleRows?: () => Promise<SampleRows>;
    loadSemanticModel?: () => Promise<SemanticModel>;
  };
};

export type PlannerOutput = PlanResult & {
  planner: "reading" | "bedrock" | "verified";
  usage?: BedrockUsage;
  /** The verified example the plan was made from. */
  exampleUsed?: string;
};

async function plan(input: PlannerInput): Promise<PlannerOutput> {
  const { prompt, catalog, sampleValues, derivedTables, now, mode = "reading", bedrock } = input;
  // What a person checked outranks any reading, the model's included.
  const fromExample = input.verifiedExamples?.length
    ? planFromVerifiedExample({ prompt, examples: input.verifiedExamples, catalog, sampleValues })
    : null;
  if (fromExample)
    return {
      ok: true,
      spec: fromExample.spec,
      confidence: 1,
      notes: fromExample.notes,
      planner: "verified",
      exampleUsed: fromExample.exampleId,
    };
  const reading = {
    prompt,
    catalog,
    sampleValues,
    derivedTables,
    now,
    semanticModel: input.semanticModel,
    latestDates: input.latestDates,
    answers: input.answers,
    knowledge: input.knowledge,
  };
  if (mode === "reading") return { ...planWithEnglish(reading), planner: "reading" };
  if (!bedrock) throw new Error(`The ${mode} planner needs a Bedrock model (set DATAMORPH_BEDROCK_MODEL_ID).`);
  const confirmed = { knowledge: input.knowledge, verifiedExamples: input.verifiedExamples };
  if (mode === "auto") return planAuto({ reading, bedrock, confirmed });
  const { loadSampleRows, loadSemanticModel, ...model } = bedrock;
  const [sampleRows, semanticModel] = await Promise.all([loadSampleRows?.(), loadSemanticModel?.()]);
  return {
    ...(await planWithBedrock({
      ...model,
      ...confirmed,
      sampleRows,
      semanticModel,
      prompt,
      catalog,
      sampleValues,
      now,
    })),
    planner: "bedrock",
  };
}

/** Prompt → spec with the configured planner; the target lands in the configured target schema. */
export async function planSpec(input: PlannerInput): Promise<PlannerOutput> {
  if (input.targetTable !== undefined && !SnakeNameSchema.safeParse(input.targetTable).success) {
    return {
      ok: false,
      code: "not_understood",
      message: `"${input.targetTable}" is not a valid target table name: use lowercase letters, digits and underscores.`,
      phrase: input.targetTable,
      planner: "reading",
    };
  }
  const result = await plan(input);
  if (!result.ok) return result;
  const target: EtlSpec["target"] = {
    ...result.spec.target,
    schema: input.targetSchema,
    ...(input.targetTable ? { table: input.targetTable, phrase: "--target" } : {}),
  };
  return { ...result, spec: { ...result.spec, target } };
}
