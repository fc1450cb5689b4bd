// Sferum's service worker (scope "/"). It keeps the app shell on the device and, for the signed-in session only, the
// chat list and the last chats opened, so that a phone without a network still shows them (README: «Installable app
// and offline»). Everything else goes to the network as if there were no worker; API calls other than a chat's
// first page of history, the hub, uploads, downloads and every POST are never touched.
"use strict";

const VERSION = "v2"; // change it with any change of what is cached: the old caches go at activation
const SHELL = `sferum-shell-${VERSION}`;
const DATA = "sferum-data-";                  // + version + "-" + the session's key (Sferum-Offline-Key)
const DATA_OF_VERSION = `${DATA}${VERSION}-`;
const KEY_HEADER = "Sferum-Offline-Key";
const OFFLINE_PAGE = "/offline.html"; // Pages/Offline.cshtml, in the language of the moment it is kept
const MAX_CHATS = 10;
const SHELL_FILES = [
  OFFLINE_PAGE, "/css/site.css", "/lib/signalr/signalr.min.js", "/js/offline.js", "/js/chat-list.js", "/js/chat.js",
  "/js/chat-outbox.js", "/js/chat-moderation.js", "/js/chat-schedule.js", "/js/chat-polls.js", "/js/chat-meetings.js",
  "/js/chat-announcements.js", "/js/chat-mentions.js", "/js/notifications.js", "/manifest.webmanifest", "/favicon.ico", "/icons/icon-192.png", "/icons/icon-512.png",
  "/icons/icon-maskable-512.png", "/icons/apple-touch-icon.png",
];
const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const CHAT_PAGE = new RegExp(`^/Chats/(${GUID})$`, "i");
const CHAT_HISTORY = new RegExp(`^/api/chats/(${GUID})/history$`, "i");
const SHELL_PATH = /^\/(css|js|lib|icons)\/|^\/(manifest\.webmanifest|favicon\.ico|offline\.html)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== SHELL && !name.startsWith(DATA_OF_VERSION)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page says "signed out" before it posts the sign-out form (js/offline.js); it waits for the answer.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "sign-out") return;
  event.waitUntil(dropData(null).then(() => event.ports[0]?.postMessage("cleared")));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const chat = CHAT_PAGE.exec(url.pathname) || CHAT_HISTORY.exec(url.pathname);
  const keep = url.search === "" && (chat !== null || url.pathname === "/Chats");
  if (request.mode === "navigate") {
    event.respondWith(page(event, request, keep));
  } else if (keep && chat && CHAT_HISTORY.test(url.pathname)) {
    event.respondWith(networkFirst(event, request));
  } else if (SHELL_PATH.test(url.pathname)) {
    event.respondWith(shell(event, request, url));
  }
});

async function page(event, request, keep) {
  try {
    const response = await fetch(request);
    // A page seen signed out (after «Выйти», or a session that ended) means nobody's chats may stay on the device.
    if (response.ok && !response.headers.has(KEY_HEADER) && (response.headers.get("Content-Type") || "").startsWith("text/html")) {
      event.waitUntil(dropData(null));
    }
    if (keep) remember(event, request, response);
    return response;
  } catch (err) {
    return (keep && await cached(request)) || await caches.match(OFFLINE_PAGE, { cacheName: SHELL }) || Response.error();
  }
}

async function networkFirst(event, request) {
  try {
    const response = await fetch(request);
    remember(event, request, response);
    return response;
  } catch (err) {
    return (await cached(request)) || Response.error();
  }
}

// Keeps a session's own copy of a chat page, the chat list or a history page; forgets one the server now refuses.
function remember(event, request, response) {
  const key = response.headers.get(KEY_HEADER);
  if (response.status === 200 && !response.redirected && key && /^[0-9a-f]{32}$/.test(key)) {
    const copy = response.clone();
    event.waitUntil(store(key, request.url, copy));
  } else if ([401, 403, 404].includes(response.status)) {
    event.waitUntil(forget(request.url));
  }
}

async function store(key, url, response) {
  const name = DATA_OF_VERSION + key;
  await dropData(name); // another session's copies (another person on this phone) go first
  const cache = await caches.open(name);
  await cache.delete(url); // put again at the end: keys() lists the oldest first
  await cache.put(url, response);
  await trim(cache);
}

// Keeps the chat list and the MAX_CHATS chats used last (a chat's page and its history count as one).
async function trim(cache) {
  const requests = await cache.keys();
  const lastUse = new Map();
  requests.forEach((r, i) => { const id = chatOf(r.url); if (id) lastUse.set(id, i); });
  const keep = new Set([...lastUse.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CHATS).map(([id]) => id));
  for (const r of requests) {
    const id = chatOf(r.url);
    if (id && !keep.has(id)) await cache.delete(r);
  }
}

function chatOf(url) {
  const path = new URL(url).pathname;
  const match = CHAT_PAGE.exec(path) || CHAT_HISTORY.exec(path);
  return match ? match[1].toLowerCase() : null;
}

async function cached(request) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(DATA_OF_VERSION)) continue;
    const response = await (await caches.open(name)).match(request.url);
    if (response) return response;
  }
  return null;
}

async function forget(url) {
  for (const name of await caches.keys()) {
    if (name.startsWith(DATA)) await (await caches.open(name)).delete(url);
  }
}

// Deletes every session's data cache but `except`.
async function dropData(except) {
  for (const name of await caches.keys()) {
    if (name.startsWith(DATA) && name !== except) await caches.delete(name);
  }
}

// Files of the shell. A fingerprinted address (/js/chat.0a1b2c3d4e.js, as the pages name them, or ?v=…) never
// changes its content: cache first, and the file's previous version goes. A plain one (/js/chat.js, the icons, the
// manifest): answer from the cache and refresh it behind. Without a network, any stored version of the file will do.
const FINGERPRINT = /\.[a-z0-9]{10}(\.[a-z]+)$/;
const plainPath = (url) => new URL(url).pathname.replace(FINGERPRINT, "$1");

async function shell(event, request, url) {
  const cache = await caches.open(SHELL);
  const fingerprinted = url.search !== "" || FINGERPRINT.test(url.pathname);
  const versions = async () => (await cache.keys()).filter((r) => plainPath(r.url) === plainPath(url.href));
  const refresh = () => fetch(request).then(async (response) => {
    if (response.status === 200) {
      if (fingerprinted) for (const old of await versions()) if (old.url !== request.url) await cache.delete(old);
      await cache.put(request, response.clone());
    }
    return response;
  });
  const hit = await cache.match(request);
  if (hit) {
    if (!fingerprinted) event.waitUntil(refresh().catch(() => undefined)); // offline: the stored copy stays as it is
    return hit;
  }
  try {
    return await refresh();
  } catch (err) {
    const stored = (await versions())[0];
    return (stored && await cache.match(stored)) || Response.error();
  }
}
