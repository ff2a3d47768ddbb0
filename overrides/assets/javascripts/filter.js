// trustcenter table filters: a search box and a choice per facet (category, status,
// location, data, transfer mechanism) above a complete table, narrowing the rows shown.
// Progressive enhancement: without JavaScript every row is there; the HTML marks the
// scope with data-tc-filter="key:Label,key:Label" and each row with data-filter-<key>
// (several values joined by "|"). Values written "Group: value" (the subprocessors'
// "EU/EEA: Standard Contractual Clauses (2021)") are offered grouped by their part before
// ": " (the exporting regime). Nothing is sent anywhere or stored.
(() => {
  "use strict";

  let counter = 0;

  function control(labelText, field) {
    const id = `tc-filter-${++counter}`;
    const wrap = document.createElement("p");
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = labelText;
    field.id = id;
    wrap.append(label, field);
    return wrap;
  }

  function setUp(scope) {
    const rows = Array.from(scope.querySelectorAll("tbody tr"));
    if (rows.length < 2) return;
    const facets = (scope.dataset.tcFilter || "").split(",").filter(Boolean).map((pair) => {
      const [key, label] = pair.split(":");
      const values = new Set();
      rows.forEach((row) => (row.getAttribute(`data-filter-${key}`) || "").split("|")
        .filter(Boolean).forEach((value) => values.add(value)));
      const select = document.createElement("select");
      select.add(new Option("All", ""));
      const all = Array.from(values);
      if (all.length && all.every((value) => value.includes(": "))) {
        // "EU/EEA: Standard Contractual Clauses (2021)": one group per part before ": ",
        // in the order the rows give them, each choice named by the rest.
        const groups = new Map();
        all.forEach((value) => {
          const [group] = value.split(": ", 1);
          if (!groups.has(group)) groups.set(group, []);
          groups.get(group).push(value);
        });
        groups.forEach((members, group) => {
          const optgroup = document.createElement("optgroup");
          optgroup.label = group;
          members.sort((a, b) => a.localeCompare(b)).forEach((value) =>
            optgroup.append(new Option(value.slice(group.length + 2), value)));
          select.append(optgroup);
        });
      } else {
        all.sort((a, b) => a.localeCompare(b))
          .forEach((value) => select.add(new Option(value, value)));
      }
      return { key, label, select };
    });

    const bar = document.createElement("div");
    bar.className = "tc-filter";
    bar.setAttribute("role", "search");
    bar.setAttribute("aria-label", `Filter the ${scope.dataset.tcFilterName || "table"}`);
    const search = document.createElement("input");
    search.type = "search";
    search.autocomplete = "off";
    bar.append(control("Filter", search));
    facets.forEach((facet) => bar.append(control(facet.label, facet.select)));
    const count = document.createElement("p");
    count.className = "tc-filter__count";
    count.setAttribute("role", "status");
    bar.append(count);

    function apply() {
      const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      rows.forEach((row) => {
        const text = row.textContent.toLowerCase();
        const match = words.every((word) => text.includes(word)) && facets.every((facet) =>
          !facet.select.value ||
          (row.getAttribute(`data-filter-${facet.key}`) || "").split("|").includes(facet.select.value));
        row.hidden = !match;
        if (match) shown += 1;
      });
      scope.querySelectorAll("[data-tc-filter-group]").forEach((group) => {
        group.hidden = !group.querySelector("tbody tr:not([hidden])");
      });
      count.textContent = shown === rows.length ? `${rows.length} shown` :
        `${shown} of ${rows.length} shown`;
    }

    search.addEventListener("input", apply);
    facets.forEach((facet) => facet.select.addEventListener("change", apply));
    scope.before(bar);
    apply();
  }

  document.querySelectorAll("[data-tc-filter]").forEach(setUp);
})();
