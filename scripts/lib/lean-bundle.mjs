// Two of esbuild's CommonJS helpers cost start-up time for nothing in the launcher's bundles
// (dist/bundle/run/*.cjs), where every line of top-level code runs at every start:
// - keepNames adds `__name(f, "f");` after each function and class declaration, a
//   defineProperty that sets the name the declaration already gave (600 of them in the
//   libs bundle). Only the calls whose name differs (renamed functions) are kept.
// - __toESM, for `import fs from "node:fs"`, copies every export of the module into a new
//   object as a getter (for each importing file, at every start). Reading through an object
//   whose prototype is the module gives the same values, live as the getters were.
// - The entry's exports: esbuild defines a getter for each (~300 in the core and libs
//   bundles), then __toCommonJS copies them as getters into another object, which the
//   launcher spread into plain properties: three passes of defineProperty and closures.
//   The bundle now ends with one object literal of its exports' values, made when its
//   top-level code has run (the launcher already froze the values so; no bundle reassigns
//   an export).
/** `text` of one bundle without the no-op name calls, with the cheaper __toESM and with its
 *  exports as plain values. */
export function leanBundle(text, file) {
  const noNames = plainExports(text.replace(/^[ \t]*__name\(([A-Za-z_$][\w$]*), "\1"\);\n/gm, ""), file);
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

/** The entry's `__export(x_exports, { name: () => local, ... })` becomes one object literal
 *  at the end of the bundle, `module.exports = { name: local, ... }`: its values, read once
 *  its top-level code has run. */
function plainExports(text, file) {
  const entry = /^module\.exports = __toCommonJS\((\w+)\);$/m.exec(text);
  if (entry === null) return text;
  const name = entry[1];
  const decl = new RegExp(`^__export\\(${name}, \\{$`, "gm");
  const found = text.match(decl);
  if (found === null || found.length !== 1) throw new Error(`${file}: expected one __export of ${name}`);
  // (esbuild assigns module.exports before the modules' code, its getters being live; the
  // values exist only after it, so the assignment moves to the end.) An object literal is in
  // V8's fast mode up to ~1000 properties; one given its ~300 properties one at a time is in
  // dictionary mode, where every `import_x.f` read by another bundle is a hash lookup (that
  // made coroutine code, which calls across bundles at every resume, twice as slow). Making
  // a getter for each export and calling them all cost ~1 ms a bundle at every start.
  const start = text.search(decl);
  const end = text.indexOf("\n});", start);
  const lines = text.slice(start, end).split("\n").slice(1);
  const props = lines.map((line) => {
    const m = /^\s*([\w$]+): \(\) => ([\w$.]+),?$/.exec(line);
    if (m === null) throw new Error(`${file}: unexpected export line: ${line}`);
    // (an export that is another bundle's value, re-exported, would be read here, when this
    // bundle loads: the launcher loads the cli bundle alone when it only supervises a worker)
    if (m[2].startsWith("import_")) throw new Error(`${file}: '${m[1]}' re-exports another module's value; import it from there instead`);
    if (!/^[\w$]+$/.test(m[2])) throw new Error(`${file}: export '${m[1]}' is not a plain binding: ${m[2]}`);
    return m[1] === m[2] ? m[1] : `${m[1]}: ${m[2]}`;
  });
  if (props.length > 1000) throw new Error(`${file}: ${props.length} exports; above ~1000 V8 keeps the exports object in dictionary mode`);
  const values = `module.exports = { ${props.join(", ")} };`;
  return `${text.slice(0, start)}${text.slice(end + "\n});".length)}`.replace(entry[0], "").trimEnd() + `\n${values}\n`;
}
