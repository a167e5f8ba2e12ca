import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { e2eDataDir } from "../playwright.config";

/** A direct connection to the app's embedded warehouse, for arranging what the browser meets. */
export function connectWarehouse() {
  const state = JSON.parse(readFileSync(path.join(e2eDataDir, "embedded.json"), "utf8"));
  return postgres({
    host: "127.0.0.1",
    port: state.port,
    user: state.user,
    password: state.password,
    database: state.database,
    max: 2,
    onnotice: () => {},
  });
}
