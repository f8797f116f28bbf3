for a, b c in pairs({}) do end
