-- fib: naive doubly-recursive Fibonacci.
-- Stresses: Lua function calls/returns, local-variable access, integer
-- comparison and addition. No allocation at all.
local N = tonumber(arg and arg[1]) or 32
local REPS = 9  -- fib(32) alone is ~0.1 s under lua5.4: repeated to about a second

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local total = 0
for _ = 1, REPS do
  total = total + fib(N)
end
print(total)
