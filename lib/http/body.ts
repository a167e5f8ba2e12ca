import type { z } from "zod";
import { AppError } from "@/lib/errors";

export type ReadJsonBodyOptions<T> = {
  schema: z.ZodType<T>;
  /** The most bytes the body may have; counted as they arrive, whatever Content-Length says. */
  maxBytes: number;
  /** A body that would be accepted, quoted in messages: `{ "sql": "select …" }`. */
  example: string;
  /** What the limit means to the sender, e.g. "a prompt is at most 4,000 characters". */
  limitHint?: string;
};

const formatBytes = (bytes: number) =>
  bytes >= 1e6 ? `${Math.round(bytes / 1e6)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} kB` : `${bytes} bytes`;

const tooLarge = (maxBytes: number, hint?: string) =>
  new AppError(
    "payload_too_large",
    `The request body is larger than ${formatBytes(maxBytes)}, the most this endpoint accepts${hint ? `; ${hint}` : ""}.`,
  );

/**
 * Reads the whole body, refusing it with a 413 as soon as it passes `maxBytes`: a wrong or
 * missing Content-Length (a chunked upload) cannot make the server buffer more than that.
 */
export async function readBodyBytes(request: Request, maxBytes: number, limitHint?: string): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes, limitHint);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes, limitHint);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "boolean") return `${value}`;
  if (typeof value === "number") return "a number";
  return "an object";
}

const EXPECTED: Record<string, string> = {
  string: "text (a JSON string)",
  number: "a number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
};

// Zod's own messages ("Invalid input: expected string, received number") name neither the field
// nor the fix; a schema's custom messages already say both, so they are kept as written.
function issueMessage(issue: z.core.$ZodIssue, example: string): string {
  const field = issue.path.map(String).join(".");
  if (issue.code === "invalid_type" && field) {
    const got = describeValue(issue.input);
    return got === "missing"
      ? `"${field}" is missing: send ${example}.`
      : `"${field}" must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${got}: send ${example}.`;
  }
  if (field && /^(Invalid|Too (big|small)|Unrecognized)/.test(issue.message))
    return `"${field}" is not valid (${issue.message}): send ${example}.`;
  // A message that starts in lower case ("must be a lowercase snake_case identifier") is about the field.
  if (field && /^[a-z]/.test(issue.message)) return `"${field}" ${issue.message}.`;
  return issue.message;
}

/**
 * Reads a JSON request body within `maxBytes` and parses it with `schema`. Every refusal is a
 * 400 or 413 AppError that says what to send instead: not UTF-8, not JSON, not an object, or
 * the first field that does not fit (named).
 */
export async function readJsonBody<T>(
  request: Request,
  { schema, maxBytes, example, limitHint }: ReadJsonBodyOptions<T>,
): Promise<T> {
  const bytes = await readBodyBytes(request, maxBytes, limitHint);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", `The body is not valid UTF-8: send ${example} as UTF-8 JSON.`);
  }
  if (text.trim() === "") throw new AppError("bad_request", `The body is empty: send ${example}.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", `The body is not valid JSON: send ${example}.`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("bad_request", `The body must be a JSON object, not ${describeValue(body)}: send ${example}.`);
  }
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw new AppError("bad_request", issueMessage(parsed.error.issues[0], example));
  return parsed.data;
}
