/* "Citer ce paragraphe" and "Citer ce document": copy a French reference to the clipboard.
 *
 * The page carries the fixed part of the reference (issuing body, title, place, date) in the
 * data-reference attribute of .doc-cite (written by coopsec/write/cite.py); this script adds the
 * paragraph number, the page's own address and the day it is consulted. Plain script, no module,
 * no network: it works from file:// too. Where the clipboard API is missing or refused, the
 * reference is shown selected in a small dialog, to be copied by hand.
 */
(function () {
  "use strict";

  var MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre"];

  function today() {
    var now = new Date();
    var day = now.getDate();
    return (day === 1 ? "1er" : String(day)) + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
  }

  function pageAddress() {
    return window.location.href.split("#")[0];
  }

  /* The reference of the document, or of one paragraph when number and anchor are given. */
  function referenceText(base, number, anchor) {
    var text = base;
    var address = pageAddress();
    if (number) {
      text += (text ? ", " : "") + "§ " + number;
      address += "#" + anchor;
    }
    return text + ". Disponible sur : " + address + " (consulté le " + today() + ").";
  }

  var status = null;
  var statusTimer = null;

  function announce(message) {
    if (!status) {
      status = document.createElement("div");
      status.className = "cite-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    status.textContent = message;
    status.classList.add("cite-status--shown");
    window.clearTimeout(statusTimer);
    statusTimer = window.setTimeout(function () {
      status.classList.remove("cite-status--shown");
    }, 4000);
  }

  var dialog = null;

  function showDialog(text, opener) {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "cite-dialog";
      dialog.setAttribute("aria-labelledby", "cite-dialog-title");
      dialog.innerHTML = '<p class="cite-dialog__title" id="cite-dialog-title">Référence</p>' +
        '<textarea class="cite-dialog__text" readonly rows="5" aria-label="Référence à copier"></textarea>' +
        '<p class="cite-dialog__help">La référence est sélectionnée : copiez-la avec Ctrl+C (⌘+C sur Mac).</p>' +
        '<button type="button" class="cite-button cite-dialog__close">Fermer</button>';
      document.body.appendChild(dialog);
      dialog.querySelector(".cite-dialog__close").addEventListener("click", function () {
        dialog.close();
      });
      dialog.addEventListener("close", function () {
        if (dialog.opener) {
          dialog.opener.focus();
        }
      });
    }
    var area = dialog.querySelector("textarea");
    area.value = text;
    dialog.opener = opener;
    if (typeof dialog.showModal === "function") {
      dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
    }
    area.focus();
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    announce(copied ? "Référence copiée" : "Référence sélectionnée : copiez-la avec Ctrl+C");
  }

  function copy(text, opener) {
    var clipboard = navigator.clipboard;
    if (clipboard && typeof clipboard.writeText === "function" && window.isSecureContext !== false) {
      clipboard.writeText(text).then(function () {
        announce("Référence copiée");
      }, function () {
        showDialog(text, opener);
      });
    } else {
      showDialog(text, opener);
    }
  }

  /* The number a reader cites a paragraph by: its printed number, else its rank among unnumbered ones. */
  function paragraphNumber(marker) {
    if (marker.classList.contains("para-num")) {
      return marker.textContent.trim();
    }
    var match = /^a-(\d+)/.exec(marker.getAttribute("href").slice(1));
    return match ? match[1] : "";
  }

  function button(label, text) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = "cite-button cite-para";
    made.setAttribute("aria-label", label);
    made.textContent = text;
    return made;
  }

  function init() {
    var panel = document.querySelector(".doc-cite[data-reference]");
    if (!panel) {
      return;
    }
    var base = panel.getAttribute("data-reference");
    var whole = panel.querySelector(".cite-doc");
    whole.hidden = false;
    whole.addEventListener("click", function () {
      copy(referenceText(base, "", ""), whole);
    });
    var markers = document.querySelectorAll(".md-content a.para-num, .md-content a.para-link");
    Array.prototype.forEach.call(markers, function (marker) {
      var anchor = marker.getAttribute("href").slice(1);
      var number = paragraphNumber(marker);
      if (!anchor || !number) {
        return;
      }
      var cite = button("Citer ce paragraphe (§ " + number + ")", "Citer");
      cite.setAttribute("data-anchor", anchor);
      cite.addEventListener("click", function () {
        copy(referenceText(base, number, anchor), cite);
      });
      marker.parentNode.insertBefore(cite, marker.nextSibling);
      if (marker.classList.contains("para-num")) {
        cite.insertAdjacentText("afterend", " ");
      } else {
        cite.insertAdjacentText("beforebegin", " ");
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
