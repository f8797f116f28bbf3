// The stdlib release tarball (`npm run pack:stdlib`): assay-stdlib-<manifest version>.tar.gz
// holding assay/ — manifest.yaml, CHANGELOG.md and the module files, no tests — which system
// tar lists and extracts, byte-for-byte reproducible, and which assay loads libraries from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { root, runAssay, tempDir } from '../helpers.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = YAML.parse(readFileSync(join(root, 'stdlib', 'manifest.yaml'), 'utf8')).version;

/** Runs the npm script's command, writing into `dir`; returns the tarball's path. */
function pack(dir) {
  const [cmd, ...args] = pkg.scripts['pack:stdlib'].split(/\s+/);
  assert.equal(cmd, 'node');
  execFileSync(process.execPath, [...args, dir], { cwd: root, stdio: 'pipe' });
  return join(dir, `assay-stdlib-${version}.tar.gz`);
}

test('npm run pack:stdlib: assay-stdlib-<version>.tar.gz with the distributed files under assay/', () => {
  assert.equal(pkg.scripts['pack:stdlib'], 'node scripts/build-image-runtime.mjs --pack-stdlib');
  const file = pack(tempDir('pack'));
  const names = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n');
  assert.ok(names.every((n) => n.startsWith('assay/')), names.join(' '));
  const regular = names.filter((n) => !n.endsWith('/'));
  assert.ok(regular.includes('assay/manifest.yaml') && regular.includes('assay/CHANGELOG.md'));
  assert.ok(regular.includes('assay/k8s/init.lua') && regular.includes('assay/vault/pki.lua'));
  assert.ok(regular.every((n) => /\.lua$|\/manifest\.yaml$|\/CHANGELOG\.md$/.test(n)), regular.join(' '));
  assert.ok(!names.some((n) => n.includes('/tests/')));
  const verbose = execFileSync('tar', ['-tzvf', file], { encoding: 'utf8' });
  assert.ok(verbose.split('\n').filter(Boolean).every((l) => / root\/root /.test(l)), 'owned by root, no build-machine names');
});

test('the tarball is reproducible and extracts into a library directory assay loads', () => {
  const a = pack(tempDir('pack'));
  const b = pack(tempDir('pack'));
  assert.ok(readFileSync(a).equals(readFileSync(b)), 'same bytes twice');
  const dest = tempDir('unpack');
  execFileSync('tar', ['-xzf', a, '-C', dest]);
  const lib = join(dest, 'assay');
  assert.equal(readFileSync(join(lib, 'manifest.yaml'), 'utf8'), readFileSync(join(root, 'stdlib', 'manifest.yaml'), 'utf8'));
  const r = runAssay(['-e', 'local k = require("assay.k8s"); local _, file = require("assay.vault"); print(type(k.get), file)'], { env: { ASSAY_LIB_PATH: lib } });
  assert.equal(r.status, 0, r.err);
  assert.equal(r.out, `function\t${join(lib, 'vault', 'init.lua')}\n`);
});
