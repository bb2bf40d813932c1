"""Browser tests of the web app in real headless Chromium.

Starts `revise serve` on a free port over a new database (the built-in course is added), then: opens Today,
studies five cards with the keyboard alone and checks the five reviews are in the database, answers a typed card,
undoes a rating, uploads notes (one with a <script> in it, one too large, one binary) through the Import page,
practises an exam question (timer, answer, feedback),
opens every page, fails on any JavaScript console error, and saves a screenshot of each page under the artifacts
folder. Usage: python web_test.py --revise PATH/TO/revise [--artifacts DIR]
"""

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PAGES = ["/", "/study", "/timeline", "/timeline?from=1928&to=1933", "/people", "/terms", "/conflicts",
         "/search?q=famine", "/cards", "/import", "/stats", "/exam"]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def start_server(revise, db):
    process = subprocess.Popen(
        [revise, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                raise Failure(f"revise serve exited with {process.returncode}")
            continue
        match = re.search(r"running at (http://[\d.]+:\d+)/", line)
        if match:
            return process, match.group(1)
    process.kill()
    raise Failure("revise serve did not say where it listens within 60 s")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/lib/chromium/chromium" if os.path.exists("/usr/lib/chromium/chromium") else "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
                 "--lang=en-GB"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def console_errors(driver, expected=()):
    """Severe entries of the browser's log, but for the failed requests a test made on purpose."""
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
            and not any(e in entry["message"] for e in expected)]


def wait(driver, condition, what, seconds=10):
    try:
        return WebDriverWait(
            driver, seconds, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(condition)
    except TimeoutException:
        raise Failure(f"timed out after {seconds} s waiting for {what} on {driver.current_url}")


def review_count(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) FROM review").fetchone()[0]


def full_page_screenshot(driver, path):
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
    width = driver.execute_script("return window.innerWidth")
    driver.set_window_size(max(width, 1280) if width >= 1000 else width, max(900, height + 120))
    driver.save_screenshot(path)


def study_five(driver, base, db):
    before = review_count(db)
    driver.get(base + "/study")
    body = driver.find_element(By.TAG_NAME, "body")
    for n in range(5):
        card = wait(driver, EC.presence_of_element_located((By.ID, "study-card")), "a card")
        card_id = card.get_attribute("data-card")
        check(card_id, f"no card to study at step {n + 1}")
        body.send_keys(Keys.SPACE)
        wait(driver, lambda d: d.find_element(By.ID, "answer-box").get_attribute("open") is not None, "the answer to show")
        if n == 0:
            driver.save_screenshot(os.path.join(ARTIFACTS, "study-revealed.png"))
        body.send_keys("3")
        wait(driver, lambda d: d.find_element(By.ID, "study-card").get_attribute("data-card") != card_id
             or d.find_element(By.ID, "answer-box").get_attribute("open") is None, "the next card")
        wait(driver, lambda d: review_count(db) >= before + n + 1, f"review {n + 1} to be saved", 5)
    check(review_count(db) == before + 5, f"expected {before + 5} reviews in the database, found {review_count(db)}")
    print(f"  studied 5 cards by keyboard; {review_count(db) - before} reviews saved")


def undo_one(driver, base, db):
    count = review_count(db)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("u")
    wait(driver, lambda d: review_count(db) == count - 1, "the undo to remove the last review", 5)
    print("  undo removed the last rating")


def typed_answer(driver, base, db):
    # Study until a card that takes a typed answer comes up (bounded).
    body = driver.find_element(By.TAG_NAME, "body")
    for _ in range(25):
        card = driver.find_element(By.ID, "study-card")
        if card.get_attribute("data-typable") == "true":
            field = card.find_element(By.ID, "typed")
            answer = card.get_attribute("data-answer")
            field.send_keys(answer)
            field.send_keys(Keys.ENTER)
            verdict = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, ".verdict")), "the verdict")
            check("Right" in verdict.text, f"typing the answer itself should be right, got: {verdict.text!r}")
            driver.save_screenshot(os.path.join(ARTIFACTS, "study-typed.png"))
            count = review_count(db)
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            wait(driver, lambda d: review_count(db) == count + 1, "the suggested rating to be saved", 5)
            print("  typed answer checked as right and its suggested rating saved")
            return
        old = card.get_attribute("data-card")
        body.send_keys(Keys.SPACE)
        body.send_keys("4")
        wait(driver, lambda d: d.find_element(By.ID, "study-card").get_attribute("data-card") != old, "the next card")
    raise Failure("no card with a typed answer came up in 25 cards")


def upload(driver, base, tmp):
    evil = os.path.join(tmp, "evil-notes.md")
    with open(evil, "w") as f:
        f.write("# Tricky <script>window.__xss = 1</script> notes\n\n"
                "- **Comintern** - the Communist International <img src=x onerror=\"window.__xss=2\">\n"
                "- 1935: the <b>Popular Front</b> policy was adopted by the Comintern\n")
    binary = os.path.join(tmp, "photo.md")
    with open(binary, "wb") as f:
        f.write(bytes(range(256)) * 64)
    driver.get(base + "/import")
    field = driver.find_element(By.ID, "files")
    field.send_keys(evil + "\n" + binary)
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#uploads li.done, #uploads li.failed")) == 2,
         "both uploads to finish", 30)
    items = driver.find_elements(By.CSS_SELECTOR, "#uploads li")
    check("done" in items[0].get_attribute("class"), f"the notes should upload: {items[0].text}")
    check("failed" in items[1].get_attribute("class") and "photo.md" in items[1].text,
          f"the binary file should fail with its name: {items[1].text}")
    driver.save_screenshot(os.path.join(ARTIFACTS, "import-results.png"))
    print(f"  upload: {items[0].text!r}; {items[1].text!r}")
    # The script in the notes is shown as text, never run.
    for path in ["/search?q=script", "/terms", "/source?name=evil-notes.md"]:
        driver.get(base + path)
        check(driver.execute_script("return window.__xss === undefined"), f"notes' script ran on {path}")
    driver.get(base + "/source?name=evil-notes.md")
    shown = driver.find_element(By.TAG_NAME, "main").text
    check("<script>window.__xss = 1</script>" in shown, "the notes' <script> should be shown as text on their page")
    check("<img src=x" in shown, "the notes' <img> should be shown as text on their page")
    driver.get(base + "/search?q=onerror")
    check("<img src=x" in driver.find_element(By.TAG_NAME, "main").text, "search should show the notes' <img> as text")
    driver.save_screenshot(os.path.join(ARTIFACTS, "search-script.png"))
    print("  <script> and <img onerror> in the notes shown as text on search, terms and the note page, not run")


def upload_anki(driver, base, _db):
    """An Anki package made by genanki (scripts/test makes it), uploaded on the Import page: its cards come with
    their image, which the card's page shows."""
    folder = os.environ.get("REVISE_ANKI_FIXTURES")
    if not folder:
        print("  (skipped: REVISE_ANKI_FIXTURES is not set; scripts/test sets it)")
        return
    driver.get(base + "/import")
    driver.find_element(By.ID, "files").send_keys(os.path.join(folder, "genanki.apkg"))
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#uploads li.done, #uploads li.failed")) == 1,
         "the package upload to finish", 30)
    item = driver.find_element(By.CSS_SELECTOR, "#uploads li")
    said = item.text
    check("done" in item.get_attribute("class") and "6 cards" in said and "1 media files" in said,
          f"the Anki package should upload with its cards and image: {said}")
    driver.get(base + "/cards?q=" + "Which flag")
    driver.find_element(By.CSS_SELECTOR, ".prompt-cell a").click()
    image = wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "img.card-image"), "the card's image")
    check(driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image),
          "the card's image should load from the package's media")
    driver.save_screenshot(os.path.join(ARTIFACTS, "anki-card-with-image.png"))
    print(f"  Anki package: {said!r}; its card shows its image")


def practise_exam(driver, base, db):
    """Opens a course question, starts the timer, writes an answer, submits it, and reads the feedback."""
    driver.set_window_size(1280, 900)
    driver.get(base + "/exam")
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, ".exam-bank a") if "Five-Year Plans brought misery" in a.text]
    check(links, "the Exam page does not list the course's Five-Year Plans question")
    links[0].click()
    wait(driver, EC.presence_of_element_located((By.ID, "answer")), "the answer box")
    toggle = driver.find_element(By.CSS_SELECTOR, ".timer-toggle")
    check(toggle.is_displayed(), "the timer is hidden although the script runs")
    toggle.click()
    wait(driver, lambda d: "left" in d.find_element(By.CSS_SELECTOR, ".timer-clock").text, "the timer to start")
    box = driver.find_element(By.ID, "answer")
    box.send_keys(
        "The Five-Year Plans brought misery because real wages fell and food was rationed until 1935, which meant "
        "that most workers were worse off than in 1928. Housing was overcrowded, so many families lived in barracks.",
        Keys.ENTER, Keys.ENTER,
        "However, coal output rose from 35 million tonnes in 1928 to 128 million tonnes in 1937, and this industry "
        "gave the USSR the arms to survive the German invasion of 1941, so the plans were not only misery.",
        Keys.ENTER, Keys.ENTER,
        "Overall, I agree to a large extent, because for most people living standards fell even though industry grew.")
    time.sleep(1.2)
    driver.find_element(By.CSS_SELECTOR, ".exam-answer button[type=submit]").click()
    heading = wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".feedback h2")), "the feedback")
    check("Estimated mark:" in heading.text, f"no estimated mark: {heading.text!r}")
    paragraphs = driver.find_elements(By.CSS_SELECTOR, ".paragraph-notes li")
    check(len(paragraphs) == 3, f"the three paragraphs typed were read as {len(paragraphs)}")
    steps = driver.find_elements(By.CSS_SELECTOR, ".next-steps li")
    check(len(steps) == 3, f"{len(steps)} next steps instead of three")
    with sqlite3.connect(db) as connection:
        row = connection.execute("SELECT mark, seconds FROM examAnswer ORDER BY id DESC LIMIT 1").fetchone()
    check(row is not None and row[1] is not None and row[1] >= 1, f"the answer and its time were not kept: {row}")
    full_page_screenshot(driver, os.path.join(ARTIFACTS, "exam-feedback.png"))
    print(f"  exam: answer marked {row[0]} and kept with its time ({row[1]} s), three next steps shown")


def main():
    global ARTIFACTS
    parser = argparse.ArgumentParser()
    parser.add_argument("--revise", required=True)
    parser.add_argument("--artifacts", default=".test-artifacts")
    args = parser.parse_args()
    ARTIFACTS = os.path.abspath(args.artifacts)
    os.makedirs(ARTIFACTS, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="revise-web-")
    db = os.path.join(tmp, "revise.sqlite")
    server, base = start_server(os.path.abspath(args.revise), db)
    driver = None
    failures = 0
    try:
        driver = browser()
        driver.get(base + "/")
        check("Study" in driver.find_element(By.ID, "study-button").text, "Today has no Study button")
        steps = [("study five cards", study_five), ("undo", undo_one), ("typed answer", typed_answer),
                 ("upload", lambda d, b, _db: upload(d, b, tmp)), ("Anki upload", upload_anki),
                 ("exam practice", practise_exam)]
        for name, step in steps:
            try:
                step(driver, base, db)
            except Failure as failure:
                failures += 1
                print(f"FAIL {name}: {failure}")
                driver.save_screenshot(os.path.join(ARTIFACTS, f"failed-{name.replace(' ', '-')}.png"))
        errors = console_errors(driver, expected=["/api/import?name=photo.md - Failed to load resource"])
        if errors:
            failures += 1
            print(f"FAIL console errors while studying and uploading: {errors}")
        for path in PAGES:
            driver.set_window_size(1280, 900)
            driver.get(base + path)
            name = (path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-").replace("&", "-") or "today")
            full_page_screenshot(driver, os.path.join(ARTIFACTS, f"{name}.png"))
            errors = console_errors(driver)
            title = driver.title
            if errors or "Revise" not in title:
                failures += 1
                print(f"FAIL {path}: title {title!r}, console errors {errors}")
            else:
                print(f"  {path}: {title!r}, no console errors")
        # A phone.
        driver.set_window_size(390, 844)
        driver.get(base + "/study")
        driver.save_screenshot(os.path.join(ARTIFACTS, "study-phone.png"))
        driver.get(base + "/")
        driver.save_screenshot(os.path.join(ARTIFACTS, "today-phone.png"))
        check(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"),
              "Today scrolls sideways on a phone")
    except Failure as failure:
        failures += 1
        print(f"FAIL {failure}")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"browser tests: {'FAILED' if failures else 'passed'} ({failures} failures); screenshots in {ARTIFACTS}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
