// Builds the runtime for fast start-up: a few ES module bundles instead of ~40 files.
//   dist/bundle/core.mjs  value runtime + operator helpers (frames Lua never sees)
//   dist/bundle/compiler.mjs  the compiler: the launcher loads it when a chunk is first
//                         compiled, which a run whose chunks all come from the compile cache
//                         never does
//   dist/bundle/libs.mjs  the Lua libraries and builtins (Lua's "C functions")
//   dist/bundle/cli.mjs   the command line's common forms (`run FILE`) and the runner
//   dist/bundle/commands.mjs  the option parser and every other command, loaded when the
//                         command line is not one of those forms
//   dist/bundle/exec.mjs  the I/O bridge (runtime-lib/exec/bridge.ts), imported by builtins
//                         that wait for I/O; io-worker.mjs is the thread it starts, with its ops
//   dist/bundle/embed/    the same split as CommonJS, for files built by `assay build`
// Keeping libraries in their own file lets error positions tell builtin frames from
// runtime plumbing by file name (see frameKind in core/errors.ts).
import { build, transform } from "esbuild";
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { writeBundleKeys } from "./lib/bundle-keys.mjs";
import { leanBundle } from "./lib/lean-bundle.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src");
const out = path.join(root, "dist", "bundle");

const coreDirs = ["runtime-lib/core"].map((d) => path.join(src, d) + path.sep);
const coreFiles = ["compiler/compiled.ts", "runtime-lib/helpers.ts", "runtime-lib/load.ts", "runtime-lib/compile-cache.ts", "runtime-lib/cache-files.ts", "runtime-lib/hash128.ts", "runtime-lib/node-lazy.ts", "runtime-lib/io-out.ts", "runtime-lib/traceback.ts", "version.ts"]
  .map((f) => path.join(src, f))
  .filter((f) => fs.existsSync(f));
const isCore = (f) => coreDirs.some((d) => f.startsWith(d)) || coreFiles.includes(f);
const compilerDir = path.join(src, "compiler") + path.sep;
const isCompiler = (f) => f.startsWith(compilerDir) && !isCore(f);
// libraries, builtins and the scheduler that drives them (frames Lua counts as C functions)
const libDirs = ["runtime-lib/lib", "runtime-lib/builtins"].map((d) => path.join(src, d) + path.sep);
const libFiles = ["runtime-lib/state.ts", "runtime-lib/exec/scheduler.ts", "runtime-lib/exec/timer-heap.ts", "runtime-lib/exec/signals.ts"].map((f) => path.join(src, f));
const isLib = (f) => libDirs.some((d) => f.startsWith(d)) || libFiles.includes(f);
// the I/O bridge and the worker thread it starts, with the worker's built-in ops
const execFiles = ["bridge.ts", "io-worker.ts"].map((f) => path.join(src, "runtime-lib/exec", f));
const isExec = (f) => execFiles.includes(f) || f.startsWith(path.join(src, "runtime-lib/exec/ops") + path.sep);
// PostgreSQL's wire protocol, spoken by the I/O worker and by the Lua thread: bundled into
// each bundle that imports it (the two run in different threads, and the worker must not
// load the libraries' bundle)
const isShared = (f) => f.startsWith(path.join(src, "runtime-lib/pg") + path.sep);
// The command line's own files are what cli/main.ts reaches by static imports (running a
// script); what it imports dynamically — commands.ts (the option parser and the other
// commands), the REPL, check mode — is "commands", with the rest of the command line.
const mainTs = path.join(src, "cli/main.ts");
const { reached: cliFiles, dynamic: commandsEntries } = await reachedFrom(mainTs, (f) => isCore(f) || isCompiler(f) || isLib(f) || isExec(f) || isShared(f));
const ownerOf = (f) => (isCore(f) ? "core" : isCompiler(f) ? "compiler" : isLib(f) ? "libs" : isExec(f) ? "exec" : cliFiles.has(f) ? "cli" : "commands");

/** The files of src/ that `entry` imports statically, directly or not, without passing through
 *  `stop`; and the other files of src/ they import dynamically. */
async function reachedFrom(entry, stop) {
  const dynamic = new Set();
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    outfile: "reached.mjs",
    metafile: true,
    logLevel: "warning",
    packages: "external",
    plugins: [{
      name: "stop",
      setup(b) {
        b.onResolve({ filter: /^\./ }, (args) => {
          const abs = path.resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
          if (args.kind === "dynamic-import" && abs.startsWith(src + path.sep) && !stop(abs)) dynamic.add(abs);
          return stop(abs) || args.kind === "dynamic-import" ? { path: abs, external: true } : undefined;
        });
      },
    }],
  });
  const reached = new Set(Object.keys(r.metafile.inputs).map((f) => path.resolve(root, f)).filter((f) => f.startsWith(src + path.sep)));
  return { reached, dynamic: [...dynamic].filter((f) => !reached.has(f)).sort() };
}

/** Imports of another bundle's files become imports of that bundle; `merged` names bundles
 *  whose files this one includes instead. */
function splitPlugin(self, merged = []) {
  return {
    name: "split",
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const abs = path.resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
        // (a package's own files go with the bundle that imports the package)
        if (!abs.startsWith(src + path.sep) || isShared(abs)) return undefined;
        const owner = ownerOf(abs);
        if (owner === self || merged.includes(owner)) return undefined;
        return { path: `./${owner}.mjs`, external: true };
      });
    },
  };
}

// the core bundle's entry re-exports every core module
const walkInto = (d, list) => {
  for (const f of fs.readdirSync(d)) {
    const p = path.join(d, f);
    if (fs.statSync(p).isDirectory()) walkInto(p, list);
    else if (p.endsWith(".ts")) list.push(p);
  }
};
const coreList = [];
coreDirs.forEach((d) => walkInto(d, coreList));
coreList.push(...coreFiles);
const coreEntry = coreList.map((f) => `export * from ${JSON.stringify(f)};`).join("\n");
// the compiler bundle's every compiler module
const compilerList = [];
walkInto(compilerDir, compilerList);
const compilerEntry = compilerList.filter(isCompiler).map((f) => `export * from ${JSON.stringify(f)};`).join("\n");
// and the libs bundle's entry every library module
const libList = [];
libDirs.forEach((d) => walkInto(d, libList));
libList.push(...libFiles);
const libEntry = libList.map((f) => `export * from ${JSON.stringify(f)};`).join("\n");

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

// the builtins' third-party libraries, loaded from node_modules on first use
const libExternals = ["yaml", "smol-toml", "nunjucks", "tinyglobby", "re2js", "jose", "better-sqlite3"];

await build({ ...common, stdin: { contents: coreEntry, resolveDir: src, loader: "ts" }, outfile: path.join(out, "core.mjs"), plugins: [splitPlugin("core")] });
await build({ ...common, stdin: { contents: compilerEntry, resolveDir: src, loader: "ts" }, outfile: path.join(out, "compiler.mjs"), plugins: [splitPlugin("compiler")] });
await build({
  ...common,
  stdin: { contents: libEntry, resolveDir: src, loader: "ts" },
  outfile: path.join(out, "libs.mjs"),
  plugins: [splitPlugin("libs")],
  // the builtins' third-party libraries load from node_modules on first use, so a script
  // that does not use them does not parse them at start-up (built files embed them)
  external: libExternals,
  // argument errors find a builtin's frame by its function name: keep names unrenamed
  // (only here: the property redefinitions this adds cost the core's hot helpers 3x)
  keepNames: true,
});
// (the cli bundle exports every file of its own, which the commands bundle imports)
const cliEntry = [...cliFiles].sort().map((f) => `export * from ${JSON.stringify(f)};`).join("\n");
const commandsEntry = commandsEntries.map((f) => `export * from ${JSON.stringify(f)};`).join("\n");
await build({ ...common, stdin: { contents: cliEntry, resolveDir: src, loader: "ts" }, outfile: path.join(out, "cli.mjs"), plugins: [splitPlugin("cli")] });
await build({ ...common, stdin: { contents: commandsEntry, resolveDir: src, loader: "ts" }, outfile: path.join(out, "commands.mjs"), plugins: [splitPlugin("commands")] });
await build({ ...common, entryPoints: [path.join(src, "cli/worker.ts")], outfile: path.join(out, "worker.mjs"), plugins: [splitPlugin("cli")] });
// the I/O bridge and its worker (which bundles the built-in ops/*.ts)
await build({ ...common, entryPoints: [path.join(src, "runtime-lib/exec/bridge.ts")], outfile: path.join(out, "exec.mjs"), plugins: [splitPlugin("exec")] });
// (split: the op families the worker imports on first use — HTTP, PostgreSQL, WebSocket,
// shell — are chunks of their own, io-chunks/, so that starting the worker stays cheap)
fs.rmSync(path.join(out, "io-chunks"), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { "io-worker": path.join(src, "runtime-lib/exec/io-worker.ts") },
  outdir: out,
  splitting: true,
  chunkNames: "io-chunks/[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  plugins: [splitPlugin("exec")],
});

// ---- the same bundles as CommonJS in function expressions, for the launcher (dist/bundle/run/) ----
// bin/assay starts through dist/bundle/start.mjs, which evaluates these as vm.Scripts with
// V8's code cache kept in the cache directory (src/cli/start.ts): Node 20 keeps no code cache
// for ES modules, and compiling the ~850 KB above is a third of a hello world's start-up.
// Same split, same externals; cross-bundle imports become require("./core.mjs") (answered by
// start.ts), import.meta.url the parameter __assay_url (the .mjs bundle's URL, so files
// beside it resolve alike), import() of Node's modules require().
const runOut = path.join(out, "run");
fs.rmSync(runOut, { recursive: true, force: true });
const runCommon = {
  ...common,
  format: "cjs",
  banner: { js: '"use strict";' },
  define: { "import.meta.url": "__assay_url" },
  supported: { "dynamic-import": false },
};
const runBundles = [
  { name: "core", stdin: { contents: coreEntry, resolveDir: src, loader: "ts" } },
  { name: "compiler", stdin: { contents: compilerEntry, resolveDir: src, loader: "ts" } },
  { name: "exec", entryPoints: [path.join(src, "runtime-lib/exec/bridge.ts")] },
  { name: "libs", stdin: { contents: libEntry, resolveDir: src, loader: "ts" }, keepNames: true, external: libExternals },
  { name: "cli", stdin: { contents: cliEntry, resolveDir: src, loader: "ts" } },
  { name: "commands", stdin: { contents: commandsEntry, resolveDir: src, loader: "ts" } },
];
for (const { name, ...opts } of runBundles) {
  const outfile = path.join(runOut, name + ".cjs");
  await build({ ...runCommon, ...opts, outfile, plugins: [splitPlugin(name)] });
  // without esbuild's helper calls that only cost start-up time (lean-bundle.mjs), and ASCII
  // only, so that the launcher reads them as Latin-1 (a copy, not a UTF-8 decoding): esbuild
  // escapes strings, regexps and names, and leaves only comments with other text.
  // Without comments and indentation too (a start reads ~30% fewer bytes); names stay as
  // they are, since tracebacks and argument errors read the runtime's function names.
  const lean = leanBundle(fs.readFileSync(outfile, "utf8"), outfile);
  const text = (await transform(lean, { loader: "js", minifyWhitespace: true, charset: "ascii", logLevel: "warning" })).code;
  const ascii = text.replace(/[^\x00-\x7f]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  // as the function expression the launcher evaluates, so that it compiles the file's text
  // as read (wrapping it at every start made V8 copy a megabyte into a new string)
  fs.writeFileSync(outfile, `(function (exports, require, module, __assay_url) {\n${ascii}\n})`);
}
await writeBundleKeys(runOut);
// the launcher's own start (CommonJS: bin/assay runs it without Node's ES module loader, whose
// set-up costs a few ms); small, and everything it imports is inlined
const startFile = path.join(out, "start.cjs");
await build({ ...runCommon, banner: {}, define: {}, entryPoints: [path.join(src, "cli/start.ts")], outfile: startFile });
fs.writeFileSync(startFile, leanBundle(fs.readFileSync(startFile, "utf8"), startFile));

// ---- the runtime inside files built by `assay build` (dist/bundle/embed/) ----
// A built file is one script: it cannot import the bundles above, and one esbuild bundle of
// everything would put every frame in one file, where frameKind could no longer tell runtime
// plumbing from builtins. So the same split is built again as CommonJS function bodies,
// which the built file evaluates (as vm.Script) under virtual file names ending in
// bundle/core.mjs, libs.mjs, exec.mjs, cli.mjs: frames keep their classification. Cross-
// bundle imports become require("./core.mjs") (answered by the built file), import.meta.url
// the parameter __assay_url (the virtual file's URL). The cli part is the built file's own
// program (src/cli/build/standalone.ts); io-worker runs as eval'ed worker code. Each comes
// plain and minified, with a source map. manifest.json says what they need from outside:
// Node's own modules (builtins); native addons (native: `assay build` refuses to build, as
// one JavaScript file cannot hold them); and optional modules, the requires in try blocks
// that esbuild could not resolve (nunjucks' chokidar): missing here, missing there too.
const embedOut = path.join(out, "embed");
/** third-party packages of the libs bundle that a built file embeds as vendor bundles */
const embedVendor = libExternals.filter((p) => !["better-sqlite3", "jose"].includes(p));
const nodeBuiltins = new Set((await import("node:module")).builtinModules);
const isBuiltin = (p) => p.startsWith("node:") || nodeBuiltins.has(p) || nodeBuiltins.has(p.split("/")[0]);
const bundleFiles = new Set(["./core.mjs", "./compiler.mjs", "./libs.mjs", "./exec.mjs", "./cli.mjs"]);
/** native addons reached while bundling: .node files and packages built with node-gyp */
const natives = new Set();
const nativePlugin = {
  name: "native",
  setup(b) {
    b.onResolve({ filter: /\.node$/ }, (args) => {
      natives.add(path.relative(root, path.resolve(args.resolveDir, args.path)));
      return { path: args.path, external: true };
    });
  },
};
/** Packages among a build's inputs that build or load native code. */
function nativePackages(inputs) {
  const found = [];
  for (const f of inputs) {
    const m = /(^|\/)node_modules\/((@[^/]+\/)?[^/]+)\//.exec(f);
    if (!m) continue;
    const dir = path.join(root, f.slice(0, m.index + m[0].length));
    let pkg = {};
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    } catch {
      // no package.json: nothing to tell
    }
    const loaders = ["bindings", "node-gyp-build", "prebuild-install", "@mapbox/node-pre-gyp", "node-pre-gyp"];
    if (pkg.gypfile || fs.existsSync(path.join(dir, "binding.gyp")) || loaders.includes(m[2])) found.push(m[2]);
  }
  return found;
}
const embedCommon = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
  // strict as the ES modules they come from
  banner: { js: '"use strict";' },
  define: { "import.meta.url": "__assay_url" },
  // import() of Node's modules becomes require(): vm scripts cannot import
  supported: { "dynamic-import": false },
  sourcemap: "external",
  sourcesContent: true,
  metafile: true,
};
const embeds = [
  { name: "core", owner: "core", stdin: { contents: coreEntry, resolveDir: src, loader: "ts" } },
  { name: "compiler", owner: "compiler", stdin: { contents: compilerEntry, resolveDir: src, loader: "ts" } },
  // (the third-party libraries are vendor bundles of their own, below)
  { name: "libs", owner: "libs", stdin: { contents: libEntry, resolveDir: src, loader: "ts" }, keepNames: true, external: embedVendor },
  { name: "exec", owner: "exec", entryPoints: [path.join(src, "runtime-lib/exec/bridge.ts")] },
  { name: "cli", owner: "cli", entryPoints: [path.join(src, "cli/build/standalone.ts")] },
  // (a worker's eval'ed code may import(): it loads op modules, ES modules among them)
  { name: "io-worker", owner: "exec", entryPoints: [path.join(src, "runtime-lib/exec/io-worker.ts")], supported: {} },
];
// The builtins' third-party libraries, each one CommonJS bundle (what require() of it returns):
// a built file keeps them compressed and evaluates one when the runtime first requires it
// (src/cli/build/boot.ts), so a script that parses no YAML does not pay for the YAML parser.
for (const pkg of embedVendor) {
  embeds.push({ name: `vendor/${pkg}`, owner: "vendor", stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: "js" }, sourcemap: false });
}
const manifest = { bundles: embeds.filter((e) => e.owner !== "vendor").map((e) => e.name), vendor: embedVendor, builtins: new Set(), native: new Set(), optional: new Set() };
for (const { name, owner, ...opts } of embeds) {
  for (const minify of [false, true]) {
    const outfile = path.join(embedOut, name + (minify ? ".min.js" : ".js"));
    const r = await build({ ...embedCommon, ...opts, minify, outfile, plugins: [splitPlugin(owner, owner === "cli" ? ["commands"] : []), nativePlugin] });
    for (const o of Object.values(r.metafile.outputs)) {
      for (const imp of o.imports) {
        if (!imp.external || bundleFiles.has(imp.path)) continue;
        if (isBuiltin(imp.path)) manifest.builtins.add(imp.path);
        else if (!imp.path.endsWith(".node")) manifest.optional.add(imp.path);
      }
    }
    nativePackages(Object.keys(r.metafile.inputs)).forEach((p) => manifest.native.add(p));
  }
}
natives.forEach((n) => manifest.native.add(n));
const sorted = (s) => [...s].sort();
fs.writeFileSync(
  path.join(embedOut, "manifest.json"),
  JSON.stringify({ ...manifest, builtins: sorted(manifest.builtins), native: sorted(manifest.native), optional: sorted(manifest.optional) }, null, 2) + "\n",
);
