// The fs builtin (SPEC B§1.14, A5, B§5): binary-safe file system calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdirSync, symlinkSync, statSync, readdirSync, lstatSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PCALL_CHECK as checkFn, runLuaOk, tempDir, utf8Bytes as u8 } from '../helpers.mjs';

const base = tempDir('fs');
let n = 0;

/** A fresh directory for one test, with the script written into it. */
function fresh() {
  const d = join(base, `t${++n}`);
  mkdirSync(d);
  return d;
}

const runOk = (d, text) => runLuaOk(text, { dir: d, name: 'main.lua', timeout: 30000 });

test('fs.read / fs.write round-trip any bytes; write creates parent directories', () => {
  const d = fresh();
  const r = runOk(
    d,
    `local all = {} for i = 0, 255 do all[#all + 1] = string.char(i) end
local bin = table.concat(all)
fs.write("out/deep/bin.dat", bin)
local back = fs.read("out/deep/bin.dat")
print(#back, back == bin)
fs.write("empty.txt", "")
print(fs.read("empty.txt") == "", #fs.read("empty.txt"))
fs.write("num.txt", 42) print(fs.read("num.txt"))
fs.write("float.txt", 1.5) print(fs.read("float.txt"))
fs.write("utf8.txt", "héllo ✓") print(fs.read("utf8.txt"))
print(fs.read_bytes("out/deep/bin.dat") == bin)
fs.write_bytes("wb.dat", "\\0\\1\\2\\255") print(#fs.read("wb.dat"), fs.read("wb.dat"):byte(-1))
fs.write("utf8.txt", "replaced") print(fs.read("utf8.txt"))
`,
  );
  assert.equal(r.out, `256\ttrue\ntrue\t0\n42\n1.5\n${u8('héllo ✓')}\ntrue\n4\t255\nreplaced\n`);
  const bytes = readFileSync(join(d, 'out/deep/bin.dat'));
  assert.equal(bytes.length, 256);
  assert.ok(bytes.every((b, i) => b === i));
  assert.deepEqual(readFileSync(join(d, 'wb.dat')), Buffer.from([0, 1, 2, 255]));
});

test('fs.write is atomic: temp file + rename, no temp left, mode kept, symlink target replaced', () => {
  const d = fresh();
  writeFileSync(join(d, 'secret.txt'), 'old');
  chmodSync(join(d, 'secret.txt'), 0o600);
  writeFileSync(join(d, 'target.txt'), 'old target');
  symlinkSync('target.txt', join(d, 'link.txt'));
  const inodeBefore = statSync(join(d, 'secret.txt')).ino;
  runOk(
    d,
    `fs.write("secret.txt", "new secret")
fs.write("link.txt", "via link")
fs.write("fresh.txt", "x")
`,
  );
  assert.equal(readFileSync(join(d, 'secret.txt'), 'utf8'), 'new secret');
  assert.equal(statSync(join(d, 'secret.txt')).mode & 0o777, 0o600);
  // replaced by rename: a new inode
  assert.notEqual(statSync(join(d, 'secret.txt')).ino, inodeBefore);
  assert.ok(lstatSync(join(d, 'link.txt')).isSymbolicLink());
  assert.equal(readFileSync(join(d, 'target.txt'), 'utf8'), 'via link');
  assert.deepEqual(readdirSync(d).sort(), ['fresh.txt', 'link.txt', 'main.lua', 'secret.txt', 'target.txt']);
});

test('fs.write to a device writes in place', () => {
  const d = fresh();
  const r = runOk(d, `fs.write("/dev/null", "discarded") print(fs.exists("/dev/null"))\n`);
  assert.equal(r.out, 'true\n');
  assert.ok(statSync('/dev/null').isCharacterDevice());
});

test('fs.append appends, creating the file and its parents', () => {
  const d = fresh();
  const r = runOk(
    d,
    `fs.append("logs/a.log", "one\\n")
fs.append("logs/a.log", "two\\0\\n")
fs.append("logs/a.log", 3)
print(fs.read("logs/a.log"))
`,
  );
  assert.equal(r.out, 'one\ntwo\0\n3\n');
});

test('read/write errors carry the path and the OS reason', () => {
  const d = fresh();
  mkdirSync(join(d, 'adir'));
  writeFileSync(join(d, 'afile'), 'x');
  const r = runOk(
    d,
    checkFn +
      `check(function() fs.read("/nonexistent/x") end)
check(function() fs.read("adir") end)
check(function() fs.read_bytes("missing.bin") end)
check(function() fs.write("adir", "x") end)
check(function() fs.write("afile/sub/x", "x") end)
check(function() fs.append("adir", "x") end)
check(function() fs.read() end)
check(function() fs.read({}) end)
check(function() fs.write("x") end)
check(function() fs.write("x", {}) end)
check(function() fs.read("a\\0b") end)
check(function() fs.read("") end)
`,
  );
  assert.equal(
    r.out,
    [
      'main.lua:1: fs.read: /nonexistent/x: No such file or directory',
      'main.lua:2: fs.read: adir: Is a directory',
      'main.lua:3: fs.read_bytes: missing.bin: No such file or directory',
      'main.lua:4: fs.write: adir: Is a directory',
      'main.lua:5: fs.write: afile/sub/x: Not a directory',
      'main.lua:6: fs.append: adir: Is a directory',
      "main.lua:7: bad argument #1 to 'read' (string expected, got no value)",
      "main.lua:8: bad argument #1 to 'read' (string expected, got table)",
      "main.lua:9: bad argument #2 to 'write' (string expected, got no value)",
      "main.lua:10: bad argument #2 to 'write' (string expected, got table)",
      'main.lua:11: fs.read: a\\0b: path contains a NUL byte',
      'main.lua:12: fs.read: empty path',
      '',
    ].join('\n'),
  );
});

test('binary and UTF-8 file names', () => {
  const d = fresh();
  const r = runOk(
    d,
    `fs.write("ünï ✓.txt", "utf8 name")
fs.write("raw\\255name", "latin1 name")
print(fs.read("ünï ✓.txt"), fs.read("raw\\255name"))
for _, e in ipairs(fs.list(".")) do io.write(e.name, "|") end print()
print(fs.exists("raw\\255name"), fs.exists("ünï ✓.txt"))
`,
  );
  assert.equal(r.out, `utf8 name\tlatin1 name\nmain.lua|raw\xffname|${u8('ünï ✓.txt')}|\ntrue\ttrue\n`);
  assert.ok(readdirSync(d, { encoding: 'buffer' }).some((b) => b.equals(Buffer.from('raw\xffname', 'latin1'))));
  assert.ok(existsSync(join(d, 'ünï ✓.txt')));
});

test('fs.exists, fs.mkdir, fs.remove', () => {
  const d = fresh();
  mkdirSync(join(d, 'tree/sub'), { recursive: true });
  writeFileSync(join(d, 'tree/sub/f.txt'), 'x');
  writeFileSync(join(d, 'keep.txt'), 'kept');
  symlinkSync('keep.txt', join(d, 'link'));
  symlinkSync('nowhere', join(d, 'dangling'));
  symlinkSync('tree', join(d, 'dirlink'));
  const r = runOk(
    d,
    checkFn +
      `print(fs.exists("tree"), fs.exists("tree/sub/f.txt"), fs.exists("nope"), fs.exists(""), fs.exists("link"), fs.exists("dangling"))
fs.mkdir("a/b/c") fs.mkdir("a/b/c") print(fs.stat("a/b/c").is_dir)
fs.remove("link") print(fs.exists("link"), fs.read("keep.txt"))
fs.remove("dirlink") print(fs.exists("dirlink"), fs.exists("tree/sub/f.txt")) -- the link, not its target
fs.remove("dangling")
fs.remove("tree") print(fs.exists("tree"))
fs.remove("keep.txt") print(fs.exists("keep.txt"))
check(function() fs.remove("tree") end)
check(function() fs.mkdir("a/b/c/../../../main.lua/x") end)
check(function() fs.mkdir() end)
`,
  );
  assert.equal(
    r.out,
    [
      'true\ttrue\tfalse\tfalse\ttrue\tfalse',
      'true',
      'false\tkept',
      'false\ttrue',
      'false',
      'false',
      'main.lua:8: fs.remove: tree: No such file or directory',
      'main.lua:9: fs.mkdir: a/b/c/../../../main.lua/x: Not a directory',
      "main.lua:10: bad argument #1 to 'mkdir' (string expected, got no value)",
      '',
    ].join('\n'),
  );
  assert.ok(!existsSync(join(d, 'tree')));
  assert.ok(!existsSync(join(d, 'dangling')) && !lstatSync(join(d, 'a')).isSymbolicLink());
});

test('fs.list and fs.readdir: sorted entries with types, depth, errors', () => {
  const d = fresh();
  mkdirSync(join(d, 'top/b/c'), { recursive: true });
  mkdirSync(join(d, 'top/.hidden'));
  writeFileSync(join(d, 'top/z.txt'), '');
  writeFileSync(join(d, 'top/a.txt'), '');
  writeFileSync(join(d, 'top/b/c/deep.txt'), '');
  symlinkSync('b', join(d, 'top/blink'));
  mkdirSync(join(d, 'empty'));
  const r = runOk(
    d,
    checkFn +
      `local function show(t, k) local o = {} for i, e in ipairs(t) do o[i] = e[k] .. ":" .. e.type end print(#t, table.concat(o, " ")) end
show(fs.list("top"), "name")
show(fs.list("empty"), "name")
show(fs.readdir("top"), "path")
show(fs.readdir("top", {depth = 1}), "path")
show(fs.readdir("top", {depth = 2}), "path")
show(fs.readdir("top/", {}), "path")
show(fs.readdir("empty"), "path")
check(function() fs.list("nope") end)
check(function() fs.list("top/a.txt") end)
check(function() fs.readdir("nope") end)
check(function() fs.readdir("top", {depth = 0}) end)
check(function() fs.readdir("top", "deep") end)
`,
  );
  assert.equal(
    r.out,
    [
      '5\t.hidden:directory a.txt:file b:directory blink:symlink z.txt:file',
      '0\t',
      '7\t.hidden:directory a.txt:file b:directory b/c:directory b/c/deep.txt:file blink:symlink z.txt:file',
      '5\t.hidden:directory a.txt:file b:directory blink:symlink z.txt:file',
      '6\t.hidden:directory a.txt:file b:directory b/c:directory blink:symlink z.txt:file',
      '7\t.hidden:directory a.txt:file b:directory b/c:directory b/c/deep.txt:file blink:symlink z.txt:file',
      '0\t',
      'main.lua:9: fs.list: nope: No such file or directory',
      'main.lua:10: fs.list: top/a.txt: Not a directory',
      'main.lua:11: fs.readdir: nope: No such file or directory',
      'main.lua:12: fs.readdir: depth must be at least 1',
      "main.lua:13: bad argument #2 to 'readdir' (table or nil expected, got string)",
      '',
    ].join('\n'),
  );
});

test('fs.stat: size, types, mode, float times; follows symlinks; errors', () => {
  const d = fresh();
  writeFileSync(join(d, 'f.bin'), Buffer.alloc(1234));
  chmodSync(join(d, 'f.bin'), 0o640);
  symlinkSync('f.bin', join(d, 'link'));
  symlinkSync('nowhere', join(d, 'dangling'));
  const r = runOk(
    d,
    checkFn +
      `local s = fs.stat("f.bin")
print(s.size, math.type(s.size), s.is_file, s.is_dir, s.is_symlink, string.format("%o", s.mode))
print(math.type(s.modified), math.type(s.accessed), math.abs(s.modified - time()) < 60)
local l = fs.stat("link") print(l.size, l.is_file, l.is_symlink)
local dir = fs.stat(".") print(dir.is_dir, dir.is_file, dir.is_symlink)
local dl = fs.stat("dangling") print(dl.is_symlink, dl.is_file)
check(function() fs.stat("missing") end)
check(function() fs.stat(nil) end)
`,
  );
  assert.equal(
    r.out,
    [
      '1234\tinteger\ttrue\tfalse\tfalse\t640',
      'float\tfloat\ttrue',
      '1234\ttrue\ttrue',
      'true\tfalse\tfalse',
      'true\tfalse',
      'main.lua:7: fs.stat: missing: No such file or directory',
      "main.lua:8: bad argument #1 to 'stat' (string expected, got nil)",
      '',
    ].join('\n'),
  );
});

test('fs.copy, fs.rename', () => {
  const d = fresh();
  writeFileSync(join(d, 'src.bin'), Buffer.from([0, 255, 10, 13]));
  chmodSync(join(d, 'src.bin'), 0o750);
  mkdirSync(join(d, 'adir'));
  const r = runOk(
    d,
    checkFn +
      `print(fs.copy("src.bin", "copy.bin"), fs.read("copy.bin") == fs.read("src.bin"))
fs.rename("copy.bin", "moved.bin") print(fs.exists("copy.bin"), fs.exists("moved.bin"))
fs.rename("moved.bin", "adir/inside.bin") print(fs.exists("adir/inside.bin"))
check(function() fs.copy("missing", "x") end)
check(function() fs.copy("adir", "x") end)
check(function() fs.copy("src.bin", "nodir/x") end)
check(function() fs.rename("missing", "x") end)
check(function() fs.rename("src.bin") end)
`,
  );
  assert.equal(
    r.out,
    [
      '4\ttrue',
      'false\ttrue',
      'true',
      'main.lua:4: fs.copy: missing -> x: No such file or directory',
      'main.lua:5: fs.copy: adir -> x: Is a directory',
      'main.lua:6: fs.copy: src.bin -> nodir/x: No such file or directory',
      'main.lua:7: fs.rename: missing -> x: No such file or directory',
      "main.lua:8: bad argument #2 to 'rename' (string expected, got no value)",
      '',
    ].join('\n'),
  );
  assert.equal(statSync(join(d, 'adir/inside.bin')).mode & 0o777, 0o750);
});

test('fs.glob: patterns, prefixes kept, sorted, dotfiles, symlinks, no matches', () => {
  const d = fresh();
  mkdirSync(join(d, 'conf/sub'), { recursive: true });
  mkdirSync(join(d, 'conf/.git'));
  for (const f of ['conf/a.yaml', 'conf/b.yml', 'conf/c.txt', 'conf/sub/d.yaml', 'conf/.hidden.yaml', 'conf/.git/e.yaml']) writeFileSync(join(d, f), '');
  symlinkSync('sub', join(d, 'conf/sublink'));
  symlinkSync('nowhere', join(d, 'conf/dangling.yaml'));
  const r = runOk(
    d,
    checkFn +
      `local function show(t) print(#t, table.concat(t, " ")) end
show(fs.glob("conf/*.yaml"))
show(fs.glob("conf/*.{yaml,yml}"))
show(fs.glob("conf/**/*.yaml"))
show(fs.glob("conf/*"))
show(fs.glob("conf/*", {dot = true}))
show(fs.glob("./conf/?.txt"))
show(fs.glob("conf/[ab].*"))
show(fs.glob("conf/sub/d.yaml"))
show(fs.glob("conf/nothing*"))
show(fs.glob("missingdir/*"))
show(fs.glob(""))
show(fs.glob("conf/sublink/*"))
check(function() fs.glob() end)
check(function() fs.glob("*", 1) end)
`,
  );
  assert.equal(
    r.out,
    [
      '2\tconf/a.yaml conf/dangling.yaml',
      '3\tconf/a.yaml conf/b.yml conf/dangling.yaml',
      '3\tconf/a.yaml conf/dangling.yaml conf/sub/d.yaml',
      '6\tconf/a.yaml conf/b.yml conf/c.txt conf/dangling.yaml conf/sub conf/sublink',
      '8\tconf/.git conf/.hidden.yaml conf/a.yaml conf/b.yml conf/c.txt conf/dangling.yaml conf/sub conf/sublink',
      '1\t./conf/c.txt',
      '2\tconf/a.yaml conf/b.yml',
      '1\tconf/sub/d.yaml',
      '0\t',
      '0\t',
      '0\t',
      '1\tconf/sublink/d.yaml',
      "main.lua:14: bad argument #1 to 'glob' (string expected, got no value)",
      "main.lua:15: bad argument #2 to 'glob' (table or nil expected, got number)",
      '',
    ].join('\n'),
  );
});

test('fs.glob with an absolute pattern returns absolute paths', () => {
  const d = fresh();
  mkdirSync(join(d, 'x'));
  writeFileSync(join(d, 'x/one.log'), '');
  writeFileSync(join(d, 'x/two.log'), '');
  const r = runOk(d, `for _, p in ipairs(fs.glob(${JSON.stringify(d + '/x/*.log')})) do print(p) end\n`);
  assert.equal(r.out, `${d}/x/one.log\n${d}/x/two.log\n`);
});

test('fs.tempdir makes a new private directory each call', () => {
  const d = fresh();
  const r = runOk(
    d,
    `local a, b = fs.tempdir(), fs.tempdir()
print(a ~= b, fs.stat(a).is_dir, string.format("%o", fs.stat(a).mode), #fs.list(a))
print(a)
fs.write(a .. "/f", "x") fs.remove(a) fs.remove(b)
print(fs.exists(a), fs.exists(b))
`,
  );
  const [l1, l2, l3] = r.out.trimEnd().split('\n');
  assert.equal(l1, 'true\ttrue\t700\t0');
  assert.match(l2, new RegExp(`^${tmpdir().replace(/[/.]/g, '\\$&')}/assay-[0-9a-f]{16}$`));
  assert.equal(l3, 'false\tfalse');
});

test('fs.chmod: integer and octal-string modes, errors', () => {
  const d = fresh();
  writeFileSync(join(d, 'f'), '');
  const r = runOk(
    d,
    checkFn +
      `local function mode() return string.format("%o", fs.stat("f").mode) end
fs.chmod("f", 493) print(mode())
fs.chmod("f", tonumber("600", 8)) print(mode())
fs.chmod("f", "0644") print(mode())
fs.chmod("f", "755") print(mode())
fs.chmod("f", 0) print(mode())
check(function() fs.chmod("f", "rwx") end)
check(function() fs.chmod("f", "999") end)
check(function() fs.chmod("f", 4096) end)
check(function() fs.chmod("f", -1) end)
check(function() fs.chmod("f", 1.5) end)
check(function() fs.chmod("f") end)
check(function() fs.chmod("missing", 420) end)
`,
  );
  assert.equal(
    r.out,
    [
      '755',
      '600',
      '644',
      '755',
      '0',
      'main.lua:7: fs.chmod: invalid mode "rwx" (expected octal digits such as "755")',
      'main.lua:8: fs.chmod: invalid mode "999" (expected octal digits such as "755")',
      'main.lua:9: fs.chmod: invalid mode 4096 (expected 0 to 4095, e.g. 493 for 0755)',
      'main.lua:10: fs.chmod: invalid mode -1 (expected 0 to 4095, e.g. 493 for 0755)',
      "main.lua:11: bad argument #2 to 'chmod' (number has no integer representation)",
      "main.lua:12: bad argument #2 to 'chmod' (number expected, got no value)",
      'main.lua:13: fs.chmod: missing: No such file or directory',
      '',
    ].join('\n'),
  );
});

test('fs.lines: lines without \\n or \\r\\n, last line without newline, empty file, large file, break closes', () => {
  const d = fresh();
  writeFileSync(join(d, 'crlf.txt'), 'one\r\ntwo\n\nthree\r\nlast');
  writeFileSync(join(d, 'empty.txt'), '');
  writeFileSync(join(d, 'nl.txt'), '\n');
  writeFileSync(join(d, 'bin.txt'), Buffer.from([0, 255, 10, 1]));
  // lines crossing the 64 KiB read size
  const big = Array.from({ length: 30000 }, (_, i) => `line ${i} ${'x'.repeat(i % 7)}`).join('\n') + '\n';
  writeFileSync(join(d, 'big.txt'), big);
  const r = runOk(
    d,
    checkFn +
      `local function all(p) local t = {} for l in fs.lines(p) do t[#t + 1] = "[" .. l .. "]" end return table.concat(t) end
print(all("crlf.txt"))
print(all("empty.txt") == "", all("nl.txt"))
print(#all("bin.txt"), all("bin.txt"):byte(2), all("bin.txt"):byte(3))
local count, last = 0
for l in fs.lines("big.txt") do count = count + 1 last = l end
print(count, last)
for i = 1, 3000 do for l in fs.lines("crlf.txt") do break end end
print("many early breaks")
local it = fs.lines("crlf.txt") print(it(), it(), it(), it(), it(), it())
check(function() fs.lines("missing.txt") end)
check(function() fs.lines(".") end)
`,
  );
  assert.equal(
    r.out,
    [
      '[one][two][][three][last]',
      'true\t[]',
      '7\t0\t255',
      '30000\tline 29999 xxxx',
      'many early breaks',
      'one\ttwo\t\tthree\tlast\tnil',
      'main.lua:11: fs.lines: missing.txt: No such file or directory',
      'main.lua:12: fs.lines: .: Is a directory',
      '',
    ].join('\n'),
  );
});

test('fs.sub_in_file: string.gsub over a file, written only when something matched', () => {
  const d = fresh();
  writeFileSync(join(d, 'conf.ini'), 'port=80\nhost=a\nport=81\n');
  const mtimeOf = () => statSync(join(d, 'conf.ini')).mtimeMs;
  const r = runOk(
    d,
    checkFn +
      `print(fs.sub_in_file("conf.ini", "port=(%d+)", "port=%1%1"))
print(fs.sub_in_file("conf.ini", "host=%a", function(m) return m:upper() end))
print(fs.sub_in_file("conf.ini", "port", {port = "PORT"}, 1))
print(fs.sub_in_file("conf.ini", "nothing", "x"))
io.write(fs.read("conf.ini"))
check(function() fs.sub_in_file("conf.ini", "%", "x") end)
check(function() fs.sub_in_file("conf.ini", "o", "%2") end)
check(function() fs.sub_in_file("conf.ini", "a") end)
check(function() fs.sub_in_file("missing", "a", "b") end)
check(function() fs.sub_in_file("conf.ini", "o", function() error("boom") end) end)
`,
  );
  assert.equal(
    r.out,
    [
      '2',
      '1',
      '1',
      '0',
      'PORT=8080',
      'HOST=A',
      'port=8181',
      "main.lua:6: fs.sub_in_file: malformed pattern (ends with '%')",
      "main.lua:7: fs.sub_in_file: invalid capture index %2",
      "main.lua:8: bad argument #3 to 'sub_in_file' (string/function/table expected, got no value)",
      'main.lua:9: fs.sub_in_file: missing: No such file or directory',
      'main.lua:10: boom',
      '',
    ].join('\n'),
  );
  const before = mtimeOf();
  runOk(d, `fs.sub_in_file("conf.ini", "absent", "x")\n`);
  assert.equal(mtimeOf(), before);
});
