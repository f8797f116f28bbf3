// What a run prints: the JSON report on stdout (SPEC B§3.4: keys in SPEC's order, 2-space
// indent, `attempts` added after `message`), or JUnit XML with --format junit; and, when
// stderr is a terminal, a human summary there.
import type { Check } from "./config.js";
import type { Report } from "./runner.js";

export function reportJson(r: Report): string {
  const checks = r.checks.map((c) => ({ name: c.name, passed: c.passed, duration_ms: c.duration_ms, message: c.message, attempts: c.attempts }));
  return JSON.stringify({ passed: r.passed, checks, duration_ms: r.duration_ms }, null, 2) + "\n";
}

/** Text for XML attributes and content: markup escaped, characters XML 1.0 cannot hold dropped. */
function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;");
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** JUnit XML: one <testsuite> named after the file, one <testcase> per check (classname =
 *  the check's type), a <failure> carrying the message and the number of attempts. */
export function reportJUnit(r: Report, file: string, checks: Check[], startedAt: Date): string {
  const failures = r.checks.filter((c) => !c.passed).length;
  const counts = `tests="${r.checks.length}" failures="${failures}" errors="0"`;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="assay" ${counts} time="${seconds(r.duration_ms)}">`,
    `  <testsuite name="${xml(file)}" ${counts} skipped="0" time="${seconds(r.duration_ms)}" timestamp="${startedAt.toISOString().slice(0, 19)}">`,
  ];
  r.checks.forEach((c, i) => {
    const head = `    <testcase name="${xml(c.name)}" classname="${checks[i].type}" time="${seconds(c.duration_ms)}"`;
    if (c.passed) {
      lines.push(head + "/>");
      return;
    }
    const msg = c.message ?? "failed";
    const tries = `${c.attempts} attempt${c.attempts === 1 ? "" : "s"}`;
    lines.push(head + ">", `      <failure message="${xml(msg)}" type="${checks[i].type}">${xml(msg)} (${tries})</failure>`, "    </testcase>");
  });
  lines.push("  </testsuite>", "</testsuites>");
  return lines.join("\n") + "\n";
}

/** The summary for a terminal: a line per check, then the totals. */
export function summary(r: Report, colour: boolean): string {
  const paint = (code: string, s: string): string => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const width = Math.max(0, ...r.checks.map((c) => c.name.length));
  const lines = r.checks.map((c) => {
    const mark = c.passed ? paint("32", "PASS") : paint("31", "FAIL");
    const ms = `${c.duration_ms} ms`.padStart(9);
    const tries = c.attempts > 1 ? ` (${c.attempts} attempts)` : "";
    const note = c.message === null ? "" : `  ${c.passed ? c.message : paint("31", c.message)}`;
    return `  ${mark}  ${c.name.padEnd(width)}  ${ms}${tries}${note}`;
  });
  const failed = r.checks.filter((c) => !c.passed).length;
  const total = `${r.checks.length} check${r.checks.length === 1 ? "" : "s"}`;
  const tail = failed === 0 ? paint("32", `${total} passed`) : paint("31", `${failed} of ${total} failed`);
  lines.push(`${tail} in ${r.duration_ms} ms`);
  return lines.join("\n") + "\n";
}
