// Differences the fuzzer does not report: behaviour of lua5.4 (5.4.4) that is a bug there,
// or that assay cannot reproduce on V8. Each is applied to both outputs before comparing.

export const QUIRKS = [
  {
    // lua5.4.4 raises integer division and modulo by zero without saving the instruction's
    // position, so the message carries the line of the last call before it; assay gives the
    // operator's own line.
    name: 'int-div-by-zero-line',
    apply: (s) => s.replace(/:\d+: (attempt to perform 'n%0'|attempt to divide by zero)/g, ':?: $1'),
  },
  {
    // The sign of a NaN ("-nan" from x86's invalid operations, "nan" once negated; "+nan" or
    // " nan" with string.format's + and space flags): V8 drops it when it copies arrays of
    // doubles (e.g. `return select("#", ...), ...`) and in some optimised code.
    name: 'nan-sign',
    apply: (s) => s.replace(/[-+]nan\b/g, 'nan'),
  },
  {
    // Addresses differ from run to run in both implementations.
    name: 'addresses',
    apply: (s) => s.replace(/(table|function|thread|userdata|builtin): 0x[0-9a-f]+/g, '$1: ADDR'),
  },
];

export function normalise(s) {
  for (const q of QUIRKS) s = q.apply(s);
  return s;
}
