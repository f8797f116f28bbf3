local i = 0
goto second
::first::
i = i + 1
::second::
if i < 3 then goto first end
print(i)
