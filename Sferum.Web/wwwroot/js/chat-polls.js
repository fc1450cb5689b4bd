// Polls inside a chat page: a poll is a message with a pollId; its card reads the poll over the JSON API, votes, and
// follows live results (chat events of type 101 carry the counts, never anyone's own choice). In an anonymous poll the
// server does not know how this person voted: the device keeps the receipt and the choice in localStorage.
window.SferumPolls = (() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const views = new Map(); // pollId -> the last view for this user
  let ctx = null;          // { chatId, token, onError }

  const api = (path, body) => fetch(`/api/chats/${ctx.chatId}/polls${path}`, body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json", RequestVerificationToken: ctx.token },
    body: JSON.stringify(body),
  }).then(async (r) => {
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`HubException: poll: ${data.detail || t("Common.Failed")}`);
    return data;
  });

  const stored = (id) => JSON.parse(localStorage.getItem(`sferum.poll.${id}`) || "null");

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function mount(li, pollId) {
    const card = el("div", "poll");
    card.dataset.pollId = pollId;
    card.textContent = t("Polls.Loading");
    li.append(card);
    if (views.has(pollId)) draw(card, views.get(pollId));
    else api(`/${pollId}`).then((v) => { views.set(pollId, v); refresh(pollId); }).catch(ctx.onError);
  }

  function refresh(pollId) {
    document.querySelectorAll(`.poll[data-poll-id="${pollId}"]`).forEach((card) => draw(card, views.get(pollId)));
  }

  // A live update: new counts, same personal state.
  function update(results) {
    const mine = views.get(results.pollId);
    if (!mine) return;
    views.set(results.pollId, { ...results, voted: mine.voted || false, myChoice: mine.myChoice, canManage: mine.canManage });
    refresh(results.pollId);
  }

  function draw(card, v) {
    const local = stored(v.pollId);
    const myChoice = v.myChoice || (local && local.choice) || [];
    const voted = v.voted || !!local;
    const changing = card.dataset.changing === "true";
    const showForm = !v.closed && (!voted || changing);
    card.replaceChildren();
    const info = [v.anonymous ? t("Polls.Anonymous") : t("Polls.Open"), v.multiple ? t("Polls.Multiple") : t("Polls.Single")];
    if (v.deadline) info.push(t("Polls.Until", new Date(v.deadline).toLocaleString("ru-RU", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" })));
    if (v.closed) info.push(t("Polls.Closed"));
    card.append(el("p", "muted poll-info", info.join(" · ")));
    const form = el("form", "poll-options");
    v.options.forEach((o, i) => {
      const row = el("label", "poll-option");
      if (showForm) {
        const input = el("input");
        input.type = v.multiple ? "checkbox" : "radio";
        input.name = `poll-${v.pollId}`;
        input.value = String(i);
        input.checked = myChoice.includes(i);
        row.append(input, " ");
      }
      row.append(el("span", "poll-text", o.text));
      if (voted || v.closed || v.canManage) { // the author and teachers follow the results before answering themselves
        const share = v.voters ? Math.round((100 * o.votes) / v.voters) : 0;
        row.append(el("span", "poll-count", ` — ${o.votes} (${share}%)${myChoice.includes(i) ? " ✓" : ""}`));
        const bar = el("span", "poll-bar");
        bar.style.width = `${share}%`;
        row.append(bar);
        if (o.voterNames && o.voterNames.length) row.append(el("span", "muted poll-voters", o.voterNames.join(", ")));
      }
      form.append(row);
    });
    card.append(form, el("p", "muted", t("Polls.Voters", v.voters)));
    const bar = el("div", "actions");
    if (showForm) {
      const vote = el("button", "", voted ? t("Polls.SaveVote") : t("Polls.Vote"));
      vote.type = "submit";
      form.append(vote);
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const options = [...form.querySelectorAll("input:checked")].map((x) => Number(x.value));
        try {
          const r = await api(`/${v.pollId}/vote`, { options, receipt: local ? local.receipt : null });
          if (v.anonymous) localStorage.setItem(`sferum.poll.${v.pollId}`, JSON.stringify({ receipt: (local && local.receipt) || r.receipt, choice: options }));
          card.dataset.changing = "false";
          views.set(v.pollId, r.poll);
          refresh(v.pollId);
        } catch (err) { ctx.onError(err); }
      });
    } else if (voted && !v.closed && (!v.anonymous || local)) {
      bar.append(linkButton(t("Polls.ChangeVote"), () => { card.dataset.changing = "true"; draw(card, v); }));
    }
    if (v.canManage && !v.closed) {
      bar.append(linkButton(t("Polls.Close"), async () => {
        if (!confirm(t("Polls.CloseQuestion"))) return;
        try { views.set(v.pollId, await api(`/${v.pollId}/close`, {})); refresh(v.pollId); } catch (err) { ctx.onError(err); }
      }));
    }
    if (v.canManage && !v.anonymous) {
      const who = el("p", "muted poll-non-voters");
      bar.append(linkButton(t("Polls.WhoDidNot"), async () => {
        try {
          const list = await api(`/${v.pollId}/non-voters`);
          who.textContent = list.length ? t("Polls.NonVoters", list.length, list.map((n) => n.name).join(", ")) : t("Polls.AllVoted");
        } catch (err) { ctx.onError(err); }
      }));
      card.append(bar, who);
      return;
    }
    card.append(bar);
  }

  function linkButton(label, onClick) {
    const b = el("button", "link", label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // The composer's "Опрос" form: question, one option per line, choices, an optional deadline.
  function composer(newClientId) {
    const form = document.getElementById("poll-form");
    if (!form) return;
    document.getElementById("poll-toggle").addEventListener("click", () => { form.hidden = !form.hidden; });
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const data = new FormData(form);
      const deadline = data.get("deadline");
      try {
        await api("", {
          clientId: newClientId(),
          question: String(data.get("question") || ""),
          options: String(data.get("options") || "").split("\n").map((s) => s.trim()).filter((s) => s),
          multiple: data.get("multiple") === "on",
          anonymous: data.get("anonymous") === "on",
          deadline: deadline ? new Date(String(deadline)).toISOString() : null,
        });
        form.reset();
        form.hidden = true;
      } catch (err) { ctx.onError(err); }
    });
  }

  return {
    init(context, newClientId) { ctx = context; composer(newClientId); },
    mount,
    update,
  };
})();
