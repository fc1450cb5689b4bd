// Video meetings inside a chat page: a meeting is announced by a message with a meetingId; its card reads the meeting
// over the JSON API (with this person's own rights) and follows live nudges (chat events of type 102 carry only the
// id). A moderator starts one from the composer; the kind follows the chat (lesson, parent meeting, broadcast, webinar).
window.SferumMeetings = (() => {
  "use strict";
  let ctx = null; // { chatId, token, kind, onError }
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml

  const labels = { Lesson: t("Meetings.Lesson"), ParentMeeting: t("Meetings.ParentMeeting"), Broadcast: t("Meetings.Broadcast"), Webinar: t("Meetings.Webinar") };
  const states = { Scheduled: t("Meetings.Scheduled"), Live: t("Meetings.Live"), Ended: t("Meetings.Ended") };

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function mount(li, meetingId) {
    const card = el("div", "meeting-card");
    card.dataset.meetingId = meetingId;
    card.textContent = t("Meetings.Loading");
    li.append(card);
    // The message's element may not be in the page yet: draw into this card whether or not it is.
    refresh(meetingId, card);
  }

  async function refresh(meetingId, fresh) {
    const cards = [...document.querySelectorAll(`.meeting-card[data-meeting-id="${meetingId}"]`)];
    if (fresh && !cards.includes(fresh)) cards.push(fresh);
    if (cards.length === 0) return;
    const r = await fetch(`/api/meetings/${meetingId}`);
    if (!r.ok) { cards.forEach((c) => { c.textContent = t("Meetings.Unavailable"); }); return; }
    const m = await r.json();
    cards.forEach((card) => draw(card, m));
  }

  function draw(card, m) {
    card.replaceChildren();
    card.append(el("strong", null, t("Meetings.Title", labels[m.kind] || t("Meetings.Meeting"), m.title)));
    const info = [states[m.state] || ""];
    if (m.startsAt && m.state === "Scheduled") info.push(new Date(m.startsAt).toLocaleString("ru-RU", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }));
    if (m.state === "Live") info.push(t("Meetings.Inside", m.participants.filter((p) => p.inside).length));
    card.append(el("p", "muted", info.join(" · ")));
    if (m.recording) card.append(el("p", "recording", t("Meetings.Recording")));
    if (m.state !== "Ended" && (m.state === "Live" || m.isHost)) {
      const join = el("a", "button meeting-join", m.isHost && m.state === "Scheduled" ? t("Meetings.Open") : t("Meetings.Join"));
      join.href = `/Meetings/${m.meetingId}`;
      card.append(join);
    }
    if (m.state === "Ended" && m.recordingStatus === "Processing") card.append(el("p", "muted", t("Meetings.RecordingProcessing")));
    // Only the host is told why (the problem is null for everyone else).
    if (m.state === "Ended" && m.recordingStatus === "Failed" && m.recordingProblem) card.append(el("p", "recording-problem", m.recordingProblem));
  }

  // The host names the meeting, starts it now or plans it (the browser's local time, sent as an instant), and may
  // have it recorded from the start.
  function composer(newClientId) {
    const button = document.getElementById("meeting-start");
    const dialog = document.getElementById("meeting-dialog");
    if (!button || !dialog) return;
    const form = document.getElementById("meeting-form");
    form.startsAt.addEventListener("input", () => { form.when.value = "later"; });
    button.addEventListener("click", () => {
      form.startsAt.value = "";
      form.when.value = "now";
      dialog.showModal();
    });
    dialog.addEventListener("close", async () => {
      if (dialog.returnValue !== "start") return;
      const planned = form.when.value === "later";
      if (planned && !form.startsAt.value) { ctx.onError(new Error(`HubException: meeting: ${t("Meetings.NoDate")}`)); return; }
      const body = { clientId: newClientId(), kind: ctx.kind, title: form.title.value, record: form.record.checked };
      if (planned) body.startsAt = new Date(form.startsAt.value).toISOString();
      const r = await fetch(`/api/chats/${ctx.chatId}/meetings`, {
        method: "POST",
        headers: { "Content-Type": "application/json", RequestVerificationToken: ctx.token },
        body: JSON.stringify(body),
      });
      const data = await r.json().catch(() => ({}));
      if (!r.ok) { ctx.onError(new Error(`HubException: meeting: ${data.detail || t("Meetings.StartFailed")}`)); return; }
      // A planned meeting's card appears in the chat; a meeting that starts now opens at once.
      if (!planned) location.href = `/Meetings/${data.meetingId}`;
    });
  }

  return {
    init(context, newClientId) { ctx = context; composer(newClientId); },
    mount,
    refresh,
  };
})();
