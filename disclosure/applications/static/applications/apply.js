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
      var audio = box.querySelector(".captcha-audio");
      // The Mandarin audio is ours (/apply/captcha/<key>.wav), not django-simple-captcha's.
      if (audio) audio.href = audio.href.replace(/[^/]+\.wav$/, captcha.key + ".wav");
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
