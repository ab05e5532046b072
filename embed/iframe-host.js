// Iframe mode, the parent page's half (see README, "Iframe mode"). Include it on the page
// that holds <iframe data-skolutbyte src=".../index.html">: the iframe is kept exactly as
// tall as the form (no second scrollbar), and what the form focuses (a step's heading,
// the error summary) is scrolled into view here, since the iframe itself never scrolls.
//
// Messages are accepted only from the iframe's own window and origin:
//   { type: 'skolutbyte:height', height: <CSS px> }
//   { type: 'skolutbyte:scroll', top: <CSS px from the top of the form's document>, height: <CSS px> }
(() => {
  const frames = () => [...document.querySelectorAll('iframe[data-skolutbyte]')];
  // Set through the CSSOM, which a strict style-src allows (a style attribute it would not).
  for (const frame of frames()) {
    Object.assign(frame.style, { display: 'block', width: '100%', border: '0', padding: '0', boxSizing: 'content-box' });
  }

  addEventListener('message', ({ source, origin, data }) => {
    const frame = frames().find((f) => f.contentWindow === source);
    if (!frame || origin !== new URL(frame.src, location.href).origin || !data) return;
    if (data.type === 'skolutbyte:height' && data.height >= 0) {
      frame.style.height = `${data.height}px`;
    } else if (data.type === 'skolutbyte:scroll' && data.top >= 0) {
      const top = frame.getBoundingClientRect().top + frame.clientTop + data.top;
      // A sticky site header usually declares itself with scroll-padding-top.
      const header = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      const hidden = top < header || top + (data.height || 0) > innerHeight;
      if (hidden) scrollTo({ top: scrollY + top - header - 16 });
    }
  });
})();
