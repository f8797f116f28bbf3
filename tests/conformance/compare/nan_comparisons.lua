local nan = 0/0
print(nan < 1, nan > 1, nan <= nan, nan >= nan, nan == nan)
print(not (nan < 1), 1 ~= nan)
