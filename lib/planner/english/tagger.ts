import winkNLP, { type ItemToken, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { PartOfSpeech, Span } from "@/lib/planner/english/types";

/** One word as the English model reads it, located in the text it was given. */
export type TaggedWord = Span & {
  text: string;
  pos: PartOfSpeech;
  lemma: string;
  normal: string;
  sentence: number;
  known: boolean;
};

// Sentence boundaries and parts of speech are all this layer asks of the model: named
// entities, sentiment and the model's own negation flags are left out of the pipe (we read
// negation scope ourselves, and the entity recogniser costs time for nothing we use).
const PIPE = ["sbd", "pos"];

let nlp: WinkMethods | null = null;
let loadMs: number | null = null;

/** Builds the model once per process; later calls are free. Returns how long the build took. */
export function loadEnglishModel(): number {
  if (!nlp) {
    const started = performance.now();
    nlp = winkNLP(model, PIPE);
    loadMs = performance.now() - started;
  }
  return loadMs ?? 0;
}

/** Tags `text` and locates each word in it. Deterministic: the model has no state between calls. */
export function tagWords(text: string): TaggedWord[] {
  loadEnglishModel();
  const its = nlp!.its;
  const doc = nlp!.readDoc(text);
  const words: TaggedWord[] = [];
  let cursor = 0;
  doc.sentences().each((sentence, sentenceIndex) => {
    sentence.tokens().each((token: ItemToken) => {
      // The model's typings do not cover every "its" helper; each returns a string here.
      const read = (f: unknown) => String(token.out(f as never));
      const value = token.out();
      // Line breaks come back as tokens of their own; a token is a word or a mark, never space.
      if (value.trim() === "") return;
      const found = text.indexOf(value, cursor);
      // The model hands back each word as written, so it is always found; the fallback keeps
      // offsets moving forward if a future model version normalises a word.
      const start = found >= 0 ? found : cursor;
      const end = found >= 0 ? start + value.length : cursor;
      cursor = end;
      words.push({
        text: value,
        start,
        end,
        pos: read(its.pos) as PartOfSpeech,
        lemma: read(its.lemma).toLowerCase(),
        normal: read(its.normal),
        sentence: sentenceIndex,
        known: !doc.isOOV(read(its.normal)),
      });
    });
  });
  return words;
}
