// The runtime's version, reported by --version and used in the compile-cache key.
export const VERSION = "0.1.0";
