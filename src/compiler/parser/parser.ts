// The Lua 5.4 parser: a recursive descent that follows the structure of Lua's lparser.c
// (so that syntax errors come out at the same point, with the same words and line) and
// builds luaparse-shaped nodes (see ast.ts). Checks Lua's parser makes at parse time are
// made here too: goto/label visibility and scope, `break` outside a loop, local attributes,
// `...` outside a vararg function, the 200-locals limit and the C-stack depth limit.
// Also parses the Lua 5.5 extensions the runtime supports: `global` declarations and named
// varargs (`...t`).
import type * as A from "./ast.js";
import { Lexer, Tok, token2str } from "./lexer.js";
import { LuaParseError } from "./errors.js";

export { LuaParseError } from "./errors.js";

export interface ParseOptions {
  /** nesting already used by the caller, as Lua's C-call counter (1 for a script run by
   *  the `lua` program, 2 for a chunk compiled by `load` called from a main chunk) */
  cLevelBase?: number;
}

/** Lua's LUAI_MAXCCALLS: the parser's nesting limit ("C stack overflow"). */
const MAX_C_CALLS = 200;
/** Lua's MAXVARS: active local variables per function. */
const MAX_VARS = 200;
/** Unary operators bind tighter than every binary one but '^'. */
const UNARY_PRIORITY = 12;

// binary operators by token: left and right priority (as lparser.c's table) and text
const LEFT = new Uint8Array(Tok.STRING + 1);
const RIGHT = new Uint8Array(Tok.STRING + 1);
const BINOP: string[] = [];
const UNOP: string[] = [];
function binop(t: number, text: string, left: number, right: number): void {
  LEFT[t] = left;
  RIGHT[t] = right;
  BINOP[t] = text;
}
binop(43, "+", 10, 10);
binop(45, "-", 10, 10);
binop(42, "*", 11, 11);
binop(37, "%", 11, 11);
binop(94, "^", 14, 13);
binop(47, "/", 11, 11);
binop(Tok.IDIV, "//", 11, 11);
binop(38, "&", 6, 6);
binop(124, "|", 4, 4);
binop(126, "~", 5, 5);
binop(Tok.SHL, "<<", 7, 7);
binop(Tok.SHR, ">>", 7, 7);
binop(Tok.CONCAT, "..", 9, 8);
binop(Tok.EQ, "==", 3, 3);
binop(60, "<", 3, 3);
binop(Tok.LE, "<=", 3, 3);
binop(Tok.NE, "~=", 3, 3);
binop(62, ">", 3, 3);
binop(Tok.GE, ">=", 3, 3);
binop(Tok.AND, "and", 2, 2);
binop(Tok.OR, "or", 1, 1);
UNOP[Tok.NOT] = "not";
UNOP[45] = "-";
UNOP[126] = "~";
UNOP[35] = "#";

interface Label {
  name: string;
  line: number;
  /** active locals of the function where it stands (or, for a goto, was left) */
  nactvar: number;
}

interface Block {
  prev: Block | null;
  nactvar: number;
  firstLabel: number;
  firstGoto: number;
  isLoop: boolean;
}

interface Func {
  parent: Func | null;
  isVararg: boolean;
  /** line where it is defined (0: the main chunk) */
  line: number;
  /** names of its declared local variables, active ones first */
  actvar: string[];
  nactvar: number;
  bl: Block | null;
  firstLabel: number;
}

type Body = A.Statement[];

export class Parser extends Lexer {
  // end of the previous (last consumed) token: where a node being finished ends
  private pEnd = 0;
  private pELine = 1;
  private pECol = 0;
  private level: number;
  private fs!: Func;
  private labels: Label[] = [];
  private gotos: Label[] = [];

  constructor(src: string, opts: ParseOptions = {}) {
    super(src);
    this.level = opts.cLevelBase ?? 1;
  }

  // ---------------------------------------------------------------- tokens and errors

  private next(): void {
    this.pEnd = this.end;
    this.pELine = this.eLine;
    this.pECol = this.eCol;
    this.prevEnd = this.curEnd;
    this.curStart = this.curEnd = null;
    this.advance();
  }

  /** The current token (a call, so that TypeScript does not narrow it across calls). */
  private tok(): number {
    return this.t;
  }

  private testNext(t: number): boolean {
    if (this.t === t) {
      this.next();
      return true;
    }
    return false;
  }

  private checkNext(t: number): void {
    if (this.t !== t) this.errorExpected(t);
    this.next();
  }

  private syntaxError(msg: string): never {
    // Lua omits "near" for token 0 (a NUL byte in the source)
    if (this.t === 0) throw new LuaParseError(msg, this.errLine());
    throw new LuaParseError(`${msg} near ${this.nearText()}`, this.errLine());
  }

  /** An error without "near <token>" (luaK_semerror). */
  private semError(msg: string): never {
    throw new LuaParseError(msg, this.errLine());
  }

  private errorExpected(t: number): never {
    this.syntaxError(`${token2str(t)} expected`);
  }

  private checkMatch(what: number, who: number, where: number): void {
    if (this.t === what) return this.next();
    if (where === this.errLine()) this.errorExpected(what);
    this.syntaxError(`${token2str(what)} expected (to close ${token2str(who)} at line ${where})`);
  }

  private enterLevel(): void {
    if (++this.level >= MAX_C_CALLS) throw new LuaParseError("C stack overflow", this.errLine(), false);
  }

  private blockFollow(withUntil: boolean): boolean {
    switch (this.t) {
      case Tok.ELSE:
      case Tok.ELSEIF:
      case Tok.END:
      case Tok.EOS:
        return true;
      case Tok.UNTIL:
        return withUntil;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------- node helpers

  // Position objects are shared between nodes that start or end at the same token (fewer
  // long-lived objects: the parse is dominated by allocation). They must not be mutated.
  private curStart: A.Position | null = null;
  private curEnd: A.Position | null = null;
  private prevEnd: A.Position | null = null;

  /** Where the current token starts. */
  private startPos(): A.Position {
    return (this.curStart ??= { line: this.sLine, column: this.sCol });
  }

  /** A node from `start` to the end of the last consumed token. */
  private loc(start: A.Position): A.Location {
    return { start, end: (this.prevEnd ??= { line: this.pELine, column: this.pECol }) };
  }

  /** The location of the current token. */
  private tokLoc(): A.Location {
    return { start: this.startPos(), end: (this.curEnd ??= { line: this.eLine, column: this.eCol }) };
  }

  /** str_checkname: the current token must be a name; makes it an Identifier. */
  private nameNode(): A.Identifier {
    if (this.t !== Tok.NAME) this.errorExpected(Tok.NAME);
    const node: A.Identifier = { type: "Identifier", name: this.sv, loc: this.tokLoc(), range: [this.start, this.end] };
    this.next();
    return node;
  }

  private stringNode(): A.StringLiteral {
    const node: A.StringLiteral = {
      type: "StringLiteral",
      value: this.sv,
      raw: this.src.slice(this.start, this.end),
      loc: this.tokLoc(),
      range: [this.start, this.end],
    };
    this.next();
    return node;
  }

  // ---------------------------------------------------------------- scopes, labels, gotos

  private openFunc(line: number): Func {
    const fs: Func = {
      parent: this.fs ?? null,
      isVararg: false,
      line,
      actvar: [],
      nactvar: 0,
      bl: null,
      firstLabel: this.labels.length,
    };
    this.fs = fs;
    this.enterBlock(false);
    return fs;
  }

  private closeFunc(): void {
    this.leaveBlock();
    this.fs = this.fs.parent!;
  }

  private enterBlock(isLoop: boolean): void {
    const fs = this.fs;
    fs.bl = { prev: fs.bl, nactvar: fs.nactvar, firstLabel: this.labels.length, firstGoto: this.gotos.length, isLoop };
  }

  private leaveBlock(): void {
    const fs = this.fs;
    const bl = fs.bl!;
    fs.actvar.length = bl.nactvar;
    fs.nactvar = bl.nactvar;
    if (bl.isLoop) this.createLabel("break", 0, false); // resolves pending breaks
    this.labels.length = bl.firstLabel;
    fs.bl = bl.prev;
    const gotos = this.gotos;
    if (bl.prev) {
      // pending gotos now leave from the enclosing block, at its level
      for (let i = bl.firstGoto; i < gotos.length; i++) if (gotos[i].nactvar > bl.nactvar) gotos[i].nactvar = bl.nactvar;
    } else if (bl.firstGoto < gotos.length) {
      const gt = gotos[bl.firstGoto];
      if (gt.name === "break") this.semError(`break outside loop at line ${gt.line}`);
      this.semError(`no visible label '${gt.name}' for <goto> at line ${gt.line}`);
    }
  }

  private declareLocal(name: string): void {
    const fs = this.fs;
    if (fs.actvar.length + 1 > MAX_VARS) {
      const where = fs.line === 0 ? "main function" : `function at line ${fs.line}`;
      this.syntaxError(`too many local variables (limit is ${MAX_VARS}) in ${where}`);
    }
    fs.actvar.push(name);
  }

  private findLabel(name: string): Label | undefined {
    const labels = this.labels;
    for (let i = this.fs.firstLabel; i < labels.length; i++) if (labels[i].name === name) return labels[i];
    return undefined;
  }

  private createLabel(name: string, line: number, last: boolean): void {
    const fs = this.fs;
    const lb: Label = { name, line, nactvar: last ? fs.bl!.nactvar : fs.nactvar };
    this.labels.push(lb);
    const gotos = this.gotos;
    for (let i = fs.bl!.firstGoto; i < gotos.length; ) {
      const gt = gotos[i];
      if (gt.name === name) {
        if (gt.nactvar < lb.nactvar) {
          const local = fs.actvar[gt.nactvar];
          this.semError(`<goto ${name}> at line ${gt.line} jumps into the scope of local '${local}'`);
        }
        gotos.splice(i, 1);
      } else i++;
    }
  }

  // ---------------------------------------------------------------- chunk and blocks

  parseChunk(): A.Chunk {
    this.advance(); // first token
    const so = this.start, sp = this.startPos();
    const fs = this.openFunc(0);
    fs.isVararg = true;
    const body: Body = [];
    this.statlist(body);
    if (this.t !== Tok.EOS) this.errorExpected(Tok.EOS);
    this.closeFunc();
    if (body.length === 0) {
      // luaparse ends an empty chunk at the end of input
      this.pEnd = this.end;
      this.pELine = this.eLine;
      this.pECol = this.eCol;
      this.prevEnd = null;
    }
    return { type: "Chunk", body, loc: this.loc(sp), range: [so, this.pEnd] };
  }

  private statlist(body: Body): void {
    while (!this.blockFollow(true)) {
      if (this.t === Tok.RETURN) {
        this.statement(body);
        return; // 'return' must be the last statement
      }
      this.statement(body);
    }
  }

  private block(): Body {
    this.enterBlock(false);
    const body: Body = [];
    this.statlist(body);
    this.leaveBlock();
    return body;
  }

  // ---------------------------------------------------------------- statements

  private statement(body: Body): void {
    const line = this.errLine();
    this.enterLevel();
    const so = this.start, sp = this.startPos();
    switch (this.t) {
      case 59: // ';'
        this.next();
        break;
      case Tok.IF:
        this.ifStat(body, line, so, sp);
        break;
      case Tok.WHILE: {
        this.next();
        const condition = this.expr();
        this.enterBlock(true);
        this.checkNext(Tok.DO);
        const b = this.block();
        this.checkMatch(Tok.END, Tok.WHILE, line);
        this.leaveBlock();
        body.push({ type: "WhileStatement", condition, body: b, loc: this.loc(sp), range: [so, this.pEnd] });
        break;
      }
      case Tok.DO: {
        this.next();
        const b = this.block();
        this.checkMatch(Tok.END, Tok.DO, line);
        body.push({ type: "DoStatement", body: b, loc: this.loc(sp), range: [so, this.pEnd] });
        break;
      }
      case Tok.FOR:
        this.forStat(body, line, so, sp);
        break;
      case Tok.REPEAT: {
        this.enterBlock(true); // loop block
        this.enterBlock(false); // scope block (the condition sees the body's locals)
        this.next();
        const b: Body = [];
        this.statlist(b);
        this.checkMatch(Tok.UNTIL, Tok.REPEAT, line);
        const condition = this.expr();
        this.leaveBlock();
        this.leaveBlock();
        body.push({ type: "RepeatStatement", condition, body: b, loc: this.loc(sp), range: [so, this.pEnd] });
        break;
      }
      case Tok.FUNCTION:
        this.funcStat(body, line, so, sp);
        break;
      case Tok.LOCAL:
        this.next();
        if (this.testNext(Tok.FUNCTION)) this.localFunc(body, so, sp);
        else this.localStat(body, so, sp);
        break;
      case Tok.DBCOLON: {
        this.next();
        const label = this.nameNode();
        this.checkNext(Tok.DBCOLON);
        body.push({ type: "LabelStatement", label, loc: this.loc(sp), range: [so, this.pEnd] });
        // other no-op statements (';' and labels) go first
        while (this.tok() === 59 || this.tok() === Tok.DBCOLON) this.statement(body);
        const prev = this.findLabel(label.name);
        if (prev) this.semError(`label '${label.name}' already defined on line ${prev.line}`);
        this.createLabel(label.name, line, this.blockFollow(false));
        break;
      }
      case Tok.RETURN: {
        this.next();
        const args = this.blockFollow(true) || this.tok() === 59 ? [] : this.exprList();
        this.testNext(59);
        body.push({ type: "ReturnStatement", arguments: args, loc: this.loc(sp), range: [so, this.pEnd] });
        break;
      }
      case Tok.BREAK: {
        this.next();
        this.gotos.push({ name: "break", line, nactvar: this.fs.nactvar });
        body.push({ type: "BreakStatement", loc: this.loc(sp), range: [so, this.pEnd] });
        break;
      }
      case Tok.GOTO: {
        this.next();
        const gline = this.errLine();
        const label = this.nameNode();
        if (!this.findLabel(label.name)) this.gotos.push({ name: label.name, line: gline, nactvar: this.fs.nactvar });
        body.push({ type: "GotoStatement", label, loc: this.loc(sp), range: [so, this.pEnd] });
        break;
      }
      case Tok.NAME:
        if (this.sv === "global") {
          const a = this.peek(true); // 5.5 extension: Lua 5.4 reads no lookahead here
          if (a === Tok.NAME || a === Tok.FUNCTION || a === 60 || a === 42) {
            this.globalStat(body, so, sp);
            break;
          }
        }
        this.exprStat(body, so, sp);
        break;
      default:
        this.exprStat(body, so, sp);
    }
    this.level--;
  }

  private ifStat(body: Body, line: number, so: number, sp: A.Position): void {
    const clauses: A.IfStatement["clauses"] = [];
    // IF cond THEN block: the clause starts with the statement
    this.next();
    let condition = this.expr();
    this.checkNext(Tok.THEN);
    let b = this.block();
    clauses.push({ type: "IfClause", condition, body: b, loc: this.loc(sp), range: [so, this.pEnd] });
    while (this.t === Tok.ELSEIF) {
      const co = this.start, cp = this.startPos();
      this.next();
      condition = this.expr();
      this.checkNext(Tok.THEN);
      b = this.block();
      clauses.push({ type: "ElseifClause", condition, body: b, loc: this.loc(cp), range: [co, this.pEnd] });
    }
    if (this.t === Tok.ELSE) {
      const co = this.start, cp = this.startPos();
      this.next();
      b = this.block();
      clauses.push({ type: "ElseClause", body: b, loc: this.loc(cp), range: [co, this.pEnd] });
    }
    this.checkMatch(Tok.END, Tok.IF, line);
    body.push({ type: "IfStatement", clauses, loc: this.loc(sp), range: [so, this.pEnd] });
  }

  private forStat(body: Body, line: number, so: number, sp: A.Position): void {
    this.enterBlock(true); // scope of the loop and control variables
    this.next();
    const first = this.nameNode();
    let node: A.ForNumericStatement | A.ForGenericStatement;
    switch (this.t) {
      case 61: {
        // '=': numeric for
        for (let i = 0; i < 3; i++) this.declareLocal("(for state)");
        this.declareLocal(first.name);
        this.next();
        const start = this.expr();
        this.checkNext(44);
        const end = this.expr();
        const step = this.testNext(44) ? this.expr() : null;
        this.fs.nactvar += 3;
        const b = this.forBody(1);
        this.checkMatch(Tok.END, Tok.FOR, line);
        node = { type: "ForNumericStatement", variable: first, start, end, step, body: b, loc: this.loc(sp), range: [so, this.pEnd] };
        break;
      }
      case 44:
      case Tok.IN: {
        for (let i = 0; i < 4; i++) this.declareLocal("(for state)");
        this.declareLocal(first.name);
        const variables = [first];
        while (this.testNext(44)) {
          const v = this.nameNode();
          this.declareLocal(v.name);
          variables.push(v);
        }
        this.checkNext(Tok.IN);
        const iterators = this.exprList();
        this.fs.nactvar += 4;
        const b = this.forBody(variables.length);
        this.checkMatch(Tok.END, Tok.FOR, line);
        node = { type: "ForGenericStatement", variables, iterators, body: b, loc: this.loc(sp), range: [so, this.pEnd] };
        break;
      }
      default:
        this.syntaxError("'=' or 'in' expected");
    }
    this.leaveBlock();
    body.push(node);
  }

  private forBody(nvars: number): Body {
    this.checkNext(Tok.DO);
    this.enterBlock(false); // scope of the declared variables
    this.fs.nactvar += nvars;
    const b = this.block();
    this.leaveBlock();
    return b;
  }

  private funcStat(body: Body, line: number, so: number, sp: A.Position): void {
    this.next();
    const no = this.start, np = this.startPos();
    let identifier: A.Identifier | A.MemberExpression = this.nameNode();
    let isMethod = false;
    while (this.t === 46 || this.t === 58) {
      const indexer = this.t === 46 ? "." : ":";
      this.next();
      const key = this.nameNode();
      identifier = { type: "MemberExpression", indexer, identifier: key, base: identifier, loc: this.loc(np), range: [no, this.pEnd] };
      if (indexer === ":") {
        isMethod = true;
        break;
      }
    }
    const [parameters, b] = this.funcBody(isMethod, line);
    body.push({ type: "FunctionDeclaration", identifier, isLocal: false, parameters, body: b, loc: this.loc(sp), range: [so, this.pEnd] });
  }

  private localFunc(body: Body, so: number, sp: A.Position): void {
    const identifier = this.nameNode();
    this.declareLocal(identifier.name);
    this.fs.nactvar++;
    const [parameters, b] = this.funcBody(false, this.errLine());
    body.push({ type: "FunctionDeclaration", identifier, isLocal: true, parameters, body: b, loc: this.loc(sp), range: [so, this.pEnd] });
  }

  private localStat(body: Body, so: number, sp: A.Position): void {
    const variables: A.Identifier[] = [];
    const attribs: string[] = [];
    let toclose = false;
    do {
      const v = this.nameNode();
      this.declareLocal(v.name);
      let attrib = "";
      if (this.testNext(60)) {
        if (this.t !== Tok.NAME) this.errorExpected(Tok.NAME);
        const a = this.sv;
        this.next();
        this.checkNext(62);
        if (a === "const") attrib = "const";
        else if (a === "close") {
          attrib = "close";
          if (toclose) this.semError("multiple to-be-closed variables in local list");
          toclose = true;
        } else this.semError(`unknown attribute '${a}'`);
      }
      variables.push(v);
      attribs.push(attrib);
    } while (this.testNext(44));
    const init = this.testNext(61) ? this.exprList() : [];
    this.fs.nactvar += variables.length;
    body.push({ type: "LocalStatement", variables, init, attribs, loc: this.loc(sp), range: [so, this.pEnd] });
  }

  /** Lua 5.5: `global function f body`, `global [<attr>] *`, or
   *  `global [<attr>] name [<attr>] {, name [<attr>]} [= explist]`. */
  private globalStat(body: Body, so: number, sp: A.Position): void {
    this.next(); // 'global'
    if (this.testNext(Tok.FUNCTION)) {
      const identifier = this.nameNode();
      const [parameters, b] = this.funcBody(false, this.errLine());
      body.push({
        type: "FunctionDeclaration", identifier, isLocal: false, parameters, body: b, isGlobal: true,
        loc: this.loc(sp), range: [so, this.pEnd],
      });
      return;
    }
    const defAttr = this.t === 60 ? this.globalAttrib() : "";
    if (this.testNext(42)) {
      body.push({ type: "GlobalStatement", names: [], attribs: [defAttr], wildcard: true, init: [], variables: [], loc: this.loc(sp), range: [so, this.pEnd] });
      return;
    }
    const names: string[] = [];
    const attribs: string[] = [];
    const variables: A.Identifier[] = [];
    do {
      const v = this.nameNode();
      names.push(v.name);
      variables.push(v);
      attribs.push(this.tok() === 60 ? this.globalAttrib() : defAttr);
    } while (this.testNext(44));
    const init = this.testNext(61) ? this.exprList() : [];
    body.push({ type: "GlobalStatement", names, attribs, wildcard: false, init, variables, loc: this.loc(sp), range: [so, this.pEnd] });
  }

  private globalAttrib(): string {
    this.next(); // '<'
    if (this.t !== Tok.NAME) this.errorExpected(Tok.NAME);
    const a = this.sv;
    this.next();
    this.checkNext(62);
    if (a === "const") return "const";
    if (a === "close") this.semError("global variables cannot be to-be-closed");
    this.semError(`unknown attribute '${a}'`);
  }

  private exprStat(body: Body, so: number, sp: A.Position): void {
    const e = this.suffixedExp();
    if (this.t === 61 || this.t === 44) {
      // assignment
      if (!isVar(e)) this.syntaxError("syntax error");
      const variables = [e as A.AssignmentStatement["variables"][number]];
      const saved = this.level;
      while (this.testNext(44)) {
        const v = this.suffixedExp();
        this.enterLevel();
        if (!isVar(v)) this.syntaxError("syntax error");
        variables.push(v as A.AssignmentStatement["variables"][number]);
      }
      this.checkNext(61);
      const init = this.exprList();
      this.level = saved;
      body.push({ type: "AssignmentStatement", variables, init, loc: this.loc(sp), range: [so, this.pEnd] });
      return;
    }
    if (!isCall(e)) this.syntaxError("syntax error");
    body.push({ type: "CallStatement", expression: e as A.CallStatement["expression"], loc: this.loc(sp), range: [so, this.pEnd] });
  }

  // ---------------------------------------------------------------- functions

  /** '(' parlist ')' block END, in a new function; returns parameters and body. */
  private funcBody(isMethod: boolean, line: number): [A.FunctionDeclaration["parameters"], Body] {
    const fs = this.openFunc(line);
    if (isMethod) {
      this.declareLocal("self");
      fs.nactvar++;
    }
    this.checkNext(40);
    const params: A.FunctionDeclaration["parameters"] = [];
    let nparams = 0;
    if (this.t !== 41) {
      do {
        if (this.t === Tok.NAME) {
          const p = this.nameNode();
          this.declareLocal(p.name);
          params.push(p);
          nparams++;
        } else if (this.t === Tok.DOTS) {
          const p: A.VarargLiteral = { type: "VarargLiteral", value: "...", raw: "...", loc: this.tokLoc(), range: [this.start, this.end] };
          this.next();
          fs.isVararg = true;
          if (this.tok() === Tok.NAME) {
            // Lua 5.5 named vararg parameter
            p.name = this.sv;
            this.declareLocal(this.sv);
            nparams++;
            this.next();
          }
          params.push(p);
          break;
        } else this.syntaxError("<name> or '...' expected");
      } while (this.testNext(44));
    }
    fs.nactvar += nparams;
    this.checkNext(41);
    const body: Body = [];
    this.statlist(body);
    this.checkMatch(Tok.END, Tok.FUNCTION, line);
    this.closeFunc();
    return [params, body];
  }

  // ---------------------------------------------------------------- expressions

  private exprList(): A.Expression[] {
    const list = [this.expr()];
    while (this.testNext(44)) list.push(this.expr());
    return list;
  }

  private expr(): A.Expression {
    return this.subExpr(0);
  }

  private subExpr(limit: number): A.Expression {
    this.enterLevel();
    const so = this.start, sp = this.startPos();
    let e: A.Expression;
    const uop = UNOP[this.t];
    if (uop !== undefined) {
      this.next();
      const argument = this.subExpr(UNARY_PRIORITY);
      e = { type: "UnaryExpression", operator: uop as A.UnaryExpression["operator"], argument, loc: this.loc(sp), range: [so, this.pEnd] };
    } else e = this.simpleExp();
    let t = this.t;
    while (t <= Tok.STRING && LEFT[t] > limit) {
      const operatorLine = this.errLine();
      this.next();
      const right = this.subExpr(RIGHT[t]);
      if (t === Tok.AND || t === Tok.OR)
        e = {
          type: "LogicalExpression", operator: t === Tok.AND ? "and" : "or", left: e, right,
          loc: this.loc(sp), range: [so, this.pEnd], operatorLine,
        };
      else
        e = {
          type: "BinaryExpression", operator: BINOP[t] as A.BinaryOperator, left: e, right,
          loc: this.loc(sp), range: [so, this.pEnd], operatorLine,
        };
      t = this.t;
    }
    this.level--;
    return e;
  }

  private simpleExp(): A.Expression {
    let node: A.Expression;
    switch (this.t) {
      case Tok.NUMBER:
        node = {
          type: "NumericLiteral", value: this.numberValue(), raw: this.src.slice(this.start, this.end),
          loc: this.tokLoc(), range: [this.start, this.end],
        };
        break;
      case Tok.STRING:
        return this.stringNode();
      case Tok.NIL:
        node = { type: "NilLiteral", value: null, raw: "nil", loc: this.tokLoc(), range: [this.start, this.end] };
        break;
      case Tok.TRUE:
        node = { type: "BooleanLiteral", value: true, raw: "true", loc: this.tokLoc(), range: [this.start, this.end] };
        break;
      case Tok.FALSE:
        node = { type: "BooleanLiteral", value: false, raw: "false", loc: this.tokLoc(), range: [this.start, this.end] };
        break;
      case Tok.DOTS:
        if (!this.fs.isVararg) this.syntaxError("cannot use '...' outside a vararg function");
        node = { type: "VarargLiteral", value: "...", raw: "...", loc: this.tokLoc(), range: [this.start, this.end] };
        break;
      case 123: // '{'
        return this.constructorExp();
      case Tok.FUNCTION: {
        const so = this.start, sp = this.startPos();
        this.next();
        const [parameters, body] = this.funcBody(false, this.errLine());
        return { type: "FunctionDeclaration", identifier: null, isLocal: false, parameters, body, loc: this.loc(sp), range: [so, this.pEnd] };
      }
      default:
        return this.suffixedExp();
    }
    this.next();
    return node;
  }

  private primaryExp(): A.Expression {
    if (this.t === Tok.NAME) return this.nameNode();
    if (this.t === 40) {
      const line = this.errLine();
      this.next();
      const e = this.expr();
      this.checkMatch(41, 40, line);
      e.inParens = true;
      return e;
    }
    this.syntaxError("unexpected symbol");
  }

  private suffixedExp(): A.Expression {
    const so = this.start, sp = this.startPos();
    const line = this.errLine();
    let e = this.primaryExp();
    for (;;) {
      switch (this.t) {
        case 46: {
          // '.' NAME
          this.next();
          const identifier = this.nameNode();
          e = { type: "MemberExpression", indexer: ".", identifier, base: e, loc: this.loc(sp), range: [so, this.pEnd] };
          break;
        }
        case 91: {
          // '[' exp ']'
          this.next();
          const index = this.expr();
          this.checkNext(93);
          e = { type: "IndexExpression", base: e, index, loc: this.loc(sp), range: [so, this.pEnd] };
          break;
        }
        case 58: {
          // ':' NAME funcargs
          this.next();
          const identifier = this.nameNode();
          e = { type: "MemberExpression", indexer: ":", identifier, base: e, loc: this.loc(sp), range: [so, this.pEnd] };
          e = this.funcArgs(e, line, so, sp);
          break;
        }
        case 40:
        case 123:
        case Tok.STRING:
          e = this.funcArgs(e, line, so, sp);
          break;
        default:
          return e;
      }
    }
  }

  private funcArgs(base: A.Expression, line: number, so: number, sp: A.Position): A.Expression {
    switch (this.t) {
      case 40: {
        this.next();
        const args = this.tok() === 41 ? [] : this.exprList();
        this.checkMatch(41, 40, line);
        return { type: "CallExpression", base, arguments: args, loc: this.loc(sp), range: [so, this.pEnd] };
      }
      case 123: {
        const table = this.constructorExp();
        return { type: "TableCallExpression", base, arguments: table, loc: this.loc(sp), range: [so, this.pEnd] };
      }
      case Tok.STRING: {
        const argument = this.stringNode();
        return { type: "StringCallExpression", base, argument, loc: this.loc(sp), range: [so, this.pEnd] };
      }
      default:
        this.syntaxError("function arguments expected");
    }
  }

  private constructorExp(): A.TableConstructorExpression {
    const line = this.errLine();
    const so = this.start, sp = this.startPos();
    this.next(); // '{'
    const fields: A.TableConstructorExpression["fields"] = [];
    do {
      if (this.t === 125) break;
      const fo = this.start, fp = this.startPos();
      if (this.t === Tok.NAME && this.peek() === 61) {
        const key = this.nameNode();
        this.next(); // '='
        const value = this.expr();
        fields.push({ type: "TableKeyString", key, value, loc: this.loc(fp), range: [fo, this.pEnd] });
      } else if (this.t === 91) {
        this.next();
        const key = this.expr();
        this.checkNext(93);
        this.checkNext(61);
        const value = this.expr();
        fields.push({ type: "TableKey", key, value, loc: this.loc(fp), range: [fo, this.pEnd] });
      } else {
        const value = this.expr();
        fields.push({ type: "TableValue", value, loc: this.loc(fp), range: [fo, this.pEnd] });
      }
    } while (this.testNext(44) || this.testNext(59));
    this.checkMatch(125, 123, line);
    return { type: "TableConstructorExpression", fields, loc: this.loc(sp), range: [so, this.pEnd] };
  }
}

function isVar(e: A.Expression): boolean {
  return !e.inParens && (e.type === "Identifier" || e.type === "MemberExpression" || e.type === "IndexExpression");
}

function isCall(e: A.Expression): boolean {
  return !e.inParens && (e.type === "CallExpression" || e.type === "StringCallExpression" || e.type === "TableCallExpression");
}

/** Parses a Lua chunk (a byte string: the file read as latin1) into a luaparse-shaped tree.
 *  Throws LuaParseError with Lua 5.4's message and line. */
export function parse(src: string, opts?: ParseOptions): A.Chunk {
  return new Parser(src, opts).parseChunk();
}
