local x <close> = "string"
