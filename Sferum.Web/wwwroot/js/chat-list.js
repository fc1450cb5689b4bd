// The chat list, live: a new message in any of the person's chats raises its unread badge, shows its first words and
// counts in the tab's title. It reads the chat's own live event: not for the person's own messages, and not while the
// event says the school's quiet hours hold in a chat where the person is a student (data-quiet-hours: they see the new
// messages when they open the list again).
(() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const list = document.getElementById("chat-list");
  if (!list || !window.signalR) return;
  let fresh = 0;
  const title = document.title;
  const me = list.dataset.userId;
  const posted = 0;
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/chat").withAutomaticReconnect().build();
  window.SferumHub = connection; // the layout's badge (js/notifications.js) listens on it too

  connection.on("chatEvent", (e) => {
    const m = e.message;
    if (e.type !== posted || !m || m.authorId === me) return;
    const link = list.querySelector(`a[data-chat-id="${e.chatId}"]`);
    if (!link || (e.quietForStudents && link.dataset.quietHours === "apply")) return;
    let badge = link.querySelector(".unread");
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "unread";
      link.querySelector(".chat-title").after(badge);
    }
    const count = Number(badge.textContent || 0) + 1;
    badge.textContent = String(count);
    badge.setAttribute("aria-label", t("Common.Unread", count));
    const last = link.querySelector(".chat-last");
    const preview = m.text ? (m.text.length > 100 ? m.text.slice(0, 100) + "…" : m.text) : t("ChatList.File");
    if (last) last.textContent = `${m.authorName}: ${preview}`;
    list.prepend(link.closest("li"));
    fresh += 1;
    document.title = `(${fresh}) ${title}`;
  });

  const offline = window.SferumOffline || { connection() {} };
  connection.onreconnecting(() => offline.connection(false));
  connection.onreconnected(() => offline.connection(true));
  connection.onclose(() => offline.connection(false));
  // Without a network the list shown is the copy the service worker kept; the banner says so («Нет сети»).
  connection.start().then(() => { list.dataset.live = "true"; offline.connection(true); }).catch(() => offline.connection(false));
})();
