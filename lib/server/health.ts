import { getSql } from "@/lib/db";
import packageJson from "@/package.json";

export type Health = { ok: boolean; db: "up" | "down"; version: string };

/** Whether the database answers within two seconds. */
export async function checkHealth(): Promise<Health> {
  const version = packageJson.version;
  try {
    const ping = getSql()`select 1`;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000));
    await Promise.race([ping, timeout]);
    return { ok: true, db: "up", version };
  } catch {
    return { ok: false, db: "down", version };
  }
}
