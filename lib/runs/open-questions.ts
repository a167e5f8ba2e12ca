import type { PublicQuestion } from "@/lib/planner/questions";
import type { StoredRunEvent } from "@/lib/events/types";

type Payload = { needsInput?: boolean; questions?: PublicQuestion[]; answered?: unknown; final?: boolean } | undefined;

/**
 * The questions a run waits on, read from its timeline: those of its last question, unless an
 * answer (or the run's end) came after it. Null when nothing is asked.
 */
export function openQuestionsOf(events: StoredRunEvent[]): PublicQuestion[] | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const payload = events[i].payload as Payload;
    if (payload?.answered || payload?.final) return null;
    if (payload?.needsInput) return payload.questions ?? null;
  }
  return null;
}

/** Whether the run's timeline ends waiting on a question (null), or was answered since (true), or never asked (false). */
export function answeredSinceAsked(events: StoredRunEvent[]): boolean | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const payload = events[i].payload as Payload;
    if (payload?.answered) return true;
    if (payload?.needsInput) return null;
  }
  return false;
}
