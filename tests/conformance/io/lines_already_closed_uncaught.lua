local it = io.lines("lines_already_closed_uncaught.data")
for l in it do print(l) end
it()
