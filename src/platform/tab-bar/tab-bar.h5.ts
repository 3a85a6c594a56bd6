/**
 * Taro's H5 tab bar draws each item as `<a href="javascript:;">` and switches tabs in its
 * own click handler. The browser would then also run the `javascript:` URL, which our CSP
 * (no inline script) refuses — a console error on every tab tap (issue 17 point 11).
 * Cancelling only the link's default action leaves Taro's handler to switch the tab.
 */
export function quietTabBarLinks(): void {
  if (typeof document === 'undefined') return;
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="javascript:"]');
      if (link) event.preventDefault();
    },
    true,
  );
}
