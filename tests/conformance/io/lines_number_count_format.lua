for s in io.lines("lines_number_count_format.data", 3) do print(s) end
