// The conformance suite under node:test: every case in tests/conformance/<area>/ runs under
// assay and must match the output recorded from lua5.4. Cases listed in
// tests/conformance/known-failures.txt are reported as todo with the reason given there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listCases, ROOT } from './conformance/cases.mjs';
import { runCase, compare } from './conformance/run-cases.mjs';

const known = new Map(
  readFileSync(join(ROOT, 'known-failures.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [name, ...why] = l.split(/\s+/);
      return [name, why.join(' ')];
    }),
);

const byArea = new Map();
for (const c of listCases()) {
  if (!byArea.has(c.area)) byArea.set(c.area, []);
  byArea.get(c.area).push(c);
}

for (const [area, cases] of byArea) {
  test(area, { concurrency: 2 }, async (t) => {
    await Promise.all(
      cases.map((c) => {
        const id = `${c.area}/${c.name}`;
        return t.test(c.name, { todo: known.get(id) }, async () => {
          const problems = compare(c, await runCase(c));
          assert.deepEqual(problems, [], problems.join('\n'));
        });
      }),
    );
  });
}
