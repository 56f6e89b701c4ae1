// What overflows in a page, run inside the page (page.evaluate): boxes past the
// window outside any scrolling frame, and text cut inside its own box. Shared by the
// layout test and the practice group's.

/** What overflows in the page: boxes past the window outside any scrolling frame, and text cut inside its own box. */
export function problems(): string[] {
  const found: string[] = [];
  const width = document.documentElement.clientWidth;
  const scrolls = (el: Element) => {
    const style = getComputedStyle(el);
    return (style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth;
  };
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  for (const el of document.querySelectorAll('main *, .topbar *, nav *, dialog *')) {
    const box = el.getBoundingClientRect();
    // Words kept for screen readers only are meant to be out of sight (a class, or a 1-pixel box of their own).
    if (box.width <= 1 || box.height <= 1 || el.closest('.visually-hidden')) continue;
    if (box.right > width + 1) {
      let inFrame = false;
      for (let up = el.parentElement; up; up = up.parentElement) if (scrolls(up)) inFrame = true;
      if (!inFrame) found.push(`past the window: ${name(el)} (right ${Math.round(box.right)} > ${width})`);
    }
    const style = getComputedStyle(el);
    const clips = style.overflowX === 'hidden' || style.overflowX === 'clip';
    // A text cut short with an ellipsis and its whole text in a title is allowed (a long name in a grid).
    if (clips && el.scrollWidth > el.clientWidth + 1 && !(style.textOverflow === 'ellipsis' && el.getAttribute('title'))) found.push(`text cut: ${name(el)}`);
  }
  return [...new Set(found)];
}
