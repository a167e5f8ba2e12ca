import { getSql } from "@/lib/db";
import packageJson from "@/package.json";

export type Health = { ok: boolean; db: "up" | "down"; version: string };

const PING_TIMEOUT_MS = 2000;

/** Whether the database answers within two seconds. */
export async function checkHealth(): Promise<Health> {
  const version = packageJson.version;
  let timer: NodeJS.Timeout | undefined;
  try {
    const ping = getSql()`select 1`;
    // A busy server (a report rendering, a build) can hold the event loop past the limit while the
    // answer already waits in the socket: timers run before pending I/O, so read that first
    // (setImmediate runs after it) rather than call a database that did answer "down".
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => setImmediate(() => reject(new Error("timeout"))), PING_TIMEOUT_MS);
    });
    await Promise.race([ping, timeout]);
    return { ok: true, db: "up", version };
  } catch {
    return { ok: false, db: "down", version };
  } finally {
    clearTimeout(timer);
  }
}
