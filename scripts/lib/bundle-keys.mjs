// keys.json beside the launcher's bundles (dist/bundle/run/*.cjs): the hash of each bundle's
// text, the name of its V8 code cache in the cache directory (src/cli/start.ts). Made when
// the files are written, so that a start need not hash ~900 KB to find its cache; with the
// same hash function (src/runtime-lib/hash128.ts, compiled here by esbuild) so a start
// without keys.json computes the same names.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

async function loadHash128() {
  const r = await build({ entryPoints: [path.join(root, "src", "runtime-lib", "hash128.ts")], bundle: true, format: "esm", platform: "node", write: false, logLevel: "warning" });
  return (await import("data:text/javascript," + encodeURIComponent(r.outputFiles[0].text))).hash128;
}

/** Writes `runDir`/keys.json for the .cjs files in `runDir`. */
export async function writeBundleKeys(runDir) {
  const hash128 = await loadHash128();
  const keys = {};
  for (const f of fs.readdirSync(runDir).filter((n) => n.endsWith(".cjs")).sort()) keys[f.slice(0, -4)] = hash128(fs.readFileSync(path.join(runDir, f)));
  fs.writeFileSync(path.join(runDir, "keys.json"), JSON.stringify(keys, null, 2) + "\n");
}
