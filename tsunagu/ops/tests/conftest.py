def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "slow: builds real demo instances in subprocesses (tens of seconds)"
    )
