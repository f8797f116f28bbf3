local nan = 0/0
print(tostring(nan) == tostring(nan))
print(nan == nan, nan ~= nan, nan < nan, nan <= nan)
