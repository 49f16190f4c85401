/* Menus: the team switcher's dropdown and a table row's ⋯ submenu, as WAI-ARIA menu buttons.
 *
 * A menu button (aria-haspopup="menu") is followed by its menu (role="menu") in the same host. Enter, Space and
 * ArrowDown open the menu and focus its first item (ArrowUp: its last); inside it ArrowDown and ArrowUp move
 * (wrapping), Home and End go to the first and last item, Escape closes it and returns focus to the button, Tab
 * closes it and moves on from the button. Items are not tab stops of their own (tabindex -1).
 *
 * A row's submenu is the reader's own doing (nothing asked of the simulation): openRowMenu shows and hides it.
 * The team switcher's menu is the product's: opening and closing it is a click in the simulation, which the
 * walkthrough performs (reader-input.js) before these functions move the focus.
 */

/** The open menu a menu button controls, or null. */
function menuOf(button) {
  const menu = button && button.nextElementSibling;
  return menu && menu.getAttribute("role") === "menu" && !menu.hidden ? menu : null;
}

/** The button that opens a menu. */
function menuButtonOf(menu) {
  const button = menu.previousElementSibling;
  return button && button.getAttribute("aria-haspopup") === "menu" ? button : null;
}

function menuItems(menu) {
  return [...menu.querySelectorAll('[role="menuitem"]')].filter((item) => !item.disabled);
}

/** Focuses the first or the last item of a menu. */
function focusMenuItem(menu, where) {
  const items = menuItems(menu);
  if (!items.length) return;
  (where === "last" ? items[items.length - 1] : items[0]).focus();
}

/** Moves the focus inside an open menu for ArrowDown, ArrowUp (both wrapping), Home and End. */
function moveInMenu(menu, key, from) {
  const items = menuItems(menu);
  if (!items.length) return;
  const here = items.indexOf(from.closest('[role="menuitem"]'));
  let next;
  if (key === "Home") next = 0;
  else if (key === "End") next = items.length - 1;
  else if (key === "ArrowDown") next = here < 0 ? 0 : (here + 1) % items.length;
  else next = here < 0 ? items.length - 1 : (here - 1 + items.length) % items.length;
  items[next].focus();
}

/** Opens or closes a table row's submenu; opening focuses its first item (or its last: `where`). */
function openRowMenu(opener, open, where) {
  const menu = opener.nextElementSibling;
  opener.setAttribute("aria-expanded", open ? "true" : "false");
  if (!menu) return;
  menu.hidden = !open;
  if (open) focusMenuItem(menu, where || "first");
}
