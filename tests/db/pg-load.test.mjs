// Loading the PostgreSQL driver in the I/O worker (src/runtime-lib/exec/ops/pg-load.ts,
// loadPg): pg asks as it loads whether it runs on Cloudflare Workers, and where Node has no
// `navigator` (Node 20) it would build a global `Response` to find out, which loads Node's
// own undici (~55 ms). No server needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test("loading pg loads no copy of Node's undici and leaves no navigator behind", () => {
  const code = `
    const had = "navigator" in globalThis;
    const { loadPg } = await import(${JSON.stringify(new URL('../../dist/runtime-lib/exec/ops/pg-load.js', import.meta.url).href)});
    const pg = loadPg();
    console.log(JSON.stringify({
      client: typeof pg.Client,
      navigator: ("navigator" in globalThis) === had,
      undici: process.moduleLoadList.filter((m) => m.includes("undici")),
    }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.deepEqual(JSON.parse(r.stdout), { client: 'function', navigator: true, undici: [] });
});
