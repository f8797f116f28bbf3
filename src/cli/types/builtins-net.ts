// Descriptions of the network builtins for `assay types`: http (client and server), ws, db.
// Every function here waits: from plain code it blocks, inside a task only that task waits.
import { ClassDef, Docs, FunctionDef, GlobalDef, fields, fn } from "./model.js";

const URL = "the URL (http or https)";
const OPTS = "`headers`, `timeout`, `query`, `body`";
const BODY = "a string (sent as is) or a table (sent as JSON with Content-Type: application/json)";

/** get/post/put/patch/delete, as module functions or as client methods. */
function requests(): FunctionDef[] {
  const get = (m: string) => fn(`${m}(url: string, opts?: http.RequestOptions): http.Response`, `Sends a ${m.toUpperCase()} request; a non-2xx status is returned, not raised.`, {
    url: URL,
    opts: OPTS,
    return: "`{status, body, headers}`",
  });
  const send = (m: string) =>
    fn(`${m}(url: string, body?: string|table, opts?: http.RequestOptions): http.Response`, `Sends a ${m.toUpperCase()} request with a body; a non-2xx status is returned, not raised.`, {
      url: URL,
      body: BODY,
      opts: OPTS,
      return: "`{status, body, headers}`",
    });
  return [get("get"), send("post"), send("put"), send("patch"), get("delete")];
}

const httpClasses: ClassDef[] = [
  {
    name: "http.Response",
    doc: "A response.",
    fields: fields("status: integer — the status code", "body: string — the body bytes", "headers: table<string, string> — header values by lower-case name (a repeated header's last value)"),
  },
  {
    name: "http.RequestOptions",
    doc: "Options of a request.",
    fields: fields(
      "headers?: table<string, string|number> — request headers (they replace the runtime's)",
      "timeout?: number — seconds for the whole exchange (default 30)",
      "query?: table — query parameters, URL-encoded and appended (a list value repeats its key)",
      "body?: string|table — the body, for any method",
    ),
  },
  {
    name: "http.ClientOptions",
    doc: "Options of `http.client`.",
    fields: fields(
      "timeout?: number — seconds per request (default 30)",
      "headers?: table<string, string|number> — default headers",
      "ca_cert?: string — extra trusted root(s): PEM text or a path to a PEM file",
      "ca_cert_file?: string — a path to a PEM file of extra trusted roots",
      "cert?: string — client certificate for mTLS (PEM text or path)",
      "key?: string — its private key (PEM text or path)",
      "insecure?: boolean — skip certificate verification",
      "follow_redirects?: boolean — follow redirects (default true)",
    ),
  },
  { name: "http.Client", doc: "A client with its own settings; call its methods with `:`.", fields: fields("_ud: userdata — the native client"), methods: requests() },
  {
    name: "http.DownloadOptions",
    doc: "Options of `http.download`.",
    fields: fields("headers?: table<string, string|number> — request headers", "timeout?: number — seconds (default 30)", "max_size?: integer — the largest body accepted, in bytes"),
  },
  {
    name: "http.Request",
    doc: "A request as a server handler receives it.",
    fields: fields(
      "method: string — GET, POST, ...",
      "path: string — the path, without the query",
      'query: string — the raw query, without "?" ("" when none)',
      "body: string — the body bytes",
      "headers: table<string, string> — header values by lower-case name",
      "params: table<string, string> — the values of `:name` route segments",
    ),
  },
  {
    name: "http.HandlerResponse",
    doc: "What a handler returns.",
    fields: fields(
      "status?: integer — the status (default 200)",
      "headers?: table<string, string> — response headers (a content-type set here wins)",
      "json?: table — a body encoded as JSON (Content-Type: application/json)",
      "body?: string|number — a text body (Content-Type: text/plain)",
    ),
  },
  {
    name: "http.ServeOptions",
    doc: "Options of `http.serve` and `http.listen`.",
    fields: fields(
      "host?: string — the address to listen on (default all interfaces)",
      "max_header_bytes?: integer — default 16 KiB (431 beyond)",
      "max_body_bytes?: integer — default 10 MiB (413 beyond)",
      "headers_timeout?: number — seconds to receive the headers (default 30)",
      "request_timeout?: number — seconds for a whole request (default 120)",
    ),
  },
  {
    name: "http.Server",
    doc: "A server started by `http.listen`.",
    fields: fields("port: integer — the port it listens on"),
    methods: [fn("close()", "Stops the server.")],
  },
];

const ROUTES = "routes: table<string, table<string, fun(req: http.Request): http.HandlerResponse>>";

export const http: GlobalDef = {
  name: "http",
  doc: "HTTP client and server. Requests wait for the answer while other tasks go on.",
  kind: "table",
  classes: httpClasses,
  variables: fields("_SERVER_PORT: integer? — the port of the server `http.serve` or `http.listen` started last"),
  functions: [
    ...requests(),
    fn("client(opts?: http.ClientOptions): http.Client", "A client with its own timeout, default headers and TLS settings.", { opts: "the settings", return: "the client (methods :get, :post, ...)" }),
    fn("_client_request(client: http.Client, method: string, url: string, ...: any): http.Response", "What a client's methods call: a request through the client.", {
      client: "the client",
      method: "GET, POST, PUT, PATCH or DELETE",
      url: URL,
    }),
    fn("download(url: string, path: string, opts?: http.DownloadOptions): integer", "Streams a body into a file (temp file + rename); a non-2xx status raises.", {
      url: URL,
      path: "the file to write",
      opts: "`headers`, `timeout`, `max_size`",
      return: "the bytes written",
    }),
    fn(`serve(port: integer, ${ROUTES}, opts?: http.ServeOptions)`, "Serves HTTP for ever (until SIGTERM/SIGINT); sets `_SERVER_PORT`.", {
      port: "the port (0 for any free one)",
      routes: "`{ GET = { [\"/path\"] = handler, [\"/users/:id\"] = handler }, POST = {...} }`",
      opts: "limits and host",
    }),
    fn(`listen(port: integer, ${ROUTES}, opts?: http.ServeOptions): http.Server`, "Starts a server and returns at once; it serves whenever the script waits.", {
      port: "the port (0 for any free one)",
      routes: "as for `http.serve`",
      opts: "limits and host",
      return: "`{port, close}`",
    }),
  ],
};

const wsMethods = (self: boolean): FunctionDef[] => {
  const c = self ? "" : "conn: ws.Connection, ";
  const d: Docs = self ? {} : { conn: "the connection" };
  return [
    fn(`send(${c}text: string)`, "Sends a text frame.", { ...d, text: "the text" }),
    fn(`send_binary(${c}data: string)`, "Sends a binary frame.", { ...d, data: "the bytes" }),
    fn(`recv(${c}timeout?: number): string, "text"|"binary"`, "Waits for the next frame; raises `ws.recv: connection closed` at the end, `ws.recv: timeout after Ns`.", {
      ...d,
      timeout: "seconds to wait at most",
      return: ["the frame's bytes", "its kind"],
    }),
    fn(`close(${self ? "" : "conn: ws.Connection"})`, "Sends Close and waits for the peer's.", d),
  ];
};

export const ws: GlobalDef = {
  name: "ws",
  doc: "WebSocket client. Errors read `ws.<fn>: <cause>`.",
  kind: "table",
  classes: [
    {
      name: "ws.ConnectOptions",
      doc: "Options of `ws.connect`.",
      fields: fields(
        "headers?: table<string, string> — handshake headers",
        "protocols?: string|string[] — subprotocols",
        "timeout?: number — seconds for the handshake (default 30)",
        "ca_cert?: string — extra trusted root: PEM text or path",
        "insecure?: boolean — skip certificate verification",
      ),
    },
    { name: "ws.Connection", doc: "A connection; the functions are also its methods.", fields: [], methods: wsMethods(true) },
  ],
  functions: [
    fn("connect(url: string, opts?: ws.ConnectOptions): ws.Connection", "Opens a connection (ws:// or wss://).", { url: "the URL", opts: "headers, protocols, timeout, TLS", return: "the connection" }),
    ...wsMethods(false),
  ],
};

export const db: GlobalDef = {
  name: "db",
  doc: "SQL databases: PostgreSQL (`postgres://`) and SQLite (`sqlite:`). Parameters are bound: `$1` (PostgreSQL), `?` (SQLite).",
  kind: "table",
  classes: [
    { name: "db.Connection", doc: "An open connection (`tostring` gives `db.connection (postgres)`).", fields: [] },
    {
      name: "db.ConnectOptions",
      doc: "Options of `db.connect` (PostgreSQL).",
      fields: fields(
        "ca_cert?: string — CA certificate: PEM text or path",
        "ca_cert_file?: string — the same",
        "connect_timeout?: number — seconds to connect (default 30)",
        "query_timeout?: number — seconds a query may take",
      ),
    },
    { name: "db.QueryOptions", doc: "Options of `db.query`.", fields: fields("keep_null?: boolean — NULL columns as `json.null` instead of absent") },
    { name: "db.Rows", doc: "The rows of a query: an array of tables keyed by column name.", parent: "{ [integer]: table<string, any> }", fields: fields("columns: string[] — the column names in order") },
    { name: "db.Result", doc: "What `db.execute` returns.", fields: fields("rows_affected: integer — rows changed", "last_insert_id?: integer — the last rowid inserted (SQLite)") },
  ],
  functions: [
    fn("connect(url: string, opts?: db.ConnectOptions): db.Connection", "Connects. Raises `db.connect: <reason>`.", {
      url: "`postgres://user:pass@host:port/db?sslmode=...`, `sqlite::memory:`, `sqlite:path.db`",
      opts: "TLS and timeouts (PostgreSQL)",
      return: "the connection",
    }),
    fn("query(conn: db.Connection, sql: string, params?: any[], opts?: db.QueryOptions): db.Rows", "Runs a query. Raises `db.query: <server message> (<SQLSTATE>)`.", {
      conn: "the connection",
      sql: "the SQL",
      params: "values for $1.. / ?",
      opts: "`keep_null`",
      return: "the rows (NULL columns absent)",
    }),
    fn("execute(conn: db.Connection, sql: string, params?: any[]): db.Result", "Runs a statement.", { conn: "the connection", sql: "the SQL", params: "values for $1.. / ?", return: "`{rows_affected}`" }),
    fn("transaction(conn: db.Connection, fn: fun(conn: db.Connection): any): any", "BEGIN, fn(conn), COMMIT — or ROLLBACK and the error again; nested calls use savepoints.", {
      conn: "the connection",
      fn: "the work",
      return: "what fn returned",
    }),
    fn("close(conn: db.Connection)", "Closes the connection (twice is harmless).", { conn: "the connection" }),
  ],
};
