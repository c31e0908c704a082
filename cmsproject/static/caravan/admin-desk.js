/* The editor's desk on a record's change form.
 *
 * 1. Unsaved work is never lost by surprise: once a field of the record's form changes, leaving
 *    the page (a link, a side action without script, closing the tab) asks first.
 * 2. Side actions — posting or resolving a comment, accepting or rejecting a suggestion — post
 *    their own small form (#side-actions) in the background and swap in the answer, so what is
 *    typed in the record's form stays where it is.
 * Without script both still work: side actions post and come back to the page.
 */
(function () {
  "use strict";

  function recordForm() {
    // a record's change form (id "<model>_form"), not a list's actions or a search box
    return document.querySelector("#content-main form[method=post][id$='_form']");
  }

  function guardUnsaved(form) {
    var dirty = false;
    function mark(event) {
      if (event.target && event.target.form === form) dirty = true;
    }
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return undefined;
      event.preventDefault();
      event.returnValue = "";
      return "";
    });
    document.documentElement.dataset.unsavedGuard = "on";
  }

  function say(text, ok) {
    var list = document.querySelector("ul.messagelist");
    if (!list) {
      list = document.createElement("ul");
      list.className = "messagelist";
      var content = document.getElementById("content") || document.body;
      content.parentNode.insertBefore(list, content);
    }
    var item = document.createElement("li");
    item.className = ok ? "success" : "error";
    item.textContent = text;
    list.appendChild(item);
  }

  function sideActions(side) {
    side.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !window.fetch) return;  // the plain post still works
      event.preventDefault();
      var data = new FormData(side, button);
      var url = button.formAction || side.action;
      var target = button.closest("[data-replace]") || document.getElementById("comments");
      button.disabled = true;
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (body) { return { response: response, body: body }; });
      }).then(function (result) {
        var body = result.body;
        if (body.html && target) {
          var holder = document.createElement("div");
          holder.innerHTML = body.html;
          var fresh = holder.firstElementChild;
          if (fresh) target.replaceWith(fresh);
        }
        if (body.message) say(body.message, body.ok !== false && result.response.ok);
      }).catch(function () {
        button.disabled = false;
        say("The action could not be sent: check the connection and try again.", false);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = recordForm();
    if (form) guardUnsaved(form);
    var side = document.getElementById("side-actions");
    if (side) sideActions(side);
  });
})();
