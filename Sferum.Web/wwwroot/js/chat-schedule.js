// Messages for later: during the school's quiet hours a teacher is offered to send in the morning, and anyone who may
// post can schedule the composer's text for a chosen time. The server sends it then (an Orleans reminder), even if
// this page is closed.
window.SferumSchedule = (() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  let ctx = null; // { chatId, token, input, newClientId, onError, onNotice, quietEndsAt }

  async function call(method, path, body) {
    const r = await fetch(`/api/chats/${ctx.chatId}/scheduled${path}`, {
      method,
      headers: { "Content-Type": "application/json", RequestVerificationToken: ctx.token },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`HubException: schedule: ${data.detail || t("Common.Failed")}`);
    return data;
  }

  async function schedule(sendAt) {
    const text = ctx.input.value.trim();
    if (!text) { ctx.onNotice(t("Schedule.WriteFirst")); ctx.input.focus(); return; }
    try {
      await call("POST", "", { clientId: ctx.newClientId(), text, sendAt });
      ctx.input.value = "";
      document.getElementById("schedule-form").hidden = true;
      ctx.onNotice(t("Schedule.Scheduled", new Date(sendAt).toLocaleString("ru-RU", { dateStyle: "short", timeStyle: "short" })));
      await load();
    } catch (err) { ctx.onError(err); }
  }

  async function load() {
    const box = document.getElementById("scheduled-box");
    const list = document.getElementById("scheduled");
    if (!list) return;
    const items = await call("GET", "").catch(() => []);
    list.replaceChildren(...items.map((s) => {
      const li = document.createElement("li");
      li.textContent = `${new Date(s.sendAt).toLocaleString("ru-RU", { dateStyle: "short", timeStyle: "short" })}: ${s.text.slice(0, 80)} `;
      const cancel = document.createElement("button");
      cancel.type = "button";
      cancel.className = "link";
      cancel.textContent = t("Schedule.Cancel");
      cancel.addEventListener("click", () => call("DELETE", `/${s.id}`).then(load).catch(ctx.onError));
      li.append(cancel);
      return li;
    }));
    box.hidden = items.length === 0;
  }

  function init(c) {
    ctx = c;
    const form = document.getElementById("schedule-form");
    if (!form) return;
    document.getElementById("schedule-toggle").addEventListener("click", () => { form.hidden = !form.hidden; });
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const value = form.sendAt.value;
      if (value) schedule(new Date(value).toISOString());
    });
    document.getElementById("schedule-morning")?.addEventListener("click", () => schedule(ctx.quietEndsAt));
    load();
  }

  return { init };
})();
