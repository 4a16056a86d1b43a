/// The one script of the site, served at `/officer.js` (so the Content-Security-Policy allows
/// no inline script): on officer pages, two minutes before the idle time-out a dialog offers to
/// continue (which renews the session); at the time-out the page goes to the log-in form.
package enum OfficerScript {
    package static let source = """
    (function () {
      var body = document.body, idle = Number(body.getAttribute("data-idle-seconds"));
      var dialog = document.getElementById("idle-warning");
      if (!idle || !dialog || typeof dialog.showModal !== "function") return;
      var csrf = body.getAttribute("data-csrf"), last = Date.now();
      document.getElementById("idle-continue").addEventListener("click", function () {
        fetch("\(SiteURL.keepalive.path)", { method: "POST", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" })
          .then(function (r) { if (r.ok) { last = Date.now(); dialog.close(); } else { location.reload(); } });
      });
      setInterval(function () {
        var elapsed = (Date.now() - last) / 1000;
        if (elapsed >= idle) {
          location.href = "\(SiteURL.login.path)?expired=1&next=" + encodeURIComponent(location.pathname);
        } else if (elapsed >= idle - 120 && !dialog.open) {
          dialog.showModal();
        }
      }, 5000);
    })();
    """
}
