// Generation context: the random source, the variables in scope (with the type the generator
// gave them), and what the current position allows (break, ..., a depth budget).
//
// Types: int, float, num (either), str, bool, nil, seq (a sequence of integers), fn (number →
// number), obj (a table with a generated metatable), any.

export class Ctx {
  constructor(rng) {
    this.rng = rng;
    this.vars = []; // {name, type, assignable, cls? (obj), sig? (a local function's {params, ret})}
    this.counter = 0;
    this.depth = 0; // statement nesting
    this.inLoop = false;
    this.vararg = false;
    this.fnDepth = 0;
    this.lines = 0; // statements generated so far (a size budget)
    this.maxLines = 40;
    this.exprDepth = 0;
  }

  /** A fresh name with the given prefix: v1, f2, mt3, ... */
  fresh(prefix = 'v') {
    return `${prefix}${++this.counter}`;
  }

  declare(name, type, { assignable = true, cls, sig } = {}) {
    this.vars.push({ name, type, assignable, cls, sig });
  }

  /** Runs fn in a nested scope: variables declared inside are forgotten afterwards. */
  scoped(fn, { loop, fnBody, vararg } = {}) {
    const mark = this.vars.length;
    const saved = { inLoop: this.inLoop, vararg: this.vararg, fnDepth: this.fnDepth };
    this.depth++;
    if (loop) this.inLoop = true;
    if (fnBody) {
      this.inLoop = false;
      this.vararg = !!vararg;
      this.fnDepth++;
    }
    try {
      return fn();
    } finally {
      this.depth--;
      this.vars.length = mark;
      Object.assign(this, saved);
    }
  }

  /** Variables whose type fits `type` (num accepts int and float; any accepts all). */
  varsOf(type, { assignable = false } = {}) {
    return this.vars.filter(
      (v) =>
        (!assignable || v.assignable) &&
        (v.type === type || (type === 'num' && (v.type === 'int' || v.type === 'float')) || type === 'any'),
    );
  }
}
