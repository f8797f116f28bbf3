local i = 1
::top::
io.write(i, " ")
i = i + 1
if i <= 3 then goto top end
print()
