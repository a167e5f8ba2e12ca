import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { linkedVariables, readSstLinks } from "./linked";

// What SST puts in a linked function's environment; set before the SST `Resource` first loads.
Object.assign(process.env, {
  SST_RESOURCE_App: JSON.stringify({ name: "datamorph", stage: "prod" }),
  SST_RESOURCE_Database: JSON.stringify({
    host: "db.internal",
    port: 5432,
    username: "postgres",
    password: "p@ss:w/rd",
    database: "datamorph",
  }),
  SST_RESOURCE_Events: JSON.stringify({ name: "datamorph-prod-EventsTable" }),
  SST_RESOURCE_Artifacts: JSON.stringify({ name: "datamorph-prod-artifactsbucket-abc" }),
  SST_RESOURCE_Orchestrator: JSON.stringify({ name: "datamorph-prod-OrchestratorFunction" }),
  SST_RESOURCE_AuthSecret: JSON.stringify({ value: "x".repeat(40) }),
  SST_RESOURCE_Glue: JSON.stringify({
    roleArn: "arn:aws:iam::123456789012:role/datamorph-glue",
    connectionName: "datamorph-prod-postgres",
    tempDir: "s3://bucket/glue-temp/",
    jobPrefix: "datamorph-prod-",
  }),
  SST_RESOURCE_Schedules: JSON.stringify({
    group: "datamorph-prod",
    roleArn: "arn:aws:iam::123456789012:role/datamorph-scheduler",
    targetArn: "arn:aws:lambda:eu-west-1:123456789012:function:datamorph-prod-OrchestratorFunction",
  }),
});

describe("SST links as configuration", () => {
  it("configures a deployment from its links alone", () => {
    const env = parseEnv({ ...linkedVariables(readSstLinks()!), DATAMORPH_ENGINE: "auto" });
    expect(env).toMatchObject({
      mode: "server",
      eventsTable: "datamorph-prod-EventsTable",
      artifactsBucket: "datamorph-prod-artifactsbucket-abc",
      orchestratorFunction: "datamorph-prod-OrchestratorFunction",
      engine: "auto",
      glue: {
        roleArn: "arn:aws:iam::123456789012:role/datamorph-glue",
        connectionName: "datamorph-prod-postgres",
        glueVersion: "5.0",
        workerType: "G.1X",
        numberOfWorkers: 2,
        jobNamePrefix: "datamorph-prod-",
      },
      scheduler: false,
      schedules: {
        group: "datamorph-prod",
        roleArn: "arn:aws:iam::123456789012:role/datamorph-scheduler",
        targetArn: "arn:aws:lambda:eu-west-1:123456789012:function:datamorph-prod-OrchestratorFunction",
      },
    });
    expect(env.authSecret).toHaveLength(40);
    expect(env.accessCode).toBeUndefined();
  });

  it("escapes the database password in the URL and requires TLS, as RDS does", () => {
    const url = new URL(linkedVariables(readSstLinks()!).DATABASE_URL);
    expect(decodeURIComponent(url.password)).toBe("p@ss:w/rd");
    expect(url.host).toBe("db.internal:5432");
    expect(url.searchParams.get("sslmode")).toBe("require");
  });

  it("reads only the links it knows, and none outside SST", () => {
    expect(Object.keys(readSstLinks()!).sort()).toEqual([
      "Artifacts",
      "AuthSecret",
      "Database",
      "Events",
      "Glue",
      "Orchestrator",
      "Schedules",
    ]);
    expect(linkedVariables({})).toEqual({});
  });

  it("refuses a link of the wrong shape rather than starting half-configured", () => {
    expect(() => linkedVariables({ Events: { tableName: "x" } })).toThrow(/Events/);
  });
});
