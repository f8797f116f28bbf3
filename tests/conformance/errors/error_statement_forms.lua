-- error(...) as a statement, under pcall and not, with every level and value kind, and
-- once the global is a local or replaced
local function f(x)
  if x == 1 then error("one")
  elseif x == 2 then error({ code = 2 })
  elseif x == 3 then error("three", 0)
  elseif x == 4 then error("four", 2)
  elseif x == 5 then error()
  elseif x == 6 then error("six", 1)
  elseif x == 7 then error(42)
  elseif x == 8 then error("eight", 3)
  end
  return x
end
for i = 1, 9 do
  local ok, e = pcall(f, i)
  print(i, ok, type(e) == "table" and e.code or e)
end
local function g(i) f(i) end
for i = 1, 8 do
  local ok, e = pcall(g, i)
  print(i, ok, type(e) == "table" and e.code or e)
end
print(pcall(function() local error = function(m) return "local " .. m end; error("x"); return "after" end))
local real = error
error = function(m) print("replaced", m) end
error("hi")
error = real
print(select("#", pcall(error)))
error("uncaught", 1)
