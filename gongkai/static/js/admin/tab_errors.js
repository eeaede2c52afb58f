// Errors on a tab the editor is not looking at (issue 17): an editor making an item saw a
// refusal at the top and nothing below it, the error sat on the hidden 推广 tab.
// Wagtail counts each tab's errors once, when the tab bar starts, before the StreamField
// draws its own errors, so a tab with only block errors showed no count. After the page has
// drawn: count again, open the first tab that has errors if the open one has none, and name
// the tabs with errors in the error message.
// Wagtail also moves the go-live and expiry fields out of the 设置 tab into a dialog at the
// form's root, leaving an empty publishing panel behind: that tab counts the dialog's errors
// as its own, and a refused schedule opens the dialog, where its fields and errors are.
(function () {
  'use strict';

  const ERRORS = ':not([hidden]):is(.error-message,.help-critical)';
  const SCHEDULE = '#schedule-publishing-dialog';

  function scheduleWithErrors() {
    const dialog = document.querySelector(SCHEDULE);
    return dialog && dialog.querySelector(ERRORS) ? dialog : null;
  }

  function countScheduleOnItsTab() {
    const panel = document.querySelector('[role="tabpanel"] [data-panel].publishing');
    if (!panel) return;
    const tab = panel.closest('[role="tabpanel"]');
    const counter = document.querySelector(
      `[data-controller~="w-count"][data-w-count-container-value="#${tab.id}"]`,
    );
    if (counter) counter.dataset.wCountContainerValue += `, ${SCHEDULE}`;
  }

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
        if (!panel) return false;
        const holdsSchedule = panel.querySelector('[data-panel].publishing');
        return panel.querySelector(ERRORS) || (holdsSchedule && scheduleWithErrors());
      },
    );
  }

  function nameTabsInMessage(tabs, template) {
    const message = document.querySelector('.messages .error');
    if (!message || message.querySelector('[data-tabs-with-errors]')) return;
    const names = tabs.map((tab) => `“${tab.textContent.trim().split(/\s/)[0]}”`).join('、');
    const note = document.createElement('span');
    note.dataset.tabsWithErrors = '';
    note.textContent = ` ${template.replace('%(tabs)s', names)}`;
    (message.querySelector('.messages__text') || message).append(note);
  }

  function showErrorsOnTabs() {
    const config = document.getElementById('tab-errors-config');
    if (!config) return;
    countScheduleOnItsTab();
    recount();
    const tabs = tabsWithErrors();
    if (!tabs.length) return;
    const open = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
    if (!open) tabs[0].click();
    nameTabsInMessage(tabs, JSON.parse(config.textContent).message);
    const schedule = scheduleWithErrors();
    if (schedule) schedule.dispatchEvent(new CustomEvent('w-dialog:show'));
  }

  // After Wagtail's controllers and the StreamField have drawn the form.
  window.addEventListener('load', () => window.setTimeout(showErrorsOnTabs, 0));
})();
