// wagtail-localize's translation editor in Chinese (issue 17). Its React bundle writes two
// texts in English without gettext, so no catalogue reaches them: the heading "简体中文 to
// English translation" and the actions menu's screen-reader label "More actions". Their
// Chinese comes from the server (gongkai/languages/wagtail_hooks.py, gettext); this rewrites
// them whenever React renders them. Its other texts go through the JavaScript catalogue.
(function () {
  'use strict';

  const configElement = document.getElementById('localize-editor-chinese');
  if (!configElement) return;
  const config = JSON.parse(configElement.textContent);
  const HEADING = /^(.+) to (.+) translation$/;

  function chinese(text) {
    const heading = text.match(HEADING);
    if (heading) {
      return config.heading.replace('%(source)s', heading[1]).replace('%(target)s', heading[2]);
    }
    return text === 'More actions' ? config.moreActions : null;
  }

  function rewrite(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const changes = [];
    while (walker.nextNode()) {
      const replacement = chinese(walker.currentNode.textContent.trim());
      if (replacement !== null) changes.push([walker.currentNode, replacement]);
    }
    changes.forEach(([node, replacement]) => {
      node.textContent = replacement; // eslint-disable-line no-param-reassign
    });
  }

  function start() {
    // The React app's root; the heading and the menu are rendered inside it.
    const root = document.querySelector('.js-translation-editor');
    if (!root) return; // another editor: nothing of wagtail-localize's
    rewrite(root);
    new MutationObserver(() => rewrite(root)).observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
