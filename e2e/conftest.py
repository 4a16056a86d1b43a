"""Browser tests against a running YuGang (scripts/test starts it and sets the variables)."""
import os

import pytest
from playwright.sync_api import sync_playwright

BASE_URL = os.environ.get("YUGANG_BASE_URL", "http://127.0.0.1:8080")
ADMIN_PASSWORD = os.environ.get("YUGANG_ADMIN_PASSWORD", "")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def base_url():
    return BASE_URL


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture()
def new_page(browser):
    """Pages in contexts of their own: one per person in a journey."""
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
