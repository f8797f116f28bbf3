string.dump(string.len)
