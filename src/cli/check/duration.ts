// Durations in a check file (SPEC B§3.3): "<uint>ms", "<uint>s" or "<uint>m", trimmed, the
// suffixes tried in that order — nothing else ("2h", "1.5s" and a bare "30" are errors).

export interface Duration {
  ms: number;
  /** as written in the file, for messages ("5s") */
  text: string;
}

const HINT = "(use e.g. '120s', '5m', '500ms')";

const UNITS: [suffix: string, factor: number, word: string][] = [
  ["ms", 1, "milliseconds"],
  ["s", 1000, "seconds"],
  ["m", 60_000, "minutes"],
];

/** Parses a duration; throws an Error with the file format's message. */
export function parseDuration(raw: string): Duration {
  const s = raw.trim();
  for (const [suffix, factor, word] of UNITS) {
    if (!s.endsWith(suffix)) continue;
    const digits = s.slice(0, -suffix.length);
    if (!/^\d+$/.test(digits)) throw new Error(`invalid ${word} value: "${s}" ${HINT}`);
    return { ms: Number(digits) * factor, text: s };
  }
  throw new Error(`unsupported duration format: "${s}" ${HINT}`);
}

/** A duration for messages, from milliseconds: "500ms", "5s", "1.5s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${Number((ms / 1000).toFixed(3))}s`;
}
