/// <reference path="./.sst/platform/config.d.ts" />

// DataMorph on AWS: `npx sst deploy --stage prod`. The resources live in infra/, one file per part;
// README "Deploy to AWS" lists what they are and what they cost.
export default $config({
  app(input) {
    const production = input?.stage === "prod" || input?.stage === "production";
    return {
      name: "datamorph",
      home: "aws",
      // Production keeps its database, tables and bucket even if the stack is removed, and
      // `sst remove` refuses to run on it.
      removal: production ? "retain" : "remove",
      protect: production,
    };
  },
  async run() {
    // Each module creates its part when first imported; later parts import what they link to.
    await import("./infra/network");
    await import("./infra/database");
    await import("./infra/storage");
    await import("./infra/glue");
    await import("./infra/migrator");
    await import("./infra/orchestrator");
    await import("./infra/schedules");
    await import("./infra/schedule-sync");
    const { web } = await import("./infra/web");
    return { url: web.url };
  },
});
