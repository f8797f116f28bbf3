print(("hello world"):gsub("[aeiou]", "*"))
print(("hello world"):gsub("[^aeiou ]", "*"))
