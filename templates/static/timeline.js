// briefing: the timeline has a page per year and month. A link made when it was one
// page (timeline/#event) lands here; when the event's anchor is not on this page, find
// where the event is now and go there.
(function () {
  'use strict';
  var id = decodeURIComponent(window.location.hash.slice(1));
  if (!id || document.getElementById(id) || !window.fetch) return;
  window.fetch('events.json')
    .then(function (r) { return r.ok ? r.json() : {}; })
    .then(function (places) {
      if (Object.prototype.hasOwnProperty.call(places, id)) window.location.replace('../' + places[id]);
    })
    .catch(function () {});
})();
