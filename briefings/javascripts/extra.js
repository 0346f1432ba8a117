/* Source links: open the folded article text, highlight the sentence, bring it into view.
   Runs on every page load, including Material's instant navigation (document$). */
(function () {
  function showSentence() {
    document.querySelectorAll(".sentence.is-target").forEach(function (el) {
      el.classList.remove("is-target");
    });
    var id = decodeURIComponent(location.hash.slice(1));
    var sentence = /^s-\d+$/.test(id) && document.getElementById(id);
    if (!sentence) return;
    for (var fold = sentence.closest("details"); fold; fold = fold.parentElement.closest("details")) {
      fold.open = true;
      fold.dataset.readerOpen = "";
    }
    sentence.classList.add("is-target");
    sentence.scrollIntoView({ block: "center" });
  }

  /* The quotes page: show only the speakers whose name contains the typed text. */
  function filterQuotes(event) {
    var text = event.target.value.trim().toLowerCase();
    document.querySelectorAll(".speaker-quotes").forEach(function (group) {
      group.hidden = text !== "" && group.dataset.speaker.indexOf(text) < 0;
    });
  }

  /* The search page: Pagefind's own UI, loaded from the bundle built beside the site. */
  function startSearch() {
    var element = document.getElementById("pagefind-search");
    if (!element || element.dataset.started || typeof PagefindUI === "undefined") return;
    element.dataset.started = "true";
    new PagefindUI({ element: "#pagefind-search", showSubResults: true, showImages: false,
                     resetStyles: false, autofocus: true });
  }

  document$.subscribe(function () {
    setTimeout(showSentence);
    startSearch();
    var box = document.getElementById("quote-filter");
    if (box) box.addEventListener("input", filterQuotes);
  });
  window.addEventListener("hashchange", showSentence);
  /* Clicks: a same-page sentence link may be handled by instant navigation without a hashchange
     event; a click on a fold's summary records whether the reader opened it, for print (Material
     opens every fold before printing, and the print style leaves the article text out unless the
     reader had opened it). The fold toggles after this runs: the new state is the opposite. */
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    if (target.closest('a[href*="#s-"]')) setTimeout(showSentence, 50);
    var summary = target.closest("details > summary");
    if (!summary) return;
    var fold = summary.parentElement;
    if (fold.open) delete fold.dataset.readerOpen;
    else fold.dataset.readerOpen = "";
  });
})();
