import { database } from "./database";
import { deployedAt, migration } from "./migrator";
import { vpc } from "./network";
import { schedulePermissions, schedules } from "./schedules";
import { settings } from "./settings";

// Copies every pipeline schedule in Postgres to EventBridge. Schedules made before this stage
// managed them (or on a database moved here from a server of one's own) would otherwise fire only
// once someone saved them again. It may manage the schedule group, as the web app does.
const scheduleSync = new sst.aws.Function("ScheduleSync", {
  handler: "lib/server/sync-schedules-lambda.handler",
  description: "DataMorph: writes every pipeline schedule to EventBridge on deploy",
  timeout: "5 minutes",
  memory: "512 MB",
  vpc,
  link: [database, schedules],
  permissions: schedulePermissions,
  environment: settings.warehouse,
});

// On every deploy, once the migrations ran: the sync reads the pipelines table as the new code has it.
new aws.lambda.Invocation(
  "ScheduleSyncOnDeploy",
  { functionName: scheduleSync.name, input: JSON.stringify({ deployedAt }), triggers: { deployedAt } },
  { dependsOn: [migration] },
);
