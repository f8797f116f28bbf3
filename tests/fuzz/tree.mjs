// The fuzzer's program tree: just enough structure for the shrinker to drop statements and
// simplify expressions without ever producing text that does not parse.
//   expression  {k: 'e', p: parts, alt}   parts: strings and child nodes; alt: the simplest
//                                         literal of the same type (a shrink candidate)
//   statement   {k: 's', p: parts}        parts may hold expressions and blocks
//   block       {k: 'b', items}           statements, one per line
// Text the shrinker must never remove (loop counters, labels) is a plain string part.

export const expr = (parts, alt = 'nil') => ({ k: 'e', p: parts, alt });
export const stmt = (...parts) => ({ k: 's', p: parts });
export const block = (items = []) => ({ k: 'b', items });

/** Joins expressions with separators: list([a, b], ', ') → [a, ', ', b]. */
export function list(items, sep = ', ') {
  const out = [];
  items.forEach((x, i) => {
    if (i) out.push(sep);
    out.push(x);
  });
  return out;
}

/** The Lua text of a node; blocks are indented two spaces per level. */
export function render(node, ind = '') {
  if (typeof node === 'string') return node;
  if (node.k === 'b') {
    const inner = ind + '  ';
    return '\n' + node.items.map((s) => inner + render(s, inner) + '\n').join('') + ind;
  }
  let s = '';
  for (const part of node.p) s += render(part, ind);
  return s;
}

/** Renders a top-level block (no extra indentation). */
export function renderTop(b) {
  return b.items.map((s) => render(s, '') + '\n').join('');
}
