import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GlueClient } from "@aws-sdk/client-glue";
import { createGlueService, GlueFault, type Json, type SparkStandIn } from "./local-glue-service";

export type { LocalGlueJob, LocalGlueRun, SparkStandIn } from "./local-glue-service";

/** One request as the local Glue endpoint received it. */
export type GlueRequest = {
  operation: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  at: number;
};

const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/[a-z0-9-]+\/glue\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/;

/**
 * A local endpoint that speaks Glue's wire protocol (awsJson1_1: POST /, `X-Amz-Target:
 * AWSGlue.<Operation>`, errors as HTTP 400 with a JSON `__type`), so tests drive the real
 * `GlueClient` (signing, serialization, retries). Jobs and runs live in memory (see
 * `createGlueService`); it checks each request is signed, and can throttle on demand.
 */
export async function startLocalGlue({ spark = async () => {} }: { spark?: SparkStandIn } = {}) {
  const requests: GlueRequest[] = [];
  const state = { spark, throttle: 0 };
  const { jobs, runs, operations } = createGlueService(state);

  const reply = (res: ServerResponse, status: number, body: Json) => {
    res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": randomUUID() });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const operation = target.startsWith("AWSGlue.") ? target.slice("AWSGlue.".length) : "";
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Json;
      requests.push({ operation, headers: req.headers, body, at: performance.now() });
      if (req.method !== "POST" || req.url !== "/" || req.headers["content-type"] !== "application/x-amz-json-1.1") {
        return reply(res, 400, {
          __type: "SerializationException",
          message: "expected POST / with application/x-amz-json-1.1",
        });
      }
      if (!SIGV4.test(String(req.headers.authorization ?? "")) || !req.headers["x-amz-date"]) {
        return reply(res, 403, {
          __type: "MissingAuthenticationTokenException",
          message: "Missing or malformed SigV4 authorization",
        });
      }
      if (state.throttle > 0) {
        state.throttle--;
        return reply(res, 400, { __type: "ThrottlingException", message: "Rate exceeded" });
      }
      const handle = operations[operation];
      if (!handle)
        return reply(res, 400, { __type: "UnknownOperationException", message: `Unknown operation ${target}` });
      try {
        reply(res, 200, handle(body));
      } catch (error) {
        if (error instanceof GlueFault) reply(res, 400, { __type: error.type, message: error.message });
        else reply(res, 500, { __type: "InternalServiceException", message: String(error) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    requests,
    jobs,
    runs,
    /** The operations received so far, in order. */
    operations: () => requests.map((r) => r.operation),
    /** Replaces what stands in for Spark from the next run that starts on. */
    setSpark: (next: SparkStandIn) => void (state.spark = next),
    /** Answers the next `count` requests with ThrottlingException. */
    throttleNext: (count: number) => void (state.throttle = count),
    /** The real SDK client, pointed at this endpoint with static dummy credentials. */
    client: (maxAttempts = 3) =>
      new GlueClient({
        endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "AKIDLOCALGLUE", secretAccessKey: "local-glue-secret" },
        maxAttempts,
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type LocalGlue = Awaited<ReturnType<typeof startLocalGlue>>;
