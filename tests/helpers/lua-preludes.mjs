// Lua helper code shared by the test files: preludes prepended to the snippets they run, and
// a helper module a snippet can require. The texts are kept byte for byte as the tests first
// had them: a prelude's line count moves the line numbers that error messages report.

/** One line (no newline): `check(f, ...)` prints pcall's error message, or "ok". */
export const PCALL_CHECK =
  'local function check(...) local ok, e = pcall(...) print(ok and "ok" or tostring(e)) end ';

const CHECKS_CORE = `
local fails = 0
local function show(v)
  if type(v) ~= "table" then return type(v) == "string" and string.format("%q", v) or tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. show(v[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end
function eq(got, want, what)
  if show(got) ~= show(want) then
    fails = fails + 1
    print("FAIL " .. what .. ": got " .. show(got) .. ", want " .. show(want))
  end
end
function err(f, ...)
  local ok, e = pcall(f, ...)
  if ok then return "no error" end
  return tostring(e)
end
`;

const READ_FN = `function read(path)
  local f = io.open(path, "rb")
  local s = f:read("a")
  f:close()
  return s
end
`;

const FINISH_FN = `function finish() print(fails == 0 and "ok" or ("failures: " .. fails)) end
`;

/**
 * For snippets that check many values and end with `finish()` (see runChecks in ../helpers.mjs):
 * eq(got, want, what) prints a "FAIL what: ..." line on a mismatch; show(v) renders a value
 * (tables with sorted keys); err(f, ...) is the error message of a call that must fail ("no
 * error" if it succeeds); finish() prints "ok" or "failures: N".
 */
export const CHECKS_PRELUDE = CHECKS_CORE + FINISH_FN;

/** CHECKS_PRELUDE plus read(path): the bytes of a file. */
export const CHECKS_PRELUDE_WITH_READ = CHECKS_CORE + READ_FN + FINISH_FN;

/**
 * A Lua module (write it as helpers.lua next to the snippets) returning H with:
 * H.dump(v): a one-line picture of a value (floats print as 1.0, strings %q-quoted, keys
 * sorted; a table with keys 1..n prints as a list). H.same(a, b): deep equality that tells
 * integers from floats; returns true, or false and where they differ. H.err(f, ...): the
 * error message of a call that fails ("no error" if it succeeds).
 */
export const VALUE_HELPERS_MODULE = String.raw`
local H = {}
local function sortedKeys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) ~= type(b) then return type(a) < type(b) end
    return a < b
  end)
  return keys
end
function H.dump(v)
  if type(v) == "string" then return (string.format("%q", v):gsub("\\\n", "\\n")) end
  if type(v) ~= "table" then return tostring(v) end
  local keys = sortedKeys(v)
  local list = true
  for i, k in ipairs(keys) do if k ~= i then list = false end end
  local parts = {}
  for i, k in ipairs(keys) do
    if list then parts[i] = H.dump(v[k])
    elseif type(k) == "string" and k:match("^[%a_][%w_]*$") then parts[i] = k .. "=" .. H.dump(v[k])
    else parts[i] = "[" .. H.dump(k) .. "]=" .. H.dump(v[k]) end
  end
  return "{" .. table.concat(parts, ",") .. "}"
end
function H.same(a, b, path)
  path = path or "$"
  if type(a) ~= type(b) then return false, path .. ": " .. type(a) .. " vs " .. type(b) end
  if type(a) == "number" and math.type(a) ~= math.type(b) then return false, path .. ": " .. math.type(a) .. " vs " .. math.type(b) end
  if type(a) ~= "table" then
    if a == b or (a ~= a and b ~= b) then return true end
    return false, path .. ": " .. tostring(a) .. " vs " .. tostring(b)
  end
  for k, v in pairs(a) do
    local ok, where = H.same(v, b[k], path .. "." .. tostring(k))
    if not ok then return false, where end
  end
  for k in pairs(b) do if a[k] == nil then return false, path .. "." .. tostring(k) .. ": missing" end end
  return true
end
function H.err(f, ...)
  local ok, e = pcall(f, ...)
  if ok then return "no error" end
  return tostring(e)
end
return H
`;

/** One line (no newline) putting VALUE_HELPERS_MODULE's functions in scope as dump, same, err. */
export const VALUE_HELPERS_PRELUDE = 'local H = require("helpers"); local dump, same, err = H.dump, H.same, H.err;';
