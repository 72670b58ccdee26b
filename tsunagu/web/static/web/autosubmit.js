// A <select data-autosubmit> submits its form as soon as the choice changes (no inline
// handlers: the Content-Security-Policy allows only script files).
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.requestSubmit();
  }
});
