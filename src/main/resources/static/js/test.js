/*
 * The test page, enhanced: progress while answering, and the answers kept in this
 * browser's localStorage so that a reload or a later visit on the same device carries on
 * where the visitor left off. Without JavaScript the form works as plain HTML.
 * Kept: the answers and the optional career stage, goal, age and career; never the name
 * or the email address. Cleared when the form is sent.
 * Kept too: the page's signed start time (hidden field "started"), so that answers carried
 * over to a later page (a reload, another language) are timed from the page they were
 * begun on, never from the later one (the server measures how long answering took).
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-autosave]');
  if (!form) {
    return;
  }
  var key = form.getAttribute('data-autosave');
  var total = parseInt(form.getAttribute('data-total'), 10);
  var kept = ['careerStage', 'primaryGoal', 'age', 'career'];
  var progress = document.getElementById('progress');
  var bar = document.getElementById('progress-bar');
  var count = document.getElementById('progress-count');
  var next = document.getElementById('progress-next');

  function load() {
    try {
      var state = JSON.parse(window.localStorage.getItem(key));
      return (state && typeof state === 'object') ? state : {};
    } catch (e) {
      return {};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (e) {
      // Storage full or disabled: the form still works, answers are just not kept.
    }
  }

  function isAnswer(name) {
    return /^answers\[\d{1,3}\]$/.test(name);
  }

  function issuedAt(stamp) {
    return (typeof stamp === 'string' && /^\d{1,19}\.[0-9a-f]{64}$/.test(stamp))
      ? parseInt(stamp.split('.')[0], 10) : null;
  }

  function restore(state) {
    var answers = state.answers || {};
    var carried = false;
    Object.keys(answers).forEach(function (name) {
      if (!isAnswer(name) || form.querySelector('input[name="' + name + '"]:checked')) {
        return; // answers the server sent back win over stored ones
      }
      var value = String(answers[name]);
      if (!/^[1-5]$/.test(value)) {
        return;
      }
      var input = form.querySelector('input[name="' + name + '"][value="' + value + '"]');
      if (input) {
        input.checked = true;
        carried = true;
      }
    });
    var started = form.elements.namedItem('started');
    var begun = issuedAt(state.started);
    if (carried && started && begun !== null) {
      var served = issuedAt(started.value);
      if (served === null || begun < served) {
        started.value = state.started;
      }
    }
    var fields = state.fields || {};
    kept.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && !field.value && typeof fields[name] === 'string') {
        field.value = fields[name];
      }
    });
  }

  function collect() {
    var state = { answers: {}, fields: {} };
    var started = form.elements.namedItem('started');
    if (started && started.value) {
      state.started = started.value;
    }
    Array.prototype.forEach.call(form.querySelectorAll('input[type=radio]:checked'), function (input) {
      if (isAnswer(input.name)) {
        state.answers[input.name] = input.value;
      }
    });
    kept.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && field.value) {
        state.fields[name] = field.value;
      }
    });
    return state;
  }

  function update() {
    var answered = 0;
    var firstOpen = null;
    for (var i = 0; i < total; i++) {
      if (form.querySelector('input[name="answers[' + i + ']"]:checked')) {
        answered++;
      } else if (firstOpen === null) {
        firstOpen = i + 1;
      }
    }
    bar.value = answered;
    count.textContent = String(answered);
    if (firstOpen === null) {
      next.hidden = true;
    } else {
      next.hidden = false;
      next.href = '#item-' + firstOpen;
    }
  }

  restore(load());
  progress.hidden = false;
  document.getElementById('progress-hint').hidden = false;
  update();
  form.addEventListener('change', function () {
    save(collect());
    update();
  });
  form.addEventListener('input', function (event) {
    if (event.target && kept.indexOf(event.target.name) >= 0) {
      save(collect());
    }
  });
  form.addEventListener('submit', function () {
    try {
      window.localStorage.removeItem(key);
    } catch (e) {
      // nothing kept
    }
  });
}());
