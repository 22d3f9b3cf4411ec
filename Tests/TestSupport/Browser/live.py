"""Opens a page that `ties serve` serves in headless Chromium, edits a file of the journal as
an editor does (a new file renamed over the old one), and waits for the open page to show the
change by itself: nobody reloads it. Prints what happened as JSON.

Drives Chromium over its DevTools pipe (devtools.py).

usage: live.py CHROMIUM URL FILE OLD NEW [SCREENSHOT.png]
"""
import base64, json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Chromium

chromium, url, path, old, new = sys.argv[1:6]
screenshot = sys.argv[6] if len(sys.argv) > 6 else None
browser = Chromium(chromium)

try:
    session = browser.open(url)
    before = bool(browser.wait_for("document.readyState === 'complete' && document.body.innerText.includes(%s)"
                           % json.dumps(old), session, 20))
    # The page's own events stream is open once the server said hello; a marker that a reload clears.
    time.sleep(1.0)
    browser.evaluate("window.tiesMarker = 1, true", session)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new))
    os.rename(temporary, path)
    started = time.time()
    after = bool(browser.wait_for("document.readyState === 'complete' && window.tiesMarker === undefined && "
                          "document.body.innerText.includes(%s)" % json.dumps(new), session, 10))
    seconds = time.time() - started
    if screenshot:
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
        with open(screenshot, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
    print(json.dumps({"before": before, "after": after, "seconds": round(seconds, 2),
                      "location": browser.evaluate("location.href", session)}))
finally:
    browser.close()
