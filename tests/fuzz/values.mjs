// Literals: integers at the edges of 64-bit arithmetic, floats that are integral, huge,
// negative zero, infinite or NaN, numeric strings in every syntax Lua converts, and plain
// strings with escapes. Each returns Lua source text.

const SMALL_INTS = ['0', '1', '2', '3', '5', '7', '10', '-1', '-2', '-7', '12', '100', '255', '42'];
const EDGE_INTS = [
  'math.maxinteger', 'math.mininteger', '0x7fffffffffffffff', '0xffffffffffffffff', '0x8000000000000000',
  '9007199254740993', '2147483648', '-2147483649', '0x10', '0xff', '1000000007', '-9223372036854775807',
  '4294967296', '65535', '0XA',
];
const FLOATS = [
  '0.5', '-0.0', '1.5', '-2.5', '3.0', '1e308', '1e-310', '1e15', '1e16', '123456.789', '0.1', '100.0',
  '-7.0', '12.75', '2^53', '2^63', '-2^63', '9007199254740992.0', '0x1p-2', '0x.8', '1e100', '5e-324',
  '9223372036854775808', '(1/0)', '(-1/0)', '(0/0)', 'math.huge', '-math.huge', 'math.pi', '3.14159',
  '0x7fffffffffffffff.0', '1e-5', '2.0^-1074', '.5', '5.', '3e0', '0xA.8p1', '-1e15', '1e14', '255.0',
];
const NUM_STRINGS = [
  '"10"', '"0x10"', '" 7 "', '"1e2"', '"3.0"', '"-0"', '"0x1p4"', '"  -12  "', '"9223372036854775807"',
  '"9223372036854775808"', '".5"', '"5."', '"1e500"', '"0x7fffffffffffffff"', '"-0x10"', '"1E+2"',
  '"\\t8\\n"', '"0.1"', '"2"',
];
const STRINGS = [
  '""', '"a"', '"abc"', '"Hello World"', '"x y z"', '"a,b,,c"', '"key=val; k2=v2"', '"(nested (parens))"',
  '"  trim  "', '"%d"', '"\\n"', '"tab\\there"', '"\\0nul"', '"10a"', '"0x"', '"1e"', '"inf"', '"nan"',
  '"abc123def"', '"THE END"', '"[brackets]"', '"a.b.c"', '"\\65\\066C"', '"\\x41\\x62"', '"\\u{48}\\u{49}"',
  '"\\z   zz"', '[[long]]', '[==[a]]b]==]', "'single'", '"\\u{7FF}\\u{10FFFF}"', '"\\255\\128"',
  '"aaa"', '"banana"', '"hello, world"', '"one two  three"', '"$^.*+?"',
];

export function intLit(rng) {
  return rng.chance(0.75) ? rng.pick(SMALL_INTS) : rng.pick(EDGE_INTS);
}

export function floatLit(rng) {
  return rng.pick(FLOATS);
}

/** A literal string; numeric strings (which arithmetic converts) about a third of the time. */
export function strLit(rng) {
  if (rng.chance(0.3)) return rng.pick(NUM_STRINGS);
  if (rng.chance(0.3)) return JSON.stringify(randomWord(rng));
  return rng.pick(STRINGS);
}

export function numStrLit(rng) {
  return rng.pick(NUM_STRINGS);
}

const SUBJECT_CHARS = 'aabbc x1 2(y)z,.-_%AB';

/** A short random subject for patterns: letters, digits, spaces, punctuation, parentheses. */
export function randomWord(rng, max = 12) {
  let s = '';
  const n = rng.int(0, max);
  for (let i = 0; i < n; i++) s += rng.pick(SUBJECT_CHARS);
  return s;
}

export const FIELDS = ['a', 'b', 'x', 'y', 'n', 'name', 'v'];
