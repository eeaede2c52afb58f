// Errors on a tab the editor is not looking at (issue 17): an editor making an item saw a
// refusal at the top and nothing below it, the error sat on the hidden 推广 tab.
// Wagtail counts each tab's errors once, when the tab bar starts, before the StreamField
// draws its own errors, so a tab with only block errors showed no count. After the page has
// drawn: count again, open the first tab that has errors if the open one has none, and name
// the tabs with errors in the error message.
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
    recount();
    const tabs = tabsWithErrors();
    if (!tabs.length) return;
    const open = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
    if (!open) tabs[0].click();
    nameTabsInMessage(tabs, JSON.parse(config.textContent).message);
  }

  // After Wagtail's controllers and the StreamField have drawn the form.
  window.addEventListener('load', () => window.setTimeout(showErrorsOnTabs, 0));
})();
