// Minimises a failing program: removes statements (halves, then quarters, ... then single
// ones), inlines the blocks of compound statements, unwraps snippets, and replaces
// expressions by their simplest literal or by one of their sub-expressions — keeping each
// change only while `isBad(root)` still holds. Fixed text (loop counters, labels) is never
// touched, so no step can make a loop endless.

/**
 * root: a block node (changed in place). isBad: async (root) => boolean.
 * limits: {tries, deadline (ms timestamp)}. Returns the number of programs tried.
 */
export async function shrink(root, isBad, limits) {
  const st = { tries: 0, ...limits };
  const exhausted = () => st.tries >= st.maxTries || Date.now() > st.deadline;
  const test = async () => {
    st.tries++;
    return isBad(root);
  };
  let progress = true;
  while (progress && !exhausted()) {
    const before = JSON.stringify(root);
    await visit(root, test, exhausted);
    progress = JSON.stringify(root) !== before;
  }
  return st.tries;
}

async function visit(node, test, exhausted) {
  if (typeof node === 'string' || exhausted()) return;
  if (node.k === 'b') {
    await removeItems(node, test, exhausted);
    await inlineItems(node, test, exhausted);
    for (const item of [...node.items]) if (node.items.includes(item)) await visit(item, test, exhausted);
  } else if (node.k === 's') {
    for (const p of node.p) await visit(p, test, exhausted);
  } else {
    await simplifyExpr(node, test, exhausted);
    for (const p of node.p) await visit(p, test, exhausted);
  }
}

/** Tries a change; undoes it unless the program is still bad. */
async function attempt(apply, undo, test) {
  apply();
  if (await test()) return true;
  undo();
  return false;
}

async function removeItems(b, test, exhausted) {
  for (let chunk = Math.ceil(b.items.length / 2); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let i = 0; i < b.items.length && !exhausted(); ) {
      const saved = b.items.slice();
      const keep = b.items.slice(i, i + chunk).filter((x) => typeof x === 'string');
      if (keep.length === Math.min(chunk, b.items.length - i)) {
        i += chunk;
        continue;
      }
      const ok = await attempt(
        () => b.items.splice(i, chunk, ...keep),
        () => (b.items = saved),
        test,
      );
      if (!ok) i += chunk;
      else i += keep.length;
    }
    if (chunk === 1) break;
  }
}

/** Replaces a compound statement by the statements of one of its blocks (the if's then
 *  part, a loop's body, a snippet's body). */
async function inlineItems(b, test, exhausted) {
  for (let i = 0; i < b.items.length && !exhausted(); i++) {
    const item = b.items[i];
    if (typeof item === 'string' || item.k !== 's') continue;
    for (const part of item.p) {
      if (typeof part === 'string' || part.k !== 'b') continue;
      const saved = b.items.slice();
      if (await attempt(() => b.items.splice(i, 1, ...part.items), () => (b.items = saved), test)) {
        i--;
        break;
      }
    }
  }
}

function text(node) {
  return typeof node === 'string' ? node : node.p.map(text).join('');
}

async function simplifyExpr(e, test, exhausted) {
  const saved = { p: e.p, alt: e.alt };
  const undo = () => Object.assign(e, saved);
  if (text(e) !== e.alt && (await attempt(() => (e.p = [e.alt]), undo, test))) return;
  for (const child of kids(e)) {
    if (exhausted()) return;
    if (await attempt(() => Object.assign(e, { p: child.p, alt: child.alt }), undo, test)) return;
  }
}

/** The expression nodes directly below e (looking through statements and blocks). */
function kids(e) {
  const out = [];
  const walk = (n) => {
    if (typeof n === 'string') return;
    if (n.k === 'e') out.push(n);
    else for (const c of n.k === 'b' ? n.items : n.p) walk(c);
  };
  for (const p of e.p) walk(p);
  return out;
}
