import { spawn } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";

/** How one channel (the HTTP console or the CLI) answered one query. */
export type Answer = {
  channel: "api" | "cli";
  /** "answered" with rows, "refused" with a clear error, or "broken" (5xx, crash, no answer in time). */
  kind: "answered" | "refused" | "broken";
  detail: string;
  rowCount?: number;
  ms: number;
  bytes: number;
  /** The answer as text (capped), for the secret scan. */
  text: string;
};

/** A client gives up waiting here; the answer must have come long before (see the time cap). */
const GIVE_UP_MS = 45_000;
/** The CLI also has to start, which takes a minute when two cores serve many test runs. */
const CLI_GIVE_UP_MS = 120_000;
/** Past this much output the answer is already far over the byte cap; keep no more of it. */
const KEEP_BYTES = 8 * 1024 * 1024;

const rowsIn = (text: string): number | undefined => {
  try {
    const parsed = JSON.parse(text) as { rows?: unknown[] };
    return Array.isArray(parsed.rows) ? parsed.rows.length : undefined;
  } catch {
    return undefined;
  }
};

/** Runs `sql` through `POST /api/query` as the user whose cookies `request` carries. */
export async function askApi(request: APIRequestContext, sql: string): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await request.post("/api/query", { data: { sql }, timeout: GIVE_UP_MS, failOnStatusCode: false });
    const body = await response.body();
    const ms = Math.round(performance.now() - started);
    const text = body.subarray(0, KEEP_BYTES).toString("utf8");
    const status = response.status();
    const kind = status === 200 ? "answered" : status >= 400 && status < 500 ? "refused" : "broken";
    return {
      channel: "api",
      kind,
      detail: `HTTP ${status} ${text.slice(0, 200)}`,
      rowCount: rowsIn(text),
      ms,
      bytes: body.length,
      text,
    };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    return {
      channel: "api",
      kind: "broken",
      detail: `no answer: ${String(error).slice(0, 200)}`,
      ms,
      bytes: 0,
      text: "",
    };
  }
}

/**
 * Runs `sql` through `datamorph sql --json` in a child process that reaches the app's embedded
 * cluster through the same data folder. "--" ends the options, so SQL starting with "--" stays SQL.
 */
export function askCli(sql: string, env: NodeJS.ProcessEnv): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli/main.ts", "sql", "--json", "--", sql], {
      cwd: process.cwd(),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let kept = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (kept < KEEP_BYTES) out.push(chunk), (kept += chunk.length);
    });
    child.stderr.on("data", (chunk: Buffer) => err.length < 1000 && err.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), CLI_GIVE_UP_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = Math.round(performance.now() - started);
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8").slice(0, 20_000);
      // Exit 1 is a refused query, exit 2 a refused argument (a control character, say): both explained.
      const kind =
        code === 0 ? "answered" : (code === 1 || code === 2) && /^datamorph: /m.test(stderr) ? "refused" : "broken";
      const detail = `exit ${code ?? signal} ${(code === 0 ? stdout : stderr).slice(0, 200)}`;
      resolve({ channel: "cli", kind, detail, rowCount: rowsIn(stdout), ms, bytes, text: `${stdout}\n${stderr}` });
    });
  });
}
