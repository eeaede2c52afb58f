// A refused save that autosave then saved (issue 17, B2): a new item submitted with its 正文
// empty came back as "页面有校验错误，未能创建" with the form marked; Wagtail's autosave then
// saved the form as it stands (it leaves required fields for later) and the item existed, the
// address already its edit page and the header 已保存, while the message still said it had not
// been created. Once an autosave succeeds, the server's "could not be created / saved" sentence
// says instead that a draft was saved and the marked fields still need changing; the rest of
// the message (the list of errors, 转到第一个错误, the tabs with errors) stays.
(function () {
  'use strict';

  function config() {
    const element = document.getElementById('autosaved-after-refusal-config');
    return element ? JSON.parse(element.textContent) : null;
  }

  function refusalTexts(refusals) {
    const texts = [];
    document.querySelectorAll('.messages li.error').forEach((message) => {
      message.childNodes.forEach((node) => {
        if (node.nodeType === Node.TEXT_NODE && refusals.includes(node.textContent.trim())) {
          texts.push(node);
        }
      });
    });
    return texts;
  }

  document.addEventListener('w-autosave:success', () => {
    const messages = config();
    if (!messages) return;
    refusalTexts(messages.refusals).forEach((node) => {
      // eslint-disable-next-line no-param-reassign
      node.textContent = ` ${messages.saved} `;
    });
  });
})();
