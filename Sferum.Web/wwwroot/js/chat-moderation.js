// Moderation on the chat page: any member reports a message (reason, comment); the chat's moderators hide a message,
// stop its author from writing for a day, or remove them from the chat. The server checks every right again.
window.SferumModeration = (() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  let ctx = null; // { chatId, token, me, canModerate, onError, onNotice }

  async function post(path, body) {
    const r = await fetch(`/api/chats/${ctx.chatId}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", RequestVerificationToken: ctx.token },
      body: JSON.stringify(body || {}),
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`HubException: moderation: ${data.detail || t("Common.Failed")}`);
    return data;
  }

  function report(m) {
    const dialog = document.getElementById("report-dialog");
    const form = document.getElementById("report-form");
    form.reset();
    dialog.onclose = async () => {
      if (dialog.returnValue !== "send") return;
      try {
        await post(`/messages/${m.seq}/report`, { reason: form.reason.value, comment: form.comment.value });
        ctx.onNotice(t("Moderation.Reported"));
      } catch (err) { ctx.onError(err); }
    };
    dialog.showModal();
  }

  function run(question, action, done) {
    if (!confirm(question)) return;
    action().then(() => done && ctx.onNotice(done)).catch(ctx.onError);
  }

  /** Adds the report and moderation buttons to a message's action bar. */
  function addActions(bar, m, button) {
    if (m.authorId !== ctx.me) bar.append(button(t("Moderation.Report"), () => report(m)));
    if (!ctx.canModerate) return;
    bar.append(button(t("Moderation.Hide"), () => run(t("Moderation.HideQuestion"), () => post(`/messages/${m.seq}/hide`))));
    if (m.authorId !== ctx.me) {
      bar.append(button(t("Moderation.Mute"), () => run(t("Moderation.MuteQuestion", m.authorName),
        () => post(`/members/${m.authorId}/mute`, { hours: 24 }), t("Moderation.Muted", m.authorName))));
      bar.append(button(t("Moderation.Remove"), () => run(t("Moderation.RemoveQuestion", m.authorName),
        () => post(`/members/${m.authorId}/remove`), t("Moderation.Removed", m.authorName))));
    }
  }

  return { init: (c) => { ctx = c; }, addActions };
})();
