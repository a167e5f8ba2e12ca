/// <reference path="./.sst/platform/config.d.ts" />

// DataMorph on AWS: the web app on Lambda behind CloudFront, RDS Postgres as the warehouse and
// app database, secrets in SSM. `npx sst deploy --stage production`.
export default $config({
  app(input) {
    return {
      name: "datamorph",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      home: "aws",
    };
  },
  async run() {
    const vpc = new sst.aws.Vpc("Vpc", { nat: "ec2" });
    const database = new sst.aws.Postgres("Database", { vpc });
    const authSecret = new sst.Secret("AuthSecret");
    const accessCode = new sst.Secret("AccessCode", "");

    const web = new sst.aws.Nextjs("Web", {
      vpc,
      link: [database, authSecret, accessCode],
      environment: {
        DATABASE_URL: $interpolate`postgres://${database.username}:${database.password}@${database.host}:${database.port}/${database.database}`,
        AUTH_SECRET: authSecret.value,
        DATAMORPH_ACCESS_CODE: accessCode.value,
      },
    });

    return { url: web.url };
  },
});
