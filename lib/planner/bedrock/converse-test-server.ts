import { createServer, type IncomingHttpHeaders } from "node:http2";
import type { AddressInfo } from "node:net";
import { BedrockRuntimeClient, type ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** One request as the local Converse endpoint received it; the JSON body mirrors the command input. */
export type ReceivedRequest = {
  method: string;
  path: string;
  modelId: string;
  headers: IncomingHttpHeaders;
  body: Omit<ConverseCommandInput, "modelId">;
};

export type CannedReply = { status?: number; headers?: Record<string, string>; body: unknown };

/**
 * A local server that speaks the Bedrock Runtime Converse wire format (REST JSON), so tests
 * drive the real `BedrockRuntimeClient` (signing, serialization, retries) end to end. It is
 * cleartext HTTP/2 because the client's default request handler speaks only HTTP/2.
 * Replies are served in the order they were queued; a request with none queued fails.
 */
export async function startConverseServer() {
  const requests: ReceivedRequest[] = [];
  const replies: CannedReply[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "";
      const match = /^\/model\/([^/]+)\/converse$/.exec(path);
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: req.method ?? "",
        path,
        modelId: match ? decodeURIComponent(match[1]) : "",
        headers: req.headers,
        body: JSON.parse(text || "{}"),
      });
      const reply = replies.shift() ?? {
        status: 400,
        headers: { "x-amzn-errortype": "ValidationException" },
        body: { message: "no reply queued" },
      };
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    requests,
    queue: (...next: CannedReply[]) => void replies.push(...next),
    /** The real SDK client, pointed at this server with dummy credentials. */
    client: () =>
      new BedrockRuntimeClient({
        endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-test-secret" },
        maxAttempts: 3,
      }),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A Converse response in which the model calls one tool. */
export function toolUseReply(
  name: string,
  input: unknown,
  usage = { inputTokens: 1200, outputTokens: 300 },
): CannedReply {
  return {
    body: {
      output: {
        message: {
          role: "assistant",
          content: [{ toolUse: { toolUseId: `tooluse_${name}_${usage.inputTokens}`, name, input } }],
        },
      },
      stopReason: "tool_use",
      usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
      metrics: { latencyMs: 420 },
    },
  };
}

export type ConverseServer = Awaited<ReturnType<typeof startConverseServer>>;

/** One local Converse server for a whole test file, its request log cleared before each test. */
export function useConverseServer(): () => ConverseServer {
  let server: ConverseServer | undefined;
  beforeAll(async () => {
    server = await startConverseServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.requests.length = 0;
  });
  return () => server!;
}
