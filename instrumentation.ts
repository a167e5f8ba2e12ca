// Runs once as the Next.js server starts: the Node server fires pipeline schedules in-process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppScheduler } = await import("./lib/pipelines/app-scheduler");
  startAppScheduler();
}
