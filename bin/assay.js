#!/usr/bin/env node
// Entry point when started as `node bin/assay.js` (bin/assay, the shell launcher, starts
// bin/assay.cjs instead: the same, without Node's ES module loader).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { start } from "../dist/bundle/start.cjs";

start(process.argv.slice(2), path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist", "bundle")).then((code) => {
  process.exitCode = code;
});
