// trustcenter request form: composes the e-mail a request for reports under NDA sends.
// Used only when data/company.yml's request_access names an `email`: the form is hidden
// in the HTML (readers without JavaScript get a plain mailto: link with the same subject)
// and shown here. Nothing is sent from the page: submitting opens the reader's e-mail
// program with the request written to the address in the data, and shows the same text
// to copy into webmail. The lines match trustcenter/hub.py's request_body, and the
// percent-encoding its mailto (encodeURIComponent), so both compose the same URL.
(() => {
  "use strict";

  const form = document.getElementById("tc-request-form");
  if (!form || form.dataset.mode !== "email") return;
  const result = document.getElementById("tc-request-result");
  const items = Array.from(form.querySelectorAll("input[name='reports']"));

  function compose() {
    const field = (name) => form.elements.namedItem(name).value.trim();
    const lines = [
      `Name: ${field("name")}`,
      `Company: ${field("company")}`,
      `Work e-mail: ${field("email")}`,
      "Reports and documents requested:",
      ...items.filter((box) => box.checked).map((box) => `- ${box.value}`),
      `Why we need them: ${field("reason")}`,
      `I accept the terms shown on ${form.dataset.termsPage}`,
    ];
    return lines.join("\r\n");
  }

  // At least one report or document: a checkbox group has no native "required".
  function checkItems() {
    const none = !items.some((box) => box.checked);
    items[0].setCustomValidity(none ? "Choose at least one report or document." : "");
  }
  items.forEach((box) => box.addEventListener("change", checkItems));
  checkItems();

  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = compose();
    const href = `mailto:${form.dataset.to}?subject=${encodeURIComponent(form.dataset.subject)}` +
      `&body=${encodeURIComponent(body)}`;
    document.getElementById("tc-request-body").value = body;
    const open = document.getElementById("tc-request-open");
    open.href = href;
    result.hidden = false;
    open.focus();
    window.location.href = href;
  });
})();
