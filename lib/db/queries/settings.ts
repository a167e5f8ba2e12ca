import type { SqlExecutor } from "@/lib/db/client";

/** One value of `datamorph.settings`, or null when it was never set. */
export async function getSetting<T = unknown>({ sql, key }: { sql: SqlExecutor; key: string }): Promise<T | null> {
  const [row] = await sql<{ value: T }[]>`select value from datamorph.settings where key = ${key}`;
  return row ? row.value : null;
}

/** Sets one value of `datamorph.settings`, replacing what was there. */
export async function putSetting({
  sql,
  key,
  value,
}: {
  sql: SqlExecutor;
  key: string;
  value: unknown;
}): Promise<void> {
  await sql`
    insert into datamorph.settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`;
}
