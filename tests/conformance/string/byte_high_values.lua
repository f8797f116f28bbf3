print(string.byte("\0\127\128\255", 1, -1))
