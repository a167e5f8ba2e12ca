import { highlight } from "@/lib/highlight";
import { CopyButton } from "@/app/_components/copy-button";

/** Generated code, highlighted on the server, with a copy button. */
export async function CodeBlock({ title, code, lang }: { title: string; code: string; lang: "sql" | "python" }) {
  const html = await highlight(code, lang);
  return (
    <section className="card">
      <h2>{title}</h2>
      <div className="code" data-testid={`code-${lang}`}>
        <CopyButton text={code} />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: shiki renders the code with every character escaped; nothing from the run is inserted as markup */}
        <div dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </section>
  );
}
