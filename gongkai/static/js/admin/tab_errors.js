// Errors on a tab the editor is not looking at (issue 17): an editor making an item saw a
// refusal at the top and nothing below it, the error sat on the hidden 推广 tab.
// Wagtail counts each tab's errors once, when the tab bar starts, before the StreamField
// draws its own errors, so a tab with only block errors showed no count. After the page has
// drawn: count again, open the first tab that has errors if the open one has none, and name
// the tabs with errors in the error message.
// The go-live and expiry fields are in no tab: Wagtail draws them in a dialog opened from the
// status side panel, so a refused schedule left only a small mark on the panel's icon. The
// dialog opens with its fields and errors, and the message says so.
(function () {
  'use strict';

  const ERRORS = ':not([hidden]):is(.error-message,.help-critical)';

  function recount() {
    const app = window.wagtail && window.wagtail.app;
    if (!app) return;
    document.querySelectorAll('[data-controller~="w-count"]').forEach((element) => {
      const counter = app.getControllerForElementAndIdentifier(element, 'w-count');
      if (counter) counter.count();
    });
  }

  function tabsWithErrors() {
    return [...document.querySelectorAll('[role="tab"][data-w-tabs-target="trigger"]')].filter(
      (tab) => {
        const panel = document.getElementById(tab.getAttribute('aria-controls'));
        return panel && panel.querySelector(ERRORS);
      },
    );
  }

  function scheduleWithErrors() {
    const dialog = document.getElementById('schedule-publishing-dialog');
    return dialog && dialog.querySelector(ERRORS) ? dialog : null;
  }

  function addToMessage(text) {
    const message = document.querySelector('.messages .error');
    if (!message) return;
    const note = document.createElement('span');
    note.dataset.tabsWithErrors = '';
    note.textContent = ` ${text}`;
    (message.querySelector('.messages__text') || message).append(note);
  }

  function showErrors() {
    const config = document.getElementById('tab-errors-config');
    if (!config || document.querySelector('[data-tabs-with-errors]')) return;
    const messages = JSON.parse(config.textContent);
    recount();
    const tabs = tabsWithErrors();
    if (tabs.length) {
      const open = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
      if (!open) tabs[0].click();
      // A form may repeat a tab's name (the account form's 角色): each name once.
      const names = [...new Set(tabs.map((tab) => tab.textContent.trim().split(/\s/)[0]))]
        .map((name) => `“${name}”`)
        .join('、');
      addToMessage(messages.tabs.replace('%(tabs)s', names));
    }
    const schedule = scheduleWithErrors();
    if (schedule) {
      addToMessage(messages.schedule);
      schedule.dispatchEvent(new CustomEvent('w-dialog:show'));
    }
  }

  // After Wagtail's controllers and the StreamField have drawn the form.
  window.addEventListener('load', () => window.setTimeout(showErrors, 0));
})();
