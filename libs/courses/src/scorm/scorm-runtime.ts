import { readFileSync } from 'node:fs';
import type { ScormVersion } from './scorm-manifest';

/** What the runtime inside a SCO's frame needs: the standard, the CMI to start from, where to commit, how often to beat. */
export interface RuntimeConfig {
  version: ScormVersion;
  cmi: Record<string, unknown>;
  /** Null in a preview: the runtime works, nothing is sent. */
  commitUrl: string | null;
  beatSeconds: number;
}

/** scorm-again's browser builds, served from our origin at /scorm-runtime/<name> (they define `Scorm12API` / `Scorm2004API`). */
export const RUNTIME_LIBRARIES: Record<string, string> = {
  'scorm12.min.js': 'scorm-again/scorm12/min',
  'scorm2004.min.js': 'scorm-again/scorm2004/min',
};

const cache = new Map<string, Buffer>();

/** A runtime library's bytes, or null for an unknown name. */
export function runtimeLibrary(name: string): Buffer | null {
  const specifier = RUNTIME_LIBRARIES[name];
  if (!specifier) return null;
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(require.resolve(specifier));
    cache.set(name, bytes);
  }
  return bytes;
}

/**
 * The runtime, run in the SCO's page before its own scripts: creates the API object the SCO looks
 * for (window.API for 1.2, window.API_1484_11 for 2004) with the stored CMI loaded, and sends the
 * CMI to the commit URL on LMSCommit/Commit, on LMSFinish/Terminate (or when the page goes away),
 * and every few seconds while the SCO is initialized (the server credits time between commits).
 * Commits are sent in order, one at a time, so a late one never lands after a newer one.
 * The frame is sandboxed (opaque origin): the request is a simple CORS POST with a text body.
 */
const BOOTSTRAP = `(function () {
  var c = window.__cqoScorm;
  if (!c || window.API || window.API_1484_11) return;
  var v12 = c.version === '1.2';
  var Api = v12 ? window.Scorm12API : window.Scorm2004API;
  var api = new Api({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  api.loadFromJSON(c.cmi, '');
  var sessionTime = null, open = false, timer = null, queue = Promise.resolve();
  // Commits go one after another (a Commit then Terminate's own commit must not overtake each
  // other, or the server would take the older data last); only the page-hide commit goes at once.
  function send(kind, now) {
    if (!c.commitUrl) return;
    var body = JSON.stringify({ kind: kind, cmi: JSON.parse(JSON.stringify(api.cmi)), sessionTime: sessionTime, visible: document.visibilityState !== 'hidden' });
    function post() {
      try {
        return fetch(c.commitUrl, { method: 'POST', body: body, mode: 'cors', credentials: 'omit', keepalive: kind === 'finish' && body.length < 60000, headers: { 'content-type': 'text/plain' } }).catch(function () {});
      } catch (e) {}
    }
    if (now) post(); else queue = queue.then(post, post);
  }
  api.on(v12 ? 'LMSSetValue.cmi.core.session_time' : 'SetValue.cmi.session_time', function (element, value) { sessionTime = value; });
  api.on(v12 ? 'LMSInitialize' : 'Initialize', function () {
    open = true;
    timer = setInterval(function () { if (open) send('beat'); }, c.beatSeconds * 1000);
  });
  api.on(v12 ? 'LMSCommit' : 'Commit', function () { if (open) send('commit'); });
  api.on(v12 ? 'LMSFinish' : 'Terminate', function () {
    if (!open) return;
    open = false;
    clearInterval(timer);
    send('finish');
  });
  window.addEventListener('pagehide', function () {
    if (!open) return;
    open = false;
    send('finish', true);
  });
  if (v12) window.API = api; else window.API_1484_11 = api;
})();`;

/** Inserts the runtime at the start of the page's <head> (or of the document). */
export function injectRuntime(html: string, config: RuntimeConfig): string {
  // JSON inside a <script>: `<` escaped so no value can close the element.
  const json = JSON.stringify(config)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const library = config.version === '1.2' ? 'scorm12.min.js' : 'scorm2004.min.js';
  const tags = `<script>window.__cqoScorm=${json};</script><script src="/scorm-runtime/${library}"></script><script>${BOOTSTRAP}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return html.slice(0, doctype[0].length) + tags + html.slice(doctype[0].length);
  return tags + html;
}
