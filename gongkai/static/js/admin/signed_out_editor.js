// An editor whose session ended (logout in another tab, password changed, cookie dropped) kept
// typing in the edit form with no warning, clicked 保存草稿, was sent to the login page and came
// back to an edit page without her text.
//
// Wagtail's editing-session ping (every 10 s, at once when the tab is shown again) is the
// signal: the admin answers an XHR from a signed-out browser with 403 (wagtail.admin.auth
// reject_request), which Wagtail's w-session controller treats as no error at all. Here a 401/403
// ping turns the page "signed out": a warning with a link to sign in again in a new tab, and the
// form's actions send nothing. Each failed ping asks the edit page itself (403 while signed out);
// once it answers, the new sign-in's CSRF token (login rotates it) goes into the page's forms, so
// the next ping and the save go through, and the warning goes away.
//
// A save sent anyway (the session ended between pings) leaves a copy of the form in this tab's
// sessionStorage, keyed by the edit page's address and the revision it was edited from. Back on
// that edit page at the same revision, with no form errors shown (a refused save shows the posted
// text itself), the copy is offered: 恢复未保存的内容 posts it again as a draft through Wagtail's
// own edit view, so every widget (rich text, StreamField, choosers) comes back as Wagtail draws it.
(function () {
  'use strict';

  function watchForSignOut() {
    const configElement = document.getElementById('signed-out-editor-config');
    const form = document.querySelector('form[data-edit-form]');
    if (!configElement || !form) return;
    const config = JSON.parse(configElement.textContent);
    const storageKey = `gongkai:unsaved:${window.location.pathname}`;
    const ACTIONS = '[data-edit-form] button:is([type="submit"], [data-workflow-action-name])';
    let signedOut = false;
    let probing = false;

    function currentRevision() {
      const input =
        document.querySelector('.w-editing-sessions input[name="revision_id"]') ||
        form.querySelector('input[name="loaded_revision_id"]');
      return input ? input.value : '';
    }

    function notice(id, role) {
      let element = document.getElementById(id);
      if (!element) {
        element = document.createElement('div');
        element.id = id;
        element.setAttribute('role', role);
        element.className = 'help-block help-critical';
        element.style.margin = '1rem';
        form.before(element);
      }
      return element;
    }

    function showSignedOut() {
      const element = notice('signed-out-warning', 'alert');
      if (element.childElementCount) return;
      const text = document.createElement('span');
      text.textContent = `${config.signedOut} `;
      const link = document.createElement('a');
      link.href = config.loginUrl;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = config.signInLink;
      element.append(text, link);
    }

    function setSignedOut(value) {
      signedOut = value;
      if (value) {
        showSignedOut();
      } else {
        document.getElementById('signed-out-warning')?.remove();
      }
    }

    function useToken(token) {
      document.querySelectorAll('input[name="csrfmiddlewaretoken"]').forEach((input) => {
        // eslint-disable-next-line no-param-reassign
        input.value = token;
      });
      const pingForm = document.querySelector('form.w-editing-sessions');
      if (pingForm && !pingForm.querySelector('input[name="csrfmiddlewaretoken"]')) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'csrfmiddlewaretoken';
        input.value = token;
        pingForm.append(input);
      }
    }

    // Signed in again (in another tab)? The edit page answers 403 to an XHR while signed out.
    async function probe() {
      if (probing) return;
      probing = true;
      try {
        const response = await fetch(window.location.pathname, {
          headers: { 'x-requested-with': 'XMLHttpRequest' },
          credentials: 'same-origin',
          redirect: 'manual',
        });
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const token = page.querySelector('input[name="csrfmiddlewaretoken"]');
        if (!token) return;
        useToken(token.value);
        setSignedOut(false);
      } catch {
        // No network: Wagtail's own ping reports that.
      } finally {
        probing = false;
      }
    }

    document.addEventListener('w-swap:error', (event) => {
      if (!event.target.closest || !event.target.closest('.w-editing-sessions, #w-editing-sessions')) {
        return;
      }
      const status = event.detail && event.detail.error && event.detail.error.status;
      if (status === 401 || status === 403) {
        setSignedOut(true);
        probe();
      }
    });
    document.addEventListener('w-swap:success', (event) => {
      if (event.target.closest && event.target.closest('#w-editing-sessions')) setSignedOut(false);
    });

    function keepCopy(submitter) {
      const data = new FormData(form, submitter || undefined);
      const fields = [];
      data.forEach((value, name) => {
        if (typeof value === 'string') fields.push([name, value]);
      });
      try {
        window.sessionStorage.setItem(
          storageKey,
          JSON.stringify({ revision: currentRevision(), savedAt: Date.now(), fields }),
        );
      } catch {
        // Storage full or refused: the save goes on as before.
      }
    }

    function refuse(event) {
      event.preventDefault();
      event.stopImmediatePropagation();
      showSignedOut();
      document.getElementById('signed-out-warning').scrollIntoView({ block: 'center' });
    }

    // Capture on the document: before Wagtail's own click handlers (its dialogs, workflow modals).
    document.addEventListener(
      'click',
      (event) => {
        if (signedOut && event.target.closest && event.target.closest(ACTIONS)) refuse(event);
      },
      true,
    );
    document.addEventListener(
      'submit',
      (event) => {
        if (event.target !== form) return;
        keepCopy(event.submitter);
        if (signedOut) refuse(event);
      },
      true,
    );
    // Wraps submit_once.js's guard (wrapped first, its script comes first): a form held back
    // here is not counted as sent there.
    const submit = form.submit.bind(form);
    form.submit = () => {
      keepCopy(null);
      if (signedOut) {
        showSignedOut();
        return;
      }
      submit();
    };

    function offerCopy(copy) {
      const element = notice('unsaved-copy', 'status');
      const text = document.createElement('span');
      text.textContent = `${config.copyKept.replace(
        '%(time)s',
        new Date(copy.savedAt).toLocaleTimeString(),
      )} `;
      const restore = document.createElement('button');
      restore.type = 'button';
      restore.className = 'button button-small';
      restore.textContent = config.restore;
      restore.addEventListener('click', () => {
        const replay = document.createElement('form');
        replay.method = 'post';
        replay.action = window.location.pathname;
        replay.enctype = 'multipart/form-data';
        replay.hidden = true;
        const token = form.querySelector('input[name="csrfmiddlewaretoken"]');
        copy.fields
          .filter(([name]) => !/^(csrfmiddlewaretoken$|action-|workflow-action-)/.test(name))
          .concat([['csrfmiddlewaretoken', token ? token.value : '']])
          .forEach(([name, value]) => {
            // A textarea keeps line breaks that a hidden input's value would also keep, and
            // every value the form posted goes back unchanged.
            const field = document.createElement('textarea');
            field.name = name;
            field.value = value;
            replay.append(field);
          });
        document.body.append(replay);
        HTMLFormElement.prototype.submit.call(replay);
      });
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'button button-small button-secondary';
      discard.textContent = config.discard;
      discard.addEventListener('click', () => {
        window.sessionStorage.removeItem(storageKey);
        element.remove();
      });
      element.append(text, restore, ' ', discard);
    }

    function reviewCopy() {
      let copy = null;
      try {
        copy = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      } catch {
        copy = null;
      }
      if (!copy) return;
      const saved = copy.revision !== currentRevision();
      const shownWithErrors = document.querySelector('.messages .error, .error-message');
      if (!copy.revision || saved || shownWithErrors) {
        window.sessionStorage.removeItem(storageKey);
        return;
      }
      offerCopy(copy);
    }

    reviewCopy();
  }

  // Wagtail renders the editor's scripts before the edit form.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watchForSignOut);
  } else {
    watchForSignOut();
  }
})();
