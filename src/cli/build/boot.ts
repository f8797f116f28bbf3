// The start of a file built by `assay build`: evaluates the runtime bundles it embeds. Each
// bundle (dist/bundle/embed/*.js, CommonJS function bodies) is compiled as a vm.Script under
// a virtual file name, assay-build/bundle/<name>.mjs, that ends as the installed bundle's
// does: frameKind (core/errors.ts) then classifies their stack frames exactly as it
// classifies dist/bundle/*.mjs — core.mjs and compiler.mjs are runtime plumbing Lua never sees; libs.mjs,
// exec.mjs and cli.mjs are builtins — so error positions, "(local 'x')" names, argument-error
// wording and error levels come out as under `assay run`. V8's code cache for the scripts,
// made when the file was built, spares most of the compiling when this Node is the one that
// built it (same V8, same flags); otherwise V8 rejects it and compiles as usual. (The file
// names do not depend on where the file is: V8 11 keeps the name a cached script was made
// under.) Their import.meta.url, __assay_url, is <built file>/assay/bundle/<name>.mjs: no
// stdlib directory can be found from there.
//
// `boot` is copied into the built file as text (Function.prototype.toString), and run again
// in worker threads: it must not refer to anything outside itself.

/** The exports of each embedded bundle, by name (core, compiler, exec, libs, cli). */
export type Runtime = Record<string, Record<string, any>>;

/** V8's code cache for the bundles (base64 by name), and the V8 that made it. */
export interface CodeCache {
  v8: string;
  arch: string;
  data: Record<string, string>;
}

/** Evaluates the bundles in `code` (in dependency order). `req` is the built file's require,
 *  used for Node's own modules only; `self` the built file's path. The scripts are left in
 *  `scripts` (to make a code cache of). `packed` holds bundles evaluated on first use,
 *  compressed (emit.ts): "vendor/<package>" answers require("<package>"). */
export function boot(
  code: Record<string, string>,
  cache: CodeCache | null,
  req: (id: string) => any,
  self: string,
  scripts: Record<string, any> = {},
  packed: Record<string, string> = {},
): Runtime {
  const vm = req("node:vm");
  const { pathToFileURL } = req("node:url");
  const { isBuiltin } = req("node:module");
  const rt: Runtime = {};
  const vendor: Record<string, unknown> = {};
  // a bundle's imports of another bundle are require("./core.mjs") and the like; one that
  // is not loaded yet (core requires the compiler, which requires core back) is read through
  // a proxy, at run time, when it is
  const shim = (id: string): unknown => {
    const m = /^\.\/([\w-]+)\.mjs$/.exec(id);
    if (m && rt[m[1]]) return rt[m[1]];
    if (m && code[m[1]] !== undefined) {
      const name = m[1];
      return new Proxy({}, { get: (_t, p) => rt[name][p as string] });
    }
    if (isBuiltin(id)) return req(id);
    const p = packed[`vendor/${id}`];
    if (p !== undefined) return id in vendor ? vendor[id] : (vendor[id] = unpackModule(id, p));
    throw new Error(`assay: '${id}' is not part of this built file`);
  };
  const unpackModule = (id: string, p: string): unknown => {
    const text = req("node:zlib").brotliDecompressSync(Buffer.from(p, "base64")).toString("utf8");
    const module = { exports: {} as unknown };
    const wrapped = `(function (exports, require, module) {\n${text}\n})`;
    new vm.Script(wrapped, { filename: `assay-build/vendor/${id}.js`, lineOffset: -1 }).runInThisContext().call(module.exports, module.exports, shim, module);
    return module.exports;
  };
  const useCache = cache !== null && cache.v8 === process.versions.v8 && cache.arch === process.arch;
  // (a built file compiles its script and modules at every start: the compiler loads with the rest)
  for (const name of ["core", "compiler", "exec", "libs", "cli"]) {
    const filename = `assay-build/bundle/${name}.mjs`;
    const cachedData = useCache && cache.data[name] ? Buffer.from(cache.data[name], "base64") : undefined;
    // (the wrapper's first line is line 0: positions are the bundle's own)
    const wrapped = `(function (exports, require, module, __assay_url) {\n${code[name]}\n})`;
    const script = new vm.Script(wrapped, { filename, lineOffset: -1, cachedData });
    scripts[name] = script;
    const module = { exports: {} as Record<string, unknown> };
    script.runInThisContext().call(module.exports, module.exports, shim, module, pathToFileURL(`${self}/assay/bundle/${name}.mjs`).href);
    // plain properties instead of esbuild's export getters (no bundle reassigns an export)
    rt[name] = { ...module.exports };
  }
  return rt;
}
