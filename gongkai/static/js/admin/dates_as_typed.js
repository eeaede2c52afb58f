// Wagtail's date picker (jQuery datetimepicker) rewrites the field when it loses focus: a date
// that does not exist becomes another one (2024-02-30 turns into 2024-03-01, 2026-13-45 into
// today) and the editor saves a date nobody typed. The field now keeps what was typed; the
// server refuses a date that does not exist, on the field, and picking from the calendar is
// unchanged. Every date picker of the admin reads these defaults when it is created.
(() => {
  const picker = window.jQuery && window.jQuery.fn.datetimepicker;
  if (picker && picker.defaults) {
    picker.defaults.validateOnBlur = false;
  }
})();
