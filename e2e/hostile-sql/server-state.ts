import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { MARKER_PREFIX, VICTIM_APP_NAME } from "./corpus";

/** Key space of the advisory locks DataMorph itself holds while a run is alive (lib/runs/liveness.ts). */
const RUN_LOCK_SPACE = 7_126_033;
const DIRECT_APP_NAME = "dm-hostile-direct";

type Connection = { port: number; user: string; password: string; database: string };

/**
 * The test's own superuser connections: one that inspects the server, and one "victim" that
 * stands for another user's session, which no console input may kill.
 */
export class ServerWatch {
  readonly sql: postgres.Sql;
  private victim!: postgres.Sql;
  private victimPid = 0;

  constructor(
    private readonly connection: Connection,
    private readonly folders: string[],
  ) {
    this.sql = this.open(DIRECT_APP_NAME);
  }

  private open(applicationName: string) {
    const { port, user, password, database } = this.connection;
    return postgres({
      host: "127.0.0.1",
      port,
      user,
      password,
      database,
      max: 1,
      onnotice: () => {},
      connection: { application_name: applicationName },
    });
  }

  async startVictim() {
    this.victim = this.open(VICTIM_APP_NAME);
    [{ pid: this.victimPid }] = await this.victim<{ pid: number }[]>`select pg_backend_pid() as pid`;
  }

  /** Marker files that hostile input managed to write, in /tmp or the cluster's data folder. */
  async markerFiles(): Promise<string[]> {
    const found: string[] = [];
    for (const folder of this.folders) {
      const names = await readdir(folder).catch(() => [] as string[]);
      found.push(...names.filter((name) => name.startsWith(MARKER_PREFIX)).map((name) => path.join(folder, name)));
    }
    return found;
  }

  async removeMarkerFiles() {
    await Promise.all((await this.markerFiles()).map((file) => rm(file, { force: true })));
  }

  /**
   * What a request left running on the server: advisory locks, renamed or stuck connections,
   * and whether the victim connection was killed. Empty when the server is as it should be.
   */
  async leftovers(): Promise<string[]> {
    const problems: string[] = [];
    const locks = await this.sql<{ pid: number; key: string; mode: string; app: string }[]>`
      select l.pid, l.classid || ':' || l.objid || ':' || l.objsubid as key, l.mode, coalesce(a.application_name, '') as app
      from pg_locks l left join pg_stat_activity a using (pid)
      where l.locktype = 'advisory' and l.pid <> pg_backend_pid()
        and not (l.objsubid = 2 and l.classid = ${RUN_LOCK_SPACE})`;
    for (const lock of locks)
      problems.push(`advisory lock ${lock.key} (${lock.mode}) still held by backend ${lock.pid} "${lock.app}"`);
    const sessions = await this.sql<{ pid: number; app: string; state: string; query: string }[]>`
      select pid, application_name as app, coalesce(state, '') as state, left(query, 80) as query from pg_stat_activity
      where backend_type = 'client backend' and pid <> pg_backend_pid() and application_name <> ${VICTIM_APP_NAME}
        and (application_name like ${`${MARKER_PREFIX}%`}
          or state like 'idle in transaction%'
          or (state = 'active' and now() - query_start > interval '25 seconds'))`;
    for (const s of sessions) problems.push(`connection ${s.pid} "${s.app}" left ${s.state}: ${s.query}`);
    const victim = await this.victim<{ pid: number }[]>`select pg_backend_pid() as pid`.catch(() => []);
    if (victim[0]?.pid !== this.victimPid) problems.push("another user's connection was killed");
    return problems;
  }

  /**
   * Ends every client connection but the test's own, so that what one entry left behind (locks,
   * settings) is not blamed on the next; the app's pools reconnect on their next query.
   */
  async heal() {
    await this.sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where backend_type = 'client backend' and pid <> pg_backend_pid() and application_name <> ${VICTIM_APP_NAME}`;
    const alive = await this.victim<{ pid: number }[]>`select pg_backend_pid() as pid`.catch(() => []);
    if (alive[0]?.pid !== this.victimPid) {
      await this.victim.end({ timeout: 1 }).catch(() => {});
      await this.startVictim();
    }
    await this.removeMarkerFiles();
  }

  async close() {
    await Promise.all([this.sql.end({ timeout: 2 }), this.victim?.end({ timeout: 2 })]);
  }
}
