#!/usr/bin/env node
// Entry point when started as `node bin/assay.js` (bin/assay, the shell launcher, also ends
// here after raising the stack limit).
import { main } from "../dist/bundle/cli.mjs";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
