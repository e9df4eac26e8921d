#!/usr/bin/env python3
"""A STAND-IN for a ClickHouse server, for tests only. It is NOT a ClickHouse server.

It serves ClickHouse's HTTP interface on a loopback port so that Orientir's clients (the JDBC driver jdbc-v2,
client-v2, Flyway's ClickHouse plugin, clickhouse-connect and its SQLAlchemy dialect used by Superset) can be tested
where no ClickHouse server and no Docker engine exist. Every statement is executed by the ClickHouse engine embedded
in chDB (PyPI ``chdb``), in ONE persistent chDB session whose data lives in a temporary folder removed at exit (an
optional read-only user gets a second connection to the same engine and data, set to the engine's readonly = 1).
The stand-in only emulates the HTTP envelope around the engine: authentication, URL parameters and headers, the
per-request database and settings, ClickHouse's compressed framing of bodies, response headers and the error format.
It never interprets, rewrites or answers a statement itself.

What it is not (see warehouse/README.md, "The ClickHouse stand-in"): requests run one at a time under one lock;
there is no cancellation (KILL QUERY, client disconnects), no cluster (ON CLUSTER, Distributed, Replicated), no
access control beyond checking one user's password (and, optionally, a read-only user's), no native TCP protocol,
and its timings say nothing about a server.

Usage:
    python3 clickhouse_standin.py [--host 127.0.0.1] [--port 0] [--user default] [--password PW]
                                  [--readonly-user NAME:PW] [--verbose] [--stop-on-stdin-eof]

The password may also come from the environment variable ORIENTIR_STANDIN_PASSWORD. With --port 0 a free port is
chosen. The first line on stdout is ``LISTENING <port>``; logs go to stderr.
"""

import argparse
import base64
import gzip
import http.server
import json
import os
import re
import shutil
import signal
import socket
import struct
import sys
import tempfile
import threading
import time
import uuid
import zlib
from urllib.parse import parse_qsl, urlsplit

# The server's time zone, as in the clickhouse/clickhouse-server image; set before the engine starts.
os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):
    time.tzset()

import chdb  # noqa: E402  (after TZ on purpose)
import chdb.session  # noqa: E402
import lz4.block  # noqa: E402
import lz4.frame  # noqa: E402
import zstandard  # noqa: E402
from clickhouse_cityhash.cityhash import CityHash128  # noqa: E402

DISPLAY_NAME = "orientir-chdb-standin"

# URL parameters the HTTP handler of a ClickHouse server consumes itself; every other parameter is a setting.
RESERVED_PARAMS = {
    "query", "database", "default_format", "user", "password", "quota_key", "query_id", "stacktrace", "role",
    "compress", "decompress", "session_id", "session_timeout", "session_check", "client_protocol_version",
    "close_session", "buffer_size", "wait_end_of_query",
}

# ClickHouse error codes the stand-in itself raises (the envelope's errors; the engine raises all others).
AUTHENTICATION_FAILED = (516, "AUTHENTICATION_FAILED")
BAD_ARGUMENTS = (36, "BAD_ARGUMENTS")
NOT_IMPLEMENTED = (48, "NOT_IMPLEMENTED")
SYNTAX_ERROR = (62, "SYNTAX_ERROR")
CANNOT_DECOMPRESS = (271, "CANNOT_DECOMPRESS")
UNKNOWN_EXCEPTION = (1002, "UNKNOWN_EXCEPTION")

# The HTTP status a ClickHouse server gives an exception code (HTTPHandler's exceptionCodeToHTTPStatus).
HTTP_STATUS = {194: 401, 192: 403, 193: 403, 516: 403, 497: 403,
               36: 400, 6: 400, 25: 400, 26: 400, 27: 400, 38: 400, 41: 400, 72: 400, 376: 400, 15: 400, 44: 400,
               8: 400, 62: 400, 117: 400, 53: 400, 321: 400,
               60: 404, 46: 404, 47: 404, 50: 404, 56: 404, 81: 404, 115: 404, 63: 404, 73: 404, 336: 404, 78: 404,
               48: 501, 159: 408}

# ClickHouse's compressed-block framing: 16-byte CityHash128, method byte, compressed size, uncompressed size.
METHOD_NONE, METHOD_LZ4, METHOD_ZSTD = 0x02, 0x82, 0x90
BLOCK_SIZE = 1 << 20


class ClickHouseError(Exception):
    """An error to report as ClickHouse does; ``code``/``name`` come from the engine's message when it has one."""

    def __init__(self, code, name, message):
        super().__init__(message)
        self.code = code
        self.name = name
        self.message = message

    @classmethod
    def envelope(cls, kind, message):
        return cls(kind[0], kind[1], f"Code: {kind[0]}. DB::Exception: {message}. ({kind[1]})")

    @classmethod
    def from_engine(cls, error):
        text = str(error).strip()
        m = re.match(r"(?s)^.*?Code: (\d+)\. DB::Exception: .*?\(([A-Z_0-9]+)\)\s*$", text)
        if m:
            start = text.index("Code: ")
            return cls(int(m.group(1)), m.group(2), text[start:])
        m = re.search(r"Code: (\d+)\.", text)
        if m:
            return cls(int(m.group(1)), "", text[m.start():])
        return cls.envelope(UNKNOWN_EXCEPTION, text)


# ---------------------------------------------------------------------------------------------------------------
# Bodies: ClickHouse's compressed framing and HTTP Content-Encoding

def _checksum(block_without_checksum):
    h = CityHash128(block_without_checksum)  # written as two little-endian 64-bit halves, the high one first
    return struct.pack("<QQ", h >> 64, h & 0xFFFFFFFFFFFFFFFF)


def compress_blocks(data):
    """Frames data as ClickHouse compressed blocks (LZ4), as a server answers a request with compress=1."""
    out = bytearray()
    for start in range(0, max(len(data), 1), BLOCK_SIZE):
        chunk = data[start:start + BLOCK_SIZE]
        if not chunk:
            break
        packed = lz4.block.compress(chunk, store_size=False)
        header = struct.pack("<BII", METHOD_LZ4, len(packed) + 9, len(chunk))
        out += _checksum(header + packed) + header + packed
    return bytes(out)


def decompress_blocks(data):
    """Reads a body framed as ClickHouse compressed blocks (a request with decompress=1), checking each checksum."""
    out = bytearray()
    view = memoryview(data)
    pos = 0
    while pos < len(view):
        if len(view) - pos < 25:
            raise ClickHouseError.envelope(CANNOT_DECOMPRESS, "Cannot decompress: truncated compressed block header")
        checksum = bytes(view[pos:pos + 16])
        method, compressed_size, size = struct.unpack_from("<BII", view, pos + 16)
        block = bytes(view[pos + 16:pos + 16 + compressed_size])
        if len(block) != compressed_size:
            raise ClickHouseError.envelope(CANNOT_DECOMPRESS, "Cannot decompress: truncated compressed block")
        if _checksum(block) != checksum:
            raise ClickHouseError.envelope(CANNOT_DECOMPRESS, "Checksum doesn't match: corrupted data")
        payload = block[9:]
        if method == METHOD_LZ4:
            out += lz4.block.decompress(payload, uncompressed_size=size)
        elif method == METHOD_ZSTD:
            out += zstandard.ZstdDecompressor().decompress(payload, max_output_size=size)
        elif method == METHOD_NONE:
            out += payload
        else:
            raise ClickHouseError.envelope(CANNOT_DECOMPRESS, f"Unknown compression method: 0x{method:02x}")
        pos += 16 + compressed_size
    return bytes(out)


def decode_content(data, encoding):
    encoding = (encoding or "").strip().lower()
    if encoding in ("", "identity", "none"):
        return data
    if encoding in ("gzip", "x-gzip"):
        return gzip.decompress(data)
    if encoding == "deflate":
        return zlib.decompress(data)
    if encoding in ("zstd", "zst"):
        return zstandard.ZstdDecompressor().decompressobj().decompress(data)
    if encoding in ("lz4",):
        return lz4.frame.decompress(data)
    raise ClickHouseError.envelope(NOT_IMPLEMENTED, f"The stand-in cannot read Content-Encoding '{encoding}'")


def encode_content(data, accept_encoding):
    """Compresses a response for enable_http_compression=1 with the first encoding the client accepts."""
    for token in (accept_encoding or "").split(","):
        name = token.split(";")[0].strip().lower()
        if name in ("gzip", "x-gzip"):
            return gzip.compress(data, compresslevel=3), name
        if name == "deflate":
            return zlib.compress(data, 3), name
        if name == "zstd":
            return zstandard.ZstdCompressor(level=3).compress(data), name
        if name == "lz4":
            return lz4.frame.compress(data), name
    return data, None


# ---------------------------------------------------------------------------------------------------------------
# The engine: one chDB session, one request at a time

_INSERT_WITH_FORMAT = re.compile(r"(?is)^(\s*INSERT\s+INTO\s.*?)\s+FORMAT\s+([A-Za-z0-9_]+)\s*$")
_TRAILING_FORMAT = re.compile(r"(?is)\bFORMAT\s+([A-Za-z0-9_]+)\s*;?\s*$")
_SETTING_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _literal(value):
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class Engine:
    """The chDB session. Every request runs under ``lock``, in the request's database, with its settings.

    With ``readonly_connection`` a second chDB connection to the same embedded engine and data (chDB runs one engine
    per process; a Session is a connection to it with its own settings) is opened with the engine's ``readonly = 1``,
    for the read-only user: the engine itself refuses that user's writes, and the main session stays writable.
    """

    def __init__(self, path, readonly_connection=False):
        self.lock = threading.Lock()
        self._primary = chdb.session.Session(path)
        self._sessions = {False: self._primary}
        self._use(self._primary)
        # A server's HTTP interface never selects implicitly; chDB defaults implicit_select to 1.
        self._run("SET implicit_select = 0")
        # chDB's own 'default' database is an Overlay; a server's is Atomic (EXCHANGE TABLES, RENAME need it).
        self._run("USE system")
        self._run("DROP DATABASE IF EXISTS default")
        self._run("CREATE DATABASE default ENGINE = Atomic")
        self._run("USE default")
        self.version = self._run("SELECT version()").bytes().decode().strip()
        self.timezone = self._run("SELECT timezone()").bytes().decode().strip()
        if readonly_connection:
            reader = chdb.session.Session(path)
            self._use(reader)
            self._run("SET implicit_select = 0")
            self._run("SET readonly = 1")
            self._use(self._primary)
            self._sessions[True] = reader

    def _use(self, session):
        self.session = session
        self.conn = session._conn._conn  # the raw connection: results with read/written counters

    def _run(self, sql, fmt="TabSeparated", params=None):
        try:
            return self.conn.query(sql, fmt, params=params or {})
        except RuntimeError as e:
            raise ClickHouseError.from_engine(e) from None

    def close(self):
        for session in self._sessions.values():
            session.close()

    def execute(self, sql, body, database, settings, params, default_format, readonly=False):
        """Runs one request's statement; returns (result bytes, summary dict, output format)."""
        with self.lock:
            started = time.monotonic_ns()
            self._use(self._sessions[readonly])
            restore = []
            try:
                # Every request names its database (a USE sent as a statement lasts for that request only).
                self._run("USE " + self._quote_identifier(database))
                self._apply_settings(settings, restore)
                return self._execute(sql, body, params, default_format, started)
            finally:
                self._restore_settings(restore)
                self._use(self._primary)

    @staticmethod
    def _quote_identifier(name):
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"

    def _apply_settings(self, settings, restore):
        """SETs the request's settings, noting in ``restore`` how to undo each one as soon as it is applied."""
        if not settings:
            return
        for name in settings:
            if not _SETTING_NAME.match(name):
                raise ClickHouseError.envelope(BAD_ARGUMENTS, f"Invalid setting name '{name}'")
        if "readonly" in settings and settings["readonly"] not in ("0", ""):
            # SET readonly cannot be undone in a shared session, so per-request readonly is not offered.
            raise ClickHouseError.envelope(NOT_IMPLEMENTED, "The chDB stand-in cannot apply readonly per request "
                                                            "(it would make its one session read-only for good)")
        names = ", ".join(_literal(n) for n in settings)
        before = {}
        for line in self._run(f"SELECT name, value, changed FROM system.settings WHERE name IN ({names})",
                              "TSVRaw").bytes().decode().splitlines():
            name, value, changed = line.split("\t")
            before[name] = (value, changed == "1")
        for name, value in settings.items():
            if name == "readonly":
                continue
            # Unknown settings are refused by the engine itself (UNKNOWN_SETTING), as a server does.
            self._run(f"SET {name} = {_literal(value)}")
            if name in before:
                restore.append((name, before[name]))

    def _restore_settings(self, restore):
        for name, (value, changed) in restore:
            self._run(f"SET {name} = {_literal(value)}" if changed else f"SET {name} = DEFAULT")

    def _execute(self, sql, body, params, default_format, started):
        if body:
            m = _INSERT_WITH_FORMAT.match(sql.decode("utf-8", "replace"))
            if m:
                # The data's format is the INSERT's; the response's (empty) output format is the request's.
                return b"", self._insert(m.group(1), m.group(2), body, started), default_format or "TabSeparated"
            sql = sql + b"\n" + body if sql.strip() else body
        self._reject_multiple_statements(sql)
        fmt = default_format or "TabSeparated"
        declared = _TRAILING_FORMAT.search(sql[-200:].decode("utf-8", "replace"))
        if declared:
            fmt = declared.group(1)
        result = self._run(sql, default_format or "TabSeparated", params)
        data = result.bytes() or b""
        summary = {
            "read_rows": result.rows_read(), "read_bytes": result.bytes_read(),
            "written_rows": result.rows_written(), "written_bytes": result.bytes_written(),
            "total_rows_to_read": result.rows_read(), "result_rows": 0, "result_bytes": len(data),
            "elapsed_ns": time.monotonic_ns() - started,
        }
        return data, summary, fmt

    def _insert(self, insert, fmt, body, started):
        try:
            inserter = self.session.send_insert(insert, fmt)
            inserter.append(body)
            done = inserter.finish()
        except RuntimeError as e:
            raise ClickHouseError.from_engine(e) from None
        summary = {
            "read_rows": done.rows_written, "read_bytes": done.bytes_written,
            "written_rows": done.rows_written, "written_bytes": done.bytes_written,
            "total_rows_to_read": 0, "result_rows": done.rows_written, "result_bytes": done.bytes_written,
            "elapsed_ns": time.monotonic_ns() - started,
        }
        return summary

    def _reject_multiple_statements(self, sql):
        """A server's HTTP interface runs one statement per request; chDB would run several. Its parser counts."""
        if b";" not in sql:
            return
        try:
            text = sql.decode("utf-8")
        except UnicodeDecodeError:
            return
        try:
            count = self.conn.classify_query(text).get("statement_count", 1)
        except Exception:  # the engine reports the real error when it runs the statement
            return
        if count > 1:
            raise ClickHouseError.envelope(SYNTAX_ERROR, "Syntax error (Multi-statements are not allowed): "
                                                         "the request holds " + str(count) + " statements")


# ---------------------------------------------------------------------------------------------------------------
# The HTTP envelope

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ClickHouse-chDB-stand-in"
    sys_version = ""

    def setup(self):
        super().setup()
        # One write per response and no Nagle delay, or every request waits ~40 ms for a delayed ACK.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("[stand-in] " + (fmt % args) + "\n")

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def do_HEAD(self):
        self._respond(200, b"", {}, head=True)

    def _read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                parts.append(self.rfile.read(size))
                self.rfile.readline(65537)
            return b"".join(parts)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self):
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        body = self._read_body() if self.command == "POST" else b""
        if url.path in ("/ping", "/replicas_status"):
            self._respond(200, b"Ok.\n", {"Content-Type": "text/html; charset=UTF-8"})
            return
        if url.path != "/":
            self._respond(404, f"There is no handle {url.path}\n\nUse / or /ping.\n".encode(),
                          {"Content-Type": "text/plain; charset=UTF-8"})
            return
        if self.command == "GET" and "query" not in params:
            self._respond(200, b"Ok.\n", {"Content-Type": "text/html; charset=UTF-8"})
            return
        query_id = params.get("query_id") or str(uuid.uuid4())
        compress = params.get("compress") == "1"
        try:
            user, readonly = self._authenticate(params)
            body = decode_content(body, self.headers.get("Content-Encoding"))
            if params.get("decompress") == "1" and body:
                body = decompress_blocks(body)
            sql = params.get("query", "").encode("utf-8")
            if not sql.strip() and not body.strip():
                raise ClickHouseError.envelope(SYNTAX_ERROR, "Empty query")
            database = self.headers.get("X-ClickHouse-Database") or params.get("database") or "default"
            default_format = self.headers.get("X-ClickHouse-Format") or params.get("default_format")
            settings = {k: v for k, v in params.items() if k not in RESERVED_PARAMS and not k.startswith("param_")}
            query_params = {k[len("param_"):]: v for k, v in params.items() if k.startswith("param_")}
            if self.server.verbose:
                shown = (sql if sql.strip() else body[:2000]).decode("utf-8", "replace")
                sys.stderr.write(f"[stand-in] {self.command} user={user} db={database} settings={settings} "
                                 f"params={query_params} body={len(body)}B\n    {shown[:2000]}\n")
            data, summary, fmt = self.server.engine.execute(sql, body, database, settings, query_params,
                                                            default_format, readonly)
        except ClickHouseError as e:
            self._error(e, query_id, compress)
            return
        except Exception as e:  # a bug of the stand-in: say so, as an exception the client can read
            self._error(ClickHouseError.envelope(UNKNOWN_EXCEPTION, f"chDB stand-in failure: {e!r}"), query_id,
                        compress)
            return
        headers = {
            "Content-Type": "text/plain; charset=UTF-8" if fmt.startswith(("TabSeparated", "TSV", "CSV", "Pretty"))
            else "application/octet-stream",
            "X-ClickHouse-Query-Id": query_id,
            "X-ClickHouse-Format": fmt,
            "X-ClickHouse-Timezone": settings.get("session_timezone") or self.server.engine.timezone,
            "X-ClickHouse-Summary": json.dumps({k: str(v) for k, v in summary.items()}, separators=(",", ":")),
        }
        if compress:
            data = compress_blocks(data)
        elif settings.get("enable_http_compression") == "1":
            data, encoding = encode_content(data, self.headers.get("Accept-Encoding"))
            if encoding:
                headers["Content-Encoding"] = encoding
        self._respond(200, data, headers)

    def _authenticate(self, params):
        user = self.headers.get("X-ClickHouse-User")
        password = self.headers.get("X-ClickHouse-Key")
        auth = self.headers.get("Authorization", "")
        if user is None and auth.lower().startswith("basic "):
            try:
                user, _, password = base64.b64decode(auth[6:].strip()).decode("utf-8").partition(":")
            except ValueError:
                user, password = "", None
        if user is None:
            user = params.get("user", "default")
        if password is None:
            password = params.get("password", "")
        known = self.server.users.get(user)
        if known is None or password != known[0]:
            raise ClickHouseError.envelope(AUTHENTICATION_FAILED, f"{user}: Authentication failed: password is "
                                                                  "incorrect, or there is no user with such name")
        return user, known[1]

    def _error(self, error, query_id, compress):
        if self.server.verbose:
            sys.stderr.write(f"[stand-in] error {error.code}: {error.message[:500]}\n")
        text = f"{error.message} (version {self.server.engine.version} (chDB stand-in))\n".encode("utf-8")
        headers = {
            "Content-Type": "text/plain; charset=UTF-8",
            "X-ClickHouse-Query-Id": query_id,
            "X-ClickHouse-Exception-Code": str(error.code),
            "X-ClickHouse-Timezone": self.server.engine.timezone,
        }
        self._respond(HTTP_STATUS.get(error.code, 500), compress_blocks(text) if compress else text, headers)

    def _respond(self, status, data, headers, head=False):
        lines = [f"HTTP/1.1 {status} {http.HTTPStatus(status).phrase}",
                 f"Date: {self.date_time_string()}",
                 "Connection: Keep-Alive",
                 "Keep-Alive: timeout=10",
                 f"X-ClickHouse-Server-Display-Name: {DISPLAY_NAME}",
                 f"Content-Length: {len(data)}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        payload = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        self.wfile.write(payload if head else payload + data)
        self.wfile.flush()
        self.log_request(status, len(data))


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, engine, users, verbose):
        """``users``: name -> (password, read-only)."""
        super().__init__(address, Handler)
        self.engine = engine
        self.users = users
        self.verbose = verbose

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # a client closing its idle keep-alive connection
        super().handle_error(request, client_address)


def main(argv=None):
    parser = argparse.ArgumentParser(description="A stand-in for a ClickHouse server's HTTP interface, for tests: "
                                                 "one chDB session behind ClickHouse's HTTP envelope.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (printed as LISTENING <port>)")
    parser.add_argument("--user", default="default")
    parser.add_argument("--password", default=os.environ.get("ORIENTIR_STANDIN_PASSWORD", ""),
                        help="default: $ORIENTIR_STANDIN_PASSWORD, else empty")
    parser.add_argument("--readonly-user", metavar="NAME:PASSWORD",
                        help="a second user whose requests run with the engine's readonly = 1")
    parser.add_argument("--verbose", action="store_true", help="log every request on stderr")
    parser.add_argument("--stop-on-stdin-eof", action="store_true",
                        help="stop when stdin closes (the launching process died without stopping it)")
    args = parser.parse_args(argv)
    users = {args.user: (args.password, False)}
    if args.readonly_user:
        name, sep, password = args.readonly_user.partition(":")
        if not sep or not name or name == args.user:
            parser.error("--readonly-user takes NAME:PASSWORD, with a name other than --user")
        users[name] = (password, True)

    folder = tempfile.mkdtemp(prefix="orientir-chdb-standin-")
    engine = None
    try:
        engine = Engine(folder, readonly_connection=bool(args.readonly_user))
        server = Server((args.host, args.port), engine, users, args.verbose)
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
        if args.stop_on_stdin_eof:
            threading.Thread(target=lambda: (sys.stdin.buffer.read(), server.shutdown()), daemon=True).start()
        print(f"LISTENING {server.server_address[1]}", flush=True)
        sys.stderr.write(f"[stand-in] chDB {chdb.__version__} (ClickHouse {engine.version}) serving ClickHouse's "
                         f"HTTP interface on http://{args.host}:{server.server_address[1]}/ for "
                         f"{', '.join(users)} — a test stand-in, not a ClickHouse server\n")
        sys.stderr.flush()
        try:
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        server.server_close()
    finally:
        if engine is not None:
            with engine.lock:
                engine.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
