// Runs every conformance case under assay and compares with the recorded expectations.
// Exported for the node:test file; `node tests/conformance/run-cases.mjs [filter]` prints a
// report and the closing "N passed, M failed" line.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { listCases } from './cases.mjs';

// the launcher users run (raises the stack limit, then runs Node)
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'assay');

/** stderr without "assay: " and without the traceback: the message Lua printed. */
export function errMessage(stderr) {
  let s = stderr.startsWith('assay: ') ? stderr.slice(7) : stderr;
  const i = s.indexOf('\nstack traceback:');
  if (i >= 0) s = s.slice(0, i + 1);
  return s;
}

export function runCase(c) {
  return new Promise((resolve) => {
    const p = spawn(BIN, ['run', c.name + '.lua'], { cwd: c.dir });
    const out = [];
    const err = [];
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 30000);
    p.on('close', (status) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('latin1'), status });
    });
  });
}

/** Compares one run with the case's expectations; returns a list of differences. */
export function compare(c, r) {
  const problems = [];
  if (!r.stdout.equals(c.expectedOut))
    problems.push(`stdout differs:\n--- expected\n${c.expectedOut.toString('latin1')}--- got\n${r.stdout.toString('latin1')}`);
  const gotErr = r.stderr === '' ? null : errMessage(r.stderr);
  if (c.expectedErr !== null && gotErr !== c.expectedErr)
    problems.push(`stderr differs:\n--- expected\n${c.expectedErr}--- got\n${r.stderr}`);
  if (c.expectedErr === null && gotErr !== null && c.expectedStatus === 0) problems.push(`unexpected stderr:\n${r.stderr}`);
  if (statusAsLua(r.status, c.expectedStatus) !== c.expectedStatus) problems.push(`exit status ${r.status}, expected ${c.expectedStatus}`);
  return problems;
}

/** assay's exit status as lua5.4 would give it: lua5.4 exits 1 for every error, assay 2
 *  for an error found at compile time (a syntax error, an assignment to a const variable,
 *  ...: docs/cli.md), which is the only difference. With the same stderr message compared
 *  above, 2 where lua5.4 gave 1 is that difference. */
function statusAsLua(status, expected) {
  return status === 2 && expected === 1 ? 1 : status;
}

export async function runAll(filter, jobs = 4, onResult = () => {}) {
  const cases = listCases().filter((c) => !filter || `${c.area}/${c.name}`.includes(filter));
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const r = await runCase(c);
      const res = { c, problems: compare(c, r) };
      results.push(res);
      onResult(res);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await runAll(process.argv.slice(2).find((a) => !a.startsWith('--')));
  let failed = 0;
  for (const { c, problems } of results.sort((a, b) => (a.c.file < b.c.file ? -1 : 1))) {
    if (problems.length === 0) continue;
    failed++;
    if (!process.argv.includes('--quiet')) console.log(`FAIL ${c.area}/${c.name}\n${problems.join('\n')}\n`);
    else console.log(`FAIL ${c.area}/${c.name}`);
  }
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
