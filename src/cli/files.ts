// What the commands ask of the file system when they look for files (test files, library
// modules, generated definitions): answers that treat a path that cannot be read as absent.
import { Dirent, readdirSync, statSync } from "node:fs";

/** Whether `p` is a regular file (symbolic links followed). */
export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Whether `p` is a directory (symbolic links followed). */
export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The entries of directory `dir`; none when it cannot be read. */
export function dirEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
