import { readFile, stat, writeFile } from "node:fs/promises";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import {
  exportModelYaml,
  MAX_MODEL_FILE_BYTES,
  ModelImportError,
  readModelYaml,
} from "@/lib/semantic-model/model-yaml";
import {
  currentWarehouseModel,
  describeLoadedModel as describe,
  importWarehouseModel,
  warehouseUserOverlay,
} from "@/lib/semantic-model/warehouse-model";
import type { Command, CommandContext } from "./commands";
import { CliError } from "./output";

const USAGE = [
  "Usage: npm run -s datamorph -- model export [--out <file.yaml>] [--json]",
  "       npm run -s datamorph -- model import <file.yaml> [--json]",
  "",
  "export writes the warehouse's semantic model (what its tables and columns mean in English) as",
  "YAML, generating it first when the catalog changed. import stores an edited file as the current",
  "version, after checking every table and column it names. Exit code: 0 done, 1 failed, 2 refused.",
].join("\n");

async function exportModel({ values, env }: CommandContext): Promise<number> {
  const loaded = await currentWarehouseModel(env.sourceSchemas);
  const overlay = await warehouseUserOverlay(env.sourceSchemas);
  const yaml = exportModelYaml(loaded.model, overlay);
  const out = values.out as string | undefined;
  if (out)
    await writeFile(out, yaml).catch((error: NodeJS.ErrnoException) =>
      Promise.reject(new CliError(`Cannot write ${out}: ${error.code ?? error.message}`, 1)),
    );
  if (values.json)
    process.stdout.write(
      `${JSON.stringify({ version: loaded.version, source: loaded.source, generatedNow: loaded.generatedNow, out: out ?? null, model: loaded.model, userOverlay: overlay })}\n`,
    );
  else if (!out) process.stdout.write(yaml);
  process.stderr.write(`Semantic model ${describe(loaded)}${out ? ` → ${out}` : ""}\n`);
  return 0;
}

async function importModel({ values, positionals, env }: CommandContext): Promise<number> {
  const file = positionals[1];
  if (!file || positionals.length > 2) throw new CliError(`Name one YAML file to import.\n${USAGE}`, 2);
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) throw new CliError(`There is no file ${file}.`, 2);
  if (size > MAX_MODEL_FILE_BYTES)
    throw new CliError(
      `${file} is too large for a model (${(size / 1e6).toFixed(1)} MB; at most ${(MAX_MODEL_FILE_BYTES / 1e6).toFixed(1)} MB).`,
      2,
    );
  try {
    const { model, ignored } = readModelYaml(await readFile(file, "utf8"));
    const user = await getOrCreateCliUser();
    const loaded = await importWarehouseModel(env.sourceSchemas, model, user.id);
    if (values.json)
      process.stdout.write(
        `${JSON.stringify({ version: loaded.version, source: loaded.source, entities: model.entities.length, relationships: model.relationships.length, ...(ignored ? { ignored } : {}) })}\n`,
      );
    process.stderr.write(`Imported ${file} as semantic model ${describe(loaded)}\n`);
    if (ignored) process.stderr.write(`${ignored}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ModelImportError) throw new CliError(error.message, 2);
    throw error;
  }
}

export const modelCommand: Command = {
  usage: USAGE,
  argument: { name: "model command" },
  options: { out: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
  async run(context) {
    const [action] = context.positionals;
    if (action === "export" && context.positionals.length === 1) return exportModel(context);
    if (action === "import") return importModel(context);
    throw new CliError(
      `Unknown model command "${context.positionals.join(" ")}". Try: model export, model import <file>`,
      2,
    );
  },
};
