// Title suggestions for the search box: an ARIA 1.2 combobox with a list box.
// Without this script the box is a plain search form; with it, typed letters bring up to eight
// titles; the up and down arrows move through them, Enter opens the chosen one, Escape closes.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) return;
  var list = document.createElement("ul");
  list.id = input.id + "-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  var items = [];
  var active = -1;
  var timer = null;
  var asked = "";

  function close() {
    list.hidden = true;
    list.textContent = "";
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(index) {
    if (active >= 0) items[active].setAttribute("aria-selected", "false");
    active = index;
    if (active < 0) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function show(suggestions) {
    close();
    suggestions.forEach(function (suggestion, index) {
      var option = document.createElement("li");
      option.id = list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = suggestion.title;
      option.dataset.url = suggestion.url;
      var kind = document.createElement("span");
      kind.className = "search-suggestions__kind";
      kind.textContent = " · " + suggestion.kind;
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        window.location.assign(suggestion.url);
      });
      list.appendChild(option);
      items.push(option);
    });
    if (items.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  function ask() {
    var query = input.value.trim();
    if (query.length < 2) {
      close();
      return;
    }
    asked = query;
    var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (input.value.trim() === asked) show(data.suggestions || []);
      })
      .catch(close);
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      choose((active + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length) {
      event.preventDefault();
      choose(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(items[active].dataset.url);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", close);
})();
