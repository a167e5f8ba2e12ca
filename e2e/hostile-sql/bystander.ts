import type { APIRequestContext } from "@playwright/test";

/** A bystander's plain query answers within this, even on a busy two-core machine. */
const FAST_MS = 5_000;
/** More requests at once than the app keeps pooled connections, so every pooled connection is visited. */
const SWEEP_WIDTH = 12;

// Everything a console query could leave on a pooled connection, seen from the next user's query.
// The short sleep keeps each connection busy so the requests spread over the whole pool.
const SESSION_FACTS_SQL = `select current_user as current_user, session_user as session_user, current_setting('role') as role,
  current_setting('is_superuser') as is_superuser, current_setting('statement_timeout') as statement_timeout,
  current_setting('search_path') as search_path, current_setting('TimeZone') as timezone, current_setting('DateStyle') as datestyle,
  current_setting('work_mem') as work_mem, current_setting('lock_timeout') as lock_timeout,
  current_setting('idle_in_transaction_session_timeout') as idle_in_transaction_timeout,
  current_setting('default_transaction_read_only') as default_read_only, current_setting('bytea_output') as bytea_output,
  current_setting('extra_float_digits') as extra_float_digits, current_setting('application_name') as application_name,
  (select count(*) from pg_prepared_statements where name like 'dm_hostile%')::int as hostile_prepared_statements,
  (select count(*) from pg_listening_channels() c where c like 'dm_hostile%')::int as hostile_listens,
  (select count(*) from pg_cursors where name like 'dm_hostile%')::int as hostile_cursors,
  (select 1 from pg_sleep(0.15)) as slept`;

const PAGES = ["/api/runs", "/api/schemas"];

/**
 * Another signed-in user (a member), who must not notice anything that the hostile user did:
 * their console and their pages answer as before, on every pooled connection.
 */
export class Bystander {
  private normal?: Record<string, unknown>;

  constructor(private readonly request: APIRequestContext) {}

  private async sweep() {
    return Promise.all(
      Array.from({ length: SWEEP_WIDTH }, async () => {
        const response = await this.request
          .post("/api/query", { data: { sql: SESSION_FACTS_SQL }, failOnStatusCode: false, timeout: 30_000 })
          .catch((error: Error) => error);
        if (response instanceof Error)
          return { status: `unreachable (${response.message.split("\n")[0]})`, facts: undefined, body: null };
        const body = (await response.json().catch(() => null)) as { rows?: Record<string, unknown>[] } | null;
        return { status: String(response.status()), facts: body?.rows?.[0], body };
      }),
    );
  }

  /** Records the console's normal session facts before any hostile input ran. */
  async learnNormal(): Promise<Record<string, unknown>> {
    const answers = await this.sweep();
    const facts = answers.map((a) => a.facts).filter(Boolean) as Record<string, unknown>[];
    if (facts.length !== SWEEP_WIDTH)
      throw new Error(`The member's console did not answer the session check: ${JSON.stringify(answers[0]?.body)}`);
    this.normal = facts[0];
    return this.normal;
  }

  /** What the bystander noticed; empty when everything answered as normal. */
  async noticed(): Promise<string[]> {
    const problems: string[] = [];
    const started = performance.now();
    const one = await this.request
      .post("/api/query", { data: { sql: "select 1 as one" }, failOnStatusCode: false, timeout: 30_000 })
      .catch((error: Error) => error);
    const ms = Math.round(performance.now() - started);
    if (one instanceof Error)
      return [`another user's "select 1" could not reach the app: ${one.message.split("\n")[0]}`];
    const oneBody = await one.text();
    if (one.status() !== 200 || !oneBody.includes('"rows":[{"one":1}]'))
      problems.push(`another user's "select 1" answered HTTP ${one.status()}: ${oneBody.slice(0, 160)}`);
    else if (ms > FAST_MS) problems.push(`another user's "select 1" took ${ms} ms`);

    const [answers, pages] = await Promise.all([
      this.sweep(),
      Promise.all(
        PAGES.flatMap((page) =>
          Array.from({ length: SWEEP_WIDTH / 2 }, () =>
            this.request.get(page, { failOnStatusCode: false, timeout: 30_000 }).then(
              (r) => ({ page, status: String(r.status()) }),
              (error: Error) => ({ page, status: `unreachable (${error.message.split("\n")[0]})` }),
            ),
          ),
        ),
      ),
    ]);
    for (const answer of answers) {
      if (!answer.facts) {
        problems.push(`another user's console answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 160)}`);
        continue;
      }
      for (const [name, value] of Object.entries(answer.facts)) {
        if (name !== "slept" && this.normal && value !== this.normal[name])
          problems.push(
            `a pooled connection kept ${name} = ${JSON.stringify(value)} (normally ${JSON.stringify(this.normal[name])})`,
          );
      }
    }
    for (const { page, status } of pages)
      if (status !== "200") problems.push(`another user's ${page} answered HTTP ${status}`);
    return [...new Set(problems)];
  }
}
