// Runs in <head>, before the body is parsed. A built page carries a copy of
// its view of the built-in schedule (#prerender), drawn at build time, which
// paints before the app has loaded; it must show only where it is what the
// app will show: at the page's own path (<meta name="app-page">, a trailing
// slash aside) with no query, for the built-in schedule, with the
// conference's zone and no "hide past sessions". The saved theme is applied
// here too, so a dark choice never flashes light.
(function () {
  var page = document.querySelector('meta[name="app-page"]');
  var trim = function (p) {
    return p.replace(/\/+$/, '');
  };
  var show = !!page && trim(location.pathname) === trim(page.content) && location.search === '';
  try {
    var source = localStorage.getItem('schedule-viewer/current-schedule');
    if (source && JSON.parse(source).kind !== 'default') show = false;
    var settings = JSON.parse(localStorage.getItem('schedule-viewer/settings') || '{}');
    if (settings.theme === 'light' || settings.theme === 'dark') {
      document.documentElement.setAttribute('data-theme', settings.theme);
    }
    if (settings.zone === 'local' || settings.hide_past) show = false;
  } catch (e) {
    // Storage disabled: the defaults hold.
  }
  if (!show) document.documentElement.classList.add('no-prerender');
  // With JavaScript the copy is only a picture of the page until the app
  // takes over: inert, hidden from assistive technology (without it, it is
  // the page, read and followed as it is).
  document.addEventListener('DOMContentLoaded', function () {
    var copy = document.getElementById('prerender');
    if (copy) {
      copy.inert = true;
      copy.setAttribute('aria-hidden', 'true');
    }
  });
})();
