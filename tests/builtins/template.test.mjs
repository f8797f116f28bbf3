// The template builtin (SPEC B§1.18): Jinja2 through nunjucks, with minijinja's defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { luaString, runLuaOk, tempDir } from '../helpers.mjs';

const dir = tempDir('template');

/** Runs a script that must not fail; returns its stdout. */
const run = (name, text) => runLuaOk(text, { dir, name, encoding: 'utf8', timeout: 30000 }).out;

/** Renders each [template, vars-as-Lua] and returns the results ("ERR <message>" on error),
 *  one per line, with newlines in results shown as "\n". */
function renders(name, cases) {
  const body = cases
    .map(([t, v]) => `show(pcall(template.render_string, ${luaString(t)}${v === undefined ? '' : `, ${v}`}))`)
    .join('\n');
  const out = run(
    name,
    `local function show(ok, s) print(ok and (s:gsub("\\n", "\\\\n")) or "ERR " .. tostring(s)) end\n${body}\n`,
  );
  assert.ok(out.endsWith('\n'));
  return out.slice(0, -1).split('\n');
}

test('render_string: variables, nil vars, unicode, trailing newline dropped', () => {
  assert.deepEqual(
    renders('basic.lua', [
      ['Hello {{ name }}!', '{name = "World"}'],
      ['no vars\n'],
      ['one\n\n'],
      ['crlf\r\n'],
      ['', '{}'],
      ['{{ n }} {{ f }} {{ b }} {{ big }}', '{n = 42, f = 2.5, b = true, big = math.maxinteger}'],
      ['héllo {{ w }} ✓', '{w = "wörld"}'],
      ['{{ a.b.c }}', '{a = {b = {c = "deep"}}}'],
      ['{{ xs[0] }}-{{ xs[2] }}', '{xs = {"a", "b", "c"}}'],
      ['{{ t }} {{ e }}', '{t = {1, "x", true}, e = {}}'],
      ['{{ m }}', '{m = {k = 1, j = "s"}}'],
      ['{{ x }}', 'nil'],
    ]),
    [
      'Hello World!',
      'no vars',
      'one\\n',
      'crlf',
      '',
      '42 2.5 true 9223372036854775807',
      'héllo wörld ✓',
      'deep',
      'a-c',
      '[1, "x", true] []',
      '{"j": "s", "k": 1}',
      '',
    ],
  );
});

test('no auto-escaping by default; |e escapes', () => {
  assert.deepEqual(renders('escape.lua', [['{{ s }} {{ s | e }} {{ s | escape }}', `{s = "<a href='x'>&</a>"}`]]), [
    "<a href='x'>&</a> &lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; &lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;",
  ]);
});

test('lenient undefined: prints empty, iterates empty, falsy; a missing attribute is undefined', () => {
  assert.deepEqual(
    renders('undef.lua', [
      ['[{{ missing }}]'],
      ['{% for x in missing %}x{% else %}empty{% endfor %}'],
      ['{% if missing %}yes{% else %}no{% endif %}'],
      ['[{{ obj.nope }}]', '{obj = {a = 1}}'],
      ['{{ missing | default("dflt") }} {{ obj.nope | default(7) }}', '{obj = {}}'],
      ['{{ missing is defined }} {{ missing is undefined }}'],
      ['{{ missing | length }} [{{ missing | join(",") }}] {{ missing | list }}'],
    ]),
    ['[]', 'empty', 'no', '[]', 'dflt 7', 'false true', '0 [] []'],
  );
});

test('looking up an attribute of an undefined value is an error with the template line', () => {
  assert.deepEqual(
    renders('undeferr.lua', [
      ['ok\n{{ missing.attr }}'],
      ['{{ a.b.c }}', '{a = {}}'],
      ['x\ny\n{{ missing[0] }}'],
    ]),
    [
      "ERR template.render_string: cannot look up 'attr' on undefined value 'missing' (in <string>:2)",
      "ERR template.render_string: cannot look up 'c' on undefined value 'a[\"b\"]' (in <string>:1)",
      "ERR template.render_string: cannot look up '0' on undefined value 'missing' (in <string>:3)",
    ],
  );
});

test('loops, conditionals, set, macros, loop variables, whitespace control', () => {
  assert.deepEqual(
    renders('control.lua', [
      ['{% for u in users %}{{ loop.index }}.{{ u.name }}{% if not loop.last %}, {% endif %}{% endfor %}', '{users = {{name = "a"}, {name = "b"}}}'],
      ['{% for k in m %}{{ k }};{% endfor %}', '{m = {b = 2, a = 1}}'],
      ['{% for k, v in m %}{{ k }}={{ v }};{% endfor %}', '{m = {b = 2, a = 1}}'],
      ['{% for k, v in m.items() %}{{ k }}={{ v }};{% endfor %}', '{m = {b = 2, a = 1}}'],
      ['{% for k, v in m | items %}{{ k }}={{ v }};{% endfor %}', '{m = {b = 2, a = 1}}'],
      ['{% for k, v in m | dictsort %}{{ k }}={{ v }};{% endfor %}', '{m = {b = 2, a = 1}}'],
      ['{% for c in "abc" %}{{ c }}-{% endfor %}'],
      ['{% for i in range(3) %}{{ i }}{% endfor %}'],
      ['{% set x = 2 %}{% set y = x * 3 %}{{ y }}'],
      ['{% macro item(v, sep=";") %}[{{ v }}]{{ sep }}{% endmacro %}{{ item(1) }}{{ item(2, sep="!") }}'],
      ['a\n{%- if true %}\nb{% endif -%}\n  c'],
      ['{{ "y" if flag else "n" }} {{ True }} {{ none }} {{ 7 // 2 }} {{ 2 ** 8 }} {{ "a" ~ 1 }} {{ 3 in [1, 3] }}', '{flag = true}'],
      ['{% raw %}{{ not rendered }}{% endraw %}'],
      ['{# a comment #}x'],
    ]),
    [
      '1.a, 2.b',
      'a;b;',
      'a=1;b=2;',
      'a=1;b=2;',
      'a=1;b=2;',
      'a=1;b=2;',
      'a-b-c-',
      '012',
      '6',
      '[1];[2]!',
      'a\\nbc',
      'y true none 3 256 a1 true',
      '{{ not rendered }}',
      'x',
    ],
  );
});

test('filters: nunjucks built-ins and minijinja additions', () => {
  assert.deepEqual(
    renders('filters.lua', [
      ['{{ s | upper }} {{ s | lower }} {{ s | title }} {{ s | capitalize }} {{ "  t  " | trim }}', '{s = "hello World"}'],
      ['{{ s | replace("l", "L") }} {{ s | length }} {{ s | count }} {{ s | first }} {{ s | last }}', '{s = "hello"}'],
      ['{{ xs | join(",") }} {{ xs | sort | join }} {{ xs | sort(reverse=true) | join }} {{ xs | first }} {{ xs | last }} {{ xs | length }}', '{xs = {3, 1, 2}}'],
      ['{{ xs | sum }} {{ xs | min }} {{ xs | max }} {{ xs | unique | list }} {{ xs | reverse | list }}', '{xs = {2, 1, 2, 3}}'],
      ['{{ "3" | int + 1 }} {{ "2.5" | float }} {{ 2.567 | round(2) }} {{ 2.5 | round }} {{ -3 | abs }} {{ "x" | int }}'],
      ['{{ users | map(attribute="name") | join(", ") }}', '{users = {{name = "a"}, {name = "b"}}}'],
      ['{{ users | selectattr("admin") | map(attribute="name") | list }}', '{users = {{name = "a", admin = true}, {name = "b"}}}'],
      ['{{ users | rejectattr("admin") | map(attribute="name") | list }}', '{users = {{name = "a", admin = true}, {name = "b"}}}'],
      ['{{ users | selectattr("age", "gt", 20) | map(attribute="name") | join }}', '{users = {{name = "a", age = 10}, {name = "b", age = 30}}}'],
      ['{{ xs | map("upper") | join("-") }} {{ xs | select("equalto", "b") | list }}', '{xs = {"a", "b"}}'],
      ['{{ m | tojson }} {{ "<&>" | tojson }}', '{m = {b = {1, 2}, a = "x"}}'],
      ['{{ m | items | list }} {{ m | dictsort | first }}', '{m = {b = 2, a = 1}}'],
      ['{{ "a,b,,c" | split(",") }} {{ "a b  c" | split }} {{ "l1\\nl2" | lines }}'],
      ['{{ "yes" | bool }} {{ "" | bool }} {{ 0 | bool }} {{ m | attr("k") }}', '{m = {k = "v"}}'],
      ['{{ "x" | indent(2) }}|{{ "a\\nb" | indent(2) }}|{{ "ab" | center(6) }}|'],
      ['{{ xs | batch(2) | list }} {{ xs | slice(2) | list }}', '{xs = {1, 2, 3}}'],
      ['{{ "a b" | urlencode }} {{ "a b c" | wordcount }} {{ "abcdef" | truncate(3, true, "...") }}'],
    ]),
    [
      'HELLO WORLD hello world Hello World Hello world t',
      'heLLo 5 5 h o',
      '3,1,2 123 321 3 2 3',
      '8 1 3 [2, 1, 3] [3, 2, 1, 2]',
      '4 2.5 2.57 3 3 0',
      'a, b',
      '["a"]',
      '["b"]',
      'b',
      'A-B ["b"]',
      '{"a":"x","b":[1,2]} "\\u003c\\u0026\\u003e"',
      '[["a", 1], ["b", 2]] ["a", 1]',
      '["a", "b", "", "c"] ["a", "b", "c"] ["l1", "l2"]',
      'true false false v',
      'x|a\\n  b|  ab  |',
      '[[1, 2], [3]] [[1, 2], [3]]',
      'a%20b 3 abc...',
    ],
  );
});

test('tests, Python-style methods, slices', () => {
  assert.deepEqual(
    renders('methods.lua', [
      ['{{ n is number }} {{ n is even }} {{ n is odd }} {{ n is divisibleby 3 }} {{ s is string }} {{ xs is sequence }} {{ m is mapping }}', '{n = 6, s = "x", xs = {1}, m = {a = 1}}'],
      ['{{ s is startingwith "he" }} {{ s is endingwith "lo" }} {{ s is lower }} {{ b is boolean }} {{ n is integer }} {{ f is float }}', '{s = "hello", b = false, n = 1, f = 1.5}'],
      ['{{ s.upper() }} {{ s.strip() }} {{ s.split(",") }} {{ s.startswith(" a") }} {{ s.replace("a", "A") }}', '{s = " a,b "}'],
      ['{{ m.keys() | list }} {{ m.values() | list }} {{ m.get("a") }} {{ m.get("zz", "dflt") }}', '{m = {a = 1, b = 2}}'],
      ['{{ xs[1:] }} {{ xs[:2] }} {{ xs[::-1] }}', '{xs = {1, 2, 3}}'],
      ['{{ dict(a=1) | tojson }}'],
    ]),
    [
      'true true false true true true true',
      'true true true true true true',
      ' A,B  a,b [" a", "b "] true  A,b ',
      '["a", "b"] [1, 2] 1 dflt',
      '[2, 3] [1, 2] [3, 2, 1]',
      '{"a":1}',
    ],
  );
});

test('errors: syntax, unknown filter, unknown function, include, with the template line', () => {
  assert.deepEqual(
    renders('errors.lua', [
      ['line1\nline2 {% if %}'],
      ['a\n\n{% for x in %}{% endfor %}'],
      ['{{ x'],
      ['{% if true %}never closed'],
      ['a\nb\n{{ x | nofilter }}'],
      ['a\n{{ nofunc() }}'],
      ['{% include "other.j2" %}'],
      ['{% extends "base.j2" %}'],
      ['ok', '"not a table"'],
      ['ok', '42'],
      ['{{ f }}', '{f = print}'],
      ['{{ s }}', '{s = "\\255"}'],
      ['{{ x }}', '{[{}] = 1}'],
    ]),
    [
      'ERR template.render_string: unexpected token: %} (in <string>:2)',
      'ERR template.render_string: unexpected token: %} (in <string>:3)',
      'ERR template.render_string: expected variable end (in <string>)',
      'ERR template.render_string: parseIf: expected elif, else, or endif, got end of file (in <string>)',
      'ERR template.render_string: filter not found: nofilter (in <string>:3)',
      'ERR template.render_string: Unable to call `nofunc`, which is undefined or falsey (in <string>:2)',
      'ERR template.render_string: template not found: other.j2 (in <string>:1)',
      'ERR template.render_string: template not found: base.j2 (in <string>:1)',
      'ERR template.render_string: second argument must be a table or nil',
      'ERR template.render_string: second argument must be a table or nil',
      'ERR template.render_string: unsupported Lua type for JSON: function',
      'ERR template.render_string: string is not valid UTF-8',
      'ERR template.render_string: unsupported table key type: table',
    ],
  );
});

test('errors raised from a Lua line carry its position; argument errors are Lua-style', () => {
  const out = run(
    'pos.lua',
    `local ok, e = pcall(function()
  return template.render_string("{{ a.b }}")
end)
print(e)
print(pcall(function() template.render_string() end))
print(pcall(function() template.render(nil) end))
print(pcall(template.render_string, "\\255"))
`,
  );
  assert.equal(
    out,
    [
      "pos.lua:2: template.render_string: cannot look up 'b' on undefined value 'a' (in <string>:1)",
      "false\tpos.lua:5: bad argument #1 to 'render_string' (string expected, got no value)",
      "false\tpos.lua:6: bad argument #1 to 'render' (string expected, got nil)",
      'false\ttemplate.render_string: template is not valid UTF-8',
      '',
    ].join('\n'),
  );
});

test('render(path, vars): reads the file; .html is not escaped either; errors name the file', () => {
  writeFileSync(join(dir, 'app.conf.j2'), 'server {{ host }}:{{ port }}\n{% for u in upstreams %}upstream {{ u }}\n{% endfor %}\n');
  writeFileSync(join(dir, 'page.html'), '<p>{{ body }}</p>\n');
  writeFileSync(join(dir, 'broken.j2'), 'fine\n{{ cfg.missing.deeper }}\n');
  writeFileSync(join(dir, 'ünï.j2'), '{{ x }}✓');
  const out = run(
    'render.lua',
    `io.write(template.render("app.conf.j2", {host = "example.org", port = 8080, upstreams = {"a", "b"}}))
print("|")
print(template.render("page.html", {body = "<b>bold</b>"}))
print(template.render("ünï.j2", {x = 1}))
print(pcall(template.render, "broken.j2", {cfg = {}}))
print(pcall(template.render, "missing.j2"))
print(pcall(template.render, "."))
print(pcall(template.render, "app.conf.j2", "vars"))
`,
  );
  assert.equal(
    out,
    [
      'server example.org:8080',
      'upstream a',
      'upstream b',
      '|',
      '<p><b>bold</b></p>',
      '1✓',
      "false\ttemplate.render: cannot look up 'deeper' on undefined value 'cfg[\"missing\"]' (in broken.j2:2)",
      'false\ttemplate.render: missing.j2: No such file or directory',
      'false\ttemplate.render: .: Is a directory',
      'false\ttemplate.render: second argument must be a table or nil',
      '',
    ].join('\n'),
  );
});

test('each render starts fresh: no state leaks between calls', () => {
  const out = run(
    'fresh.lua',
    `print(template.render_string("{% set x = 1 %}{{ x }}"))
print(template.render_string("[{{ x }}]"))
print(template.render_string("{% macro m() %}m{% endmacro %}{{ m() }}"))
print(pcall(template.render_string, "{{ m() }}"))
`,
  );
  assert.equal(out, '1\n[]\nm\nfalse\ttemplate.render_string: Unable to call `m`, which is undefined or falsey (in <string>:1)\n');
});
