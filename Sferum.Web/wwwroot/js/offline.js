// On every page: registers the service worker (sw.js), shows «Нет сети» while the device is offline or the page's
// live connection is down, and on sign-out removes what this device kept for the person (cached chats, the outbox)
// before the sign-out form goes: a shared family phone must not show the previous person's chats.
(() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const OUTBOX_PREFIX = "sferum.outbox."; // js/chat-outbox.js
  const banner = document.getElementById("offline-banner");
  let connectionDown = false;

  function update() {
    if (!banner) return;
    const offline = !navigator.onLine || connectionDown;
    // The region stays in the page and only its text changes, so that screen readers announce it.
    banner.textContent = offline ? t("Offline.Banner") : "";
    document.documentElement.dataset.offline = String(offline);
  }

  async function clearDeviceData() {
    Object.keys(localStorage).filter((k) => k.startsWith(OUTBOX_PREFIX)).forEach((k) => localStorage.removeItem(k));
    if (window.caches) {
      for (const name of await caches.keys()) if (name.startsWith("sferum-data-")) await caches.delete(name);
    }
    const worker = navigator.serviceWorker?.controller;
    if (worker) {
      // The worker may be storing a page right now: ask it to clear too, and wait (a second at most).
      await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        worker.postMessage({ type: "sign-out" }, [channel.port2]);
        setTimeout(resolve, 1000);
      });
    }
  }

  window.SferumOffline = {
    /** The page's live connection (SignalR) is up or down. */
    connection(up) { connectionDown = !up; update(); },
    clearDeviceData,
  };

  addEventListener("online", update);
  addEventListener("offline", update);
  update();

  const signOut = document.getElementById("sign-out");
  signOut?.addEventListener("submit", async (ev) => {
    if (signOut.dataset.cleared === "true") return;
    ev.preventDefault();
    await clearDeviceData().catch((err) => console.error("Sferum: device data not cleared", err));
    signOut.dataset.cleared = "true";
    signOut.submit();
  });
  // Signed out by any way (the session ended elsewhere, or expired): nothing of anyone stays either.
  if (document.body.dataset.signedIn === "false") {
    clearDeviceData().catch((err) => console.error("Sferum: device data not cleared", err));
  }

  // The offline fallback page stands in for the page asked for: back online, load that one.
  if (document.getElementById("offline-page")) addEventListener("online", () => location.reload());

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" })
      .catch((err) => console.error("Sferum: service worker not registered", err));
  }
})();
