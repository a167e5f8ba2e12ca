import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SnakeNameSchema } from "@/lib/spec/clauses";
import { readJsonBody } from "./body";

const schema = z.object({
  prompt: z.string().trim().min(1, "Describe the table you want."),
  target: SnakeNameSchema.optional(),
});
const options = {
  schema,
  maxBytes: 1024,
  example: '{ "prompt": "orders per day" }',
  limitHint: "a prompt is at most 4,000 characters",
};

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/runs", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

const refusal = (request: Request) =>
  readJsonBody(request, options).then(
    () => ({ status: 200, message: "" }),
    (error) => ({ status: error.status, message: error.message }),
  );

// A client that keeps sending and never says how much: only counting while reading stops it.
const endlessRequest = (pulls: { count: number }) =>
  new Request("http://localhost/api/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: new ReadableStream({
      pull(controller) {
        pulls.count++;
        controller.enqueue(new TextEncoder().encode(`{"prompt":"${"x".repeat(200)}`));
      },
    }),
    duplex: "half",
  } as RequestInit);

describe("JSON request bodies", () => {
  it("parses a body that fits the schema", async () => {
    await expect(readJsonBody(post('{ "prompt": " orders per day " }'), options)).resolves.toEqual({
      prompt: "orders per day",
    });
  });

  it("refuses malformed JSON, saying what to send", async () => {
    expect(await refusal(post('{ "prompt": "orders'))).toEqual({
      status: 400,
      message: 'The body is not valid JSON: send { "prompt": "orders per day" }.',
    });
    expect(await refusal(post(""))).toEqual({
      status: 400,
      message: 'The body is empty: send { "prompt": "orders per day" }.',
    });
    expect(await refusal(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toEqual({
      status: 400,
      message: 'The body is not valid UTF-8: send { "prompt": "orders per day" } as UTF-8 JSON.',
    });
  });

  it("refuses JSON that is not an object without zod's words", async () => {
    expect(await refusal(post("null"))).toEqual({
      status: 400,
      message: 'The body must be a JSON object, not null: send { "prompt": "orders per day" }.',
    });
    expect((await refusal(post('["orders"]'))).message).toMatch(/^The body must be a JSON object, not a list/);
  });

  it("names the field that is missing or of the wrong type", async () => {
    expect(await refusal(post('{ "promt": "orders per day" }'))).toEqual({
      status: 400,
      message: '"prompt" is missing: send { "prompt": "orders per day" }.',
    });
    expect(await refusal(post('{ "prompt": 42 }'))).toEqual({
      status: 400,
      message: '"prompt" must be text (a JSON string), not a number: send { "prompt": "orders per day" }.',
    });
    expect(await refusal(post('{ "prompt": "x", "target": "Bad Name" }'))).toEqual({
      status: 400,
      message: '"target" must be a lowercase snake_case identifier of at most 63 characters.',
    });
    expect((await refusal(post('{ "prompt": "  " }'))).message).toBe("Describe the table you want.");
  });

  it("refuses a body over the limit by its Content-Length, with the limit in the message", async () => {
    expect(await refusal(post(`{ "prompt": "${"x".repeat(2000)}" }`))).toEqual({
      status: 413,
      message:
        "The request body is larger than 1 kB, the most this endpoint accepts; a prompt is at most 4,000 characters.",
    });
  });

  it("stops reading a body without Content-Length as soon as it passes the limit", async () => {
    const pulls = { count: 0 };
    expect((await refusal(endlessRequest(pulls))).status).toBe(413);
    // 1,024 bytes is passed on the sixth chunk of 212; a few more may be queued, not thousands.
    expect(pulls.count).toBeLessThan(10);
  });
});
