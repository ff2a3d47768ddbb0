// trustcenter gate: opens the gated page with an access code, in the browser, with WebCrypto,
// and downloads the sealed files it lists. It undoes trustcenter/gate.py (format
// "trustcenter-gate", version 2) and trustcenter/filegate.py (format
// "trustcenter-gate-file", version 1); read those modules' docstrings for the schemes.
// No code, key or plaintext is sent anywhere or stored; files are fetched from this site only.
(() => {
  "use strict";

  const FORMAT = "trustcenter-gate";
  const VERSION = 2;
  const FILE_FORMAT = "trustcenter-gate-file";
  const FILE_VERSION = 1;
  const FILE_MAGIC = [0x54, 0x43, 0x47, 0x46]; // "TCGF"
  const FILE_HEADER = 4 + 1 + 12;
  const GCM_TAG = 16;
  const encoder = new TextEncoder();

  class WrongCode extends Error {}
  class Unreadable extends Error {}
  class FileFailed extends Error {}

  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const normalize = (code) => code.toUpperCase().replace(/[^A-Z2-7]/g, "");
  const associated = (path, part) => encoder.encode(`${FORMAT}/v${VERSION}\n${path}\n${part}`);
  const fileAssociated = (identity) => encoder.encode(`${FILE_FORMAT}/v${FILE_VERSION}\n${identity}`);

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

  // Returns the page's HTML and the grant the code belongs to ({grant, expires}).
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
      const envelope = JSON.parse(new TextDecoder().decode(await decrypt(
        wrappingKey, fromBase64(slot.iv), fromBase64(slot.key), associated(path, "key"))));
      const html = await decrypt(
        fromBase64(envelope.key), fromBase64(payload.iv), fromBase64(payload.data),
        associated(path, "content"));
      return { html: new TextDecoder().decode(html), grant: envelope.grant, expires: envelope.expires };
    } catch (error) {
      throw new Unreadable(String(error));
    }
  }

  // "2027-01-31" as "31 January 2027", the way the site writes dates, in UTC.
  function longDate(iso) {
    const date = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) {
      return iso;
    }
    return date.toLocaleDateString("en-GB", {
      day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  // Fetch one sealed file from this site, open it, check it, and only then save it.
  async function fetchFile(button) {
    const url = new URL(button.dataset.asset, location.href);
    if (url.origin !== location.origin) {
      throw new FileFailed("The file's address is not on this site, so it was not fetched.");
    }
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
    } catch (error) {
      throw new FileFailed("The file could not be fetched. Check your connection and try again.");
    }
    if (!response.ok) {
      throw new FileFailed(`The file could not be fetched (HTTP ${response.status}). ` +
        "Reload the page; if this goes on, contact us.");
    }
    const asset = new Uint8Array(await response.arrayBuffer());
    const damaged = "The file failed its integrity check (it was changed or cut short), " +
      "so nothing was saved. Reload the page; if this goes on, contact us.";
    if (asset.length < FILE_HEADER + GCM_TAG ||
        FILE_MAGIC.some((byte, index) => asset[index] !== byte)) {
      throw new FileFailed(damaged);
    }
    if (asset[4] !== FILE_VERSION) {
      throw new FileFailed("The file is in a format this page cannot read. Reload the page.");
    }
    let plain;
    try {
      plain = await decrypt(fromBase64(button.dataset.key), asset.subarray(5, FILE_HEADER),
        asset.subarray(FILE_HEADER), fileAssociated(button.dataset.identity));
    } catch (error) {
      throw new FileFailed(damaged);
    }
    const digest = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", plain)));
    if (digest !== button.dataset.sha256 || plain.length !== Number(button.dataset.size)) {
      throw new FileFailed(damaged);
    }
    return plain;
  }

  function save(bytes, name) {
    const href = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
    const link = document.createElement("a");
    link.href = href;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
  }

  function setUpFiles(content) {
    content.querySelectorAll("[data-tc-file]").forEach((button) => {
      const status = button.parentElement.querySelector(".tc-file__status");
      button.addEventListener("click", async () => {
        button.disabled = true;
        status.classList.remove("tc-file__status--error");
        status.textContent = "Downloading and checking the file…";
        try {
          const plain = await fetchFile(button);
          save(plain, button.dataset.name);
          status.textContent = `Saved as ${button.dataset.name}; its SHA-256 matches the one ` +
            "shown here.";
        } catch (error) {
          status.classList.add("tc-file__status--error");
          status.textContent = error instanceof FileFailed
            ? error.message
            : "The file could not be opened, so nothing was saved. Reload the page.";
        } finally {
          button.disabled = false;
        }
      });
    });
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
        const opened = await unseal(payload, pagePath(), code);
        // The decrypted HTML was rendered, escaped and authenticated by our own build.
        content.innerHTML = opened.html;
        setUpFiles(content);
        content.hidden = false;
        form.hidden = true;
        gate.classList.add("tc-gate--open");
        // The grant's label and expiry come from its own sealed slot: written as text.
        message.textContent = opened.grant
          ? `Unlocked with the access code shared with ${opened.grant}, valid through ` +
            `${longDate(opened.expires)}: the report details are shown below.`
          : "Unlocked: the report details are shown below.";
        document.querySelectorAll("[data-tc-request-access]").forEach((prompt) => {
          prompt.hidden = true;
        });
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
