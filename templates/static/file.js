// briefing: links between pages end in a folder ("../people/x/"), which a web server
// answers with the folder's index.html. Opened from disk (file://), a browser shows the
// folder instead, so there, and only there, each such link gets "index.html" added.
(function () {
  'use strict';
  if (window.location.protocol !== 'file:') return;
  function fix(el, attr) {
    var url = el.getAttribute(attr);
    // Only relative links to a folder: no scheme, not "//host", not "#fragment".
    if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.charAt(0) === '#' || url.slice(0, 2) === '//') return;
    var cut = url.search(/[?#]/);
    var path = cut < 0 ? url : url.slice(0, cut);
    var rest = cut < 0 ? '' : url.slice(cut);
    if (path === '' || path.charAt(path.length - 1) !== '/') return;
    el.setAttribute(attr, path + 'index.html' + rest);
  }
  function run() {
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) fix(links[i], 'href');
    var forms = document.querySelectorAll('form[action]');
    for (var j = 0; j < forms.length; j++) fix(forms[j], 'action');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
