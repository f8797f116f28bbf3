local mod = {}
mod.run()
