"""Committed rows for tests that serve through gunicorn (which cannot see a test's
transaction), written over a connection of their own and removed afterwards."""

import contextlib
import socket
import threading

import psycopg
from django.db import connection


def connect():
    db = connection.settings_dict
    return psycopg.connect(
        dbname=db["NAME"],
        user=db["USER"],
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        password=db["PASSWORD"] or None,
        autocommit=True,
    )


@contextlib.contextmanager
def committed_rules(*rules):
    """Yield {old_path: id} for exact rules (old_path, new_path) committed for all sites."""
    with connect() as conn:
        ids = {}
        try:
            for old_path, new_path in rules:
                ids[old_path] = add_rule(conn, old_path, new_path)
            yield conn, ids
        finally:
            conn.execute("DELETE FROM redirects_redirect WHERE id = ANY(%s)", [list(ids.values())])
            conn.execute("DELETE FROM site_redirects_notfoundpath")
            bump(conn)


def add_rule(conn, old_path, new_path, notes=""):
    row = conn.execute(
        "INSERT INTO redirects_redirect (site_id, old_path, new_path, match, type_status_code,"
        " priority, counter, notes, created_at, updated_at)"
        " VALUES (NULL, %s, %s, 'exact', 301, 0, 0, %s, now(), now()) RETURNING id",
        [old_path, new_path, notes],
    ).fetchone()
    bump(conn)
    return row[0]


def bump(conn):
    conn.execute("UPDATE site_redirects_rulesversion SET value = value + 1 WHERE id = 1")


class SwitchableProxy:
    """A TCP port on 127.0.0.1 forwarding to PostgreSQL's socket, until ``cut()``: then
    every connection drops and new ones are refused, as in a database outage."""

    def __init__(self):
        db = connection.settings_dict
        self.target = f"{db['HOST']}/.s.PGSQL.{db['PORT'] or 5432}"
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets = []
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self):
        db = connection.settings_dict
        return f"postgres://{db['USER']}@127.0.0.1:{self.port}/{db['NAME']}"

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.socket(socket.AF_UNIX)
            server.connect(self.target)
            self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would not.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
