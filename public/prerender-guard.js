// Runs in <head>, before the body is parsed. A built page carries a copy of
// its view of the built-in schedule (#prerender), drawn at build time, which
// paints before the app has loaded; it must show only where it is what the
// app will show: at the page's own path (<meta name="app-page">, a trailing
// slash aside) with no query, for the built-in schedule, with the
// conference's zone and no "hide past sessions". The saved theme is applied
// here too, so a dark choice never flashes light.
//
// The stored keys, fields and values it reads are not written here: each
// placeholder (a name between percent signs) is filled by the build, when it
// writes this script into a page, from the Rust that owns the value
// (src/build.rs, guard_names).
(function () {
  var page = document.querySelector('meta[name="%page-meta%"]');
  var trim = function (p) {
    return p.replace(/\/+$/, '');
  };
  var show = !!page && trim(location.pathname) === trim(page.content) && location.search === '';
  try {
    var source = localStorage.getItem('%source-key%');
    if (source && JSON.parse(source)['%source-kind%'] !== '%source-default%') show = false;
    var settings = JSON.parse(localStorage.getItem('%settings-key%') || '{}');
    if (settings['%theme%'] === '%theme-light%' || settings['%theme%'] === '%theme-dark%') {
      document.documentElement.setAttribute('data-theme', settings['%theme%']);
    }
    if (settings['%zone%'] === '%zone-local%' || settings['%hide-past%']) show = false;
  } catch (e) {
    // Storage disabled: the defaults hold.
  }
  if (!show) document.documentElement.classList.add('no-prerender');
  // With JavaScript the copy is only a picture of the page until the app
  // takes over: inert, hidden from assistive technology (without it, it is
  // the page, read and followed as it is).
  document.addEventListener('DOMContentLoaded', function () {
    var copy = document.getElementById('%wrapper-id%');
    if (copy) {
      copy.inert = true;
      copy.setAttribute('aria-hidden', 'true');
    }
  });
})();
