import type { ToolConfiguration, ToolInputSchema } from "@aws-sdk/client-bedrock-runtime";
import { z } from "zod";
import type { PlanRejection } from "@/lib/planner/types";
import { EtlSpecSchema } from "@/lib/spec/etl-spec";

export const EMIT_SPEC_TOOL = "emit_etl_spec";
export const REJECT_TOOL = "reject_request";

type JsonDocument = ToolInputSchema.JsonMember["json"];

/** A zod schema as a tool's input schema: its JSON schema, less the dialect line Bedrock has no use for. */
export function toolInputSchema(schema: z.ZodType): JsonDocument {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input" });
  return json as JsonDocument;
}

const MODEL_REJECT_CODES = ["not_understood", "unknown_table", "unknown_column", "ambiguous", "unsafe"] as const;

/** What the model sends when it refuses; `phrase` is the words of the request it could not build. */
export const RejectRequestSchema = z.object({
  code: z.enum(MODEL_REJECT_CODES),
  message: z.string().min(1).max(1000),
  phrase: z.string().max(500).optional(),
});

/** The spec's own JSON schema, so the model is held to exactly what `EtlSpecSchema` accepts. */
function specInputSchema(): JsonDocument {
  // The superRefine checks (aliases, references) cannot be expressed in JSON schema; they
  // are enforced when the answer is parsed, and their errors go back in the repair round.
  return toolInputSchema(EtlSpecSchema);
}

/**
 * The two tools the model may call: one builds the spec, the other refuses. `any` forces a
 * tool call (never free text) while leaving the model free to refuse.
 */
export function buildToolConfig(): ToolConfiguration {
  return {
    tools: [
      {
        toolSpec: {
          name: EMIT_SPEC_TOOL,
          description:
            "Emit the ETL spec that builds the requested table from the catalog tables. Use only tables and columns of the catalog.",
          inputSchema: { json: specInputSchema() },
        },
      },
      {
        toolSpec: {
          name: REJECT_TOOL,
          description:
            "Refuse a request that cannot or must not be built: it changes data, is not about building a table, names tables or columns the catalog lacks, or is ambiguous.",
          inputSchema: { json: toolInputSchema(RejectRequestSchema) },
        },
      },
    ],
    toolChoice: { any: {} },
  };
}

/** Reads a `reject_request` call; a malformed one still refuses, as "not_understood". */
export function readRejection(input: unknown): PlanRejection {
  const parsed = RejectRequestSchema.safeParse(input);
  if (parsed.success) return { ok: false, ...parsed.data };
  return { ok: false, code: "not_understood", message: "the model refused the request without a readable reason" };
}
