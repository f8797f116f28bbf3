// `assay types --out DIR` (src/cli/types-cmd.ts, src/cli/types/): the definition files it
// writes are checked against the runtime — every function of every builtin table appears with
// @param lines naming exactly the parameters of its stub, as many as the implementation
// declares; every stdlib module's functions appear in its meta file — and each file must
// compile as Lua. When lua-language-server is installed, its --check runs over examples/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, runAssay, tempDir, writeFiles } from './helpers.mjs';

const out = tempDir('types');
const gen = runAssay(['types', '--out', out], { timeout: 60000 });

/** Every .lua file under dir, relative to it. */
function luaFiles(dir) {
  const list = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.lua')) list.push(relative(dir, p));
    }
  };
  walk(dir);
  return list.sort();
}

/** Runs Lua `code` as a script with `args`. */
function runScript(code, args) {
  const dir = tempDir('types-script');
  writeFileSync(join(dir, 'script.lua'), code);
  return runAssay(['run', join(dir, 'script.lua'), ...args], { timeout: 60000 });
}

/** The stubs of a definition file: `function A.b(x, y) end` with the @param names before it. */
function stubs(text) {
  const result = new Map();
  let params = [];
  for (const line of text.split('\n')) {
    const p = /^---@param (\.\.\.|\w+)\??\s+\S/.exec(line);
    if (p) params.push(p[1]);
    const f = /^function ([\w.]+?)(?:([.:])(\w+))?\((.*)\) end$/.exec(line);
    if (f) {
      const name = f[3] === undefined ? f[1] : `${f[1]}${f[2]}${f[3]}`;
      result.set(name, { args: f[4] === '' ? [] : f[4].split(', '), params });
    }
    if (!line.startsWith('---')) params = [];
  }
  return result;
}

// Lua 5.4's own globals and os functions: everything else is assay's
const LUA_GLOBALS = new Set('_G _VERSION arg collectgarbage coroutine debug dofile error getmetatable io ipairs load loadfile math next os package pairs pcall print rawequal rawget rawlen rawset require select setmetatable string table tonumber tostring type utf8 xpcall'.split(' '));
const LUA_OS = new Set('clock date difftime execute exit getenv remove rename setlocale time tmpname'.split(' '));
const LUA_STRING = new Set('byte char dump find format gmatch gsub len lower match pack packsize rep reverse sub unpack upper'.split(' '));

/** The runtime's builtins: global name → 'function' or the sorted function keys of a table. */
function runtimeBuiltins() {
  const r = runAssay(['-e', `
    for k, v in pairs(_G) do
      if type(v) == "function" then print(k, "function")
      elseif type(v) == "table" then
        local ks = {}
        for kk, vv in pairs(v) do if type(vv) == "function" then ks[#ks + 1] = kk end end
        table.sort(ks)
        print(k, table.concat(ks, " "))
      end
    end`]);
  assert.equal(r.status, 0, r.err);
  const m = new Map();
  for (const line of r.out.trim().split('\n')) {
    const [k, v = ''] = line.split('\t');
    if (k === 'os') m.set('os', v.split(' ').filter((f) => !LUA_OS.has(f)));
    else if (k === 'string') m.set('string', v.split(' ').filter((f) => !LUA_STRING.has(f)));
    else if (!LUA_GLOBALS.has(k)) m.set(k, v === 'function' ? 'function' : v.split(' ').filter(Boolean));
  }
  return m;
}

test('assay types writes a file per builtin and per stdlib module', () => {
  assert.equal(gen.status, 0, gen.err);
  assert.match(gen.out, /^wrote \d+ builtin and \d+ module definition files to /);
  assert.equal(gen.err, '');
  const files = luaFiles(out);
  for (const f of ['builtins/http.lua', 'builtins/json.lua', 'builtins/db.lua', 'builtins/assert.lua', 'builtins/sleep.lua', 'builtins/time.lua', 'builtins/test.lua', 'assay/k8s.lua', 'assay/vault.lua', 'assay/vault/pki.lua', 'assay/testing/mock.lua']) {
    assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
  }
  for (const f of files) assert.match(readFileSync(join(out, f), 'utf8'), /^---@meta /, f);
});

test('every function of every builtin appears, its @params naming its parameters', () => {
  const rt = runtimeBuiltins();
  assert.ok(rt.size >= 17, [...rt.keys()].join(' '));
  for (const [name, fns] of rt) {
    const file = join(out, 'builtins', `${name}.lua`);
    assert.ok(existsSync(file), `no definition file for builtin ${name}`);
    const s = stubs(readFileSync(file, 'utf8'));
    const expected = fns === 'function' ? [name] : fns.map((f) => `${name}.${f}`);
    for (const e of expected) {
      const st = s.get(e);
      assert.ok(st, `${e} is not described in builtins/${name}.lua`);
      assert.deepEqual(st.params, st.args, `@param lines of ${e}`);
    }
    // and nothing described that the runtime does not have
    const described = [...s.keys()].filter((k) => k === name || k.startsWith(`${name}.`));
    assert.deepEqual(described.sort(), expected.sort(), `functions described for ${name}`);
  }
});

test('each builtin stub declares as many parameters as its implementation', async () => {
  const core = await import(join(root, 'dist/bundle/core.mjs'));
  const libs = await import(join(root, 'dist/bundle/libs.mjs'));
  const G = new core.LuaTable();
  libs.openBuiltins(G);
  let checked = 0;
  for (let e = G.next(undefined); e !== undefined; e = G.next(e[0])) {
    const [name, v] = e;
    const file = join(out, 'builtins', `${name}.lua`);
    const s = stubs(readFileSync(file, 'utf8'));
    const fns = typeof v === 'function' ? [[name, v]] : [];
    if (v instanceof core.LuaTable) for (let f = v.next(undefined); f !== undefined; f = v.next(f[0])) if (typeof f[1] === 'function') fns.push([`${name}.${f[0]}`, f[1]]);
    for (const [fname, f] of fns) {
      // wrappers of waiting functions take (...args): length 0 says nothing
      if (f.length === 0) continue;
      assert.equal(s.get(fname).args.filter((a) => a !== '...').length, f.length, `parameters of ${fname}`);
      checked++;
    }
  }
  assert.ok(checked > 50, `${checked} functions checked`);
});

test('the assert builtin is a callable table, and classes describe what functions return', () => {
  const a = readFileSync(join(out, 'builtins/assert.lua'), 'utf8');
  assert.match(a, /---@class assertlib\n---@overload fun\(v: any, message\?: any, \.\.\.: any\): any\nassert = \{\}/);
  const h = readFileSync(join(out, 'builtins/http.lua'), 'utf8');
  assert.match(h, /---@class http\.Response\n---@field status integer/);
  assert.match(h, /---@param opts\? http\.RequestOptions .*\n---@return http\.Response # .*\nfunction http\.get\(url, opts\) end/);
  assert.match(h, /---@return http\.Client # .*\nfunction http\.client\(opts\) end/);
  assert.match(h, /function http_Client:post\(url, body, opts\) end/);
  const w = readFileSync(join(out, 'builtins/ws.lua'), 'utf8');
  assert.match(w, /---@return string # the frame's bytes\n---@return "text"\|"binary" # its kind\nfunction ws\.recv\(conn, timeout\) end/);
  assert.match(readFileSync(join(out, 'builtins/os.lua'), 'utf8'), /function os\.hostname\(\) end/);
});

test('every definition file compiles as Lua', () => {
  const files = luaFiles(out).map((f) => join(out, f));
  const r = runScript(`for _, f in ipairs(arg) do assert(loadfile(f)) end print(#arg)`, files);
  assert.equal(r.err, '');
  assert.equal(r.out.trim(), String(files.length));
});

test('stdlib modules: ---@meta <name>, every module function, client classes', () => {
  // the functions each module's table really has
  const mods = luaFiles(out).filter((f) => f.startsWith('assay/')).map((f) => f.slice(0, -4).split('/').join('.'));
  const r = runScript(`
    for _, name in ipairs(arg) do
      local m = require(name)
      local ks = {}
      if type(m) == "table" then for k, v in pairs(m) do if type(v) == "function" then ks[#ks + 1] = k end end end
      table.sort(ks)
      print(name, table.concat(ks, " "))
    end`, mods);
  assert.equal(r.status, 0, r.err);
  for (const line of r.out.trim().split('\n')) {
    const [name, keys = ''] = line.split('\t');
    const text = readFileSync(join(out, `${name.split('.').join('/')}.lua`), 'utf8');
    assert.ok(text.startsWith(`---@meta ${name}\n`), name);
    if (name === 'assay.openbao') {
      assert.match(text, /return require\("assay\.vault"\)/);
      continue;
    }
    assert.match(text, /\nreturn \w+\n$/, `${name} returns its table`);
    for (const k of keys.split(' ').filter(Boolean)) assert.match(text, new RegExp(`\\nfunction \\w+[.:]${k}\\(`), `${name}.${k}`);
  }
  const v = readFileSync(join(out, 'assay/vault.lua'), 'utf8');
  assert.match(v, /---@return assay\.vault\.Client # .*\nfunction M\.client\(url, token\) end/);
  assert.match(v, /---@class assay\.vault\.Client\n/);
  assert.match(v, /---@param key string the key's name\n---@param plaintext string the bytes to encrypt\n.*\nfunction Client:transit_encrypt\(key, plaintext\) end/);
  const pki = readFileSync(join(out, 'assay/vault/pki.lua'), 'utf8');
  assert.match(pki, /---@param c assay\.vault\.Client /);
  assert.match(readFileSync(join(out, 'assay/zitadel.lua'), 'utf8'), /---@class assay\.zitadel\.Client: assay\.zitadel\.login\n/);
  const k8s = readFileSync(join(out, 'assay/k8s.lua'), 'utf8');
  assert.match(k8s, /---@param namespace\? string the namespace\n---@param kind string .*\n---@param name string the object's name\n---@param opts\? table .*\n---@return table # .*\nfunction M\.get_resource\(namespace, kind, name, opts\) end/);
  assert.match(k8s, /---@field token_file string /);
});

test('modules on ASSAY_LIB_PATH come from their LDoc comments', () => {
  const lib = writeFiles(tempDir('types-lib'), {
    'acme/init.lua': [
      '--- @module assay.acme',
      '-- The ACME API.',
      '',
      'local M = {}',
      'local Client = {}',
      'Client.__index = Client',
      '',
      '--- Makes a client.',
      '-- @param url string the base URL',
      '-- @param opts table|nil `token`',
      '-- @return client the client',
      'function M.client(url, opts)',
      '  return setmetatable({ url = url }, Client)',
      'end',
      '',
      '--- Counts things, slowly',
      '-- and carefully.',
      '-- @param kind string what to count',
      '-- @param ... any more kinds',
      '-- @return integer the count',
      'function Client:count(kind, ...) return 0 end',
      '',
      'function Client:_private() end',
      '',
      'return M',
    ].join('\n'),
  });
  const dir = tempDir('types-out');
  // a stale generated file goes, a file of the user's stays
  writeFiles(dir, { 'assay/gone.lua': '---@meta assay.gone\n\n-- assay.gone (generated by `assay types` ...)\n', 'assay/mine.lua': '-- mine\n' });
  const r = runAssay(['types', '--out', dir], { env: { ASSAY_LIB_PATH: lib }, timeout: 60000 });
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /\(removed 1 stale\)/);
  assert.ok(!existsSync(join(dir, 'assay/gone.lua')));
  assert.ok(existsSync(join(dir, 'assay/mine.lua')));
  const text = readFileSync(join(dir, 'assay/acme.lua'), 'utf8');
  assert.equal(
    text,
    [
      '---@meta assay.acme',
      '',
      '-- assay.acme (generated by `assay types` from the module\'s LDoc comments; do not edit).',
      '',
      '---The ACME API.',
      '---@class assay.acme',
      'local M = {}',
      '',
      '---Makes a client.',
      '---@param url string the base URL',
      '---@param opts? table `token`',
      '---@return assay.acme.Client # the client',
      'function M.client(url, opts) end',
      '',
      '---@class assay.acme.Client',
      'local Client = {}',
      '',
      '---Counts things, slowly and carefully.',
      '---@param kind string what to count',
      '---@param ... any more kinds',
      '---@return integer # the count',
      'function Client:count(kind, ...) end',
      '',
      'return M',
      '',
    ].join('\n'),
  );
});

test('--out is required', () => {
  const r = runAssay(['types']);
  assert.notEqual(r.status, 0);
  assert.match(r.err, /required option '--out <dir>'/);
});

const luals = spawnSync('lua-language-server', ['--version'], { encoding: 'utf8' });
test('lua-language-server --check over examples/ with the generated definitions', { skip: luals.error ? 'lua-language-server is not installed' : false }, () => {
  const ws = tempDir('types-luals');
  for (const f of readdirSync(join(root, 'examples'))) if (f.endsWith('.lua')) writeFileSync(join(ws, f), readFileSync(join(root, 'examples', f)));
  writeFileSync(join(ws, '.luarc.json'), JSON.stringify({ 'runtime.version': 'Lua 5.4', 'workspace.library': [out] }));
  const logs = join(ws, '.log');
  mkdirSync(logs);
  const r = spawnSync('lua-language-server', [`--check=${ws}`, '--checklevel=Warning', `--logpath=${logs}`], { encoding: 'utf8', timeout: 300000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const report = join(logs, 'check.json');
  const problems = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : {};
  const undefinedNames = Object.values(problems).flat().filter((d) => /undefined-(global|field)/.test(d.code ?? ''));
  assert.deepEqual(undefinedNames, []);
});
