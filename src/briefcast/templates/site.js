// Progressive enhancement only: without this script every link still works.
// Chapter and transcript links point at the MP3 with a #t= media fragment; here they
// seek the player on the page instead. Also: a copy button for the feed address, one
// player at a time, the playing chapter marked, and a #t=SECONDS page address seeks
// the first player.
(function () {
  "use strict";

  function playerFor(el) {
    var box = el.closest("[data-episode]");
    return (box || document).querySelector("audio");
  }

  function seek(audio, seconds) {
    if (!isFinite(seconds) || seconds < 0) return;
    if (audio.readyState >= 1) {
      audio.currentTime = seconds;
      return;
    }
    // No metadata yet: remember the position and ask for the metadata.
    audio.addEventListener("loadedmetadata", function () {
      audio.currentTime = seconds;
    }, { once: true });
    if (audio.preload === "none") {
      audio.preload = "metadata";
      audio.load();
    }
    audio.currentTime = seconds;
  }

  document.addEventListener("click", function (ev) {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var link = ev.target.closest ? ev.target.closest("a[data-start]") : null;
    if (!link) return;
    var audio = playerFor(link);
    if (!audio) return;
    ev.preventDefault();
    seek(audio, parseFloat(link.getAttribute("data-start")));
    audio.focus();
  });

  document.addEventListener("play", function (ev) {
    var players = document.querySelectorAll("audio");
    for (var i = 0; i < players.length; i++) {
      if (players[i] !== ev.target) players[i].pause();
    }
  }, true);

  // Mark the chapter that is playing.
  document.addEventListener("timeupdate", function (ev) {
    var audio = ev.target;
    var box = audio.closest("[data-episode]") || document;
    var links = box.querySelectorAll(".chapters a[data-start]");
    var now = null;
    for (var i = 0; i < links.length; i++) {
      if (parseFloat(links[i].getAttribute("data-start")) <= audio.currentTime + 0.25) now = links[i];
    }
    for (var j = 0; j < links.length; j++) {
      if (links[j] === now) links[j].setAttribute("aria-current", "true");
      else links[j].removeAttribute("aria-current");
    }
  }, true);

  var buttons = document.querySelectorAll("button[data-copy]");
  for (var i = 0; i < buttons.length; i++) {
    (function (button) {
      var input = document.getElementById(button.getAttribute("data-copy"));
      if (!input) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        input.select();
        var done = function () { button.textContent = "Copied"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(done, function () {
            document.execCommand("copy");
            done();
          });
        } else {
          document.execCommand("copy");
          done();
        }
      });
    })(buttons[i]);
  }

  var wanted = /^#t=(\d+(?:\.\d+)?)$/.exec(location.hash);
  var first = document.querySelector("audio");
  if (wanted && first) seek(first, parseFloat(wanted[1]));
})();
