import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs on the embedded default with no variables at all", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("embedded");
    expect(env.dataDir).toBe(path.resolve(".data"));
    expect(env.port).toBe(3000);
    expect(env.sourceSchemas).toEqual(["public"]);
  });

  it("switches to server mode when DATABASE_URL is a postgres URL", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://me:secret@db.internal:5433/warehouse" });
    expect(env.mode).toBe("server");
    expect(env.databaseUrl).toBe("postgresql://me:secret@db.internal:5433/warehouse");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", AUTH_SECRET: "" }).mode).toBe("embedded");
  });

  it.each([
    ["DATABASE_URL", "mysql://root@localhost/db"],
    ["DATABASE_URL", "not a url"],
    ["AUTH_SECRET", "short"],
    ["DATAMORPH_PG_PORT", "eighty"],
    ["DATAMORPH_SOURCE_SCHEMAS", "public; drop table x"],
  ])("refuses a bad %s and names it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(name));
  });

  it("reads the planner choice, and a model planner needs a model id", () => {
    expect(parseEnv({}).planner).toBe("reading");
    expect(parseEnv({ DATAMORPH_PLANNER: "reading" }).planner).toBe("reading");
    expect(
      parseEnv({ DATAMORPH_PLANNER: "auto", DATAMORPH_BEDROCK_MODEL_ID: "anthropic.claude-sonnet" }),
    ).toMatchObject({ planner: "auto", bedrockModelId: "anthropic.claude-sonnet" });
    expect(() => parseEnv({ DATAMORPH_PLANNER: "bedrock" })).toThrow(
      /DATAMORPH_BEDROCK_MODEL_ID: is required when DATAMORPH_PLANNER is bedrock/,
    );
    for (const planner of ["gpt", "rules"])
      expect(() => parseEnv({ DATAMORPH_PLANNER: planner })).toThrow(
        /DATAMORPH_PLANNER: must be reading, bedrock or auto/,
      );
    expect(() => parseEnv({ DATAMORPH_PLANNER: "gpt" })).toThrow(/DATAMORPH_PLANNER: must be reading, bedrock or auto/);
    expect(parseEnv({ DATAMORPH_ORCHESTRATOR_FUNCTION: "datamorph-Orchestrator" }).orchestratorFunction).toBe(
      "datamorph-Orchestrator",
    );
    expect(() => parseEnv({ DATAMORPH_ORCHESTRATOR_FUNCTION: "not a function!" })).toThrow(
      /DATAMORPH_ORCHESTRATOR_FUNCTION/,
    );
  });

  it("does not echo a malformed DATABASE_URL, which may hold a password", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres//admin:hunter2@db" })).toThrow(/^(?![\s\S]*hunter2)/);
  });
});

describe("parseEnv: AWS parts", () => {
  it("keeps everything local by default", () => {
    expect(parseEnv({})).toMatchObject({
      engine: "sql",
      eventsTable: undefined,
      artifactsBucket: undefined,
      glue: undefined,
    });
  });

  it("refuses the Glue engine without what Glue needs, and says what is missing", () => {
    expect(() => parseEnv({ DATAMORPH_ENGINE: "glue" })).toThrow(
      /DATAMORPH_ENGINE: glue needs DATAMORPH_GLUE_ROLE_ARN and DATAMORPH_GLUE_CONNECTION and DATAMORPH_ARTIFACTS_BUCKET/,
    );
    const glue = {
      DATAMORPH_GLUE_ROLE_ARN: "arn:aws:iam::123456789012:role/glue",
      DATAMORPH_GLUE_CONNECTION: "warehouse",
    };
    expect(() => parseEnv({ DATAMORPH_ENGINE: "auto", ...glue })).toThrow(/needs DATAMORPH_ARTIFACTS_BUCKET/);
    expect(
      parseEnv({
        DATAMORPH_ENGINE: "glue",
        DATAMORPH_ARTIFACTS_BUCKET: "artifacts",
        DATAMORPH_GLUE_WORKERS: "10",
        DATAMORPH_GLUE_VERSION: "4.0",
        ...glue,
      }).glue,
    ).toMatchObject({ numberOfWorkers: 10, glueVersion: "4.0" });
  });

  it("manages EventBridge schedules given their group, role and target, and then fires none in-process", () => {
    const schedules = {
      DATAMORPH_SCHEDULE_GROUP: "datamorph-prod",
      DATAMORPH_SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/datamorph-scheduler",
    };
    const orchestrator = "arn:aws:lambda:eu-west-1:123456789012:function:datamorph-prod-Orchestrator";
    expect(parseEnv({ ...schedules, DATAMORPH_ORCHESTRATOR_ARN: orchestrator })).toMatchObject({
      scheduler: false,
      schedules: { group: "datamorph-prod", roleArn: schedules.DATAMORPH_SCHEDULER_ROLE_ARN, targetArn: orchestrator },
    });
    expect(parseEnv({ ...schedules, DATAMORPH_ORCHESTRATOR_FUNCTION: orchestrator }).schedules?.targetArn).toBe(
      orchestrator,
    );
    expect(parseEnv({}).schedules).toBeUndefined();
    expect(() => parseEnv({ DATAMORPH_SCHEDULE_GROUP: "datamorph-prod" })).toThrow(
      /also need DATAMORPH_SCHEDULER_ROLE_ARN and DATAMORPH_ORCHESTRATOR_ARN/,
    );
    expect(() => parseEnv({ ...schedules, DATAMORPH_ORCHESTRATOR_FUNCTION: "datamorph-prod-Orchestrator" })).toThrow(
      /also need DATAMORPH_ORCHESTRATOR_ARN/,
    );
    expect(() =>
      parseEnv({ ...schedules, DATAMORPH_ORCHESTRATOR_ARN: orchestrator, DATAMORPH_SCHEDULER: "on" }),
    ).toThrow(/DATAMORPH_SCHEDULER: must be off/);
  });

  it("reads the model's temperature and answer length", () => {
    expect(parseEnv({ DATAMORPH_BEDROCK_TEMPERATURE: "0.3", DATAMORPH_BEDROCK_MAX_TOKENS: "8000" })).toMatchObject({
      bedrockTemperature: 0.3,
      bedrockMaxTokens: 8000,
    });
  });

  it.each([
    ["DATAMORPH_BEDROCK_TEMPERATURE", "2"],
    ["DATAMORPH_BEDROCK_MAX_TOKENS", "10"],
    ["DATAMORPH_ENGINE", "spark"],
    ["DATAMORPH_GLUE_VERSION", "3.0"],
    ["DATAMORPH_GLUE_WORKERS", "1"],
    ["DATAMORPH_GLUE_ROLE_ARN", "glue-role"],
    ["DATAMORPH_ARTIFACTS_BUCKET", "Not_A_Bucket"],
    ["DATAMORPH_SCHEDULE_GROUP", "no spaces please"],
    ["DATAMORPH_SCHEDULER_ROLE_ARN", "scheduler-role"],
    ["DATAMORPH_ORCHESTRATOR_ARN", "datamorph-Orchestrator"],
  ])("refuses a bad %s", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(name));
  });
});
