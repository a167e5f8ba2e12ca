import { isAbbreviation } from "./abbreviations";
import { segmentLowercaseRun } from "./segment-words";

// Word boundaries inside one chunk: lower→Upper ("customerNumber"), the end of an acronym
// ("HTMLParser" → HTML Parser), and letters↔digits ("addressLine1").
const CAMEL_BOUNDARY = /(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/;
const SHORTEST_RUN_TO_SEGMENT = 5;

/**
 * Splits an identifier into lowercase words, whatever its naming style: snake_case
 * (`support_rep_id`), camelCase and PascalCase (`salesRepEmployeeNumber`, `InvoiceLine`),
 * acronyms (`MSRP`), and runs of lowercase words written together (`lifeexpectancy`,
 * `countrycode`, `orderdetails`), which are split with an English word list.
 */
export function splitIdentifier(identifier: string): string[] {
  const words: string[] = [];
  for (const chunk of identifier.split(/[^A-Za-z0-9]+/)) {
    for (const part of chunk.split(CAMEL_BOUNDARY)) {
      if (!part) continue;
      const word = part.toLowerCase();
      // Only a part written all in lowercase may be several words; "Number" or "MSRP" is one.
      const mayBeRun =
        part === word && /^[a-z]+$/.test(word) && word.length >= SHORTEST_RUN_TO_SEGMENT && !isAbbreviation(word);
      words.push(...(mayBeRun ? segmentLowercaseRun(word) : [word]));
    }
  }
  return words;
}
