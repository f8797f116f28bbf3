// Builds the runtime for fast start-up: a few ES module bundles instead of ~40 files.
//   dist/bundle/core.mjs  compiler + value runtime + operator helpers (frames Lua never sees)
//   dist/bundle/libs.mjs  the Lua libraries and builtins (Lua's "C functions")
//   dist/bundle/cli.mjs   the command line and runner
//   dist/bundle/exec.mjs  the I/O bridge (runtime-lib/exec/bridge.ts), imported by builtins
//                         that wait for I/O; io-worker.mjs is the thread it starts, with its ops
// Keeping libraries in their own file lets error positions tell builtin frames from
// runtime plumbing by file name (see frameKind in core/errors.ts).
import { build } from "esbuild";
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src");
const out = path.join(root, "dist", "bundle");

const coreDirs = ["compiler", "runtime-lib/core"].map((d) => path.join(src, d) + path.sep);
const coreFiles = ["runtime-lib/helpers.ts", "runtime-lib/load.ts", "runtime-lib/compile-cache.ts", "runtime-lib/io-out.ts", "runtime-lib/traceback.ts", "version.ts"]
  .map((f) => path.join(src, f))
  .filter((f) => fs.existsSync(f));
const isCore = (f) => coreDirs.some((d) => f.startsWith(d)) || coreFiles.includes(f);
// libraries, builtins and the scheduler that drives them (frames Lua counts as C functions)
const libDirs = ["runtime-lib/lib", "runtime-lib/builtins"].map((d) => path.join(src, d) + path.sep);
const libFiles = ["runtime-lib/state.ts", "runtime-lib/exec/scheduler.ts", "runtime-lib/exec/timer-heap.ts", "runtime-lib/exec/signals.ts"].map((f) => path.join(src, f));
const isLib = (f) => libDirs.some((d) => f.startsWith(d)) || libFiles.includes(f);
// the I/O bridge and the worker thread it starts, with the worker's built-in ops
const execFiles = ["bridge.ts", "io-worker.ts"].map((f) => path.join(src, "runtime-lib/exec", f));
const isExec = (f) => execFiles.includes(f) || f.startsWith(path.join(src, "runtime-lib/exec/ops") + path.sep);

/** Imports of another bundle's files become imports of that bundle. */
function splitPlugin(self) {
  return {
    name: "split",
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const abs = path.resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
        const owner = isCore(abs) ? "core" : isLib(abs) ? "libs" : isExec(abs) ? "exec" : "cli";
        if (owner === self) return undefined;
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

await build({ ...common, stdin: { contents: coreEntry, resolveDir: src, loader: "ts" }, outfile: path.join(out, "core.mjs"), plugins: [splitPlugin("core")] });
await build({
  ...common,
  stdin: { contents: libEntry, resolveDir: src, loader: "ts" },
  outfile: path.join(out, "libs.mjs"),
  plugins: [splitPlugin("libs")],
  // argument errors find a builtin's frame by its function name: keep names unrenamed
  // (only here: the property redefinitions this adds cost the core's hot helpers 3x)
  keepNames: true,
});
await build({ ...common, entryPoints: [path.join(src, "cli/main.ts")], outfile: path.join(out, "cli.mjs"), plugins: [splitPlugin("cli")] });
await build({ ...common, entryPoints: [path.join(src, "cli/worker.ts")], outfile: path.join(out, "worker.mjs"), plugins: [splitPlugin("cli")] });
// the I/O bridge and its worker (which bundles the built-in ops/*.ts)
await build({ ...common, entryPoints: [path.join(src, "runtime-lib/exec/bridge.ts")], outfile: path.join(out, "exec.mjs"), plugins: [splitPlugin("exec")] });
await build({ ...common, entryPoints: [path.join(src, "runtime-lib/exec/io-worker.ts")], outfile: path.join(out, "io-worker.mjs"), plugins: [splitPlugin("exec")] });
