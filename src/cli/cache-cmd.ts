// `assay cache info` and `assay cache clear`: the compile cache (runtime-lib/compile-cache.ts)
// seen from the command line. Registered on the commander program by main.ts; each action
// hands its exit code to `done`.
import type { Command } from "commander";
import { cacheInfo, clearCache } from "../runtime-lib/compile-cache.js";

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** prints the directory, whether it is usable, the number of entries and their size */
function info(): number {
  const i = cacheInfo();
  process.stdout.write(
    `directory: ${i.dir}\n` +
      `usable:    ${i.problem === null ? "yes" : `no (${i.problem})`}\n` +
      `entries:   ${i.entries}\n` +
      `size:      ${size(i.bytes)}\n`,
  );
  return 0;
}

/** removes every entry; prints how many */
function clear(): number {
  const r = clearCache();
  process.stdout.write(`removed ${r.entries} entr${r.entries === 1 ? "y" : "ies"} from ${r.dir}\n`);
  if (r.failed.length === 0) return 0;
  process.stderr.write(`assay: could not remove ${r.failed.length} file${r.failed.length === 1 ? "" : "s"} from ${r.dir}\n`);
  return 1;
}

export function registerCacheCommand(program: Command, done: (status: number) => void): void {
  const cache = program
    .command("cache")
    .description("inspect or clear the compile cache (ASSAY_CACHE_DIR, else $XDG_CACHE_HOME/assay, else ~/.cache/assay)");
  cache
    .command("info")
    .description("print the cache directory, whether it is usable, its number of entries and size")
    .action(() => done(info()));
  cache
    .command("clear")
    .description("remove every cache entry")
    .action(() => done(clear()));
}
