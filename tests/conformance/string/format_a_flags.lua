print(string.format("[%20a] [%-20a] [%020a] [%+a] [% a] [%#a]", 1, 1, 1, 1, 1, 1))
