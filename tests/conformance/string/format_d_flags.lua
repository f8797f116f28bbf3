print(string.format("[%+d] [% d] [%+d] [% d]", 5, 5, -5, -5))
print(string.format("[%-+6d] [%+06d] [% 06d] [%-06d]", 5, 5, 5, 5))
