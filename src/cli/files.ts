// What the commands ask of the file system when they look for files (test files, library
// modules, generated definitions): answers that treat a path that cannot be read as absent.
import fs from "node:fs";

/** Whether `p` is a regular file (symbolic links followed). */
export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Whether `p` is a directory (symbolic links followed). */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The entries of directory `dir`; none when it cannot be read. */
export function dirEntries(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
