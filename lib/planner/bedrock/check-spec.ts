import type { Catalog } from "@/lib/catalog/types";
import { CodegenError, compileSql } from "@/lib/codegen/sql";
import { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";

export type SpecCheck = { ok: true; spec: EtlSpec } | { ok: false; errors: string[] };

// Enough for the model to fix its answer; a wall of errors only costs tokens.
const MAX_ERRORS = 20;

/**
 * Holds the model's `emit_etl_spec` input to the same bar as any other spec: the schema,
 * then a full compile against the catalog, which names every unknown table, column or
 * disallowed expression. The spec's `prompt` is always the user's own text, whatever the
 * model wrote there.
 */
export function checkModelSpec(input: unknown, { prompt, catalog }: { prompt: string; catalog: Catalog }): SpecCheck {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { ok: false, errors: ["the tool input must be a JSON object"] };
  const parsed = EtlSpecSchema.safeParse({ ...input, prompt });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    );
    return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  }
  try {
    compileSql({ spec: parsed.data, catalog });
  } catch (error) {
    if (error instanceof CodegenError) return { ok: false, errors: [error.message] };
    throw error;
  }
  return { ok: true, spec: parsed.data };
}
