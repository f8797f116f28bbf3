print('say "hi"', "it's", [[both ' and "]])
