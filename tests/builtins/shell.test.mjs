// shell.exec (SPEC A5, B§5.1) and string.split (SPEC A5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLuaOk, tempDir } from '../helpers.mjs';

const dir = tempDir('shell');
const lua = (code) => runLuaOk(code, { dir, timeout: 60000 }).out;

test('shell.exec: status, stdout and stderr as bytes; a failing command is not an error', () => {
  const out = lua(`
    local r = shell.exec("printf 'out\\\\001\\\\377'; echo err >&2; exit 3")
    print(r.status, #r.stdout, r.stdout:byte(4), r.stdout:byte(5), r.stderr, r.timed_out)
    print(shell.exec("true").status, shell.exec("exit 200").status)`);
  assert.equal(out, '3\t5\t1\t255\terr\n\tfalse\n0\t200\n');
});

test('shell.exec: stdin, env (set and remove), cwd', () => {
  const out = lua(`
    print(shell.exec("wc -c", { stdin = "ab\\0cd" }).stdout:match("%d+"))
    env.set("ASSAY_SHELL_GONE", "here")
    local r = shell.exec('echo "$ASSAY_SHELL_X|$ASSAY_SHELL_N|\${ASSAY_SHELL_GONE-unset}"',
      { env = { ASSAY_SHELL_X = "x y", ASSAY_SHELL_N = 42, ASSAY_SHELL_GONE = false } })
    io.write(r.stdout)
    io.write(shell.exec("pwd", { cwd = "/" }).stdout)`);
  assert.equal(out, '5\nx y|42|unset\n/\n');
});

test('shell.exec: a timeout stops the command (and its children) and says so', () => {
  const out = lua(`
    local t0 = time()
    local r = shell.exec("sleep 30 & sleep 30; echo never", { timeout = 0.2 })
    print(r.timed_out, r.status, r.stdout, time() - t0 < 10)`);
  assert.equal(out, 'true\t143\t\ttrue\n');
});

test('shell.exec: other tasks run while a command runs', () => {
  const out = lua(`
    local order = {}
    local h = async.spawn(function() shell.exec("sleep 0.3") order[#order + 1] = "command" end)
    async.spawn(function() sleep(0.05) order[#order + 1] = "task" end)
    h:await()
    print(table.concat(order, ","))`);
  assert.equal(out, 'task,command\n');
});

test('shell.exec: argument errors', () => {
  const out = lua(`
    for _, args in ipairs({ { 42 }, { "true", 1 }, { "true", { env = 1 } }, { "true", { timeout = -1 } }, { "true", { env = { X = {} } } } }) do
      print(select(2, pcall(shell.exec, table.unpack(args))))
    end`);
  assert.equal(out, [
    'shell.exec: first argument must be a command string',
    'shell.exec: second argument must be a table or nil',
    "shell.exec: option 'env' must be a table",
    'shell.exec: timeout must be a positive number of seconds',
    "shell.exec: env value for 'X' must be a string, a number or false",
    '',
  ].join('\n'));
});

test('string.split: plain separators keep empty fields; no separator splits on whitespace', () => {
  const out = lua(`
    local function show(t) return #t .. ":" .. table.concat(t, "|") end
    print(show(string.split("a,b,,c", ",")), show(("a.b"):split(".")), show(string.split("x--y--", "--")))
    print(show(string.split("  one two\\tthree\\n")), show(string.split("")), show(string.split("", ",")))
    print(select(2, pcall(string.split, "a", "")))
    print(select(2, pcall(string.split)))`);
  assert.equal(out, [
    '4:a|b||c\t2:a|b\t3:x|y|',
    '3:one|two|three\t0:\t1:',
    "bad argument #2 to 'split' (separator must not be empty)",
    "bad argument #1 to 'split' (string expected, got no value)",
    '',
  ].join('\n'));
});
