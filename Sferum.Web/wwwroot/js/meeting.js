// A meeting's page. The meeting's grain decides everything (who is admitted, who may speak); this page asks it over the
// JSON API every two seconds and follows: the lobby until admitted, the room through the signalling proxy, the
// participants list, «Идёт запись», the host's controls. Media goes straight between the browser and Janus.
(() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const root = document.getElementById("meeting");
  if (!root) return;
  const id = root.dataset.meetingId;
  const host = root.dataset.host === "true";
  const me = root.dataset.userId;
  const token = root.querySelector("input[name=__RequestVerificationToken]").value;
  const $ = (x) => document.getElementById(x);
  const status = $("meeting-status");
  const videos = $("videos");

  let view = null;
  let room = null;        // the breakout group this page's connection is in ("" for the main room)
  let session = null;
  let publisher = null;   // our handle in the room (we join as a publisher to learn who publishes)
  let outgoing = null;    // { pc, stream } while we publish
  let screen = null;      // { handle, pc, stream } while we share the screen
  const feeds = new Map(); // feed id -> { handle, pc, tile }
  const peers = [];        // every RTCPeerConnection, for the tests' getStats

  window.sferumMeeting = { peers, state: () => ({ view, joined: !!session && !session.closed, feeds: [...feeds.keys()] }) };

  const say = (text) => { status.textContent = text; };

  // The meeting's chat is a page of its own (its scripts, its history, its connection). On a wide screen it sits beside
  // the videos and comes once this page has loaded, so that it does not hold back the meeting's own first paint; the
  // badge then listens on its connection (js/notifications.js) instead of opening another. On a phone the videos and
  // controls have the screen, as in a call app: the chat opens with its button, and stays.
  const chatFrame = $("meeting-chat");
  const chatOpen = $("meeting-chat-open");
  const wide = matchMedia("(min-width: 48rem)");
  const showChat = () => { if (!chatFrame.getAttribute("src")) chatFrame.src = chatFrame.dataset.src; };
  if (chatFrame && wide.matches) {
    chatFrame.dataset.badgeHub = "true";
    if (document.readyState === "complete") showChat();
    else addEventListener("load", showChat, { once: true });
  } else if (chatFrame) {
    chatOpen.addEventListener("click", () => {
      showChat();
      chatOpen.hidden = true;
      chatFrame.focus();
    });
    // A phone turned sideways is a wide screen, where the button is gone: the chat comes by itself there.
    wide.addEventListener("change", (e) => { if (e.matches) showChat(); });
  }

  async function api(path, body) {
    const r = await fetch(`/api/meetings/${id}${path}`, path === "" ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json", RequestVerificationToken: token },
      body: JSON.stringify(body || {}),
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw Object.assign(new Error(data.detail || t("Common.Failed")), { status: r.status });
    return data;
  }

  function tile(key, label) {
    let figure = videos.querySelector(`[data-key="${key}"]`);
    if (!figure) {
      figure = document.createElement("figure");
      figure.className = "video-tile";
      figure.dataset.key = key;
      const v = document.createElement("video");
      v.autoplay = true;
      v.playsInline = true;
      v.setAttribute("aria-label", t("Meeting.Video", label));
      const caption = document.createElement("figcaption");
      caption.textContent = label;
      figure.append(v, caption);
      videos.append(figure);
    }
    return figure;
  }

  function peer(handle) {
    const pc = new RTCPeerConnection({ iceServers: [] });
    pc.onicecandidate = (e) => handle.trickle(e.candidate);
    peers.push(pc);
    return pc;
  }

  async function subscribe(feed) {
    if (feeds.has(feed.id) || !session) return;
    const handle = await session.attach();
    const entry = { handle, pc: null, tile: tile(feed.id, feed.display || t("Meeting.Participant")) };
    feeds.set(feed.id, entry);
    const joined = await handle.request({ request: "join", ptype: "subscriber", streams: [{ feed: feed.id }] });
    const pc = peer(handle);
    entry.pc = pc;
    const stream = new MediaStream();
    pc.ontrack = (e) => { stream.addTrack(e.track); entry.tile.querySelector("video").srcObject = stream; };
    await pc.setRemoteDescription(joined.jsep);
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    await handle.request({ request: "start" }, answer);
  }

  function drop(feedId) {
    const entry = feeds.get(feedId);
    if (!entry) return;
    feeds.delete(feedId);
    if (entry.pc) entry.pc.close();
    entry.tile.remove();
  }

  function onRoomEvent(data) {
    if (!data) return;
    (data.publishers || []).forEach((p) => subscribe(p).catch((e) => say(e.message)));
    if (data.unpublished && data.unpublished !== "ok") drop(data.unpublished);
    if (data.leaving) {
      if (data.leaving === "ok" && data.reason === "kicked") { kickedOut(); return; }
      drop(data.leaving);
    }
    if (data.moderation === "muted" && data.id === undefined) say(t("Meeting.MutedByHost"));
  }

  async function connect() {
    say(t("Meeting.Connecting"));
    session = await SferumJanus.Session.create(`/video/${id}/janus`, token);
    session.onlost = () => { cleanup(); say(t("Meeting.Lost")); $("join").hidden = false; $("join").textContent = t("Meeting.Reconnect"); };
    room = (view && view.room) || "";
    publisher = await session.attach();
    publisher.onevent = onRoomEvent;
    const joined = await publisher.request({ request: "join", ptype: "publisher" });
    onRoomEvent(joined.data);
    say("");
    $("join").hidden = true;
    $("leave").hidden = false;
    if (host) await publish();
  }

  async function publish() {
    if (outgoing || !publisher) return;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const pc = peer(publisher);
    stream.getTracks().forEach((t) => pc.addTrack(t, stream));
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    outgoing = { pc, stream };
    tile("me", t("Meeting.You")).querySelector("video").srcObject = stream;
    tile("me").querySelector("video").muted = true;
    const answer = await publisher.request({ request: "publish", audio: true, video: true }, offer);
    await pc.setRemoteDescription(answer.jsep);
    $("publish").hidden = true;
    $("unpublish").hidden = false;
  }

  async function unpublish() {
    if (!outgoing) return;
    await publisher.request({ request: "unpublish" }).catch(() => {});
    outgoing.stream.getTracks().forEach((t) => t.stop());
    outgoing.pc.close();
    outgoing = null;
    const mine = videos.querySelector('[data-key="me"]');
    if (mine) mine.remove();
    $("unpublish").hidden = true;
  }

  async function shareScreen() {
    if (screen || !session) return;
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true });
    const handle = await session.attach();
    await handle.request({ request: "join", ptype: "publisher", id: "screen" });
    const pc = peer(handle);
    stream.getTracks().forEach((t) => pc.addTrack(t, stream));
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    const answer = await handle.request({ request: "publish", video: true, audio: false }, offer);
    await pc.setRemoteDescription(answer.jsep);
    screen = { handle, pc, stream };
    stream.getVideoTracks()[0].onended = () => stopScreen();
    $("screen").textContent = t("Meeting.StopScreen");
  }

  async function stopScreen() {
    if (!screen) return;
    await screen.handle.request({ request: "leave" }).catch(() => {});
    screen.stream.getTracks().forEach((t) => t.stop());
    screen.pc.close();
    screen = null;
    $("screen").textContent = t("Meeting.ShareScreen");
  }

  function cleanup() {
    feeds.forEach((_, key) => drop(key));
    if (outgoing) { outgoing.stream.getTracks().forEach((t) => t.stop()); outgoing.pc.close(); outgoing = null; }
    if (screen) { screen.stream.getTracks().forEach((t) => t.stop()); screen.pc.close(); screen = null; }
    videos.replaceChildren();
    publisher = null;
    $("leave").hidden = true;
    $("unpublish").hidden = true;
  }

  // Janus says only "kicked": by the host, or by the meeting because this person left the chat (the journal moved
  // them out). The API refuses both alike, so the words cover both.
  function kickedOut() {
    left(t("Meeting.Removed"));
  }

  function left(text) {
    if (session) session.destroy();
    session = null;
    cleanup();
    say(text);
  }

  async function enter() {
    try {
      view = await api("/enter");
      draw();
      if (view.admitted) await connect();
    } catch (e) { say(e.message); }
  }

  // The grain's view of the meeting, every two seconds: what this page shows and what this person may do follow it.
  async function refresh() {
    let next;
    try { next = await api(""); } catch (e) {
      if (e.status === 403) kickedOut(); else if (session) left(e.message); else say(e.message);
      return;
    }
    const wasWaiting = view && !view.admitted;
    view = next;
    draw();
    if (view.state === "Ended") {
      if (session) left(t("Meeting.Ended")); else say(t("Meeting.Ended"));
      draw(); // the host also learns what became of the recording
      return;
    }
    if (wasWaiting && view.admitted && !session) await connect().catch((e) => say(e.message));
    // Moved to a breakout group, or back to the main room: the grant now names another room; connect to it.
    if (session && !session.closed && room !== null && (view.room || "") !== room) {
      left("");
      await connect().catch((e) => say(e.message));
    }
    if (!view.mayPublish && outgoing) { await unpublish(); say(t("Meeting.FloorTaken")); }
  }

  function draw() {
    if (!view) return;
    $("recording-indicator").hidden = !view.recording;
    $("lobby").hidden = view.admitted || view.state !== "Live";
    const inRoom = !!session && !session.closed;
    $("publish").hidden = !inRoom || !!outgoing || !view.mayPublish;
    $("hand").hidden = !inRoom || host || view.mayPublish;
    $("screen").hidden = !inRoom || !view.mayPublish;
    if (view.state === "Ended") { $("join").hidden = true; }
    const list = $("participants");
    list.replaceChildren();
    for (const p of view.participants) {
      const li = document.createElement("li");
      li.dataset.userId = p.userId;
      let text = p.name;
      if (p.userId === view.hostId) text += t("Meeting.HostMark");
      if (p.inLobby) text += p.childNames.length ? t("Meeting.WaitingParent", p.childNames.join(", ")) : t("Meeting.Waiting");
      if (p.handRaised) text += " ✋";
      if (p.invitedAs) text += t("Meeting.Guest", p.invitedAs);
      li.append(text);
      if (host && p.userId !== me) {
        const button = (label, action) => {
          const b = document.createElement("button");
          b.type = "button";
          b.className = "link";
          b.textContent = label;
          b.addEventListener("click", () => action().then((v) => { view = v; draw(); }).catch((e) => say(e.message)));
          li.append(" ", b);
        };
        if (p.inLobby) button(t("Meeting.Admit"), () => api("/admit", { userId: p.userId }));
        else {
          button(p.mayPublish ? t("Meeting.TakeFloor") : t("Meeting.GiveFloor"), () => api("/publish", { userId: p.userId, allowed: !p.mayPublish }));
          button(t("Meeting.RemoveParticipant"), () => api("/remove", { userId: p.userId }));
        }
      }
      list.append(li);
    }
    $("room-name").hidden = !view.room;
    $("room-name").textContent = view.room ? t("Meeting.InRoom", view.room) : "";
    $("breakout-notice").hidden = !view.notice;
    $("breakout-notice").textContent = view.notice ? t("Meeting.Notice", view.notice) : "";
    $("call-host").hidden = host || !view.room;
    if (host && $("breakouts")) drawBreakouts();
    if (host && view.recordingProblem) say(view.recordingProblem);
    else if (host && view.state === "Ended" && view.recordingStatus === "Processing") say(t("Meeting.EndedProcessing"));
    else if (host && view.state === "Ended" && view.recordingStatus === "Ready") say(t("Meeting.EndedReady"));
    if (host) {
      $("record").textContent = view.recording ? t("Meeting.StopRecording") : t("Meeting.StartRecording");
      $("record").setAttribute("aria-pressed", String(view.recording));
      $("lock").setAttribute("aria-pressed", String(view.publishingLocked));
      $("lock").textContent = view.publishingLocked ? t("Meeting.Unlock") : t("Meeting.Lock");
    }
  }

  function drawBreakouts() {
    const list = $("breakouts");
    list.replaceChildren();
    const groups = view.breakouts || [];
    $("breakout-start").hidden = groups.length > 0 || view.kind !== "Lesson";
    $("breakout-running").hidden = groups.length === 0;
    for (const g of groups) {
      const li = document.createElement("li");
      li.dataset.group = g.index;
      li.append(t(g.callsHost ? "Meeting.GroupCalling" : "Meeting.Group", g.name, g.memberNames.join(", ") || t("Meeting.Nobody")));
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = view.room === g.name ? t("Meeting.Here") : t("Meeting.Visit");
      b.disabled = view.room === g.name;
      b.addEventListener("click", () => api("/breakouts/visit", { group: g.index }).then((v) => { view = v; draw(); refresh(); }).catch((e) => say(e.message)));
      li.append(b);
      list.append(li);
    }
  }

  $("call-host").addEventListener("click", () => api("/breakouts/call", {}).then(() => say(t("Meeting.Called"))).catch((e) => say(e.message)));
  if (host && $("breakouts")) {
    $("breakout-random").addEventListener("click", () => api("/breakouts", { count: Number($("breakout-count").value || 2) })
      .then((v) => { view = v; draw(); }).catch((e) => say(e.message)));
    $("breakout-main").addEventListener("click", () => api("/breakouts/visit", { group: null }).then((v) => { view = v; draw(); refresh(); }).catch((e) => say(e.message)));
    $("breakout-close").addEventListener("click", () => api("/breakouts/close", {}).then((v) => { view = v; draw(); refresh(); }).catch((e) => say(e.message)));
    $("notice-form").addEventListener("submit", (e) => {
      e.preventDefault();
      api("/breakouts/notice", { text: $("notice-text").value }).then((v) => { view = v; draw(); $("notice-text").value = ""; }).catch((err) => say(err.message));
    });
  }

  $("join").addEventListener("click", () => (view && view.admitted ? connect().catch((e) => say(e.message)) : enter()));
  $("publish").addEventListener("click", () => publish().catch((e) => say(e.message)));
  $("unpublish").addEventListener("click", () => unpublish().catch((e) => say(e.message)));
  $("screen").addEventListener("click", () => (screen ? stopScreen() : shareScreen()).catch((e) => say(e.message)));
  $("hand").addEventListener("click", async () => {
    const raised = $("hand").getAttribute("aria-pressed") !== "true";
    await api("/hand", { on: raised }).catch((e) => say(e.message));
    $("hand").setAttribute("aria-pressed", String(raised));
    $("hand").textContent = raised ? t("Meeting.LowerHand") : t("Meeting.RaiseHand");
  });
  $("leave").addEventListener("click", () => { left(t("Meeting.Left")); $("join").hidden = false; $("join").textContent = t("Meeting.JoinAgain"); });
  if (host) {
    $("admit-all").addEventListener("click", () => api("/admit", { userId: null }).then((v) => { view = v; draw(); }).catch((e) => say(e.message)));
    $("lock").addEventListener("click", () => api("/lock", { on: !view.publishingLocked }).then((v) => { view = v; draw(); }).catch((e) => say(e.message)));
    $("record").addEventListener("click", () => api("/recording", { on: !view.recording }).then((v) => { view = v; draw(); }).catch((e) => say(e.message)));
    const guestForm = $("guest-form");
    if (guestForm) guestForm.addEventListener("submit", (e) => {
      e.preventDefault();
      const data = new FormData(guestForm);
      api("/guests", { name: data.get("name"), hours: Number(data.get("hours") || 24) })
        .then((g) => { $("guest-link").textContent = t("Meeting.GuestLink", g.name, new Date(g.validUntil).toLocaleString("ru-RU"), location.origin + g.link); })
        .catch((err) => say(err.message));
    });
    $("end").addEventListener("click", () => {
      if (!confirm(t("Meeting.EndQuestion"))) return;
      api("/end").then((v) => { view = v; left(t("Meeting.Ended")); draw(); }).catch((e) => say(e.message));
    });
  }
  window.addEventListener("pagehide", () => { if (session) session.destroy(); });
  setInterval(refresh, 2000);
  refresh();
})();
