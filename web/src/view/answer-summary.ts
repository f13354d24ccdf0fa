// What the view tells the host's model after the person answers: each answer as quoted JSON data (never as text the
// model could take for instructions), marked as the person's, short.
import type { FeedbackInput } from '../api/types';

const MAX_CHARS = 2_000;

/** JSON that cannot close a tag or end a line early inside the host's context block. */
const quote = (value: unknown): string =>
  (JSON.stringify(value) ?? 'null').replace(/[<>\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function answerSummary(answers: readonly FeedbackInput[]): string {
  const lines = answers.map((a) => `${a.kind}${a.widget !== undefined ? ` on widget ${quote(a.widget)}` : ''}: ${quote(a.data)}`);
  const text = `${lines.join('; ')}. feedback_read returns the same answers.`;
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}
