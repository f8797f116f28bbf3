// The container image without a container engine: the runtime directory is built exactly as
// the Dockerfile's build stage builds it (scripts/build-image-runtime.mjs), laid out with the
// stdlib in a temporary "root" (opt/assay, lib/assay), and run there the way the image runs
// it — only `node` on PATH (plus readlink, which the launcher uses when started through a
// symlink; the image has it), no node_modules reachable but the image's own, as a non-root user (setpriv,
// when the tests run as root) whose HOME and compile-cache directory are not writable.
// The Kubernetes examples run against the mock API server of mock-k8s.mjs over HTTPS, with a
// fake service-account directory (token + CA).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { root, tempDir } from '../helpers.mjs';
import { makePki } from '../http/harness.mjs';
import { startMockK8s, startApp } from './mock-k8s.mjs';
import { readDockerfile, pairs } from './dockerfile.mjs';

const asRoot = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');
const NOBODY = '65534';
/** A mount namespace can be made (root, unshare allowed here): a read-only root is tried. */
const canUnshare = asRoot && spawnSync('unshare', ['-m', 'true']).status === 0;
// In a new mount namespace: the temporary root bind-mounted read-only, a tmpfs on its tmp/
// when asked (the pod's emptyDir), then the command.
const READ_ONLY_ROOT = 'set -e; /usr/bin/mount --bind "$1" "$1"; /usr/bin/mount -o remount,bind,ro "$1"; if [ -n "$2" ]; then /usr/bin/mount -t tmpfs -o mode=1777 tmpfs "$2"; fi; shift 2; exec "$@"';

let base, opt, lib, pathDir, home, work, sa, pki;

/** Every file under dir, relative to it. */
function files(dir, out = [], at = dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out, at);
    else out.push(relative(at, p));
  }
  return out.sort();
}

/** The documents of an example manifest. */
const manifests = (name) => YAML.parseAllDocuments(readFileSync(join(root, 'examples', 'k8s', name), 'utf8')).map((d) => d.toJS());
const find = (docs, kind) => docs.find((d) => d.kind === kind);
/** The container of a Job or CronJob. */
const containerOf = (doc) => (doc.kind === 'CronJob' ? doc.spec.jobTemplate.spec : doc.spec).template.spec.containers[0];

/** The environment a container spec gives (downward-API namespace: shop). */
function containerEnv(c) {
  const env = {};
  for (const e of c.env ?? []) env[e.name] = e.value ?? (e.valueFrom?.fieldRef?.fieldPath === 'metadata.namespace' ? 'shop' : undefined);
  return env;
}

/** Writes the data of a ConfigMap (as a volume shows it) under dir. */
function mountConfigMap(cm, dir) {
  mkdirSync(dir, { recursive: true });
  for (const [k, v] of Object.entries(cm.data)) writeFileSync(join(dir, k), v);
}

before(() => {
  base = tempDir('container');
  opt = join(base, 'opt', 'assay');
  lib = join(base, 'lib', 'assay');
  // the Dockerfile's build stage, word for word: its build-image-runtime commands, with its
  // /out/ directory here (dist/bundle is this checkout's, as its `node scripts/build.mjs`)
  const build = readDockerfile().stages.find((s) => s.name === 'build');
  const commands = build.body.filter((i) => i.op === 'RUN').flatMap((i) => i.args.split('&&').map((c) => c.trim()));
  const ours = commands.filter((c) => c.startsWith('node scripts/build-image-runtime.mjs '));
  assert.equal(ours.length, 2, commands.join('\n'));
  for (const c of ours) execFileSync(process.execPath, c.split(/\s+/).slice(1).map((a) => a.replace(/^\/out\//, base + '/')), { cwd: root, stdio: 'pipe' });
  assert.ok(existsSync(join(opt, 'bin', 'assay')) && existsSync(join(lib, 'manifest.yaml')));
  pathDir = join(base, 'bin');
  mkdirSync(pathDir);
  symlinkSync(process.execPath, join(pathDir, 'node'));
  for (const tool of ['readlink']) symlinkSync(execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(), join(pathDir, tool));
  // HOME exists but is not writable; the cache's parent neither
  home = join(base, 'home');
  mkdirSync(home);
  mkdirSync(join(base, 'ro'));
  mkdirSync(join(base, 'tmp'));
  work = join(base, 'work');
  mkdirSync(work);
  // the service-account mount
  pki = makePki();
  sa = join(base, 'serviceaccount');
  mkdirSync(sa);
  writeFileSync(join(sa, 'token'), 'test-sa-token\n');
  copyFileSync(pki['ca.pem'].path, join(sa, 'ca.crt'));
  chmodSync(base, 0o755);
  execFileSync('chmod', ['-R', 'a+rX', base]);
  chmodSync(home, 0o555);
  chmodSync(join(base, 'ro'), 0o555);
});

/** Runs the image's `assay ARGS` (bin/assay, or `node bin/assay.js` as process 1 would with
 *  worker: true) as the image's user; resolves to { out, err, status }. readOnlyRoot: the
 *  whole temporary root read-only ({ tmp: true }: with a tmpfs on its tmp/). */
function runImage(args, { env = {}, cwd = work, worker = false, user = true, readOnlyRoot } = {}) {
  const cmd = worker ? ['node', join(opt, 'bin', 'assay.js')] : [join(opt, 'bin', 'assay')];
  let argv = asRoot && user ? ['/usr/bin/setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', ...cmd, ...args] : [...cmd, ...args];
  if (readOnlyRoot) argv = ['/usr/bin/unshare', '-m', '--', '/bin/sh', '-c', READ_ONLY_ROOT, 'sh', base, readOnlyRoot.tmp ? join(base, 'tmp') : '', ...argv];
  const fullEnv = { PATH: pathDir, HOME: home, ASSAY_CACHE_DIR: join(base, 'ro', 'cache'), ASSAY_LIB_PATH: lib, ...env };
  if (worker) fullEnv.ASSAY_WORKER = '1';
  const child = spawn(argv[0], argv.slice(1), { cwd, env: fullEnv });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.on('close', (status) => (clearTimeout(timer), resolve({ out, err, status }))));
}

/** The environment of the examples' pods, pointed at the mock API server. */
const clusterEnv = (mock) => ({
  KUBERNETES_SERVICE_HOST: '127.0.0.1',
  KUBERNETES_SERVICE_PORT: String(mock.port),
  K8S_TOKEN_FILE: join(sa, 'token'),
  K8S_CA_FILE: join(sa, 'ca.crt'),
});

test('the runtime directory: bundles and vendored packages, no Lua, node_modules only for the SQLite addon', () => {
  const all = files(opt);
  assert.deepEqual(all.filter((f) => f.endsWith('.lua')), []);
  assert.deepEqual(readdirSync(opt).sort(), ['bin', 'dist', 'image.json', 'licenses', 'node_modules', 'package.json']);
  const report = JSON.parse(readFileSync(join(opt, 'image.json'), 'utf8'));
  assert.deepEqual(readdirSync(join(opt, 'node_modules')).sort(), report.node_modules);
  assert.deepEqual(report.node_modules, ['better-sqlite3', 'bindings', 'file-uri-to-path']);
  for (const v of ['yaml', 'smol-toml', 'nunjucks', 'tinyglobby', 're2js']) {
    assert.ok(report.vendor.includes(v), v);
    assert.ok(all.includes(join('dist', 'bundle', 'vendor', `${v}.cjs`)), v);
  }
  for (const b of ['core', 'libs', 'cli', 'exec', 'io-worker', 'worker']) assert.ok(all.includes(join('dist', 'bundle', `${b}.mjs`)), b);
  // every third-party package shipped has its licence beside it
  for (const p of report.packages) assert.ok(existsSync(join(opt, 'licenses', `${p.name.replace('/', '__')}.txt`)), p.name);
  assert.equal(JSON.parse(readFileSync(join(opt, 'package.json'), 'utf8')).type, 'module');
  assert.ok(report.total_bytes < 12 * 1048576, `runtime directory ${report.total_bytes} bytes`);
});

test('the stdlib tree: only the module files and manifest.yaml', () => {
  const all = files(lib);
  assert.ok(all.every((f) => f.endsWith('.lua') || f === 'manifest.yaml'), all.join(' '));
  assert.ok(!all.some((f) => f.split('/').includes('tests')));
  assert.ok(all.includes('k8s/init.lua') && all.includes('vault/pki.lua') && all.includes('testing/mock.lua'));
  assert.equal(readFileSync(join(lib, 'manifest.yaml'), 'utf8'), readFileSync(join(root, 'stdlib', 'manifest.yaml'), 'utf8'));
});

test('no package outside the runtime directory is reachable from it', async () => {
  const probe = `try { require.resolve('yaml'); console.log('found') } catch (e) { console.log(e.code) }`;
  const r = spawnSync(join(pathDir, 'node'), ['-e', probe], { cwd: join(opt, 'dist', 'bundle'), env: { PATH: pathDir, HOME: home }, encoding: 'utf8' });
  assert.equal(r.stdout.trim(), 'MODULE_NOT_FOUND');
  const v = await runImage(['--version']);
  assert.deepEqual([v.status, v.out.trim()], [0, `assay ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}`]);
});

test('builtins on vendored and native packages work with node alone, as a user who cannot write HOME or the cache', async () => {
  writeFileSync(
    join(work, 'builtins.lua'),
    `
    print(yaml.encode({ a = 1 }) == "a: 1\\n", toml.parse("b = 2").b, template.render_string("{{ x }}!", { x = "hi" }))
    print(regex.match("abc", "^a.c$"), #fs.glob(env.get("ASSAY_LIB_PATH") .. "/k8s/*.lua"))
    local c = db.connect("sqlite::memory:")
    db.execute(c, "create table t (x integer)")
    db.execute(c, "insert into t values (?)", { 42 })
    print(db.query(c, "select x from t")[1].x)
    print(pcall(fs.write, env.get("HOME") .. "/probe", "x"))
    print(type(require("assay.k8s").get_secret), type(require("assay.vault").client))
  `,
  );
  chmodSync(join(work, 'builtins.lua'), 0o644);
  const r = await runImage(['run', '-v', 'builtins.lua']);
  assert.equal(r.status, 0, r.err);
  const lines = r.out.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['true\t2\thi!', 'true\t3', '42']);
  assert.match(lines[3], /^false\t/);
  assert.equal(lines[4], 'function\tfunction');
  // the cache could not be made: the run goes on without it (said under --verbose only)
  assert.match(r.err, /compile cache disabled: .*(permission denied|read-only)/);
  assert.ok(!existsSync(join(base, 'ro', 'cache')));
  if (asRoot) assert.doesNotMatch(r.out + r.err, /EACCES.*home/);
});

test('check mode and the CLI run from the image (yaml and commander inside)', async () => {
  writeFileSync(join(work, 'ok.lua'), 'assert(1 + 1 == 2)\n');
  writeFileSync(join(work, 'checks.yaml'), 'checks:\n  - name: arithmetic\n    type: script\n    file: ok.lua\n');
  execFileSync('chmod', ['a+r', join(work, 'ok.lua'), join(work, 'checks.yaml')]);
  const r = await runImage(['checks.yaml']);
  assert.equal(r.status, 0, r.err);
  assert.equal(JSON.parse(r.out).passed, true);
  const list = await runImage(['stdlib', 'list']);
  assert.equal(list.status, 0, list.err);
  assert.match(list.out, new RegExp(`^${lib}: assay-stdlib \\d+\\.\\d+\\.\\d+, requires assay `));
  assert.match(list.out, /\n {2}k8s +\d+\.\d+\.\d+ {2}Kubernetes API client/);
});

/** verify.lua as the Job runs it (ConfigMap mounted at /scripts → work/scripts). */
function jobSetup() {
  const docs = manifests('job.yaml');
  mountConfigMap(find(docs, 'ConfigMap'), join(work, 'scripts'));
  execFileSync('chmod', ['-R', 'a+rX', join(work, 'scripts')]);
  const c = containerOf(find(docs, 'Job'));
  return { args: c.args.map((a) => a.replace(/^\/scripts\//, join(work, 'scripts') + '/')), env: containerEnv(c) };
}

test('the Job example: verify.lua from its ConfigMap, as the ServiceAccount, against the API server', async () => {
  const mock = await startMockK8s(pki);
  try {
    const job = jobSetup();
    for (const worker of [false, true]) {
      mock.requests.length = 0;
      const r = await runImage(job.args, { env: { ...job.env, ...clusterEnv(mock) }, worker });
      assert.equal(r.status, 0, `worker ${worker}: ${r.err}`);
      const summary = JSON.parse(r.out);
      assert.equal(summary.deployment, 'storefront');
      assert.equal(summary.replicas, 2);
      assert.ok(mock.requests.every((q) => q.auth === 'Bearer test-sa-token' && q.status < 300), JSON.stringify(mock.requests.map((q) => [q.method, q.path, q.status])));
      const patch = mock.requests.find((q) => q.method === 'PATCH');
      assert.equal(patch.path, '/apis/apps/v1/namespaces/shop/deployments/storefront');
      assert.equal(patch.contentType, 'application/merge-patch+json');
      assert.equal(mock.objects.deployments.storefront.metadata.annotations['assay.example.com/verified-at'], summary.verified_at);
      // the log is JSON lines (ASSAY_LOG_FORMAT=json in the Job)
      const logs = r.err.trim().split('\n').map((l) => JSON.parse(l));
      assert.ok(logs.some((l) => l.message === 'deployment ready' && l.fields.deployment === 'storefront'));
    }
    // the Role allows one Secret only: another is the API server's 403, and the Job fails
    const denied = await runImage(job.args, { env: { ...job.env, ...clusterEnv(mock), DB_SECRET: 'other-secret' } });
    assert.equal(denied.status, 1);
    assert.match(denied.err, /k8s\.get: HTTP 403 \/api\/v1\/namespaces\/shop\/secrets\/other-secret: .*forbidden/);
  } finally {
    await mock.close();
  }
});

test('the Argo CD PostSync hook: assay checks.yaml from its ConfigMap', async () => {
  const mock = await startMockK8s(pki);
  const app = await startApp();
  try {
    const docs = manifests('argocd-postsync.yaml');
    const cm = find(docs, 'ConfigMap');
    const hook = find(docs, 'Job');
    assert.equal(hook.metadata.annotations['argocd.argoproj.io/hook'], 'PostSync');
    // the in-cluster service URL becomes the stand-in application's
    const checks = YAML.parse(cm.data['checks.yaml']);
    const http = checks.checks.find((c) => c.type === 'http');
    assert.match(http.url, /^http:\/\/storefront\.shop\.svc\.cluster\.local:8080\/healthz$/);
    http.url = `http://127.0.0.1:${app.port}/healthz`;
    const dir = join(work, 'checks');
    mountConfigMap({ data: { ...cm.data, 'checks.yaml': YAML.stringify(checks) } }, dir);
    execFileSync('chmod', ['-R', 'a+rX', dir]);
    const c = containerOf(hook);
    assert.equal(c.workingDir, '/checks');
    const r = await runImage(c.args, { cwd: dir, env: { ...containerEnv(c), ...clusterEnv(mock) } });
    assert.equal(r.status, 0, r.out + r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.passed, true, r.out);
    assert.deepEqual(report.checks.map((k) => [k.name, k.passed]), [['storefront-health', true], ['storefront-rollout', true]]);
    assert.deepEqual(app.hits, ['/healthz']);
    assert.ok(mock.requests.some((q) => q.path === '/api/v1/namespaces/shop/pods' && q.query.labelSelector === 'app=storefront'));
  } finally {
    await mock.close();
    await app.close();
  }
});

test('the CronJob report: healthy namespace passes, a failed pod fails the Job', async () => {
  const docs = manifests('cronjob.yaml');
  mountConfigMap(find(docs, 'ConfigMap'), join(work, 'report'));
  execFileSync('chmod', ['-R', 'a+rX', join(work, 'report')]);
  const c = containerOf(find(docs, 'CronJob'));
  const args = c.args.map((a) => a.replace(/^\/scripts\//, join(work, 'report') + '/'));
  for (const [podPhases, status, healthy] of [[['Running', 'Running'], 0, true], [['Running', 'Failed'], 1, false]]) {
    const mock = await startMockK8s(pki, { podPhases });
    try {
      const r = await runImage(args, { env: { ...containerEnv(c), ...clusterEnv(mock) } });
      assert.equal(r.status, status, r.err);
      const report = JSON.parse(r.out);
      assert.equal(report.healthy, healthy);
      assert.equal(report.deployments, 2);
      assert.deepEqual(report.incomplete, []);
      assert.equal(report.pods.total, 2);
    } finally {
      await mock.close();
    }
  }
});

test('a read-only root file system: no cache without /tmp, a working one with an emptyDir there', { skip: !canUnshare && 'needs root and unshare' }, async () => {
  const mock = await startMockK8s(pki);
  try {
    const job = jobSetup();
    const env = { ...job.env, ...clusterEnv(mock), ASSAY_CACHE_DIR: join(base, 'tmp', 'assay-cache') };
    const args = [job.args[0], '-v', ...job.args.slice(1)];
    const bare = await runImage(args, { env, readOnlyRoot: {} });
    assert.equal(bare.status, 0, bare.err);
    assert.match(bare.err, /compile cache disabled: .*assay-cache/);
    const withTmp = await runImage(args, { env, readOnlyRoot: { tmp: true } });
    assert.equal(withTmp.status, 0, withTmp.err);
    assert.match(withTmp.err, /compile cache \S+assay-cache: 0 hits, 4 compiled/);
    assert.ok(!existsSync(join(base, 'tmp', 'assay-cache')), 'the tmpfs went with its namespace');
  } finally {
    await mock.close();
  }
});

test('the full image\'s precompiled stdlib: `assay stdlib compile` at build time, read-only at run time', async () => {
  // the full stage: ENV ASSAY_CACHE_DIR, a directory owned by the image's user, the compile
  // run as that user, the files made readable
  const full = readDockerfile().stages.find((s) => s.name === 'full');
  const fullEnv = Object.assign({}, ...full.body.filter((i) => i.op === 'ENV').map((i) => pairs(i.args)));
  const cache = join(base, fullEnv.ASSAY_CACHE_DIR);
  mkdirSync(cache, { recursive: true, mode: 0o755 });
  execFileSync('chmod', ['-R', 'a+rX', join(base, 'opt')]);
  if (asRoot) execFileSync('chown', [`${NOBODY}:${NOBODY}`, cache]);
  const c = await runImage(['stdlib', 'compile'], { env: { ASSAY_CACHE_DIR: cache } });
  assert.equal(c.status, 0, c.err);
  const modules = files(lib).filter((f) => f.endsWith('.lua')).length;
  assert.equal(c.out, `compiled ${modules} module files of ${lib} into ${cache} (${modules} new entries)\n`);
  execFileSync('chmod', ['-R', 'a+rX', cache]);
  // at run time the root file system is read-only (without unshare: the directory made so)
  if (!canUnshare) execFileSync('chmod', ['-R', 'a-w', cache]);
  const mock = await startMockK8s(pki);
  try {
    const job = jobSetup();
    const r = await runImage([job.args[0], '-v', ...job.args.slice(1)], { env: { ...job.env, ...clusterEnv(mock), ASSAY_CACHE_DIR: cache }, readOnlyRoot: canUnshare ? {} : undefined });
    assert.equal(r.status, 0, r.err);
    const m = /compile cache .*\(read-only\): (\d+) hits, (\d+) compiled.*V8 code cache: (\d+) used/.exec(r.err);
    assert.ok(m, r.err);
    // k8s/init.lua, resources.lua and wait.lua from the cache, with V8's code cache; the
    // script itself compiled
    assert.deepEqual([Number(m[1]), Number(m[2])], [3, 1], m[0]);
    assert.equal(Number(m[3]), 3, m[0]);
  } finally {
    await mock.close();
  }
});

test('size and start-up time of the image runtime (reported)', (t) => {
  const report = JSON.parse(readFileSync(join(opt, 'image.json'), 'utf8'));
  const sum = (pred) => Object.entries(report.bytes).filter(([k]) => pred(k)).reduce((a, [, n]) => a + n, 0);
  const bundles = sum((k) => k.startsWith(join('dist', 'bundle')) && !k.includes('vendor'));
  const vendor = sum((k) => k.includes('vendor'));
  writeFileSync(join(work, 'hello.lua'), 'print("hello")\n');
  chmodSync(join(work, 'hello.lua'), 0o644);
  const env = { PATH: pathDir, HOME: home, ASSAY_CACHE_DIR: join(base, 'ro', 'cache'), ASSAY_LIB_PATH: lib };
  const time = (argv) => {
    const s = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { cwd: work, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return Number(process.hrtime.bigint() - s) / 1e6;
  };
  const runs = { node: [], assay: [], worker: [] };
  for (let i = 0; i < 5; i++) {
    runs.node.push(time([join(pathDir, 'node'), '-e', '0']));
    runs.assay.push(time([join(opt, 'bin', 'assay'), 'run', 'hello.lua']));
    runs.worker.push(time([join(pathDir, 'node'), join(opt, 'bin', 'assay.js'), 'run', 'hello.lua']));
  }
  const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  t.diagnostic(`runtime directory ${kb(report.total_bytes)}: bundles ${kb(bundles)}, vendored packages ${kb(vendor)}, node_modules ${kb(report.bytes.node_modules ?? 0)}`);
  t.diagnostic(`start-up (median of 5): node -e 0 ${median(runs.node).toFixed(0)} ms; assay run hello.lua ${median(runs.assay).toFixed(0)} ms; node bin/assay.js (worker, as process 1) ${median(runs.worker).toFixed(0)} ms`);
  assert.ok(median(runs.assay) < 5000);
});
