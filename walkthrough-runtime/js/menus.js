/* Menus: the team switcher's dropdown and a table row's ⋯ submenu (WAI-ARIA menu button). */

/** Opens or closes a table row's submenu (the reader's own doing: no step, nothing asked of the simulation). */
function openRowMenu(opener, open) {
  const menu = opener.nextElementSibling;
  opener.setAttribute("aria-expanded", open ? "true" : "false");
  if (!menu) return;
  menu.hidden = !open;
  if (open) {
    const first = menu.querySelector("button:not([disabled])");
    if (first) first.focus();
  }
}
