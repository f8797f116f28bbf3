print("bad \p escape")
