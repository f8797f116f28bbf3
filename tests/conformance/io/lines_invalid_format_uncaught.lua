for l in io.lines("lines_invalid_format_uncaught.data", "?") do end
