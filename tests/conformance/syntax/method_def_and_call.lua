local obj = {v = 3}
function obj.get(self) return self.v end
function obj:get2() return self.v * 2 end
print(obj:get(), obj.get2(obj))
