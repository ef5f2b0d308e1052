// Progressive enhancement for episode pages: a chapter or "Play from" link seeks the page's
// player instead of opening the audio file. Without this script the same links still work:
// they point at the audio with a media fragment (file.mp3#t=90), which browsers play from there.
"use strict";
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.seek");
  var player = document.getElementById("player");
  if (!link || !player || event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  var match = /#t=([0-9.]+)/.exec(link.getAttribute("href") || "");
  if (!match) {
    return;
  }
  event.preventDefault();
  player.currentTime = parseFloat(match[1]);
  var playing = player.play();
  if (playing && playing.catch) {
    playing.catch(function () {});  // autoplay refused: the position is set all the same
  }
  player.focus();
});
