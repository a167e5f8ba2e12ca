import postgres from "postgres";
import type { SqlClient } from "./client";

/**
 * One connection per process that holds the liveness locks of every run the process has in hand,
 * queued or running. A single session holds any number of advisory locks, so a thousand queued
 * runs cost one connection, not a thousand.
 */
export function createLivenessClient(url: string): SqlClient {
  return postgres(url, {
    max: 1,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: "datamorph-liveness" },
  });
}
