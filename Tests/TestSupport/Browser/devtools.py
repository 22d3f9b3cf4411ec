"""Headless Chromium driven over its DevTools pipe (--remote-debugging-pipe: commands on fd 3,
answers on fd 4, each a JSON message ended by a NUL byte), so nothing beyond Python and
Chromium is needed. Shared by the browser scripts of the tests.
"""
import json, os, subprocess, tempfile, time


class Chromium:
    def __init__(self, executable):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        self.home = tempfile.mkdtemp(prefix="ties-chromium-")

        def child_fds():
            # Through fresh copies: a dup2 onto the same number would keep the close-on-exec flag.
            reading, writing = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + self.home,
             "--remote-debugging-pipe", "about:blank"],
            preexec_fn=child_fds, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.pending = b""
        self.counter = 0

    def send(self, method, params=None, session=None):
        self.counter += 1
        message = {"id": self.counter, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        return self.receive(self.counter)

    def receive(self, wanted):
        while True:
            while b"\0" not in self.pending:
                chunk = os.read(self.from_chrome, 1 << 16)
                if not chunk:
                    raise SystemExit("chromium closed the pipe")
                self.pending += chunk
            raw, self.pending = self.pending.split(b"\0", 1)
            message = json.loads(raw)
            if message.get("id") == wanted:
                if "error" in message:
                    raise SystemExit(json.dumps(message["error"]))
                return message.get("result", {})

    def open(self, url):
        """A new tab at `url`; returns its session."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", {}, session)
        self.send("Runtime.enable", {}, session)
        self.send("Page.navigate", {"url": url}, session)
        return session

    def evaluate(self, expression, session):
        result = self.send("Runtime.evaluate",
                           {"expression": expression, "awaitPromise": True, "returnByValue": True}, session)
        return result.get("result", {}).get("value")

    def wait_for(self, expression, session, seconds=30):
        """The expression's value once it is true, or None after `seconds`. A page being
        replaced has no context for a moment: that is waited out."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                value = self.evaluate(expression, session)
            except SystemExit:
                value = None
            if value:
                return value
            time.sleep(0.1)
        return None

    def close(self):
        self.process.kill()
        self.process.wait()
