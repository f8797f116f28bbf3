// Writing a built file: one CommonJS script (it also runs where package.json says "module")
// holding the payload — the script, its modules and the runtime bundles as strings
// (dist/bundle/embed/, see scripts/build.mjs; the I/O worker compressed) — and the boot function (boot.ts) that
// evaluates the bundles under virtual file names so that error positions stay exact, with
// V8's code cache for them (made by running the file once at build time). Run with `node`,
// it starts standalone.ts's main; required from another file, it only exports `runtime()`,
// the booted runtime (for the code cache and tests).
import fs from "node:fs";
import os from "node:os";
import zlib from "node:zlib";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { VERSION } from "../../version.js";
import { boot, CodeCache } from "./boot.js";
import { BuildError, Collected } from "./collect.js";
import type { Payload } from "./standalone.js";

export interface EmitOptions {
  minify: boolean;
  sourcemap: boolean;
  deepStack: boolean;
}

/** What scripts/build.mjs says about the embedded runtime. */
interface Manifest {
  bundles: string[];
  /** third-party packages as bundles of their own (vendor/<name>.js), loaded when required */
  vendor: string[];
  /** Node's own modules the bundles use */
  builtins: string[];
  /** native addons (.node files, node-gyp packages) the bundles would load */
  native: string[];
  /** requires in try blocks that found nothing when the runtime was built (not installed
   *  with assay either): in a built file too they fail, and the code handles it */
  optional: string[];
}

/** dist/bundle/embed, seen from dist/bundle/cli.mjs or from dist/cli/build/emit.js. */
function embedDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const d of [path.join(here, "embed"), path.join(here, "..", "..", "bundle", "embed")]) {
    if (fs.existsSync(path.join(d, "manifest.json"))) return d;
  }
  throw new BuildError("the runtime to embed is missing (dist/bundle/embed): run `npm run build`");
}

/** The embedded runtime: each bundle's code, with its source map inline when asked. */
function runtimeCode(opts: EmitOptions): Record<string, string> {
  const dir = embedDir();
  const m = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  // nothing sits beside a built file: a runtime that needs native code cannot be built
  if (m.native.length > 0)
    throw new BuildError(`the runtime needs native modules, which cannot be embedded in one JavaScript file: ${m.native.join(", ")}`);
  const code: Record<string, string> = {};
  for (const name of [...m.bundles, ...m.vendor.map((p) => `vendor/${p}`)]) {
    const file = path.join(dir, name + (opts.minify ? ".min.js" : ".js"));
    let text = fs.readFileSync(file, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
    if (opts.sourcemap && fs.existsSync(file + ".map")) {
      const map = fs.readFileSync(file + ".map");
      text += `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${map.toString("base64")}\n`;
    }
    code[name] = text;
  }
  return code;
}

/** Bundles a run may never need, kept compressed (brotli, then base64) in the payload: the
 *  I/O worker is 1.4 MB of code and the third-party libraries (vendor/*) 0.9 MB, which a
 *  script using none of them would otherwise pay for at every start, as Node scans the whole
 *  file before running it (a base64 string a quarter the size scans much faster).
 *  standalone.ts unpacks the worker when it first starts, boot.ts a library when first
 *  required. */
const isPacked = (name: string): boolean => name === "io-worker" || name.startsWith("vendor/");

function pack(code: string): string {
  return zlib.brotliCompressSync(Buffer.from(code, "utf8"), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 7 } }).toString("base64");
}

/** A JS literal of `v`, in ASCII (Lua strings are bytes 0–255; the file is read as UTF-8). */
function literal(v: unknown): string {
  return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** The text of the built file. */
export function emit(c: Collected, out: string, opts: EmitOptions, cache: CodeCache | null = null): string {
  const code = runtimeCode(opts);
  const packed: Record<string, string> = {};
  for (const name of Object.keys(code).filter(isPacked)) {
    packed[name] = pack(code[name]);
    delete code[name];
  }
  const payload: Payload = {
    version: VERSION,
    script: c.script,
    modules: c.modules.map((m) => [m.name, m.file, m.source]),
    deepStack: opts.deepStack,
    code,
    packed,
    cache,
  };
  const base = path.basename(out).replace(/[^\x20-\x7e]/g, "?");
  const from = c.script.file.replace(/[^\x20-\x7e]/g, "?");
  return `#!/usr/bin/env node
// Built by \`assay build\` (assay ${VERSION}) from ${from}${c.modules.length ? ` and ${c.modules.length} module${c.modules.length === 1 ? "" : "s"}` : ""}:
// the script, its modules and the assay runtime in one file. Run it with
// \`node ${base} [args...]\`; it needs nothing beside it.
"use strict";
const payload = ${literal(payload)};
const boot = ${String(boot)};
function start(req, self) {
  const status = boot(payload.code, payload.cache, req, self, {}, payload.packed).cli.main(payload, String(boot), self, process.argv.slice(2));
  if (typeof status === "number") process.exitCode = status;
  else status.then((code) => { process.exitCode = code; });
}
if (typeof require !== "function") {
  // loaded as an ES module (a package.json with "type": "module" above it)
  import("node:module").then((m) => {
    const req = m.createRequire(process.cwd() + "/");
    start(req, req("node:path").resolve(process.argv[1]));
  });
} else if (require.main === module) start(require, __filename);
else module.exports = { runtime: () => { const scripts = {}; const rt = boot(payload.code, payload.cache, require, __filename, scripts, payload.packed); rt.cli.setup(payload); rt.$scripts = scripts; return rt; } };
`;
}

/** Makes V8's code cache for the runtime of built file text `text`: a plain `node` (no flags:
 *  V8 rejects a cache made under other flags) loads it, runs a small chunk and hands back
 *  each script's cache; or why that failed. */
export function makeCodeCache(text: string): CodeCache | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assay-build-"));
  try {
    // .cjs: CommonJS wherever the temporary directory is
    const file = path.join(dir, "warm-up.cjs");
    fs.writeFileSync(file, text);
    const child = `const rt = require(process.argv[1]).runtime();
rt.cli.warm();
const data = {};
for (const [name, script] of Object.entries(rt.$scripts)) data[name] = script.createCachedData().toString("base64");
process.stdout.write(JSON.stringify({ v8: process.versions.v8, arch: process.arch, data }));`;
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const r = spawnSync(process.execPath, ["-e", child, file], { env, encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status !== 0) return `${r.stderr || r.error?.message || `exit status ${r.status}`}`.trim();
    return JSON.parse(r.stdout) as CodeCache;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
