// The syntax tree: the node shapes of luaparse 0.3.1 (same `type` names and fields, so code
// written against luaparse's tree keeps working), plus what luaparse cannot express:
// local attributes, parentheses, named varargs, operator lines and Lua 5.5 `global`.
// Every node has `loc` (1-based lines, 0-based columns) and `range` ([start, end) offsets
// into the source bytes), with luaparse's conventions for where a node starts and ends.

export interface Position {
  line: number;
  column: number;
}

export interface Location {
  start: Position;
  end: Position;
}

export interface Base<TType extends string> {
  type: TType;
  loc: Location;
  range: [number, number];
}

/** Fields every expression may carry. */
export interface ExprExtra {
  /** the expression stood in parentheses (which truncates a call or `...` to one value) */
  inParens?: boolean;
}

export interface LabelStatement extends Base<"LabelStatement"> {
  label: Identifier;
}

export type BreakStatement = Base<"BreakStatement">;

export interface GotoStatement extends Base<"GotoStatement"> {
  label: Identifier;
}

export interface ReturnStatement extends Base<"ReturnStatement"> {
  arguments: Expression[];
}

export interface IfStatement extends Base<"IfStatement"> {
  clauses: Array<IfClause | ElseifClause | ElseClause>;
}

export interface IfClause extends Base<"IfClause"> {
  condition: Expression;
  body: Statement[];
}

export interface ElseifClause extends Base<"ElseifClause"> {
  condition: Expression;
  body: Statement[];
}

export interface ElseClause extends Base<"ElseClause"> {
  body: Statement[];
}

export interface WhileStatement extends Base<"WhileStatement"> {
  condition: Expression;
  body: Statement[];
}

export interface DoStatement extends Base<"DoStatement"> {
  body: Statement[];
}

export interface RepeatStatement extends Base<"RepeatStatement"> {
  condition: Expression;
  body: Statement[];
}

export interface LocalStatement extends Base<"LocalStatement"> {
  variables: Identifier[];
  init: Expression[];
  /** per variable: "", "const" or "close" */
  attribs: string[];
}

export interface AssignmentStatement extends Base<"AssignmentStatement"> {
  variables: Array<IndexExpression | MemberExpression | Identifier>;
  init: Expression[];
}

export interface CallStatement extends Base<"CallStatement"> {
  expression: CallExpression | StringCallExpression | TableCallExpression;
}

export interface FunctionDeclaration extends Base<"FunctionDeclaration">, ExprExtra {
  identifier: Identifier | MemberExpression | null;
  isLocal: boolean;
  parameters: Array<Identifier | VarargLiteral>;
  body: Statement[];
  /** Lua 5.5 `global function f` */
  isGlobal?: boolean;
}

export interface ForNumericStatement extends Base<"ForNumericStatement"> {
  variable: Identifier;
  start: Expression;
  end: Expression;
  step: Expression | null;
  body: Statement[];
}

export interface ForGenericStatement extends Base<"ForGenericStatement"> {
  variables: Identifier[];
  iterators: Expression[];
  body: Statement[];
}

/** Lua 5.5 `global [<attr>] name [<attr>] {, name [<attr>]} [= explist]` or
 *  `global [<attr>] *` (not a luaparse node). */
export interface GlobalStatement extends Base<"GlobalStatement"> {
  names: string[];
  /** per name: "" or "const"; for a wildcard, one entry: the wildcard's attribute */
  attribs: string[];
  wildcard: boolean;
  init: Expression[];
  /** the names as Identifier nodes (with their locations), parallel to `names` */
  variables: Identifier[];
}

export interface Chunk extends Base<"Chunk"> {
  body: Statement[];
}

export interface Identifier extends Base<"Identifier">, ExprExtra {
  name: string;
}

export interface StringLiteral extends Base<"StringLiteral">, ExprExtra {
  /** the bytes of the string, escapes decoded */
  value: string;
  raw: string;
}

export interface NumericLiteral extends Base<"NumericLiteral">, ExprExtra {
  /** luaparse's value (a JS number); `raw` decides integer or float */
  value: number;
  raw: string;
}

export interface BooleanLiteral extends Base<"BooleanLiteral">, ExprExtra {
  value: boolean;
  raw: string;
}

export interface NilLiteral extends Base<"NilLiteral">, ExprExtra {
  value: null;
  raw: string;
}

export interface VarargLiteral extends Base<"VarargLiteral">, ExprExtra {
  value: string;
  raw: string;
  /** Lua 5.5 named vararg parameter `...name` (parameter lists only) */
  name?: string;
}

export interface TableKey extends Base<"TableKey"> {
  key: Expression;
  value: Expression;
}

export interface TableKeyString extends Base<"TableKeyString"> {
  key: Identifier;
  value: Expression;
}

export interface TableValue extends Base<"TableValue"> {
  value: Expression;
}

export interface TableConstructorExpression extends Base<"TableConstructorExpression">, ExprExtra {
  fields: Array<TableKey | TableKeyString | TableValue>;
}

export type BinaryOperator =
  | "+" | "-" | "*" | "%" | "^" | "/" | "//" | "&" | "|" | "~" | "<<" | ">>" | ".."
  | "~=" | "==" | "<" | "<=" | ">" | ">=";

export interface BinaryExpression extends Base<"BinaryExpression">, ExprExtra {
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
  /** the line of the operator token (Lua reports operator errors there) */
  operatorLine: number;
}

export interface LogicalExpression extends Base<"LogicalExpression">, ExprExtra {
  operator: "or" | "and";
  left: Expression;
  right: Expression;
  operatorLine: number;
}

export interface UnaryExpression extends Base<"UnaryExpression">, ExprExtra {
  operator: "not" | "-" | "~" | "#";
  argument: Expression;
}

export interface MemberExpression extends Base<"MemberExpression">, ExprExtra {
  indexer: "." | ":";
  identifier: Identifier;
  base: Expression;
}

export interface IndexExpression extends Base<"IndexExpression">, ExprExtra {
  base: Expression;
  index: Expression;
}

export interface CallExpression extends Base<"CallExpression">, ExprExtra {
  base: Expression;
  arguments: Expression[];
}

export interface TableCallExpression extends Base<"TableCallExpression">, ExprExtra {
  base: Expression;
  arguments: TableConstructorExpression;
}

export interface StringCallExpression extends Base<"StringCallExpression">, ExprExtra {
  base: Expression;
  argument: StringLiteral;
}

export type Expression =
  | FunctionDeclaration
  | Identifier
  | StringLiteral
  | NumericLiteral
  | BooleanLiteral
  | NilLiteral
  | VarargLiteral
  | TableConstructorExpression
  | BinaryExpression
  | LogicalExpression
  | UnaryExpression
  | MemberExpression
  | IndexExpression
  | CallExpression
  | TableCallExpression
  | StringCallExpression;

export type Statement =
  | LabelStatement
  | BreakStatement
  | GotoStatement
  | ReturnStatement
  | IfStatement
  | WhileStatement
  | DoStatement
  | RepeatStatement
  | LocalStatement
  | AssignmentStatement
  | CallStatement
  | FunctionDeclaration
  | ForNumericStatement
  | ForGenericStatement
  | GlobalStatement;

export type Node =
  | Statement
  | Expression
  | IfClause
  | ElseifClause
  | ElseClause
  | Chunk
  | TableKey
  | TableKeyString
  | TableValue;
