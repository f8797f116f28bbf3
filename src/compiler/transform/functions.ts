// Function bodies. Each Lua function is a plain JS function with positional parameters
// (`...va` for varargs), with its generator twin for coroutines nested in it (see gen.ts).
// A function that calls itself in tail position is wrapped in a loop so such calls reuse
// the JS frame (a tail-recursive loop of any depth runs).
import type * as L from "../parser/ast.js";
import { Frag, Mark } from "../frag.js";
import { FuncState, LocalVar, Scope, lineOf } from "../context.js";
import { T } from "./state.js";
import { block, endsWithReturn } from "./statements.js";
import { Restartable, restartable } from "./restartable.js";

export interface FuncOptions {
  /** the name the function is bound to, for spotting self tail calls */
  selfName?: string;
  /** a method (`function a:b()`): adds the `self` parameter */
  method?: boolean;
}

export function funcExpr(n: L.FunctionDeclaration, t: T, desc: string, opts: FuncOptions = {}): Frag {
  const chunk = t.chunk;
  const name = chunk.fnId("f_" + (opts.selfName ?? "anon"));
  chunk.fnames.set(name, desc);
  const mark = new Mark(lineOf(n), "");
  const probe = restartable(n, opts.method === true, opts.selfName);
  if (t.fn.gen && probe === null) {
    // created by generator code (inside a coroutine): only the generator exists (a
    // restartable function nests no functions, so its plain version costs no more than that)
    const g = compileFunc(n, t, opts, name, true, null, null);
    return [mark, `gonly(function* ${name}(${g.params.join(", ")}) {\n`, g.body, "})"];
  }
  const p = compileFunc(n, t, opts, name, false, name, probe);
  const twin = name + "$g";
  chunk.fnames.set(twin, desc);
  const g = compileFunc(n, t, opts, twin, true, name, null);
  return [mark, `(function ${name}(${p.params.join(", ")}) {\n`, twinPrologue(name, twin, g, p.params, probe), p.body, "})"];
}

export interface CompiledFunc {
  /** JS parameter list (`...va` last for a vararg function) */
  params: string[];
  /** temporaries' declarations and the body */
  body: Frag;
}

/** The first statement of a plain function: when generator code starts a call of it
 *  (`$Y.g` is this function), it hands back its twin's generator instead of running. A
 *  restartable function (restartable.ts) runs plainly as a probe instead (`$Y.g` becomes
 *  `$Y.p`), and hands back the generator only when the call is restarted (`$Y.r`) — or for
 *  good once its last call had to restart it (`$np`: that callee is a Lua function, which
 *  would restart it every time). */
export function twinPrologue(name: string, twin: string, g: CompiledFunc, params: string[], probe: Restartable | null = null): Frag {
  const start: Frag = [
    `$Y.g = $Y; return (${name}.$g ??= function* ${twin}(${g.params.join(", ")}) {\n`, g.body,
    `})(${params.join(", ")});`,
  ];
  if (probe === null) return [`if ($Y.g === ${name}) { `, start, " }\n"];
  const restart = probe.lastCall === null ? "$Y.r" : `$Y.r || ${name}.$np`;
  return [`if ($Y.g === ${name}) { if (${restart}) { `, start, " } $Y.g = $Y.p; $Y.defer = true; }\n"];
}

function compileFunc(
  n: L.FunctionDeclaration, t: T, opts: FuncOptions, jsName: string, gen: boolean, selfValue: string | null, probe: Restartable | null,
): CompiledFunc {
  const chunk = t.chunk;
  const fn = new FuncState(t.fn, jsName, gen, selfValue);
  fn.probeCall = probe?.lastCall ?? null;
  const scope = new Scope(t.scope, fn);
  const inner: T = { chunk, fn, scope };
  const params: string[] = [];
  const declare = (name: string): LocalVar => {
    const v: LocalVar = { kind: "local", name, js: chunk.jsId(name), attrib: "", fn };
    scope.vars.set(name, v);
    return v;
  };
  if (opts.method) params.push(declare("self").js);
  let varargName: string | undefined;
  for (const p of n.parameters) {
    if (p.type === "VarargLiteral") {
      fn.isVararg = true;
      varargName = p.name;
    } else params.push(declare(p.name).js);
  }
  const prologue: Frag[] = [];
  if (varargName !== undefined) prologue.push(`let ${declare(varargName).js} = varargTable(va);\n`);
  fn.tailLoop = !fn.isVararg && selfValue !== null && opts.selfName !== undefined && hasSelfTailCall(n.body, opts.selfName);
  let jsParams = params;
  if (fn.tailLoop) {
    fn.rawParams = params.map((_, i) => `p$${i}`);
    jsParams = fn.rawParams;
    prologue.push(params.length ? `let ${params.map((p, i) => `${p} = p$${i}`).join(", ")};\n` : "");
  }
  if (fn.isVararg) jsParams = [...jsParams, "...va"];
  fn.canReturnErrors = !gen && selfValue === jsName;
  const body = block(n.body, inner, undefined, n.loc?.end.line);
  const tail = endsWithReturn(n.body) ? "" : "return EMPTY;\n";
  const inside: Frag = fn.tailLoop ? ["$tail: for (;;) {\n", prologue, body, tail, "}\n"] : [prologue, body, tail];
  const called = fn.returnsErrors ? `const $d = $PC.direct === ${jsName} && ($PC.direct = null, true);\n` : "";
  return { params: jsParams, body: [fn.tempDecls(), called, inside] };
}

/** Does the body contain `return name(...)` (not inside a nested function)? */
function hasSelfTailCall(body: L.Statement[], name: string): boolean {
  let found = false;
  const visit = (stmts: L.Statement[]): void => {
    for (const s of stmts) {
      if (found) return;
      switch (s.type) {
        case "ReturnStatement": {
          const a = s.arguments;
          if (a.length === 1 && a[0].type === "CallExpression" && a[0].base.type === "Identifier" && a[0].base.name === name)
            found = true;
          break;
        }
        case "IfStatement":
          s.clauses.forEach((c) => visit(c.body));
          break;
        case "WhileStatement":
        case "RepeatStatement":
        case "DoStatement":
        case "ForNumericStatement":
        case "ForGenericStatement":
          visit(s.body);
          break;
      }
    }
  };
  visit(body);
  return found;
}

