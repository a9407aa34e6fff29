"""Chromium walks through `wijknet serve` on a generated town, as a worker would: the wijk,
a buurt, a resident at risk, a suggested contact, and back. No console error, no request
leaving 127.0.0.1. With WN_SCREENSHOTS=DIR it saves a picture of each page there.
Usage: walk.py WIJKNET   (exit 77 when chromedriver is missing)"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, generate_town, fresh_dir  # noqa: E402

DRIVER = "/usr/bin/chromedriver"
if not os.path.exists(DRIVER):
    print("skipped: no chromedriver")
    sys.exit(77)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SHOTS = os.environ.get("WN_SCREENSHOTS")


def browser(profile):
    opts = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-default-apps", "--disable-sync"]:
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


class Walk:
    def __init__(self, driver, srv):
        self.d, self.srv = driver, srv
        self.wait = WebDriverWait(driver, 30)

    def loaded(self, css):
        """Waits until the page has drawn @css (the API answered) and its images loaded."""
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))
        self.wait.until(lambda d: d.execute_script(
            "return [...document.images].every(i => i.complete && i.naturalWidth > 0)"))
        errors = self.d.find_elements(By.CSS_SELECTOR, "p.error")
        assert not errors, "the page shows an error: " + errors[0].text
        shown = self.d.find_element(By.TAG_NAME, "body").text
        assert "[object" not in shown and "undefined" not in shown, "a value drawn as text"

    def text(self, css):
        return self.d.find_element(By.CSS_SELECTOR, css).text

    def shot(self, name):
        if SHOTS:
            height = self.d.execute_script("return document.documentElement.scrollHeight")
            self.d.set_window_size(1280, min(max(height + 120, 800), 1800))
            self.d.save_screenshot(os.path.join(SHOTS, "serve-%s.png" % name))
            self.d.set_window_size(1280, 1000)

    def check_logs(self):
        for entry in self.d.get_log("browser"):
            assert entry["level"] not in ("SEVERE", "WARNING"), "console: %s" % entry["message"]
        for entry in self.d.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] == "Network.requestWillBeSent":
                url = msg["params"]["request"]["url"]
                # chrome:// and data: are the browser's own; anything on the network must
                # go to the explorer
                if url.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp"):
                    assert url.startswith(self.srv.base + "/"), "a request left 127.0.0.1: " + url


def walk(d, srv):
    w = Walk(d, srv)
    d.get(srv.url)
    w.loaded("main table tbody tr")
    assert "token" not in d.current_url, "the token stays in the address bar"
    assert w.text("h1").startswith("Synthetic town"), w.text("h1")
    assert "Cijfers per buurt" in w.text("main"), "the wijk page is in Dutch"
    buurten = d.find_elements(By.CSS_SELECTOR, "main table tbody a")
    assert len(buurten) >= 2, "every buurt is listed with a link"
    assert len(d.find_elements(By.CSS_SELECTOR, "figure img")) == 2, "the map and the drawing"
    w.shot("wijk")
    w.check_logs()

    name = buurten[0].text
    buurten[0].click()
    w.loaded("main table tbody tr a.node")
    assert w.text("h1") == name, (w.text("h1"), name)
    assert "Bewoners met een risico op isolement" in w.text("main")
    assert len(d.find_elements(By.CSS_SELECTOR, ".figure")) == 5, "the buurt's five figures"
    w.shot("buurt")
    w.check_logs()

    resident = d.find_element(By.CSS_SELECTOR, "main table tbody a.node")
    rid = resident.text
    resident.click()
    w.loaded("#reasons")
    assert w.text("h1") == rid
    assert w.text("#reasons"), "the reasons in words"
    assert d.find_elements(By.CSS_SELECTOR, ".status"), "its status"
    suggested = d.find_elements(By.XPATH, "//h2[contains(., 'contact brengen')]"
                                          "/following-sibling::div[1]//a[@class='node']")
    assert suggested, "suggestions for a resident at risk"
    w.shot("node")
    w.check_logs()

    cid = suggested[0].text
    suggested[0].click()
    w.loaded("h2")
    w.wait.until(lambda dr: dr.find_element(By.CSS_SELECTOR, "h1").text == cid)
    w.loaded("h2")
    assert "Voorgesteld als contact voor" in w.text("main") and rid in w.text("main"), \
        "the contact's page names the resident it is suggested for"
    assert w.text("h2"), "the contact's page is drawn"
    sectors = d.find_elements(By.CSS_SELECTOR, ".sector h3")
    assert sectors and all(" — " in h.text for h in sectors), "its contacts by kind"
    w.shot("contact")
    w.check_logs()
    d.back()
    w.loaded("#reasons")
    assert w.text("h1") == rid, "back on the resident's page"
    d.back()
    w.loaded("main table tbody tr a.node")
    assert w.text("h1") == name, "back on the buurt's page"

    d.get(srv.base + "/lists?kind=persons&lang=en")
    w.loaded("main table tbody tr a.node")
    assert w.text("h1") == "Key figures", w.text("h1")
    assert d.find_element(By.ID, "lang").text == "Nederlands"
    w.shot("lists")
    d.find_element(By.ID, "q").send_keys(rid[:-1])
    d.find_element(By.ID, "search-go").click()
    w.loaded("main table tbody tr a.node")
    assert rid in w.text("main table"), "search finds the resident by id"
    assert "lang=en" in d.current_url, "search keeps the language"
    w.shot("search")
    w.check_logs()


def main():
    folder, cleanup = fresh_dir("wn-serve-walk-")
    srv = None
    d = None
    try:
        town = generate_town(sys.argv[1], 4000, 7, os.path.join(folder, "town"))
        srv = Server(sys.argv[1], town)
        d = browser(os.path.join(folder, "profile"))
        walk(d, srv)
        print("ok: the wijk, a buurt, a resident at risk, a suggested contact and back; "
              "lists in English; search")
    except AssertionError as e:
        print("FAIL:", e)
        if srv is not None:
            print(srv.log())
        sys.exit(1)
    finally:
        if d is not None:
            d.quit()
        if srv is not None:
            srv.stop()
        cleanup()


main()
