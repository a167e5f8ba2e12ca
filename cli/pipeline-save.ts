import { PARAMETER_TYPES, type ParameterRequest, type ParameterType } from "@/lib/pipelines/parameters";
import { savePipelineFromRun } from "@/lib/pipelines/save-pipeline";
import { getRunForUser } from "@/lib/runs/access";
import { CliError } from "./output";
import { splitAssignments, type PipelineContext } from "./pipeline";

/** `--param country=text:Germany` → a parameter of type text whose default is Germany. */
export function parseParameterDefinitions(params: string[]): ParameterRequest[] {
  return splitAssignments(params, "name=type:default, e.g. country=text:Germany").map(([name, rest]) => {
    const at = rest.indexOf(":");
    const type = rest.slice(0, at);
    if (at <= 0 || !(PARAMETER_TYPES as readonly string[]).includes(type)) {
      throw new CliError(
        `--param ${name}=${rest}: write name=type:default with a type of ${PARAMETER_TYPES.join(", ")}, e.g. ${name}=text:Germany`,
        2,
      );
    }
    return { name, type: type as ParameterType, default: rest.slice(at + 1) };
  });
}

/** `pipeline save <runId> --name N [--param name=type:default …] [--target T] [--json]`. */
export async function savePipelineCommand({ positionals, values, params, user }: PipelineContext): Promise<number> {
  const runId = positionals[1];
  if (!runId || positionals.length > 2)
    throw new CliError("Name one run to save, e.g. pipeline save <runId> --name monthly_sales", 2);
  const name = values.name as string | undefined;
  if (!name) throw new CliError("Name the pipeline with --name.", 2);
  const run = await getRunForUser({ id: runId, user: { ...user, name: user.email } });
  const { pipeline, version } = await savePipelineFromRun({
    run,
    user,
    name,
    parameters: parseParameterDefinitions(params),
    targetTable: values.target as string | undefined,
  });
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ id: pipeline.id, name: pipeline.name, version: version.version, targetTable: version.targetTable, parameters: version.parameters })}\n`,
    );
  } else {
    const described = (version.parameters as { name: string; type: string; default: unknown }[])
      .map((p) => `${p.name} (${p.type}, default ${JSON.stringify(p.default)})`)
      .join(", ");
    process.stdout.write(
      `Saved pipeline ${pipeline.name}, version 1: publishes ${version.targetTable}${described ? `; parameters: ${described}` : ""}\n`,
    );
  }
  return 0;
}
