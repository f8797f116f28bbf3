local t = {f = function() print("f called") end}
;(t.f)()
