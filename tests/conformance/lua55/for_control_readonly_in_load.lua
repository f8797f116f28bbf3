-- lua5.5: assigning to a for control variable is reported by load as a compile error.
print(load("for i = 1, 2 do i = 0 end", "=c"))
