// Live preview of Markdown in the site's write form: the text goes to the server's preview endpoint (the same sanitizing
// renderer the pages use) a moment after the writer stops typing, and the result is shown below the field. Without
// JavaScript the form's "Forhåndsvis" button asks the server for the same preview.
(function () {
  'use strict';
  var delay = 600;

  function attach(area) {
    var target = document.getElementById(area.getAttribute('data-preview-target'));
    var body = target && target.querySelector('[data-preview-body]');
    if (!body || !window.fetch || !window.FormData) {
      return;
    }

    var form = area.form;
    var tokenName = area.getAttribute('data-antiforgery-field');
    var timer = null;
    var sent = 0;
    var last = null;

    function refresh() {
      if (area.value === last) {
        return;
      }

      last = area.value;
      var number = ++sent;
      var data = new FormData();
      data.append('markdown', area.value);
      var token = tokenName && form ? form.querySelector('input[type="hidden"][name="' + tokenName + '"]') : null;
      if (token) {
        data.append(token.name, token.value);
      }

      target.setAttribute('aria-busy', 'true');
      fetch(area.getAttribute('data-preview-url'), { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          // Only the newest answer counts; an older one may arrive after it.
          if (number === sent) {
            body.innerHTML = html;
            target.hidden = false;
          }
        })
        .catch(function () { /* The writer can still press "Forhåndsvis". */ })
        .then(function () {
          if (number === sent) {
            target.removeAttribute('aria-busy');
          }
        });
    }

    area.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, delay);
    });

    if (area.value.trim() !== '' && target.hidden) {
      refresh();
    }
  }

  var areas = document.querySelectorAll('textarea[data-preview-url]');
  for (var i = 0; i < areas.length; i++) {
    attach(areas[i]);
  }
})();
