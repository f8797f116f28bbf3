// Generator code: the twin of each function that runs inside coroutines (see
// runtime-lib/core/coro.ts). There, a call or an operator's slow path (which may call a
// metamethod) is *started*; when it comes back as a generator it is run with `yield*`, so a
// yield anywhere below suspends this function too.
import { Frag, Mark, Site, join } from "../frag.js";
import { T } from "./state.js";

/** `start` evaluates to a started call; the expression's value is the call's result
 *  (passed through `post` — "first", "tru" — when it comes from a generator). `line` marks
 *  the `yield*` operand, where V8 places this frame while the callee runs. */
export function genResult(start: Frag, line: number, post = "", info = ""): Frag {
  return ["(($x = ", start, "), $Y.y ? ", post, "(yield* ", new Mark(line, info), "$x) : $x)"];
}

/** An operator helper call on its slow path: `helper(args)`, or under gop in generator code.
 *  `post` turns a metamethod's raw results into the operator's value. Helpers that raise
 *  Lua's operator errors are passed the site of their mark last (gop passes it on). */
export function slowOp(t: T, mark: Mark, helper: string, args: Frag[], post: "first" | "tru" | ""): Frag {
  const all = SITED.has(helper) ? [...args, new Site(mark)] : args;
  if (!t.fn.gen) return [mark, helper, "(", join(all, ", "), ")"];
  return genResult([mark, "gop(", helper, ", ", join(all, ", "), ")"], mark.line, post);
}

const SITED = new Set([
  "index", "indexS", "setindex", "setindexS", "add", "sub", "mul", "div", "mod", "idiv", "pow", "unm",
  "band", "bor", "bxor", "shl", "shr", "bnot", "concat", "len", "lt", "le", "gt", "ge",
]);
