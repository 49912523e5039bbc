// Saves the note-taker's notes while they type: a second after they stop and when they leave the field, through
// PUT /api/meetings/{id}/notes/{position} with the revision the text started from. Until the server confirms, the
// text is kept in localStorage (per tenant, meeting and item), so a dropped connection or a reload loses nothing: the
// script retries with growing pauses and at once when the browser is online again, and after a reload it brings an
// unsent text back (or, if the saved notes changed meanwhile, offers both). A save refused because someone else saved
// newer text shows the two and lets the writer choose. Without JavaScript the form's button saves the same way.
(function () {
  'use strict';
  var list = document.querySelector('[data-notes]');
  if (!list || !window.fetch || !window.JSON) {
    return;
  }

  var delay = 1000;
  var maxRetry = 60000;
  var texts = {};
  ['saving', 'saved', 'retry', 'offline', 'refused', 'restored', 'unsent', 'use-mine', 'use-saved', 'conflict'].forEach(function (name) {
    texts[name] = list.getAttribute('data-text-' + name) || '';
  });
  var tokenName = list.getAttribute('data-antiforgery-field');
  var storagePrefix = list.getAttribute('data-storage-key') + ':' + window.location.host + ':';
  var notes = [];

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function clock() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    var separator = document.documentElement.lang === 'en' ? ':' : '.';
    return pad(now.getHours()) + separator + pad(now.getMinutes());
  }

  function attach(form) {
    var area = form.querySelector('textarea');
    var revisionInput = form.querySelector('[data-revision]');
    var status = form.querySelector('[data-status]');
    var token = form.querySelector('input[name="' + tokenName + '"]');
    var key = storagePrefix + form.getAttribute('data-position');
    var note = {
      revision: parseInt(revisionInput.value, 10) || 0,
      saved: area.value,
      timer: null,
      retry: 0,
      busy: false,
      again: false,
      held: false
    };

    function say(text, problem) {
      status.textContent = text;
      status.classList.toggle('note__status--problem', !!problem);
    }

    function keep() {
      var store = storage();
      if (!store) {
        return;
      }

      if (area.value === note.saved) {
        store.removeItem(key);
      } else {
        store.setItem(key, JSON.stringify({ text: area.value, revision: note.revision }));
      }
    }

    function setRevision(revision) {
      note.revision = revision;
      revisionInput.value = String(revision);
    }

    function later(ms) {
      window.clearTimeout(note.timer);
      note.timer = window.setTimeout(save, ms);
    }

    function retryLater() {
      note.retry = note.retry ? Math.min(note.retry * 2, maxRetry) : 2000;
      later(note.retry);
    }

    function save() {
      window.clearTimeout(note.timer);
      if (note.held || area.value === note.saved) {
        return;
      }

      if (note.busy) {
        note.again = true;
        return;
      }

      if (navigator.onLine === false) {
        say(texts.offline, true);
        return;
      }

      var text = area.value;
      note.busy = true;
      say(texts.saving);
      var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      if (token) {
        headers.RequestVerificationToken = token.value;
      }

      fetch(form.getAttribute('data-api'), {
        method: 'PUT',
        credentials: 'same-origin',
        headers: headers,
        body: JSON.stringify({ Text: text, Revision: note.revision })
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (response.ok) {
            setRevision(body.revision);
            note.saved = text;
            note.retry = 0;
            keep();
            say(texts.saved.replace('{0}', clock()));
          } else if (response.status === 409) {
            conflict(body.text || '', body.revision || 0, texts.conflict);
          } else if (response.status >= 500 || response.status === 429) {
            say(texts.retry, true);
            retryLater();
          } else {
            // Refused (signed out, a limit): keep the text in the browser and say why; the writer can press the button.
            say(texts.refused + (body.detail ? ': ' + body.detail : ''), true);
          }
        });
      }, function () {
        say(navigator.onLine === false ? texts.offline : texts.retry, true);
        retryLater();
      }).then(function () {
        note.busy = false;
        if (note.again) {
          note.again = false;
          save();
        }
      });
    }

    // Shows the stored text beside the writer's and waits for a choice; nothing is saved until then.
    function conflict(stored, revision, heading) {
      note.held = true;
      var old = form.querySelector('.note__conflict');
      if (old) {
        old.parentNode.removeChild(old);
      }

      var box = document.createElement('div');
      box.className = 'note__conflict';
      box.setAttribute('role', 'alert');
      var p = document.createElement('p');
      p.textContent = heading;
      var pre = document.createElement('pre');
      pre.className = 'note__saved-text';
      pre.textContent = stored;
      var choices = document.createElement('div');
      choices.className = 'note__choices';
      var mine = document.createElement('button');
      mine.type = 'button';
      mine.textContent = texts['use-mine'];
      var theirs = document.createElement('button');
      theirs.type = 'button';
      theirs.className = 'secondary';
      theirs.textContent = texts['use-saved'];
      choices.appendChild(mine);
      choices.appendChild(theirs);
      box.appendChild(p);
      box.appendChild(pre);
      box.appendChild(choices);
      area.insertAdjacentElement('afterend', box);
      say('');

      function resolve(text) {
        note.held = false;
        setRevision(revision);
        note.saved = stored;
        box.parentNode.removeChild(box);
        area.value = text;
        keep();
        area.focus();
        save();
      }

      mine.addEventListener('click', function () { resolve(area.value); });
      theirs.addEventListener('click', function () { resolve(stored); });
    }

    area.addEventListener('input', function () {
      keep();
      later(delay);
    });
    area.addEventListener('blur', save);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      save();
    });

    // An unsent text from before a reload: back in the field if the saved notes are still those it started from,
    // else offered beside them.
    var store = storage();
    var unsent = null;
    try {
      unsent = store ? JSON.parse(store.getItem(key) || 'null') : null;
    } catch (e) {
      unsent = null;
    }

    if (unsent && typeof unsent.text === 'string' && unsent.text !== area.value) {
      if (unsent.revision === note.revision) {
        area.value = unsent.text;
        say(texts.restored);
        save();
      } else {
        var server = area.value;
        area.value = unsent.text;
        conflict(server, note.revision, texts.unsent);
      }
    } else if (store && unsent) {
      store.removeItem(key);
    }

    notes.push({ save: function () { note.retry = 0; save(); } });
  }

  Array.prototype.forEach.call(list.querySelectorAll('form[data-note]'), attach);
  window.addEventListener('online', function () {
    notes.forEach(function (note) { note.save(); });
  });
}());
