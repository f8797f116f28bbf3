// Loops. Numeric `for` precomputes its bounds in `forprep` (Lua's rules: integer loops never
// overflow, float loops, step 0 is an error) and runs as a JS for loop over plain numbers;
// generic `for` drives an iterator object from `forIn`, which has fast paths for next and
// ipairs and closes the 4th value on every exit.
import type * as L from "../parser/ast.js";
import { Frag, Mark } from "../frag.js";
import { lineOf } from "../context.js";
import { T, withScope } from "./state.js";
import { arrayFrag, cond, expr, knownValue } from "./expressions.js";
import { NumKind, numKind } from "./numkind.js";
import { block } from "./blocks.js";
import { declareLocal } from "./statements.js";
import { genResult, slowOp } from "./gen.js";
import { jsNumber } from "./constants.js";
import { LFloat, LuaNumber } from "../../runtime-lib/core/numbers.js";

function loop<R>(t: T, body: (label: string) => R): R {
  const label = t.chunk.jsId("loop");
  t.fn.loops.push(label);
  try {
    return body(label);
  } finally {
    t.fn.loops.pop();
  }
}

export function whileLoop(n: L.WhileStatement, t: T): Frag {
  return loop(t, (label) => [
    new Mark(lineOf(n), ""), `${label}: while (`, cond(n.condition, t), ") {\n",
    withScope(t, () => block(n.body, t)), "}\n",
  ]);
}

export function repeatLoop(n: L.RepeatStatement, t: T): Frag {
  return loop(t, (label) => [
    new Mark(lineOf(n), ""), `${label}: for (;;) {\n`,
    withScope(t, () => block(n.body, t, () => [new Mark(lineOf(n.condition), ""), "if (", cond(n.condition, t), `) break ${label};\n`])),
    "}\n",
  ]);
}

/** The sign of a step given as a literal, or 0 when it is only known at run time. */
function stepSign(step: L.Expression | null): number {
  if (!step) return 1;
  if (step.type === "NumericLiteral") return Math.sign(Number(step.raw)) || 0;
  if (step.type === "UnaryExpression" && step.operator === "-" && step.argument.type === "NumericLiteral") return -1;
  return 0;
}

/** The step as a JS literal when every mode of forprep counts with exactly that step, else
 *  null (the loop then adds $fp.s). A step of 1 or -1 does in every mode (big-integer loops
 *  count iterations by 1 or -1); any other known step does when the loop is known to count
 *  in floats (a float start or step), where $fp.s is the step itself. With the step a
 *  literal, V8 can keep an integer counter in an int32 register, where $fp.s (a field that
 *  also holds floats) makes every use of the counter float arithmetic. */
function literalStep(n: L.ForNumericStatement, t: T): string | null {
  const step = n.step ? knownValue(n.step, t) : 1;
  if (step === undefined || typeof step === "bigint") return null;
  const v = typeof step === "number" ? step : step.n;
  if (v === 1 || v === -1) return jsNumber(v);
  const isFloat = (x: LuaNumber | undefined): boolean => x instanceof LFloat || (typeof x === "number" && !Number.isInteger(x));
  if (v !== 0 && Number.isFinite(v) && (isFloat(step) || isFloat(knownValue(n.start, t)))) return jsNumber(v);
  return null;
}

/** Is this bound (absent: the default step 1) a safe integer known at compile time? */
function isIntConst(e: L.Expression | null, t: T): boolean {
  if (!e) return true;
  const v = knownValue(e, t);
  return typeof v === "number" && Number.isInteger(v);
}

export function forNumeric(n: L.ForNumericStatement, t: T): Frag {
  const line = lineOf(n);
  const id = t.chunk.id();
  const [i, l, s, m] = [`$i${id}`, `$l${id}`, `$s${id}`, `$m${id}`];
  const prep: Frag = [
    new Mark(line, ""), "forprep(", expr(n.start, t), ", ", expr(n.end, t), ", ", n.step ? expr(n.step, t) : "1", ")",
  ];
  const sign = stepSign(n.step);
  const inc = literalStep(n, t) ?? s;
  const test = sign > 0 ? `${i} <= ${l}` : sign < 0 ? `${i} >= ${l}` : `(${s} > 0 ? ${i} <= ${l} : ${i} >= ${l})`;
  // with safe integers for start and limit and an integer literal step the loop variable is
  // always a plain number; otherwise a loop may run past 2^53 and take its values from forval
  // (kinds of the bounds in the scope they are evaluated in, before the loop variable's)
  const boundKind = (e: L.Expression): NumKind => (isIntConst(e, t) ? "int" : numKind(e, t));
  const [startKind, endKind] = [boundKind(n.start), boundKind(n.end)];
  const intStep = isIntConst(n.step, t);
  const intOnly = startKind === "int" && intStep && endKind === "int";
  // with an integer start and step the loop counts in integers (beyond 2^53 as bigints)
  const counterKind: NumKind = intOnly ? "int" : intStep && (startKind === "int" || startKind === "integer") ? "integer" : null;
  return loop(t, (label) =>
    withScope(t, () => {
      const v = declareLocal(t, n.variable.name, "for");
      if (!t.chunk.assigned.has(v.name)) v.numKind = counterKind;
      const value = intOnly ? i : `${m} === 0 ? ${i} : forval(${m}, ${i})`;
      return [
        `${label}: for (let ${i} = `, prep, `, ${l} = $fp.l, ${s} = $fp.s, ${m} = $fp.m; ${test}; ${i} += ${inc}) {\n`,
        `let ${v.js} = ${value};\n`,
        block(n.body, t),
        "}\n",
      ];
    }),
  );
}

export function forGeneric(n: L.ForGenericStatement, t: T): Frag {
  const line = lineOf(n);
  const g = t.chunk.jsId("g");
  const iter = arrayFrag(n.iterators, t);
  return loop(t, (label) =>
    withScope(t, () => {
      const vars = n.variables.map((v, k) => declareLocal(t, v.name, k === 0 ? "for" : ""));
      const values = vars.map((v, k) => `${v.js} = ${k === 0 ? `${g}.a` : k === 1 ? `${g}.b` : `nth(${g}.r, ${k})`}`);
      const iterMark = new Mark(line, "C" + "for iterator 'for iterator'");
      const step: Frag = t.fn.gen
        ? genResult([`${g}.`, iterMark, "stepY()"], line, `${g}.took`, "C" + "for iterator 'for iterator'")
        : [`${g}.`, iterMark, "step()"];
      const close: Frag = t.fn.gen ? slowOp(t, new Mark(line, ""), "forClose", [g], "") : `${g}.close()`;
      // the loop's closing value is a to-be-closed variable: a `return f()` in the body is
      // not a tail call (the loop closes after f returns)
      t.fn.closeDepth++;
      const body = block(n.body, t);
      t.fn.closeDepth--;
      return [
        new Mark(line, ""), `const ${g} = forIn(`, iter, ");\ntry {\n",
        `${label}: while (`, step, ") {\n",
        `let ${values.join(", ")};\n`,
        body,
        `}\n} catch (e) { ${g}.err = e; throw e; } finally { `, close, "; }\n",
      ];
    }),
  );
}
