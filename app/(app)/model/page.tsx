import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import type { LoadedModel } from "@/lib/semantic-model/load-model";
import { currentWarehouseModel } from "@/lib/semantic-model/warehouse-model";
import { EntityCard } from "./_components/entity-card";
import { ModelImport } from "./_components/model-import";
import { RelationshipList } from "./_components/relationship-list";

export const metadata: Metadata = { title: "Semantic model" };

function origin(loaded: LoadedModel): string {
  if (loaded.source === "imported") return "imported by a user";
  return loaded.editsFrom
    ? `generated from the catalog, keeping the edits of version ${loaded.editsFrom}`
    : "generated from the catalog";
}

export default async function ModelPage() {
  const user = await requirePageUser("/model");
  const loaded = await currentWarehouseModel(getEnv().sourceSchemas);
  const { entities, relationships } = loaded.model;
  return (
    <div className="stack">
      <div>
        <h1>Semantic model</h1>
        <p className="muted" data-testid="model-version">
          Version {loaded.version}, {origin(loaded)}: {entities.length} tables and {relationships.length} relationships.
          The planner reads requests through these words: a word that names nothing here is asked about, never guessed.
        </p>
        <p>
          <a className="button secondary" href="/api/model" download>
            Download as YAML
          </a>
        </p>
        <p className="muted">
          The file ends with the approved <Link href="/knowledge">knowledge</Link> and verified examples of this
          warehouse, with who saved them, when and from which run; loading a file leaves those as they are.
        </p>
      </div>
      {user.role === "admin" ? (
        <ModelImport />
      ) : (
        <p className="muted">
          An administrator can load an edited model file here; you can edit the YAML and send it to one.
        </p>
      )}
      {entities.map((entity) => (
        <EntityCard key={entity.table} entity={entity} />
      ))}
      <RelationshipList relationships={relationships} />
    </div>
  );
}
