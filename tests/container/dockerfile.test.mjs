// The Dockerfile's structure (there is no container engine here to build it): its stages and
// their order, the pinned base image, the build stage running the script the image tests
// run, the runtime's user, entry point and environment, a scratch stdlib image holding only
// /lib/assay, the full image composing both; and a .dockerignore that lets in exactly what
// the Dockerfile copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../helpers.mjs';
import { readDockerfile, pairs, execForm } from './dockerfile.mjs';

const { args, stages } = readDockerfile();
const stage = (name) => stages.find((s) => s.name === name);
const ops = (s, op) => s.body.filter((i) => i.op === op);
const envOf = (s) => Object.assign({}, ...ops(s, 'ENV').map((i) => pairs(i.args)));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('stages: build, runtime, stdlib, full — full last, so a plain `docker build .` makes it', () => {
  assert.deepEqual(stages.map((s) => s.name), ['build', 'runtime', 'stdlib', 'full']);
});

test('the base image: a Node LTS line, pinned to a version, shared by the build and runtime stages', () => {
  const m = /^node:(\d+)\.(\d+)\.(\d+)-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/.exec(args.NODE_IMAGE);
  assert.ok(m, `NODE_IMAGE=${args.NODE_IMAGE} is a pinned node:X.Y.Z-<debian>-slim`);
  const major = Number(m[1]);
  assert.ok(major >= Number(/\d+/.exec(pkg.engines.node)[0]) && major % 2 === 0, `Node ${major}: an LTS line assay supports`);
  assert.equal(major, 24);
  // (the SQLite addon is built in one and loaded in the other: same Node, same ABI)
  assert.equal(stage('build').from, '${NODE_IMAGE}');
  assert.equal(stage('runtime').from, '${NODE_IMAGE}');
});

test('build: the runtime directory and the stdlib tree from scripts/build-image-runtime.mjs', () => {
  const runs = ops(stage('build'), 'RUN').flatMap((i) => i.args.split('&&').map((c) => c.trim()));
  assert.ok(runs.includes('node scripts/build.mjs'));
  assert.ok(runs.includes('node scripts/build-image-runtime.mjs --out /out/opt/assay'));
  assert.ok(runs.includes('node scripts/build-image-runtime.mjs --stdlib /out/lib/assay'));
  assert.ok(runs.some((c) => /^npm ci\b/.test(c)), 'installs from the lock file');
});

test('runtime: the built directory, a non-root user, ENTRYPOINT ["assay"], the cache in /tmp', () => {
  const rt = stage('runtime');
  assert.ok(ops(rt, 'COPY').some((i) => i.args === '--from=build /out/opt/assay /opt/assay'));
  const users = ops(rt, 'USER');
  assert.ok(users.length > 0);
  const [uid, gid] = users.at(-1).args.split(':');
  assert.match(uid, /^[1-9]\d*$/, 'a numeric uid (runAsNonRoot can check it)');
  assert.match(gid ?? '1', /^[1-9]\d*$/);
  assert.ok(rt.body.indexOf(users.at(-1)) > rt.body.findLastIndex((i) => i.op === 'RUN'), 'no RUN after USER');
  const run = ops(rt, 'RUN').map((i) => i.args).join(' && ');
  assert.match(run, new RegExp(`useradd .*--uid ${uid}\\b`));
  // (the launcher on PATH as it is: a symlink would cost it a readlink at every start)
  assert.doesNotMatch(run, /ln -s \/opt\/assay\/bin\/assay/);
  assert.match(run, /rm -rf [^&]*\/usr\/local\/bin\/npm/, 'no npm in the image');
  assert.deepEqual(execForm(ops(rt, 'ENTRYPOINT').at(-1).args), ['assay']);
  const env = envOf(rt);
  assert.match(env.ASSAY_CACHE_DIR, /^\/tmp\//);
  assert.equal(env.ASSAY_LIB_PATH, '/lib/assay');
  assert.equal(env.PATH.split(':')[0], '/opt/assay/bin');
  const labels = Object.assign({}, ...ops(rt, 'LABEL').map((i) => pairs(i.args)));
  assert.equal(labels['org.opencontainers.image.version'], pkg.version);
});

test('stdlib: FROM scratch, holding only /lib/assay', () => {
  const st = stage('stdlib');
  assert.equal(st.from, 'scratch');
  assert.deepEqual([...new Set(st.body.map((i) => i.op))], ['COPY']);
  for (const c of ops(st, 'COPY')) assert.match(c.args, /^--from=build \S+ \/lib\/assay$/);
});

test('full: runtime + stdlib, ASSAY_LIB_PATH=/lib/assay, the stdlib precompiled by the non-root user', () => {
  const full = stage('full');
  assert.equal(full.from, 'runtime');
  assert.ok(ops(full, 'COPY').some((i) => i.args === '--from=stdlib /lib/assay /lib/assay'));
  const env = envOf(full);
  assert.equal(env.ASSAY_LIB_PATH, '/lib/assay');
  // the cache filled while building, by the user the image runs as, in a directory it owns
  const runtimeUser = ops(stage('runtime'), 'USER').at(-1).args;
  assert.equal(ops(full, 'USER').at(-1).args, runtimeUser, 'ends as the runtime user');
  const [uid, gid] = runtimeUser.split(':');
  const runs = ops(full, 'RUN').map((i) => i.args);
  assert.ok(runs.some((r) => r.includes(`install -d -o ${uid} -g ${gid}`) && r.includes(env.ASSAY_CACHE_DIR)), runs.join('\n'));
  const compile = full.body.findIndex((i) => i.op === 'RUN' && /^assay stdlib compile\b/.test(i.args));
  assert.ok(compile > full.body.findLastIndex((i) => i.op === 'USER'), 'compiled as the runtime user');
  assert.ok(full.body.findIndex((i) => i.op === 'ENV' && pairs(i.args).ASSAY_CACHE_DIR) < compile, 'into ASSAY_CACHE_DIR');
  assert.deepEqual(ops(full, 'ENTRYPOINT'), [], 'inherits ENTRYPOINT ["assay"]');
});

/** Whether .dockerignore leaves `path` in the build context (last matching pattern wins). */
function inContext(path) {
  const patterns = readFileSync(join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  let included = true;
  for (const p of patterns) {
    const negate = p.startsWith('!');
    const glob = (negate ? p.slice(1) : p).replace(/\/$/, '');
    const re = new RegExp('^' + glob.split('**/').map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('(?:.*/)?') + '(/.*)?$');
    if (re.test(path)) included = negate;
  }
  return included;
}

test('.dockerignore: the context holds what the Dockerfile copies and nothing heavy', () => {
  const sources = stages.flatMap((s) => ops(s, 'COPY')).filter((i) => !i.args.startsWith('--from')).flatMap((i) => i.args.split(/\s+/).slice(0, -1));
  assert.ok(sources.length >= 6, sources.join(' '));
  for (const src of sources) assert.ok(inContext(src.replace(/^\.\//, '').replace(/\/$/, '')), `${src} is in the build context`);
  for (const p of ['node_modules', 'dist', '.git', 'tests', 'benchmarks', 'stdlib/k8s/tests/k8s_test.lua']) assert.ok(!inContext(p), `${p} stays out`);
  assert.ok(inContext('stdlib/k8s/init.lua') && inContext('src/cli/main.ts'));
});
