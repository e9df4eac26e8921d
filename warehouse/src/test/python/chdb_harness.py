#!/usr/bin/env python3
"""Runs Orientir's ClickHouse SQL on a real ClickHouse engine, in process, through chDB (PyPI package ``chdb``).

CI has no ClickHouse server and no Docker engine; chDB embeds the ClickHouse engine itself, so every migration and
every query the ClickHouse path runs can still be executed for real. The Java tests drive this script
(ru.orientir.warehouse.chdb.Chdb); it can also be run by hand.

Usage:
  chdb_harness.py version                  -> {"chdb": "...", "clickhouse": "..."}
  chdb_harness.py schema MIGRATIONS_DIR    -> {"tables": {name: {"kind": "table"|"view", "columns": [[name, type], ...]}}}
  chdb_harness.py run SPEC.json            -> {query name: {"columns": [[name, type], ...], "rows": [[...], ...]}}

SPEC.json: {"migrations": dir[:dir...], "statements": [sql, ...], "queries": {name: sql}}. Migrations run first, then the
statements in order (INSERT ... FROM INFILE '/abs/x.parquet' FORMAT Parquet, SELECT ... INTO OUTFILE ..., SET ...
all work), then each query, whose result is returned. NULL stays null; 64-bit integers are JSON numbers.

Each run uses a fresh database directory (removed at exit) and a database created with ENGINE = Atomic, the engine
of a ClickHouse server's databases (chDB's own default database is not Atomic; EXCHANGE TABLES needs Atomic).

Exit codes: 0 success (JSON on stdout); 1 ClickHouse rejected a statement (its message, verbatim, on stderr);
2 bad usage or input; 3 chDB cannot be imported.
"""

import json
import os
import re
import shutil
import sys
import tempfile

EXIT_SQL = 1
EXIT_USAGE = 2
EXIT_NO_CHDB = 3

DATABASE = "orientir"

# Only output-format settings: they shape the JSON the Java side parses, never what a statement does.
SESSION_SETTINGS = (
    "SET output_format_json_quote_64bit_integers = 0",
    "SET output_format_json_quote_64bit_floats = 0",
    "SET output_format_json_quote_decimals = 0",
)

MIGRATION_NAME = re.compile(r"^V(\d+(?:[._]\d+)*)__.+\.sql$")


class SqlError(Exception):
    """ClickHouse rejected a statement; carries where it came from, the statement and ClickHouse's own message."""

    def __init__(self, where, sql, message):
        super().__init__(message)
        self.where = where
        self.sql = sql
        self.message = message


class UsageError(Exception):
    pass


def statements(script):
    """The statements of a script, exactly as ru.orientir.warehouse.SqlResource.statements() splits them:
    blank lines and lines starting with -- dropped, split on semicolons at line ends."""
    result = []
    current = []
    for line in script.split("\n"):
        trimmed = line.strip()
        if trimmed.startswith("--") or not trimmed:
            continue
        current.append(line + "\n")
        if trimmed.endswith(";"):
            result.append(re.sub(r";$", "", "".join(current).strip()))
            current = []
    rest = "".join(current)
    if rest.strip():
        result.append(rest.strip())
    return result


def migration_files(directories):
    """V<version>__<description>.sql files of one folder, or of several joined by os.pathsep (Flyway's locations,
    merged into one sequence), in version order (1 < 1.1 < 2 < 10)."""
    found = []
    for directory in directories.split(os.pathsep):
        if not os.path.isdir(directory):
            raise UsageError("Not a migrations folder: " + directory)
        for name in os.listdir(directory):
            match = MIGRATION_NAME.match(name)
            if match:
                version = tuple(int(part) for part in re.split(r"[._]", match.group(1)))
                found.append((version, os.path.join(directory, name)))
    if not found:
        raise UsageError("No V*__*.sql migrations in " + directories)
    found.sort()
    versions = [version for version, _ in found]
    if len(set(versions)) != len(versions):
        raise UsageError("Two migrations share a version in " + directories + ": "
                         + ", ".join(os.path.basename(p) for _, p in found))
    return [path for _, path in found]


class Harness:
    def __init__(self):
        from chdb import session  # imported here so that a missing chdb is reported by main() with its own exit code

        self._dir = tempfile.mkdtemp(prefix="orientir-chdb-")
        self._session = session.Session(os.path.join(self._dir, "db"))
        self.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " ENGINE = Atomic", "session set-up")
        self.execute("USE " + DATABASE, "session set-up")
        for setting in SESSION_SETTINGS:
            self.execute(setting, "session set-up")

    def close(self):
        try:
            self._session.close()
        finally:
            shutil.rmtree(self._dir, ignore_errors=True)

    def execute(self, sql, where):
        try:
            return self._session.query(sql)
        except Exception as e:  # chdb raises ChdbError (a RuntimeError) with ClickHouse's message
            raise SqlError(where, sql, str(e)) from e

    def query_json(self, sql, where):
        try:
            result = self._session.query(sql, "JSONCompact")
        except Exception as e:
            raise SqlError(where, sql, str(e)) from e
        text = result.bytes().decode("utf-8") if hasattr(result, "bytes") else str(result)
        if not text.strip():
            raise SqlError(where, sql, "the statement returned no result set (is it a SELECT?)")
        document = json.loads(text)
        return {
            "columns": [[column["name"], column["type"]] for column in document["meta"]],
            "rows": document["data"],
        }

    def migrate(self, directories):
        for path in migration_files(directories):
            with open(path, encoding="utf-8") as f:
                script = f.read()
            for number, sql in enumerate(statements(script), start=1):
                self.execute(sql, "%s, statement %d" % (os.path.basename(path), number))

    def schema(self):
        kinds = self.query_json(
            "SELECT name, engine FROM system.tables WHERE database = currentDatabase() ORDER BY name",
            "reading system.tables")
        columns = self.query_json(
            "SELECT table, name, type FROM system.columns WHERE database = currentDatabase() "
            "ORDER BY table, position",
            "reading system.columns")
        tables = {}
        for name, engine in kinds["rows"]:
            tables[name] = {"kind": "view" if engine in ("View", "MaterializedView") else "table", "columns": []}
        for table, name, column_type in columns["rows"]:
            if table in tables:
                tables[table]["columns"].append([name, column_type])
        return {"tables": tables}


def command_version():
    import chdb

    harness = Harness()
    try:
        version = harness.query_json("SELECT version()", "version")["rows"][0][0]
    finally:
        harness.close()
    return {"chdb": getattr(chdb, "__version__", "unknown"), "clickhouse": version}


def command_schema(migrations):
    harness = Harness()
    try:
        harness.migrate(migrations)
        return harness.schema()
    finally:
        harness.close()


def command_run(spec_path):
    try:
        with open(spec_path, encoding="utf-8") as f:
            spec = json.load(f)
    except (OSError, ValueError) as e:
        raise UsageError("Cannot read the spec %s: %s" % (spec_path, e))
    if not isinstance(spec, dict):
        raise UsageError("The spec must be a JSON object")
    unknown = set(spec) - {"migrations", "statements", "queries"}
    if unknown:
        raise UsageError("Unknown spec keys: " + ", ".join(sorted(unknown)))
    harness = Harness()
    try:
        if spec.get("migrations"):
            harness.migrate(spec["migrations"])
        for number, sql in enumerate(spec.get("statements") or [], start=1):
            harness.execute(sql.strip().rstrip(";"), "spec statement %d" % number)
        results = {}
        for name, sql in (spec.get("queries") or {}).items():
            results[name] = harness.query_json(sql.strip().rstrip(";"), "query '%s'" % name)
        return results
    finally:
        harness.close()


def main(argv):
    if len(argv) < 2 or argv[1] not in ("version", "schema", "run"):
        print(__doc__, file=sys.stderr)
        return EXIT_USAGE
    try:
        import chdb  # noqa: F401
        from chdb import session  # noqa: F401
    except Exception as e:
        print("chdb is not importable by %s: %s: %s" % (sys.executable, type(e).__name__, e), file=sys.stderr)
        return EXIT_NO_CHDB
    try:
        if argv[1] == "version" and len(argv) == 2:
            output = command_version()
        elif argv[1] == "schema" and len(argv) == 3:
            output = command_schema(argv[2])
        elif argv[1] == "run" and len(argv) == 3:
            output = command_run(argv[2])
        else:
            print(__doc__, file=sys.stderr)
            return EXIT_USAGE
    except SqlError as e:
        # The first line names the statement; ClickHouse's message follows verbatim, then the statement itself.
        sys.stderr.write("ClickHouse (chDB) rejected %s:\n%s\n-- statement:\n%s\n" % (e.where, e.message, e.sql))
        return EXIT_SQL
    except UsageError as e:
        sys.stderr.write(str(e) + "\n")
        return EXIT_USAGE
    json.dump(output, sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
