print(("abcxyz0129"):gsub("[a-c]", "-"))
print(("abcxyz0129"):gsub("[x-z0-1]", "-"))
print(("abc"):gsub("[c-a]", "-"))
