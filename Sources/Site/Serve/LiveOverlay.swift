import Foundation
import Index
import Support

/// What `ties serve` adds to each page it serves, and `ties build` never writes: the script
/// that reloads the page when the journal changes, and a banner with the journal's problems.
///
/// Both are files of the server (`/_ties/live.js`, `/_ties/live.css`), not inline code, so the
/// site's Content-Security-Policy (`script-src 'self'`, `style-src 'self'`) allows them as it
/// is. The policy's `default-src 'none'` would forbid the script's connection to the events,
/// so a served page's policy gains `connect-src 'self'` (its own server, no other host) when
/// it says nothing of connections.
struct LiveOverlay: Sendable {
    let generation: String
    let diagnostics: [Diagnostic]
    let language: String

    /// Problems shown in the banner at most; the terminal lists them all.
    static let bannerLimit = 100

    /// The page with the overlay: the script and style at the end of `<head>`, the banner at
    /// the start of `<body>` (at the start and the end of the page when it has neither).
    func apply(to page: Data) -> Data {
        var html = [UInt8](page)
        let banner = Array(self.banner.utf8)
        if !banner.isEmpty {
            if let body = LiveOverlay.range(of: "<body", in: html),
                let close = html[body.upperBound...].firstIndex(of: UInt8(ascii: ">"))
            {
                html.insert(contentsOf: banner, at: close + 1)
            } else {
                html.insert(contentsOf: banner, at: 0)
            }
        }
        let head = Array(
            (#"<meta name="ties-generation" content="\#(generation)">"#
                + #"<link rel="stylesheet" href="/_ties/live.css"><script src="/_ties/live.js" defer></script>"#).utf8)
        if let end = LiveOverlay.range(of: "</head", in: html) {
            html.insert(contentsOf: head, at: end.lowerBound)
        } else {
            html.append(contentsOf: head)
        }
        LiveOverlay.allowConnectingToSelf(&html)
        return Data(html)
    }

    /// "1 error, 16 warnings" in the site's language. The messages themselves are ties'
    /// diagnostics, in English everywhere (the terminal's too), each with its code.
    private var tally: String {
        guard language == "de" else { return DiagnosticReport.tally(diagnostics) }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count - errors
        return [(errors, "Fehler", "Fehler"), (warnings, "Warnung", "Warnungen")].filter { $0.0 > 0 }
            .map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }.joined(separator: ", ")
    }

    /// The banner's HTML, or nothing when the journal has no problems.
    var banner: String {
        guard !diagnostics.isEmpty else { return "" }
        let german = language == "de"
        let title = german ? "Probleme im Journal" : "Problems in the journal"
        var html = #"<aside class="ties-live-banner" role="alert" aria-live="polite"><h2>"#
        html += "\(title): \(HTML.escape(tally))</h2><ul>"
        for diagnostic in diagnostics.prefix(LiveOverlay.bannerLimit) {
            let severity = german ? (diagnostic.severity == .error ? "Fehler" : "Warnung") : diagnostic.severity.rawValue
            html += #"<li class="ties-live-\#(diagnostic.severity.rawValue)"><code>"#
            html += HTML.escape(diagnostic.location.description) + "</code> "
            html += #"<span class="ties-live-severity">\#(severity)</span> "#
            html += HTML.escape(diagnostic.message)
            html += #" <span class="ties-live-code">[\#(HTML.escape(diagnostic.code.rawValue))]</span></li>"#
        }
        if diagnostics.count > LiveOverlay.bannerLimit {
            let more = diagnostics.count - LiveOverlay.bannerLimit
            html += german ? "<li>… und \(more) weitere (ties check)</li>" : "<li>… and \(more) more (ties check)</li>"
        }
        return html + "</ul></aside>"
    }

    /// Adds `connect-src 'self'` to a Content-Security-Policy `<meta>` that names no
    /// `connect-src`; a policy that names one is left as its author wrote it.
    static func allowConnectingToSelf(_ html: inout [UInt8]) {
        guard let meta = range(of: "http-equiv=\"content-security-policy\"", in: html),
            let content = range(of: "content=\"", in: html, from: meta.upperBound),
            let end = html[content.upperBound...].firstIndex(of: UInt8(ascii: "\""))
        else { return }
        let policy = String(decoding: html[content.upperBound..<end], as: UTF8.self)
        guard !policy.lowercased().contains("connect-src") else { return }
        let trimmed = policy.trimmingCharacters(in: .whitespaces)
        let added = (trimmed.isEmpty || trimmed.hasSuffix(";") ? " " : "; ") + "connect-src 'self'"
        html.insert(contentsOf: Array(added.utf8), at: end)
    }

    /// The first place `needle` (ASCII, matched without case) occurs from `start`.
    static func range(of needle: String, in html: [UInt8], from start: Int = 0) -> Range<Int>? {
        let needle = Array(needle.lowercased().utf8)
        guard !needle.isEmpty, html.count >= needle.count, start <= html.count - needle.count else { return nil }
        func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        for index in start...(html.count - needle.count) where lowered(html[index]) == needle[0] {
            if (1..<needle.count).allSatisfy({ lowered(html[index + $0]) == needle[$0] }) {
                return index..<(index + needle.count)
            }
        }
        return nil
    }

    /// Served at `/_ties/live.js`: takes the token out of the address bar, and reloads the page
    /// when the site's generation is not the page's, told at once on connecting (a change made
    /// while the page loaded) and on every change. EventSource reconnects by itself when the
    /// server restarts.
    static let script = """
        (function () {
          "use strict";
          // The token did its work (the cookie): out of the address bar, history and screen.
          if (/[?&]token=/.test(location.search) && window.history && history.replaceState) {
            history.replaceState(null, "", location.pathname + location.hash);
          }
          var meta = document.querySelector('meta[name="ties-generation"]');
          var mine = meta ? meta.getAttribute("content") : "";
          if (!window.EventSource) return;
          var events = new EventSource("/_ties/events");
          function check(event) { if (event.data && event.data !== mine) { events.close(); location.reload(); } }
          events.addEventListener("hello", check);
          events.onmessage = check;
        })();

        """

    /// Served at `/_ties/live.css`: the banner, above everything, readable in light and dark.
    static let style = """
        .ties-live-banner { position: sticky; top: 0; z-index: 1000; margin: 0; padding: .6rem 1rem;
          background: #fff4e5; color: #4a2500; border-bottom: 2px solid #d9822b; font: 14px/1.4 system-ui, sans-serif;
          max-height: 40vh; overflow: auto; }
        .ties-live-banner h2 { font-size: 15px; margin: 0 0 .3rem; }
        .ties-live-banner ul { margin: 0; padding-left: 1.2rem; }
        .ties-live-banner code { font-weight: 600; }
        .ties-live-banner .ties-live-error .ties-live-severity { color: #b00020; font-weight: 600; }
        .ties-live-banner .ties-live-warning .ties-live-severity { color: #8a5300; font-weight: 600; }
        .ties-live-banner .ties-live-code { opacity: .7; }
        @media (prefers-color-scheme: dark) {
          .ties-live-banner { background: #3a2410; color: #ffe2c2; border-color: #d9822b; }
          .ties-live-banner .ties-live-error .ties-live-severity { color: #ff8a80; }
          .ties-live-banner .ties-live-warning .ties-live-severity { color: #ffcc80; }
        }

        """
}
