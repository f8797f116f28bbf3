// Statements and blocks: locals (incl. <const>/<close>), assignments, prints, if, numeric
// and generic for, while, repeat, goto (continue, backward loops, skipping code), do blocks.
// Functions, metatables, tables and errors are in stmts-fn.mjs. Every loop is bounded by a
// counter written as fixed text, so the shrinker cannot turn it into an endless one.
import { stmt, block, list } from './tree.mjs';
import { gen, wild, lit, bin } from './exprs.mjs';
import { FN_STATEMENTS, inFunction } from './stmts-fn.mjs';
import { patternCall, formatCall } from './strlib.mjs';

const MAX_NEST = 3;
const LOCAL_TYPES = [[3, 'int'], [2, 'float'], [2, 'num'], [3, 'str'], [1, 'bool'], [1.5, 'seq'], [0.7, 'fn']];

/** A block of n statements (each may nest further). */
export function genBlock(ctx, n, opts = {}) {
  return ctx.scoped(() => {
    const items = [];
    for (let i = 0; i < n && ctx.lines < ctx.maxLines; i++) items.push(...[genStmt(ctx)].flat());
    return block(items);
  }, opts);
}

export function genStmt(ctx) {
  ctx.lines++;
  const table = ctx.depth >= MAX_NEST ? SIMPLE : ALL;
  for (let tries = 0; tries < 10; tries++) {
    const s = ctx.rng.weighted(table)(ctx);
    if (s) return s;
  }
  return printStmt(ctx);
}

/** P(e1, ...): the only way generated code prints. */
export function printStmt(ctx, exprs) {
  if (!exprs) {
    exprs = Array.from({ length: ctx.rng.int(1, 3) }, () => {
      if (ctx.rng.chance(0.25) && ctx.vars.length) return lit(ctx.rng.pick(ctx.vars).name, 'any');
      return gen(ctx, 'any');
    });
  }
  return stmt('P(', ...list(exprs), ')');
}

function localDecl(ctx) {
  const type = ctx.rng.weighted(LOCAL_TYPES);
  const value = gen(ctx, type);
  const isConst = ctx.rng.chance(0.12);
  const reuse = ctx.rng.chance(0.05) && ctx.varsOf(type).find((v) => /^v\d+$/.test(v.name));
  const name = reuse ? reuse.name : ctx.fresh('v');
  // the new local shadows the old one: the name may now be a <const>
  for (const v of ctx.vars) if (v.name === name) v.assignable = false;
  ctx.declare(name, type, { assignable: !isConst });
  return stmt('local ', name, isConst ? ' <const>' : '', ' = ', value);
}

function multiLocal(ctx) {
  const rng = ctx.rng;
  const a = ctx.fresh('v');
  const b = ctx.fresh('v');
  const r = rng.next();
  if (r < 0.4) {
    const c = ctx.fresh('v');
    const ta = rng.weighted(LOCAL_TYPES);
    const tb = rng.weighted(LOCAL_TYPES);
    const s = stmt('local ', a, ', ', b, ', ', c, ' = ', gen(ctx, ta), ', ', gen(ctx, tb));
    ctx.declare(a, ta);
    ctx.declare(b, tb);
    ctx.declare(c, 'nil', { assignable: false });
    return s;
  }
  if (r < 0.6) {
    const s = stmt('local ', a, ', ', b, ' = math.modf(', gen(ctx, 'num'), ')');
    ctx.declare(a, 'float');
    ctx.declare(b, 'float');
    return s;
  }
  const s = stmt('local ', a, ', ', b, ' = ', patternCall(ctx, 'any'));
  ctx.declare(a, 'any', { assignable: false });
  ctx.declare(b, 'any', { assignable: false });
  return s;
}

function assign(ctx) {
  const vs = ctx.varsOf('any', { assignable: true }).filter((v) => v.type !== 'any' && v.type !== 'obj' && v.type !== 'nil');
  if (!vs.length) return null;
  const v = ctx.rng.pick(vs);
  const r = ctx.rng.next();
  if (r < 0.25) {
    const same = vs.filter((w) => w.type === v.type && w.name !== v.name);
    if (same.length) {
      const w = ctx.rng.pick(same);
      return stmt(v.name, ', ', w.name, ' = ', w.name, ', ', v.name);
    }
  }
  if (r < 0.5 && (v.type === 'int' || v.type === 'float' || v.type === 'num')) {
    const op = v.type === 'int' ? ctx.rng.pick(['+', '-', '*', '|', '~']) : ctx.rng.pick(['+', '-', '*', '/']);
    return stmt(v.name, ' = ', bin(lit(v.name, v.type), op, gen(ctx, v.type === 'int' ? 'int' : 'num'), v.type));
  }
  if (r < 0.6 && v.type === 'str') return stmt(v.name, ' = ', bin(lit(v.name, 'str'), '..', gen(ctx, 'any'), 'str'));
  return stmt(v.name, ' = ', gen(ctx, v.type));
}

/** G1..G4 = value: globals (cleared after each snippet) so errors can say "global 'G1'". */
function globalAssign(ctx) {
  const name = `G${ctx.rng.int(1, 4)}`;
  const known = ctx.vars.find((v) => v.name === name);
  const type = known ? known.type : ctx.rng.weighted(LOCAL_TYPES);
  const s = stmt(name, ' = ', gen(ctx, type));
  if (!known) ctx.declare(name, type);
  return s;
}

function ifStmt(ctx) {
  const parts = ['if ', gen(ctx, ctx.rng.chance(0.8) ? 'bool' : 'any'), ' then', genBlock(ctx, ctx.rng.int(1, 3))];
  for (let i = ctx.rng.weighted([[3, 0], [2, 1], [1, 2]]); i > 0; i--) {
    parts.push('elseif ', gen(ctx, 'bool'), ' then', genBlock(ctx, ctx.rng.int(1, 2)));
  }
  if (ctx.rng.chance(0.5)) parts.push('else', genBlock(ctx, ctx.rng.int(1, 2)));
  parts.push('end');
  return stmt(...parts);
}

// Numeric for headers: [start, limit, step?, var type, guard?]. The guard (a break on the
// first line of the body) bounds loops whose limit is huge.
const FOR_HEADERS = [
  () => ['1', '3'], () => ['0', '4', '2'], () => ['3', '1', '-1'], () => ['5', '1'], () => ['-2', '2'],
  () => ['math.maxinteger - 2', 'math.maxinteger'], () => ['math.mininteger', 'math.mininteger + 2'],
  () => ['math.mininteger + 2', 'math.mininteger', '-1'], () => ['math.maxinteger - 1', 'math.maxinteger', '3'],
  () => ['1', '2.5'], () => ['0.5', '2', '0.5', 'float'], () => ['1', '0', '-0.25', 'float'], () => ['1', '2', '0.5', 'float'],
  () => ['1', 'math.huge', null, 'int', true], () => ['-3', '-math.huge', '-1', 'int', true], () => ['1.0', '3', null, 'float'],
  () => ['3', '1.5', '-1'], () => ['0', '2^53', '2^52', 'float'], () => ['1', '3', '1'], () => ['2', '2'], () => ['1', '-1.5'],
  () => ['math.mininteger', 'math.mininteger', '-1'], () => ['1', '0.5'], () => ['0', '7', '3'],
];

function numericFor(ctx) {
  const [a, b, step, type = 'int', guard] = ctx.rng.pick(FOR_HEADERS)();
  const i = ctx.fresh('i');
  const body = ctx.scoped(() => {
    ctx.declare(i, type, { assignable: false });
    return genBlock(ctx, ctx.rng.int(1, 3), { loop: true });
  }, { loop: true });
  const head = `for ${i} = ${a}, ${b}${step ? ', ' + step : ''} do`;
  if (guard) body.items.unshift(`if ${i} > 3 or ${i} < -6 then break end`);
  return stmt(head, body, 'end');
}

function whileLoop(ctx) {
  const n = ctx.fresh('n');
  const k = ctx.rng.int(0, 4);
  const c = ctx.rng.chance(0.4) ? gen(ctx, 'bool') : lit('true', 'bool');
  const body = genBlock(ctx, ctx.rng.int(1, 3), { loop: true });
  return stmt(`do local ${n} = 0 while ${n} < ${k} and `, c, ` do ${n} = ${n} + 1`, body, 'end end');
}

function repeatLoop(ctx) {
  const n = ctx.fresh('n');
  const k = ctx.rng.int(1, 4);
  const body = genBlock(ctx, ctx.rng.int(1, 3), { loop: true });
  // the until condition sees the body's locals: here the counter declared inside
  const u = ctx.fresh('u');
  return stmt(`do local ${n} = 0 repeat ${n} = ${n} + 1`, body, `local ${u} = ${n} until ${u} >= ${k} or `, gen(ctx, 'bool'), ' end');
}

function breakStmt(ctx) {
  if (!ctx.inLoop) return null;
  return stmt('if ', gen(ctx, 'bool'), ' then break end');
}

/** goto in its three common uses: continue, a backward loop, skipping code. */
function gotoStmt(ctx) {
  const r = ctx.rng.next();
  const l = ctx.fresh('L');
  if (r < 0.4) {
    const i = ctx.fresh('i');
    const body = ctx.scoped(() => {
      ctx.declare(i, 'int', { assignable: false });
      return genBlock(ctx, ctx.rng.int(1, 3), { loop: true });
    }, { loop: true });
    return stmt(`for ${i} = 1, ${ctx.rng.int(2, 4)} do if `, gen(ctx, 'bool'), ` then goto ${l} end`, body, `::${l}:: end`);
  }
  if (r < 0.75) {
    const n = ctx.fresh('n');
    const body = genBlock(ctx, ctx.rng.int(1, 3));
    return stmt(`do local ${n} = 0 ::${l}:: ${n} = ${n} + 1`, body, `if ${n} < ${ctx.rng.int(1, 3)} then goto ${l} end end`);
  }
  // a label at the end of a block is outside the scope of the block's locals
  const skipped = genBlock(ctx, ctx.rng.int(1, 2));
  return stmt('do if ', gen(ctx, 'bool'), ` then goto ${l} end`, skipped, `::${l}:: end`);
}

function doBlock(ctx) {
  return stmt('do', genBlock(ctx, ctx.rng.int(1, 3)), 'end');
}

function ipairsLoop(ctx) {
  const k = ctx.fresh('k');
  const v = ctx.fresh('x');
  const t = gen(ctx, 'seq');
  const body = ctx.scoped(() => {
    ctx.declare(k, 'int', { assignable: false });
    ctx.declare(v, 'int', { assignable: false });
    return genBlock(ctx, ctx.rng.int(1, 2), { loop: true });
  }, { loop: true });
  return stmt(`for ${k}, ${v} in ipairs(`, t, ') do', body, 'end');
}

/** pairs over a mixed table, printed in an order that does not depend on `next`. */
function pairsLoop(ctx) {
  const t = ctx.fresh('t');
  const entries = [];
  // keys that cannot collide (the order of assignments in a constructor is unspecified) and
  // cannot be a second border (so # is well defined)
  const names = ['a', 'b', 'x', 'name'];
  const keys = ['0', '-1', '1.5', '-0.5', 'true', 'false', '"k"', '"a b"', '""', '-2^63', '0.0 - 7'];
  for (let i = ctx.rng.int(0, 5); i > 0; i--) {
    const r = ctx.rng.next();
    if (r < 0.4) entries.push(gen(ctx, 'int'));
    else if (r < 0.7 && names.length) entries.push(stmt(names.splice(ctx.rng.int(0, names.length - 1), 1)[0], ' = ', gen(ctx, 'int')));
    else if (keys.length) entries.push(stmt('[', keys.splice(ctx.rng.int(0, keys.length - 1), 1)[0], '] = ', gen(ctx, 'int')));
  }
  return stmt(
    `do local ${t} = {`, ...list(entries), '}',
    ` local c, s, ks = 0, 0, {} for k, v in pairs(${t}) do c = c + 1 s = s + v ks[#ks + 1] = tostring(k) .. ":" .. type(k) end table.sort(ks) P(c, s, #${t}, table.concat(ks, " ")) end`,
  );
}

function gmatchLoop(ctx) {
  const w = ctx.fresh('w');
  const w2 = ctx.fresh('w');
  const s = gen(ctx, 'str');
  const pat = lit(JSON.stringify(ctx.rng.pick(['%a+', '%d+', '[^,]+', '%S+', '(%w+)=(%w+)', '()', '.', '%s*', 'x*', '(a)(b?)'])), 'str');
  const body = ctx.scoped(() => {
    ctx.declare(w, 'any', { assignable: false });
    ctx.declare(w2, 'any', { assignable: false });
    return block([printStmt(ctx, [lit(w, 'any'), lit(w2, 'any')])]);
  }, { loop: true });
  return stmt(`for ${w}, ${w2} in (`, s, '):gmatch(', pat, ') do', body, 'end');
}

function pcallProbe(ctx) {
  const r = ctx.rng.next();
  if (r < 0.6) return stmt('P(pcall(function() return ', wild(ctx), ' end))');
  if (r < 0.8) return stmt('P(pcall(function() local r = ', wild(ctx), ' return r end))');
  return stmt('P(select("#", pcall(function() return ', wild(ctx), ' end)))');
}

function stringStmt(ctx) {
  return ctx.rng.chance(0.6) ? printStmt(ctx, [patternCall(ctx, 'any')]) : printStmt(ctx, [formatCall(ctx)]);
}

const EDGE_NUMS = ['math.maxinteger', 'math.mininteger', '2^53', '2^53 + 1', '9007199254740993', '2^63', '-2^63', '1e15',
  '1e16', '0.1', '-0.0', '3.0', '3', '1/0', '-1/0', '0/0', '255', '-1', '0x7fffffffffffffff + 0.0', '"10"', '" 0x1F "', '"1e1"'];
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzXZ -+.';

/** Conversions and mixed comparisons at the edges of the integer and float ranges. */
function conversions(ctx) {
  const rng = ctx.rng;
  const x = () => lit(rng.pick(EDGE_NUMS), 'num');
  const forms = [
    () => stmt('P(math.tointeger(', x(), '), math.type(', x(), '), tostring(', x(), '), ', x(), ' .. "")'),
    () => stmt('P(', x(), ` ${rng.pick(['<', '<=', '==', '>', '>='])} `, x(), ', ', x(), ` ${rng.pick(['<', '<=', '==', '~='])} `, x(), ')'),
    () => stmt('P(pcall(string.format, "%d %5.1f %g %.3a", ', x(), ', ', x(), ', ', x(), ', ', x(), '))'),
    () => stmt('P(math.floor(', x(), '), math.ceil(', x(), '), pcall(math.fmod, ', x(), ', ', x(), '))'),
    () => {
      let str = '';
      for (let i = rng.int(0, 6); i > 0; i--) str += rng.pick(DIGITS);
      return stmt(`P(tonumber(${JSON.stringify(str)}, ${rng.int(2, 36)}), tonumber(${JSON.stringify(str)}))`);
    },
    () => stmt('P(pcall(function() local t = {} t[', x(), '] = 1 t[', x(), '] = 2 local n = 0 for _ in pairs(t) do n = n + 1 end return n, t[', x(), '] end))'),
    () => stmt('P(pcall(function() return ', x(), ` ${rng.pick(['//', '%', '&', '|', '<<', '>>', '~'])} `, x(), ' end))'),
    () => stmt(`P(pcall(function() local n = 0 for i = `, x(), ', ', x(), `, ${rng.pick(['1', '-1', '2^62', '0.5', 'math.maxinteger', 'math.mininteger'])} do n = n + 1 if n > 3 then break end end return n end))`),
  ];
  return rng.pick(forms)();
}

const PACK_ITEMS = ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'j', 'J', 'T', 'f', 'd', 'n', 'i1', 'I2', 'i3', 'I5', 'i8',
  'i16', 's1', 's', 'z', 'x', 'Xi4', '<', '>', '=', '!', '!4', ' '];
const UTF8_STRINGS = ['"héllo"', '"\\xff"', '"a\\u{10FFFF}b"', '"\\xe4\\xb8"', '"\\u{7FF}\\u{800}"', '""', '"abc"', '"\\xc0\\x80"',
  '"\\u{D7FF}"', '"\\xed\\xa0\\x80"', '"\\u{7FFFFFFF}"'];

/** string.pack/unpack/packsize and the utf8 library on generated formats and strings. */
function binaryStrings(ctx) {
  const rng = ctx.rng;
  if (rng.chance(0.5)) {
    let fmt = '';
    const vals = [];
    for (let i = rng.int(1, 4); i > 0; i--) {
      const it = rng.pick(PACK_ITEMS);
      fmt += it;
      if (/^[bBhHiIlLjJT]/.test(it)) vals.push(gen(ctx, 'int'));
      else if (/^[fdn]/.test(it)) vals.push(gen(ctx, 'num'));
      else if (/^[sz]/.test(it)) vals.push(gen(ctx, 'str'));
    }
    const f = JSON.stringify(fmt);
    return rng.pick([
      () => stmt(`P(pcall(string.pack, ${f}, `, ...list(vals.length ? vals : [lit('1', 'int')]), '))'),
      () => stmt(`P(pcall(function() return string.unpack(${f}, string.pack(${f}, `, ...list(vals.length ? vals : [lit('1', 'int')]), '))  end))'),
      () => stmt(`P(pcall(string.packsize, ${f}), pcall(string.unpack, ${f}, `, gen(ctx, 'str'), ', ', lit(String(rng.int(-3, 5)), 'int'), '))'),
    ])();
  }
  const u = () => lit(rng.pick(UTF8_STRINGS), 'str');
  return rng.pick([
    () => stmt('P(utf8.len(', u(), '), pcall(utf8.codepoint, ', u(), ', 1, -1))'),
    () => stmt('P(pcall(utf8.char, ', ...list(Array.from({ length: rng.int(1, 3) }, () => lit(rng.pick(['65', '0x7FF', '0x10FFFF', '0x110000', '-1', '0x7FFFFFFF', '233']), 'int'))), '))'),
    () => stmt('P(pcall(utf8.offset, ', u(), `, ${rng.int(-3, 4)}, ${rng.int(-2, 6)}))`),
    () => stmt('P(pcall(function() local t = {} for p, c in utf8.codes(', u(), ') do t[#t + 1] = p .. ":" .. c end return table.concat(t, " ") end))'),
    () => stmt('P(utf8.len(', u(), `, ${rng.int(-3, 4)}, ${rng.int(-3, 8)}, ${rng.pick(['true', 'false'])}), utf8.charpattern)`),
  ])();
}

const SIMPLE = [
  [5, localDecl], [1, multiLocal], [4, assign], [1, globalAssign], [6, printStmt], [2, inFunction(pcallProbe)],
  [2, stringStmt], [1, breakStmt], [1.5, inFunction(conversions)], [1, inFunction(binaryStrings)],
];

const ALL = [
  ...SIMPLE,
  [2, ifStmt], [1.5, numericFor], [1, whileLoop], [1, repeatLoop], [1, gotoStmt], [0.5, doBlock],
  [1, ipairsLoop], [1, pairsLoop], [0.7, gmatchLoop],
  ...FN_STATEMENTS,
];

