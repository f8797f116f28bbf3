// Makes `npx assay` in a checkout run this checkout's launcher: npm links the bins of
// dependencies into node_modules/.bin, but not the project's own.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const binDir = path.join(root, "node_modules", ".bin");
const link = path.join(binDir, "assay");
if (fs.existsSync(path.join(root, "node_modules"))) {
  fs.mkdirSync(binDir, { recursive: true });
  try {
    fs.unlinkSync(link);
  } catch {
    // not there yet
  }
  fs.symlinkSync(path.relative(binDir, path.join(root, "bin", "assay")), link);
}
