// Iframe mode, the form's half (see README, "Iframe mode"); the loader adds it only when
// the form runs inside an iframe, and embed/iframe-host.js is the parent page's half.
//   { type: 'skolutbyte:height', height: <CSS px> }: whenever the form's height changes;
//   { type: 'skolutbyte:scroll', top, height }: when focus moves (a step's heading, the
//   error summary, a field), the element's box in CSS px from the top of the document.
// Messages go only to the parent's own origin, never '*'; when the browser cannot tell
// it, none are sent and the iframe keeps its own scrollbar.
(() => {
  let parentOrigin = location.ancestorOrigins?.[0];
  try {
    parentOrigin ||= new URL(document.referrer).origin;
  } catch {
    return; // no referrer: the parent's origin is unknown
  }
  if (window.parent === window || !parentOrigin || parentOrigin === 'null') return;
  const post = (message) => parent.postMessage(message, parentOrigin);
  const root = document.documentElement;
  const sendHeight = () =>
    post({ type: 'skolutbyte:height', height: Math.ceil(root.getBoundingClientRect().height) });
  new ResizeObserver(sendHeight).observe(root);
  // The iframe is as tall as the form and never scrolls, so the parent has to.
  addEventListener('focusin', ({ target }) => {
    const box = target.getBoundingClientRect();
    sendHeight();
    post({ type: 'skolutbyte:scroll', top: Math.round(box.top + scrollY), height: Math.round(box.height) });
  });
})();
