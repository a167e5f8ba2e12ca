import { TableScroll } from "@/app/_components/table-scroll";
import type { Entity } from "@/lib/semantic-model/model-schema";

type Row = { column: string; role: string; words: string[]; detail: string };

// Value lists can be long; the first few say what kind of values a column holds.
const SHOWN_VALUES = 6;

function describeValues(values: string[] | undefined, sampled: boolean | undefined): string {
  if (!values || values.length === 0) return "";
  const shown = values.slice(0, SHOWN_VALUES).join(", ");
  return `values: ${shown}${values.length > SHOWN_VALUES ? `, … (${values.length}${sampled ? "+" : ""})` : ""}`;
}

/** Every column the model reads, with the role it plays in a request. */
function rowsOf(entity: Entity): Row[] {
  return [
    ...entity.measures.map((m) => ({
      column: m.column,
      role: "measure",
      words: [...m.words, ...(m.synonyms ?? [])],
      detail: [`${m.defaultAgg} by default`, m.unit && `unit: ${m.unit}`].filter(Boolean).join("; "),
    })),
    ...entity.timeDimensions.map((t) => ({
      column: t.column,
      role: "time",
      words: [...t.words, ...(t.synonyms ?? [])],
      detail: [t.type, t.default && "the default date"].filter(Boolean).join("; "),
    })),
    ...entity.dimensions.map((d) => ({
      column: d.column,
      role: d.kind ?? "dimension",
      words: [...d.words, ...(d.synonyms ?? []), ...(d.verbs ?? []).map((v) => `${v} …`)],
      detail: describeValues(d.values, d.valuesSampled),
    })),
    ...entity.flags.map((f) => ({
      column: f.column,
      role: "flag",
      words: f.words,
      detail: `true when ${String(f.trueValue)}`,
    })),
  ];
}

/** One table of the model: the nouns that name it and what each of its columns means. */
export function EntityCard({ entity }: { entity: Entity }) {
  const names = [entity.name, entity.plural, ...(entity.words ?? []), ...(entity.synonyms ?? [])];
  const headingId = `entity-${entity.table.replace(/[^a-zA-Z0-9]+/g, "-")}`;
  return (
    <section className="card stack" aria-labelledby={headingId} data-testid="model-entity">
      <div>
        <h2 id={headingId}>
          <code>{entity.table}</code>
          {entity.link && (
            <>
              {" "}
              <span className="badge">link table</span>
            </>
          )}
        </h2>
        <p className="muted">
          Called {[...new Set(names)].map((n) => `"${n}"`).join(", ")}. Key {entity.key.join(", ") || "none"}
          {entity.label.length > 0 && <>; a row is named by {entity.label.join(", ")}</>}.
        </p>
      </div>
      <TableScroll label={`Columns of ${entity.table}`}>
        <table className="grid stack-on-phone">
          <thead>
            <tr>
              <th>Column</th>
              <th>Role</th>
              <th>Words</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {rowsOf(entity).map((row) => (
              <tr key={row.column}>
                <td className="nowrap">
                  <code>{row.column}</code>
                </td>
                <td data-label="Role">{row.role}</td>
                <td className="full" data-label="Words">
                  {[...new Set(row.words)].join(", ")}
                </td>
                <td className="muted full prose">{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
