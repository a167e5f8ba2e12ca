// Runs once as the Next.js server starts: the Node server fires pipeline schedules in-process.
export async function register() {
  // biome-ignore lint/style/noProcessEnv: Next.js sets NEXT_RUNTIME per bundle and replaces it at build time
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startAppScheduler }, { getRunStarter }] = await Promise.all([
    import("./lib/pipelines/app-scheduler"),
    import("./agents/run-starter"),
  ]);
  startAppScheduler({ getStarter: getRunStarter });
}
