// ties: opens the pages of an encrypted build (ties build --encrypt; docs/SECURITY.md). Kept apart
// from script.js, so that a journal's own script.js can never lock its owner out.
//
// Every page of such a build is a password form and the page, sealed with AES-256-GCM. The key
// comes from the password with PBKDF2-HMAC-SHA256, in the browser's own WebCrypto; it is kept in
// sessionStorage until the browser session ends or "Lock" is used.
(function () {
  "use strict";
  var KEY = "ties-key";
  var bytes = function (base64) {
    var text = atob(base64);
    var array = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) array[i] = text.charCodeAt(i);
    return array;
  };
  var openWith = function (raw, sealed) {
    var data = bytes(sealed);
    return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]).then(function (key) {
      return crypto.subtle.decrypt({ name: "AES-GCM", iv: data.slice(0, 12) }, key, data.slice(12));
    }).then(function (plain) { return new TextDecoder().decode(plain); });
  };
  var storedKey = function () {
    try { return sessionStorage.getItem(KEY); } catch (error) { return null; }
  };

  // For script.js: what else is sealed (the search index), and the Lock link.
  window.tiesOpenSealed = function (sealed) {
    var key = storedKey();
    return key ? openWith(bytes(key), sealed) : Promise.reject(new Error("locked"));
  };
  window.tiesLock = function () {
    try { sessionStorage.removeItem(KEY); } catch (error) { /* nothing kept */ }
  };

  var form = document.getElementById("ties-unlock");
  if (!form) return;
  var sealed = document.getElementById("ties-sealed").getAttribute("data-sealed");
  var message = document.getElementById("ties-unlock-message");
  var show = function (html) { document.open(); document.write(html); document.close(); };
  if (storedKey()) {
    openWith(bytes(storedKey()), sealed).then(show, window.tiesLock);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    message.textContent = "";
    var password = new TextEncoder().encode(document.getElementById("ties-password").value);
    crypto.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]).then(function (base) {
      return crypto.subtle.deriveBits({
        name: "PBKDF2", salt: bytes(form.getAttribute("data-salt")),
        iterations: Number(form.getAttribute("data-iterations")), hash: "SHA-256"
      }, base, 256);
    }).then(function (bits) {
      var raw = new Uint8Array(bits);
      return openWith(raw, sealed).then(function (html) {
        try { sessionStorage.setItem(KEY, btoa(String.fromCharCode.apply(null, raw))); } catch (error) { /* private mode */ }
        show(html);
      });
    }).catch(function () { message.textContent = form.getAttribute("data-wrong"); });
  });
})();
