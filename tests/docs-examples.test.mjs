// Every ```lua example in docs/**/*.md runs: each block is written to a file in a fresh temp
// directory and run with `assay run` (exit status 0 expected; the examples check their own
// results with assert.*). An HTML comment on the line before a block changes that:
//   <!-- not-run: reason -->   the block is not run (it needs a real service, or is a
//                              fragment); the reason is shown as the skip reason
//   <!-- run: test -->         the block is a test file: run with `assay test`
// Examples that need a network service start their own (http.listen(0, ...) or
// assay.testing.mock), so the suite needs nothing outside this machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, runAssay, tempDir } from './helpers.mjs';

const docs = join(root, 'docs');

function markdownFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

/** The ```lua blocks of a Markdown text: { line, code, notRun?, asTest } */
export function luaBlocks(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```lua\s*$/.test(lines[i])) continue;
    let j = i - 1;
    while (j >= 0 && lines[j].trim() === '') j--;
    const before = j >= 0 ? lines[j].trim() : '';
    const notRun = /^<!--\s*not-run:\s*(.*?)\s*-->$/.exec(before);
    const asTest = /^<!--\s*run:\s*test\s*-->$/.test(before);
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    blocks.push({ line: i + 1, code: lines.slice(start, end).join('\n') + '\n', notRun: notRun ? notRun[1] : undefined, asTest });
    i = end;
  }
  return blocks;
}

const all = [];
for (const file of markdownFiles(docs)) {
  for (const b of luaBlocks(readFileSync(file, 'utf8'))) all.push({ file: relative(root, file), ...b });
}

test('docs have Lua examples', (t) => {
  const notRun = all.filter((b) => b.notRun !== undefined);
  assert.ok(all.length > 20, `${all.length} blocks`);
  // every skipped block says why
  for (const b of notRun) assert.notEqual(b.notRun, '', `${b.file}:${b.line}: not-run needs a reason`);
  t.diagnostic(`${all.length} Lua examples in docs/: ${all.length - notRun.length} run, ${notRun.length} not run`);
});

for (const b of all) {
  const name = `${b.file}:${b.line}`;
  test(name, { skip: b.notRun !== undefined ? `not-run: ${b.notRun}` : false }, () => {
    const dir = tempDir('docs');
    const script = b.asTest ? 'example_test.lua' : 'example.lua';
    writeFileSync(join(dir, script), b.code);
    const r = runAssay(b.asTest ? ['test', script] : ['run', script], { cwd: dir, timeout: 60000 });
    assert.equal(r.status, 0, `${name} exited with ${r.status}\n--- stderr\n${r.err}\n--- stdout\n${r.out}`);
  });
}
