// How a command reports a problem with what it was given, before anything runs: one line
// "assay: <message>" on stderr and exit status 2 (docs/cli.md), and the wording of a file it
// cannot read (as lua's "cannot open x.lua: No such file or directory").

/** Exit status of a usage error: bad options, an unreadable file. */
export const USAGE = 2;

/** Writes "assay: <message>"; returns USAGE. */
export function usageError(message: string): number {
  process.stderr.write(`assay: ${message}\n`);
  return USAGE;
}

/** "cannot open <file>: <reason>" for an error reading `file`. */
export function cannotOpen(file: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return `cannot open ${file}: ${err.code === "ENOENT" ? "No such file or directory" : err.message}`;
}
