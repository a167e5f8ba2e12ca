import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { toEventBridgeCron } from "./eventbridge-cron";

describe("toEventBridgeCron", () => {
  it.each([
    ["0 6 * * *", "cron(0 6 * * ? *)"],
    ["*/15 * * * *", "cron(*/15 * * * ? *)"],
    ["0 0 6 * * *", "cron(0 6 * * ? *)"],
    ["30 2 1,15 * *", "cron(30 2 1,15 * ? *)"],
    ["0 9 L * *", "cron(0 9 L * ? *)"],
    ["0 9 15W 1-6 *", "cron(0 9 15W 1-6 ? *)"],
    ["0 6 * jan,jul *", "cron(0 6 * JAN,JUL ? *)"],
    ["0 6 * * 1-5", "cron(0 6 ? * 2-6 *)"],
    ["0 6 ? * MON-FRI", "cron(0 6 ? * 2-6 *)"],
    ["0 6 * * 0", "cron(0 6 ? * 1 *)"],
    ["0 6 * * 7", "cron(0 6 ? * 1 *)"],
    ["0 6 * * 5-7", "cron(0 6 ? * 1,6-7 *)"],
    ["0 6 * * 6,0", "cron(0 6 ? * 1,7 *)"],
    ["0 6 * * */2", "cron(0 6 ? * 1,3,5,7 *)"],
    ["0 6 * * 1#2", "cron(0 6 ? * 2#2 *)"],
    ["0 6 * * 5L", "cron(0 6 ? * 6L *)"],
    ["@daily", "cron(0 0 * * ? *)"],
    ["@weekly", "cron(0 0 ? * 1 *)"],
    ["@hourly", "cron(0 * * * ? *)"],
  ])("%s -> %s", (cron, expected) => {
    expect(toEventBridgeCron(cron)).toBe(expected);
  });

  it("names the same weekdays as cron does", () => {
    // EventBridge counts Sunday as 1: each converted day, read back, is the weekday croner fires on.
    for (const day of [0, 1, 2, 3, 4, 5, 6]) {
      const fires = new Cron(`0 12 * * ${day}`, { timezone: "UTC", paused: true }).nextRun(new Date("2026-01-01"))!;
      const converted = Number(/\? \* (\d) \*\)$/.exec(toEventBridgeCron(`0 12 * * ${day}`))![1]);
      expect(converted).toBe(fires.getUTCDay() + 1);
    }
  });

  it.each([
    ["*/2 * * * * *", /seconds field.*once a minute/],
    ["30 0 6 * * *", /seconds field/],
    ["0 6 1 * 1", /both days of the month and days of the week/],
    ["0 6 * *", /give 5 fields/],
    ["@reboot", /EventBridge has no "@reboot"/],
    ["0 6 L-2 * *", /cannot read "L-2" in the day of the month/],
    ["0 6 * * 5-2", /ends before it starts/],
  ])("refuses %s", (cron, why) => {
    let thrown: unknown;
    try {
      toEventBridgeCron(cron);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "bad_request", message: expect.stringMatching(why) });
    expect((thrown as Error).message).toContain(`"${cron}" cannot be an EventBridge schedule`);
  });
});
