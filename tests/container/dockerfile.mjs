// A small Dockerfile reader for the container tests: instructions (continuation lines
// joined, comments dropped), global ARGs, and stages with their instructions. Enough for a
// structural check and for replaying the build stage's commands; not a full parser (no
// heredocs, no escape directive). Not a test file (see tests/helpers.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../helpers.mjs';

/** [{ op: 'RUN', args: '...', line }] in file order. */
export function instructions(text) {
  const out = [];
  let cur = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (/^\s*#/.test(line) || (cur === null && line.trim() === '')) return;
    const cont = line.endsWith('\\');
    const body = cont ? line.slice(0, -1) : line;
    if (cur === null) {
      const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(body);
      if (!m) throw new Error(`Dockerfile:${i + 1}: cannot read '${line}'`);
      cur = { op: m[1].toUpperCase(), args: m[2].trim(), line: i + 1 };
    } else cur.args += ' ' + body.trim();
    if (!cont) {
      out.push(cur);
      cur = null;
    }
  });
  if (cur !== null) out.push(cur);
  return out;
}

/** KEY=value pairs of an ENV, LABEL or ARG instruction (values unquoted; no spaces inside
 *  unquoted values, as in ours). */
export function pairs(args) {
  const out = {};
  for (const m of args.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g)) out[m[1]] = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  return out;
}

/** { args: global ARG defaults, stages: [{ name, from, body: instructions }] }. */
export function readDockerfile(file = join(root, 'Dockerfile')) {
  const args = {};
  const stages = [];
  for (const ins of instructions(readFileSync(file, 'utf8'))) {
    if (ins.op === 'FROM') {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      stages.push({ name: m[2] ?? String(stages.length), from: m[1], body: [] });
    } else if (stages.length === 0) {
      if (ins.op === 'ARG') Object.assign(args, pairs(ins.args));
    } else stages.at(-1).body.push(ins);
  }
  return { args, stages };
}

/** The JSON (exec) form of ENTRYPOINT/CMD, or null for the shell form. */
export function execForm(args) {
  try {
    const v = JSON.parse(args);
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
