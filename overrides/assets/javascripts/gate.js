// trustcenter gate: opens the gated page with an access code, in the browser, with WebCrypto.
// It undoes trustcenter/gate.py (format "trustcenter-gate", version 1); read that module's
// docstring for the scheme. No code, key or plaintext is sent anywhere or stored.
(() => {
  "use strict";

  const FORMAT = "trustcenter-gate";
  const VERSION = 1;
  const encoder = new TextEncoder();

  class WrongCode extends Error {}
  class Unreadable extends Error {}

  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const normalize = (code) => code.toUpperCase().replace(/[^A-Z2-7]/g, "");
  const associated = (path, part) => encoder.encode(`${FORMAT}/v${VERSION}\n${path}\n${part}`);

  // The page's path below the site's root ("reports/"), as the build sealed it.
  function pagePath() {
    let base = ".";
    const config = document.getElementById("__config");
    if (config) {
      try {
        base = JSON.parse(config.textContent).base || ".";
      } catch (error) {
        base = ".";
      }
    }
    const root = new URL(base.replace(/\/?$/, "/"), location.href).pathname;
    return location.pathname.slice(root.length).replace(/index\.html$/, "");
  }

  async function derive(code, salt, purpose, length) {
    const material = await crypto.subtle.importKey(
      "raw", encoder.encode(normalize(code)), "HKDF", false, ["deriveBits"]);
    const info = encoder.encode(`${FORMAT}/v${VERSION} ${purpose}`);
    const bits = await crypto.subtle.deriveBits(
      { name: "HKDF", hash: "SHA-256", salt, info }, material, length * 8);
    return new Uint8Array(bits);
  }

  async function decrypt(keyBytes, iv, data, additionalData) {
    const key = await crypto.subtle.importKey("raw", keyBytes, "AES-GCM", false, ["decrypt"]);
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData }, key, data);
    return new Uint8Array(plain);
  }

  async function unseal(payload, path, code) {
    if (payload.format !== FORMAT || payload.version !== VERSION) {
      throw new Unreadable("unknown format");
    }
    const salt = fromBase64(payload.salt);
    const id = toBase64(await derive(code, salt, "slot-id", 8));
    const slot = payload.slots.find((candidate) => candidate.id === id);
    if (!slot) {
      throw new WrongCode("no slot for this code");
    }
    try {
      const wrappingKey = await derive(code, salt, "key-wrap", 32);
      const contentKey = await decrypt(
        wrappingKey, fromBase64(slot.iv), fromBase64(slot.key), associated(path, "key"));
      const html = await decrypt(
        contentKey, fromBase64(payload.iv), fromBase64(payload.data), associated(path, "content"));
      return new TextDecoder().decode(html);
    } catch (error) {
      throw new Unreadable(String(error));
    }
  }

  function setUp(gate) {
    const form = gate.querySelector(".tc-gate__form");
    const input = form.querySelector("input");
    const message = gate.querySelector(".tc-gate__message");
    const content = gate.querySelector(".tc-gate__content");
    let payload;
    try {
      payload = JSON.parse(gate.querySelector(".tc-gate__payload").textContent);
    } catch (error) {
      message.textContent = "The protected content on this page is damaged and cannot be shown.";
      return;
    }
    form.hidden = false;
    gate.querySelector(".tc-gate__fallback").hidden = true;

    async function open(code) {
      gate.classList.remove("tc-gate--error");
      message.textContent = "Checking the access code…";
      try {
        // The decrypted HTML was rendered, escaped and authenticated by our own build.
        content.innerHTML = await unseal(payload, pagePath(), code);
        content.hidden = false;
        form.hidden = true;
        gate.classList.add("tc-gate--open");
        message.textContent = "Unlocked: the report details are shown below.";
      } catch (error) {
        content.replaceChildren();
        content.hidden = true;
        gate.classList.add("tc-gate--error");
        message.textContent = error instanceof WrongCode
          ? "This access code does not open this page. It may be mistyped, expired or " +
            "revoked: check it, or request a new one."
          : "The protected content failed its integrity check, so nothing is shown. " +
            "Reload the page; if this goes on, contact us.";
      }
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      open(input.value);
    });

    // A link may carry the code in its fragment, which browsers never send to a server.
    // It is read once and removed from the address bar and the history entry.
    const match = /(?:^#|&)code=([^&]+)/.exec(location.hash);
    if (match) {
      history.replaceState(null, "", location.pathname + location.search);
      open(decodeURIComponent(match[1]));
    }
  }

  document.querySelectorAll("[data-tc-gate]").forEach(setUp);
})();
