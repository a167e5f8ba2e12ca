/** One answer of the health route: its status (0 when none came in time) and how long it took. */
export type HealthSample = { at: number; status: number; ms: number };

/**
 * Asks `url` every `everyMs` until stopped, one request at a time, as a load balancer would;
 * a request with no answer within `timeoutMs` counts as status 0. `stop` returns every sample.
 */
export function pollHealth(url: string, { everyMs, timeoutMs }: { everyMs: number; timeoutMs: number }) {
  const samples: HealthSample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const at = Date.now();
      const status = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" }).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      );
      samples.push({ at, status, ms: Date.now() - at });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - at))));
    }
  })();
  return {
    async stop(): Promise<HealthSample[]> {
      stopped = true;
      await loop;
      return samples;
    },
  };
}
