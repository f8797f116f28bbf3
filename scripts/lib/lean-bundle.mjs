// Two of esbuild's CommonJS helpers cost start-up time for nothing in the launcher's bundles
// (dist/bundle/run/*.cjs), where every line of top-level code runs at every start:
// - keepNames adds `__name(f, "f");` after each function and class declaration, a
//   defineProperty that sets the name the declaration already gave (600 of them in the
//   libs bundle). Only the calls whose name differs (renamed functions) are kept.
// - __toESM, for `import fs from "node:fs"`, copies every export of the module into a new
//   object as a getter (for each importing file, at every start). Reading through an object
//   whose prototype is the module gives the same values, live as the getters were.
/** `text` of one bundle without the no-op name calls and with the cheaper __toESM. */
export function leanBundle(text, file) {
  const noNames = text.replace(/^[ \t]*__name\(([A-Za-z_$][\w$]*), "\1"\);\n/gm, "");
  const copying = /var __toESM = \((\w+), isNodeMode, (\w+)\) =>/g;
  const found = noNames.match(copying);
  if (found === null) return noNames;
  if (found.length !== 1) throw new Error(`${file}: esbuild's __toESM helper appears more than once`);
  const lean = [
    "var __toESM = (mod, isNodeMode) => mod != null && mod.__esModule && !isNodeMode ? mod :",
    "  Object.create(mod ?? null, { default: { value: mod, enumerable: true } });",
    "var __toESMCopying =",
  ].join("\n");
  return noNames.replace(copying, (_m, mod, target) => `${lean} (${mod}, isNodeMode, ${target}) =>`);
}
