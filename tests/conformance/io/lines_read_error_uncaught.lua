for l in io.lines(".") do end
