// A small client of Janus's HTTP API (create, attach, message, trickle, long poll), talking to Sferum's signalling
// proxy at /video/{meeting}/janus, which adds the room, the pin and Janus's secret after checking this person's rights.
// Written for Sferum (no janus.js, no adapter.js): modern browsers need neither.
window.SferumJanus = (() => {
  "use strict";
  const t = window.SferumTexts; // the page's texts (Localization/ScriptResource.resx), see Pages/Shared/_ScriptTexts.cshtml
  const tx = () => Math.random().toString(36).slice(2, 12);

  class Session {
    constructor(base, token) { this.base = base; this.token = token; this.handles = new Map(); this.waiting = new Map(); this.closed = false; this.onlost = null; }

    async post(path, body) {
      const r = await fetch(this.base + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", RequestVerificationToken: this.token },
        body: JSON.stringify(body),
      });
      const data = await r.json().catch(() => ({}));
      if (!r.ok || data.janus === "error") throw new Error((data.error && data.error.reason) || t("Janus.Error", r.status));
      return data;
    }

    static async create(base, token) {
      const s = new Session(base, token);
      const created = await s.post("", { janus: "create", transaction: tx() });
      s.id = created.data.id;
      s.poll();
      s.keepalive = setInterval(() => s.post(`/${s.id}`, { janus: "keepalive", transaction: tx() }).catch(() => {}), 25000);
      return s;
    }

    async poll() {
      while (!this.closed) {
        let events;
        try {
          const r = await fetch(`${this.base}/${this.id}?maxev=5&rid=${Date.now()}`);
          events = await r.json();
          if (!r.ok) throw new Error((events.error && events.error.reason) || t("Janus.Error", r.status));
        } catch (e) {
          if (!this.closed) { this.close(); if (this.onlost) this.onlost(e); }
          return;
        }
        for (const e of Array.isArray(events) ? events : [events]) this.dispatch(e);
      }
    }

    dispatch(e) {
      if (e.janus === "keepalive") return;
      if (e.janus === "error" && e.error && e.error.code === 458) { this.close(); if (this.onlost) this.onlost(new Error(e.error.reason)); return; }
      const waiter = e.transaction && this.waiting.get(e.transaction);
      if (waiter && (e.janus === "event" || e.janus === "success" || e.janus === "error")) {
        this.waiting.delete(e.transaction);
        const data = e.plugindata && e.plugindata.data;
        if (e.janus === "error" || (data && data.error)) waiter.reject(new Error((data && data.error) || e.error.reason));
        else waiter.resolve({ data, jsep: e.jsep });
        return;
      }
      const handle = this.handles.get(e.sender);
      if (handle) handle.receive(e);
    }

    async attach() {
      const r = await this.post(`/${this.id}`, { janus: "attach", plugin: "janus.plugin.videoroom", transaction: tx() });
      const h = new Handle(this, r.data.id);
      this.handles.set(h.id, h);
      return h;
    }

    close() {
      this.closed = true;
      clearInterval(this.keepalive);
    }

    async destroy() {
      if (this.closed) return;
      this.close();
      await this.post(`/${this.id}`, { janus: "destroy", transaction: tx() }).catch(() => {});
    }
  }

  class Handle {
    constructor(session, id) { this.session = session; this.id = id; this.onevent = null; this.onhangup = null; }

    // A request whose answer comes as an event (Janus acks first) or at once.
    request(body, jsep) {
      const transaction = tx();
      return new Promise((resolve, reject) => {
        this.session.waiting.set(transaction, { resolve, reject });
        this.session.post(`/${this.session.id}/${this.id}`, { janus: "message", body, jsep, transaction })
          .then((r) => {
            if (r.janus === "success") { this.session.waiting.delete(transaction); resolve({ data: r.plugindata && r.plugindata.data, jsep: r.jsep }); }
          })
          .catch((e) => { this.session.waiting.delete(transaction); reject(e); });
      });
    }

    trickle(candidate) {
      return this.session.post(`/${this.session.id}/${this.id}`, { janus: "trickle", candidate: candidate || { completed: true }, transaction: tx() })
        .catch(() => {});
    }

    receive(e) {
      if (e.janus === "event" && this.onevent) this.onevent(e.plugindata && e.plugindata.data, e.jsep);
      if ((e.janus === "hangup" || e.janus === "detached") && this.onhangup) this.onhangup(e.reason);
    }
  }

  return { Session };
})();
