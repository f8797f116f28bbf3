// Whole programs. A batch is a prelude, many independent snippets (each a function run by
// S under pcall, so one failing snippet does not stop the rest) and sometimes a tail that
// ends the program with an uncaught error or os.exit. In a batch, S prints a marker line
// before each snippet so outputs can be compared snippet by snippet.
import { Rng, programSeed } from './rng.mjs';
import { Ctx } from './ctx.mjs';
import { stmt, block, render, renderTop } from './tree.mjs';
import { genBlock } from './stmts.mjs';
import { gen } from './exprs.mjs';

export const MARK = '@@';

// show: a deterministic text for any value (tables as their sequence part, never addresses).
const SHOW = `local function show(v, d)
  local t = type(v)
  if t == "string" then return (string.format("%q", v))
  elseif t == "table" then
    if (d or 0) > 2 then return "{...}" end
    local out = {}
    for i = 1, math.min(rawlen(v), 8) do out[i] = show(rawget(v, i), (d or 0) + 1) end
    return "{" .. table.concat(out, ",") .. "}"
  elseif t == "function" or t == "thread" or t == "userdata" then return t
  else return tostring(v) end
end
local function P(...)
  local out = {}
  for i = 1, select("#", ...) do out[i] = show((select(i, ...))) end
  print(table.concat(out, "\\t"))
end
`;

/** The prelude: show, P, and S (which runs a snippet; in a batch it also prints a marker). */
export function prelude(batch) {
  return SHOW + `local NS = 0
local function S(f)
${batch ? `  NS = NS + 1 print("${MARK}" .. NS)\n` : ''}  local ok, e = pcall(f)
  if not ok then P("ERR", e) end
  G1, G2, G3, G4 = nil, nil, nil, nil
end
`;
}

/** One snippet: S(function() <block> end). */
export function genSnippet(rng) {
  const ctx = new Ctx(rng);
  ctx.maxLines = rng.int(6, 40);
  const body = genBlock(ctx, rng.int(3, 12), { fnBody: true });
  return stmt('S(function()', body, 'end)');
}

const TAILS = [
  (c) => stmt('error(', gen(c, 'any'), ')'),
  (c) => stmt('error(', gen(c, 'str'), `, ${c.rng.int(0, 2)})`),
  () => stmt('error(setmetatable({}, {__tostring = function() return "custom error" end}))'),
  () => stmt('error({code = 1})'),
  () => stmt('error()'),
  () => stmt('local t = nil print(t.x)'),
  (c) => stmt('local x = ', gen(c, 'any'), ' print(x + 1, x .. "")'),
  (c) => stmt('io.write(', gen(c, 'str'), `) os.exit(${c.rng.pick(['0', '3', 'true', 'false', '255'])})`),
  (c) => stmt('assert(', gen(c, 'any'), ', ', gen(c, 'any'), ')'),
  (c) => stmt('print(', gen(c, 'str'), ') error(42)'),
  (c) => stmt('G9.field = ', gen(c, 'int')),
  () => stmt('local function lvl() error("deep", 2) end local function caller() lvl() end caller()'),
];

/** A statement ending the program at top level (uncaught error, os.exit), or none. */
export function genTail(rng) {
  if (!rng.chance(0.35)) return null;
  const ctx = new Ctx(rng);
  return rng.pick(TAILS)(ctx);
}

/** A batch program for seed: {seed, snippets: block of S(...) statements, tail}. */
export function genBatch(seed, count) {
  const rng = new Rng(seed);
  const snippets = block(Array.from({ length: count }, () => genSnippet(rng.fork())));
  return { seed, snippets, tail: genTail(rng.fork()) };
}

/** Lua source of a program; batch=true adds the snippet markers. */
export function renderProgram(prog, batch) {
  let s = prelude(batch) + renderTop(prog.snippets);
  if (prog.tail) s += render(prog.tail) + '\n';
  return s;
}

export { programSeed };
