export type StopReason = NodeJS.Signals | "parent exited";

/**
 * Calls `stop` on SIGINT, SIGTERM or SIGHUP, and when the process that started this one goes
 * away (a killed `npm start` no longer forwards signals to it): the server then stops instead
 * of running on as an orphan. A second SIGINT exits at once, as terminals expect.
 */
export function onStopRequest(stop: (reason: StopReason) => void): void {
  let requested = false;
  const request = (reason: StopReason) => {
    if (requested && reason === "SIGINT") process.exit(130);
    requested = true;
    stop(reason);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => request(signal));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(watch);
      request("parent exited");
    }
  }, 1000);
  watch.unref();
}
