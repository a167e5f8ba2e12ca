import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invokeOrchestrator, lambdaStarter } from "./lambda-invoker";

type Received = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
type Reply = { status: number; headers?: Record<string, string>; body?: string };

const RUN_ID = "5b0e8a43-3f7c-4d2e-9a61-0c2f5e7d9b10";

// A local endpoint that speaks the Lambda Invoke wire format, so the real client signs and
// serialises the request exactly as it would against AWS.
describe("invoking the orchestrator Lambda", () => {
  const received: Received[] = [];
  let reply: Reply;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body ?? "");
    });
  });
  let client: LambdaClient;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    client = new LambdaClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: "eu-west-1",
      credentials: { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-test-secret" },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    received.length = 0;
    reply = { status: 202 };
  });

  it("queues the run id as an asynchronous, signed Invoke", async () => {
    await expect(
      invokeOrchestrator({ client, functionName: "datamorph-Orchestrator", runId: RUN_ID }),
    ).resolves.toBeUndefined();
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/2015-03-31/functions/datamorph-Orchestrator/invocations");
    expect(request.headers["x-amz-invocation-type"]).toBe("Event");
    expect(JSON.parse(request.body)).toEqual({ runId: RUN_ID });
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST\/\d{8}\/eu-west-1\/lambda\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/,
    );
  });

  it("starts a run through the Lambda starter with only its id", async () => {
    const start = lambdaStarter({ client, functionName: "datamorph-Orchestrator" });
    await start({
      runId: RUN_ID,
      prompt: "anything",
      options: { sourceSchemas: ["public"], targetSchema: "public", maxRepairRounds: 3, statementTimeoutMs: 1000 },
    });
    expect(received.map((r) => JSON.parse(r.body))).toEqual([{ runId: RUN_ID }]);
  });

  it("names the function when it does not exist", async () => {
    reply = {
      status: 404,
      headers: { "x-amzn-errortype": "ResourceNotFoundException" },
      body: JSON.stringify({
        Type: "User",
        message: "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:missing-fn",
      }),
    };
    const attempt = invokeOrchestrator({ client, functionName: "missing-fn", runId: RUN_ID });
    await expect(attempt).rejects.toThrow(
      /orchestrator function "missing-fn" was not found.*DATAMORPH_ORCHESTRATOR_FUNCTION/,
    );
    await expect(attempt).rejects.toMatchObject({ cause: { name: "ResourceNotFoundException" } });
    expect(received).toHaveLength(1); // not retried
  });

  it("refuses an answer other than 202 Accepted", async () => {
    reply = { status: 200, body: "null" };
    await expect(invokeOrchestrator({ client, functionName: "datamorph-Orchestrator", runId: RUN_ID })).rejects.toThrow(
      /did not accept run .* \(status 200\)/,
    );
  });
});
