import { database } from "./database";
import { glue } from "./glue";
import { migration } from "./migrator";
import { vpc } from "./network";
import { orchestrator } from "./orchestrator";
import { schedulePermissions, schedules } from "./schedules";
import { accessCode, authSecret } from "./secrets";
import { settings } from "./settings";
import { artifacts, events } from "./storage";

/** OpenNext 4.1 builds Next.js 16; SST's default (3.x) could not fetch `sharp` at build time. */
const OPEN_NEXT_VERSION = "4.1.12";

// The web app on Lambda behind CloudFront. It reads runs, events and artifacts, and hands new runs
// to the orchestrator; it never calls Bedrock or Glue. It keeps each pipeline's EventBridge
// schedule in step with the database, so it may manage the schedules of their group.
export const web = new sst.aws.Nextjs(
  "Web",
  {
    vpc,
    // Glue is linked for its settings only: the form offers the engine, the orchestrator runs it.
    link: [database, events, artifacts, orchestrator, authSecret, accessCode, glue, schedules],
    permissions: schedulePermissions,
    environment: {
      ...settings.warehouse,
      ...settings.engine,
      // Behind CloudFront the request host is the function URL's; Auth.js builds its URLs from the
      // forwarded host (the site's domain) only when told to trust it.
      AUTH_TRUST_HOST: "true",
    },
    // The config turns on Lambda response streaming, so live run events (SSE) reach the browser
    // as they happen instead of when the response ends.
    buildCommand: `npx --yes @opennextjs/aws@${OPEN_NEXT_VERSION} build --config-path infra/open-next.config.ts`,
    server: {
      memory: "1536 MB",
      // SST gives CloudFront the same read timeout, and past 60 seconds that needs a quota
      // increase. An event stream cut here is resumed by the browser with Last-Event-ID.
      timeout: "60 seconds",
    },
  },
  { dependsOn: [migration] },
);
