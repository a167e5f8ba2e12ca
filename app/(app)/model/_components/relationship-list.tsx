import { TableScroll } from "@/app/_components/table-scroll";
import type { Relationship } from "@/lib/semantic-model/model-schema";

const cardinalityWords: Record<Relationship["cardinality"], string> = {
  many_to_one: "many to one",
  one_to_one: "one to one",
  many_to_many: "many to many",
};

/** How tables join, and the verbs and role nouns that name each join in a request. */
export function RelationshipList({ relationships }: { relationships: Relationship[] }) {
  return (
    <section className="card stack" aria-labelledby="relationships-heading">
      <h2 id="relationships-heading">Relationships</h2>
      {relationships.length === 0 ? (
        <div className="empty">
          No relationships: no foreign keys are declared and no column is named after another table&apos;s key.
        </div>
      ) : (
        <TableScroll label="Relationships">
          <table className="grid stack-on-phone" data-testid="model-relationships">
            <thead>
              <tr>
                <th>From</th>
                <th>To</th>
                <th>Kind</th>
                <th>Named by</th>
              </tr>
            </thead>
            <tbody>
              {relationships.map((r) => (
                <tr key={`${r.from}.${r.fromColumns.join()}→${r.to}`}>
                  <td className="full">
                    <code>
                      {r.from}.{r.fromColumns.join(", ")}
                    </code>
                  </td>
                  <td className="full" data-label="To">
                    <code>
                      {r.to}.{r.toColumns.join(", ")}
                    </code>
                    {r.through && <span className="muted"> through {r.through.table}</span>}
                  </td>
                  <td data-label="Kind">
                    {cardinalityWords[r.cardinality]}
                    {r.inferred && <span className="muted"> (from the column name)</span>}
                  </td>
                  <td data-label="Named by">
                    {[...(r.roles ?? []), ...r.verbs.map((v) => v.phrase)].join(", ") || (
                      <span className="muted">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
