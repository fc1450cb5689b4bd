// Pages that follow something running (the system's state, an import being applied) reload themselves every few
// seconds, unless the reader stops it or is typing in a field at that moment (then it waits for the next turn).
(() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const box = document.getElementById("auto-refresh");
  if (!box) return;
  const seconds = Number(box.dataset.seconds) || 30;
  let timer = setTimeout(function reload() {
    const typing = document.activeElement?.matches("input, textarea, select");
    if (typing || document.querySelector("dialog[open]")) { timer = setTimeout(reload, seconds * 1000); return; }
    location.reload();
  }, seconds * 1000);
  document.getElementById("auto-refresh-stop").addEventListener("click", () => {
    clearTimeout(timer);
    box.setAttribute("role", "status");
    box.textContent = t("Refresh.Stopped");
  });
})();
