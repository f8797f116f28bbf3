// Entry point of bin/assay, the shell launcher: bin/assay.js as CommonJS, so that Node does not
// set up its ES module loader (the runtime is loaded by start.cjs, with V8's code cache).
const path = require("node:path");
const { start } = require("../dist/bundle/start.cjs");

start(process.argv.slice(2), path.join(__dirname, "..", "dist", "bundle")).then((code) => {
  process.exitCode = code;
});
