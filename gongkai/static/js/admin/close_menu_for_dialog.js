// A footer action that opens a dialog (退回修改, 附意见通过, 保密审查清单 …) leaves the action menu it
// was chosen from open: Wagtail's workflow script stops the click before the menu sees it. At
// 768 px the open menu then covers the lower part of the dialog (issue 17, F7). Closing the menu
// as the dialog opens: a capturing listener on the document runs before the button's own.
(function () {
  'use strict';

  const OPENS_A_DIALOG = '[data-workflow-action-modal-url], [data-launch-modal], [data-a11y-dialog-show]';

  document.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest && event.target.closest(OPENS_A_DIALOG);
      const menu = button && button.closest('[data-controller~="w-dropdown"]');
      const app = window.wagtail && window.wagtail.app;
      if (!menu || !app) return;
      const dropdown = app.getControllerForElementAndIdentifier(menu, 'w-dropdown');
      if (dropdown) dropdown.hide();
    },
    { capture: true },
  );
})();
