// One click of 保存草稿 makes one draft (issue 17): on a slow server a second click, Enter,
// mod+s or 提交审核 from the menu posted the form again while the first post was on its way.
// The editor form goes out once: a submission that went out (a submit event nobody stopped, or
// the form's submit() called by Wagtail's scripts after stopping one) makes every later submit
// event a no-op, and its submit buttons are disabled until the next page loads. Disabled after
// the submit event, not during it: a disabled button would drop its own name (action-publish,
// action-submit …) from the posted form. The server refuses a second create with the same form
// token as well (gongkai/create_once.py).
(function () {
  'use strict';

  function submitOnce(form) {
    let sent = false;

    function markSent() {
      sent = true;
      window.setTimeout(() => {
        form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach((button) => {
          button.setAttribute('disabled', '');
        });
      });
    }

    form.addEventListener('submit', (event) => {
      if (sent) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      // After every listener has run: stopped (validation, a confirmation, a script that sends
      // it itself through submit()) or on its way.
      window.setTimeout(() => {
        if (!event.defaultPrevented) markSent();
      });
    });

    const submit = form.submit.bind(form);
    // eslint-disable-next-line no-param-reassign
    form.submit = () => {
      if (sent) return;
      markSent();
      submit();
    };

    // Back from the next page (bfcache): the form may be sent again.
    window.addEventListener('pageshow', (event) => {
      if (!event.persisted) return;
      sent = false;
      form.querySelectorAll('[type="submit"][disabled]').forEach((button) => {
        button.removeAttribute('disabled');
      });
    });
  }

  // Wagtail places the editor's scripts before the edit form: wrap it once the page is read.
  // signed_out_editor.js (inserted after this script, gongkai/wagtail_hooks.py) wraps the same
  // form.submit on the same event, so its wrapper calls this one: a form it holds back while
  // the editor is signed out never reaches this guard, and goes out once she has signed in
  // again. In the other order this guard would count the held-back form as sent and refuse
  // the real one.
  function wrapEditForms() {
    document.querySelectorAll('form[data-edit-form]').forEach(submitOnce);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wrapEditForms);
  } else {
    wrapEditForms();
  }
})();
