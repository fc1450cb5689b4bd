// "Мои данные": while an archive is being prepared, its line follows the job (the page reloads once it is ready,
// so the download link comes from the server); after a download the line says the archive is gone.
(() => {
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const busy = () => document.querySelectorAll('.export[data-status="Queued"], .export[data-status="Running"]');
  const follow = async () => {
    if (busy().length === 0) return;
    const response = await fetch("/api/personal-data/exports", { headers: { Accept: "application/json" } });
    if (response.ok) {
      const exports = await response.json();
      for (const e of exports) {
        const line = document.querySelector(`.export[data-export="${e.exportId}"]`);
        if (!line || line.dataset.status === e.status) {
          const bar = line?.querySelector("progress");
          if (bar) bar.value = e.percent;
          continue;
        }
        location.reload();
        return;
      }
    }
    setTimeout(follow, 1000);
  };
  setTimeout(follow, 1000);
  document.addEventListener("click", (event) => {
    const link = event.target.closest(".export-download");
    if (!link) return;
    setTimeout(() => {
      const line = link.closest(".export");
      line.dataset.status = "Downloaded";
      line.querySelector(".export-state").textContent = t("Export.Downloaded");
      link.remove();
    }, 0);
  });
})();
