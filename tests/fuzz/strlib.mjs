// String library calls with generated patterns, replacements and format strings.
// Patterns are built from items (classes, sets, quantifiers, captures, %b, %f, back
// references, anchors) and written as Lua string literals; `wild` lets them be malformed.
import { expr } from './tree.mjs';
import { randomWord } from './values.mjs';
import { gen, lit, call, meth, ALT } from './exprs.mjs';

const SPECIAL = '^$()%.[]*+-?';
const CLASSES = ['%a', '%d', '%s', '%w', '%p', '%l', '%u', '%x', '%c', '%A', '%D', '%S', '%W', '.', '.'];
const SETS = ['[abc]', '[%a_]', '[^%s]', '[a-f]', '[%d.]', '[]]', '[^]]', '[%(%)]', '[x-]', '[^%w%s]', '[A-Z0-9]'];
const BROKEN = ['(', '%', '[a', '(()', '%b', '%f', '%fx', '%9', ')', '[%', '%bx', '(%1)', '[^'];

/** A pattern over the subject alphabet; returns {src, captures}. */
export function pattern(rng, wild = false) {
  const st = { captures: 0, closed: 0 };
  let src = items(rng, st, 0);
  if (rng.chance(0.2)) src = '^' + src;
  if (rng.chance(0.15)) src += '$';
  if (wild && rng.chance(0.5)) src = rng.chance(0.5) ? src + rng.pick(BROKEN) : rng.pick(BROKEN) + src;
  return { src, captures: st.captures };
}

function items(rng, st, depth) {
  let s = '';
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) s += item(rng, st, depth);
  return s;
}

function item(rng, st, depth) {
  const r = rng.next();
  if (r < 0.12 && depth < 2) {
    st.captures++;
    const inner = items(rng, st, depth + 1);
    st.closed++;
    return `(${inner})`;
  }
  if (r < 0.16) {
    st.captures++;
    st.closed++;
    return '()';
  }
  if (r < 0.2) return rng.pick(['%b()', '%bxy', '%f[%w]', '%f[%W]', '%f[%d]']);
  if (r < 0.23 && st.closed > 0) return `%${rng.int(1, st.closed)}`;
  let single;
  const k = rng.next();
  if (k < 0.4) {
    const ch = rng.pick('aabbcxyz12 ,.-()_%AB');
    single = SPECIAL.includes(ch) ? '%' + ch : ch;
  } else if (k < 0.75) single = rng.pick(CLASSES);
  else single = rng.pick(SETS);
  return single + rng.weighted([[5, ''], [2, '*'], [2, '+'], [1, '-'], [1, '?']]);
}

const luaStr = (s) => JSON.stringify(s); // printable ASCII only: JSON and Lua agree

function subject(ctx) {
  return ctx.rng.chance(0.5) ? lit(luaStr(randomWord(ctx.rng, 16)), 'str') : gen(ctx, 'str');
}

/** A gsub replacement: a string with %0..%n, a table or a function. */
function replacement(ctx, captures, wild) {
  const rng = ctx.rng;
  const r = rng.next();
  if (r < 0.55) {
    let s = '';
    for (let i = rng.int(0, 3); i > 0; i--) {
      s += rng.pick(['<', '>', '-', 'X', '%%', `%${rng.int(0, Math.max(1, captures))}`, '%0']);
    }
    if (wild && rng.chance(0.3)) s += rng.pick(['%', '%x', '%9']);
    return lit(luaStr(s), 'str');
  }
  if (r < 0.75) {
    const vals = ['"A"', '1', '2.5', 'false', ...(wild ? ['true', '{}'] : [])];
    return lit(`{a = ${rng.pick(vals)}, b = ${rng.pick(vals)}, x = ${rng.pick(vals)}, [" "] = "_"}`, 'any');
  }
  return lit(
    rng.pick([
      '(function(a) return a .. a end)',
      '(function(...) return select("#", ...) end)',
      '(function(a) return nil end)',
      '(function(a, b) return tostring(b) end)',
      '(function(a) if a == "a" then return false end return "[" .. a .. "]" end)',
      ...(wild ? ['(function(a) return {} end)', '(function(a) error("in repl") end)'] : []),
    ]),
    'any',
  );
}

/** A call of find/match/gmatch/gsub. type 'str' wraps it so the result is one string;
 *  'any' leaves all results (a print shows them). */
export function patternCall(ctx, type, wild = false) {
  const rng = ctx.rng;
  const p = pattern(rng, wild);
  const pat = lit(luaStr(p.src), 'str');
  const which = rng.pick(['find', 'match', 'gmatch', 'gsub', 'gsub']);
  // gmatch's subject sits inside a function (where ... is out of reach)
  const s = which === 'gmatch' ? ctx.scoped(() => subject(ctx), { fnBody: true }) : subject(ctx);
  const init = () => lit(String(rng.int(-6, 10)), 'int');
  let c;
  if (which === 'find') {
    const extra = rng.chance(0.4) ? [init(), ...(rng.chance(0.3) ? [lit(rng.pick(['true', 'false', 'nil']), 'any')] : [])] : [];
    c = meth(s, 'find', [pat, ...extra], 'any');
  } else if (which === 'match') c = meth(s, 'match', [pat, ...(rng.chance(0.3) ? [init()] : [])], 'any');
  else if (which === 'gsub') {
    const n = rng.chance(0.25) ? [lit(String(rng.int(-1, 3)), 'int')] : [];
    c = meth(s, 'gsub', [pat, replacement(ctx, p.captures, wild), ...n], 'any');
  } else {
    // gmatch collected into one string; at most len+1 matches, so it terminates
    return expr(['(function() local t = {} for a, b in ', meth(s, 'gmatch', [pat], 'any'), ' do t[#t + 1] = tostring(a) .. (b and "/" .. tostring(b) or "") end return table.concat(t, "|") end)()'], ALT.str);
  }
  if (type === 'any') return c;
  if (which === 'gsub') return expr(['(', c, ')'], ALT.str);
  return expr(['table.concat({', c, '}, ",")'], ALT.str);
}

// --- string.format -----------------------------------------------------------------------

const CONV = {
  d: 'int', i: 'int', x: 'int', X: 'int', o: 'int', c: 'char', e: 'num', E: 'num', f: 'num', g: 'num',
  G: 'num', a: 'num', A: 'num', s: 'sarg', q: 'qarg',
};

// the flags Lua 5.4 accepts per conversion (others raise "invalid conversion")
const FLAGS = { d: '-+ 0', i: '-+ 0', x: '-#0', X: '-#0', o: '-#0', c: '-', s: '-', q: '' };
for (const c of 'eEfgGaA') FLAGS[c] = '-+ #0';

function spec(rng, wild) {
  const conv = rng.weighted([[3, 'd'], [1, 'i'], [2, 'x'], [1, 'X'], [1, 'o'], [1, 'c'], [2, 'e'], [1, 'E'],
    [3, 'f'], [3, 'g'], [1, 'G'], [0.3, 'a'], [0.2, 'A'], [4, 's'], [2, 'q'], [1, '%']]);
  if (conv === '%') return { text: '%%' };
  let mods = '';
  if (conv !== 'q' || wild) {
    const flagsFor = wild ? '-+ #0' : FLAGS[conv];
    for (let i = rng.int(0, 2); i > 0; i--) mods += rng.pick(flagsFor);
    if (rng.chance(0.4)) mods += String(rng.int(0, wild ? 120 : 20));
    if (rng.chance(0.4) && conv !== 'c') mods += '.' + String(rng.int(0, wild ? 120 : 20));
  }
  return { text: '%' + mods + conv, arg: CONV[conv] };
}

function formatArg(ctx, kind, wild) {
  if (wild && ctx.rng.chance(0.3)) return gen(ctx, 'any');
  switch (kind) {
    case 'int': return ctx.rng.chance(0.85) ? gen(ctx, 'int') : lit(ctx.rng.pick(['3.0', '-0.0', '"42"', '2^53']), 'num');
    case 'char': return lit(String(ctx.rng.int(32, 126)), 'int');
    case 'num': return gen(ctx, 'num');
    case 'sarg': return gen(ctx, ctx.rng.pick(['str', 'str', 'num', 'bool', 'nil']));
    default: return gen(ctx, ctx.rng.pick(['str', 'int', 'float', 'nil', 'bool']));
  }
}

/** string.format with a generated format string and matching arguments. */
export function formatCall(ctx, wild = false) {
  const rng = ctx.rng;
  let fmt = '';
  const argv = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    if (rng.chance(0.5)) fmt += rng.pick(['<', '|', ' ', 'x=', ':', '']);
    const sp = spec(rng, wild);
    fmt += sp.text;
    if (sp.arg) argv.push(formatArg(ctx, sp.arg, wild));
  }
  if (wild && rng.chance(0.3)) fmt += rng.pick(['%', '%y', '%10q', '%-', '%.', '%l']);
  if (wild && rng.chance(0.2)) argv.pop();
  const f = lit(luaStr(fmt), 'str');
  return rng.chance(0.3) ? meth(f, 'format', argv, 'str') : call('string.format', [f, ...argv], 'str');
}
