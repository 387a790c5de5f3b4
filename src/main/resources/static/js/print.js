// 打印: the reply's print button (a bundled file: the Content-Security-Policy allows no
// inline script). Shown only where this script runs; the page prints as the letter
// (dafu.css, @media print).
(function () {
  'use strict';
  function ready() {
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        window.print();
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
