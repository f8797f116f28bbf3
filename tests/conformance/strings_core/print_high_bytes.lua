print("\xff\xfe\x80")
print("\200\201")
