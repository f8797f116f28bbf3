for p, c in utf8.codes("h\u{E9}\u{20AC}\u{1F600}!") do print(p, c) end
