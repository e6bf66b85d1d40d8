/* Reading settings (pinyin, text size: remembered) and read-along audio.
   Loaded in <head>: the remembered settings apply before the page is drawn. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = [100, 125, 150, 175, 200];

  function recall(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function remember(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }

  var size = SIZES.indexOf(Number(recall("converter.size")));
  if (size < 0) size = 0;
  var pinyin = recall("converter.pinyin") === "on";

  function applySize() {
    root.style.setProperty("--scale", String(SIZES[size] / 100));
    var now = document.querySelector(".size-now");
    if (now) now.textContent = "字号 " + SIZES[size] + "%";
    document.querySelectorAll("[data-size-step]").forEach(function (button) {
      var step = Number(button.getAttribute("data-size-step"));
      button.disabled = size + step < 0 || size + step >= SIZES.length;
    });
  }
  function applyPinyin() {
    root.classList.toggle("pinyin-on", pinyin);
    document.querySelectorAll(".pinyin-switch").forEach(function (button) {
      button.setAttribute("aria-pressed", String(pinyin));
    });
  }
  applySize();
  applyPinyin();

  function setUpControls() {
    var controls = document.querySelector(".controls");
    if (!controls) return;
    controls.hidden = false;
    if (!document.querySelector("ruby")) {
      document.querySelectorAll(".pinyin-switch").forEach(function (b) { b.remove(); });
    }
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.classList.contains("pinyin-switch")) {
        pinyin = !pinyin;
        remember("converter.pinyin", pinyin ? "on" : "off");
        applyPinyin();
      } else if (button.hasAttribute("data-size-step")) {
        size = Math.min(SIZES.length - 1, Math.max(0, size + Number(button.getAttribute("data-size-step"))));
        remember("converter.size", String(SIZES[size]));
        applySize();
      }
    });
    applySize();
    applyPinyin();
  }

  /* Read-along: the sentence being read carries aria-current="true". */
  function setUpReadAlong() {
    var audio = document.querySelector("audio[data-read-along]");
    var data = document.getElementById(audio ? audio.getAttribute("data-read-along") : "");
    if (!audio || !data) return;
    var clips = JSON.parse(data.textContent).map(function (c) {
      return { el: document.getElementById(c[0]), start: c[1], end: c[2] };
    }).filter(function (c) { return c.el; });
    if (!clips.length) return;
    root.classList.add("read-along");
    var hint = document.querySelector(".listen .hint");
    if (hint) hint.hidden = false;
    var current = null;
    var follow = true;      /* keep the sentence in view until the reader scrolls away */
    var userScroll = false;

    function clipAt(time) {
      for (var i = 0; i < clips.length; i++) {
        if (time < clips[i].end) return time >= clips[i].start ? clips[i] : null;
      }
      return null;
    }
    function inView(el) {
      var box = el.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }
    function mark(clip) {
      if (clip === current) return;
      if (current) current.el.removeAttribute("aria-current");
      current = clip;
      if (!clip) return;
      clip.el.setAttribute("aria-current", "true");
      var box = clip.el.getBoundingClientRect();
      if (follow && (box.top < window.innerHeight * 0.15 || box.bottom > window.innerHeight * 0.85)) {
        userScroll = false;  /* this scroll is the page's own, not the reader's */
        clip.el.scrollIntoView({ block: "center" });
      }
    }
    function tick() {
      mark(audio.ended ? null : clipAt(audio.currentTime));
      if (!audio.paused) window.requestAnimationFrame(tick);
    }
    audio.addEventListener("play", function () { follow = true; window.requestAnimationFrame(tick); });
    ["timeupdate", "seeked", "ended", "pause"].forEach(function (name) { audio.addEventListener(name, tick); });

    clips.forEach(function (clip) {
      clip.el.addEventListener("click", function (event) {
        if (event.target.closest("a") || String(window.getSelection())) return;
        audio.currentTime = clip.start + 0.01;
        follow = true;
        var playing = audio.play();
        if (playing && playing.catch) playing.catch(function () { /* needs a tap on the player */ });
        tick();
      });
    });

    ["wheel", "touchmove", "keydown"].forEach(function (name) {
      window.addEventListener(name, function () { userScroll = true; }, { passive: true });
    });
    window.addEventListener("scroll", function () {
      if (!userScroll || !current) return;
      userScroll = false;
      follow = inView(current.el);
    }, { passive: true });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpControls();
    setUpReadAlong();
  });
})();
