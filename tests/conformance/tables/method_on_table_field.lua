local obj = {count = 0}
function obj:inc(n) self.count = self.count + (n or 1); return self end
obj:inc():inc(5)
print(obj.count)
