import { Cron } from "croner";
import { AppError } from "@/lib/errors";

/** The schedule settings a pipeline keeps. */
export type Schedule = { cron: string; timezone: string };

function cronOf({ cron, timezone }: Schedule): Cron {
  // `paused` keeps croner from starting timers of its own: it only computes dates here.
  return new Cron(cron, { timezone, paused: true, mode: "auto" });
}

/**
 * Checks a cron expression (5 fields, or 6 with seconds first) and an IANA time zone; throws a
 * bad_request AppError that says what is wrong.
 */
export function checkSchedule(schedule: Schedule): Schedule {
  const cron = schedule.cron.trim().replace(/\s+/g, " ");
  if (!cron || cron.length > 120)
    throw new AppError("bad_request", 'Give a cron expression, e.g. "0 6 * * *" (every day at 06:00).');
  try {
    Intl.DateTimeFormat("en-US", { timeZone: schedule.timezone });
  } catch {
    throw new AppError(
      "bad_request",
      `Unknown time zone "${schedule.timezone}": use an IANA name such as UTC or Europe/Berlin.`,
    );
  }
  let next: Date | null;
  try {
    next = cronOf({ cron, timezone: schedule.timezone }).nextRun();
  } catch (error) {
    throw new AppError(
      "bad_request",
      `"${cron}" is not a cron expression DataMorph can read: ${(error as Error).message.replace(/^CronPattern: /, "")}`,
    );
  }
  if (!next) throw new AppError("bad_request", `"${cron}" never fires.`);
  return { cron, timezone: schedule.timezone };
}

/** The first firing of `schedule` strictly after `after`, or null when there is none. */
export function nextFiring(schedule: Schedule, after: Date): Date | null {
  return cronOf(schedule).nextRun(after);
}
