import { connect } from "node:net";
import { parentPort, workerData } from "node:worker_threads";

// The SSE benchmark's clients, on a thread of their own so they do not slow the server they
// measure (plain JavaScript: worker threads do not load TypeScript). Each is a bare TCP
// connection speaking HTTP/1.1, as light as a client can be. Reports when each event id
// arrived, as absolute times comparable across threads.
const { host, port, path, n } = workerData;
const arrivals = [];

await Promise.all(
  Array.from(
    { length: n },
    () =>
      new Promise((resolve, reject) => {
        const socket = connect({ host, port, noDelay: true }, () =>
          socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nAccept: text/event-stream\r\n\r\n`),
        );
        socket.setEncoding("utf8");
        socket.on("data", (text) => {
          const at = performance.timeOrigin + performance.now();
          for (const match of text.matchAll(/^id: (\d+)$/gm)) arrivals.push([Number(match[1]), at]);
          if (text.includes("event: end")) socket.end();
        });
        socket.on("close", resolve);
        socket.on("error", reject);
      }),
  ),
);
parentPort.postMessage(arrivals);
