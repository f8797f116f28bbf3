#!/usr/bin/env node
// Benchmark runner for assay: runs every program in benchmarks/programs/
// under each available Lua implementation, compares wall time and checksums.
//
//   node benchmarks/run.mjs [--runs N] [--json] [--only name,name]
//                           [--runners assay,assay-node,assay-built,lua5.4,luajit,fengari,wasmoon]
//                           [--timeout SEC] [--node PATH]
//
// No dependencies beyond Node's standard library; the fengari and wasmoon runners use the
// npm packages of those names (devDependencies) through benchmarks/runners/*.mjs.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const PROGRAMS_DIR = path.join(HERE, 'programs');
const PROGRAMS_REL = path.relative(REPO, PROGRAMS_DIR);
// ASSAY_BIN=/path/to/bin/assay overrides the CLI under test (e.g. another checkout).
const ASSAY_BIN = process.env.ASSAY_BIN ? path.resolve(process.env.ASSAY_BIN) : path.join(REPO, 'bin', 'assay');
// The runner assay-node runs bin/assay under another Node than the one on PATH (--node PATH,
// or ASSAY_BENCH_NODE): e.g. the current LTS, next to the Node this machine has.
let OTHER_NODE = process.env.ASSAY_BENCH_NODE ? path.resolve(process.env.ASSAY_BENCH_NODE) : null;
// Node 20 reads NODE_EXTRA_CA_CERTS at every start (~40 ms for a system bundle): the runners
// run without it, so that start-up figures are Node's and the runtime's own.
delete process.env.NODE_EXTRA_CA_CERTS;

// The runner every ratio and checksum is compared against.
const BASELINE = 'lua5.4';

// Programs whose time is dominated by process start-up. They are timed and
// checked like the others, but the geometric mean is also reported without
// them so that start-up cost does not swamp the throughput comparison.
const STARTUP_PROGRAMS = new Set(['hello']);

// ---------------------------------------------------------------------------
// Runners: name -> { detect(), command(file) }.
//
//   detect()      -> { ok: true, version?: string } or { ok: false, reason }
//   command(file) -> { cmd, args } ; `file` is relative to the repo root,
//                    and every command runs with cwd = repo root.
//
// To add a runner, add an entry here; nothing else in the script needs to change.
// fengari and wasmoon run through small Node wrappers in benchmarks/runners/ (see
// packageRunnerDetect); assay-built times the one-file output of `assay build`.
// ---------------------------------------------------------------------------
const RUNNERS = {
  assay: {
    detect() {
      if (!existsSync(ASSAY_BIN)) {
        return { ok: false, reason: `${path.relative(REPO, ASSAY_BIN)} not found` };
      }
      const probe = path.join(PROGRAMS_REL, 'hello.lua');
      const r = runOnce(this.command(probe), 30_000);
      if (!r.ok) {
        return { ok: false, reason: `\`assay run ${probe}\` failed: ${r.error}` };
      }
      return { ok: true, version: firstLine(tryCapture(ASSAY_BIN, ['--version'])) };
    },
    command: (file) => ({ cmd: ASSAY_BIN, args: ['run', file] }),
  },
  // bin/assay starts the first `node` on PATH: the other Node's directory goes first
  'assay-node': {
    detect() {
      if (OTHER_NODE === null) return { ok: false, reason: 'no other Node given (--node PATH or ASSAY_BENCH_NODE)' };
      if (!existsSync(OTHER_NODE)) return { ok: false, reason: `${OTHER_NODE} not found` };
      const probe = path.join(PROGRAMS_REL, 'hello.lua');
      const r = runOnce(this.command(probe), 30_000);
      if (!r.ok) return { ok: false, reason: `\`assay run ${probe}\` under ${OTHER_NODE} failed: ${r.error}` };
      return { ok: true, version: `${firstLine(tryCapture(ASSAY_BIN, ['--version']))}, node ${firstLine(tryCapture(OTHER_NODE, ['--version']))}` };
    },
    command: (file) => ({
      cmd: ASSAY_BIN,
      args: ['run', file],
      env: { ...process.env, PATH: `${path.dirname(OTHER_NODE)}${path.delimiter}${process.env.PATH ?? ''}` },
    }),
  },
  'lua5.4': {
    detect: () => whichDetect('lua5.4', ['-v']),
    command: (file) => ({ cmd: 'lua5.4', args: [file] }),
  },
  luajit: {
    detect: () => whichDetect('luajit', ['-v']),
    command: (file) => ({ cmd: 'luajit', args: [file] }),
  },
  // each program as one JavaScript file made by `assay build` (built before its first timed
  // run, outside the timing), run with plain node
  'assay-built': {
    detect() {
      if (!existsSync(ASSAY_BIN)) return { ok: false, reason: `${path.relative(REPO, ASSAY_BIN)} not found` };
      const probe = path.join(PROGRAMS_REL, 'hello.lua');
      const r = runOnce(this.command(probe), 60_000);
      if (!r.ok) return { ok: false, reason: `\`assay build ${probe}\` and run failed: ${r.error}` };
      return { ok: true, version: `${firstLine(tryCapture(ASSAY_BIN, ['--version']))} (assay build), node ${process.version}` };
    },
    command: (file) => ({ cmd: process.execPath, args: [builtFile(file)] }),
  },
  fengari: {
    detect: () => packageRunnerDetect('fengari'),
    command: (file) => ({ cmd: process.execPath, args: ['benchmarks/runners/fengari.mjs', file] }),
  },
  wasmoon: {
    detect: () => packageRunnerDetect('wasmoon'),
    command: (file) => ({ cmd: process.execPath, args: ['benchmarks/runners/wasmoon.mjs', file] }),
  },
};

// The runners used when --runners is not given: all of them.
const DEFAULT_RUNNERS = Object.keys(RUNNERS);

const built = new Map();
let builtDir = null;

/** `assay build FILE` into a temporary directory, once per program; returns the .js path. */
function builtFile(file) {
  if (built.has(file)) return built.get(file);
  if (builtDir === null) {
    builtDir = mkdtempSync(path.join(os.tmpdir(), 'assay-bench-built-'));
    process.on('exit', () => rmSync(builtDir, { recursive: true, force: true }));
  }
  const out = path.join(builtDir, path.basename(file).replace(/\.lua$/, '') + '.js');
  const r = spawnSync(ASSAY_BIN, ['build', file, '-o', out], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  if (r.error || r.status !== 0) {
    // the run then fails with node's "Cannot find module" and is reported as an ERROR
    process.stderr.write(`run.mjs: assay build ${file} failed: ${firstLine(r.stderr) || r.error?.message}\n`);
  }
  built.set(file, out);
  return out;
}

/** A runner through a Node wrapper around an npm package (benchmarks/runners/NAME.mjs). */
function packageRunnerDetect(pkg) {
  let version;
  try {
    const require = createRequire(path.join(REPO, 'package.json'));
    version = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
  } catch {
    return { ok: false, reason: `npm package ${pkg} not installed (npm install -D ${pkg})` };
  }
  const probe = path.join(PROGRAMS_REL, 'hello.lua');
  const r = runOnce(RUNNERS[pkg].command(probe), 30_000);
  if (!r.ok) return { ok: false, reason: `benchmarks/runners/${pkg}.mjs ${probe} failed: ${r.error}` };
  return { ok: true, version: `${pkg} ${version} (node ${process.version})` };
}

function whichDetect(exe, versionArgs) {
  const w = spawnSync('which', [exe], { encoding: 'utf8' });
  if (w.error || w.status !== 0 || !w.stdout.trim()) {
    return { ok: false, reason: `\`${exe}\` not found on PATH` };
  }
  const version = firstLine(tryCapture(exe, versionArgs));
  return { ok: true, path: w.stdout.trim(), version };
}

function tryCapture(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) return '';
  return (r.stdout || '') + (r.stderr || '');
}

function firstLine(s) {
  return (s || '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') || '';
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------
const USAGE = `usage: node benchmarks/run.mjs [options]

  --runs N            runs per program and runner (default 5)
  --json              print raw results as JSON instead of a table
  --only a,b          only these programs (names without .lua)
  --runners a,b       runners to use (default: ${DEFAULT_RUNNERS.join(',')})
  --timeout SEC       per-run timeout in seconds (default 120)
  --node PATH         the Node the runner assay-node runs bin/assay under
                      (default: the environment's ASSAY_BENCH_NODE)
  -h, --help          this text

Programs: ${listPrograms().map((p) => p.name).join(', ')}`;

function die(msg) {
  process.stderr.write(`run.mjs: ${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { runs: 5, json: false, only: null, runners: DEFAULT_RUNNERS, timeoutMs: 120_000 };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const needValue = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) die(`${arg} needs a value`);
      return argv[++i];
    };
    const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
    switch (arg) {
      case '--runs': {
        const n = Number(needValue());
        if (!Number.isInteger(n) || n < 1) die('--runs must be a positive integer');
        opts.runs = n;
        break;
      }
      case '--timeout': {
        const s = Number(needValue());
        if (!(s > 0)) die('--timeout must be a positive number of seconds');
        opts.timeoutMs = Math.round(s * 1000);
        break;
      }
      case '--json':
        opts.json = true;
        break;
      case '--only':
        opts.only = list(needValue());
        break;
      case '--runners':
        opts.runners = list(needValue());
        break;
      case '--node':
        OTHER_NODE = path.resolve(needValue());
        break;
      case '-h':
      case '--help':
        process.stdout.write(USAGE + '\n');
        process.exit(0);
        break;
      default:
        die(`unknown argument: ${argv[i]}`);
    }
  }
  for (const r of opts.runners) {
    if (!RUNNERS[r]) die(`unknown runner "${r}" (known: ${Object.keys(RUNNERS).join(', ')})`);
  }
  if (opts.runners.length === 0) die('--runners is empty');
  opts.runners = [...new Set(opts.runners)];
  return opts;
}

// ---------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------

// A program may opt out of runners with a header comment in its first lines:
//   -- bench-skip: luajit            (reason: uses integer division)
// Skipped runners are reported as "n/a" for that program.
function listPrograms() {
  if (!existsSync(PROGRAMS_DIR)) return [];
  return readdirSync(PROGRAMS_DIR)
    .filter((f) => f.endsWith('.lua'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(PROGRAMS_DIR, f), 'utf8');
      const skip = new Set();
      for (const line of text.split('\n').slice(0, 20)) {
        const m = /^--\s*bench-skip:\s*([\w.,\s-]+?)\s*(\(.*)?$/.exec(line);
        if (m) m[1].split(/[\s,]+/).filter(Boolean).forEach((r) => skip.add(r));
      }
      return { name: f.slice(0, -4), file: path.join(PROGRAMS_REL, f), skip };
    });
}

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------
function runOnce({ cmd, args, env }, timeoutMs) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd: REPO,
    env: env ?? process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) {
    const why = r.error.code === 'ETIMEDOUT' ? `timed out after ${timeoutMs / 1000} s` : r.error.message;
    return { ok: false, ms, error: why };
  }
  if (r.status !== 0) {
    const first = firstLine(r.stderr) || firstLine(r.stdout);
    const how = r.status === null ? `killed by ${r.signal}` : `exit ${r.status}`;
    return { ok: false, ms, error: `${how}${first ? ': ' + first : ''}` };
  }
  const lines = r.stdout.split(/\r?\n/).filter((l) => l.trim() !== '');
  return { ok: true, ms, checksum: lines.length ? lines[lines.length - 1].trim() : '' };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function geomean(xs) {
  if (xs.length === 0) return null;
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

function progress(msg) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${msg}`);
}

function benchmark(programs, runners, opts) {
  const results = [];
  programs.forEach((prog, pi) => {
    const cells = {};
    const active = [];
    for (const r of runners) {
      if (prog.skip.has(r)) {
        cells[r] = { status: 'n/a', reason: 'skipped by bench-skip header' };
      } else {
        cells[r] = { status: 'ok', times: [], checksums: [] };
        active.push(r);
      }
    }
    // Round-robin: run i of every runner before run i+1 of any, rotating the
    // starting runner each round so no runner always goes first.
    for (let run = 0; run < opts.runs; run++) {
      for (let k = 0; k < active.length; k++) {
        const name = active[(run + k) % active.length];
        const cell = cells[name];
        if (cell.status !== 'ok') continue; // already failed: don't retry
        progress(`[${pi + 1}/${programs.length}] ${prog.name}: ${name} run ${run + 1}/${opts.runs}`);
        const r = runOnce(RUNNERS[name].command(prog.file), opts.timeoutMs);
        if (!r.ok) {
          cells[name] = { status: 'error', error: r.error, times: cell.times };
          continue;
        }
        cell.times.push(r.ms);
        cell.checksums.push(r.checksum);
      }
    }
    for (const name of active) {
      const cell = cells[name];
      if (cell.status !== 'ok') continue;
      cell.medianMs = median(cell.times);
      cell.checksum = cell.checksums[0];
      cell.checksumStable = cell.checksums.every((c) => c === cell.checksum);
    }
    // Compare against the baseline.
    const base = cells[BASELINE];
    for (const name of runners) {
      const cell = cells[name];
      if (cell.status !== 'ok') continue;
      if (base && base.status === 'ok') {
        cell.ratio = base.medianMs / cell.medianMs;
        cell.checksumMatch = cell.checksumStable && base.checksumStable && cell.checksum === base.checksum;
      } else {
        cell.ratio = null;
        cell.checksumMatch = null;
      }
    }
    results.push({ program: prog.name, file: prog.file, runners: cells });
  });
  progress('');
  return results;
}

function summarize(results, runners) {
  const summary = {};
  for (const name of runners) {
    const all = [];
    const noStartup = [];
    for (const res of results) {
      const c = res.runners[name];
      // Only count programs that ran and produced the baseline's checksum:
      // a fast wrong answer should not improve the score.
      if (c.status === 'ok' && c.ratio != null && c.checksumMatch) {
        all.push(c.ratio);
        if (!STARTUP_PROGRAMS.has(res.program)) noStartup.push(c.ratio);
      }
    }
    summary[name] = {
      geomeanRatio: geomean(all),
      programs: all.length,
      geomeanRatioExcludingStartup: geomean(noStartup),
      programsExcludingStartup: noStartup.length,
    };
  }
  return summary;
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const out = [fmt(rows[0]), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(fmt(r));
  return out.join('\n');
}

function printReport(results, summary, runners, missing, detected, opts) {
  const lines = [];
  lines.push(`Runners (${opts.runs} run${opts.runs === 1 ? '' : 's'} each, median wall time incl. process start-up):`);
  for (const [name, d] of Object.entries(detected)) {
    lines.push(d.ok ? `  ${name.padEnd(11)} ok       ${d.version || ''}` : `  ${name.padEnd(11)} MISSING  ${d.reason}`);
  }
  lines.push('');
  if (runners.length === 0) {
    lines.push('No requested runner is available; nothing to run.');
    console.log(lines.join('\n'));
    return;
  }
  const hasBase = runners.includes(BASELINE);
  const others = runners.filter((r) => r !== BASELINE);
  const header = ['program', ...runners.map((r) => `${r} ms`)];
  if (hasBase) {
    header.push(...others.map((r) => `${r} ratio`), ...others.map((r) => `${r} sum`));
  }
  const rows = [header];
  const errors = [];
  for (const res of results) {
    const row = [res.program];
    for (const r of runners) {
      const c = res.runners[r];
      if (c.status === 'ok') row.push(c.medianMs.toFixed(1));
      else if (c.status === 'n/a') row.push('n/a');
      else {
        row.push('ERROR');
        errors.push(`  ${r} / ${res.program}: ${c.error}`);
      }
    }
    if (hasBase) {
      for (const r of others) {
        const c = res.runners[r];
        row.push(c.status === 'ok' && c.ratio != null ? c.ratio.toFixed(2) : c.status === 'ok' ? '-' : c.status === 'n/a' ? 'n/a' : 'ERROR');
      }
      for (const r of others) {
        const c = res.runners[r];
        if (c.status !== 'ok') row.push(c.status === 'n/a' ? 'n/a' : 'ERROR');
        else if (c.checksumMatch == null) row.push('-');
        else row.push(c.checksumMatch ? 'yes' : c.checksumStable ? 'no' : 'no (unstable)');
      }
    }
    rows.push(row);
  }
  lines.push(table(rows));
  lines.push('');

  if (hasBase) {
    lines.push(`Geometric mean of ratios (${BASELINE} time / runner time; >1 = faster than ${BASELINE};`);
    lines.push('only programs that ran and matched the checksum are counted):');
    const startup = [...STARTUP_PROGRAMS].join(', ');
    for (const r of runners) {
      const s = summary[r];
      const g = s.geomeanRatio == null ? 'n/a' : s.geomeanRatio.toFixed(2);
      const gx = s.geomeanRatioExcludingStartup == null ? 'n/a' : s.geomeanRatioExcludingStartup.toFixed(2);
      lines.push(
        `  ${r.padEnd(11)} ${g.padStart(6)}  (${s.programs}/${results.length} programs)` +
          `   excluding start-up (${startup}): ${gx.padStart(6)}  (${s.programsExcludingStartup} programs)`,
      );
    }
    for (const r of missing) lines.push(`  ${r.padEnd(11)}    n/a  (runner missing)`);
  } else {
    lines.push(`Ratios and checksum comparison need the ${BASELINE} runner, which is not in use.`);
  }
  for (const res of results) {
    for (const r of runners) {
      const c = res.runners[r];
      if (c.status === 'ok' && !c.checksumStable) {
        errors.push(`  ${r} / ${res.program}: checksum differs between runs: ${[...new Set(c.checksums)].join(' | ')}`);
      } else if (c.status === 'ok' && c.checksumMatch === false) {
        errors.push(`  ${r} / ${res.program}: checksum "${c.checksum}" != ${BASELINE} "${res.runners[BASELINE].checksum}"`);
      }
    }
  }
  if (errors.length) {
    lines.push('');
    lines.push('Problems:');
    lines.push(...errors);
  }
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
function main() {
  const opts = parseArgs(process.argv.slice(2));
  let programs = listPrograms();
  if (programs.length === 0) die(`no programs found in ${PROGRAMS_DIR}`);
  if (opts.only) {
    const known = new Set(programs.map((p) => p.name));
    const unknown = opts.only.map((n) => n.replace(/\.lua$/, '')).filter((n) => !known.has(n));
    if (unknown.length) die(`unknown program(s): ${unknown.join(', ')}`);
    const want = new Set(opts.only.map((n) => n.replace(/\.lua$/, '')));
    programs = programs.filter((p) => want.has(p.name));
  }

  const detected = {};
  for (const name of opts.runners) detected[name] = RUNNERS[name].detect();
  const runners = opts.runners.filter((r) => detected[r].ok);
  const missing = opts.runners.filter((r) => !detected[r].ok);
  for (const r of missing) process.stderr.write(`run.mjs: runner ${r} is missing: ${detected[r].reason}\n`);

  const results = runners.length ? benchmark(programs, runners, opts) : [];
  const summary = summarize(results, runners);

  if (opts.json) {
    const out = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      runs: opts.runs,
      baseline: BASELINE,
      runners: detected,
      startupPrograms: [...STARTUP_PROGRAMS],
      results,
      summary,
    };
    console.log(JSON.stringify(out, null, 2));
  } else {
    printReport(results, summary, runners, missing, detected, opts);
  }
}

main();
