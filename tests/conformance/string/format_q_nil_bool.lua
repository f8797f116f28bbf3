print(string.format("%q %q %q", nil, true, false))
