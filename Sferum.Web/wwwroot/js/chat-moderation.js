// Moderation on the chat page: any member reports a message (reason, comment); the chat's moderators hide a message,
// stop its author from writing for a day, or remove them from the chat. The server checks every right again.
window.SferumModeration = (() => {
  "use strict";
  let ctx = null; // { chatId, token, me, canModerate, onError, onNotice }

  async function post(path, body) {
    const r = await fetch(`/api/chats/${ctx.chatId}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", RequestVerificationToken: ctx.token },
      body: JSON.stringify(body || {}),
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`HubException: moderation: ${data.detail || "Не получилось."}`);
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
        ctx.onNotice("Жалоба отправлена. Спасибо: её рассмотрят учителя или администрация школы.");
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
    if (m.authorId !== ctx.me) bar.append(button("Пожаловаться", () => report(m)));
    if (!ctx.canModerate) return;
    bar.append(button("Скрыть", () => run("Скрыть сообщение от всех участников?", () => post(`/messages/${m.seq}/hide`))));
    if (m.authorId !== ctx.me) {
      bar.append(button("Запретить писать на сутки", () => run(`Запретить ${m.authorName} писать в этот чат 24 часа?`,
        () => post(`/members/${m.authorId}/mute`, { hours: 24 }), `${m.authorName} не сможет писать в этот чат 24 часа.`)));
      bar.append(button("Удалить из чата", () => run(`Удалить ${m.authorName} из этого чата?`,
        () => post(`/members/${m.authorId}/remove`), `${m.authorName} удалён(а) из чата.`)));
    }
  }

  return { init: (c) => { ctx = c; }, addActions };
})();
