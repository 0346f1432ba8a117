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
  /* Which fold the reader opened, for print: Material opens every fold before printing, and the
     print style leaves out the article text unless the reader had opened it. A click on the
     summary toggles the fold after this runs, so the new state is the opposite of the current. */
  document.addEventListener("click", function (event) {
    var summary = event.target.closest && event.target.closest("details > summary");
    if (!summary) return;
    var fold = summary.parentElement;
    if (fold.open) delete fold.dataset.readerOpen;
    else fold.dataset.readerOpen = "";
  });
  /* Same-page links may be handled by instant navigation without a hashchange event. */
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest('a[href*="#s-"]')) setTimeout(showSentence, 50);
  });
})();
