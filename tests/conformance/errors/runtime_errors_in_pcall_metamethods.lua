-- runtime errors raised inside metamethods (and by metamethod chains) under pcall
local function try(f, ...)
  print(select(2, pcall(f, ...)))
end
local broken = setmetatable({}, {
  __index = function(t, k) local q; return q[k] end,
  __newindex = function(t, k, v) local r; r.x = v end,
  __add = function(a, b) local s; return s + 1 end,
  __concat = function(a, b) local c; return c .. "x" end,
  __lt = function(a, b) local u; return u < 1 end,
  __le = function(a, b) return nil <= 1 end,
  __len = function(a) local l; return #l end,
  __call = function(self, x) local m; return m(x) end,
  __unm = function(a) local n; return -n end,
})
try(function() return broken.key end)
try(function() broken.key = 1 end)
try(function() return broken + 1 end)
try(function() return broken .. "s" end)
try(function() return broken < broken end)
try(function() return broken <= broken end)
try(function() return #broken end)
try(function() return broken(3) end)
try(function() return -broken end)
-- a __call that is not callable, a chain of __index values that ends in a non-table
local badcall = setmetatable({}, { __call = 42 })
try(function() return badcall() end)
local callchain = setmetatable({}, { __call = setmetatable({}, { __call = true }) })
try(function() return callchain() end)
local idxnum = setmetatable({}, { __index = 7 })
try(function() return idxnum.x end)
local newidxnum = setmetatable({}, { __newindex = 7 })
try(function() newidxnum.x = 1 end)
local deep = setmetatable({}, { __index = setmetatable({}, { __index = function(t, k) return k + {} end }) })
try(function() return deep.x end)
-- a metamethod error two calls deep, and one raised with error() at level 2
local function helper(v) return v.missing.field end
local viaHelper = setmetatable({}, { __index = function(t, k) return helper({}) end })
try(function() return viaHelper.k end)
local lvl2 = setmetatable({}, { __index = function(t, k) error("no field " .. k, 2) end })
try(function()
  return lvl2.name
end)
