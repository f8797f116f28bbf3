// Loops. Numeric `for` precomputes its bounds in `forprep` (Lua's rules: integer loops never
// overflow, float loops, step 0 is an error) and runs as a JS for loop over plain numbers;
// generic `for` drives an iterator object from `forIn`, which has fast paths for next and
// ipairs and closes the 4th value on every exit.
import type * as L from "../parser/ast.js";
import { Frag, Mark } from "../frag.js";
import { lineOf } from "../context.js";
import { T, withScope } from "./state.js";
import { arrayFrag, cond, expr } from "./expressions.js";
import { block } from "./blocks.js";
import { declareLocal } from "./statements.js";
import { parseNumeral } from "./constants.js";
import { genResult, slowOp } from "./gen.js";

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

function isIntLiteral(e: L.Expression | null): boolean {
  if (!e) return true;
  if (e.type === "UnaryExpression" && e.operator === "-") return isIntLiteral(e.argument);
  if (e.type !== "NumericLiteral") return false;
  return typeof parseNumeral(e.raw, 0) === "number" && Number.isInteger(parseNumeral(e.raw, 0));
}

export function forNumeric(n: L.ForNumericStatement, t: T): Frag {
  const line = lineOf(n);
  const id = t.chunk.id();
  const [i, l, s, m] = [`$i${id}`, `$l${id}`, `$s${id}`, `$m${id}`];
  const prep: Frag = [
    new Mark(line, ""), "forprep(", expr(n.start, t), ", ", expr(n.end, t), ", ", n.step ? expr(n.step, t) : "1", ")",
  ];
  const sign = stepSign(n.step);
  const test = sign > 0 ? `${i} <= ${l}` : sign < 0 ? `${i} >= ${l}` : `(${s} > 0 ? ${i} <= ${l} : ${i} >= ${l})`;
  // with integer literals for start, step and limit the loop variable is always a plain
  // number; otherwise a loop may run past 2^53 and take its values from forval
  const intOnly = isIntLiteral(n.start) && isIntLiteral(n.step) && isIntLiteral(n.end);
  return loop(t, (label) =>
    withScope(t, () => {
      const v = declareLocal(t, n.variable.name, "for");
      const value = intOnly ? i : `${m} === 0 ? ${i} : forval(${m}, ${i})`;
      return [
        `${label}: for (let ${i} = `, prep, `, ${l} = $fp.l, ${s} = $fp.s, ${m} = $fp.m; ${test}; ${i} += ${s}) {\n`,
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
      return [
        new Mark(line, ""), `const ${g} = forIn(`, iter, ");\ntry {\n",
        `${label}: while (`, step, ") {\n",
        `let ${values.join(", ")};\n`,
        block(n.body, t),
        `}\n} catch (e) { ${g}.err = e; throw e; } finally { `, close, "; }\n",
      ];
    }),
  );
}
