import { describe, expect, it } from "vitest";
import { runCliJson } from "@/lib/testing/run-cli";
import { useCliDatabase } from "@/lib/testing/test-database";

const PROMPT = "total order amount per customer for shipped orders";
const byHand = (status: string) =>
  `select c.customer_id, c.first_name, c.last_name, sum(o.amount) from customers c join orders o on o.customer_id = c.customer_id where o.status = '${status}' group by 1, 2, 3`;

type Json = Record<string, any>;

describe("pipeline save, run, show and history on the command line", () => {
  const database = useCliDatabase({ demo: true });
  const cli = (args: string[]) => runCliJson<Json>(args, database.url);
  const differingRows = async (table: string, select: string) => {
    const [row] = await database.sql.unsafe(
      `select count(*)::int as n from ((select * from ${table} except all ${select}) union all (${select} except all select * from ${table})) d`,
    );
    return row.n as number;
  };
  let runId = "";

  it("saves a succeeded run as a parameterised pipeline, and two values give two right tables", async () => {
    const first = await cli(["run", PROMPT, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    runId = first.json!.runId;

    const saved = await cli([
      "pipeline",
      "save",
      runId,
      "--name",
      "Customer totals",
      "--param",
      "status=text:shipped",
      "--target",
      "customer_totals_{{status}}",
      "--json",
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.json).toMatchObject({
      name: "Customer totals",
      version: 1,
      targetTable: "customer_totals_{{status}}",
      parameters: [{ name: "status", type: "text", default: "shipped" }],
    });

    const shipped = await cli(["pipeline", "run", "Customer totals", "--json"]);
    expect(shipped.code, shipped.json?.error ?? shipped.stderr).toBe(0);
    expect(shipped.json).toMatchObject({
      status: "succeeded",
      target: { table: "customer_totals_shipped" },
      pipeline: { name: "Customer totals", version: 1, parameters: { status: "shipped" } },
    });
    const returned = await cli(["pipeline", "run", "customer TOTALS", "--param", "status=returned", "--json"]);
    expect(returned.code, returned.json?.error ?? returned.stderr).toBe(0);
    expect(returned.json).toMatchObject({
      status: "succeeded",
      target: { table: "customer_totals_returned" },
      pipeline: { parameters: { status: "returned" } },
    });
    expect(returned.json!.sql).toContain("'returned'");

    expect(await differingRows("customer_totals_shipped", byHand("shipped"))).toBe(0);
    expect(await differingRows("customer_totals_returned", byHand("returned"))).toBe(0);
    const [counts] =
      await database.sql`select (select count(*) from customer_totals_shipped)::int as shipped, (select count(*) from customer_totals_returned)::int as returned`;
    expect(counts.shipped).toBeGreaterThan(counts.returned);

    // A pipeline run is a normal run, linked to its pipeline and version.
    const [run] =
      await database.sql`select r.status, r.trigger, r.parameters, v.version, p.name from datamorph.runs r join datamorph.pipeline_versions v on v.id = r.pipeline_version_id join datamorph.pipelines p on p.id = r.pipeline_id where r.id = ${returned.json!.runId}`;
    expect(run).toEqual({
      status: "succeeded",
      trigger: "manual",
      parameters: { status: "returned" },
      version: 1,
      name: "Customer totals",
    });
    const planner =
      await database.sql`select message from datamorph.run_events where run_id = ${returned.json!.runId} and agent = 'planner'`;
    expect(planner.map((e) => e.message)).toEqual([
      'Took the spec of pipeline "Customer totals" version 1 with status = "returned"',
    ]);
  }, 180_000);

  it("shows the pipeline's versions and parameters, lists it, and keeps its history newest first", async () => {
    const show = await cli(["pipeline", "show", "Customer totals", "--json"]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.json).toMatchObject({
      name: "Customer totals",
      owner: "cli@datamorph.local",
      currentVersion: 1,
      targetTable: "customer_totals_{{status}}",
      parameters: [{ name: "status", type: "text", default: "shipped" }],
    });
    expect(show.json!.versions).toHaveLength(1);
    expect(show.json!.versions[0]).toMatchObject({
      version: 1,
      fromRunId: runId,
      note: `Saved from run ${runId}`,
      changes: null,
    });
    expect(JSON.stringify(show.json!.spec.filters)).toContain('"value":"{{status}}"');

    const list = await cli(["pipeline", "list", "--json"]);
    expect(list.json).toEqual([
      expect.objectContaining({
        name: "Customer totals",
        currentVersion: 1,
        lastRun: expect.objectContaining({ status: "succeeded" }),
      }),
    ]);

    const history = await cli(["pipeline", "history", "Customer totals", "--json"]);
    expect(history.code, history.stderr).toBe(0);
    expect(history.json!.runs.map((r: Json) => [r.status, r.version, r.parameters, r.target])).toEqual([
      ["succeeded", 1, { status: "returned" }, "public.customer_totals_returned"],
      ["succeeded", 1, { status: "shipped" }, "public.customer_totals_shipped"],
    ]);
    const text = await cli(["pipeline", "history", "Customer totals"]);
    expect(text.stdout).toContain("customer_totals_returned");
  });

  it("refuses bad requests with exit 2 and a reason, changing nothing", async () => {
    const tablesBefore = await database.sql`select count(*)::int as n from pg_tables where schemaname = 'public'`;
    const cases: [string[], RegExp][] = [
      [
        ["pipeline", "save", runId, "--name", "Other", "--param", "status=text:pending"],
        /No text value of the spec equals "pending" for parameter status; its values are: orders\.status = "shipped" \(text\)/,
      ],
      [["pipeline", "save", runId, "--name", "Customer totals"], /A pipeline named "Customer totals" already exists/],
      [
        ["pipeline", "save", runId, "--name", "Other", "--param", "status=colour:red"],
        /write name=type:default with a type of text, number, date, boolean/,
      ],
      [
        ["pipeline", "save", runId, "--name", "Other", "--target", "x_{{nope}}"],
        /The target name uses \{\{nope\}\}, which is not a parameter/,
      ],
      [
        ["pipeline", "run", "Customer totals", "--param", "colour=red"],
        /This pipeline has no parameter colour \(its parameters: status\)/,
      ],
      [["pipeline", "run", "No such pipeline"], /No pipeline "No such pipeline"/],
      [["pipeline", "show"], /Name the pipeline/],
      [["pipeline", "fly"], /Unknown pipeline command "fly"/],
      [
        ["pipeline", "sync-schedules"],
        /Schedules here are fired by the in-process scheduler; set DATAMORPH_SCHEDULE_GROUP/,
      ],
    ];
    const outcomes = await Promise.all(cases.map(([args]) => cli(args)));
    cases.forEach(([args, message], k) => {
      expect(outcomes[k].code, args.join(" ")).toBe(2);
      expect(outcomes[k].stderr, args.join(" ")).toMatch(message);
    });
    expect(await database.sql`select count(*)::int as n from pg_tables where schemaname = 'public'`).toEqual(
      tablesBefore,
    );
    expect((await database.sql`select count(*)::int as n from datamorph.pipelines`)[0].n).toBe(1);
  }, 120_000);

  it("never lets a member's pipeline publish over a table another user published", async () => {
    const [other] =
      await database.sql`insert into datamorph.users (email, name, password_hash) values ('olga@example.com', 'Olga', '!') returning id`;
    // Olga now stands as the publisher of the returned-orders table.
    await database.sql`update datamorph.runs set user_id = ${other.id} where target_table = 'customer_totals_returned'`;
    const before = await database.sql`select * from customer_totals_returned order by 1`;
    const refused = await cli(["pipeline", "run", "Customer totals", "--param", "status=returned", "--json"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /public\.customer_totals_returned was published by another user \(run [0-9a-f-]{36} by olga@example\.com, .*\); you can replace only tables you published/,
    );
    expect(await database.sql`select * from customer_totals_returned order by 1`).toEqual(before);
    const saveOver = await cli([
      "pipeline",
      "save",
      runId,
      "--name",
      "Sneaky",
      "--param",
      "status=text:shipped",
      "--target",
      "customer_totals_returned",
    ]);
    expect(saveOver.code).toBe(2);
    expect(saveOver.stderr).toContain("was published by another user");
    expect(
      (await database.sql`select count(*)::int as n from datamorph.runs where status in ('queued', 'running')`)[0].n,
    ).toBe(0);
  }, 120_000);

  it("shows the column lineage of the seed example: orders.amount summed into total_order_amount", async () => {
    const seed = await cli([
      "run",
      "Join customers and orders on customer_id, calculate total order amount per customer",
      "--json",
    ]);
    expect(seed.code, seed.stderr).toBe(0);
    const saved = await cli(["pipeline", "save", seed.json!.runId, "--name", "Seed totals"]);
    expect(saved.code, saved.stderr).toBe(0);
    const [json, text] = await Promise.all([
      cli(["pipeline", "show", "Seed totals", "--json"]),
      cli(["pipeline", "show", "Seed totals"]),
    ]);
    expect(json.json!.lineage.columns).toEqual([
      {
        output: "customer_id",
        transformation: "column",
        detail: null,
        sources: [{ table: "public.customers", column: "customer_id" }],
      },
      ...["first_name", "last_name"].map((column) => ({
        output: column,
        transformation: "column",
        detail: null,
        sources: [{ table: "public.customers", column }],
      })),
      {
        output: "total_order_amount",
        transformation: "aggregate",
        detail: "sum",
        sources: [{ table: "public.orders", column: "amount" }],
      },
    ]);
    expect(text.stdout).toContain("public.orders.amount → total_order_amount (sum)");
    expect(text.stdout).toContain("public.customers.customer_id → customer_id");
    expect(text.stdout).toContain("Sources: unchanged since this version was saved");
  }, 120_000);
});
