-- pcall_loop: protected calls where half of the calls raise an error.
-- Stresses: pcall entry/exit, error() with string and table values,
-- runtime errors raised by the VM itself (arithmetic on nil), returning
-- values through pcall, error()/pcall nesting.
local N = tonumber(arg and arg[1]) or 3500000

local function maybe_fail(i)
  if i % 2 == 0 then
    return i * 2, "ok"
  end
  local kind = i % 6
  if kind == 1 then
    error("odd " .. (i % 100), 0)           -- string, no position info
  elseif kind == 3 then
    error({ code = i % 17 })                -- table error value
  else
    local t = nil
    return t.field                          -- runtime error from the VM
  end
end

local ok_count, err_count = 0, 0
local value_sum, code_sum, str_len, vm_errors = 0, 0, 0, 0
for i = 1, N do
  local ok, a, b = pcall(maybe_fail, i)
  if ok then
    ok_count = ok_count + 1
    value_sum = (value_sum + a + #b) % 1000000007
  else
    err_count = err_count + 1
    if type(a) == "table" then
      code_sum = code_sum + a.code
    elseif a:sub(1, 4) == "odd " then
      str_len = str_len + #a
    else
      -- the exact VM message differs between implementations; count it
      vm_errors = vm_errors + 1
    end
  end
end

-- nested pcall: the inner error is caught, the outer call succeeds
local nested = 0
for i = 1, N / 10 do
  local ok, v = pcall(function()
    local ok2, e = pcall(error, i, 0)
    return (ok2 and 0 or e) + 1
  end)
  if ok then nested = nested + v end
end

print(string.format("%d %d %d %d %d %d %d",
  ok_count, err_count, value_sum, code_sum, str_len, vm_errors, nested))
