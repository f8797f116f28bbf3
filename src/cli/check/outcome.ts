// What one attempt of a check ends with; each check type's module exports one
// `(check, signal) => Promise<Outcome>` (registered by type in runner.ts).

export interface Outcome {
  passed: boolean;
  /** why it failed (or, for a prometheus check without `expect`, what the query returned) */
  message: string | null;
}

export const pass = (message: string | null = null): Outcome => ({ passed: true, message });
export const fail = (message: string): Outcome => ({ passed: false, message });

/** A byte string (one char per byte) read as UTF-8, invalid sequences replaced. */
export function textOf(bytes: string): string {
  return Buffer.from(bytes, "latin1").toString("utf8");
}
