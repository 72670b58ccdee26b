"""(Re)create a PostgreSQL database with UTF-8 and the C.UTF-8 locale (Japanese text needs UTF-8).

Usage: pg_create_database.py postgres://user@host:port/name
"""

import sys
from urllib.parse import urlparse

import psycopg
from psycopg import sql


def main(url: str) -> int:
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(
            sql.SQL(
                "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            ).format(sql.Identifier(name))
        )
    print(f"created database {name} (UTF8, C.UTF-8)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
