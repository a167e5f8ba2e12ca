import { orchestrator } from "./orchestrator";

const partition = aws.getPartitionOutput().partition;
const region = aws.getRegionOutput().region;
const account = aws.getCallerIdentityOutput().accountId;

// Each pipeline schedule is an EventBridge Scheduler schedule in this group, named after the
// pipeline id; the web app creates, updates and deletes them as schedules change. None is declared
// here: they are the users' data, not the stack's.
const group = new aws.scheduler.ScheduleGroup("PipelineSchedules", {});

// The role EventBridge Scheduler assumes to fire a schedule: it may invoke the orchestrator, and nothing else.
const role = new aws.iam.Role("SchedulerRole", {
  description: "DataMorph: pipeline schedules invoke the orchestrator",
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "scheduler.amazonaws.com" }),
});

new aws.iam.RolePolicy("SchedulerRoleInvoke", {
  role: role.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      { actions: ["lambda:InvokeFunction"], resources: [orchestrator.arn, $interpolate`${orchestrator.arn}:*`] },
    ],
  }).json,
});

// What the app needs to manage the schedules. Linked to the web app only: the orchestrator, their
// target, fires them from the event alone (and linking it would make it depend on itself).
export const schedules = new sst.Linkable("Schedules", {
  properties: { group: group.name, roleArn: role.arn, targetArn: orchestrator.arn },
});

/** Manage the schedules of this group only, and hand them the scheduler role (to EventBridge Scheduler only). */
export const schedulePermissions = [
  {
    actions: [
      "scheduler:CreateSchedule",
      "scheduler:UpdateSchedule",
      "scheduler:DeleteSchedule",
      "scheduler:GetSchedule",
    ],
    resources: [$interpolate`arn:${partition}:scheduler:${region}:${account}:schedule/${group.name}/*`],
  },
  {
    actions: ["iam:PassRole"],
    resources: [role.arn],
    conditions: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["scheduler.amazonaws.com"] }],
  },
];
