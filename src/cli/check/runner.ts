// Running the checks of a file (SPEC B§3.3, A7): each check gets up to retries+1 attempts,
// sleeping backoff × n after the n-th failure (linear); a check's `timeout` bounds each
// attempt; the file's `timeout` bounds the whole run, after which every check without a
// result fails with "global timeout of <N>s exceeded" and duration 0. `parallel: true` runs
// the checks concurrently; results keep the file's order. Progress goes to the logger.
import { logLine } from "../../runtime-lib/builtins/log.js";
import type { Check, CheckConfig, CheckType } from "./config.js";
import { type Outcome, fail } from "./outcome.js";
import { runHttpCheck } from "./http.js";
import { runPrometheusCheck } from "./prometheus.js";
import { killScripts, runScriptCheck } from "./script.js";
import { formatMs } from "./duration.js";
import { ioWarmUp } from "./io.js";

export interface CheckResult {
  name: string;
  passed: boolean;
  /** the last attempt's */
  duration_ms: number;
  message: string | null;
  attempts: number;
}

export interface Report {
  passed: boolean;
  checks: CheckResult[];
  duration_ms: number;
}

/** Each check type's attempt, typed by the check it takes. */
const ATTEMPTS: { [T in CheckType]: (check: Extract<Check, { type: T }>, signal: AbortSignal) => Promise<Outcome> } = {
  http: runHttpCheck,
  prometheus: runPrometheusCheck,
  script: runScriptCheck,
};

function start(check: Check, signal: AbortSignal): Promise<Outcome> {
  const run = ATTEMPTS[check.type] as (c: Check, s: AbortSignal) => Promise<Outcome>;
  return run(check, signal).catch((e: Error) => fail(e.message));
}

/** Node fires longer timers at once: longer durations (over 24 days) wait this long. */
const MAX_DELAY = 2 ** 31 - 1;
const delay = (ms: number): number => Math.min(ms, MAX_DELAY);

/** Resolves after `ms`, or as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, delay(ms));
    signal.addEventListener("abort", done, { once: true });
  });
}

/** One attempt, bounded by the check's timeout; settles at once when the run is aborted
 *  (the check's work is cancelled: its request, its script process). */
async function attempt(check: Check, run: AbortSignal): Promise<Outcome> {
  const own = new AbortController();
  const signal = AbortSignal.any([run, own.signal]);
  const timer = check.timeout === null ? null : setTimeout(() => own.abort(), delay(check.timeout.ms));
  // (aborted by the run, the outcome is dropped: the run records its own)
  const stopped = new Promise<Outcome>((resolve) => {
    const stop = (): void => resolve(fail(`check timed out after ${check.timeout?.text}`));
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
  try {
    return await Promise.race([start(check, signal), stopped]);
  } finally {
    if (timer !== null) clearTimeout(timer);
    own.abort();
  }
}

/** A check's attempts; null when the run was aborted before it had a result. `progress`
 *  receives the number of attempts started. */
async function runCheck(check: Check, run: AbortSignal, progress: (attempts: number) => void): Promise<CheckResult | null> {
  for (let n = 1; ; n++) {
    progress(n);
    const t0 = performance.now();
    const o = await attempt(check, run);
    if (run.aborted) return null;
    const result = { name: check.name, passed: o.passed, duration_ms: Math.floor(performance.now() - t0), message: o.message, attempts: n };
    if (o.passed || n > check.retries) {
      logLine(o.passed ? "info" : "warn", "check completed", {
        check: check.name,
        result: o.passed ? "PASS" : "FAIL",
        duration_ms: result.duration_ms,
        attempts: n,
        ...(o.passed ? {} : { message: o.message }),
      });
      return result;
    }
    const wait = check.backoff.ms * n;
    logLine("warn", "check failed, retrying", { check: check.name, attempt: n, of: check.retries + 1, message: o.message, retry_in: formatMs(wait) });
    await sleep(wait, run);
    if (run.aborted) return null;
  }
}

/** Interrupted, assay ends at once and takes the scripts it started along. */
function onSignal(signal: NodeJS.Signals): void {
  killScripts();
  process.exit(128 + (signal === "SIGINT" ? 2 : 15));
}

/** Runs `checks` (by default the file's) as the file says. */
export async function runChecks(cfg: CheckConfig, checks: Check[] = cfg.checks): Promise<Report> {
  if (checks.some((c) => c.type !== "script")) await ioWarmUp();
  const t0 = performance.now();
  const run = new AbortController();
  const timer = setTimeout(() => run.abort(), delay(cfg.timeout.ms));
  const results: (CheckResult | null)[] = checks.map(() => null);
  const attempts = checks.map(() => 0);
  const one = async (i: number): Promise<void> => {
    results[i] = await runCheck(checks[i], run.signal, (n) => (attempts[i] = n));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (cfg.parallel) await Promise.all(checks.map((_, i) => one(i)));
    else for (let i = 0; i < checks.length && !run.signal.aborted; i++) await one(i);
  } finally {
    clearTimeout(timer);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    killScripts();
  }
  const message = `global timeout of ${Math.floor(cfg.timeout.ms / 1000)}s exceeded`;
  if (results.includes(null)) logLine("error", message, { unfinished: results.filter((r) => r === null).length });
  const final = results.map((r, i) => r ?? { name: checks[i].name, passed: false, duration_ms: 0, message, attempts: attempts[i] });
  return { passed: final.every((r) => r.passed), checks: final, duration_ms: Math.floor(performance.now() - t0) };
}
