/* KTCV — before the page is drawn: say scripts run, so the compact menu is collapsed from the start. */
document.documentElement.classList.add("js");
