// Lua-style stack tracebacks from the JS call sites captured when an error was raised.
import { chunkOf, siteToPos } from "./core/errors.js";

const MAX_LEVELS = 22;

export function traceback(sites: NodeJS.CallSite[] | null, msg?: string): string {
  const lines: string[] = [];
  if (msg !== undefined) lines.push(msg);
  lines.push("stack traceback:");
  let count = 0;
  for (const s of sites ?? []) {
    const pos = siteToPos(s);
    if (!pos) continue;
    const fname = s.getFunctionName() ?? "";
    const chunk = chunkOf(s.getFileName());
    const desc = chunk?.fnames.get(fname) ?? "function <?>";
    const where = desc === "main chunk" ? "main chunk" : descIn(desc);
    if (count++ < MAX_LEVELS) lines.push(`\t${pos.chunk.name}:${pos.line}: in ${where}`);
  }
  if (count > MAX_LEVELS) lines.push(`\t...\t(skipping ${count - MAX_LEVELS} levels)`);
  lines.push("\t[C]: in ?");
  return lines.join("\n");
}

function descIn(desc: string): string {
  return desc.startsWith("function <") ? desc : desc.replace(/^function '/, "function '");
}
