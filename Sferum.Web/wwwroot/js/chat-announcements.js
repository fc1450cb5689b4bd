// Announcements that members confirm («ознакомлен»): a member's one-tap button, and for the author and teachers the
// list of who confirmed (per child in a parents' chat) with a reminder to those who have not.
window.SferumAnnouncements = (() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  let ctx = null; // { chatId, token, me, canModerate, onError }

  const call = (path, post) => fetch(`/api/chats/${ctx.chatId}/announcements${path}`, post ? {
    method: "POST",
    headers: { "Content-Type": "application/json", RequestVerificationToken: ctx.token },
    body: JSON.stringify(post),
  } : {}).then(async (r) => {
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`HubException: announcement: ${data.detail || t("Common.Failed")}`);
    return data;
  });

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function mount(li, m) {
    const box = el("div", "announcement");
    box.append(el("p", "muted", t("Announce.Prompt")));
    if (m.authorId !== ctx.me) {
      const ack = el("button", "ack", t("Announce.Ack"));
      ack.type = "button";
      ack.addEventListener("click", async () => {
        try { await call(`/${m.seq}/ack`, {}); done(ack); } catch (err) { ctx.onError(err); }
      });
      box.append(ack);
      call(`/${m.seq}/ack`).then((s) => { if (s.acknowledged) done(ack); }).catch(() => {});
    }
    if (m.authorId === ctx.me || ctx.canModerate) {
      const report = el("div", "ack-report");
      const show = el("button", "link", t("Announce.WhoConfirmed"));
      show.type = "button";
      show.addEventListener("click", () => loadReport(m, report));
      box.append(show, report);
    }
    li.append(box);
  }

  function done(button) {
    button.disabled = true;
    button.textContent = t("Announce.YouConfirmed");
  }

  async function loadReport(m, box) {
    try {
      const r = await call(`/${m.seq}/report`);
      const missing = r.rows.filter((x) => !x.confirmed);
      // Counted by the total: after «из» Russian takes the genitive («из 21 участника», «из 3 участников»).
      const confirmed = t.plural(r.perChild ? "Announce.ConfirmedPupils" : "Announce.ConfirmedMembers", r.rows.length, r.rows.length - missing.length);
      box.replaceChildren(el("p", "", r.className ? t("Announce.OfClass", r.className, confirmed) : confirmed));
      if (missing.length) {
        box.append(el("p", "muted ack-missing", t("Announce.NotConfirmed", missing.map((x) => x.name).join(", "))));
        const remind = el("button", "link", t("Announce.Remind"));
        remind.type = "button";
        remind.addEventListener("click", async () => {
          try {
            const res = await call(`/${m.seq}/remind`, {});
            box.append(el("p", "muted", res.notReached.length ? t("Announce.RemindedSome", res.reminded, res.notReached.join("; ")) : t("Announce.Reminded", res.reminded)));
          } catch (err) { ctx.onError(err); }
        });
        box.append(remind);
      }
    } catch (err) { ctx.onError(err); }
  }

  // Posting: the composer's checkbox (teachers and admins) sends through the JSON API instead of the hub.
  async function post(clientId, text) {
    return call("/", { clientId, text });
  }

  return { init(context) { ctx = context; }, mount, post };
})();
