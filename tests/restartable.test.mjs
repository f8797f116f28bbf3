// Which Lua functions generator code may run plainly and restart as generators
// (src/compiler/transform/restartable.ts; run `npx tsc -p .` first: imports dist/). The
// behaviour inside coroutines is checked against lua5.4 by the conformance cases
// tests/conformance/coroutine/leaf_*.lua.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../dist/compiler/parser/parser.js';
import { restartable as analyse } from '../dist/compiler/transform/restartable.js';

/** The analysis of the first function in `src` (`local f = function ... end`, `function
 *  a:b`, `local function f`): null, or whether its last statement is a call. */
function analysis(src) {
  const s = parse(src).body[0];
  if (s.type === 'FunctionDeclaration') return analyse(s, s.identifier?.indexer === ':', s.identifier?.name);
  return analyse(s.init[0], false);
}

function restartable(src) {
  return analysis(src) !== null;
}

test('functions that only read, compute and set their own locals are restartable', () => {
  for (const src of [
    'local f = function(v) return v % 3 ~= 0 end',
    'local f = function(a, b) return a.x < b.x, a[b], #a, -b, a .. b, not a end',
    'local f = function(t) local n = #t; n = n * 2; if n > 4 then n = n - 1 elseif t.k then n = 0 else do local m = n; n = m end end; return n end',
    'local f = function(...) local a, b = ...; return {a, b, k = ..., [a] = b} end',
    'local f = function(x) local c <const> = 3; return x + c end',
    'local f = function() end',
    'function obj:get() self = self.next; return self.v end',
    'local f = function(x) return k + x, _ENV.y end', // reads of upvalues and globals
  ]) assert.equal(restartable(src), true, src);
});

test('so are those whose last statement is a call with such arguments', () => {
  for (const src of [
    'local f = function(v) g(v) end',
    'local f = function(s) s:upper() end',
    'local f = function(v) local m = "<" .. v; print(m) end',
    'local f = function(t) t{1, k = 2} end',
    'local f = function(x) return string.format("%d", x) end',
    'local f = function(...) return M.g(...) end',
  ]) {
    const a = analysis(src);
    assert.notEqual(a, null, src);
    assert.notEqual(a.lastCall, null, src);
  }
  assert.equal(analysis('local f = function(v) return v end').lastCall, null);
});

test('calls elsewhere, loops, writes outside the function and nested functions are not', () => {
  for (const src of [
    'local f = function(v) return v, (g"x") end',
    'local f = function(v) return g(v) + 1 end',
    'local f = function(v) return g(v), v end',
    'local f = function(v) g(v); return v end',
    'local f = function(v) if v then return g(v) end end',
    'local f = function(v) return g(h(v)) end',
    'local f = function(v) return g(function() end) end',
    'local function f(n) return f(n - 1) end', // a self tail call becomes a loop
    'local f = function(v) return g(v) end', // a tail call by name or of a method may recurse deeply
    'local f = function(s) return s:upper() end',
    'local f = function(...) return select("#", ...) end', // read from the varargs directly
    'local f = function(v) n = v end', // a global
    'local f = function(v) up = v; local up end', // the outer up: it is declared after
    'local f = function(t, v) t.x = v end',
    'local f = function(t, v) t[1] = v end',
    'local f = function(v) while v do v = false end end',
    'local f = function(v) repeat v = v - 1 until v < 0 end',
    'local f = function(n) local s = 0; for i = 1, n do s = s + i end; return s end',
    'local f = function(t) for k in next, t do end end',
    'local f = function(v) ::top:: if v then v = false; goto top end end',
    'local f = function() return function() end end',
    'local f = function() local function g() end end',
    'local f = function(v) local c <close> = v end',
    'local f = function(v) if g(v) then return 1 end end',
  ]) assert.equal(restartable(src), false, src);
});

test('a method has self as its own local', () => {
  assert.equal(restartable('function obj:set(v) self = v; return self end'), true);
  assert.equal(restartable('function obj.set(v) self = v; return self end'), false);
});
