// `assay build script.lua -o job.js`: the script, the modules it requires and the runtime in
// one JavaScript file that runs with plain `node` — no node_modules, no Lua files, no
// ASSAY_LIB_PATH. What goes in: build/collect.ts; how the file keeps error positions exact:
// build/boot.ts; what it runs: build/standalone.ts.
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";

interface BuildFlags {
  output?: string;
  include: string[];
  minify?: boolean;
  sourcemap?: boolean;
  deepStack?: boolean;
  /** false with --no-code-cache */
  codeCache: boolean;
  exe?: boolean;
}

/** The file written when -o is not given: the script's name with .js (without, for an
 *  executable), in this directory. */
function defaultOutput(script: string, exe: boolean): string {
  return path.basename(script).replace(/\.lua$/, "") + (exe ? "" : ".js");
}

async function build(script: string, flags: BuildFlags): Promise<number> {
  const { collect, BuildError } = await import("./build/collect.js");
  const { emit, makeCodeCache } = await import("./build/emit.js");
  const out = flags.output ?? defaultOutput(script, !!flags.exe);
  try {
    const c = collect(script, flags.include);
    if (path.resolve(out) === path.resolve(script)) throw new BuildError(`the output would overwrite the script: ${out}`);
    const opts = { minify: !!flags.minify, sourcemap: !!flags.sourcemap, deepStack: !!flags.deepStack };
    let text = emit(c, out, opts);
    if (flags.codeCache) {
      const cache = makeCodeCache(text);
      if (typeof cache === "string") process.stderr.write(`assay build: warning: no code cache (start-up will be slower): ${cache}\n`);
      else text = emit(c, out, opts, cache);
    }
    if (flags.exe) await (await import("./build/exe.js")).writeExecutable(text, out);
    else {
      fs.writeFileSync(out, text);
      fs.chmodSync(out, 0o755);
    }
    const names = c.modules.map((m) => m.name);
    const kb = Math.round(fs.statSync(out).size / 1024);
    process.stderr.write(`assay build: wrote ${out} (${kb} KB): ${script}${names.length ? ` + ${names.join(", ")}` : ""}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof BuildError) && (e as NodeJS.ErrnoException).code === undefined) throw e;
    process.stderr.write(`assay build: ${(e as Error).message}\n`);
    return 1;
  }
}

/** Adds `assay build` to the command line; `done` receives the exit status. */
export function registerBuild(program: Command, done: (status: number) => void): void {
  program
    .command("build")
    .description("bundle a script, the modules it requires and the runtime into one JavaScript file")
    .argument("<script>", "the Lua script")
    .option("-o, --output <file>", "the file to write (default: the script's name with .js, without for --exe)")
    .option(
      "--include <module>",
      "embed this module too, and what it requires (repeatable; globs such as 'assay.*' match the modules in the ASSAY_LIB_PATH directories)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option("--minify", "minify the embedded runtime")
    .option("--sourcemap", "embed the runtime's source maps (for debuggers)")
    .option("--exe", "write a single executable instead (Node's single executable applications; needs the postject package)")
    .option("--no-code-cache", "leave out V8's code cache of the runtime (smaller file; start-up compiles the runtime)")
    .option("--deep-stack", "always run in a worker thread with assay's deep stack, as `assay run` does (150,000-deep recursion; costs 40-60 ms of start-up)")
    .action(async (script: string, flags: BuildFlags) => {
      done(await build(script, flags));
    });
}
