// Typed expressions. gen(ctx, type) returns an expression node whose value has that type
// (see ctx.mjs), so most generated code runs without errors; wild(ctx) returns one that
// mixes types on purpose and usually raises an error (used inside pcall probes).
import { expr, list } from './tree.mjs';
import { intLit, floatLit, strLit, numStrLit, FIELDS } from './values.mjs';
import { patternCall, formatCall } from './strlib.mjs';

export const ALT = {
  int: '1', float: '1.5', num: '2', str: '"s"', bool: 'true', nil: 'nil', seq: '{1, 2}',
  fn: '(function(x) return x end)', obj: 'nil', any: 'nil',
};
const MAX_DEPTH = 4;

export const lit = (text, type) => expr([text], ALT[type]);
export const bin = (a, op, b, type) => expr(['(', a, ` ${op} `, b, ')'], ALT[type]);
export const un = (op, a, type) => expr([op, '(', a, ')'], ALT[type]);
export const call = (fn, args, type) => expr([fn, '(', ...list(args), ')'], ALT[type]);
export const meth = (obj, name, args, type) => expr(['(', obj, `):${name}(`, ...list(args), ')'], ALT[type]);

/** A variable of the type, or null when none is in scope. */
function varOf(ctx, type) {
  const vs = ctx.varsOf(type).filter((v) => v.type !== 'obj' || type === 'obj');
  return vs.length ? lit(ctx.rng.pick(vs).name, type) : null;
}

/** An integer that is never zero: a literal, or an expression with its low bit forced on. */
function nonZero(ctx) {
  return ctx.rng.chance(0.5) ? lit(ctx.rng.pick(['1', '2', '3', '-1', '7', '-3', '16']), 'int') : bin(gen(ctx, 'int'), '|', lit('1', 'int'), 'int');
}

const small = (ctx) => lit(String(ctx.rng.int(-8, 8)), 'int');

// --- producers per type: [weight, (ctx) => node | null] -------------------------------------

const INT = [
  [3, (c) => lit(intLit(c.rng), 'int')],
  [5, (c) => varOf(c, 'int')],
  [3, (c) => bin(gen(c, 'int'), c.rng.pick(['+', '-', '*']), gen(c, 'int'), 'int')],
  [2, (c) => bin(gen(c, 'int'), c.rng.pick(['//', '%']), nonZero(c), 'int')],
  [2, (c) => bin(gen(c, 'int'), c.rng.pick(['&', '|', '~']), gen(c, 'int'), 'int')],
  [1, (c) => bin(gen(c, 'int'), c.rng.pick(['<<', '>>']), c.rng.chance(0.7) ? lit(String(c.rng.int(-3, 70)), 'int') : gen(c, 'int'), 'int')],
  [1, (c) => un(c.rng.pick(['-', '~']), gen(c, 'int'), 'int')],
  [1, (c) => un('#', gen(c, c.rng.pick(['str', 'seq'])), 'int')],
  [1, (c) => call(c.rng.pick(['math.max', 'math.min']), [gen(c, 'int'), gen(c, 'int')], 'int')],
  [0.5, (c) => call('math.abs', [gen(c, 'int')], 'int')],
  [0.5, (c) => call('select', [lit('"#"', 'str'), ...args(c, 0, 3)], 'int')],
  [0.5, (c) => (c.vararg ? call('select', [lit('"#"', 'str'), lit('...', 'any')], 'int') : null)],
  [0.5, (c) => cond(c, 'int')],
  [0.5, (c) => call('math.floor', [lit(c.rng.pick(['3.7', '-3.5', '0.5', '-0.0', '1e15', '2^53']), 'float')], 'int')],
  [0.5, (c) => bin(gen(c, 'int'), '//', lit('1', 'int'), 'int')],
  [0.5, (c) => fnCall(c, 'int')],
  [0.5, (c) => objExpr(c, 'int')],
];

const FLOAT = [
  [3, (c) => lit(floatLit(c.rng), 'float')],
  [4, (c) => varOf(c, 'float')],
  [2, (c) => bin(gen(c, 'num'), '/', gen(c, 'num'), 'float')],
  // exponents where V8's Math.pow and glibc's pow agree to the last bit (x*x, 1/x, 1, 0),
  // and exact powers of two; other results can differ by an ulp (see README.md)
  [1, (c) => bin(gen(c, 'num'), '^', lit(c.rng.pick(['2', '0', '1', '2.0', '-1']), 'num'), 'float')],
  [0.5, (c) => bin(lit(c.rng.pick(['2', '-2', '0.5', '2.0']), 'num'), '^', lit(String(c.rng.int(-1080, 1030)), 'int'), 'float')],
  [2, (c) => bin(gen(c, 'float'), c.rng.pick(['+', '-', '*', '//', '%']), gen(c, 'num'), 'float')],
  [1, (c) => bin(gen(c, 'num'), c.rng.pick(['%', '//']), gen(c, 'float'), 'float')],
  [1, (c) => call(c.rng.pick(['math.sqrt', 'math.abs']), [gen(c, 'float')], 'float')],
  [0.5, (c) => call('math.fmod', [gen(c, 'float'), gen(c, 'num')], 'float')],
  // only exact logarithms: V8's Math.log and Math.exp can be 1 ulp off glibc's (see README)
  [0.3, (c) => call('math.log', [lit(c.rng.pick(['8', '1024', '0.125', '2^60', '1', '-8', '0']), 'num'), lit('2', 'int')], 'float')],
  [0.3, (c) => call('math.log', [lit(c.rng.pick(['100', '1e15', '0.001', '1', '-10']), 'num'), lit('10', 'int')], 'float')],
  [0.2, (c) => call(c.rng.pick(['math.exp', 'math.log']), [lit(c.rng.pick(['0', '1', '-0.0', '1/0', '-1/0', '0/0']), 'num')], 'float')],
  [1, (c) => un('-', gen(c, 'float'), 'float')],
  [1, (c) => bin(gen(c, 'int'), '+', lit('0.0', 'float'), 'float')],
  [0.5, (c) => cond(c, 'float')],
  [0.5, (c) => expr(['(', call('math.modf', [gen(c, 'float')], 'float'), ')'], '1.5')],
];

const NUM = [
  [4, (c) => gen(c, c.rng.chance(0.5) ? 'int' : 'float')],
  [1, (c) => bin(lit(numStrLit(c.rng), 'str'), c.rng.pick(['+', '-', '*', '%', '//']), nonZero(c), 'num')],
  [0.5, (c) => bin(gen(c, 'num'), c.rng.pick(['+', '*']), lit(numStrLit(c.rng), 'str'), 'num')],
  [0.5, (c) => un('-', lit(numStrLit(c.rng), 'str'), 'num')],
  [1, (c) => call(c.rng.pick(['math.floor', 'math.ceil']), [gen(c, 'num')], 'num')],
  [1, (c) => call(c.rng.pick(['math.max', 'math.min']), [gen(c, 'num'), gen(c, 'num'), ...(c.rng.chance(0.3) ? [gen(c, 'num')] : [])], 'num')],
  [0.5, (c) => call('math.fmod', [gen(c, 'int'), nonZero(c)], 'num')],
  [1, (c) => fnCall(c, 'num')],
  [1, (c) => objExpr(c, 'num')],
  [0.5, (c) => expr(['(', call('tonumber', [lit(numStrLit(c.rng), 'str')], 'num'), ' or 0)'], '2')],
];

const STR = [
  [3, (c) => lit(strLit(c.rng), 'str')],
  [4, (c) => varOf(c, 'str')],
  [3, (c) => bin(gen(c, c.rng.chance(0.6) ? 'str' : 'num'), '..', gen(c, c.rng.chance(0.6) ? 'str' : 'num'), 'str')],
  [1, (c) => call('string.rep', [gen(c, 'str'), lit(String(c.rng.int(0, 4)), 'int'), ...(c.rng.chance(0.3) ? [gen(c, 'str')] : [])], 'str')],
  [2, (c) => meth(gen(c, 'str'), 'sub', [small(c), ...(c.rng.chance(0.6) ? [small(c)] : [])], 'str')],
  [1, (c) => meth(gen(c, 'str'), c.rng.pick(['upper', 'lower', 'reverse']), [], 'str')],
  [2, (c) => formatCall(c)],
  [2, (c) => call('tostring', [gen(c, c.rng.pick(['num', 'num', 'bool', 'int', 'float']))], 'str')],
  [1, (c) => call('table.concat', [gen(c, 'seq'), ...(c.rng.chance(0.6) ? [gen(c, 'str')] : [])], 'str')],
  [0.5, (c) => call('string.char', Array.from({ length: c.rng.int(0, 3) }, () => lit(String(c.rng.int(32, 126)), 'int')), 'str')],
  [0.3, (c) => call('utf8.char', Array.from({ length: c.rng.int(1, 3) }, () => lit(c.rng.pick(['72', '233', '8364', '128512', '0x7FF', '0']), 'int')), 'str')],
  [2, (c) => patternCall(c, 'str')],
  [0.5, (c) => cond(c, 'str')],
  [0.5, (c) => objExpr(c, 'str')],
];

const BOOL = [
  [1, (c) => lit(c.rng.pick(['true', 'false']), 'bool')],
  [2, (c) => varOf(c, 'bool')],
  [3, (c) => bin(gen(c, 'num'), c.rng.pick(['<', '<=', '>', '>=', '==', '~=']), gen(c, 'num'), 'bool')],
  [1, (c) => bin(gen(c, 'str'), c.rng.pick(['<', '<=', '>', '>=']), gen(c, 'str'), 'bool')],
  [2, (c) => bin(gen(c, 'any'), c.rng.pick(['==', '~=']), gen(c, 'any'), 'bool')],
  [1, (c) => un('not ', gen(c, 'any'), 'bool')],
  [1, (c) => bin(gen(c, 'bool'), c.rng.pick(['and', 'or']), gen(c, 'bool'), 'bool')],
  [0.5, (c) => bin(call('math.type', [gen(c, 'num')], 'str'), '==', lit('"integer"', 'str'), 'bool')],
  [0.5, (c) => call('math.ult', [gen(c, 'int'), gen(c, 'int')], 'bool')],
  [0.5, (c) => call('rawequal', [gen(c, 'any'), gen(c, 'any')], 'bool')],
  [0.5, (c) => objExpr(c, 'bool')],
];

const SEQ = [
  [3, (c) => expr(['{', ...list(Array.from({ length: c.rng.int(0, 5) }, () => gen(c, 'int'))), '}'], ALT.seq)],
  [3, (c) => varOf(c, 'seq')],
  [0.5, (c) => expr(['{', meth(gen(c, 'str'), 'byte', [lit('1', 'int'), lit('-1', 'int')], 'int'), '}'], ALT.seq)],
  [0.5, (c) => (c.vararg ? expr(['{select(2, 0, ...)}'], ALT.seq) : null)],
];

const FN = [
  [2, (c) => varOf(c, 'fn')],
  [1, (c) => lambda(c)],
];

const NIL = [[1, () => lit('nil', 'nil')]];

const BY_TYPE = { int: INT, float: FLOAT, num: NUM, str: STR, bool: BOOL, seq: SEQ, fn: FN, nil: NIL };

/** An expression of the given type. */
export function gen(ctx, type) {
  if (type === 'any') type = ctx.rng.weighted([[3, 'int'], [3, 'float'], [4, 'str'], [2, 'bool'], [1, 'nil'], [1, 'seq'], [0.3, 'fn']]);
  if (type === 'obj') return varOf(ctx, 'obj') ?? lit('nil', 'nil');
  const table = BY_TYPE[type];
  if (ctx.exprDepth >= MAX_DEPTH) return leaf(ctx, type);
  ctx.exprDepth++;
  try {
    if (ctx.rng.chance(0.06)) {
      const s = sigCall(ctx, type);
      if (s) return s;
    }
    for (let tries = 0; tries < 8; tries++) {
      const node = ctx.rng.weighted(table)(ctx);
      if (node) return node;
    }
    return leaf(ctx, type);
  } finally {
    ctx.exprDepth--;
  }
}

function leaf(ctx, type) {
  if (ctx.rng.chance(0.6)) {
    const v = varOf(ctx, type);
    if (v) return v;
  }
  switch (type) {
    case 'int': return lit(intLit(ctx.rng), 'int');
    case 'float': return lit(floatLit(ctx.rng), 'float');
    case 'num': return lit(ctx.rng.chance(0.5) ? intLit(ctx.rng) : floatLit(ctx.rng), 'num');
    case 'str': return lit(strLit(ctx.rng), 'str');
    case 'bool': return lit(ctx.rng.pick(['true', 'false']), 'bool');
    case 'seq': return lit('{1, 2, 3}', 'seq');
    case 'fn': return lit('(function(x) return x * 2 end)', 'fn');
    default: return lit('nil', 'nil');
  }
}

/** n..m arguments of random types. */
export function args(ctx, n, m) {
  return Array.from({ length: ctx.rng.int(n, m) }, () => gen(ctx, 'any'));
}

/** `(cond and a or b)`: typed only for types whose values are never false or nil. */
function cond(ctx, type) {
  return expr(['(', gen(ctx, 'bool'), ' and ', gen(ctx, type), ' or ', gen(ctx, type), ')'], ALT[type]);
}

/** A function value number → number: `function(x) return <num expr in x> end`. */
function lambda(ctx) {
  // a lambda calls no generated function: assigned to a variable it might call, it would
  // recurse for ever
  const body = ctx.scoped(() => {
    ctx.declare('x', 'num', { assignable: false });
    ctx.inLambda = (ctx.inLambda ?? 0) + 1;
    try {
      return gen(ctx, 'num');
    } finally {
      ctx.inLambda--;
    }
  }, { fnBody: true });
  return expr(['(function(x) return ', body, ' end)'], ALT.fn);
}

/** Calls a function-typed value: f(num). Numbers in, numbers out. */
function fnCall(ctx, type) {
  if (type === 'int' || ctx.inLambda) return null;
  const f = varOf(ctx, 'fn');
  if (!f) return null;
  return expr([f, '(', gen(ctx, 'num'), ')'], ALT[type]);
}

/** Calls a local function whose return type fits (see stmts-fn localFunction). */
function sigCall(ctx, type) {
  if (ctx.inLambda) return null;
  const fits = (r) => r === type || (type === 'num' && (r === 'int' || r === 'float'));
  const fs = ctx.vars.filter((v) => v.type === 'sig' && fits(v.sig.ret));
  if (!fs.length) return null;
  const f = ctx.rng.pick(fs);
  return expr([f.name, '(', ...list(f.sig.params.map((t) => gen(ctx, t))), ')'], ALT[type]);
}

// --- objects: operators that reach the class's metamethods ----------------------------------

const ARITH = { __add: '+', __sub: '-', __mul: '*', __div: '/', __mod: '%', __idiv: '//', __pow: '^' };
const BITS = { __band: '&', __bor: '|', __bxor: '~', __shl: '<<', __shr: '>>' };

function objExpr(ctx, type) {
  const objs = ctx.vars.filter((v) => v.type === 'obj');
  if (!objs.length) return null;
  const o = ctx.rng.pick(objs);
  const self = lit(o.name, 'obj');
  const mms = o.cls.mms;
  const options = [];
  const swap = (a, b) => (ctx.rng.chance(0.3) ? [b, a] : [a, b]);
  if (type === 'num') {
    for (const [mm, op] of Object.entries(ARITH)) {
      if (mms.has(mm)) options.push(() => bin(...interleave(swap(self, op === '%' || op === '//' ? nonZero(ctx) : gen(ctx, 'num')), op), 'num'));
    }
    if (mms.has('__unm')) options.push(() => un('-', self, 'num'));
    if (mms.has('__call')) options.push(() => expr([self, '(', gen(ctx, 'num'), ')'], ALT.num));
  }
  if (type === 'int') {
    for (const [mm, op] of Object.entries(BITS)) if (mms.has(mm)) options.push(() => bin(...interleave(swap(self, gen(ctx, 'int')), op), 'int'));
    if (mms.has('__bnot')) options.push(() => un('~', self, 'int'));
    if (mms.has('__len')) options.push(() => un('#', self, 'int'));
  }
  if (type === 'str') {
    if (mms.has('__concat')) options.push(() => bin(...interleave(swap(self, gen(ctx, ctx.rng.pick(['str', 'num']))), '..'), 'str'));
    if (mms.has('__tostring')) options.push(() => call('tostring', [self], 'str'));
  }
  if (type === 'bool') {
    const other = () => gen(ctx, 'obj');
    if (mms.has('__eq')) options.push(() => bin(self, ctx.rng.pick(['==', '~=']), other(), 'bool'));
    if (mms.has('__lt')) options.push(() => bin(...interleave(swap(self, ctx.rng.chance(0.5) ? other() : gen(ctx, 'num')), ctx.rng.pick(['<', '>'])), 'bool'));
    if (mms.has('__le')) options.push(() => bin(...interleave(swap(self, ctx.rng.chance(0.5) ? other() : gen(ctx, 'num')), ctx.rng.pick(['<=', '>='])), 'bool'));
  }
  return options.length ? ctx.rng.pick(options)() : null;
}

const interleave = ([a, b], op) => [a, op, b];

// --- wild expressions: mixed types, usually an error -----------------------------------------

const ANY_OPS = ['+', '-', '*', '/', '//', '%', '^', '&', '|', '~', '<<', '>>', '..', '<', '<=', '>', '==', 'and', 'or'];

/** An operand for a wild expression: preferably a variable (so the error names it). */
function wildOperand(ctx, noCompare = false) {
  const r = ctx.rng.next();
  if (r < 0.45 && ctx.vars.length) {
    const v = ctx.rng.pick(ctx.vars);
    return lit(v.name, v.type);
  }
  if (r < 0.55) return lit(ctx.rng.pick(['G9', 'G8', 'nil', 'true', '{}', 'print', 'math', '"3"', '"0x10"', '2.5', '(1/0)', '1']), 'any');
  if (r < 0.65) return lit(`${ctx.rng.pick(ctx.vars.length ? ctx.vars : [{ name: 'G9' }]).name}.${ctx.rng.pick(FIELDS)}`, 'any');
  return gen(ctx, noCompare ? ctx.rng.pick(['int', 'float', 'str', 'nil', 'seq']) : 'any');
}

/** The object of an index: a variable's bare name, or any operand in parentheses. */
function prefix(ctx) {
  if (ctx.vars.length && ctx.rng.chance(0.4)) return ctx.rng.pick(ctx.vars).name;
  return expr(['(', wildOperand(ctx), ')'], 'nil');
}

const WILD = [
  [6, (c) => bin(wildOperand(c), c.rng.pick(ANY_OPS), wildOperand(c), 'any')],
  [2, (c) => un(c.rng.pick(['-', '~', '#', 'not ']), wildOperand(c), 'any')],
  [2, (c) => expr([prefix(c), '.', c.rng.pick(FIELDS), '.', c.rng.pick(FIELDS)], 'nil')],
  // no comparison as the key: lua5.4.4 miscompiles t[a < b] when t is an upvalue
  // ("attempt to index a number value")
  [1, (c) => expr([prefix(c), '[ ', wildOperand(c, true), ' ]'], 'nil')],
  [2, (c) => expr(['(', wildOperand(c), ')(', ...list(args(c, 0, 2)), ')'], 'nil')],
  [1, (c) => expr([c.rng.pick(c.vars.length ? c.vars : [{ name: 'G9' }]).name, `:${c.rng.pick(['foo', 'len', 'rep', 'sub', 'upper'])}(`, ...list(args(c, 0, 2)), ')'], 'nil')],
  [1, (c) => expr([c.rng.pick(['G9', 'G8']), '(', ...list(args(c, 0, 1)), ')'], 'nil')],
  [3, (c) => libMisuse(c)],
  [2, (c) => patternCall(c, 'any', true)],
  [1, (c) => formatCall(c, true)],
  [1, (c) => bin(wildOperand(c), c.rng.pick(['//', '%']), lit(c.rng.pick(['0', '0.0', '-0.0', '"0"']), 'num'), 'any')],
  [1, (c) => bin(gen(c, 'num'), c.rng.pick(['&', '|', '<<']), lit(c.rng.pick(['1.5', '2^63', '"3"', '(0/0)', '"1.0"', '3.0', '-0.0', '"0x7"']), 'num'), 'any')],
];

const LIB_MISUSE = [
  'math.floor("x")', 'math.floor({})', 'string.rep()', '("x"):rep("y")', 'table.concat({{}})', 'table.concat({1, {}, 3})',
  'table.insert({}, 1, 2, 3)', 'table.insert({}, 5, 1)', 'setmetatable(1, {})', 'ipairs()', 'select(0, 1)', 'select(-3, 1)',
  'string.char(256)', 'utf8.char(-1)', 'tostring()', '("x"):sub()', 'math.tointeger()', 'tonumber(10, 16)',
  'tonumber("z", 37)', 'string.format("%d", 1.5)', 'string.format("%d", "1.0")', 'math.max()', 'table.unpack({}, 1, 1e8)',
  'setmetatable({}, 1)', 'rawlen(5)', 'rawget("x", 1)', 'next({}, "nope")', 'string.byte("abc", {})', 'math.fmod(1, 0)',
  'math.fmod(1.0, 0)', 'table.remove({}, 5)', 'table.sort({3, "a", 1})', 'table.sort({1, 2, 3}, 5)', 'string.rep("x", -1)',
  'utf8.codepoint("\\xff")', 'utf8.len("abc", 5)', 'load("x =")()', 'load(5)', 'select("x")', 'math.abs(nil)',
  'string.len(nil)', '("abc"):find({})', 'string.gsub("abc", "b", true)', 'os.time({})', 'assert(false)',
  'assert(nil, "boom")', 'assert(false, {})', 'error()', 'error(nil)', 'error("msg", 0)', 'error("msg")',
  'error(setmetatable({}, {__tostring = function() return "TS" end}))', 'getmetatable("x").__index.nope()',
  'tostring(nil) .. nil', 'math.random(2, 1)', 'coroutine.resume(1)', 'coroutine.wrap(function() error("in co") end)()',
  'string.pack("i4", 2^40)', 'table.move({}, 1, math.maxinteger, 2)', 'utf8.offset("abc", 1, 9)',
];

function libMisuse(ctx) {
  return lit(ctx.rng.pick(LIB_MISUSE), 'any');
}

/** An expression that mixes types freely; usually raises an error. */
export function wild(ctx) {
  ctx.exprDepth++;
  try {
    return ctx.rng.weighted(WILD)(ctx);
  } finally {
    ctx.exprDepth--;
  }
}
