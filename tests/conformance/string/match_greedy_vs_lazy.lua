local s = "<a><b><c>"
print(s:match("<(.*)>"), s:match("<(.-)>"))
print(s:match("<(.+)>"), s:match("<(.-)>$"))
