// Statements about functions and values with behaviour: local functions (called through
// their signature), bounded recursion, closures and upvalues, varargs, classes made of
// metatables, sequences mutated by the table library, errors (pcall/xpcall/error with
// non-string values), coroutines and load() of generated or broken source.
import { stmt, block, expr, list, render } from './tree.mjs';
import { gen, wild, lit, args, ALT } from './exprs.mjs';
import { genBlock, printStmt } from './stmts.mjs';
import { Ctx } from './ctx.mjs';

const PARAM_TYPES = ['int', 'float', 'num', 'str', 'bool', 'seq'];

/** local function f(a, b) ... return e end; later calls go through ctx (see exprs sigCall). */
function localFunction(ctx) {
  const name = ctx.fresh('f');
  const params = Array.from({ length: ctx.rng.int(0, 3) }, () => [ctx.fresh('p'), ctx.rng.pick(PARAM_TYPES)]);
  const ret = ctx.rng.pick(PARAM_TYPES);
  const [body, result] = ctx.scoped(() => {
    for (const [p, t] of params) ctx.declare(p, t);
    const b = genBlock(ctx, ctx.rng.int(0, 3));
    return [b, ctx.scoped(() => gen(ctx, ret))];
  }, { fnBody: true });
  body.items.push(stmt('return ', result));
  ctx.declare(name, 'sig', { assignable: false, sig: { params: params.map((p) => p[1]), ret } });
  const callIt = printStmt(ctx, [expr([name, '(', ...list(params.map(([, t]) => gen(ctx, t))), ')'], ALT[ret])]);
  return [stmt(`local function ${name}(${params.map((p) => p[0]).join(', ')})`, body, 'end'), callIt];
}

/** Bounded recursion: tail calls, non-tail calls, mutual recursion, a deep one. */
function recursion(ctx) {
  const f = ctx.fresh('r');
  const r = ctx.rng.next();
  if (r < 0.35) {
    const step = ctx.scoped(() => {
      ctx.declare('acc', 'int', { assignable: false });
      ctx.declare('n', 'int', { assignable: false });
      return gen(ctx, 'int');
    }, { fnBody: true });
    return stmt(`local function ${f}(n, acc) if n <= 0 then return acc end return ${f}(n - 1, `, step, `) end P(${f}(${ctx.rng.int(0, 6)}, `, gen(ctx, 'int'), '))');
  }
  if (r < 0.7) {
    const base = gen(ctx, 'str');
    return stmt(`local function ${f}(n) if n <= 0 then return `, base, ` end return "(" .. ${f}(n - 1) .. n .. ")" end P(${f}(${ctx.rng.int(0, 5)}))`);
  }
  if (r < 0.85) {
    const g = ctx.fresh('r');
    return stmt(`local ${g} local function ${f}(n) if n == 0 then return true end return ${g}(n - 1) end ${g} = function(n) if n == 0 then return false end return ${f}(n - 1) end P(${f}(${ctx.rng.int(0, 9)}), ${g}(${ctx.rng.int(0, 9)}))`);
  }
  const depth = ctx.rng.pick([100, 1000, 5000, 20000]);
  return ctx.rng.chance(0.5)
    ? stmt(`local function ${f}(n) if n == 0 then return 0 end return 1 + ${f}(n - 1) end P(${f}(${depth}))`)
    : stmt(`local function ${f}(n, a) if n == 0 then return a end return ${f}(n - 1, a + n) end P(${f}(${depth * 5}, 0))`);
}

/** Upvalues: a counter factory, closures created in a loop, a shared upvalue. */
function closures(ctx) {
  const r = ctx.rng.next();
  const mk = ctx.fresh('mk');
  if (r < 0.4) {
    const inc = ctx.fresh('inc');
    return [
      stmt(`local function ${mk}(c) return function(d) c = c + d return c end end`),
      stmt(`local ${inc} = ${mk}(`, gen(ctx, 'int'), ')'),
      stmt(`P(${inc}(`, gen(ctx, 'int'), `), ${inc}(`, gen(ctx, 'num'), `), ${mk}(0)(1))`),
    ];
  }
  if (r < 0.75) {
    const fs = ctx.fresh('fs');
    const i = ctx.fresh('i');
    const body = ctx.scoped(() => {
      ctx.declare(i, 'int', { assignable: false });
      return gen(ctx, 'num');
    });
    const loop = ctx.rng.chance(0.5) ? `for ${i} = 1, 3 do` : `for _, ${i} in ipairs({10, 20, 30}) do`;
    return stmt(`do local ${fs} = {} ${loop} local k = ${i} * 2 ${fs}[#${fs} + 1] = function() return k + `, body, ` end end P(${fs}[1](), ${fs}[2](), ${fs}[3]()) end`);
  }
  if (r < 0.85) {
    // a fresh local per pass of a backward goto / while / repeat: each closure keeps its own
    const body = gen(ctx, 'num');
    return ctx.rng.pick([
      () => stmt('do local fs, i = {}, 1 ::top:: local j = i * 10 fs[i] = function() return j + ', body, ' end i = i + 1 if i <= 3 then goto top end P(fs[1](), fs[2](), fs[3]()) end'),
      () => stmt('do local fs, k = {}, 0 while k < 3 do k = k + 1 local c = k fs[k] = function() c = c + 1 return c end end P(fs[1](), fs[1](), fs[2](), fs[3]()) end'),
      () => stmt('do local n, f = 0 repeat n = n + 1 local x = n * 2 f = function() return x end until f() >= ', lit(String(ctx.rng.int(0, 8)), 'int'), ' P(n, f()) end'),
      () => stmt('do local o = {n = ', gen(ctx, 'int'), '} function o:add(d) self.n = self.n + d return self end function o.get(self) return self.n end P(o:add(1):add(', gen(ctx, 'int'), '):get(), o.get(o)) end'),
    ])();
  }
  const get = ctx.fresh('get');
  const set = ctx.fresh('set');
  return stmt(`do local u = `, gen(ctx, 'any'), ` local function ${get}() return u end local function ${set}(x) u = x end ${set}(`, gen(ctx, 'any'), `) P(${get}()) end`);
}

/** A vararg function, its body using ... in every way, and a call. */
function varargs(ctx) {
  const f = ctx.fresh('va');
  const body = ctx.scoped(() => {
    const uses = [
      () => printStmt(ctx, [lit('select("#", ...)', 'int'), lit('...', 'any')]),
      () => stmt('local a, b = ... P(a, b)'),
      () => stmt('local t = {...} P(#t, t[1])'),
      () => stmt('P(table.pack(...).n, (...))'),
      () => stmt('P(select(', lit(String(ctx.rng.int(-2, 4)), 'int'), ', ...))'),
      () => stmt('P(pcall(select, -1, ...))'),
      () => genBlock(ctx, 1).items[0] ?? stmt('P()'),
    ];
    return block(Array.from({ length: ctx.rng.int(1, 3) }, () => ctx.rng.pick(uses)()));
  }, { fnBody: true, vararg: true });
  const ret = ctx.rng.pick(['return ...', 'return select("#", ...), ...', 'return', 'return (...)']);
  body.items.push(ret);
  return [stmt(`local function ${f}(...)`, body, 'end'), printStmt(ctx, [expr([f, '(', ...list(args(ctx, 0, 4)), ')'], 'nil')])];
}

// --- classes --------------------------------------------------------------------------------

const MM_BODIES = {
  __add: 'function(a, b) return V(a) + V(b) end',
  __sub: 'function(a, b) return V(a) - V(b) end',
  __mul: 'function(a, b) return V(a) * V(b) end',
  __div: 'function(a, b) return V(a) / V(b) end',
  __mod: 'function(a, b) return V(a) % V(b) end',
  __idiv: 'function(a, b) return V(a) // V(b) end',
  __pow: 'function(a, b) return V(a) ^ V(b) end',
  __band: 'function(a, b) return V(a) & V(b) end',
  __bor: 'function(a, b) return V(a) | V(b) end',
  __bxor: 'function(a, b) return V(a) ~ V(b) end',
  __shl: 'function(a, b) return V(a) << V(b) end',
  __shr: 'function(a, b) return V(a) >> V(b) end',
  __unm: 'function(a) return -V(a) end',
  __bnot: 'function(a) return ~V(a) end',
  __len: 'function(a) return V(a) * 2 end',
  __concat: 'function(a, b) return tostring(V(a)) .. "&" .. tostring(V(b)) end',
  __eq: 'function(a, b) return V(a) == V(b) end',
  __lt: 'function(a, b) return V(a) < V(b) end',
  __le: 'function(a, b) return V(a) <= V(b) end',
  __call: 'function(self, x, ...) return V(self) + (x or 0) end',
  __tostring: 'function(o) return "obj<" .. tostring(rawget(o, "v")) .. ">" end',
  __close: 'function(o, e) P("close", V(o), e) end',
};
const INDEXES = [
  '{x = 1, name = "base", b = "B"}',
  'function(t, k) return type(k) .. ":" .. tostring(k) end',
  'setmetatable({y = 2}, {__index = function(t, k) return k end})',
];
const NEWINDEXES = ['function(t, k, val) rawset(t, k, val) P("newindex", k) end', '{}'];

/** A metatable with a random set of metamethods and one or two objects using it. */
function classDef(ctx) {
  const mt = ctx.fresh('mt');
  const V = ctx.fresh('V');
  const mms = new Set(Object.keys(MM_BODIES).filter(() => ctx.rng.chance(0.45)));
  // assay follows Lua 5.5 where __le no longer falls back to not __lt (lua5.4.4 still does):
  // a class with __lt always has __le, so the two never meet
  if (mms.has('__lt')) mms.add('__le');
  const out = [
    stmt(`local function ${V}(x) if type(x) == "table" then return rawget(x, "v") end return x end`),
    stmt(`local ${mt} = {}`),
  ];
  for (const mm of mms) out.push(stmt(`${mt}.${mm} = ${MM_BODIES[mm].replace(/V\(/g, V + '(')}`));
  if (ctx.rng.chance(0.5)) out.push(stmt(`${mt}.__index = ${ctx.rng.pick(INDEXES)}`));
  if (ctx.rng.chance(0.25)) out.push(stmt(`${mt}.__newindex = ${ctx.rng.pick(NEWINDEXES)}`));
  if (ctx.rng.chance(0.1)) out.push(stmt(`${mt}.__metatable = "locked"`));
  const cls = { mt, mms };
  for (let i = ctx.rng.int(1, 2); i > 0; i--) {
    const o = ctx.fresh('o');
    out.push(stmt(`local ${o} = setmetatable({v = `, gen(ctx, 'int'), `}, ${mt})`));
    ctx.declare(o, 'obj', { assignable: false, cls });
  }
  return out;
}

/** Uses an object beyond operators: fields through __index/__newindex, raw access, <close>. */
function objectUse(ctx) {
  const objs = ctx.vars.filter((v) => v.type === 'obj');
  if (!objs.length) return null;
  const o = ctx.rng.pick(objs).name;
  const r = ctx.rng.next();
  // (no comparison as the key: see exprs.mjs WILD)
  if (r < 0.3) return stmt(`P(${o}.x, ${o}.name, ${o}[ `, gen(ctx, ctx.rng.pick(['int', 'str', 'float'])), ' ])');
  if (r < 0.5) return stmt(`${o}.${ctx.rng.pick(['k', 'x', 'v2'])} = `, gen(ctx, 'any'));
  if (r < 0.6) return stmt(`P(rawget(${o}, "v"), rawlen(${o}), rawequal(${o}, ${o}), type(getmetatable(${o})))`);
  if (r < 0.7) return stmt(`P(pcall(setmetatable, ${o}, nil))`);
  if (r < 0.85) return stmt(`P(pcall(function() return ${o} `, ctx.rng.pick(['+', '..', '<', '&', '==', '//']), ' ', wild(ctx), ' end))');
  const c = ctx.fresh('c');
  return stmt(`do local ${c} <close> = ${o} P("in scope") end`);
}

// --- sequences and the table library ------------------------------------------------------

function seqMutation(ctx) {
  const seqs = ctx.varsOf('seq', { assignable: true }).filter((v) => v.type === 'seq');
  if (!seqs.length) return null;
  const t = ctx.rng.pick(seqs).name;
  const v = () => gen(ctx, 'int');
  const forms = [
    () => stmt(`table.insert(${t}, `, v(), ')'),
    () => stmt(`table.insert(${t}, ${ctx.rng.pick(['1', `#${t} + 1`])}, `, v(), ')'),
    () => stmt(`P(table.remove(${t}))`),
    () => stmt(`P(table.remove(${t}, 1))`),
    () => stmt(`table.sort(${t})`),
    () => stmt(`table.sort(${t}, function(a, b) return a > b end)`),
    () => stmt(`${t}[#${t} + 1] = `, v()),
    () => stmt(`P(table.unpack(${t}))`),
    () => stmt(`P(table.concat(${t}, ","), #${t}, select("#", table.unpack(${t}, 2)))`),
    // moves that cannot leave holes (a hole would make # ambiguous)
    () => stmt(`P(table.concat(table.move(${t}, 1, #${t}, 1, {}), ","))`),
    () => stmt(`table.move(${t}, 1, #${t}, ${ctx.rng.pick(['1', '2', `#${t} + 1`])})`),
    () => stmt(`table.move(${t}, 2, #${t}, 1) ${t}[#${t}] = nil`),
    () => stmt(`P(next({}), type(next(${t})), rawlen(${t}))`),
  ];
  return ctx.rng.pick(forms)();
}

// --- errors ---------------------------------------------------------------------------------

function errorStmt(ctx) {
  const any = () => gen(ctx, 'any');
  const forms = [
    () => stmt('P(pcall(error, ', any(), '))'),
    () => stmt('P(pcall(error, ', any(), `, ${ctx.rng.int(0, 3)}))`),
    () => stmt('P(pcall(error))'),
    () => stmt('do local ok, e = pcall(function() error({code = ', gen(ctx, 'int'), '}) end) P(ok, type(e), e.code) end'),
    () => stmt(`do local function thrower(m) error(m, ${ctx.rng.int(1, 2)}) end P(pcall(function() thrower(`, any(), ') end)) end'),
    () => stmt('P(xpcall(function() return ', wild(ctx), ' end, function(m) return "H:" .. show(m) end))'),
    () => stmt('P(pcall(function() local ok, e = pcall(error, ', any(), ') error(e, 0) end))'),
    () => stmt('P(pcall(assert, ', any(), ', ', any(), '))'),
    () => stmt('P(pcall(error, setmetatable({}, {__tostring = function() return "E!" end})))'),
    () => stmt('P(select("#", pcall(error, nil)), pcall(pcall))'),
    () => stmt('P(pcall(function() local t = setmetatable({}, {__index = function(t, k) error("idx " .. k) end}) return t.foo end))'),
  ];
  return ctx.rng.pick(forms)();
}

// --- coroutines -----------------------------------------------------------------------------

function coroutineStmt(ctx) {
  const forms = [
    () => stmt('do local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end) P(co(', gen(ctx, 'num'), '), co(', gen(ctx, 'num'), ')) end'),
    () => stmt(`for x in coroutine.wrap(function() for i = 1, ${ctx.rng.int(0, 4)} do coroutine.yield(i, `, gen(ctx, 'any'), ') end end) do P(x) end'),
    () => stmt('do local co = coroutine.create(function(...) P(...) return ', gen(ctx, 'any'), ' end) P(coroutine.resume(', ...list(['co', ...args(ctx, 0, 2)]), ')) P(coroutine.status(co), coroutine.resume(co)) end'),
    () => stmt('do local co = coroutine.create(function() error(', gen(ctx, 'any'), ') end) P(coroutine.resume(co)) P(coroutine.status(co)) end'),
    // yields across pcall, a to-be-closed variable in a coroutine, close and wrap errors
    () => stmt('do local co = coroutine.wrap(function(a) local ok, v = pcall(function() local b = coroutine.yield(a) if b then error(b, 0) end return "no error" end) coroutine.yield(ok, v) return "end" end) P(co(', gen(ctx, 'any'), ')) P(co(', gen(ctx, 'any'), ')) P(co()) end'),
    () => stmt('do local co = coroutine.create(function() local c <close> = setmetatable({}, {__close = function(o, e) P("closed", e) end}) coroutine.yield(1) error(', gen(ctx, 'str'), ') end) P(coroutine.resume(co)) P(coroutine.', ctx.rng.pick(['close(co)', 'resume(co)', 'status(co)']), ') P(coroutine.status(co)) end'),
    () => stmt('P(pcall(function() local c <close> = setmetatable({}, {__close = function(o, e) P("closing", e) end}) ', ctx.rng.pick(['error("in scope")', 'return 1, 2', 'error({})', 'local x = nil + 1']), ' end))'),
    () => stmt('P(coroutine.isyieldable(), coroutine.running() ~= nil, select("#", coroutine.running()), coroutine.wrap(function() return coroutine.isyieldable(), coroutine.status(coroutine.running()) end)())'),
  ];
  return ctx.rng.pick(forms)();
}

// --- load -----------------------------------------------------------------------------------

const BREAKERS = ['', ')', '(', 'end', '=', '..', ' + ', 'then', '"', '[[', '::', 'goto', '}', '{', '0x', '1e', '~', '//'];

/** load() of a generated expression, intact or damaged: syntax error messages are compared. */
function loadStmt(ctx) {
  const sub = new Ctx(ctx.rng.fork());
  let src = 'return ' + render(gen(sub, 'any'));
  if (ctx.rng.chance(0.6)) {
    const at = ctx.rng.int(0, src.length);
    const cut = ctx.rng.chance(0.5) ? ctx.rng.int(0, 3) : 0;
    src = src.slice(0, at) + ctx.rng.pick(BREAKERS) + src.slice(at + cut);
  }
  const q = JSON.stringify(src).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
  return ctx.rng.chance(0.5) ? stmt(`P(load(${q}))`) : stmt(`P(pcall(load(${q}) or print))`);
}

/** For statements whose generated parts sit in a function of their own: there `...` and
 *  `break` are out of reach. */
export const inFunction = (f) => (ctx) => ctx.scoped(() => f(ctx), { fnBody: true });

export const FN_STATEMENTS = [
  [1, localFunction], [0.6, recursion], [0.8, inFunction(closures)], [0.7, varargs], [0.8, classDef],
  [1.5, inFunction(objectUse)], [1, seqMutation], [1.2, inFunction(errorStmt)], [0.4, inFunction(coroutineStmt)],
  [0.5, loadStmt],
];
