import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { stopEmbeddedPostgres } from "@/lib/db/embedded";
import { e2eAccessCode, e2eSparePorts } from "../playwright.config";
import { isAlive, isListening, listProcesses, processTree } from "./processes";

// Stopping `npm start` the way a terminal (Ctrl-C, SIGINT) or a service manager (SIGTERM) does
// must stop everything it started: the web server and the embedded Postgres, with no process
// left behind holding the ports. A second copy of the app is started here for that, on its own
// data folder and ports; it reuses the build the test server made, so it starts quickly.

const { web: port, pg: pgPort } = e2eSparePorts;
const dataDir = path.resolve(`.data/e2e-${port}-lifecycle`);
let app: { npm: ChildProcess; output: string[]; exited: Promise<number | null> } | undefined;

function startApp() {
  const npm = spawn("npm", ["start"], {
    detached: true, // its own process group, as in a terminal, so the group can be checked afterwards
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATAMORPH_PG_PORT: String(pgPort),
      DATAMORPH_DATA_DIR: dataDir,
      DATAMORPH_ACCESS_CODE: e2eAccessCode,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const output: string[] = [];
  npm.stdout!.on("data", (chunk) => output.push(String(chunk)));
  npm.stderr!.on("data", (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  app = { npm, output, exited };
  return app;
}

const clusterDir = () => JSON.parse(readFileSync(path.join(dataDir, "embedded.json"), "utf8")).clusterDir as string;

test.afterEach(async () => {
  // Whatever a failed test left running: only the process group started here.
  if (app?.npm.pid && listProcesses().some((p) => p.pgid === app!.npm.pid)) process.kill(-app.npm.pid, "SIGKILL");
  app = undefined;
  await stopEmbeddedPostgres(dataDir, { onlyIfIdle: false }).catch(() => false);
});

test.afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to npm start stops the web server, the embedded Postgres and every process it started`, async () => {
    test.setTimeout(240_000);
    const { npm, output, exited } = startApp();
    const pid = npm.pid!;
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status, {
        timeout: 200_000,
        intervals: [500],
        message: `npm start answered health; its output:\n${output.join("")}`,
      })
      .toBe(200);

    const started = processTree(pid);
    const postmasterFile = path.join(clusterDir(), "postmaster.pid");
    const postmaster = Number(readFileSync(postmasterFile, "utf8").split("\n")[0]);
    expect(
      started.some((p) => p.command.includes("next")),
      "the web server runs under npm start",
    ).toBe(true);
    expect(isAlive(postmaster)).toBe(true);
    expect(await isListening(pgPort)).toBe(true);

    const stopAsked = Date.now();
    process.kill(pid, signal);
    await expect.poll(() => isListening(port), { timeout: 20_000, message: "the web port closes" }).toBe(false);
    await expect
      .poll(
        () =>
          listProcesses()
            .filter((p) => p.pgid === pid || started.some((s) => s.pid === p.pid))
            .map((p) => `${p.pid} ${p.command}`),
        {
          timeout: 20_000,
          message: "no process of npm start is left",
        },
      )
      .toEqual([]);
    await expect
      .poll(() => existsSync(postmasterFile) || isAlive(postmaster), {
        timeout: 20_000,
        message: "the embedded Postgres stopped",
      })
      .toBe(false);
    expect(await isListening(pgPort), "nothing listens on the Postgres port").toBe(false);
    expect(Date.now() - stopAsked).toBeLessThan(25_000);
    expect(await exited).toBe(0);
    expect(output.join("")).toContain(`Stopping (${signal})`);
  });
}
