// Wagtail's date picker (jQuery datetimepicker) on every admin page.
//
// It rewrote the field when it lost focus: a date that does not exist became another one
// (2024-02-30 turned into 2024-03-01, 2026-13-45 into today) and the editor saved a date nobody
// typed. The field now keeps what was typed; the server refuses a date that does not exist, on
// the field. Every picker reads these defaults when it is created.
//
// Its calendar read the field once, 0.1 s after it opened: an editor who had typed "2" by then
// saw January 1902, and a day clicked there was saved as 1902. The calendar now follows the
// text: the month of a whole date as it is typed, the current month until then.
(() => {
  const $ = window.jQuery;
  if (!$ || !$.fn.datetimepicker || !$.fn.datetimepicker.defaults) {
    return;
  }
  $.fn.datetimepicker.defaults.validateOnBlur = false;

  const WHOLE_DATE = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2}))?\s*$/;

  const typedDate = (text) => {
    const parts = WHOLE_DATE.exec(text);
    if (!parts) {
      return null;
    }
    const [year, month, day, hour, minute] = parts.slice(1).map((part) => Number(part || 0));
    const date = new Date(year, month - 1, day, hour, minute);
    const exists = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
    return exists ? date : null;
  };

  document.addEventListener('input', (event) => {
    const picker = $(event.target).data('xdsoft_datetimepicker');
    const datetime = picker && picker.data('xdsoft_datetime');
    if (datetime) {
      datetime.setCurrentTime(typedDate(event.target.value) || new Date());
    }
  });
})();
