// Video meetings inside a chat page: a meeting is announced by a message with a meetingId; its card reads the meeting
// over the JSON API (with this person's own rights) and follows live nudges (chat events of type 102 carry only the
// id). A moderator starts one from the composer; the kind follows the chat (lesson, parent meeting, broadcast, webinar).
window.SferumMeetings = (() => {
  "use strict";
  let ctx = null; // { chatId, token, kind, onError }

  const labels = { Lesson: "Урок", ParentMeeting: "Родительское собрание", Broadcast: "Трансляция", Webinar: "Вебинар" };
  const states = { Scheduled: "запланирована", Live: "идёт сейчас", Ended: "закончилась" };

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function mount(li, meetingId) {
    const card = el("div", "meeting-card");
    card.dataset.meetingId = meetingId;
    card.textContent = "Встреча загружается…";
    li.append(card);
    refresh(meetingId);
  }

  async function refresh(meetingId) {
    const cards = document.querySelectorAll(`.meeting-card[data-meeting-id="${meetingId}"]`);
    if (cards.length === 0) return;
    const r = await fetch(`/api/meetings/${meetingId}`);
    if (!r.ok) { cards.forEach((c) => { c.textContent = "Встреча недоступна."; }); return; }
    const m = await r.json();
    cards.forEach((card) => draw(card, m));
  }

  function draw(card, m) {
    card.replaceChildren();
    card.append(el("strong", null, `${labels[m.kind] || "Встреча"}: ${m.title}`));
    const info = [states[m.state] || ""];
    if (m.startsAt && m.state === "Scheduled") info.push(new Date(m.startsAt).toLocaleString("ru-RU", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }));
    if (m.state === "Live") info.push(`внутри: ${m.participants.filter((p) => p.inside).length}`);
    card.append(el("p", "muted", info.join(" · ")));
    if (m.recording) card.append(el("p", "recording", "● Идёт запись"));
    if (m.state !== "Ended" && (m.state === "Live" || m.isHost)) {
      const join = el("a", "button meeting-join", m.isHost && m.state === "Scheduled" ? "Открыть встречу" : "Присоединиться");
      join.href = `/Meetings/${m.meetingId}`;
      card.append(join);
    }
    if (m.state === "Ended" && m.recordingStatus === "Processing") card.append(el("p", "muted", "Запись обрабатывается и появится в материалах чата."));
  }

  function composer(newClientId) {
    const button = document.getElementById("meeting-start");
    if (!button) return;
    button.addEventListener("click", async () => {
      const title = prompt(`${labels[ctx.kind]}: название`, labels[ctx.kind]);
      if (title === null) return;
      const r = await fetch(`/api/chats/${ctx.chatId}/meetings`, {
        method: "POST",
        headers: { "Content-Type": "application/json", RequestVerificationToken: ctx.token },
        body: JSON.stringify({ clientId: newClientId(), kind: ctx.kind, title }),
      });
      const data = await r.json().catch(() => ({}));
      if (!r.ok) { ctx.onError(new Error(`HubException: meeting: ${data.detail || "Не получилось начать встречу."}`)); return; }
      location.href = `/Meetings/${data.meetingId}`;
    });
  }

  return {
    init(context, newClientId) { ctx = context; composer(newClientId); },
    mount,
    refresh,
  };
})();
