print(string.format("%d-%s-%5.2f-%x-%c-%q-%g", 1, "two", 3.14159, 255, 65, "q", 1e20))
