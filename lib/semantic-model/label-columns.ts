import { isKeyLike } from "./column-kinds";
import { typeFamily } from "./column-types";
import { isAddressPrefix } from "./relation-verbs";
import { nameWords, startsWithWords } from "./words/name-words";

type Column = { name: string; dataType: string };

const lastWord = (column: Column) => nameWords(column.name).expanded.at(-1);
const wordsOf = (column: Column) => nameWords(column.name).expanded;

/**
 * The columns that name a row when a request asks for "the customer" or "each artist", best
 * first: a name after the entity (`product_name`), a plain `name`, a first and last name pair,
 * a `title`, a text key made of words (`productLine`), any other name (`company_name`), a
 * description, and last a text code.
 */
export function labelColumns(columns: Column[], entityForms: string[][], textKey?: string): string[] {
  const text = columns
    .filter((c) => typeFamily(c.dataType) === "text")
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const named = (test: (words: string[]) => boolean) => text.filter((c) => test(wordsOf(c)));
  const entityName = named((w) =>
    entityForms.some(
      (f) => w.length === f.length + 1 && startsWithWords(w, f) && (w.at(-1) === "name" || w.at(-1) === "title"),
    ),
  );
  if (entityName.length > 0) return [entityName[0].name];
  const plain = named((w) => w.length === 1 && (w[0] === "name" || w[0] === "label"));
  if (plain.length > 0) return [plain[0].name];
  const first = named((w) => w.length === 2 && w[0] === "first" && w[1] === "name");
  const last = named((w) => w.length === 2 && w[0] === "last" && w[1] === "name");
  if (first.length > 0 && last.length > 0) return [first[0].name, last[0].name];
  const title = named((w) => w.length === 1 && w[0] === "title");
  if (title.length > 0) return [title[0].name];
  // A text key made of words (`productLine`) is the row's name; a code (`officeCode`) is a last resort.
  if (textKey && !isKeyLike(wordsOf({ name: textKey, dataType: "text" }))) return [textKey];
  // "ship_name" names where an order went, not the order.
  const anyName = text.filter((c) => lastWord(c) === "name" && !isAddressPrefix(wordsOf(c)[0]));
  if (anyName.length > 0) return [anyName[0].name];
  const description = text.filter((c) => lastWord(c) === "description");
  if (description.length > 0) return [description[0].name];
  return textKey ? [textKey] : [];
}
