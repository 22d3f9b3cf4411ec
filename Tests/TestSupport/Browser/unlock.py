"""Opens a page of an encrypted ties site in headless Chromium, as a person would: types a
password into the form, submits it, waits, and prints what the page then shows, as JSON.

Drives Chromium over its DevTools pipe (devtools.py).

usage: unlock.py CHROMIUM URL PASSWORD [SEARCH]
"""
import json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Chromium

chromium, url, password = sys.argv[1:4]
search = sys.argv[4] if len(sys.argv) > 4 else None
browser = Chromium(chromium)

try:
    session = browser.open(url)
    browser.wait_for("document.readyState === 'complete' && !!document.getElementById('ties-password')", session)
    shell = browser.evaluate("document.body.innerText", session)
    browser.evaluate("""(() => {
        const box = document.getElementById('ties-password');
        box.value = %s;
        document.getElementById('ties-unlock').requestSubmit();
        return true; })()""" % json.dumps(password), session)
    # Opened (the form is gone) or refused (the form says so).
    browser.wait_for("!document.getElementById('ties-unlock') || "
             "document.getElementById('ties-unlock-message').textContent.length > 0", session)
    browser.wait_for("!document.getElementById('ties-unlock') ? document.readyState === 'complete' : true", session)
    opened = browser.evaluate("!document.getElementById('ties-unlock')", session)
    text = browser.evaluate("document.body.innerText", session)
    found = None
    if opened and search is not None:
        browser.wait_for("!!document.getElementById('search-box') && "
                 "!document.querySelector('.search').hidden", session, 15)
        browser.evaluate("""(() => { const box = document.getElementById('search-box');
            box.value = %s; box.dispatchEvent(new Event('input')); return true; })()""" % json.dumps(search), session)
        found = browser.evaluate("Array.from(document.querySelectorAll('#search-results a'))"
                         ".map(a => a.textContent + ' ' + a.getAttribute('href'))", session)
    kept = browser.evaluate("sessionStorage.getItem('ties-key') !== null", session)
    # Another page of the site opens without the password; "Lock" forgets the key.
    reopened = locked = None
    if opened:
        browser.evaluate("(() => { const link = Array.from(document.querySelectorAll('a')).find(a => "
                 "/^[0-9a-f]{32}\\.html/.test(a.getAttribute('href') || '')); location.href = link.href; return true; })()",
                 session)
        time.sleep(0.5)
        reopened = bool(browser.wait_for("document.readyState === 'complete' && !document.getElementById('ties-unlock') && "
                                 "!!document.getElementById('ties-lock')", session, 15))
        browser.evaluate("document.getElementById('ties-lock').click(), true", session)
        time.sleep(0.5)
        locked = bool(browser.wait_for("document.readyState === 'complete' && !!document.getElementById('ties-unlock') && "
                               "sessionStorage.getItem('ties-key') === null", session, 15))
    print(json.dumps({"shell": shell, "opened": opened, "text": text, "search": found, "keyKept": kept,
                      "reopened": reopened, "locked": locked}))
finally:
    browser.close()
