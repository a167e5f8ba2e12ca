import { spawn } from "node:child_process";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs `datamorph <args>` as a user would, against the database at `databaseUrl`, with `env` added to the environment. */
export function runCli(args: string[], databaseUrl: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** `runCli` with its standard output read as JSON when it is JSON (`--json`), else `json` undefined. */
export async function runCliJson<T = Record<string, any>>(
  args: string[],
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<CliResult & { json?: T }> {
  const result = await runCli(args, databaseUrl, env);
  try {
    return { ...result, json: JSON.parse(result.stdout) as T };
  } catch {
    return { ...result, json: undefined };
  }
}
