import postgres from "postgres";
import { getRoleClients } from "@/lib/db";
import { Semaphore } from "@/lib/concurrency/semaphore";
import { AppError } from "@/lib/errors";
import { DEFAULT_TIMEOUT_MS, runReadOnlyQuery, type QueryResult, type ReadOnlyLimits } from "./read-only";

// Each console query opens its own connection; this many at once per process, the rest wait.
const consoleSlots = new Semaphore(4);
const WAIT_MS = 20_000;
// The statement timeout normally ends a slow query; this deadline ends the connection if the
// query found a way around it, so a console slot is never held for good.
const DEADLINE_MARGIN_MS = 3_000;

/**
 * Runs a user's query for the SQL console and `datamorph sql`: logged in as the reader role (never
 * the owner, never a superuser) on a connection of its own that is closed afterwards, so no
 * setting, lock or temporary object it made can reach anyone else's request.
 */
export async function runConsoleQuery(text: string, limits: ReadOnlyLimits = {}): Promise<QueryResult> {
  const { readerUrl } = await getRoleClients();
  return consoleSlots.use(
    async () => {
      // The server checks every second that the client is still there, so a query whose
      // connection was dropped at the deadline stops too.
      const connection = postgres(readerUrl, {
        max: 1,
        connect_timeout: 10,
        onnotice: () => {},
        connection: { application_name: "datamorph-console", client_connection_check_interval: "1s" },
      });
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => {
            void connection.end({ timeout: 0 }).catch(() => {});
            reject(
              new AppError("bad_request", "The query did not finish in time and was stopped. Add filters or a LIMIT."),
            );
          },
          (limits.timeoutMs ?? DEFAULT_TIMEOUT_MS) + DEADLINE_MARGIN_MS,
        );
      });
      try {
        return await Promise.race([runReadOnlyQuery(connection, text, limits), deadline]);
      } finally {
        clearTimeout(timer);
        await connection.end({ timeout: 1 }).catch(() => {});
      }
    },
    {
      timeoutMs: WAIT_MS,
      onTimeout: () => new AppError("unavailable", "The console is busy with other queries; try again in a moment."),
    },
  );
}
