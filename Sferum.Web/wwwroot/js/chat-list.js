// The chat list, live: a new message in any of the person's chats raises its unread badge, shows its first words and
// counts in the tab's title. The server sends no such notification to students during the school's quiet hours; they
// see the new messages when they open the list again.
(() => {
  "use strict";
  const list = document.getElementById("chat-list");
  if (!list || !window.signalR) return;
  let fresh = 0;
  const title = document.title;
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/chat").withAutomaticReconnect().build();

  connection.on("notify", (n) => {
    const link = list.querySelector(`a[data-chat-id="${n.chatId}"]`);
    if (!link) return;
    let badge = link.querySelector(".unread");
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "unread";
      link.querySelector(".chat-title").after(badge);
    }
    const count = Number(badge.textContent || 0) + 1;
    badge.textContent = String(count);
    badge.setAttribute("aria-label", `непрочитанных: ${count}`);
    const last = link.querySelector(".chat-last");
    if (last) last.textContent = `${n.authorName}: ${n.preview}`;
    list.prepend(link.closest("li"));
    fresh += 1;
    document.title = `(${fresh}) ${title}`;
  });

  connection.start().then(() => { list.dataset.live = "true"; }).catch(() => {});
})();
