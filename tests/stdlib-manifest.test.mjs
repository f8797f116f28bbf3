// stdlib/manifest.yaml against the sources, and the runtime's use of a manifest: every module
// file belongs to an entry, each entry's requires_builtins is exactly the builtin globals its
// files use and requires_libraries exactly the other libraries they require (found with
// luaparse's scope analysis, not by grepping names); the version range check (semver forms),
// the once-per-directory warning, and `assay stdlib list`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import luaparse from 'luaparse';
import YAML from 'yaml';
import { root, runAssay, tempDir, writeFiles } from './helpers.mjs';
import { satisfies, readHeadFast, readHead, incompatibility } from '../dist/bundle/libs.mjs';

const stdlib = join(root, 'stdlib');
const manifest = YAML.parse(readFileSync(join(stdlib, 'manifest.yaml'), 'utf8'));
const BUILTINS = ['http', 'json', 'yaml', 'toml', 'base64', 'crypto', 'regex', 'fs', 'template', 'env', 'log', 'assert', 'time', 'sleep', 'async', 'db', 'ws'];

/** The module files of the stdlib (tests/ folders are not modules): dotted name → path. */
function moduleFiles(dir = stdlib, out = new Map()) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'tests') moduleFiles(p, out);
    } else if (name.endsWith('.lua')) {
      const rel = relative(stdlib, p).slice(0, -4).split(sep);
      if (rel.at(-1) === 'init') rel.pop();
      out.set(rel.join('.'), p);
    }
  }
  return out;
}

/** The entry a module belongs to: its own, else the nearest enclosing one (k8s.wait → k8s). */
function ownerOf(mod) {
  for (let parts = mod.split('.'); parts.length > 0; parts.pop()) {
    if (manifest.libraries[parts.join('.')]) return parts.join('.');
  }
  return undefined;
}

/** Global names a chunk reads or calls, and the literal `require("assay.X")` names in it. */
function scan(file) {
  // (luaparse reads Lua 5.3: blank out 5.4 attributes, which change no name's scope)
  const src = readFileSync(file, 'latin1').replace(/<\s*(const|close)\s*>/g, (m) => ' '.repeat(m.length));
  const ast = luaparse.parse(src, { scope: true, locals: true, luaVersion: '5.3', comments: false });
  const requires = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const isRequire = (node.type === 'CallExpression' || node.type === 'StringCallExpression') && node.base.type === 'Identifier' && node.base.name === 'require' && !node.base.isLocal;
    const arg = node.type === 'CallExpression' ? node.arguments[0] : node.argument;
    if (isRequire && arg?.type === 'StringLiteral') requires.push(arg.raw.slice(1, -1));
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && k !== 'range') visit(v);
  };
  visit(ast.body);
  return { globals: new Set(ast.globals.map((g) => g.name)), requires };
}

const files = moduleFiles();
const sorted = (s) => [...s].sort();

test('the manifest head: name, version, a valid requires.assay that admits this assay', () => {
  assert.equal(manifest.name, 'assay-stdlib');
  assert.match(String(manifest.version), /^\d+\.\d+\.\d+$/);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(satisfies(pkg.version, manifest.requires.assay), true, `${manifest.requires.assay} admits ${pkg.version}`);
  // the runtime's line reader sees what a YAML parser sees
  assert.deepEqual(readHeadFast(readFileSync(join(stdlib, 'manifest.yaml'), 'utf8')), {
    name: manifest.name,
    version: manifest.version,
    requiresAssay: manifest.requires.assay,
  });
});

test('every module file belongs to a manifest entry, and every entry has its file', () => {
  const orphans = [...files.keys()].filter((m) => ownerOf(m) === undefined);
  assert.deepEqual(orphans, [], 'module files without an entry');
  const missing = Object.keys(manifest.libraries).filter((e) => !files.has(e));
  assert.deepEqual(missing, [], 'entries without a module file');
  for (const [name, e] of Object.entries(manifest.libraries)) {
    assert.equal(typeof e.description, 'string', `${name}: description`);
    assert.ok(e.description.length > 10, `${name}: description`);
    assert.ok(Array.isArray(e.requires_builtins), `${name}: requires_builtins is a list`);
    for (const b of e.requires_builtins) assert.ok(BUILTINS.includes(b), `${name}: unknown builtin '${b}'`);
  }
});

test('requires_builtins and requires_libraries match what each library\'s files use', () => {
  const used = new Map(Object.keys(manifest.libraries).map((e) => [e, { builtins: new Set(), libraries: new Set() }]));
  for (const [mod, file] of files) {
    const owner = ownerOf(mod);
    const { globals, requires } = scan(file);
    for (const g of globals) if (BUILTINS.includes(g)) used.get(owner).builtins.add(g);
    for (const r of requires) {
      assert.match(r, /^assay\./, `${file}: require of a non-stdlib module '${r}'`);
      const target = ownerOf(r.slice('assay.'.length));
      assert.ok(target, `${file}: requires ${r}, which no entry provides`);
      if (target !== owner) used.get(owner).libraries.add(target);
    }
  }
  const wrong = [];
  for (const [name, e] of Object.entries(manifest.libraries)) {
    const u = used.get(name);
    const declared = { builtins: sorted(e.requires_builtins), libraries: sorted(e.requires_libraries ?? []) };
    const actual = { builtins: sorted(u.builtins), libraries: sorted(u.libraries) };
    if (JSON.stringify(declared) !== JSON.stringify(actual)) wrong.push(`${name}: manifest ${JSON.stringify(declared)}, sources ${JSON.stringify(actual)}`);
  }
  assert.deepEqual(wrong, []);
});

test('semver ranges: the forms manifests use', () => {
  const cases = [
    ['0.1.0', '>=0.1.0 <0.2.0', true],
    ['0.2.0', '>=0.1.0 <0.2.0', false],
    ['0.1.9', '>= 0.1.0 < 0.2.0', true],
    ['1.4.2', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['0.1.5', '^0.1.2', true],
    ['0.2.0', '^0.1.2', false],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.9.0', '~1', true],
    ['3.1.0', '<2.0.0 || >=3.0.0', true],
    ['2.5.0', '<2.0.0 || >=3.0.0', false],
    ['1.5.0', '1.x', true],
    ['2.0.0', '1.x', false],
    ['7.7.7', '*', true],
    ['1.2.3', '1.2.3', true],
    ['1.2.4', '=1.2.3', false],
    ['1.5.0', '1.2.3 - 2.0.0', true],
    ['2.0.1', '1.2.3 - 2.0.0', false],
    ['1.0.0-rc.1', '>=1.0.0', false],
    ['1.0.0-rc.2', '>1.0.0-rc.1', true],
    ['1.2.0', '>1.1', true],
    ['1.1.5', '>1.1', false],
    ['1.1.5', '<=1.1', true],
  ];
  for (const [v, r, want] of cases) assert.equal(satisfies(v, r), want, `${v} in ${r}`);
  assert.throws(() => satisfies('1.0.0', '>=banana'), /invalid version range element/);
  assert.match(incompatibility({ name: 's', version: '2.0.0', requiresAssay: '^5' }, '0.1.0'), /^s 2\.0\.0 requires assay \^5; this is assay 0\.1\.0$/);
  assert.equal(incompatibility({ requiresAssay: '>=0.1' }, '0.1.0'), null);
});

test('the runtime reads a manifest head written in other YAML styles', () => {
  const flow = 'name: s\nversion: "1.0.0"\nrequires: {assay: ">=2"}\n';
  assert.equal(readHeadFast(flow), null);
  assert.deepEqual(readHead(flow), { name: 's', version: '1.0.0', requiresAssay: '>=2' });
  assert.deepEqual(readHeadFast("# c\nversion: '0.3.0' # x\nrequires:\n    other: 1\n    assay: ^0.3 # y\nname: n\n"), { version: '0.3.0', requiresAssay: '^0.3', name: 'n' });
});

/** A library directory with a manifest requiring assay `range` and two modules. */
function libDir(range) {
  return writeFiles(tempDir('stdlib-manifest'), {
    'manifest.yaml': `name: test-stdlib\nversion: 7.0.0\nrequires:\n  assay: "${range}"\nlibraries:\n  one:\n    description: "The first"\n    requires_builtins: []\n    requires_libraries: [three]\n`,
    'one/init.lua': 'return { n = 1 }\n',
    'two.lua': 'return { n = 2 }\n',
  });
}

test('a stdlib whose requires.assay excludes this assay: one warning naming both versions', () => {
  const dir = libDir('>=9.0.0');
  const r = runAssay(['-e', 'print(require("assay.one").n + require("assay.two").n)'], { env: { ASSAY_LIB_PATH: dir, ASSAY_LOG_FORMAT: 'json' } });
  assert.equal(r.status, 0, r.err);
  assert.equal(r.out, '3\n');
  const warnings = r.err.split('\n').filter((l) => l.includes('"warn"'));
  assert.equal(warnings.length, 1, r.err);
  assert.equal(JSON.parse(warnings[0]).message, `test-stdlib 7.0.0 requires assay >=9.0.0; this is assay 0.1.0 (${join(dir, 'manifest.yaml')})`);
});

test('a compatible stdlib, or none: no warning', () => {
  const ok = runAssay(['-e', 'print(require("assay.one").n)'], { env: { ASSAY_LIB_PATH: libDir('>=0.1.0 <1.0.0') } });
  assert.deepEqual([ok.status, ok.out, ok.err], [0, '1\n', '']);
  const bare = writeFiles(tempDir('stdlib-manifest'), { 'acme/init.lua': 'return 5\n' });
  const user = runAssay(['-e', 'print((require("assay.acme")))'], { env: { ASSAY_LIB_PATH: bare } });
  assert.deepEqual([user.status, user.out, user.err], [0, '5\n', '']);
});

test('assay stdlib list: directories in search order, versions, descriptions, shadowing', () => {
  const first = libDir('>=9.0.0');
  mkdirSync(join(first, 'k8s'));
  writeFileSync(join(first, 'k8s', 'init.lua'), 'return {}\n');
  const r = runAssay(['stdlib', 'list'], { env: { ASSAY_LIB_PATH: `${first}:/nonexistent-assay-lib:${stdlib}` } });
  assert.equal(r.status, 0, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], `${first}: test-stdlib 7.0.0, requires assay >=9.0.0`);
  assert.equal(lines[1], '  warning: test-stdlib 7.0.0 requires assay >=9.0.0; this is assay 0.1.0');
  assert.ok(lines.includes('  k8s  -  (not in manifest.yaml)'), r.out);
  assert.ok(lines.includes('  one  7.0.0  The first (requires three: not found)'), r.out);
  assert.ok(lines.includes('  two  -  (not in manifest.yaml)'), r.out);
  assert.ok(lines.includes('/nonexistent-assay-lib: no such directory'), r.out);
  assert.ok(lines.includes(`${stdlib}: assay-stdlib ${manifest.version}, requires assay ${manifest.requires.assay}`), r.out);
  const k8s = lines.find((l) => l.startsWith('  k8s ') && l.includes('shadowed'));
  assert.match(k8s, new RegExp(`^  k8s +${manifest.version.replace(/\./g, '\\.')}  Kubernetes API client.* \\(shadowed by ${first}/k8s/init\\.lua\\)$`));
  assert.ok(lines.some((l) => /^ {2}vault\.pki +\d/.test(l)), 'sub-modules with an entry are listed');
  assert.ok(!lines.some((l) => /^ {2}k8s\.wait /.test(l)), 'internal sub-modules are not');

  const j = runAssay(['stdlib', 'list', '--json'], { env: { ASSAY_LIB_PATH: stdlib } });
  const inv = JSON.parse(j.out);
  const dir = inv.directories.find((d) => d.dir === stdlib);
  assert.equal(dir.manifest.version, manifest.version);
  assert.deepEqual(sorted(dir.libraries.map((l) => l.name)), sorted(Object.keys(manifest.libraries)));
  assert.ok(dir.libraries.every((l) => l.inManifest && l.missing.length === 0 && l.description));
});
