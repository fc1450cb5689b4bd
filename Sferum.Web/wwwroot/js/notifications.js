// The notification badge of every page, live, and the device's own notifications. Pushes arrive as "notification"
// on the chat hub: on a chat page over that page's connection (window.SferumHub), elsewhere over a connection of its
// own that asks for notifications only. While the tab is hidden, a new mention or direct message also shows a system
// notification (Notification API) — only if the person allowed it with the button on «Уведомления», never asked on
// its own; during the school's quiet hours a push is not "live" and nothing pings.
window.SferumNotify = (() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const badge = document.getElementById("notify-badge");
  const link = document.getElementById("notifications-link");
  const Kind = { Mention: 0, Reply: 1, Announcement: 2, PollClosing: 3, MeetingStarted: 4, InvitationApproved: 5, DirectMessage: 6 };
  const labels = [t("Notify.Mention"), t("Notify.Reply"), t("Notify.Announcement"), t("Notify.PollClosing"),
    t("Notify.MeetingStarted"), t("Notify.InvitationApproved"), t("Notify.DirectMessage")];
  const deviceAsks = () => "Notification" in window;
  const signalrUrl = document.currentScript?.dataset.signalr || "/lib/signalr/signalr.min.js";

  function href(n) {
    if (n.meetingId) return `/Meetings/${n.meetingId}`;
    if (n.chatId && n.seq) return `/Chats/${n.chatId}#seq-${n.seq}`;
    return n.chatId ? `/Chats/${n.chatId}` : "/Chats";
  }

  function setCount(count) {
    if (!badge) return;
    badge.textContent = count > 99 ? "99+" : String(count);
    badge.setAttribute("aria-label", t("Common.Unread", count));
    badge.hidden = count <= 0;
    if (link) link.dataset.unread = String(count);
  }

  function onPush(push) {
    setCount(push.unread);
    const n = push.notification;
    if (!n) return;
    document.dispatchEvent(new CustomEvent("sferum:notification", { detail: push }));
    if (push.live) showOnDevice(n);
  }

  // Only for what calls the person directly, only while the tab is hidden, only when allowed.
  function showOnDevice(n) {
    if (document.visibilityState !== "hidden" || (n.kind !== Kind.Mention && n.kind !== Kind.DirectMessage)) return;
    if (!deviceAsks() || Notification.permission !== "granted") return;
    const title = n.kind === Kind.DirectMessage ? n.actorName : `${n.actorName} · ${n.title}`;
    const note = new Notification(title, { body: n.text || labels[n.kind], tag: n.id, icon: "/icons/icon-192.png", lang: "ru" });
    note.onclick = () => { window.focus(); location.href = href(n); note.close(); };
  }

  let attached = null;
  function attach(connection) {
    if (attached === connection) return;
    attached = connection;
    connection.on("notification", onPush);
    // Back after a lost connection: the count may have moved meanwhile.
    connection.onreconnected(() => connection.invoke("Notifications").then((c) => setCount(c.unread)).catch(() => {}));
  }

  function ownConnection() {
    const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/chat?scope=notifications").withAutomaticReconnect().build();
    attach(connection);
    connection.start().then(() => { document.body.dataset.notifyLive = "true"; }).catch(() => {});
  }

  // A meeting's page on a wide screen holds its chat in a frame of the same origin (js/meeting.js marks it), whose
  // connection carries the notifications too: the badge listens there rather than opening a second connection (and
  // loading SignalR a second time) per person.
  const chatFrame = document.querySelector("iframe[data-badge-hub='true']");
  const onFrame = () => {
    const hub = chatFrame.contentWindow?.SferumHub; // none in the blank frame before its page is set
    if (!hub) return;
    attach(hub);
    document.body.dataset.notifyLive = "true";
  };

  if (window.SferumHub) {
    attach(window.SferumHub);
    document.body.dataset.notifyLive = "true";
  } else if (chatFrame) {
    // meeting.js sets the frame's page after this page's load: each load of it (a reload too) brings a new connection.
    chatFrame.addEventListener("load", onFrame);
  } else if (window.signalR) {
    ownConnection();
  } else if (badge) {
    // Pages that are not chats do not load the SignalR client themselves. The badge's count came with the page, so
    // its live updates wait until the page has loaded: on a phone the client's parsing is not in the page's way.
    const load = () => {
      const script = document.createElement("script");
      script.src = signalrUrl;
      script.onload = ownConnection;
      document.head.append(script);
    };
    if (document.readyState === "complete") load();
    else window.addEventListener("load", () => setTimeout(load, 0), { once: true });
  }

  // The centre's page: the device's permission (asked only on this button), new items live, read on opening.
  const deviceBox = document.getElementById("device-notifications");
  if (deviceBox) {
    const status = document.getElementById("device-status");
    const ask = document.getElementById("device-permission");
    const show = () => {
      if (!deviceAsks()) { status.textContent = t("Notify.Unsupported"); ask.hidden = true; return; }
      const p = Notification.permission;
      status.textContent = p === "granted" ? t("Notify.Granted")
        : p === "denied" ? t("Notify.Denied")
        : t("Notify.Ask");
      ask.hidden = p !== "default";
    };
    ask.addEventListener("click", () => Notification.requestPermission().then(show, show));
    show();
  }

  const centre = document.getElementById("notifications");
  if (centre) {
    const token = document.querySelector("input[name=__RequestVerificationToken]")?.value;
    document.addEventListener("sferum:notification", (e) => {
      const n = e.detail.notification;
      if (n.kind === Kind.DirectMessage) return; // in «Чаты», not in the centre
      const li = document.createElement("li");
      li.className = "notification unread-item";
      li.dataset.id = n.id;
      const a = document.createElement("a");
      a.className = "notification-link";
      a.href = href(n);
      const kind = document.createElement("span");
      kind.className = "notification-kind";
      kind.textContent = labels[n.kind] || t("Notify.Other");
      const where = document.createElement("span");
      where.className = "notification-where muted";
      where.textContent = `${n.title} · ${n.actorName}`;
      a.append(kind, where);
      if (n.text) {
        const text = document.createElement("span");
        text.className = "notification-text";
        text.textContent = n.text;
        a.append(text);
      }
      li.append(a);
      centre.prepend(li);
      document.getElementById("no-notifications").hidden = true;
    });
    // Opening one marks it read (the request outlives the page it leaves).
    centre.addEventListener("click", (e) => {
      const item = e.target.closest("a.notification-link")?.closest("li");
      if (!item || !item.classList.contains("unread-item") || !token) return;
      const body = new FormData();
      body.append("__RequestVerificationToken", token);
      fetch(`/Notifications?handler=Read&id=${encodeURIComponent(item.dataset.id)}`, { method: "POST", body, keepalive: true });
    });
  }

  return { href, attach };
})();
