import { bedrockPermissions } from "./bedrock";
import { database } from "./database";
import { glue, gluePermissions } from "./glue";
import { migration } from "./migrator";
import { vpc } from "./network";
import { settings } from "./settings";
import { artifacts, events } from "./storage";

// Runs one queued run from plan to publish; the web app invokes it asynchronously with the run id.
export const orchestrator = new sst.aws.Function(
  "Orchestrator",
  {
    handler: "agents/lambda.handler",
    description: "DataMorph: runs the agent pipeline for one run",
    // Lambda's ceiling. A run with repair rounds, or one waiting on a Glue job, can take minutes.
    timeout: "15 minutes",
    // Lambda allots CPU in proportion to memory, and profiling and the data tests run in here.
    memory: "2048 MB",
    vpc,
    link: [database, events, artifacts, glue],
    environment: { ...settings.warehouse, ...settings.pipeline },
    permissions: [...bedrockPermissions(settings), ...gluePermissions],
  },
  { dependsOn: [migration] },
);
