import { createRequire } from "node:module";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

// dynalite ships no type declarations; this is the one call the tests make.
const dynalite = createRequire(import.meta.url)("dynalite") as (options: {
  createTableMs?: number;
  deleteTableMs?: number;
}) => Server;

/** An in-memory DynamoDB (dynalite) on a free port, with a client pointed at it. */
export type LocalDynamoDb = {
  client: DynamoDBClient;
  /** Another client of the same server, as a second process would have. */
  connect: () => DynamoDBClient;
  close: () => Promise<void>;
};

/** Starts an empty local DynamoDB; `close` stops every client it made, then the server. */
export async function startLocalDynamoDb(): Promise<LocalDynamoDb> {
  // Tables become ACTIVE at once, so tests need not wait on the CREATING state.
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: DynamoDBClient[] = [];
  const connect = () => {
    const client = new DynamoDBClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    clients.push(client);
    return client;
  };
  return {
    client: connect(),
    connect,
    close: async () => {
      for (const client of clients) client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
