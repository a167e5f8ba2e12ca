import type { ArtifactStore } from "@/lib/artifacts/store";
import type { Answers, PublicQuestion } from "@/lib/planner/questions";

async function readJson<T>(
  artifacts: ArtifactStore,
  runId: string,
  kind: "questions.json" | "answers.json",
  empty: T,
): Promise<T> {
  const stored = await artifacts.get(runId, kind);
  return stored ? (JSON.parse(stored.toString("utf8")) as T) : empty;
}

/** The questions a run paused on last (empty when it never asked). */
export const readRunQuestions = (artifacts: ArtifactStore, runId: string) =>
  readJson<(PublicQuestion & { kind?: string })[]>(artifacts, runId, "questions.json", []);

/** Every answer given to a run so far: question id → choice id. */
export const readRunAnswers = (artifacts: ArtifactStore, runId: string) =>
  readJson<Answers>(artifacts, runId, "answers.json", {});
