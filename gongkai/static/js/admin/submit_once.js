// One click of 保存草稿 makes one draft (issue 17): on a slow server a second click, Enter or
// mod+s posted the create form again and Wagtail created a second page. The editor form is
// submitted once; its submit buttons are disabled until the next page loads. Disabled after
// the submit event, not during it: a disabled button would drop its own name (action-publish,
// action-submit …) from the posted form. The server refuses a second create with the same
// form token as well (gongkai/create_once.py), for a form sent twice anyway.
(function () {
  'use strict';

  function submitOnce(form) {
    let sent = false;
    form.addEventListener('submit', (event) => {
      if (event.defaultPrevented) return; // validation or a confirmation stopped this one
      if (sent) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      sent = true;
      window.setTimeout(() => {
        if (event.defaultPrevented) {
          sent = false; // a later listener stopped it: nothing was sent
          return;
        }
        form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach((button) => {
          button.setAttribute('disabled', '');
        });
      });
    });
    // Back from the next page (bfcache): the form may be sent again.
    window.addEventListener('pageshow', (event) => {
      if (!event.persisted) return;
      sent = false;
      form.querySelectorAll('[type="submit"][disabled]').forEach((button) => {
        button.removeAttribute('disabled');
      });
    });
  }

  document.querySelectorAll('form[data-edit-form]').forEach(submitOnce);
})();
