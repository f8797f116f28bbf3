print([[a]=]b]])
print([=[]]]=])
