local function f(s) return "<" .. s .. ">" end
print(f"abc", f[[long]], f'single')
