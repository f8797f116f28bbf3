// `assay build --exe`: the built file as a single executable (Node's single executable
// applications, experimental in Node 20): the running node binary with the file injected as
// its main script. Injecting takes the postject package, which assay does not ship: it is
// looked up from the current directory, then from assay's own install.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { BuildError } from "./collect.js";

/** The fuse Node's binary carries for a single executable's blob. */
const FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

type Inject = (file: string, name: string, data: Buffer, opts: { sentinelFuse: string; machoSegmentName?: string }) => Promise<void>;

function findPostject(): Inject {
  for (const from of [path.join(process.cwd(), "x"), import.meta.url]) {
    try {
      return (createRequire(from)("postject") as { inject: Inject }).inject;
    } catch {
      // not there
    }
  }
  throw new BuildError("--exe needs the postject package to inject the program into node: run `npm install postject` here");
}

/** Writes executable `out` running built file text `text`. */
export async function writeExecutable(text: string, out: string): Promise<void> {
  const inject = findPostject();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assay-exe-"));
  try {
    const main = path.join(dir, "main.js");
    const blob = path.join(dir, "sea.blob");
    const config = path.join(dir, "sea-config.json");
    fs.writeFileSync(main, text);
    fs.writeFileSync(config, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true }));
    const r = spawnSync(process.execPath, ["--experimental-sea-config", config], { encoding: "utf8" });
    if (r.status !== 0) throw new BuildError(`--exe: this node cannot make a single executable: ${(r.stderr || r.error?.message || "").trim()}`);
    fs.copyFileSync(process.execPath, out);
    fs.chmodSync(out, 0o755);
    // (postject's binary editor warns about note sections it leaves alone)
    const warn = console.warn;
    console.warn = () => {};
    try {
      await inject(out, "NODE_SEA_BLOB", fs.readFileSync(blob), {
        sentinelFuse: FUSE,
        ...(process.platform === "darwin" ? { machoSegmentName: "NODE_SEA" } : {}),
      });
    } finally {
      console.warn = warn;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
