import { appendFile } from "node:fs/promises";
import type { APIRequestContext } from "@playwright/test";
import type { Bystander } from "./bystander";
import { askApi, askCli, type Answer } from "./channels";
import type { HostileInput } from "./corpus";
import { changedParts, fingerprintDatabase, quickFingerprint, type Fingerprint } from "./fingerprint";
import type { Secret } from "./secrets";
import type { ServerWatch } from "./server-state";
import { judgeAnswer, type Problem } from "./verdict";

/** Where every problem found is written, one JSON line each, for the report to the lead. */
export const REPORT_FILE = "e2e/.output/hostile-sql-problems.jsonl";

type Parts = {
  watch: ServerWatch;
  bystander: Bystander;
  secrets: Secret[];
  hostile: APIRequestContext;
  cliEnv: NodeJS.ProcessEnv;
};

/** A plain query run beside each CLI batch: how long the CLI takes right now before any query runs. */
const CONTROL_SQL = "select 1 as one";

/**
 * Runs corpus entries through the console and the CLI and checks the server after each small
 * batch: the database, the marker files, what connections kept, and
 * what another user notices. Whatever one entry broke is repaired before the next, so each
 * problem is blamed on the entry that caused it.
 */
export class HostileHarness {
  private before!: Fingerprint;

  constructor(private readonly parts: Parts) {}

  async start() {
    this.before = await fingerprintDatabase(this.parts.watch.sql);
  }

  /** What the server shows after some entries ran; repairs it so the next entries start clean. */
  async serverProblems(): Promise<string[]> {
    const { watch, bystander } = this.parts;
    const problems: string[] = [];
    // Rows change only under a new transaction id, so the full checksum runs only when one was used.
    const quick = await quickFingerprint(watch.sql);
    if (changedParts(this.before, { ...this.before, ...quick }).length > 0) {
      const after = await fingerprintDatabase(watch.sql);
      const changed = changedParts(this.before, after).filter((part) => part !== "next transaction id");
      if (changed.length > 0) problems.push(`changed the database: ${changed.join(", ")}`);
      this.before = after;
    }
    const files = await watch.markerFiles();
    if (files.length > 0) problems.push(`created ${files.join(", ")}`);
    problems.push(...(await watch.leftovers()));
    problems.push(...(await bystander.noticed()).map((noticed) => `bystander: ${noticed}`));
    if (problems.length > 0) await watch.heal();
    return problems;
  }

  private judge(entry: HostileInput, answer: Answer, cliStartupMs = 0): Problem[] {
    return judgeAnswer(entry, answer, this.parts.secrets, answer.channel === "cli" ? cliStartupMs : 0);
  }

  /** Runs CLI commands at once beside a plain control query, whose time is what starting the CLI costs now. */
  private async cliBatch(queries: Promise<Answer>[]): Promise<{ answers: Answer[]; startupMs: number }> {
    const [control, ...answers] = await Promise.all([askCli(CONTROL_SQL, this.parts.cliEnv), ...queries]);
    // A control that did not answer at all (killed after the give-up time) still tells how slow starting is right now.
    return { answers, startupMs: control.ms };
  }

  /**
   * Entries through `POST /api/query`, `width` requests at a time, the server checked after each
   * batch. When a batch breaks something, its entries run again one by one to find which one did.
   */
  async throughApi(entries: HostileInput[], width = 8): Promise<Problem[]> {
    const ask = (entry: HostileInput) => askApi(this.parts.hostile, entry.sql);
    return this.inBatches(
      entries,
      width,
      "api",
      async (batch) => ({ answers: await Promise.all(batch.map(ask)), startupMs: 0 }),
      ask,
    );
  }

  /** Entries through the CLI, `width` processes at a time, checked like the console's. */
  async throughCli(entries: HostileInput[], width = 8): Promise<Problem[]> {
    const ask = (entry: HostileInput) => askCli(entry.sql, this.parts.cliEnv);
    return this.inBatches(entries, width, "cli", (batch) => this.cliBatch(batch.map(ask)), ask);
  }

  private async inBatches(
    entries: HostileInput[],
    width: number,
    channel: Answer["channel"],
    runBatch: (batch: HostileInput[]) => Promise<{ answers: Answer[]; startupMs: number }>,
    rerun: (entry: HostileInput) => Promise<Answer>,
  ): Promise<Problem[]> {
    const found: Problem[] = [];
    for (let i = 0; i < entries.length; i += width) {
      const batch = entries.slice(i, i + width);
      const { answers, startupMs } = await runBatch(batch);
      batch.forEach((entry, k) => found.push(...this.judge(entry, answers[k], startupMs)));
      const server = await this.serverProblems();
      if (server.length > 0)
        found.push(...(await this.pinDown(batch, server, channel, (entry) => rerun(entry).then(() => {}))));
    }
    return record(found);
  }

  /** Entries through both channels at once, `width` entries at a time (for the slow, heavy ones). */
  async throughBoth(entries: HostileInput[], width: number): Promise<Problem[]> {
    const found: Problem[] = [];
    for (let i = 0; i < entries.length; i += width) {
      const batch = entries.slice(i, i + width);
      const { answers, startupMs } = await this.cliBatch(
        batch.flatMap((entry) => [askApi(this.parts.hostile, entry.sql), askCli(entry.sql, this.parts.cliEnv)]),
      );
      batch.forEach((entry, k) =>
        found.push(...this.judge(entry, answers[2 * k]), ...this.judge(entry, answers[2 * k + 1], startupMs)),
      );
      const server = await this.serverProblems();
      if (server.length === 0) continue;
      const ids = batch.map((entry) => entry.id).join(", ");
      found.push(
        ...batch.map((entry) => ({
          id: entry.id,
          channel: "server" as const,
          problem: `one of [${ids}] left: ${server.join("; ")}`,
        })),
      );
    }
    return record(found);
  }

  private async pinDown(
    batch: HostileInput[],
    server: string[],
    channel: Answer["channel"],
    rerun: (entry: HostileInput) => Promise<void>,
  ): Promise<Problem[]> {
    if (batch.length === 1) return server.map((problem) => ({ id: batch[0].id, channel, problem }));
    const pinned: Problem[] = [];
    for (const entry of batch) {
      await rerun(entry);
      const alone = await this.serverProblems();
      pinned.push(...alone.map((problem) => ({ id: entry.id, channel, problem: `${problem} (found when run alone)` })));
    }
    if (pinned.length > 0) return pinned;
    const ids = batch.map((entry) => entry.id).join(", ");
    return [
      { id: batch[0].id, channel, problem: `one of [${ids}] left: ${server.join("; ")} (not reproduced one by one)` },
    ];
  }
}

async function record(problems: Problem[]): Promise<Problem[]> {
  if (problems.length > 0) await appendFile(REPORT_FILE, `${problems.map((p) => JSON.stringify(p)).join("\n")}\n`);
  return problems;
}
