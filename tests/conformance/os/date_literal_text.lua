print(os.date("!hello world", 0))
print(os.date("!%%", 0), os.date("!%%Y", 0), os.date("!100%% at %H", 0))
print("[" .. os.date("!", 0) .. "]", "[" .. os.date("", 0) .. "]")
