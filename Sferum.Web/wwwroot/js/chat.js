// One chat over SignalR. The chat's log is the truth: every event has a gapless sequence number; the page applies
// events in order, and whenever it sees a gap or comes back after a lost connection it asks the server for what it
// missed (Catchup). Messages are keyed by their own sequence number, so an event applied twice changes nothing.
(() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const root = document.getElementById("chat");
  if (!root) return;
  const chatId = root.dataset.chatId;
  const me = root.dataset.userId;
  const canModerate = root.dataset.canModerate === "true";
  const pinnedBox = document.getElementById("pinned");
  const list = document.getElementById("messages");
  const status = document.getElementById("status");
  const older = document.getElementById("older");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const replyBox = document.getElementById("reply-to");
  // The skip link lands in the composer itself (a fragment alone would only move the reading position).
  document.getElementById("skip-to-composer")?.addEventListener("click", (e) => { e.preventDefault(); input?.focus(); });
  // Each reaction with the name a screen reader says (an emoji alone is read out in the browser's language).
  // Times read in the school's time zone (a parent away on a trip still sees the lesson's «14:05»); one formatter for
  // the whole history, because building one per message is a visible cost on a phone.
  const timeFormat = (() => {
    try { return new Intl.DateTimeFormat("ru-RU", { hour: "2-digit", minute: "2-digit", timeZone: root.dataset.timeZone || undefined }); }
    catch { return new Intl.DateTimeFormat("ru-RU", { hour: "2-digit", minute: "2-digit" }); } // a zone this browser does not know
  })();
  const reactions = [["👍", t("Chat.Like")], ["❤️", t("Chat.Heart")], ["😂", t("Chat.Funny")], ["😮", t("Chat.Wow")], ["😢", t("Chat.Sad")], ["🙏", t("Chat.Thanks")]];

  let lastSeq = 0;          // the last log entry applied
  let oldestSeq = null;     // the oldest message shown (for paging back)
  let loaded = false;       // events arriving before the first page are buffered
  let buffered = [];
  let catchingUp = false;
  let replyTo = null;
  const pending = new Map(); // clientId -> { text, replyTo, files, ack }: written, not acknowledged yet
  const offline = window.SferumOffline || { connection() {} };
  const connected = () => connection.state === signalR.HubConnectionState.Connected;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/chat")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 15000, 30000])
    // A phone that lost its network notices within 15 s (the server pings every 5 s) and then catches up.
    .withServerTimeout(15000)
    .withKeepAliveInterval(5000)
    .build();
  // The layout's badge (js/notifications.js) listens on this same connection.
  window.SferumHub = connection;

  connection.on("chatEvent", (e) => {
    if (e.chatId !== chatId) return;
    if (!loaded) { buffered.push(e); return; }
    onEvent(e);
  });
  connection.on("chatRemoved", (id) => {
    if (id !== chatId) return;
    setStatus(t("Chat.NotMember"));
    if (form) form.hidden = true;
  });
  connection.onreconnecting(() => { setStatus(t("Chat.Reconnecting")); offline.connection(false); });
  connection.onreconnected(async () => {
    setStatus("");
    offline.connection(true);
    await connection.invoke("Open", chatId).catch(showError);
    await catchUp();
    await resendPending();
  });
  // The automatic reconnection gave up (a phone offline for minutes): keep trying, slower, so that the outbox still
  // goes when the network comes back.
  connection.onclose(() => {
    setStatus(t("Chat.Reconnecting"));
    offline.connection(false);
    retry();
  });
  // Back online while the connection survived: what waits in the outbox goes now.
  addEventListener("online", () => { if (connected()) resendPending(); });

  function setStatus(text) { status.textContent = text; }
  function showError(err) { setStatus(friendly(err)); }
  function friendly(err) {
    const text = String(err && err.message || err);
    const m = text.match(/HubException: [\w.-]+: (.*)$/);
    return m ? m[1] : t("Chat.Failed");
  }

  // Live delivery is best effort (a restarted server can lose a stream subscription without telling anyone). When
  // nothing has arrived for a while, ask the log: whatever was missed shows up within 20 s at the latest.
  let lastHeard = Date.now();
  setInterval(() => {
    if (loaded && connection.state === signalR.HubConnectionState.Connected && Date.now() - lastHeard > 20000
        && document.visibilityState === "visible") {
      lastHeard = Date.now();
      catchUp();
    }
  }, 5000);

  function onEvent(e) {
    lastHeard = Date.now();
    if (e.type === 101) { if (e.poll) SferumPolls.update(e.poll); return; } // poll results: not in the log
    if (e.type === 102) { if (e.meeting) SferumMeetings.refresh(e.meeting); return; } // a meeting's card changed
    if (e.seq <= lastSeq) return;                 // already applied
    if (e.seq > lastSeq + 1) { catchUp(); return; } // a gap: fetch from the log
    apply(e);
  }

  function apply(e) {
    if (e.message) render(e.message);
    if (e.type === 4 || ((e.type === 2 || e.type === 5) && e.message && pinnedBox.querySelector(`[data-seq="${e.message.seq}"]`))) loadPinned(); // 5: hidden by a moderator
    lastSeq = e.seq;
    markRead();
  }

  async function catchUp() {
    if (catchingUp) return;
    catchingUp = true;
    try {
      for (;;) {
        const events = await connection.invoke("Catchup", chatId, lastSeq);
        for (const e of events) if (e.seq === lastSeq + 1) apply(e);
        if (events.length < 500) break;
      }
    } catch (err) {
      showError(err);
    } finally {
      catchingUp = false;
    }
  }

  // quiet: a page of history is rendered at once and scrolled once at its end, not message by message (each
  // scrollIntoView forces a layout: fifty of them were the page's longest task on a phone).
  function render(m, quiet) {
    const existing = list.querySelector(`li[data-seq="${m.seq}"]`);
    const li = document.createElement("li");
    li.dataset.seq = m.seq;
    li.id = `seq-${m.seq}`; // a notification links here (/Chats/{id}#seq-N)
    li.className = "message" + (m.authorId === me ? " mine" : "") + (m.deleted ? " deleted" : "");
    const author = document.createElement("span");
    author.className = "author";
    author.textContent = m.authorName;
    const time = document.createElement("time");
    time.dateTime = m.at;
    time.textContent = timeFormat.format(new Date(m.at)) + (m.editedAt ? t("Chat.Edited") : "");
    li.append(author, " ", time);
    if (m.replyTo) {
      const quoted = list.querySelector(`li[data-seq="${m.replyTo}"] .text`);
      const q = document.createElement("blockquote");
      q.textContent = quoted ? quoted.textContent.slice(0, 120) : t("Chat.QuotedAbove");
      li.append(q);
    }
    const text = document.createElement("p");
    text.className = "text";
    text.textContent = m.hidden ? t("Chat.Hidden") : m.deleted ? t("Chat.Deleted") : (m.text || ""); // text, never HTML
    li.append(text);
    if (m.pollId && !m.deleted) SferumPolls.mount(li, m.pollId);
    if (m.meetingId && !m.deleted) SferumMeetings.mount(li, m.meetingId);
    if (m.requiresAck && !m.deleted) SferumAnnouncements.mount(li, m);
    (m.attachments || []).forEach((a, i) => {
      const link = document.createElement("a");
      link.className = "file";
      link.href = `/api/chats/${chatId}/messages/${m.seq}/files/${i}`;
      link.textContent = t("Chat.Attachment", a.fileName, Math.max(1, Math.round(a.size / 1024)));
      li.append(link);
    });
    if (!m.deleted) li.append(actions(m));
    if (m.authorId === me && !m.deleted) {
      const receipt = document.createElement("button");
      receipt.type = "button";
      receipt.className = "link receipt muted";
      receipt.textContent = t("Chat.WhoRead");
      receipt.addEventListener("click", async () => {
        const r = await connection.invoke("Receipt", chatId, m.seq).catch(showError);
        if (r) receipt.textContent = t("Chat.ReadBy", r.readBy, r.of);
      });
      li.append(receipt);
    }
    if (existing) { existing.replaceWith(li); return; }
    if (m.clientId && pending.has(m.clientId)) acknowledged(m.clientId);
    const after = [...list.querySelectorAll("li[data-seq]")].find((x) => Number(x.dataset.seq) > m.seq);
    list.insertBefore(li, after || list.querySelector("li.pending"));
    if (oldestSeq === null || m.seq < oldestSeq) oldestSeq = m.seq;
    if (!after && !quiet) scrollToEnd();
  }

  // To the page's end rather than the last message's: the composer sits after the list and sticks to the bottom, so
  // scrolling a message to the window's edge would leave it (and its buttons) under the composer.
  function scrollToEnd() {
    window.scrollTo({ top: document.documentElement.scrollHeight });
  }

  function actions(m) {
    const bar = document.createElement("div");
    bar.className = "actions";
    // Reactions already given show with their counts; the others wait behind one «Реакция» button (six empty emoji
    // under every message were most of a long chat's buttons, and its slowest part to lay out on a phone).
    const counts = m.reactions || {};
    const reactionButton = ([emoji, name]) => {
      const users = counts[emoji] || [];
      const mine = users.includes(me);
      const b = button(users.length ? `${emoji} ${users.length}` : emoji, () =>
        connection.invoke("React", chatId, m.seq, emoji, !mine).catch(showError));
      b.className = "reaction" + (mine ? " on" : "");
      b.setAttribute("aria-pressed", String(mine));
      b.setAttribute("aria-label", users.length ? `${name}: ${users.length}` : name);
      return b;
    };
    for (const r of reactions) if ((counts[r[0]] || []).length) bar.append(reactionButton(r));
    if (form) {
      const more = button(t("Chat.React"), () => {
        more.setAttribute("aria-expanded", "true");
        more.replaceWith(...reactions.filter((r) => !(counts[r[0]] || []).length).map(reactionButton));
        bar.querySelector(".reaction:not([aria-pressed='true'])")?.focus();
      });
      more.setAttribute("aria-expanded", "false");
      bar.append(more);
    }
    if (form) bar.append(button(t("Chat.Reply"), () => startReply(m)));
    if (m.authorId === me && !m.pollId && !m.meetingId) {
      bar.append(button(t("Chat.Edit"), () => {
        const text = prompt(t("Chat.NewText"), m.text);
        if (text && text.trim()) connection.invoke("Edit", chatId, m.seq, text).catch(showError);
      }));
    }
    if (canModerate) {
      bar.append(button(m.pinned ? t("Chat.Unpin") : t("Chat.Pin"), () =>
        connection.invoke("Pin", chatId, m.seq, !m.pinned).catch(showError)));
    }
    bar.append(button(t("Chat.Delete"), () => {
      if (confirm(t("Chat.DeleteQuestion"))) connection.invoke("Delete", chatId, m.seq).catch(showError);
    }));
    SferumModeration.addActions(bar, m, button);
    return bar;
  }

  function button(label, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "link";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function startReply(m) {
    replyTo = m.seq;
    replyBox.hidden = false;
    replyBox.textContent = t("Chat.ReplyTo", (m.text || "").slice(0, 80));
    replyBox.append(button("✕", () => { replyTo = null; replyBox.hidden = true; }));
    input.focus();
  }

  function newClientId() {
    return (crypto.randomUUID && crypto.randomUUID()) || `${Date.now()}-${Math.random().toString(16).slice(2)}`;
  }

  const fileInput = document.getElementById("attach");
  const token = root.querySelector("input[name=__RequestVerificationToken]")?.value;
  SferumPolls.init({ chatId, token, onError: showError }, newClientId);
  SferumMeetings.init({ chatId, token, kind: root.dataset.meetingKind, onError: showError }, newClientId);
  SferumAnnouncements.init({ chatId, token, me, canModerate, onError: showError });
  SferumModeration.init({ chatId, token, me, canModerate, onError: showError, onNotice: setStatus });
  SferumMentions.init({ chatId, input });
  SferumSchedule.init({ chatId, token, input, newClientId, onError: showError, onNotice: setStatus, quietEndsAt: root.dataset.quietEndsAt });
  const ackBox = document.getElementById("requires-ack");

  async function upload(file) {
    const body = new FormData();
    body.append("file", file);
    const response = await fetch(`/api/chats/${chatId}/files`, { method: "POST", body, headers: { RequestVerificationToken: token } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(`HubException: file: ${problem.detail || t("Chat.FileFailed")}`);
    }
    return response.json();
  }

  async function send(clientId, text, reply, files, ack, mentions) {
    try {
      const m = ack
        ? await SferumAnnouncements.post(clientId, text)
        : mentions && mentions.length
        ? await connection.invoke("SendMentioning", chatId, clientId, text, reply,
            files && files.length ? await Promise.all(files.map(upload)) : null, mentions)
        : files && files.length
        ? await connection.invoke("SendWithFiles", chatId, clientId, text, reply, await Promise.all(files.map(upload)))
        : await connection.invoke("Send", chatId, clientId, text, reply);
      render(m);
    } catch (err) {
      const li = list.querySelector(`li[data-client-id="${CSS.escape(clientId)}"]`);
      // The database or a server was away: the message may or may not be stored. It stays here and goes again with
      // the same client id, which never makes a copy. A refusal (not a member, too long, too many) is final.
      const transient = /message\.(not-saved|unconfirmed)|database\.unavailable|unexpected error/i.test(String(err?.message ?? err));
      if (connected() && !transient) {
        acknowledged(clientId);
        showError(err);
        return;
      }
      if (li) li.querySelector(".state").textContent = navigator.onLine ? t("Chat.WillRetry") : t("Chat.Waiting");
      if (connected()) {
        setTimeout(() => { if (pending.has(clientId)) send(clientId, text, reply, files, ack, mentions); }, 2000);
      }
    }
  }

  // Once per return of the connection: each waiting message goes in the order written, with its own client id.
  let resending = false;
  async function resendPending() {
    if (resending || !connected()) return;
    resending = true;
    try {
      for (const [clientId, p] of [...pending]) {
        if (pending.has(clientId) && connected()) await send(clientId, p.text, p.replyTo, p.files, p.ack, p.mentions);
      }
    } finally {
      resending = false;
    }
  }

  // The chat has the message (or refused it for good): it leaves the page's list of waiting ones and the outbox.
  function acknowledged(clientId) {
    pending.delete(clientId);
    SferumOutbox.remove(me, clientId);
    list.querySelector(`li[data-client-id="${CSS.escape(clientId)}"]`)?.remove();
  }

  function showPending(clientId, text, state) {
    const li = document.createElement("li");
    li.className = "message mine pending";
    li.dataset.clientId = clientId;
    const p = document.createElement("p");
    p.className = "text";
    p.textContent = text;
    const note = document.createElement("span");
    note.className = "state muted";
    note.textContent = state;
    li.append(p, note);
    list.append(li);
    scrollToEnd();
  }

  // Written before a reload without a connection: shown as waiting, sent once the connection is up.
  for (const m of SferumOutbox.list(me, chatId)) {
    pending.set(m.clientId, { text: m.text, replyTo: m.replyTo, files: [], ack: false, mentions: m.mentions || [] });
    showPending(m.clientId, m.text, t("Chat.Waiting"));
  }

  if (form) {
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const text = input.value.trim();
      const files = [...(fileInput?.files || [])];
      if (!text && !files.length) return;
      const ack = !!(ackBox && ackBox.checked);
      const away = !navigator.onLine || !connected();
      if (away && (files.length || ack)) {
        setStatus(t("Chat.OfflineTextOnly"));
        return;
      }
      const clientId = newClientId();
      const reply = replyTo;
      const mentions = SferumMentions.take(text); // the members picked after @ whose names are still in the text
      pending.set(clientId, { text, replyTo: reply, files, ack, mentions });
      // Plain text waits on the device (the outbox) until acknowledged, so a reload loses nothing.
      if (!files.length && !ack) SferumOutbox.add(me, { clientId, chatId, text, replyTo: reply, mentions, at: new Date().toISOString() });
      showPending(clientId, text, away ? t("Chat.Waiting") : t("Chat.Sending"));
      input.value = "";
      replyTo = null;
      replyBox.hidden = true;
      if (fileInput) fileInput.value = "";
      if (ackBox) ackBox.checked = false;
      if (!away) send(clientId, text, reply, files, ack, mentions);
    });
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); form.requestSubmit(); }
    });
  }

  let readSent = 0;
  function markRead() {
    if (document.visibilityState !== "visible" || lastSeq <= readSent) return;
    readSent = lastSeq;
    connection.invoke("MarkRead", chatId, lastSeq).catch(() => { readSent = 0; });
  }
  document.addEventListener("visibilitychange", markRead);

  // Scrolling to the top loads older messages by itself (the button stays for keyboards and screen readers).
  window.addEventListener("scroll", () => {
    if (window.scrollY < 50 && !older.hidden && !older.disabled) older.click();
  }, { passive: true });

  older.addEventListener("click", async () => {
    older.disabled = true;
    const page = await connection.invoke("History", chatId, oldestSeq, null, 50).catch(showError);
    if (!page) { older.disabled = false; return; }
    const top = list.firstElementChild;
    for (const m of page.messages) render(m);
    top?.scrollIntoView();
    older.hidden = !page.hasMore;
    older.disabled = false;
  });

  async function loadPinned() {
    const pinned = await connection.invoke("Pinned", chatId).catch(() => []);
    pinnedBox.replaceChildren(...pinned.map((m) => {
      const p = document.createElement("p");
      p.dataset.seq = m.seq;
      p.textContent = `📌 ${m.authorName}: ${m.text}`;
      return p;
    }));
    pinnedBox.hidden = pinned.length === 0;
  }

  // The newest page comes over HTTP, not the hub: without a network the service worker answers it from its copy
  // (sw.js), so a chat opened lately is readable offline. What happened since comes by catching up once connected.
  async function showFirstPage() {
    // A chat beside a meeting's videos shows fewer messages first: the videos are what that page is for. (Such a
    // page is not kept for offline reading: sw.js keeps only the plain address.)
    const query = document.body.classList.contains("embedded") ? "?limit=10" : "";
    const response = await fetch(`/api/chats/${chatId}/history${query}`, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(`HubException: history: ${problem.detail || t("Chat.HistoryFailed")}`);
    }
    const page = await response.json();
    for (const m of page.messages) render(m, true);
    older.hidden = !page.hasMore; // in the same frame as the history, so nothing moves under the reader twice
    scrollToEnd();
    lastSeq = page.lastSeq;
    loaded = true;
    root.dataset.history = "shown";
    showLinkedMessage();
  }

  // Opened from a notification (/Chats/{id}#seq-N): that message, marked, rather than the end of the chat.
  function showLinkedMessage() {
    const target = /^#seq-\d+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
    if (!target) return;
    target.classList.add("linked");
    target.scrollIntoView({ block: "center" });
  }

  let retryDelay = 3000;
  let retryTimer = null;
  function retry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => { retryTimer = null; start(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  async function start() {
    try {
      if (!loaded) await showFirstPage();
      if (connection.state === signalR.HubConnectionState.Disconnected) await connection.start();
      if (!connected()) return; // a reconnection under way finishes the job (onreconnected)
      offline.connection(true);
      await connection.invoke("Open", chatId);
      await loadPinned();
      for (const e of buffered) onEvent(e);
      buffered = [];
      await catchUp();
      markRead();
      setStatus("");
      retryDelay = 3000;
      root.dataset.ready = "true"; // history shown and live: tests and assistive tech can rely on it
      await resendPending();
    } catch (err) {
      if (!navigator.onLine || !connected()) {
        setStatus(t("Chat.Reconnecting"));
        offline.connection(false);
      } else {
        showError(err);
      }
      retry();
    }
  }

  start();
})();
