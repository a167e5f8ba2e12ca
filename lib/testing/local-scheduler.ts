import { randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SchedulerClient } from "@aws-sdk/client-scheduler";

type Json = Record<string, unknown>;

/** One schedule as the local endpoint keeps it: the request body of its last Create or Update. */
export type LocalSchedule = Json & {
  Name: string;
  GroupName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  State: "ENABLED" | "DISABLED";
  FlexibleTimeWindow: { Mode: string; MaximumWindowInMinutes?: number };
  Target: { Arn: string; RoleArn: string; Input?: string };
  CreationDate: number;
  LastModificationDate: number;
};

/** One request as the local endpoint received it. */
export type SchedulerRequest = { method: string; path: string; query: Record<string, string>; body: Json };

const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/[a-z0-9-]+\/scheduler\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/;
const EXPRESSION = /^(cron\(\S+ \S+ \S+ \S+ \S+ \S+\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\)|at\(\S+\))$/;

class Fault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A local endpoint that speaks EventBridge Scheduler's wire protocol (REST JSON: Create = POST
 * /schedules/{Name}, Update = PUT, Get = GET and Delete = DELETE with `?groupName=`; errors as an
 * HTTP status with an `x-amzn-errortype` header and a JSON `Message`), so tests drive the real
 * `SchedulerClient` (signing, serialization, retries). Schedules live in memory, in the groups
 * given; `outage` makes every request fail as a service outage would, retries included.
 */
export async function startLocalScheduler({ groups = ["default"] }: { groups?: string[] } = {}) {
  const schedules = new Map<string, LocalSchedule>();
  const requests: SchedulerRequest[] = [];
  const state = { outage: false };
  const key = (group: string, name: string) => `${group}/${name}`;
  const arnOf = (group: string, name: string) => `arn:aws:scheduler:us-east-1:123456789012:schedule/${group}/${name}`;

  const reply = (res: ServerResponse, status: number, body: Json, type?: string) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "x-amzn-requestid": randomUUID(),
      ...(type ? { "x-amzn-errortype": type } : {}),
    });
    res.end(JSON.stringify(body));
  };
  const find = (group: string, name: string) => {
    if (!groups.includes(group))
      throw new Fault(404, "ResourceNotFoundException", `Schedule group ${group} does not exist.`);
    const schedule = schedules.get(key(group, name));
    if (!schedule) throw new Fault(404, "ResourceNotFoundException", `Schedule ${name} does not exist.`);
    return schedule;
  };
  const save = (name: string, body: Json, existing?: LocalSchedule) => {
    const group = String(body.GroupName ?? "default");
    const target = body.Target as LocalSchedule["Target"] | undefined;
    if (!EXPRESSION.test(String(body.ScheduleExpression ?? "")))
      throw new Fault(400, "ValidationException", `Invalid Schedule Expression ${String(body.ScheduleExpression)}.`);
    if (!target?.Arn || !target.RoleArn || !(body.FlexibleTimeWindow as Json | undefined)?.Mode)
      throw new Fault(400, "ValidationException", "Target.Arn, Target.RoleArn and FlexibleTimeWindow are required.");
    if (target.Input !== undefined) JSON.parse(target.Input.replaceAll(/<aws\.scheduler\.[a-z-]+>/g, "x"));
    const now = Math.floor(Date.now() / 1000);
    const schedule = {
      ...body,
      Name: name,
      GroupName: group,
      State: (body.State as LocalSchedule["State"] | undefined) ?? "ENABLED",
      CreationDate: existing?.CreationDate ?? now,
      LastModificationDate: now,
    } as LocalSchedule;
    delete schedule.ClientToken;
    schedules.set(key(group, name), schedule);
    return { ScheduleArn: arnOf(group, name) };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const query = Object.fromEntries(url.searchParams);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Json;
      const method = req.method ?? "";
      requests.push({ method, path: url.pathname, query, body });
      try {
        if (!SIGV4.test(String(req.headers.authorization ?? "")) || !req.headers["x-amz-date"])
          throw new Fault(403, "AccessDeniedException", "Missing or malformed SigV4 authorization");
        if (state.outage) throw new Fault(500, "InternalServerException", "Unexpected error.");
        const match = /^\/schedules\/([^/]+)$/.exec(url.pathname);
        if (!match) throw new Fault(404, "UnknownOperationException", `No operation at ${method} ${url.pathname}`);
        const name = decodeURIComponent(match[1]);
        const group = String((method === "POST" || method === "PUT" ? body.GroupName : query.groupName) ?? "default");
        if (method === "POST") {
          if (!groups.includes(group))
            throw new Fault(404, "ResourceNotFoundException", `Schedule group ${group} does not exist.`);
          if (schedules.has(key(group, name)))
            throw new Fault(409, "ConflictException", `Schedule ${name} already exists.`);
          return reply(res, 200, save(name, body));
        }
        if (method === "PUT") return reply(res, 200, save(name, body, find(group, name)));
        if (method === "GET") return reply(res, 200, { ...find(group, name), Arn: arnOf(group, name) });
        if (method === "DELETE") {
          find(group, name);
          schedules.delete(key(group, name));
          return reply(res, 200, {});
        }
        throw new Fault(405, "UnknownOperationException", `No operation at ${method} ${url.pathname}`);
      } catch (error) {
        if (error instanceof Fault) reply(res, error.status, { Message: error.message }, error.type);
        else reply(res, 400, { Message: String(error) }, "ValidationException");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    requests,
    /** The schedule `name` in `group`, as last saved; undefined when there is none. */
    schedule: (name: string, group = groups[0]) => schedules.get(key(group, name)),
    /** How many schedules exist, over all groups. */
    count: () => schedules.size,
    /** While on, every request fails with a 500 InternalServerException (which the client retries). */
    setOutage: (on: boolean) => void (state.outage = on),
    /**
     * The event the schedule's target receives when it fires at `at`: its Input with EventBridge's
     * context attributes filled in.
     */
    eventAt: (name: string, at: Date, group = groups[0]): unknown => {
      const schedule = schedules.get(key(group, name));
      if (!schedule?.Target.Input) throw new Error(`No schedule ${group}/${name} with an Input`);
      return JSON.parse(
        schedule.Target.Input.replaceAll("<aws.scheduler.scheduled-time>", at.toISOString().replace(/\.\d{3}Z$/, "Z"))
          .replaceAll("<aws.scheduler.execution-id>", randomUUID())
          .replaceAll("<aws.scheduler.schedule-arn>", arnOf(group, name))
          .replaceAll("<aws.scheduler.attempt-number>", "1"),
      );
    },
    /** The real SDK client, pointed at this endpoint with dummy credentials. */
    client: () =>
      new SchedulerClient({
        endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-test-secret" },
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The client keeps its connections alive; close them rather than wait for them.
        server.closeAllConnections();
      }),
  };
}

export type LocalScheduler = Awaited<ReturnType<typeof startLocalScheduler>>;
