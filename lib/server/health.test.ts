import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { checkHealth } from "./health";

// The app reaches its database through a relay on a thread of its own (so keeping this thread
// busy does not hold it up, as a busy web server does not hold up Postgres) that passes answers
// on after `delayMs`, or never (`hang`), as a slow or hung database or network would.
const RELAY = `
  const { connect, createServer } = require("node:net");
  const { parentPort, workerData } = require("node:worker_threads");
  let mode = { delayMs: 0, hang: false };
  parentPort.on("message", (next) => { mode = next; parentPort.postMessage("set"); });
  const relay = createServer((client) => {
    const server = connect({ host: workerData.host, port: workerData.port });
    for (const socket of [client, server]) socket.on("error", () => {});
    client.on("data", (bytes) => mode.hang || server.write(bytes));
    server.on("data", (bytes) => mode.hang || setTimeout(() => client.write(bytes), mode.delayMs));
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  relay.listen(0, "127.0.0.1", () => parentPort.postMessage(relay.address().port));
`;
async function setRelay(mode: { delayMs: number; hang: boolean }) {
  relay.postMessage(mode);
  await once(relay, "message");
}
let relay: Worker;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(testServers()[0]);
  drop = database.drop;
  const url = new URL(database.url);
  relay = new Worker(RELAY, { eval: true, workerData: { host: url.hostname, port: Number(url.port) } });
  const [port] = await once(relay, "message");
  url.port = String(port);
  process.env.DATABASE_URL = url.toString();
});

afterAll(async () => {
  await closeDb();
  await relay.terminate();
  await drop();
});

describe("health", () => {
  it("answers up when the database answers in time, even if the server was too busy to read the answer before the limit", async () => {
    expect(await checkHealth()).toMatchObject({ ok: true, db: "up" });
    await setRelay({ delayMs: 500, hang: false });
    const pending = checkHealth();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the ping is sent; its answer comes in 0.5 s
    // Busy outside the timer phase, as a request being served is: the loop then meets the expired
    // limit and the waiting answer in the same turn.
    await new Promise((resolve) => setImmediate(resolve));
    const busyUntil = Date.now() + 2_500; // a report render or a build holding the event loop past the 2 s limit
    while (Date.now() < busyUntil);
    expect(await pending).toMatchObject({ ok: true, db: "up" });
  });

  it("answers down within about two seconds when the database stops answering", async () => {
    await setRelay({ delayMs: 0, hang: true });
    const started = Date.now();
    expect(await checkHealth()).toMatchObject({ ok: false, db: "down" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
