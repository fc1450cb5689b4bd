// The outbox: messages written without a connection wait on this device (localStorage, per person) until the chat
// acknowledges them, across a reload too. Each keeps the client id it got when written: sending it again after an
// unclear failure never makes a copy (the chat grain answers a repeated client id with the message it stored).
// js/offline.js empties every outbox at sign-out.
window.SferumOutbox = (() => {
  "use strict";
  const prefix = "sferum.outbox.";

  function all(me) {
    const raw = localStorage.getItem(prefix + me);
    if (!raw) return [];
    try {
      return JSON.parse(raw);
    } catch (err) {
      // Not written by this code (edited by hand, or cut short): nothing in it can be trusted to send.
      console.error("Sferum: outbox unreadable, dropped", err);
      localStorage.removeItem(prefix + me);
      return [];
    }
  }

  function save(me, items) {
    if (items.length) localStorage.setItem(prefix + me, JSON.stringify(items));
    else localStorage.removeItem(prefix + me);
  }

  return {
    /** Waiting messages of one chat, oldest first: { clientId, chatId, text, replyTo, at }. */
    list: (me, chatId) => all(me).filter((m) => m.chatId === chatId),
    add: (me, item) => save(me, [...all(me).filter((m) => m.clientId !== item.clientId), item]),
    remove: (me, clientId) => save(me, all(me).filter((m) => m.clientId !== clientId)),
  };
})();
