"""Opens a page of an encrypted ties site in headless Chromium, as a person would: types a
password into the form, submits it, waits, and prints what the page then shows, as JSON.

Drives Chromium over its DevTools pipe (--remote-debugging-pipe: commands on fd 3, answers on
fd 4, each a JSON message ended by a NUL byte), so nothing beyond Python and Chromium is needed.

usage: unlock.py CHROMIUM URL PASSWORD [SEARCH]
"""
import json, os, subprocess, sys, tempfile, time

chromium, url, password = sys.argv[1:4]
search = sys.argv[4] if len(sys.argv) > 4 else None

to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
home = tempfile.mkdtemp(prefix="ties-chromium-")


def child_fds():
    # Through fresh copies: a dup2 onto the same number would keep the close-on-exec flag.
    reading, writing = os.dup(to_chrome_r), os.dup(from_chrome_w)
    os.dup2(reading, 3)
    os.dup2(writing, 4)


browser = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + home,
     "--remote-debugging-pipe", "about:blank"],
    preexec_fn=child_fds, close_fds=False,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
pending = b""
counter = [0]


def send(method, params=None, session=None):
    counter[0] += 1
    message = {"id": counter[0], "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    return receive(counter[0])


def receive(wanted):
    global pending
    while True:
        while b"\0" not in pending:
            chunk = os.read(from_chrome_r, 1 << 16)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            pending += chunk
        raw, pending = pending.split(b"\0", 1)
        message = json.loads(raw)
        if message.get("id") == wanted:
            if "error" in message:
                raise SystemExit(json.dumps(message["error"]))
            return message.get("result", {})


def evaluate(expression, session):
    result = send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True}, session)
    return result.get("result", {}).get("value")


def wait_for(expression, session, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = evaluate(expression, session)
        if value:
            return value
        time.sleep(0.1)
    return None


try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable", {}, session)
    send("Runtime.enable", {}, session)
    send("Page.navigate", {"url": url}, session)
    wait_for("document.readyState === 'complete' && !!document.getElementById('ties-password')", session)
    shell = evaluate("document.body.innerText", session)
    evaluate("""(() => {
        const box = document.getElementById('ties-password');
        box.value = %s;
        document.getElementById('ties-unlock').requestSubmit();
        return true; })()""" % json.dumps(password), session)
    # Opened (the form is gone) or refused (the form says so).
    wait_for("!document.getElementById('ties-unlock') || "
             "document.getElementById('ties-unlock-message').textContent.length > 0", session)
    wait_for("!document.getElementById('ties-unlock') ? document.readyState === 'complete' : true", session)
    opened = evaluate("!document.getElementById('ties-unlock')", session)
    text = evaluate("document.body.innerText", session)
    found = None
    if opened and search is not None:
        wait_for("!!document.getElementById('search-box') && "
                 "!document.querySelector('.search').hidden", session, 15)
        evaluate("""(() => { const box = document.getElementById('search-box');
            box.value = %s; box.dispatchEvent(new Event('input')); return true; })()""" % json.dumps(search), session)
        found = evaluate("Array.from(document.querySelectorAll('#search-results a'))"
                         ".map(a => a.textContent + ' ' + a.getAttribute('href'))", session)
    kept = evaluate("sessionStorage.getItem('ties-key') !== null", session)
    # Another page of the site opens without the password; "Lock" forgets the key.
    reopened = locked = None
    if opened:
        evaluate("(() => { const link = Array.from(document.querySelectorAll('a')).find(a => "
                 "/^[0-9a-f]{32}\\.html/.test(a.getAttribute('href') || '')); location.href = link.href; return true; })()",
                 session)
        time.sleep(0.5)
        reopened = bool(wait_for("document.readyState === 'complete' && !document.getElementById('ties-unlock') && "
                                 "!!document.getElementById('ties-lock')", session, 15))
        evaluate("document.getElementById('ties-lock').click(), true", session)
        time.sleep(0.5)
        locked = bool(wait_for("document.readyState === 'complete' && !!document.getElementById('ties-unlock') && "
                               "sessionStorage.getItem('ties-key') === null", session, 15))
    print(json.dumps({"shell": shell, "opened": opened, "text": text, "search": found, "keyKept": kept,
                      "reopened": reopened, "locked": locked}))
finally:
    browser.kill()
    browser.wait()
