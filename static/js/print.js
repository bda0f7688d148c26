// A "Print" button for legal acts; without JavaScript it stays hidden and the browser's own print works.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
