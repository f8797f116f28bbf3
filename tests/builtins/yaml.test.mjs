// yaml.parse, yaml.parse_all, yaml.encode (SPEC B§1.4, A5): scalars and their Lua types,
// anchors, aliases and merge keys, tags, Kubernetes manifests round-tripping, encoding
// style, and every error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { luaString as q, nextLuaName, runLua, tempDir, valueHelpersRunner } from '../helpers.mjs';

const dir = tempDir('yaml');
/** Runs Lua code with dump, same, err in scope (VALUE_HELPERS_MODULE) and returns its stdout. */
const lua = valueHelpersRunner(dir, { encoding: 'utf8', timeout: 60000 });

test('yaml.parse: scalars keep YAML types (integers, floats, booleans, null, strings)', () => {
  const doc = [
    'int: 42', 'neg: -17', 'plus: +12', 'hex: 0x1F', 'oct: 0o17', 'zero: 0',
    'float: 1.5', 'float_int: 1.0', 'exp: 1e3', 'negz: -0.0', 'dot: .5', 'inf: .inf', 'ninf: -.Inf', 'nan: .nan',
    'yes_bool: true', 'no_bool: false', 'tilde: ~', 'null_word: null', 'empty:',
    'str: hello world', 'quoted_int: "42"', "single: 'it''s'", 'yes_word: yes', 'date: 2024-01-15',
    'version: 1.2.3', 'colon: "a: b"',
  ].join('\n') + '\n';
  const out = lua(`
local t = yaml.parse(${q(doc)})
for _, k in ipairs{"int","neg","plus","hex","oct","zero","float","float_int","exp","negz","dot","inf","ninf","nan"} do
  print(k, math.type(t[k]), t[k])
end
for _, k in ipairs{"yes_bool","no_bool","tilde","null_word","empty","str","quoted_int","single","yes_word","date","version","colon"} do
  print(k, type(t[k]), dump(t[k]))
end
`);
  assert.equal(out, [
    'int\tinteger\t42', 'neg\tinteger\t-17', 'plus\tinteger\t12', 'hex\tinteger\t31', 'oct\tinteger\t15', 'zero\tinteger\t0',
    'float\tfloat\t1.5', 'float_int\tfloat\t1.0', 'exp\tfloat\t1000.0', 'negz\tfloat\t-0.0', 'dot\tfloat\t0.5',
    'inf\tfloat\tinf', 'ninf\tfloat\t-inf', 'nan\tfloat\tnan',
    'yes_bool\tboolean\ttrue', 'no_bool\tboolean\tfalse', 'tilde\tnil\tnil', 'null_word\tnil\tnil', 'empty\tnil\tnil',
    'str\tstring\t"hello world"', 'quoted_int\tstring\t"42"', `single\tstring\t"it's"`,
    // YAML 1.2 core schema: yes is a string, dates are strings
    'yes_word\tstring\t"yes"', 'date\tstring\t"2024-01-15"', 'version\tstring\t"1.2.3"', 'colon\tstring\t"a: b"', '',
  ].join('\n'));
});

test('yaml.parse: integers are exact to 64 bits; beyond that they are floats', () => {
  const out = lua(`
local t = yaml.parse("max: 9223372036854775807\\nmin: -9223372036854775808\\nbig: 9007199254740993\\nover: 9223372036854775808\\nhuge: 123456789012345678901234567890\\n")
print(math.type(t.max), t.max, t.max == math.maxinteger)
print(math.type(t.min), t.min, t.min == math.mininteger)
print(math.type(t.big), t.big, t.big - 1 == 9007199254740992)
print(math.type(t.over), t.over == 2^63)
print(math.type(t.huge), t.huge)
`);
  assert.equal(out, [
    'integer\t9223372036854775807\ttrue',
    'integer\t-9223372036854775808\ttrue',
    'integer\t9007199254740993\ttrue',
    'float\ttrue',
    'float\t1.2345678901235e+29', '',
  ].join('\n'));
});

test('yaml.parse: top level can be any node; no document is nil', () => {
  const out = lua(`
print(dump(yaml.parse("42")), dump(yaml.parse("- a\\n- b\\n")), dump(yaml.parse("just text")))
print(yaml.parse(""), yaml.parse("# only a comment\\n"), yaml.parse("---\\n"), yaml.parse("~"))
print(dump(yaml.parse("---\\na: 1\\n...\\n")))
print(dump(yaml.parse("[]")), dump(yaml.parse("{}")))
`);
  assert.equal(out, '42\t{"a","b"}\t"just text"\nnil\tnil\tnil\tnil\n{a=1}\n{}\t{}\n');
});

test('yaml.parse: nested structures, flow style, block scalars', () => {
  const doc = `server:
  host: localhost
  ports: [80, 443]
  tls: {enabled: true, cert: /etc/cert.pem}
  users:
    - name: alice
      roles: [admin, dev]
    - name: bob
      roles: []
literal: |
  line one
    indented
  line three
folded: >
  folded
  text

  new para
strip: |-
  no newline
keep: |+
  two newlines

last: end
`;
  const out = lua(`
local t = yaml.parse(${q(doc)})
print(dump(t.server))
print(dump(t.literal))
print(dump(t.folded))
print(dump(t.strip))
print(dump(t.keep))
print(#t.server.users, t.server.users[2].name, #t.server.users[2].roles)
`);
  assert.equal(out, [
    '{host="localhost",ports={80,443},tls={cert="/etc/cert.pem",enabled=true},users={{name="alice",roles={"admin","dev"}},{name="bob",roles={}}}}',
    '"line one\\n  indented\\nline three\\n"',
    '"folded text\\nnew para\\n"',
    '"no newline"',
    '"two newlines\\n\\n"',
    '2\tbob\t0', '',
  ].join('\n'));
});

test('yaml.parse: unicode text and byte strings', () => {
  const out = lua(`
local t = yaml.parse(${q('name: "Zoë 😀"\nkey: 日本語\nesc: "\\u00e9\\x41\\t\\u263A"\n日本: 値\n')})
print(t.name, #t.name, t.key, t["日本"])
print(dump(t.esc))
-- !!binary gives the decoded bytes
local b = yaml.parse("data: !!binary AAH/gA==\\n").data
print(#b, b:byte(1, -1))
`);
  assert.equal(out, 'Zoë 😀\t9\t日本語\t値\n' + `"é` + 'A\\9☺"\n' + '4\t0\t1\t255\t128\n');
});

test('yaml.parse: mapping keys must be strings (SPEC B§1.4)', () => {
  const out = lua(`
print(dump(yaml.parse('"1": one\\n"true": yes\\n')))
print(err(yaml.parse, "1: a\\n"))
print(err(yaml.parse, "a: 1\\ntrue: b\\n"))
print(err(yaml.parse, "x:\\n  ~: c\\n"))
print(err(yaml.parse, "? [1, 2]\\n: d\\n"))
print(err(yaml.parse, "{a: 1, {b: 2}: 3}"))
`);
  assert.equal(out, [
    '{["1"]="one",true="yes"}',
    'yaml.parse: unsupported YAML mapping key 1 (keys must be strings) at line 1, column 1',
    'yaml.parse: unsupported YAML mapping key true (keys must be strings) at line 2, column 1',
    'yaml.parse: unsupported YAML mapping key ~ (keys must be strings) at line 2, column 3',
    'yaml.parse: unsupported YAML mapping key (a sequence) (keys must be strings) at line 1, column 3',
    'yaml.parse: unsupported YAML mapping key (a mapping) (keys must be strings) at line 1, column 8', '',
  ].join('\n'));
});

test('yaml.parse: anchors and aliases give independent copies', () => {
  const doc = `base: &b
  image: nginx
  ports: [80]
copy: *b
name: &n web
names: [*n, *n]
`;
  const out = lua(`
local t = yaml.parse(${q(doc)})
print(dump(t.copy), dump(t.names))
print(rawequal(t.base, t.copy), rawequal(t.base.ports, t.copy.ports))
t.copy.image = "changed"
t.copy.ports[1] = 8080
print(t.base.image, t.base.ports[1])
`);
  assert.equal(out, '{image="nginx",ports={80}}\t{"web","web"}\nfalse\tfalse\nnginx\t80\n');
});

test('yaml.parse: << merge keys (explicit keys win, earlier merges win)', () => {
  const doc = `defaults: &d
  adapter: postgres
  host: localhost
  pool: 5
extra: &e
  pool: 10
  timeout: 30
dev:
  <<: *d
  database: dev
prod:
  <<: [*e, *d]
  host: db.prod
inline:
  <<: {a: 1}
  b: 2
quoted:
  "<<": not a merge
`;
  const out = lua(`
local t = yaml.parse(${q(doc)})
print(dump(t.dev))
print(dump(t.prod))
print(dump(t.inline))
print(dump(t.quoted))
print(err(yaml.parse, "a:\\n  <<: 5\\n"))
`);
  assert.equal(out, [
    '{adapter="postgres",database="dev",host="localhost",pool=5}',
    '{adapter="postgres",host="db.prod",pool=10,timeout=30}',
    '{a=1,b=2}',
    '{["<<"]="not a merge"}',
    'yaml.parse: merge key << needs a mapping or a sequence of mappings at line 2, column 3', '',
  ].join('\n'));
});

test('yaml.parse: alias errors (unknown anchor, recursion, alias bombs)', () => {
  const out = lua(`
print(err(yaml.parse, "a: 1\\nb: *nope\\n"))
print(err(yaml.parse, "a: &x\\n  - *x\\n"))
local bomb = {"a: &a [x, x, x, x, x, x, x, x, x, x]"}
for i = 2, 9 do
  local p, c = string.char(96 + i - 1), string.char(96 + i)
  bomb[#bomb + 1] = c .. ": &" .. c .. " [" .. string.rep("*" .. p, 10, ", ") .. "]"
end
print(err(yaml.parse, table.concat(bomb, "\\n")))
`);
  assert.equal(out, [
    "yaml.parse: unknown anchor 'nope' referenced by alias at line 2, column 4",
    'yaml.parse: recursive alias *x at line 2, column 5',
    'yaml.parse: too many alias expansions (recursive or exponential aliases)', '',
  ].join('\n'));
});

test('yaml.parse: local tags wrap their value; tags = "strip" drops them; !! tags resolve', () => {
  const out = lua(`
local src = "a: !Ref some-value\\nb: !custom {x: 1}\\nc: !reference [.anchor, script]\\nd: plain\\n"
print(dump(yaml.parse(src)))
print(dump(yaml.parse(src, {tags = "strip"})))
print(dump(yaml.parse(src, {tags = "wrap"})))
local s = yaml.parse('s: !!str 1\\ni: !!int "5"\\nf: !!float "1.5"\\nb: !!bool "true"\\nn: !!null "~"\\nlong: !<tag:yaml.org,2002:str> 1\\nns: ! 12\\n')
print(math.type(s.i), math.type(s.f), dump(s))
print(err(yaml.parse, "a: 1", {tags = "drop"}))
print(err(yaml.parse_all, "a: 1", {tags = 7}))
print(err(yaml.parse, "a: 1", "strip"))
`);
  assert.equal(out, [
    '{a={["!Ref"]="some-value"},b={["!custom"]={x=1}},c={["!reference"]={".anchor","script"}},d="plain"}',
    '{a="some-value",b={x=1},c={".anchor","script"},d="plain"}',
    '{a={["!Ref"]="some-value"},b={["!custom"]={x=1}},c={["!reference"]={".anchor","script"}},d="plain"}',
    'integer\tfloat\t{b=true,f=1.5,i=5,long="1",ns="12",s="1"}',
    'yaml.parse: tags must be "wrap" or "strip"',
    'yaml.parse_all: tags must be "wrap" or "strip"',
    'yaml.parse: options must be a table', '',
  ].join('\n'));
});

test('yaml.parse: syntax errors carry the line and column', () => {
  const out = lua(`
print(err(yaml.parse, "a: 1\\nb: [1, 2\\n"))
print(err(yaml.parse, "a: 1\\n  b: 2\\n"))
print(err(yaml.parse, "key: 'unterminated\\n"))
print(err(yaml.parse, "a: 1\\nb: 2\\n'a': 3\\n"))
print(err(yaml.parse, "- a\\nb: c\\n"))
print(err(yaml.parse, "x: 1\\ny:\\n\\tz: 2\\n"))
print(err(yaml.parse, ":\\n  :\\n  - ]["))
`);
  const lines = out.split('\n');
  assert.equal(lines[0], 'yaml.parse: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1');
  assert.equal(lines[1], 'yaml.parse: Nested mappings are not allowed in compact mappings at line 1, column 4');
  assert.equal(lines[2], "yaml.parse: Missing closing 'quote at line 2, column 1");
  assert.equal(lines[3], 'yaml.parse: Map keys must be unique at line 3, column 1');
  assert.equal(lines[4], 'yaml.parse: Unexpected scalar at node end at line 2, column 1');
  assert.match(lines[5], /^yaml\.parse: .* at line 3, column \d+$/);
  assert.match(lines[6], /^yaml\.parse: .* at line \d+, column \d+$/);
});

test('yaml.parse: argument and input errors', () => {
  const out = lua(`
print(err(yaml.parse))
print(err(yaml.parse, nil))
print(err(yaml.parse, {}))
print(err(yaml.parse, "a: b\\n\\255: c\\n"))
print(dump(yaml.parse(12)))
print(err(yaml.parse, "a: 1\\n---\\nb: 2\\n"))
print(err(yaml.parse, "a: 1\\n---\\n"))
`);
  assert.equal(out, [
    "bad argument #1 to 'yaml.parse' (string expected, got no value)",
    "bad argument #1 to 'yaml.parse' (string expected, got nil)",
    "bad argument #1 to 'yaml.parse' (string expected, got table)",
    'yaml.parse: string is not valid UTF-8',
    '12',
    'yaml.parse: found more than one document (use yaml.parse_all) at line 2, column 1',
    'yaml.parse: found more than one document (use yaml.parse_all) at line 2, column 1', '',
  ].join('\n'));
});

test('yaml.parse: an error raised from Lua code carries its position', () => {
  const name = nextLuaName();
  const r = runLua('local x = 1\nyaml.parse("a: [")\n', { dir, name, sourceEncoding: 'latin1' });
  assert.equal(r.status, 1);
  assert.match(r.err, new RegExp(`^assay: ${name}:2: yaml\\.parse: .* at line 1, column 5\\n`));
});

test('yaml.parse_all: documents in order, empty documents skipped', () => {
  const out = lua(`
local docs = yaml.parse_all("kind: Service\\nmetadata:\\n  name: api\\n---\\nkind: Deployment\\nmetadata:\\n  name: worker\\n")
print(#docs, docs[1].kind, docs[1].metadata.name, docs[2].kind, docs[2].metadata.name)
docs = yaml.parse_all("---\\nkind: ConfigMap\\n---\\n---\\n~\\n--- 42\\n--- [1]\\n---\\nkind: Secret\\n---\\n")
print(#docs, dump(docs))
print(dump(yaml.parse_all("")), dump(yaml.parse_all("# nothing\\n")), dump(yaml.parse_all("just: one")))
print(err(yaml.parse_all, "a: 1\\n---\\nb: [\\n"))
print(err(yaml.parse_all, "a: 1\\n---\\n5: x\\n"))
print(err(yaml.parse_all))
`);
  assert.equal(out, [
    '2\tService\tapi\tDeployment\tworker',
    '4\t{{kind="ConfigMap"},42,{1},{kind="Secret"}}',
    '{}\t{}\t{{just="one"}}',
    'yaml.parse_all: Flow sequence in block collection must be sufficiently indented and end with a ] at line 4, column 1',
    'yaml.parse_all: unsupported YAML mapping key 5 (keys must be strings) at line 3, column 1',
    "bad argument #1 to 'yaml.parse_all' (string expected, got no value)", '',
  ].join('\n'));
});

const manifest = `# A Deployment and its Service
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
  labels:
    app.kubernetes.io/name: web
    app.kubernetes.io/version: "1.25"
  annotations:
    deployment.kubernetes.io/revision: "3"
    description: >
      Front-end web server,
      folded text.
spec:
  replicas: 3
  revisionHistoryLimit: 10
  selector:
    matchLabels: &labels
      app: web
      tier: frontend
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels: *labels
    spec:
      containers:
        - name: nginx
          image: nginx:1.25.3
          args: ["--port=8080", "--verbose"]
          ports:
            - containerPort: 8080
              name: http
              protocol: TCP
          env:
            - name: ENABLED
              value: "true"
            - name: RATIO
              value: "0.75"
            - name: REPLICAS
              value: "3"
            - name: EMPTY
              value: ""
            - name: SWITCH
              value: "on"
          resources:
            limits: {cpu: 500m, memory: 128Mi}
            requests:
              cpu: 0.25
              memory: 64Mi
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            initialDelaySeconds: 5
            periodSeconds: 10
          command:
            - /bin/sh
            - -c
            - |
              echo "starting: $(date)"
              exec nginx -g 'daemon off;'
          volumeMounts:
            - name: cache
              mountPath: /var/cache/nginx
      volumes:
        - name: cache
          emptyDir: {}
      nodeSelector: {}
      tolerations: []
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: prod
  labels: {app: web}
spec:
  type: ClusterIP
  selector:
    app: web
    tier: frontend
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
    - name: metrics
      port: 9090
      targetPort: 9090
---
`;

test('Kubernetes manifest: parse_all, encode, parse again gives the same tables', () => {
  const out = lua(`
local docs = yaml.parse_all(${q(manifest)})
print(#docs, docs[1].kind, docs[2].kind)
local d = docs[1]
print(math.type(d.spec.replicas), math.type(d.spec.template.spec.containers[1].resources.requests.cpu))
print(d.metadata.labels["app.kubernetes.io/version"], d.spec.template.spec.containers[1].env[1].value)
print(dump(d.spec.template.metadata.labels), rawequal(d.spec.template.metadata.labels, d.spec.selector.matchLabels))
print(dump(d.metadata.annotations.description), dump(d.spec.template.spec.containers[1].command[3]))
local texts = {}
for i, doc in ipairs(docs) do
  local text = yaml.encode(doc)
  texts[i] = text
  print(i, same(doc, yaml.parse(text)))
  -- stable: encoding what was parsed from the encoding gives the same text
  print(i, yaml.encode(yaml.parse(text)) == text)
end
local again = yaml.parse_all(table.concat(texts, "---\\n"))
print(#again, same(docs, again))
local dep = texts[1]
for _, want in ipairs{"emptyDir: {}", "tolerations: []", "nodeSelector: {}", 'value: "true"', 'value: "0.75"', 'value: "3"', 'value: "on"', 'value: ""', "replicas: 3", "cpu: 0.25", "maxUnavailable: 0"} do
  if not dep:find(want, 1, true) then print("missing", want) end
end
print(dep:sub(1, 62))
`);
  assert.equal(out, [
    '2\tDeployment\tService',
    'integer\tfloat',
    '1.25\ttrue',
    '{app="web",tier="frontend"}\tfalse',
    '"Front-end web server, folded text.\\n"\t"echo \\"starting: $(date)\\"\\nexec nginx -g \'daemon off;\'\\n"',
    '1\ttrue', '1\ttrue', '2\ttrue', '2\ttrue',
    '2\ttrue',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n', '',
  ].join('\n'));
});

test('yaml.encode: block style, keys sorted in byte order, no document marker', () => {
  const out = lua(`
io.write(yaml.encode({ z = 1, a = 2, m = { b = 1, a = 2 } }), "|\\n")
io.write(yaml.encode({ "one", "two" }), "|\\n")
io.write(yaml.encode({ list = { { name = "a", port = 80 }, { name = "b" } }, nested = { { 1, 2 }, {} } }), "|\\n")
io.write(yaml.encode({ ["10"] = 1, ["2"] = 2, b = 3, B = 4, [5] = 5 }), "|\\n")
io.write(yaml.encode({ ["é"] = 1, z = 2, ["😀"] = 3, ["～"] = 4 }), "|\\n")
io.write(yaml.encode({ __proto__ = { x = 1 }, constructor = 2 }), "|\\n")
print(yaml.parse("__proto__: {x: 1}\\n").__proto__.x)
`);
  assert.equal(out, [
    'a: 2\nm:\n  a: 2\n  b: 1\nz: 1\n|',
    '- one\n- two\n|',
    'list:\n- name: a\n  port: 80\n- name: b\nnested:\n- - 1\n  - 2\n- {}\n|',
    '"10": 1\n"2": 2\n"5": 5\nB: 4\nb: 3\n|',
    'z: 2\né: 1\n～: 4\n😀: 3\n|',
    '__proto__:\n  x: 1\nconstructor: 2\n|', '1', '',
  ].join('\n'));
});

test('yaml.encode: scalars, integers and floats', () => {
  const out = lua(`
for _, v in ipairs{42, -7, 1.5, 1.0, -2.0, -0.0, 0.1, 1e100, 2^63, 1e-7, math.maxinteger, math.mininteger, 9007199254740993} do
  io.write(yaml.encode(v))
end
io.write(yaml.encode(nil), yaml.encode(true), yaml.encode(false), yaml.encode("text"))
local t = yaml.parse(yaml.encode({ i = 1, f = 1.0, big = math.maxinteger, e = 1e300, n = -0.0 }))
print(math.type(t.i), math.type(t.f), math.type(t.big), t.big == math.maxinteger, math.type(t.e), t.e == 1e300, 1 / t.n)
`);
  assert.equal(out, [
    '42', '-7', '1.5', '1.0', '-2.0', '-0.0', '0.1', '1e+100', '9223372036854776000.0', '1e-7',
    '9223372036854775807', '-9223372036854775808', '9007199254740993',
    'null', 'true', 'false', 'text',
    'integer\tfloat\tinteger\ttrue\tfloat\ttrue\t-inf', '',
  ].join('\n'));
});

test('yaml.encode: strings are quoted only when needed, and always read back the same', () => {
  const out = lua(`
local plain = { "hello", "hello world", "a-b", "/path/to", "nginx:1.25", "日本語" }
for _, s in ipairs(plain) do io.write(yaml.encode(s)) end
print("--")
local quoted = { "true", "false", "null", "~", "", "1", "1.0", "0x1F", "1e3", ".inf", "yes", "no", "on", "off", "y", "N",
  "2024-01-15", "12:30", "1_000", "0777", "<<", " lead", "trail ", "a: b", "#c", "- x", "@at", "*star", "&amp", "!bang", "%p", "[x]", "{x}", '"q"', "'q'" }
local bad = 0
for _, s in ipairs(quoted) do
  local text = yaml.encode(s)
  io.write(text)
  if yaml.parse(text) ~= s then bad = bad + 1 end
  local t = yaml.parse(yaml.encode({ [s] = s }))
  if t[s] ~= s then bad = bad + 1 end
end
print("bad", bad)
`);
  const [plain, quoted] = out.split('--\n');
  assert.equal(plain, 'hello\nhello world\na-b\n/path/to\nnginx:1.25\n日本語\n');
  const lines = quoted.split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.pop(), 'bad\t0');
  // every one of them is quoted (single or double)
  for (const l of lines) assert.match(l, /^(".*"|'.*')$/, l);
});

test('yaml.encode: multi-line, unicode, control characters and long strings round-trip', () => {
  const out = lua(`
local cases = { "line one\\nline two\\n", "no trailing\\nnewline", "trailing\\n\\n\\n", "  indented\\nfirst", " \\n\\n", "\\n", "tab\\there",
  "bell\\7 nul\\0 del\\127", "é€😀\\u{2028}\\u{85}", "\\u{FEFF}bom", string.rep("word ", 100), string.rep("x", 300), "crlf\\r\\nline" }
local bad = 0
for i, s in ipairs(cases) do
  local back = yaml.parse(yaml.encode({ v = s, l = { s } }))
  if back.v ~= s or back.l[1] ~= s then bad = bad + 1 print("mismatch", i) end
end
print("bad", bad)
io.write(yaml.encode({ script = "echo one\\necho two\\n" }))
print(select(2, yaml.encode(string.rep("word ", 100)):gsub("\\n", "")))
`);
  assert.equal(out, 'bad\t0\nscript: |\n  echo one\n  echo two\n1\n');
});

test('yaml.encode: empty tables, json.null, shapes from parse', () => {
  const out = lua(`
io.write(yaml.encode({}), yaml.encode({ a = {} }))
io.write(yaml.encode(json.array({})), yaml.encode({ a = json.array({}) }))
io.write(yaml.encode({ a = json.null, b = { 1, json.null, 3 } }))
io.write(yaml.encode({ [1] = "a", [3] = "c" }))
io.write(yaml.encode(yaml.parse("a: []\\nb: {}\\nc: [1, null, 3]\\n")))
`);
  assert.equal(out, [
    '{}', 'a: {}', '[]', 'a: []',
    'a: null', 'b:', '- 1', '- null', '- 3',
    '"1": a', '"3": c',
    'a: []', 'b: {}', 'c:', '- 1', '- null', '- 3', '',
  ].join('\n'));
});

test('yaml.encode: errors', () => {
  const out = lua(`
print(err(yaml.encode, print))
print(err(yaml.encode, { f = print }))
print(err(yaml.encode, { [true] = 1 }))
print(err(yaml.encode, { [{}] = 1 }))
local t = {} t.self = t
print(err(yaml.encode, t))
print((err(yaml.encode, { x = 0/0 }):gsub("%-nan", "nan")))
print(err(yaml.encode, { x = math.huge }))
print(err(yaml.encode, "\\255\\254"))
print(err(yaml.encode, { ["\\200"] = 1 }))
print(err(yaml.encode, coroutine.create(print)))
`);
  assert.equal(out, [
    'yaml.encode: unsupported Lua type for JSON: function',
    'yaml.encode: unsupported Lua type for JSON: function',
    'yaml.encode: unsupported table key type: boolean',
    'yaml.encode: unsupported table key type: table',
    'yaml.encode: cannot encode a table that contains itself',
    'yaml.encode: cannot encode nan as JSON number',
    'yaml.encode: cannot encode inf as JSON number',
    'yaml.encode: string is not valid UTF-8',
    'yaml.encode: string is not valid UTF-8',
    'yaml.encode: unsupported Lua type for JSON: thread', '',
  ].join('\n'));
});

test('yaml: large and deeply nested values', () => {
  const out = lua(`
local big = {}
for i = 1, 100000 do big[i] = i end
local text = yaml.encode(big)
local back = yaml.parse(text)
print(#back, back[100000], same(big, back))
local deep = {}
local cur = deep
for i = 1, 500 do cur.next = { i = i } cur = cur.next end
print(same(deep, yaml.parse(yaml.encode(deep))))
-- many keys (duplicate keys are found in linear time)
local keys = {}
for i = 1, 20000 do keys["key" .. i] = i end
local m = yaml.parse(yaml.encode(keys))
print(m.key20000, same(keys, m))
`);
  assert.equal(out, '100000\t100000\ttrue\ntrue\n20000\ttrue\n');
});
