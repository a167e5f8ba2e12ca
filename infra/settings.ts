// Plain settings, read from the deployer's environment (or `.env.<stage>`, which SST loads) when
// `sst deploy` runs. Resources never travel this way: the code reads them through links. The
// values are checked here so a bad one stops the deploy instead of the deployed app.

const PLANNERS = ["reading", "bedrock", "auto"];
const ENGINES = ["sql", "glue", "auto"];

export type DeploySettings = {
  /** Variables for every part that reads the warehouse: the web app, the orchestrator, the migrator. */
  warehouse: Record<string, string>;
  /** Variables only the orchestrator reads: which planner and which engine. */
  pipeline: Record<string, string>;
  /** The default engine, which the web app shows beside the request box. */
  engine: Record<string, string>;
  /** The Bedrock model the orchestrator may call; unset when the planner is `reading`. */
  bedrockModelId?: string;
};

function fail(variable: string, problem: string): never {
  throw new Error(`${variable} ${problem} (set it in the environment of \`sst deploy\` or in .env.<stage>).`);
}

function readSettings(env: Record<string, string | undefined>): DeploySettings {
  const value = (name: string) => (env[name] === "" ? undefined : env[name]);
  const planner = value("DATAMORPH_PLANNER") ?? "reading";
  if (!PLANNERS.includes(planner)) fail("DATAMORPH_PLANNER", "must be reading, bedrock or auto");
  const bedrockModelId = planner === "reading" ? undefined : value("DATAMORPH_BEDROCK_MODEL_ID");
  if (planner !== "reading" && !bedrockModelId)
    fail("DATAMORPH_BEDROCK_MODEL_ID", `is required when DATAMORPH_PLANNER is ${planner}`);
  // The orchestrator is granted one model by id; an ARN names no model to grant.
  if (bedrockModelId?.startsWith("arn:"))
    fail("DATAMORPH_BEDROCK_MODEL_ID", "must be a model id or an inference profile id, not an ARN");
  const engine = value("DATAMORPH_ENGINE");
  if (engine && !ENGINES.includes(engine)) fail("DATAMORPH_ENGINE", "must be sql, glue or auto");
  const glueMinRows = value("DATAMORPH_GLUE_MIN_SOURCE_ROWS");
  if (glueMinRows && !/^\d+$/.test(glueMinRows))
    fail("DATAMORPH_GLUE_MIN_SOURCE_ROWS", "must be a whole number of rows");

  const only = (names: string[]) =>
    Object.fromEntries(names.flatMap((name) => (value(name) ? [[name, value(name)!]] : [])));
  return {
    warehouse: only(["DATAMORPH_SOURCE_SCHEMAS", "DATAMORPH_TARGET_SCHEMA"]),
    pipeline: {
      DATAMORPH_PLANNER: planner,
      ...(bedrockModelId && { DATAMORPH_BEDROCK_MODEL_ID: bedrockModelId }),
      ...only(["DATAMORPH_ENGINE", "DATAMORPH_GLUE_MIN_SOURCE_ROWS"]),
    },
    engine: only(["DATAMORPH_ENGINE"]),
    bedrockModelId,
  };
}

export const settings = readSettings(process.env);
