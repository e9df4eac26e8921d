"""Tests of the chDB stand-in for a ClickHouse server (clickhouse_standin.py) through the Python clients Orientir's
dashboards use: clickhouse-connect and its SQLAlchemy dialect ``clickhousedb`` (what Apache Superset connects with).

Run: python3 -m pytest warehouse/src/test/python/test_clickhouse_standin.py
"""

import datetime
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

clickhouse_connect = pytest.importorskip("clickhouse_connect")
sqlalchemy = pytest.importorskip("sqlalchemy")

SCRIPT = Path(__file__).with_name("clickhouse_standin.py")
USER = "superset_reader"
PASSWORD = "s3cret:/@&?%+ pw"  # characters that need escaping in URLs and basic auth
READER, READER_PASSWORD = "dashboard_reader", "r3ader pw"
TRICKY = "Школа «№ 1», 'кавычки' \"двойные\" и \\ черта"


@pytest.fixture(scope="module")
def port():
    env = dict(os.environ, ORIENTIR_STANDIN_PASSWORD=PASSWORD, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, str(SCRIPT), "--port", "0", "--user", USER,
                             "--readonly-user", f"{READER}:{READER_PASSWORD}", "--verbose"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("LISTENING "), f"the stand-in did not start: {line!r}"
        yield int(line.split()[1])
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def client(port):
    c = clickhouse_connect.get_client(host="127.0.0.1", port=port, username=USER, password=PASSWORD)
    c.command("CREATE DATABASE IF NOT EXISTS dash ENGINE = Atomic")
    yield clickhouse_connect.get_client(host="127.0.0.1", port=port, username=USER, password=PASSWORD,
                                        database="dash")
    c.command("DROP DATABASE IF EXISTS dash SYNC")


def _get(port, path, **headers):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def test_ping_and_get_query(port):
    assert _get(port, "/ping")[2] == "Ok.\n"
    status, headers, body = _get(port, "/?query=" + urllib.parse.quote("SELECT 1, currentDatabase()"),
                                 **{"X-ClickHouse-User": USER, "X-ClickHouse-Key": PASSWORD})
    assert (status, body) == (200, "1\tdefault\n")
    assert headers["X-ClickHouse-Timezone"] == "UTC"
    assert headers["X-ClickHouse-Format"] == "TabSeparated"
    assert '"written_rows"' in headers["X-ClickHouse-Summary"]


def test_wrong_password_is_refused_as_a_server_does(port):
    status, headers, body = _get(port, "/?query=SELECT%201&user=" + USER + "&password=wrong")
    assert status == 403
    assert headers["X-ClickHouse-Exception-Code"] == "516"
    assert body.startswith(f"Code: 516. DB::Exception: {USER}: Authentication failed")
    with pytest.raises(Exception) as e:
        clickhouse_connect.get_client(host="127.0.0.1", port=port, username=USER, password="wrong")
    assert "516" in str(e.value)


def test_clickhouse_connect_command_insert_query(client):
    client.command("CREATE TABLE schools (id UInt32, name String, note Nullable(String), at DateTime64(3, 'UTC'), "
                   "tags Array(String)) ENGINE = MergeTree ORDER BY id")
    at = datetime.datetime(2024, 2, 29, 23, 59, 58, 789000, tzinfo=datetime.timezone.utc)
    summary = client.insert("schools", [[1, TRICKY, None, at, ["ВПР", "a'b"]], [2, "Школа №2", "есть", at, []]],
                            column_names=["id", "name", "note", "at", "tags"])
    assert summary.written_rows == 2
    rows = client.query("SELECT id, name, note, toString(at), tags FROM schools WHERE id <= {m:UInt32} ORDER BY id",
                        parameters={"m": 2}).result_rows
    assert rows == [(1, TRICKY, None, "2024-02-29 23:59:58.789", ["ВПР", "a'b"]),
                    (2, "Школа №2", "есть", "2024-02-29 23:59:58.789", [])]
    assert client.command("SELECT count() FROM schools") == 2


def test_errors_carry_clickhouse_codes(client):
    with pytest.raises(clickhouse_connect.driver.exceptions.DatabaseError) as e:
        client.query("SELECT no_such_column FROM system.one")
    assert "Code: 47" in str(e.value) and "UNKNOWN_IDENTIFIER" in str(e.value)
    with pytest.raises(clickhouse_connect.driver.exceptions.DatabaseError) as e:
        client.command("SELECT 1; SELECT 2")
    assert "Code: 62" in str(e.value)


def test_settings_apply_to_one_request(client):
    before = client.command("SELECT getSetting('max_result_rows')")
    assert client.command("SELECT getSetting('max_result_rows')", settings={"max_result_rows": 777}) == 777
    assert client.command("SELECT getSetting('max_result_rows')") == before


def test_sqlalchemy_reflection_and_select(client, port):
    client.command("CREATE TABLE IF NOT EXISTS marts (run_id String, list_year Int32, share Nullable(Float64)) "
                   "ENGINE = MergeTree ORDER BY list_year")
    client.command("INSERT INTO marts VALUES ('run-A', 2023, 0.5), ('run-A', 2024, NULL)")
    client.command("CREATE VIEW IF NOT EXISTS marts_view AS SELECT list_year, share FROM marts")
    url = f"clickhousedb://{USER}:{urllib.parse.quote(PASSWORD, safe='')}@127.0.0.1:{port}/dash"
    engine = sqlalchemy.create_engine(url)
    try:
        inspector = sqlalchemy.inspect(engine)
        assert "marts" in inspector.get_table_names()
        assert inspector.get_view_names() == ["marts_view"]
        columns = {c["name"]: str(c["type"]) for c in inspector.get_columns("marts")}
        assert list(columns) == ["run_id", "list_year", "share"]
        assert "Nullable" in columns["share"] or "Float64" in columns["share"]
        with engine.connect() as conn:
            rows = conn.execute(sqlalchemy.text("SELECT list_year, share FROM marts_view ORDER BY list_year")).fetchall()
        assert [tuple(r) for r in rows] == [(2023, 0.5), (2024, None)]
    finally:
        engine.dispose()


def test_the_read_only_user_reads_and_the_engine_refuses_its_writes(client, port):
    client.command("CREATE TABLE IF NOT EXISTS visits (n UInt32) ENGINE = MergeTree ORDER BY n")
    client.command("INSERT INTO visits VALUES (1), (2)")
    reader = clickhouse_connect.get_client(host="127.0.0.1", port=port, username=READER, password=READER_PASSWORD,
                                           database="dash")
    assert reader.command("SELECT count() FROM visits") == 2
    for statement in ("INSERT INTO visits VALUES (3)", "CREATE TABLE other (n UInt8) ENGINE = Memory",
                      "DROP TABLE visits"):
        with pytest.raises(clickhouse_connect.driver.exceptions.DatabaseError) as e:
            reader.command(statement)
        assert "Code: 164" in str(e.value) and "READONLY" in str(e.value), statement
    with pytest.raises(clickhouse_connect.driver.exceptions.DatabaseError) as e:
        reader.insert("visits", [[4]], column_names=["n"])
    assert "Code: 164" in str(e.value)
    # The writer's session is not read-only for it.
    client.command("INSERT INTO visits VALUES (5)")
    assert client.command("SELECT count() FROM visits") == 3
    assert client.command("SELECT getSetting('readonly')") == 0
