// Which files `assay test` runs: test_*.lua and *_test.lua under the given directories
// (recursively; dot-directories and node_modules skipped, symlinked directories not followed),
// files given by name whatever they are called; by default tests/ and every tests/ directory
// under stdlib/. Sorted by the path shown, each file once.
import fs from "node:fs";
import path from "node:path";
import { dirEntries, isFile } from "../files.js";

export const TEST_FILE = /^(test_.+|.+_test)\.lua$/;

export interface Discovery {
  /** paths as shown: relative to cwd when inside it */
  files: string[];
  /** given paths that do not exist */
  missing: string[];
}

function skipDir(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** Every test file under dir. */
function walk(dir: string, out: string[]): void {
  for (const e of dirEntries(dir)) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skipDir(e.name)) walk(p, out);
    } else if (TEST_FILE.test(e.name) && (e.isFile() || (e.isSymbolicLink() && isFile(p)))) out.push(p);
  }
}

/** Every directory named tests under dir (not looking inside them: walk does). */
function testsDirs(dir: string, out: string[]): void {
  for (const e of dirEntries(dir)) {
    if (!e.isDirectory() || skipDir(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.name === "tests") out.push(p);
    else testsDirs(p, out);
  }
}

function defaultRoots(cwd: string): string[] {
  const roots: string[] = [];
  const tests = path.join(cwd, "tests");
  if (fs.existsSync(tests)) roots.push(tests);
  testsDirs(path.join(cwd, "stdlib"), roots);
  return roots;
}

function shown(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? abs : rel;
}

export function discover(paths: string[], cwd: string): Discovery {
  const found: string[] = [];
  const missing: string[] = [];
  const roots = paths.length > 0 ? paths.map((p) => path.resolve(cwd, p)) : defaultRoots(cwd);
  roots.forEach((abs, i) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      missing.push(paths[i] ?? abs);
      return;
    }
    if (st.isDirectory()) walk(abs, found);
    else found.push(abs);
  });
  const files = [...new Set(found.map((f) => shown(f, cwd)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, missing };
}
