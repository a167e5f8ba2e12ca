import { database } from "./database";
import { vpc } from "./network";
import { artifacts, GLUE_TEMP_PREFIX } from "./storage";

const partition = aws.getPartitionOutput().partition;
const region = aws.getRegionOutput().region;
const account = aws.getCallerIdentityOutput().accountId;

// The role Glue jobs run as: the managed service policy (logs, network interfaces in the VPC),
// read access to run scripts, and read/write on its own temp prefix. Nothing else in the bucket.
const role = new aws.iam.Role("GlueJobRole", {
  description: "DataMorph Glue jobs",
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "glue.amazonaws.com" }),
});

new aws.iam.RolePolicyAttachment("GlueJobRoleService", {
  role: role.name,
  policyArn: $interpolate`arn:${partition}:iam::aws:policy/service-role/AWSGlueServiceRole`,
});

new aws.iam.RolePolicy("GlueJobRoleArtifacts", {
  role: role.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      { actions: ["s3:GetObject"], resources: [$interpolate`${artifacts.arn}/runs/*`] },
      {
        actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
        resources: [$interpolate`${artifacts.arn}/${GLUE_TEMP_PREFIX}*`],
      },
      {
        actions: ["s3:ListBucket"],
        resources: [artifacts.arn],
        conditions: [{ test: "StringLike", variable: "s3:prefix", values: ["runs/*", `${GLUE_TEMP_PREFIX}*`] }],
      },
    ],
  }).json,
});

// Glue refuses a connection unless one of its security groups admits all TCP from itself (its
// workers talk to each other). Postgres is reachable on 5432 because RDS sits in the VPC's
// default group, which admits the whole VPC.
const securityGroup = new aws.ec2.SecurityGroup("GlueSecurityGroup", {
  vpcId: vpc.id,
  description: "DataMorph Glue job workers",
  ingress: [{ protocol: "tcp", fromPort: 0, toPort: 65535, self: true, description: "Glue workers" }],
  egress: [
    {
      protocol: "-1",
      fromPort: 0,
      toPort: 0,
      cidrBlocks: ["0.0.0.0/0"],
      description: "Postgres, S3, Glue and CloudWatch",
    },
  ],
});

// Glue places its workers in one private subnet, so the connection names it and its zone.
const subnet = vpc.nodes.privateSubnets.apply((subnets) => subnets[0]);

const connection = new aws.glue.Connection("GlueConnection", {
  description: "DataMorph warehouse (RDS Postgres)",
  connectionType: "JDBC",
  connectionProperties: {
    JDBC_CONNECTION_URL: $interpolate`jdbc:postgresql://${database.host}:${database.port}/${database.database}`,
    USERNAME: database.username,
    PASSWORD: database.password,
  },
  physicalConnectionRequirements: {
    subnetId: subnet.id,
    availabilityZone: subnet.availabilityZone,
    securityGroupIdLists: [securityGroup.id],
  },
});

/**
 * Glue jobs the engine creates and runs are named after the stage, so stages sharing an account
 * never touch each other's jobs; the link grants no other.
 */
const jobPrefix = `datamorph-${$app.stage}-`;
const jobs = $interpolate`arn:${partition}:glue:${region}:${account}:job/${jobPrefix}*`;

// What the Glue engine needs to know. The web app links it too (to offer Glue per run) but gets
// none of the permissions below: those are the orchestrator's alone.
export const glue = new sst.Linkable("Glue", {
  properties: {
    roleArn: role.arn,
    connectionName: connection.name,
    tempDir: $interpolate`s3://${artifacts.name}/${GLUE_TEMP_PREFIX}`,
    jobPrefix,
  },
});

/** Manage and run the engine's own jobs, and hand them the job role (to Glue only). */
export const gluePermissions = [
  {
    actions: [
      "glue:GetJob",
      "glue:CreateJob",
      "glue:UpdateJob",
      "glue:StartJobRun",
      "glue:GetJobRun",
      "glue:BatchStopJobRun",
    ],
    resources: [jobs],
  },
  {
    actions: ["iam:PassRole"],
    resources: [role.arn],
    conditions: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["glue.amazonaws.com"] }],
  },
];
