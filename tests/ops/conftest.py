"""One throwaway PostgreSQL cluster for all the ops tests, and the demo built in it once.

`tsunagu migrate` and `load_demo` take most of a minute, so they run once into a template
database; each test module gets its own copy (CREATE DATABASE … TEMPLATE, under a second)
and its own media directories.
"""

import shutil
from collections.abc import Callable, Iterator

import psycopg
import pytest
from psycopg import sql

from tests.ops.pg_cluster import PostgresCluster, postgres_bin_dir, postgres_cluster
from tests.ops.processes import Installation
from tests.ops.redis_server import RedisServer, redis_server

ADMIN_EMAIL = "ops-admin@example.org"
ADMIN_PASSWORD = "ops-admin-password-1234"
TEMPLATE = "tsunagu_template"


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "ops: starts PostgreSQL, Redis, gunicorn and Celery processes (slow)"
    )


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    if postgres_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries are not installed (scripts/setup.sh)")
    with postgres_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def demo_template(postgres, tmp_path_factory) -> str:
    """The migrated demo, with an administrator who can log in, as a template database."""
    root = tmp_path_factory.mktemp("template")
    installation = Installation(root=root, database_url=postgres.create_database(TEMPLATE))
    installation.manage("migrate", "--verbosity", "0")
    installation.manage("load_demo")
    installation.manage(
        "createsuperuser",
        "--noinput",
        "--email",
        ADMIN_EMAIL,
        extra_env={"DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
    )
    shutil.rmtree(root, ignore_errors=True)
    return TEMPLATE


@pytest.fixture(scope="session")
def installation_create(
    postgres, demo_template, tmp_path_factory
) -> Callable[[str, str], Installation]:
    """installation_create(name, redis_url) -> a fresh copy of the demo with its own media."""

    def create(name: str, redis_url: str = "") -> Installation:
        with psycopg.connect(postgres.url, autocommit=True) as connection:
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(demo_template)
                )
            )
        return Installation(
            root=tmp_path_factory.mktemp(name),
            database_url=postgres.database_url(name),
            redis_url=redis_url,
        )

    return create


@pytest.fixture(scope="module")
def redis() -> Iterator[RedisServer]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (scripts/setup.sh)")
    with redis_server() as server:
        yield server
