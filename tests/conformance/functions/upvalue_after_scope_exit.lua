local get, set
do
  local v = "initial"
  get = function() return v end
  set = function(x) v = x end
end
set("changed")
print(get())
