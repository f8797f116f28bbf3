// How bin/assay starts the runtime: it evaluates the bundles of dist/bundle/run/ (the code of
// dist/bundle/{core,compiler,exec,libs,cli,commands}.mjs as CommonJS, each wrapped in a function expression)
// as vm.Scripts, with V8's code cache for each kept in the cache directory (cache-files.ts).
// Node 20 keeps no code cache for ES modules, and compiling the runtime's ~850 KB of
// JavaScript was a third of a hello world's start-up; with the code cache V8 only
// deserialises what an earlier run compiled.
//
// Each cache file, rt-<key>.<tag>.v8, is named from the hash (hash128.ts) of its bundle's text and V8's tag (version, arch,
// flags): a rebuilt or upgraded runtime never meets an old cache, and V8 rejecting one for
// any other reason gets it rewritten. Files carry the cache directory's checksummed frame, so
// a damaged one is ignored (V8 does not check its code cache). A missing, damaged or rejected
// cache is written when the process exits, when the run has compiled what it uses. An
// unusable cache directory, or ASSAY_CACHE_V8=0, only means compiling as before.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import type * as NodeModule from "node:module";
import { pathToFileURL } from "node:url";
import { V8_EXT, V8_MAGIC, V8_TAG, cacheDir, digest, framed, unframe, unusable, writeAtomic } from "../runtime-lib/cache-files.js";

/** node:module's createRequire, from the CommonJS loader this file runs in (`module` is its
 *  Module class): loading node:module itself, which also sets up the ES module loader and
 *  source maps, cost ~1 ms of every start. The bundles' `require("node:module")` (they use
 *  only createRequire) gets it too, the rest of node:module loading if anything else is read. */
const createRequire = (module.constructor as unknown as typeof NodeModule).createRequire;

/** In dependency order: each may require the ones before it. */
const BUNDLES = ["core", "exec", "libs", "cli"];
/** Loaded when first used: the compiler, which a run whose chunks all come from the compile
 *  cache never needs (it requires core, which requires it back: core reads it only at run
 *  time, when a chunk is compiled); the commands other than running a script. */
const ON_DEMAND = ["compiler", "commands"];

type Exports = Record<string, any>;

/** Loads the runtime from `bundleDir` (dist/bundle) and runs the command line on `argv`;
 *  resolves to the exit status. */
export function start(argv: string[], bundleDir: string): Promise<number> {
  // (`assay cache` manages the directory: after `assay cache clear` it holds nothing)
  // A thread that will only supervise the Lua worker (process 1 in a container, or
  // ASSAY_WORKER=1) loads the rest of the runtime when the command line first uses it: for
  // `assay run FILE` that is never, and the worker loads its own.
  const supervising = process.pid === 1 || process.env.ASSAY_WORKER === "1";
  const write = argv[0] !== "cache";
  const cli = loadRuntime(bundleDir, write, supervising).cli;
  // the Lua worker thread (process 1 in a container, `node bin/assay.js`) loads the runtime
  // this way too, rather than dist/bundle/worker.mjs and the ES modules; it writes the code
  // cache of the bundles only it loaded
  cli.embeddedWorker.code ??= [
    `const { loadRuntime } = require(${JSON.stringify(path.join(bundleDir, "start.cjs"))});`,
    `loadRuntime(${JSON.stringify(bundleDir)}, ${write && supervising}).cli.runWorker(require("node:worker_threads").workerData);`,
  ].join("\n");
  return (cli.main as (a: string[]) => Promise<number>)(argv);
}

/** The exports of each bundle in `bundleDir`/run, by name; with `write`, a code cache that was
 *  missing or unusable is written at exit. With `lazy`, the cli bundle's imports of the
 *  others are loaded at their first use. */
export function loadRuntime(bundleDir: string, write: boolean, lazy = false): Record<string, Exports> {
  const dir = process.env.ASSAY_CACHE_V8 === "0" ? null : cacheDir();
  const toWrite: { file: string; key: string; script: vm.Script }[] = [];
  const rt: Record<string, Exports> = {};
  // a bundle's imports of another are require("./core.mjs") and the like; the rest (Node's
  // modules, third-party packages) resolve from bundleDir, as for the .mjs bundles (and as
  // their createRequire(import.meta.url) does: import.meta.url is the .mjs bundle's URL)
  const req = createRequire(path.join(bundleDir, "start.cjs"));
  const keys = bundleKeys(bundleDir);
  const loading = new Set<string>();
  const load = (name: string): Exports => {
    const have = rt[name];
    if (have !== undefined) return have;
    // (a bundle whose top-level code read an on-demand bundle that requires it back)
    if (loading.has(name)) throw new Error(`assay: the runtime's ${name} bundle requires itself while loading`);
    loading.add(name);
    const filename = path.join(bundleDir, "run", `${name}.cjs`);
    // (ASCII, as the build makes it: read as Latin-1, which is a copy instead of a decoding)
    const text = fs.readFileSync(filename, "latin1");
    const key = keys[name] ?? digest(Buffer.from(text, "latin1"));
    const file = dir !== null ? path.join(dir, `rt-${key}.${V8_TAG}${V8_EXT}`) : null;
    const cached = file !== null ? unframe(file, V8_MAGIC, key) : null;
    const cachedData = cached instanceof Buffer ? cached : undefined;
    // (the file is a function expression, as the build wrote it; its first line, the
    // wrapper's, is line 0: positions are the bundle's own)
    const script = new vm.Script(text, { filename, lineOffset: -1, cachedData });
    if (file !== null && (cachedData === undefined || script.cachedDataRejected)) toWrite.push({ file, key, script });
    const module = { exports: {} as Exports };
    const url = pathToFileURL(path.join(bundleDir, `${name}.mjs`)).href;
    const deferred = lazy && name === "cli";
    const shim = (id: string): unknown => {
      const m = /^\.\/(\w+)\.mjs$/.exec(id);
      if (m === null) return id === "node:module" ? moduleLite : req(id);
      if (ON_DEMAND.includes(m[1])) return onFirstUse(() => load(m[1]));
      if (!BUNDLES.includes(m[1])) return req(id);
      return deferred ? onFirstUse(() => load(m[1])) : load(m[1]);
    };
    script.runInThisContext().call(module.exports, module.exports, shim, module, url);
    // (plain properties: the build made each bundle export its values, not esbuild's getters)
    return (rt[name] = module.exports);
  };
  for (const name of lazy ? ["cli"] : BUNDLES) load(name);
  if (write && dir !== null) {
    process.once("exit", () => {
      // (best effort: the next run tries again; bundles loaded late are in the list by now)
      if (toWrite.length === 0 || unusable(dir, true) !== null) return;
      for (const w of toWrite) if (writeAtomic(w.file, framed(V8_MAGIC, w.key, w.script.createCachedData())) !== null) break;
    });
  }
  return rt;
}

/** What the bundles get for node:module: createRequire at once, the rest on first use. */
const moduleLite: Exports = Object.create(
  onFirstUse(() => createRequire(__filename)("node:module")),
  { createRequire: { value: createRequire, enumerable: true } },
);

/** A bundle's exports, loaded when a property is first read (esbuild's code reads an import's
 *  properties at each use: `(0, import_x.f)(...)`). The other traps serve the dynamic imports,
 *  which esbuild wraps in __toESM: it copies the exports' own property names and
 *  descriptors. */
function onFirstUse(get: () => Exports): Exports {
  return new Proxy({} as Exports, {
    get: (_t, p) => get()[p as string],
    has: (_t, p) => p in get(),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, p) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), p);
      return d && { ...d, configurable: true };
    },
  });
}

/** The keys the build wrote (scripts/lib/bundle-keys.mjs: the same digest of each bundle's
 *  text, computed once instead of at every start), or none. */
function bundleKeys(bundleDir: string): Record<string, string | undefined> {
  try {
    const keys = JSON.parse(fs.readFileSync(path.join(bundleDir, "run", "keys.json"), "utf8"));
    return typeof keys === "object" && keys !== null ? keys : {};
  } catch {
    return {};
  }
}
