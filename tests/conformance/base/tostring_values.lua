print(tostring(nil), tostring(true), tostring(false))
print(tostring(12), tostring(-1.5), tostring("s"))
print(type(tostring({})), tostring({}):match("^table: ") ~= nil)
