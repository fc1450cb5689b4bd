// @ in the composer: typing @ and the start of a name offers the chat's members (names only, from
// GET /api/chats/{id}/members, which answers members only); picking one writes «@Имя Фамилия » and remembers the
// person's id. On sending, the ids of those whose «@name» is still in the text go with the message, so the chat
// notifies exactly them (it keeps only members). A listbox with arrow keys, Enter or Tab to pick, Escape to close.
window.SferumMentions = (() => {
  "use strict";
  let chatId = null;
  let input = null;
  let members = null;     // [{ userId, name }] once loaded
  let loading = null;
  let picked = [];        // [{ userId, name }] chosen in this message
  let shown = [];         // the options on screen
  let active = -1;
  let start = -1;         // where the @ is in the text
  const list = () => document.getElementById("mention-list");

  function init(options) {
    ({ chatId, input } = options);
    const box = list();
    if (!input || !box) return;
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", box.id);
    input.addEventListener("input", onInput);
    // Capture: a pick with Enter must not also send the message (chat.js sends on Enter).
    input.addEventListener("keydown", onKey, true);
    // A tap on an option keeps the focus (its mousedown is prevented). The close waits a moment and then looks again:
    // focus that has come back (Send, then straight back to «@Пет…») keeps the list just opened.
    input.addEventListener("blur", () => setTimeout(() => { if (document.activeElement !== input) close(); }, 150));
  }

  // Loaded once per page; a failed load (no network, a busy server) is not kept: the next @ asks again.
  async function load() {
    if (members) return members;
    loading ??= fetch(`/api/chats/${chatId}/members`, { headers: { Accept: "application/json" } })
      .then((r) => { if (!r.ok) throw new Error(`members: ${r.status}`); return r.json(); });
    try {
      members = await loading;
    } catch {
      loading = null;
      return [];
    }
    return members;
  }

  // "@Ан" right before the caret: at the text's start or after a space, letters only (names have no @).
  function query() {
    const caret = input.selectionStart;
    const before = input.value.slice(0, caret);
    const m = before.match(/(^|\s)@([\p{L}\-]{0,30})$/u);
    if (!m) return null;
    start = caret - m[2].length - 1;
    return m[2].toLocaleLowerCase("ru");
  }

  async function onInput() {
    const q = query();
    if (q === null) { close(); return; }
    const all = await load();
    if (query() !== q) return; // typed on meanwhile: that input's own handler shows it
    shown = all.filter((p) => p.name.toLocaleLowerCase("ru").split(/\s+/).some((w) => w.startsWith(q))).slice(0, 8);
    render();
  }

  function render() {
    const box = list();
    box.replaceChildren(...shown.map((p, i) => {
      const li = document.createElement("li");
      li.id = `mention-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      li.className = "mention-option";
      li.textContent = p.name;
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(i); });
      return li;
    }));
    box.hidden = shown.length === 0;
    if (shown.length && active < 0) setActive(0);
  }

  function setActive(i) {
    active = i;
    [...list().children].forEach((li, n) => li.setAttribute("aria-selected", String(n === i)));
    if (i >= 0) input.setAttribute("aria-activedescendant", `mention-${i}`);
    else input.removeAttribute("aria-activedescendant");
  }

  function onKey(ev) {
    if (list().hidden || !shown.length) return;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      setActive((active + (ev.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length);
    } else if (ev.key === "Enter" || ev.key === "Tab") {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      pick(active < 0 ? 0 : active);
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      close();
    }
  }

  function pick(i) {
    const person = shown[i];
    if (!person) return;
    const caret = input.selectionStart;
    const text = `@${person.name} `;
    input.value = input.value.slice(0, start) + text + input.value.slice(caret);
    const at = start + text.length;
    input.setSelectionRange(at, at);
    if (!picked.some((p) => p.userId === person.userId)) picked.push(person);
    close();
    input.focus();
  }

  function close() {
    const box = list();
    if (!box) return;
    box.hidden = true;
    box.replaceChildren();
    shown = [];
    setActive(-1);
  }

  /** The ids of the people picked whose «@name» is still in the text; forgets the picks for the next message. */
  function take(text) {
    const ids = picked.filter((p) => text.includes(`@${p.name}`)).map((p) => p.userId);
    picked = [];
    close();
    return ids;
  }

  return { init, take };
})();
