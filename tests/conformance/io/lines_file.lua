for l in io.lines("lines_file.data") do print("[" .. l .. "]") end
