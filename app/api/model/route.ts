// GET /api/model – the warehouse's semantic model as YAML; POST /api/model – an administrator stores an edited one
import { NextResponse } from "next/server";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import {
  exportModelYaml,
  MAX_MODEL_FILE_BYTES,
  ModelImportError,
  readModelYaml,
} from "@/lib/semantic-model/model-yaml";
import {
  currentWarehouseModel,
  importWarehouseModel,
  warehouseUserOverlay,
} from "@/lib/semantic-model/warehouse-model";

export const dynamic = "force-dynamic";

const importSchema = z.object({
  yaml: z
    .string()
    .trim()
    .min(1, "The model file is empty: export the model, edit it and send it back.")
    .max(MAX_MODEL_FILE_BYTES, "The model file is too large."),
});

export const GET = withUser("GET /api/model", async () => {
  const { sourceSchemas } = getEnv();
  const [loaded, overlay] = await Promise.all([
    currentWarehouseModel(sourceSchemas),
    warehouseUserOverlay(sourceSchemas),
  ]);
  return new NextResponse(exportModelYaml(loaded.model, overlay), {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="semantic-model-v${loaded.version}.yaml"`,
      "Cache-Control": "no-store",
    },
  });
});

// The model decides how every member's requests are read, so only an administrator changes it.
export const POST = withUser("POST /api/model", async (request, user) => {
  if (user.role !== "admin")
    throw new AppError(
      "forbidden",
      "Only an administrator can change the semantic model. Ask one to import your file.",
    );
  const { yaml } = await readJsonBody(request, {
    schema: importSchema,
    // A YAML file written as a JSON string: escaped line breaks and quotes at most double it.
    maxBytes: 2 * MAX_MODEL_FILE_BYTES + 1024,
    example: '{ "yaml": "<the edited model file>" }',
    limitHint: `a model file is at most ${MAX_MODEL_FILE_BYTES / (1024 * 1024)} MB`,
  });
  try {
    const { model, ignored } = readModelYaml(yaml);
    const loaded = await importWarehouseModel(getEnv().sourceSchemas, model, user.id);
    return NextResponse.json(
      {
        version: loaded.version,
        entities: loaded.model.entities.length,
        relationships: loaded.model.relationships.length,
        ...(ignored ? { ignored } : {}),
      },
      { status: 201 },
    );
  } catch (error) {
    if (error instanceof ModelImportError)
      return NextResponse.json(
        { error: { code: "bad_request", message: error.message, problems: error.problems } },
        { status: 400 },
      );
    throw error;
  }
});
