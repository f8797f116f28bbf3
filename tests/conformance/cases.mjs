// Lists conformance cases: tests/conformance/<area>/<name>.lua with
// expectations in <name>.out / <name>.err / <name>.status (see README.md).
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(fileURLToPath(import.meta.url));
export const LUA55_MARK = '-- lua5.5:';

export function isLua55(file) {
  return readFileSync(file, 'latin1').startsWith(LUA55_MARK);
}

// All case files as [{area, name, dir, file}], sorted by area then name.
export function listCaseFiles() {
  const out = [];
  for (const area of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, area);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.lua')) continue;
      out.push({ area, name: f.slice(0, -4), dir, file: join(dir, f) });
    }
  }
  return out;
}

// Cases with their expectations. expectedOut: Buffer (stdout bytes),
// expectedErr: string (stderr without "lua5.4: " prefix and traceback) or null,
// expectedStatus: exit status (0, 1 when .err exists, or the .status number).
export function listCases() {
  return listCaseFiles().map((c) => {
    const base = join(c.dir, c.name);
    const expectedOut = existsSync(base + '.out') ? readFileSync(base + '.out') : Buffer.alloc(0);
    const expectedErr = existsSync(base + '.err') ? readFileSync(base + '.err', 'latin1') : null;
    let expectedStatus = expectedErr === null ? 0 : 1;
    if (existsSync(base + '.status')) expectedStatus = Number(readFileSync(base + '.status', 'latin1').trim());
    return { ...c, expectedOut, expectedErr, expectedStatus, lua55: isLua55(c.file) };
  });
}
