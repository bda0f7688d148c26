// The status link of an appeal carries its code after "#", which the browser never sends to the
// server: this fills the code in and sends it in the body of a POST, once, on a fresh page.
const form = document.querySelector("[data-appeal-status]");
const code = new URLSearchParams(window.location.hash.slice(1)).get("code");
if (form && code && !form.dataset.answered) {
    form.querySelector("input[name=code]").value = code;
    form.submit();
}
