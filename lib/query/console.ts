import postgres from "postgres";
import { getRoleClients } from "@/lib/db";
import { Semaphore } from "@/lib/concurrency/semaphore";
import { AppError } from "@/lib/errors";
import { runReadOnlyQuery, type QueryResult, type ReadOnlyLimits } from "./read-only";

// Each console query opens its own connection; this many at once per process, the rest wait.
const consoleSlots = new Semaphore(4);
const WAIT_MS = 20_000;

/**
 * Runs a user's query for the SQL console and `datamorph sql`: logged in as the reader role (never
 * the owner, never a superuser) on a connection of its own that is closed afterwards, so no
 * setting, lock or temporary object it made can reach anyone else's request.
 */
export async function runConsoleQuery(text: string, limits: ReadOnlyLimits = {}): Promise<QueryResult> {
  const { readerUrl } = await getRoleClients();
  return consoleSlots.use(
    async () => {
      const connection = postgres(readerUrl, { max: 1, connect_timeout: 10, onnotice: () => {}, connection: { application_name: "datamorph-console" } });
      try {
        return await runReadOnlyQuery(connection, text, limits);
      } finally {
        await connection.end({ timeout: 1 }).catch(() => {});
      }
    },
    { timeoutMs: WAIT_MS, onTimeout: () => new AppError("unavailable", "The console is busy with other queries; try again in a moment.") },
  );
}
