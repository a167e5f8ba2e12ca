import { parentPort, workerData } from "node:worker_threads";

// The SSE benchmark's clients, on a thread of their own so they do not slow the server they
// measure (plain JavaScript: worker threads do not load TypeScript). Reports when each event id
// arrived, as absolute times comparable across threads.
const { url, n } = workerData;
const arrivals = [];

await Promise.all(
  Array.from({ length: n }, async () => {
    const body = (await fetch(url)).body;
    const decoder = new TextDecoder();
    for await (const chunk of body) {
      const at = performance.timeOrigin + performance.now();
      for (const match of decoder.decode(chunk, { stream: true }).matchAll(/^id: (\d+)$/gm)) arrivals.push([Number(match[1]), at]);
    }
  }),
);
parentPort.postMessage(arrivals);
