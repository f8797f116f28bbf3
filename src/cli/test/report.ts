// How `assay test` prints results: a line per test ("ok", "not ok" with the Lua error and
// where, "skip"), or TAP version 13 with --tap; then "N passed, M failed[, K skipped]".
// Each file's results are printed together, in discovery order.
import type { FileResult, TestResult } from "./child.js";

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countFile(r: FileResult): Counts {
  const n = (s: TestResult["status"]): number => r.tests.filter((t) => t.status === s).length;
  return { passed: n("ok"), failed: n("fail") + (r.load ? 1 : 0) + (r.abort ? 1 : 0), skipped: n("skip") };
}

export function summary(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ""}`;
}

/** One failure: what went wrong and where. */
export interface Failure {
  /** "FILE: NAME", "FILE (failed to load)", ... */
  title: string;
  message: string;
  frames: string[];
  /** FILE:LINE in the test file, when known */
  at?: string;
  ms?: number;
}

/** The first position in `file` among the frames, else the message's own position. */
function locate(file: string, message: string, frames: string[]): string | undefined {
  const prefix = `${file}:`;
  for (const f of frames) {
    const m = /^(.*?:\d+):/.exec(f);
    if (m && m[1].startsWith(prefix)) return m[1];
  }
  const m = /^(.*?:\d+):/.exec(message);
  return m ? m[1] : undefined;
}

/** The failures of a file in order: load error, failed tests, how it was stopped. */
function failureOf(r: FileResult, t?: TestResult): Failure {
  if (t) return { title: `${r.file}: ${t.name}`, message: t.message, frames: t.frames, at: locate(r.file, t.message, t.frames), ms: t.ms };
  if (r.load) return { title: `${r.file} (failed to load)`, message: r.load.message, frames: r.load.frames, at: locate(r.file, r.load.message, r.load.frames) };
  const a = r.abort!;
  return { title: a.running !== undefined ? `${r.file}: ${a.running}` : `${r.file} (did not finish)`, message: a.why, frames: [] };
}

/** Results of a file as events in order: tests as reported, then a load error or stop. */
type Event = { kind: "ok"; test: TestResult } | { kind: "skip"; test: TestResult } | { kind: "fail"; failure: Failure };

function eventOf(r: FileResult, t: TestResult): Event {
  if (t.status === "fail") return { kind: "fail", failure: failureOf(r, t) };
  return t.status === "ok" ? { kind: "ok", test: t } : { kind: "skip", test: t };
}

function events(r: FileResult): Event[] {
  const out = r.tests.map((t) => eventOf(r, t));
  if (r.load || r.abort) out.push({ kind: "fail", failure: failureOf(r) });
  return out;
}

/** Whether the frames add anything to the message (which already says where it was raised). */
function framesWorthShowing(f: Failure): boolean {
  if (f.frames.length === 0) return false;
  if (f.frames.length > 1) return true;
  const where = /^(.*?:\d+):/.exec(f.frames[0]);
  return !(where && f.message.startsWith(where[1] + ":"));
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((l) => by + l)
    .join("\n");
}

function outputBlock(r: FileResult): string {
  const text = r.output.replace(/\n$/, "");
  return `# output of ${r.file}:\n${indent(text, "#   ")}\n`;
}

export interface Reporter {
  start(): string;
  file(r: FileResult): string;
  end(total: Counts): string;
}

/** The default format. verbose: durations, every traceback and every file's output. */
export function plainReporter(verbose: boolean): Reporter {
  const ms = (n: number | undefined): string => (verbose && n !== undefined ? ` (${n} ms)` : "");
  return {
    start: () => "",
    file(r) {
      let s = "";
      for (const e of events(r)) {
        if (e.kind === "ok") s += `ok      ${r.file}: ${e.test.name}${ms(e.test.ms)}\n`;
        else if (e.kind === "skip") s += `skip    ${r.file}: ${e.test.name}${e.test.message ? ` (${e.test.message})` : ""}\n`;
        else {
          const f = e.failure;
          s += `not ok  ${f.title}${ms(f.ms)}\n${indent(f.message, "    ")}\n`;
          if (verbose ? f.frames.length > 0 : framesWorthShowing(f)) s += `    stack traceback:\n${f.frames.map((l) => `        ${l}\n`).join("")}`;
        }
      }
      if (r.output !== "" && (verbose || countFile(r).failed > 0)) s += outputBlock(r);
      return s;
    },
    end: (total) => `${summary(total)}\n`,
  };
}

/** A TAP description: "#" would start a directive. */
function tapText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/#/g, "\\#").replace(/\n/g, " ");
}

function yamlBlock(f: Failure): string {
  let s = `  ---\n  message: ${JSON.stringify(f.message)}\n`;
  if (f.at !== undefined) s += `  at: ${JSON.stringify(f.at)}\n`;
  if (f.frames.length > 0) s += `  traceback:\n${f.frames.map((l) => `    - ${JSON.stringify(l)}\n`).join("")}`;
  if (f.ms !== undefined) s += `  duration_ms: ${f.ms}\n`;
  return s + "  ...\n";
}

/** TAP version 13: a test point per test (and per file that failed to load or was stopped),
 *  the plan at the end, the summary as a comment. */
export function tapReporter(verbose: boolean): Reporter {
  let n = 0;
  return {
    start: () => "TAP version 13\n",
    file(r) {
      let s = "";
      for (const e of events(r)) {
        n++;
        if (e.kind === "ok") s += `ok ${n} - ${tapText(`${r.file}: ${e.test.name}`)}\n`;
        else if (e.kind === "skip") s += `ok ${n} - ${tapText(`${r.file}: ${e.test.name}`)} # SKIP${e.test.message ? " " + tapText(e.test.message) : ""}\n`;
        else s += `not ok ${n} - ${tapText(e.failure.title)}\n${yamlBlock(e.failure)}`;
      }
      if (r.output !== "" && (verbose || countFile(r).failed > 0)) s += outputBlock(r);
      return s;
    },
    end: (total) => `1..${n}\n# ${summary(total)}\n`,
  };
}
