// Generates the start-up benchmark's Lua program: 15 modules of stdlib size (about 200 lines
// each: local helpers, a class with metatables, string handling with patterns and format,
// closures, table utilities) and a main script that requires them all through package.path
// and calls into each, printing a checksum. Every module differs (names and constants
// carry its number), so no two chunks share a source.
import fs from 'node:fs';
import path from 'node:path';

export const MODULE_COUNT = 15;

const pad = (i) => String(i).padStart(2, '0');

/** The Lua source of module number `i` (1-based). */
export function moduleSource(i) {
  const n = pad(i);
  return `-- mod${n}: a generated library module for the start-up benchmark.
-- It looks like ordinary library code: helpers, a small class, string handling, closures.
local M = {}
M._NAME = "mod${n}"
M._VERSION = "1.${i}.0"

local insert, concat, sort = table.insert, table.concat, table.sort
local fmt, rep, byte, char = string.format, string.rep, string.byte, string.char
local floor, max, min = math.floor, math.max, math.min

local SEED = ${1000 + i * 37}
local DEFAULTS = {
  width = ${40 + i},
  separator = ", ",
  indent = "  ",
  retries = ${i % 5 + 1},
  timeout = ${i * 1.5},
  tags = { "alpha", "beta", "gamma", "mod${n}" },
}

-- ---------------------------------------------------------------- helpers

local function shallow_copy(t)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  return out
end

local function merge(base, extra)
  local out = shallow_copy(base)
  if extra then
    for k, v in pairs(extra) do out[k] = v end
  end
  return out
end

local function keys_sorted(t)
  local ks = {}
  for k in pairs(t) do insert(ks, tostring(k)) end
  sort(ks)
  return ks
end

function M.trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

function M.split(s, sep)
  sep = sep or ","
  local out = {}
  local pattern = "([^" .. sep .. "]*)"
  for piece in (s .. sep):gmatch(pattern .. sep) do
    insert(out, M.trim(piece))
  end
  return out
end

function M.startswith(s, prefix)
  return s:sub(1, #prefix) == prefix
end

function M.endswith(s, suffix)
  return suffix == "" or s:sub(-#suffix) == suffix
end

function M.wrap(text, width)
  width = width or DEFAULTS.width
  local lines, line = {}, ""
  for word in text:gmatch("%S+") do
    if #line + #word + 1 > width and #line > 0 then
      insert(lines, line)
      line = word
    elseif #line == 0 then
      line = word
    else
      line = line .. " " .. word
    end
  end
  if #line > 0 then insert(lines, line) end
  return lines
end

function M.escape(s)
  return (s:gsub("[%c\\\\\\"]", function(c)
    if c == "\\n" then return "\\\\n" end
    if c == "\\t" then return "\\\\t" end
    if c == "\\"" or c == "\\\\" then return "\\\\" .. c end
    return fmt("\\\\%03d", byte(c))
  end))
end

function M.hash(s)
  local h = SEED
  for i = 1, #s do
    h = (h * 31 + byte(s, i)) % 2147483647
  end
  return h
end

-- ---------------------------------------------------------------- serialisation

local function serialize(v, indent, seen)
  local t = type(v)
  if t == "string" then return fmt("%q", v) end
  if t == "number" or t == "boolean" or t == "nil" then return tostring(v) end
  if t ~= "table" then return "<" .. t .. ">" end
  if seen[v] then return "<cycle>" end
  seen[v] = true
  local parts = {}
  for _, k in ipairs(keys_sorted(v)) do
    local val = v[k] ~= nil and v[k] or v[tonumber(k)]
    insert(parts, indent .. DEFAULTS.indent .. k .. " = " .. serialize(val, indent .. DEFAULTS.indent, seen))
  end
  seen[v] = nil
  if #parts == 0 then return "{}" end
  return "{\\n" .. concat(parts, ",\\n") .. "\\n" .. indent .. "}"
end

function M.dump(v)
  return serialize(v, "", {})
end

-- ---------------------------------------------------------------- a small class

local Record = {}
Record.__index = Record
M.Record = Record

function Record.new(name, fields)
  local self = setmetatable({ name = name, fields = merge(DEFAULTS, fields), history = {} }, Record)
  self.id = M.hash(name)
  return self
end

function Record:set(key, value)
  insert(self.history, { key = key, old = self.fields[key], new = value })
  self.fields[key] = value
  return self
end

function Record:get(key, default)
  local v = self.fields[key]
  if v == nil then return default end
  return v
end

function Record:undo()
  local last = table.remove(self.history)
  if last then self.fields[last.key] = last.old end
  return last ~= nil
end

function Record:__tostring()
  return fmt("Record<%s#%d, %d changes>", self.name, self.id, #self.history)
end

function Record.__eq(a, b)
  return a.id == b.id
end

function Record.__lt(a, b)
  return a.name < b.name
end

-- ---------------------------------------------------------------- closures

function M.counter(start, step)
  local n = start or 0
  step = step or 1
  return function()
    n = n + step
    return n
  end
end

function M.memoize(f)
  local cache, hits = {}, 0
  return function(x)
    local v = cache[x]
    if v ~= nil then
      hits = hits + 1
      return v
    end
    v = f(x)
    cache[x] = v
    return v
  end, function() return hits end
end

function M.pipeline(...)
  local stages = { ... }
  return function(value)
    for i = 1, #stages do value = stages[i](value) end
    return value
  end
end

function M.map(t, f)
  local out = {}
  for i, v in ipairs(t) do out[i] = f(v, i) end
  return out
end

function M.filter(t, pred)
  local out = {}
  for _, v in ipairs(t) do
    if pred(v) then insert(out, v) end
  end
  return out
end

function M.reduce(t, f, acc)
  for _, v in ipairs(t) do acc = f(acc, v) end
  return acc
end

-- ---------------------------------------------------------------- templates

function M.render(template, vars)
  return (template:gsub("%$%{([%w_]+)%}", function(name)
    local v = vars[name]
    if v == nil then return "${"${"}" .. name .. "}" end
    return tostring(v)
  end))
end

function M.table_report(rows)
  local widths = {}
  for _, row in ipairs(rows) do
    for c, cell in ipairs(row) do
      widths[c] = max(widths[c] or 0, #tostring(cell))
    end
  end
  local out = {}
  for _, row in ipairs(rows) do
    local cells = {}
    for c, cell in ipairs(row) do
      cells[c] = tostring(cell) .. rep(" ", widths[c] - #tostring(cell))
    end
    insert(out, concat(cells, " | "))
  end
  return concat(out, "\\n")
end

-- ---------------------------------------------------------------- self-check

function M.selftest()
  local words = M.split("  one, two ,three,  four${i} ", ",")
  local upper = M.map(words, function(w) return w:upper() end)
  local long = M.filter(upper, function(w) return #w > 3 end)
  local total = M.reduce(M.map(words, function(w) return #w end), function(a, b) return a + b end, 0)
  local next_id = M.counter(${i}, 2)
  local sq, hits = M.memoize(function(x) return x * x end)
  for k = 1, 20 do sq(k % 7) end
  local r = Record.new("rec${n}", { width = ${i * 3} })
  r:set("width", 99):set("name", "changed")
  r:undo()
  local text = M.render("\${name} has \${count} items (\${missing})", { name = M._NAME, count = #words })
  local report = M.table_report({ { "k", "v" }, { "words", #words }, { "total", total } })
  local lines = M.wrap(rep("lorem ipsum dolor ", 12), 30)
  local esc = M.escape("tab\\there \\"quoted\\"\\n" .. char(1))
  local parts = { M._NAME, #long, total, next_id(), next_id(), hits(), r:get("width"), #text, #report, #lines, #esc,
    floor(M.hash(M.dump({ a = 1, b = { "x", "y" }, c = true })) % 1000), min(${i}, 7) }
  return M.hash(concat(M.map(parts, tostring), "/"))
end

return M
`;
}

/** The main script: requires every module and combines their self-checks. */
export function mainSource(count = MODULE_COUNT) {
  const lines = ['-- start-up benchmark: requires the generated modules and runs their self-checks', 'local sum = 0'];
  for (let i = 1; i <= count; i++) {
    lines.push(`local m${pad(i)} = require("mod${pad(i)}")`);
    lines.push(`sum = (sum + m${pad(i)}.selftest()) % 1000000007`);
  }
  lines.push('print("checksum", sum)', '');
  return lines.join('\n');
}

/** Writes the program into `dir` (main.lua and modNN.lua). */
export function generate(dir, count = MODULE_COUNT) {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= count; i++) fs.writeFileSync(path.join(dir, `mod${pad(i)}.lua`), moduleSource(i), 'latin1');
  fs.writeFileSync(path.join(dir, 'main.lua'), mainSource(count), 'latin1');
}
