"""Looks at built pages as a person would, at a desktop and a phone width: axe-core's serious
and critical violations, whether the page is wider than the screen, table cells that are not
shown, and a screenshot of each for a person to look at.

usage: audit.py CHROMIUM AXE_JS SCREENSHOTS_DIR URL...   (prints one JSON object)
"""
import base64, json, os, re, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Chromium

WIDTHS = {"desktop": (1280, 900, 1, False), "phone": (390, 844, 3, True)}

chromium, axe_path, shots = sys.argv[1:4]
urls = sys.argv[4:]
with open(axe_path, encoding="utf-8") as f:
    axe = f.read()
os.makedirs(shots, exist_ok=True)

# What the page hides or crops: cells of tables that take no room, and the page's width.
MEASURE = """(() => {
  const hidden = [...document.querySelectorAll('td, th')].filter(cell => {
    const style = getComputedStyle(cell);
    return cell.textContent.trim() !== '' && (style.display === 'none' || style.visibility === 'hidden'
      || cell.getClientRects().length === 0);
  }).map(cell => cell.textContent.trim().slice(0, 40));
  return {hidden: hidden, width: document.documentElement.scrollWidth, screen: window.innerWidth};
})()"""

RUN_AXE = """axe.run(document, {resultTypes: ['violations']}).then(results => results.violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary.slice(0, 160))})))"""

browser = Chromium(chromium)
report = {}
try:
    for url in urls:
        for width_name, (width, height, scale, mobile) in WIDTHS.items():
            session = browser.open("about:blank")
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile}, session)
            browser.send("Page.navigate", {"url": url}, session)
            browser.wait_for("document.readyState === 'complete'", session, 20)
            time.sleep(0.2)
            measured = browser.evaluate(MEASURE, session) or {}
            browser.evaluate(axe + "\n;true", session)
            violations = browser.evaluate(RUN_AXE, session)
            name = re.sub(r"[^A-Za-z0-9]+", "-", url.split("/site/", 1)[-1]).strip("-") or "page"
            shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False}, session)
            with open(os.path.join(shots, "%s-%s.png" % (name, width_name)), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            report.setdefault(url, {})[width_name] = {
                "violations": violations if violations is not None else [{"id": "axe-did-not-run"}],
                "hidden": measured.get("hidden", []), "width": measured.get("width"), "screen": measured.get("screen"),
            }
            browser.send("Target.closeTarget", {"targetId": browser.send("Target.getTargetInfo", {}, session)
                                                ["targetInfo"]["targetId"]})
finally:
    browser.close()
print(json.dumps(report))
