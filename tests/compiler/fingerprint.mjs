// The compiler's fingerprint: a hash of what it makes of a fixed corpus of Lua files (the
// benchmark programs, and corpus/ beside this file for the constructs they do not use
// much). The compile cache keys entries by
// COMPILER_VERSION, not by the compiler's code, so compiled code that changes under the same
// version would be served stale from every user's cache. compiler-fingerprint.json records
// the version and the fingerprint together (and a hash of the corpus's sources, so that an
// edit of the corpus is told apart from a change of the compiler); the test beside this file
// fails when one moves without the other.
//
//   node tests/compiler/fingerprint.mjs           prints the current version and fingerprint
//   node tests/compiler/fingerprint.mjs --record  writes them to compiler-fingerprint.json,
//                                                 refusing a new fingerprint under the
//                                                 version already recorded (unless the
//                                                 corpus itself changed)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../../dist/compiler/compile.js';
import { COMPILER_VERSION } from '../../dist/compiler/compiled.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
export const RECORD = path.join(here, 'compiler-fingerprint.json');

function luaFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...luaFiles(p));
    else if (e.name.endsWith('.lua')) out.push(p);
  }
  return out;
}

/** The corpus, relative to the repository root, in a fixed order. */
export function corpus() {
  return [...luaFiles(path.join(root, 'benchmarks', 'programs')), ...luaFiles(path.join(here, 'corpus'))].map((f) => path.relative(root, f));
}

/** The hash of the corpus's names and sources. */
export function sources() {
  const h = createHash('sha256');
  for (const f of corpus()) h.update(f + '\0' + fs.readFileSync(path.join(root, f), 'latin1') + '\0');
  return h.digest('hex').slice(0, 32);
}

/** The fingerprint of the current compiler (files that do not compile count by their error). */
export function fingerprint() {
  const h = createHash('sha256');
  for (const f of corpus()) {
    h.update(f + '\0');
    try {
      const c = compile(fs.readFileSync(path.join(root, f), 'latin1'), '@' + f);
      h.update(JSON.stringify([c.code, c.keys, c.lines, c.info, c.fnames]));
    } catch (e) {
      h.update('error\0' + String(e && e.message));
    }
  }
  return h.digest('hex').slice(0, 32);
}

export function recorded() {
  return JSON.parse(fs.readFileSync(RECORD, 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const now = { version: COMPILER_VERSION, sources: sources(), fingerprint: fingerprint() };
  if (!process.argv.includes('--record')) {
    console.log(JSON.stringify(now));
  } else {
    const old = fs.existsSync(RECORD) ? recorded() : null;
    if (old && old.version === now.version && old.sources === now.sources && old.fingerprint !== now.fingerprint) {
      console.error(`compiled code changed under COMPILER_VERSION ${now.version}: bump it (src/compiler/compiled.ts), rebuild, then record`);
      process.exit(1);
    }
    fs.writeFileSync(RECORD, JSON.stringify(now, null, 2) + '\n');
    console.log(`recorded ${JSON.stringify(now)}`);
  }
}
