// Builds what the container images and the stdlib release hold (the Dockerfile's build stage
// runs this script; tests/container/ runs it the same way):
//
//   node scripts/build-image-runtime.mjs [--out DIR] [--without-native]
//       the runtime as the `runtime` image ships it (default DIR: dist/image/assay): runs
//       with `node` alone, no Lua file in it, no node_modules but the native SQLite driver
//   node scripts/build-image-runtime.mjs --stdlib DIR
//       the stdlib as the `stdlib` image ships it: manifest.yaml and the module files (*.lua
//       outside tests/ folders), nothing else
//   node scripts/build-image-runtime.mjs --pack-stdlib [DIR]
//       the release tarball DIR/assay-stdlib-<version>.tar.gz (default DIR: dist/), the same
//       files plus CHANGELOG.md under assay/ (`tar -xzf ... -C /lib` gives /lib/assay);
//       reproducible: sorted, owner 0, mtime SOURCE_DATE_EPOCH (default 0)
//
// The runtime directory, from dist/bundle (run `node scripts/build.mjs` first):
//   bin/assay, bin/assay.{cjs,js} the launcher and entry points, as in the npm package
//   dist/bundle/*.mjs, run/*.cjs the runtime's bundles, split as built (error positions tell
//                                runtime frames from builtin frames by these file names, so
//                                they stay separate files, and stay under a bundle/ folder),
//                                and start.cjs, which loads run/*.cjs for the launcher
//   dist/bundle/vendor/*.cjs     the pure-JS packages the bundles load on first use (yaml,
//                                smol-toml, nunjucks, tinyglobby, re2js): each one file, built
//                                by esbuild; the bundles' require("yaml") become
//                                require("./vendor/yaml.cjs"), still loaded only when used
//   node_modules/                native addons only (better-sqlite3, with its run-time
//                                dependencies bindings and file-uri-to-path): a .node file
//                                cannot be bundled; its ABI is that of the Node that built it
//   licenses/                    the licence of every third-party package in the files
//   package.json, image.json     "type": "module"; what was built, with sizes
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire, builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { writeBundleKeys } from "./lib/bundle-keys.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundleDir = path.join(root, "dist", "bundle");
const stdlibDir = path.join(root, "stdlib");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const resolveFromRoot = createRequire(path.join(root, "package.json"));

/** Packages a native addon lists as dependencies only to install itself. */
const INSTALL_ONLY = new Set(["prebuild-install", "node-gyp", "prebuild", "node-pre-gyp", "@mapbox/node-pre-gyp"]);
/** Folders of a package copied into node_modules that running it never needs; of a native
 *  package, its sources too. */
const SKIP_DIRS = new Set(["test", "tests", "docs", "benchmark", "benchmarks", "example", "examples", ".github"]);
const NATIVE_SKIP = new Set(["deps", "src"]);

// ---- helpers ----

const isBuiltin = (s) => s.startsWith("node:") || builtinModules.includes(s) || builtinModules.includes(s.split("/")[0]);
/** "yaml" → "yaml", "@a/b/c" → "@a/b": the package a specifier names. */
const packageOf = (spec) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");

/** The directory of package `name` as resolved from `from` (a directory), or null. */
function packageDir(name, from = root) {
  for (let d = from; ; d = path.dirname(d)) {
    const p = path.join(d, "node_modules", name);
    if (fs.existsSync(path.join(p, "package.json"))) return p;
    if (path.dirname(d) === d) return null;
  }
}

function isNative(dir) {
  const p = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  return Boolean(p.gypfile) || fs.existsSync(path.join(dir, "binding.gyp"));
}

function walk(dir, keep = () => true, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const rel = path.relative(base, p);
    if (!keep(rel, e.isDirectory())) continue;
    if (e.isDirectory()) walk(p, keep, base, out);
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  fs.chmodSync(to, fs.statSync(from).mode & 0o777);
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

/** Empties an output directory — only one this script made (it holds `marker`), or an
 *  empty one: a mistyped path must not lose someone's files. */
function clearOutput(dir, marker) {
  if (!fs.existsSync(dir)) return;
  if (fs.readdirSync(dir).length > 0 && !fs.existsSync(path.join(dir, marker)))
    throw new Error(`${dir} is not empty and holds no ${marker}: not overwriting it`);
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---- the runtime ----

// require("x"), __require("x") (esbuild's shim) and createRequire(import.meta.url)("x") —
// in run/*.cjs (0,import_node_module.createRequire)(__assay_url)("x") (without spaces: those
// bundles are minified): the ways the bundles load a package at run time
const REQUIRE =
  /((?<![\w$.])__require|(?<![\w$.])require|(?<![\w$.])createRequire\d*\(import\.meta\.url\)|\(0,\s*import_node_module\d*\.createRequire\)\(__assay_url\))\(\s*(["'])([^"'\s]+)\2\s*\)/g;

/** The packages the bundles load at run time, by kind. */
function runtimeRequires(files) {
  const found = { vendor: new Set(), native: new Set(), optional: new Set() };
  for (const f of files) {
    for (const m of fs.readFileSync(f, "utf8").matchAll(REQUIRE)) {
      const spec = m[3];
      if (spec.startsWith(".") || spec.startsWith("/") || isBuiltin(spec)) continue;
      const dir = packageDir(packageOf(spec));
      if (dir === null) found.optional.add(spec);
      else if (isNative(dir)) found.native.add(packageOf(spec));
      else found.vendor.add(spec);
    }
  }
  return found;
}

const vendorFile = (spec) => spec.replace(/\//g, "__") + ".cjs";

/** Each pure-JS package as one CommonJS file (what require() of it returns). */
async function buildVendor(specs, external, outDir) {
  const inputs = new Set();
  for (const spec of specs) {
    const r = await build({
      stdin: { contents: `module.exports = require(${JSON.stringify(spec)});`, resolveDir: root, loader: "js" },
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      minify: true,
      // (class and function names show in their errors)
      keepNames: true,
      legalComments: "none",
      external,
      metafile: true,
      logLevel: "error",
      outfile: path.join(outDir, vendorFile(spec)),
    });
    Object.keys(r.metafile.inputs).forEach((i) => inputs.add(i));
  }
  return inputs;
}

/** A bundle with its run-time requires of vendored packages pointed at vendor/ (`up`: the
 *  path from the bundle's folder back to dist/bundle, for chunks in a subfolder). */
function rewriteBundle(text, vendor, up = "./") {
  return text.replace(REQUIRE, (all, how, q, spec) => (vendor.has(spec) ? `${how}(${q}${up}vendor/${vendorFile(spec)}${q})` : all));
}

/** Copies a native package (the files it runs: no sources, no build tree but its .node
 *  files) and the packages it needs at run time into out/node_modules. */
function copyNative(name, out, from = root, done = new Set()) {
  if (done.has(name) || INSTALL_ONLY.has(name)) return;
  done.add(name);
  const dir = packageDir(name, from);
  if (dir === null) throw new Error(`${name} is not installed (needed by a native package)`);
  const native = isNative(dir);
  const keep = (rel, isDir) => {
    const parts = rel.split(path.sep);
    const base = parts.at(-1);
    if (parts.includes("node_modules") || SKIP_DIRS.has(parts[0]) || (native && NATIVE_SKIP.has(parts[0]))) return false;
    if (native && parts[0] === "build") return isDir ? rel === "build" || rel === path.join("build", "Release") : /^build[\\/]Release[\\/][^\\/]+\.node$/.test(rel) && !/test_/.test(rel);
    if (isDir) return true;
    if (/^(licen[cs]e|copying)(\.|$)/i.test(base)) return true;
    return !(base.startsWith(".") || /\.(md|markdown|d\.ts|map|gyp|gypi)$/i.test(base));
  };
  for (const rel of walk(dir, keep)) copy(path.join(dir, rel), path.join(out, "node_modules", name, rel));
  const p = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  for (const dep of Object.keys(p.dependencies ?? {})) copyNative(dep, out, dir, done);
  return done;
}

/** Package names in esbuild output (its `// node_modules/x/...` comments) or input paths. */
function packagesIn(texts) {
  const names = new Set();
  for (const t of texts) for (const m of t.matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//g)) names.add(m[1]);
  return names;
}

function copyLicenses(names, out, copied) {
  const list = [];
  for (const name of [...names].sort()) {
    const dir = packageDir(name);
    if (dir === null) continue;
    const p = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const dest = path.join(out, "licenses", name.replace("/", "__") + ".txt");
    if (file) copy(path.join(dir, file), dest);
    else fs.writeFileSync(dest, `${name} ${p.version}: ${p.license ?? "no licence stated"}${p.author ? `, ${typeof p.author === "string" ? p.author : p.author.name}` : ""} (the package has no licence file)\n`);
    list.push({ name, version: p.version, license: p.license ?? null, in: copied.has(name) ? "node_modules" : "bundles" });
  }
  return list;
}

async function buildRuntime(out, { native = true } = {}) {
  // (the I/O worker's op families are chunks in io-chunks/, imported on first use; run/ has
  // the bundles as CommonJS, which the launcher loads through start.cjs)
  const inDir = (d, ext) => (fs.existsSync(path.join(bundleDir, d)) ? fs.readdirSync(path.join(bundleDir, d)).filter((f) => f.endsWith(ext)).sort().map((f) => `${d}/${f}`) : []);
  const top = fs.readdirSync(bundleDir).filter((f) => f.endsWith(".mjs") || f.endsWith(".cjs")).sort();
  const bundles = [...top, ...inDir("io-chunks", ".mjs"), ...inDir("run", ".cjs")];
  if (!bundles.includes("cli.mjs")) throw new Error(`the runtime is not built (${bundleDir}): run node scripts/build.mjs first`);
  clearOutput(out, "image.json");
  const target = path.join(out, "dist", "bundle");
  fs.mkdirSync(target, { recursive: true });

  const sources = bundles.map((b) => path.join(bundleDir, b));
  const found = runtimeRequires(sources);
  const external = [...found.optional, ...found.native];
  const vendorInputs = await buildVendor([...found.vendor].sort(), external, path.join(target, "vendor"));
  const texts = [];
  for (const b of bundles) {
    // (run/*.cjs resolve packages from dist/bundle, as the .mjs bundles do: src/cli/start.ts)
    const text = rewriteBundle(fs.readFileSync(path.join(bundleDir, b), "utf8"), found.vendor, b.startsWith("io-chunks/") ? "../" : "./");
    fs.mkdirSync(path.dirname(path.join(target, b)), { recursive: true });
    fs.writeFileSync(path.join(target, b), text);
    texts.push(text);
  }
  // (the rewritten run/*.cjs have other texts, hence other keys)
  await writeBundleKeys(path.join(target, "run"));
  // (a native package and the packages it loads, all in node_modules)
  const copied = new Set();
  if (native) for (const n of found.native) copyNative(n, out)?.forEach((d) => copied.add(d));

  for (const f of ["assay", "assay.js", "assay.cjs"]) copy(path.join(root, "bin", f), path.join(out, "bin", f));
  const image = {
    name: pkg.name,
    version: pkg.version,
    private: true,
    type: "module",
    description: `${pkg.description} (the runtime of the container images, built by scripts/build-image-runtime.mjs)`,
    license: pkg.license,
    engines: pkg.engines,
    bin: { assay: "bin/assay" },
  };
  fs.writeFileSync(path.join(out, "package.json"), JSON.stringify(image, null, 2) + "\n");
  const packages = copyLicenses(new Set([...packagesIn(texts), ...packagesIn(vendorInputs), ...copied]), out, copied);

  const sizes = {};
  let total = 0;
  for (const rel of walk(out)) {
    const n = fs.statSync(path.join(out, rel)).size;
    total += n;
    const group = rel.startsWith("node_modules") ? "node_modules" : rel.startsWith("licenses") ? "licenses" : rel;
    sizes[group] = (sizes[group] ?? 0) + n;
  }
  const report = {
    assay: pkg.version,
    built_with: process.version,
    native_abi: copied.size ? process.versions.modules : null,
    vendor: [...found.vendor].sort(),
    node_modules: [...copied].sort(),
    optional_missing: [...found.optional].sort(),
    packages,
    bytes: sizes,
    total_bytes: total,
  };
  fs.writeFileSync(path.join(out, "image.json"), JSON.stringify(report, null, 2) + "\n");
  return report;
}

// ---- the stdlib ----

/** The stdlib's distributed files: manifest.yaml and module files outside tests/ folders. */
function stdlibFiles({ changelog = false } = {}) {
  const keep = (rel, isDir) => (isDir ? path.basename(rel) !== "tests" : rel.endsWith(".lua") || rel === "manifest.yaml" || (changelog && rel === "CHANGELOG.md"));
  return walk(stdlibDir, keep);
}

function stdlibVersion() {
  const m = /^version:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(path.join(stdlibDir, "manifest.yaml"), "utf8"));
  if (!m) throw new Error("stdlib/manifest.yaml has no version");
  return m[1];
}

function writeStdlib(out) {
  clearOutput(out, "manifest.yaml");
  const files = stdlibFiles();
  for (const rel of files) copy(path.join(stdlibDir, rel), path.join(out, rel));
  return files;
}

/** One ustar header block. */
function tarHeader(name, { size = 0, mode, mtime, dir = false }) {
  const h = Buffer.alloc(512);
  const put = (s, off, len) => h.write(s, off, len, "utf8");
  const oct = (n, len) => n.toString(8).padStart(len - 1, "0") + "\0";
  if (Buffer.byteLength(name) > 100) throw new Error(`path too long for the tarball: ${name}`);
  put(name, 0, 100);
  put(oct(mode, 8), 100, 8);
  put(oct(0, 8), 108, 8);
  put(oct(0, 8), 116, 8);
  put(oct(size, 12), 124, 12);
  put(oct(mtime, 12), 136, 12);
  put("        ", 148, 8);
  put(dir ? "5" : "0", 156, 1);
  put("ustar\0", 257, 6);
  put("00", 263, 2);
  put("root", 265, 32);
  put("root", 297, 32);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return h;
}

function packStdlib(outDir) {
  const version = stdlibVersion();
  const mtime = Number(process.env.SOURCE_DATE_EPOCH ?? 0);
  const files = stdlibFiles({ changelog: true });
  const dirs = new Set(["assay"]);
  for (const f of files) for (let d = path.dirname(f); d !== "."; d = path.dirname(d)) dirs.add(path.join("assay", d));
  const entries = [...[...dirs].map((d) => ({ name: d + "/", dir: true })), ...files.map((f) => ({ name: path.join("assay", f), file: f }))];
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const blocks = [];
  for (const e of entries) {
    if (e.dir) {
      blocks.push(tarHeader(e.name, { mode: 0o755, mtime, dir: true }));
      continue;
    }
    const data = fs.readFileSync(path.join(stdlibDir, e.file));
    blocks.push(tarHeader(e.name.split(path.sep).join("/"), { size: data.length, mode: 0o644, mtime }), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `assay-stdlib-${version}.tar.gz`);
  fs.writeFileSync(file, zlib.gzipSync(Buffer.concat(blocks), { level: 9 }));
  return { file, files: files.length, version };
}

// ---- command line ----

async function main(argv) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    return v === undefined || v.startsWith("--") ? true : v;
  };
  const pack = opt("--pack-stdlib");
  if (pack !== undefined) {
    const r = packStdlib(pack === true ? path.join(root, "dist") : path.resolve(pack));
    console.log(`${path.relative(process.cwd(), r.file) || r.file}: assay-stdlib ${r.version}, ${r.files} files`);
    return;
  }
  const std = opt("--stdlib");
  if (std !== undefined) {
    if (std === true) throw new Error("--stdlib needs a directory");
    const files = writeStdlib(path.resolve(std));
    console.log(`${std}: ${files.length} files of the stdlib`);
    return;
  }
  const out = opt("--out");
  const dir = out === undefined || out === true ? path.join(root, "dist", "image", "assay") : path.resolve(out);
  const r = await buildRuntime(dir, { native: !argv.includes("--without-native") });
  const bundles = Object.entries(r.bytes).filter(([k]) => k.startsWith(path.join("dist", "bundle")) && !k.includes("vendor"));
  const sum = (list) => list.reduce((a, [, n]) => a + n, 0);
  console.log(`${dir}: ${kb(r.total_bytes)} (bundles ${kb(sum(bundles))}, vendor ${kb(sum(Object.entries(r.bytes).filter(([k]) => k.includes("vendor"))))}, node_modules ${kb(r.bytes.node_modules ?? 0)})`);
  console.log(`  vendored: ${r.vendor.join(", ") || "none"}; node_modules: ${r.node_modules.join(", ") || "none"}; optional, absent: ${r.optional_missing.join(", ") || "none"}`);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`build-image-runtime: ${e.message}`);
  process.exit(1);
});
