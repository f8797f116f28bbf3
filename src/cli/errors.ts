// How a command reports a problem with what it was given, before anything runs: one line
// "assay: <message>" on stderr and exit status 2 (docs/cli.md), and the wording of a file it
// cannot read (as lua's "cannot open x.lua: No such file or directory"). And how a failure
// of assay itself is reported, rather than mistaken for one of those.

/** Exit status of a usage error: bad options, an unreadable file. */
export const USAGE = 2;

/** Writes "assay: <message>"; returns USAGE. */
export function usageError(message: string): number {
  process.stderr.write(`assay: ${message}\n`);
  return USAGE;
}

/** Whether `e` is commander's report of a usage problem (which commander has printed). */
export function isCommanderError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("commander.");
}

/** Writes "assay: internal error: <message>" (with the JavaScript stack when ASSAY_DEBUG is
 *  set); returns 1, a failed run. */
export function internalError(e: unknown): number {
  const text = e instanceof Error ? (process.env.ASSAY_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
  process.stderr.write(`assay: internal error: ${text}\n`);
  return 1;
}

/** "cannot open <file>: <reason>" for an error reading `file`. */
export function cannotOpen(file: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return `cannot open ${file}: ${err.code === "ENOENT" ? "No such file or directory" : err.message}`;
}
