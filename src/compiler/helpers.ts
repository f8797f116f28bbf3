// The runtime helpers compiled code calls, by name. The runtime's helper table
// (runtime-lib/helpers.ts) provides exactly these; a test checks the two agree.
export const HELPERS = [
  "first", "spread", "ret", "retTail", "nth", "Multi", "EMPTY", "LuaTable", "LFloat",
  "add", "sub", "mul", "div", "mod", "idiv", "pow", "unm",
  "band", "bor", "bxor", "shl", "shr", "bnot",
  "concat", "len", "eq", "eqSlow", "lt", "le", "gt", "ge",
  "index", "indexS", "setindex", "setindexS", "callable",
  "tnew", "trec", "forprep", "forval", "$fp", "forIn", "closable", "closeVar", "varargTable",
  "$B", "$SM", "selectVa", "selectOk",
  "$Y", "cg", "cg0", "cg1", "cg2", "cg3", "gop", "tru", "gonly", "forClose", "closeVarG", "LuaError", "$PC",
] as const;

export type Helper = (typeof HELPERS)[number];
