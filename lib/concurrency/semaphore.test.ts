import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("Semaphore", () => {
  it("lets at most `limit` holders in, the rest in arrival order", async () => {
    const slots = new Semaphore(2);
    const order: number[] = [];
    const releases = await Promise.all([slots.acquire(), slots.acquire()]);
    const third = slots.acquire().then((release) => (order.push(3), release));
    const fourth = slots.acquire().then((release) => (order.push(4), release));
    await tick();
    expect(order).toEqual([]);
    expect(slots.waiting).toBe(2);
    releases[0]();
    releases[0](); // a second call must not free another slot
    await tick();
    expect(order).toEqual([3]);
    expect(slots.running).toBe(2);
    releases[1]();
    await tick();
    expect(order).toEqual([3, 4]);
    (await third)();
    (await fourth)();
    expect(slots.running).toBe(0);
  });

  it("gives up after the timeout and leaves the queue unchanged", async () => {
    const slots = new Semaphore(1);
    const release = await slots.acquire();
    await expect(slots.acquire({ timeoutMs: 20, onTimeout: () => new Error("busy") })).rejects.toThrow("busy");
    expect(slots.waiting).toBe(0);
    release();
    expect(slots.full).toBe(false);
  });
});
