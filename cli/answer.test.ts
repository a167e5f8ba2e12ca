import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliJson } from "@/lib/testing/run-cli";
import { useCliDatabase } from "@/lib/testing/test-database";

// The CLI contract of a run that asks: exit 3 with its questions, `answer` to carry it on, and
// the questions asked in the terminal when a person is there.
const reading = { DATAMORPH_PLANNER: "reading" };
const REQUEST = "revenue per month";

type Asked = {
  runId: string;
  status: string;
  questions: { id: string; text: string; phrase: string; choices: { id: string; label: string; reading: string }[] }[];
};

describe("datamorph run and answer", () => {
  const db = useCliDatabase({ demo: true });

  it("run --json exits with 3 and the questions; answer builds the chosen reading in the same run", async () => {
    const asked = await runCliJson<Asked>(["run", REQUEST, "--json"], db.url, reading);
    expect(asked.code, asked.stderr).toBe(3);
    expect(Object.keys(asked.json!)).toEqual(["runId", "status", "questions"]);
    expect(asked.json!.status).toBe("needs_input");
    const [question] = asked.json!.questions;
    expect(Object.keys(question)).toEqual(["id", "text", "phrase", "choices"]);
    expect(question.phrase).toBe("revenue");
    expect(question.choices.map((c) => Object.keys(c))).toEqual(question.choices.map(() => ["id", "label", "reading"]));
    expect(question.choices.map((c) => c.label)).toEqual([
      "orders.amount",
      "payments.amount",
      "None of these — rephrase",
    ]);

    const answered = await runCliJson(["answer", asked.json!.runId, `${question.id}=c1`, "--json"], db.url, reading);
    expect(answered.code, answered.stderr).toBe(0);
    expect(answered.json).toMatchObject({
      runId: asked.json!.runId,
      status: "succeeded",
      spec: { sources: [expect.objectContaining({ table: "orders" })] },
    });
    const [built] = await db.sql.unsafe(
      `select sum(total_amount)::numeric as total from "${answered.json!.target.table}"`,
    );
    const [expected] = await db.sql`select sum(amount)::numeric as total from orders`;
    expect(built.total).toBe(expected.total);

    const again = await runCli(["answer", asked.json!.runId, `${question.id}=c1`], db.url, reading);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not waiting for answers \(it is succeeded\)/);
  }, 120_000);

  it("answer refuses what is not an answer, and 'none of these' ends the run as rejected", async () => {
    const asked = await runCliJson<Asked>(["run", REQUEST, "--json"], db.url, reading);
    const { runId, questions } = asked.json!;
    const malformed = await runCli(["answer", runId, "revenue"], db.url, reading);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/write <questionId>=<choiceId>/);
    const unknown = await runCli(["answer", runId, `${questions[0].id}=c9`], db.url, reading);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/has no choice "c9"/);

    const declined = await runCliJson(["answer", runId, `${questions[0].id}=rephrase`, "--json"], db.url, reading);
    expect(declined.code).toBe(2);
    expect(declined.json).toMatchObject({
      runId,
      status: "rejected",
      error: expect.stringMatching(/rephrase the request/),
    });
  }, 120_000);

  it("answer --remember saves the answer, and the same request then builds without asking", async () => {
    const prompt = "average price per category";
    const asked = await runCliJson<Asked>(["run", prompt, "--json"], db.url, reading);
    expect(asked.code, asked.stderr).toBe(3);
    const [question] = asked.json!.questions;
    const choice = question.choices.find((c) => c.label === "order_items.unit_price")!;
    const answered = await runCliJson(
      ["answer", asked.json!.runId, `${question.id}=${choice.id}`, "--remember", "--json"],
      db.url,
      reading,
    );
    expect(answered.code, answered.stderr).toBe(0);
    expect(answered.stderr).toMatch(
      /Saved as knowledge of this warehouse, for your requests until an administrator approves it: "average price" means order_items\.unit_price/,
    );
    const again = await runCliJson(["run", prompt, "--json"], db.url, reading);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json!.spec.sources.map((s: { table: string }) => s.table)).toContain("order_items");
    expect(again.stderr).not.toMatch(/Needs your answer/);
  }, 120_000);

  it("asks in a terminal: the choices numbered, a number picks one, and the run carries on", async () => {
    // `script` gives the CLI a pseudo-terminal, as a person's shell would.
    const command = `node --import tsx cli/main.ts run ${JSON.stringify(REQUEST)}`;
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, ...reading, DATABASE_URL: db.url, NODE_ENV: "test" },
    });
    let output = "";
    let typed = false;
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (!typed && output.includes("Choose 1-3 [1]: ")) {
        typed = true;
        child.stdin.write("2\r");
      }
    });
    // A CLI that never asks would wait forever: stop it so the test fails with its output.
    const stop = setTimeout(() => child.kill(), 90_000);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    clearTimeout(stop);
    expect(output).toMatch(/"revenue" can be read in 2 ways/);
    expect(output).toMatch(/1\. orders\.amount/);
    expect(output).toMatch(/2\. payments\.amount/);
    expect(output).toMatch(/Published public\.\w+: \d+ rows/);
    expect(code).toBe(0);
    const [run] = await db.sql`select status from datamorph.runs order by created_at desc limit 1`;
    expect(run.status).toBe("succeeded");
    const [answered] =
      await db.sql`select message from datamorph.run_events e join datamorph.runs r on r.id = e.run_id where e.message like 'Answered:%' order by r.created_at desc, e.seq desc limit 1`;
    expect(answered.message).toBe('Answered: "revenue" → payments.amount');
  }, 120_000);
});
