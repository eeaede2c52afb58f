// "换一张": a new CAPTCHA without leaving the page (django-simple-captcha's /captcha/refresh/).
// Without JavaScript the button posts the form, which comes back with a new picture.
document.addEventListener("click", function (event) {
  var button = event.target.closest(".captcha-refresh");
  if (!button) return;
  var box = button.closest(".captcha-box");
  var field = box.parentElement;
  event.preventDefault();
  fetch(box.dataset.captchaRefresh, { headers: { "X-Requested-With": "XMLHttpRequest" } })
    .then(function (response) { if (!response.ok) throw response; return response.json(); })
    .then(function (captcha) {
      box.querySelector(".captcha-image").src = captcha.image_url;
      // The Mandarin audio is ours (/apply/captcha/<key>.wav), not django-simple-captcha's:
      // the player and its fallback link follow the new picture, or they would read the old
      // challenge's digits.
      var wav = function (url) { return url.replace(/[^/]+\.wav$/, captcha.key + ".wav"); };
      var link = box.querySelector(".captcha-audio");
      if (link) link.href = wav(link.href);
      var player = box.querySelector(".captcha-player");
      if (player) {
        var source = player.querySelector("source");
        source.src = wav(source.src);
        player.load();
      }
      field.querySelector("input[type=hidden][name$=_0]").value = captcha.key;
      var answer = field.querySelector("input[name$=_1]");
      answer.value = "";
      answer.focus();
      var status = document.querySelector("[data-captcha-announce]");
      if (status) status.textContent = button.dataset.done || "已更换验证码";
    })
    .catch(function () { button.form.requestSubmit(button); });
});

// A refused submission: the error summary takes the focus, so that a screen reader starts with
// what to correct (the autofocus attribute does the same where the browser honours it).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".errorsummary");
  if (summary && document.activeElement !== summary) summary.focus();
});
