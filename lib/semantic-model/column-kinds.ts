// Small tables of English that say what kind of thing a column's last or any word names.

/** Words that end the name of a key or code (`customer_id`, `orderNumber`, `officeCode`). */
export const KEY_WORDS = new Set([
  "id",
  "number",
  "code",
  "key",
  "uuid",
  "guid",
  "identifier",
  "sku",
  "fk",
  "reference",
]);

/** Parts of an address: requests reach them with "live in", "located in", "based in". */
export const LOCATION_WORDS = new Set([
  "address",
  "city",
  "town",
  "state",
  "province",
  "county",
  "country",
  "region",
  "postal",
  "zip",
  "postcode",
  "street",
  "suburb",
  "district",
  "location",
]);

/** Calendar parts held as numbers: grouped by, never added up. */
export const CALENDAR_WORDS = new Set(["year", "month", "quarter", "week", "weekday"]);

/** Words of a date column that only say it is a date ("order date" → order). */
export const DATE_WORDS = new Set(["date", "time", "at", "on", "timestamp", "datetime", "day", "dttm", "when"]);

/** General synonyms of common attribute words, as weak evidence (the user's overlay adds more). */
export const ATTRIBUTE_SYNONYMS: Record<string, string[]> = {
  country: ["nation"],
  city: ["town"],
  "postal code": ["zip code", "postcode"],
  "zip code": ["postal code"],
  phone: ["telephone", "phone number"],
  email: ["email address"],
};

/**
 * Words of text columns whose values are one per row, never a category a request names: contact
 * details, address lines, postal codes, file paths, notes. Their values are not indexed.
 */
const UNINDEXED_WORDS = new Set([
  "phone",
  "fax",
  "email",
  "extension",
  "url",
  "homepage",
  "website",
  "password",
  "hash",
  "token",
  "address",
  "street",
  "postal",
  "zip",
  "postcode",
  "path",
  "notes",
  "comments",
]);

/** Whether a text column's values belong in the value index, by its (expanded) words. */
export const isIndexableText = (expanded: string[]) =>
  !isKeyLike(expanded) && !expanded.some((w) => UNINDEXED_WORDS.has(w));

/** Whether the last word marks a key or code. */
export const isKeyLike = (expanded: string[]) => expanded.length > 0 && KEY_WORDS.has(expanded[expanded.length - 1]);
