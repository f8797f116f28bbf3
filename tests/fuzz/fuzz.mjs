#!/usr/bin/env node
// Differential fuzzing: random Lua programs run under lua5.4 and assay; any difference in
// stdout, error message or exit status is isolated, minimised and written out as a
// conformance case (expected output recorded from lua5.4).
//
//   node tests/fuzz/fuzz.mjs [--seconds N] [--seed S] [--programs N] [--batch N]
//                            [--from B] [--out DIR] [--no-write] [--no-shrink] [--print B] [--quiet]
//
// A batch (one process per implementation) holds --batch snippets; snippet k of batch b is
// determined by (seed, b, k): --from B starts at batch B, --print B prints it. Exit status 1
// when a mismatch was found.
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { genBatch, renderProgram, prelude, programSeed } from './program.mjs';
import { block, renderTop } from './tree.mjs';
import { workDir, writeProgram, runLua, runAssay, parses, differences, firstDifference, haveLua } from './exec.mjs';
import { shrink } from './shrink.mjs';
import { writeCase, signature } from './cases.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseArgs(argv) {
  const o = { seconds: null, seed: null, programs: Infinity, batch: 40, out: join(REPO, 'tests/conformance/fuzz'), write: true, shrink: true, print: null, quiet: false, shrinkSeconds: 120, from: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--seconds') o.seconds = Number(val());
    else if (a === '--seed') o.seed = Number(val()) >>> 0;
    else if (a === '--programs') o.programs = Number(val());
    else if (a === '--batch') o.batch = Math.max(1, Number(val()));
    else if (a === '--out') o.out = val();
    else if (a === '--shrink-seconds') o.shrinkSeconds = Number(val());
    else if (a === '--no-write') o.write = false;
    else if (a === '--no-shrink') o.shrink = false;
    else if (a === '--print') o.print = Number(val());
    else if (a === '--from') o.from = Number(val());
    else if (a === '--quiet') o.quiet = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (o.seed === null) o.seed = (Date.now() ^ (process.pid << 16)) >>> 0;
  // a budget of programs alone is not cut short by the default time budget
  if (o.seconds === null) o.seconds = Number.isFinite(o.programs) ? Infinity : 60;
  return o;
}

/** Runs a program text under both; returns {want, got, diff}. */
async function compare(dir, text) {
  writeProgram(dir, text);
  const want = await runLua(dir);
  const got = await runAssay(dir);
  return { want, got, diff: differences(want, got) };
}

/** Program text for a shrink candidate: the prelude (no markers) and the top-level items. */
function standalone(root) {
  return prelude(false) + renderTop(root);
}

/** The prelude keeps only the helpers the program still uses (S, then P and show). */
function trimmed(root) {
  const body = renderTop(root);
  let pre = prelude(false);
  if (!/\bS\(/.test(body)) pre = pre.replace(/local NS = 0\n[\s\S]*$/, '');
  if (!/\b(P|show)\(/.test(body) && !/\bS\(/.test(body)) pre = '';
  return pre + body;
}

/** Is this candidate still a mismatch? (It must parse and terminate under lua5.4.) */
function badness(dir) {
  return async (root) => {
    const text = standalone(root);
    writeProgram(dir, text);
    if (!parses(dir)) return false;
    const want = await runLua(dir, 5000);
    if (want.timedOut) return false;
    const got = await runAssay(dir, 20000);
    return differences(want, got).length > 0;
  };
}

/** Candidate programs that isolate the snippet (or tail) to blame, smallest first. */
function isolations(prog, where) {
  const items = prog.snippets.items;
  const tail = prog.tail ? [prog.tail] : [];
  if (where !== 'end') return [[items[where - 1]], items.slice(0, where)];
  const last = items[items.length - 1];
  return [[last], tail, [last, ...tail], [...items, ...tail]].filter((c) => c.length);
}

async function investigate(prog, where, dir, opts, log) {
  const isBad = badness(dir);
  let root = null;
  for (const cand of isolations(prog, where)) {
    const r = block(structuredClone(cand));
    if (await isBad(r)) {
      root = r;
      break;
    }
  }
  if (!root) return { reproduced: false };
  if (opts.shrink) {
    const t0 = Date.now();
    const tries = await shrink(root, isBad, { maxTries: 2000, deadline: t0 + opts.shrinkSeconds * 1000 });
    log(`  shrunk in ${tries} tries, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  let text = trimmed(root);
  let res = await compare(dir, text);
  if (!res.diff.length) {
    text = standalone(root);
    res = await compare(dir, text);
  }
  return { reproduced: res.diff.length > 0, text, res };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.print !== null) {
    process.stdout.write(renderProgram(genBatch(programSeed(opts.seed, opts.print), opts.batch), true));
    return 0;
  }
  if (!haveLua()) {
    console.error('fuzz: lua5.4 not found; nothing to compare against');
    return 0;
  }
  const log = (s) => opts.quiet || console.log(s);
  const { dir, cleanup } = workDir();
  const start = Date.now();
  const seen = new Map();
  let programs = 0;
  let batches = 0;
  let mismatches = 0;
  let invalid = 0;
  try {
    for (let b = opts.from; Date.now() - start < opts.seconds * 1000 && programs < opts.programs; b++) {
      const count = Math.min(opts.batch, opts.programs - programs);
      const prog = genBatch(programSeed(opts.seed, b), count);
      const text = renderProgram(prog, true);
      writeProgram(dir, text);
      programs += count;
      batches++;
      if (!parses(dir)) {
        // a generator bug, not an assay one: every generated program must be valid Lua
        console.log(`INVALID PROGRAM seed ${opts.seed} batch ${b} (luac5.4 -p rejects it; see --print ${b})`);
        invalid++;
        continue;
      }
      const { want, got, diff } = await compare(dir, text);
      if (want.timedOut) {
        // also a generator bug: every generated program must end
        console.log(`PROGRAM DOES NOT END under lua5.4: seed ${opts.seed} batch ${b} (see --print ${b})`);
        invalid++;
        continue;
      }
      if (!diff.length) continue;
      mismatches++;
      const where = firstDifference(want, got, count);
      console.log(`MISMATCH seed ${opts.seed} batch ${b} snippet ${where}`);
      const found = await investigate(prog, where, dir, opts, log);
      if (!found.reproduced) {
        console.log('  (did not reproduce on its own)\n' + diff.join('\n').slice(0, 2000));
        continue;
      }
      const sig = signature(found.res.want, found.res.got);
      console.log(found.text.replace(/^/gm, '  | ') + '\n' + found.res.diff.join('\n').replace(/^/gm, '  '));
      if (seen.has(sig)) {
        console.log(`  (same as ${seen.get(sig)})`);
        continue;
      }
      const name = `seed${opts.seed}_b${b}_${where}`;
      seen.set(sig, name);
      if (opts.write && !/: ADDR/.test(found.res.want.out + found.res.want.err)) {
        const header = `-- found by tests/fuzz (seed ${opts.seed}, batch ${b}); lua5.4 and assay differed\n`;
        writeCase(opts.out, name, header + found.text);
        console.log(`  wrote ${relative(REPO, join(opts.out, name))}.lua`);
      }
    }
  } finally {
    cleanup();
  }
  const secs = ((Date.now() - start) / 1000).toFixed(1);
  const bad = invalid ? `, ${invalid} invalid batch(es)` : '';
  console.log(`fuzz: seed ${opts.seed}: ${programs} programs in ${batches} batches, ${secs} s; ${mismatches} mismatching batch(es), ${seen.size} distinct${bad}`);
  return mismatches || invalid ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`fuzz: ${e.message}`);
    process.exitCode = 2;
  },
);
