// Runs in <head>, before the body is parsed. The built page carries a
// pre-rendered copy of the programme of the built-in schedule (#prerender),
// which paints before the app has loaded; it must show only where it is what
// the app will show: on "/" with no query, for the built-in schedule, with the
// conference's zone and no "hide past sessions". The saved theme is applied
// here too, so a dark choice never flashes light.
(function () {
  var show = location.pathname === '/' && location.search === '';
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
})();
