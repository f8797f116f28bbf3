print(string.format("%#.0f %#.0e %#.0g %#g", 3, 3, 3, 3))
