// Checks for the WCAG 2.2 AA success criteria that axe-core cannot see. Each takes a page
// and returns a list of problems (strings naming the element and the numbers); an empty
// list means the criterion holds in the state the page is in.
//
// Engine-neutral: they use only these page methods (Playwright's names; the adapters for
// the other engines provide the same): goto, reload, evaluate(fn, arg),
// waitForFunction(fn, arg, { timeout }), waitForSelector, click, fill, keyboard.press
// (single keys and 'Shift+Tab'), keyboard.type, setViewportSize, screenshot() → PNG,
// addStyleTag({ content }). Anything engine-specific (emulating forced colours or reduced
// motion) is the test file's business. The functions given to `evaluate` are
// self-contained (an adapter may send their source text to the browser), so each repeats
// the small `describe` helper it needs.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** What can be clicked or focused in the form (the targets of 2.5.8, the controls of 2.5.3). */
export const CONTROLS =
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

// ---------------------------------------------------------------------------------------
// 2.5.8 Target Size (Minimum)

/**
 * Every visible control of the form is at least 24×24 CSS px, or meets the spacing
 * exception: a 24 px circle centred on it touches no other target and no other undersized
 * target's circle. Links inside a sentence are exempt (the inline exception).
 */
export async function targetSizeProblems(page) {
  return page.evaluate((selector) => {
    const describe = (el) => {
      const tag = el.tagName.toLowerCase();
      const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 30);
      return `${tag}${el.id ? `#${el.id}` : el.className ? `.${String(el.className).split(' ')[0]}` : ''}${text ? ` "${text}"` : ''}`;
    };
    const targets = [...document.querySelectorAll(`.sku-app :is(${selector})`)]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => r.width > 0 && r.height > 0 && el.checkVisibility?.({ visibilityProperty: true }) !== false);
    // A link in running text: its block has words besides the link's own.
    const inSentence = (el) =>
      el.tagName === 'A' &&
      getComputedStyle(el).display === 'inline' &&
      el.parentElement.textContent.replace(/\s+/g, ' ').trim() !== el.textContent.replace(/\s+/g, ' ').trim();
    const undersized = targets.filter(({ el, r }) => (r.width < 24 || r.height < 24) && !inSentence(el));
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
    const distanceToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const problems = [];
    for (const small of undersized) {
      const c = centre(small.r);
      const size = `${small.r.width.toFixed(1)}×${small.r.height.toFixed(1)} px`;
      for (const other of targets) {
        if (other.el === small.el || other.el.contains(small.el) || small.el.contains(other.el)) continue;
        const toTarget = distanceToRect(c, other.r);
        const otherSmall = undersized.includes(other);
        const toCircle = otherSmall ? Math.hypot(c[0] - centre(other.r)[0], c[1] - centre(other.r)[1]) - 12 : Infinity;
        if (toTarget < 12 || toCircle < 12) {
          problems.push(
            `${describe(small.el)} is ${size}, and its 24 px circle reaches ${describe(other.el)} ` +
              `(${Math.min(toTarget, toCircle + 12).toFixed(1)} px from its centre, 12 needed)`,
          );
          break;
        }
      }
    }
    return problems;
  }, CONTROLS);
}

// ---------------------------------------------------------------------------------------
// 2.4.11 Focus Not Obscured (Minimum)

/**
 * Whether the focused element can be seen: some point of it, inside the viewport, shows
 * the element itself and not something on top of it (a sticky header, a banner). Returns
 * `{ inApp, at, problem }`; `problem` is null when the focus can be seen.
 */
export async function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const describe = (e) => {
      if (!e || e === document.body) return 'body';
      const tag = e.tagName.toLowerCase();
      const text = (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 30);
      return `${tag}${e.id ? `#${e.id}` : e.className ? `.${String(e.className).split(' ')[0]}` : ''}${text ? ` "${text}"` : ''}`;
    };
    const inApp = Boolean(el?.closest?.('.sku-app'));
    if (!el || el === document.body) return { inApp, at: 'body', problem: null };
    const r = el.getBoundingClientRect();
    const left = Math.max(r.left, 0);
    const right = Math.min(r.right, innerWidth);
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, innerHeight);
    const at = describe(el);
    if (right - left < 1 || bottom - top < 1) {
      return { inApp, at, problem: `${at} is outside the viewport (top ${r.top.toFixed(0)}, bottom ${r.bottom.toFixed(0)} of ${innerHeight} px)` };
    }
    // A 5×5 grid of points over the visible part: one showing the element is enough.
    let covering = null;
    for (let i = 0; i < 5; i += 1) {
      for (let j = 0; j < 5; j += 1) {
        const x = left + ((right - left) * (i + 0.5)) / 5;
        const y = top + ((bottom - top) * (j + 0.5)) / 5;
        const hit = document.elementFromPoint(x, y);
        if (hit && (hit === el || el.contains(hit) || hit.control === el)) return { inApp, at, problem: null };
        covering ??= hit;
      }
    }
    const cover = covering?.closest('header, nav, [class]') ?? covering;
    const coverBox = cover?.getBoundingClientRect();
    return {
      inApp,
      at,
      problem:
        `${at} (top ${r.top.toFixed(0)}, bottom ${r.bottom.toFixed(0)} px) is entirely hidden behind ` +
        `${cover ? describe(cover) : 'nothing it contains'}${coverBox ? ` (top ${coverBox.top.toFixed(0)}, bottom ${coverBox.bottom.toFixed(0)} px)` : ''}`,
    };
  });
}

/**
 * Tabs forwards from the focused element through every control of the form until focus
 * leaves it, then Shift+Tabs back until it leaves it at the top, checking after each key
 * that the focused element can be seen. Returns the problems and how many controls it met.
 */
export async function tabThroughFocusProblems(page, { max = 150 } = {}) {
  const problems = [];
  let visited = 0;
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < max; i += 1) {
      await page.keyboard.press(key);
      const state = await focusState(page);
      if (!state.inApp) break;
      visited += 1;
      if (state.problem) problems.push(`${key}: ${state.problem}`);
      if (i === max - 1) problems.push(`${key} pressed ${max} times without leaving the form`);
    }
  }
  return { problems, visited };
}

// ---------------------------------------------------------------------------------------
// 1.4.12 Text Spacing

/** The criterion's values, forced on every element of the form (as the bookmarklets do). */
const TEXT_SPACING_CSS = `/* wcag-text-spacing */
.sku-app, .sku-app * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
.sku-app p { margin-bottom: 2em !important; }`;

/**
 * With the text spacing of 1.4.12, no text of the form is clipped (a box that hides what
 * overflows it, no visually hidden text counted) and no line of text overlaps another
 * line or a control. Removes the spacing again before it returns.
 */
export async function textSpacingProblems(page) {
  await page.addStyleTag({ content: TEXT_SPACING_CSS });
  try {
    return await page.evaluate(() => {
      const describe = (e) => {
        const tag = e.tagName.toLowerCase();
        const text = (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 30);
        return `${tag}${e.id ? `#${e.id}` : e.className ? `.${String(e.className).split(' ')[0]}` : ''}${text ? ` "${text}"` : ''}`;
      };
      const app = document.querySelector('.sku-app');
      // Visually hidden text, and what a closed <details> holds (laid out, not shown).
      const hiddenByDesign = (e) => {
        if (e.checkVisibility?.() === false) return true;
        for (let x = e; x && x !== app.parentElement; x = x.parentElement) {
          const s = getComputedStyle(x);
          if (s.display === 'none' || s.visibility === 'hidden') return true;
          if (s.clipPath !== 'none' || (s.clip && s.clip !== 'auto')) return true;
        }
        return false;
      };
      const problems = [];
      // Boxes that cut off what overflows them.
      for (const e of app.querySelectorAll('*')) {
        if (['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(e.tagName) || hiddenByDesign(e)) continue;
        const s = getComputedStyle(e);
        const clipsX = !['visible'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
        const clipsY = !['visible'].includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
        if (clipsX || clipsY) {
          problems.push(`${describe(e)} cuts off its content (${e.scrollWidth}×${e.scrollHeight} px in a ${e.clientWidth}×${e.clientHeight} px box)`);
        }
      }
      // Lines of text and controls, to find any two that overlap.
      const boxes = [];
      const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.data.trim() || hiddenByDesign(node.parentElement) || node.parentElement.closest('select, option')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width > 1 && r.height > 1) boxes.push({ r, owner: node.parentElement, text: node.data.trim().slice(0, 30) });
        }
      }
      for (const e of app.querySelectorAll('input, select, textarea, button')) {
        const r = e.getBoundingClientRect();
        if (r.width > 1 && r.height > 1 && !hiddenByDesign(e)) boxes.push({ r, owner: e, control: true });
      }
      const overlap = (a, b) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
      const name = (b) => (b.control ? describe(b.owner) : `"${b.text}" (${describe(b.owner)})`);
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a.owner === b.owner && !a.control && !b.control) continue;
          if (a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
          if (overlap(a.r, b.r)) problems.push(`${name(a)} overlaps ${name(b)}`);
        }
      }
      return problems.slice(0, 20);
    });
  } finally {
    await page.evaluate(() => {
      for (const style of document.querySelectorAll('style')) {
        if (style.textContent.includes('wcag-text-spacing')) style.remove();
      }
    });
  }
}

// ---------------------------------------------------------------------------------------
// 1.4.10 Reflow

/**
 * At the viewport's width, the page does not scroll sideways, and no element of the page
 * (the form, or the host page around it) reaches past the viewport's left or right edge
 * (which a box that hides its overflow would cut off without a scrollbar).
 */
export async function reflowProblems(page) {
  return page.evaluate(() => {
    const describe = (e) => {
      const tag = e.tagName.toLowerCase();
      const text = (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 30);
      return `${tag}${e.id ? `#${e.id}` : e.className ? `.${String(e.className).split(' ')[0]}` : ''}${text ? ` "${text}"` : ''}`;
    };
    const width = document.documentElement.clientWidth;
    const problems = [];
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width) problems.push(`the page scrolls sideways: ${scroll} px of content in ${width} px`);
    const outside = [...document.body.querySelectorAll('*')].filter((e) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(e).clipPath !== 'none' || e.checkVisibility?.() === false) return false;
      return r.right > width + 0.5 || r.left < -0.5;
    });
    // Name the outermost ones: their children stick out because they do.
    for (const e of outside.filter((e) => !outside.includes(e.parentElement)).slice(0, 5)) {
      const r = e.getBoundingClientRect();
      problems.push(`${describe(e)} reaches from ${r.left.toFixed(0)} to ${r.right.toFixed(0)} px, past the ${width} px viewport`);
    }
    return problems;
  });
}

// ---------------------------------------------------------------------------------------
// Pixels: focus indicators, forced colours.

/** Decodes a PNG screenshot: `{ width, height, data }` with 4 bytes (RGBA) per pixel. */
export function decodePng(buffer) {
  return PNG.sync.read(buffer);
}

function luminance(data, i) {
  const channel = (v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(data[i]) + 0.7152 * channel(data[i + 1]) + 0.0722 * channel(data[i + 2]);
}

/** The WCAG contrast ratio between two pixels. */
function contrast(a, i, b, j) {
  const [la, lb] = [luminance(a, i), luminance(b, j)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * How many pixels of `rect` (CSS px, viewport coordinates) changed between two screenshots
 * of the same scroll position with a contrast of at least `ratio`. `scale`: image pixels
 * per CSS px.
 */
function contrastingChanges(before, after, rect, ratio, scale) {
  const x0 = Math.max(0, Math.floor(rect.left * scale));
  const y0 = Math.max(0, Math.floor(rect.top * scale));
  const x1 = Math.min(before.width, Math.ceil(rect.right * scale));
  const y1 = Math.min(before.height, Math.ceil(rect.bottom * scale));
  let count = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * before.width + x) * 4;
      if (contrast(before.data, i, after.data, i) >= ratio) count += 1;
    }
  }
  return count / (scale * scale);
}

async function viewportScale(page, image) {
  const width = await page.evaluate(() => innerWidth);
  return image.width / width;
}

/**
 * 2.4.7 and 1.4.11 for focus: Tabs through every control of the form from the focused
 * element on, and compares a screenshot of each focused control with one of the same
 * place unfocused (blurred, so nothing scrolls between the two). The focus indicator must change, with a contrast of at least 3:1, as
 * many CSS pixels as a 1 px line along the control's longer side (a ring or a bar; the
 * same measure in forced colours). Returns the problems and the number of controls seen.
 */
export async function focusIndicatorProblems(page, { max = 150 } = {}) {
  const problems = [];
  let visited = 0;
  // The page with nothing focused, at one scroll position: reused while the page does not scroll.
  let unfocused = null;
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.closest?.('.sku-app')) return null;
      const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 30);
      const at = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : el.className ? `.${String(el.className).split(' ')[0]}` : ''}${text ? ` "${text}"` : ''}`;
      // Tab scrolls just far enough to show the element: bring its surroundings (an
      // underline bar, an outline) into view as well.
      let r = el.getBoundingClientRect();
      if (r.top < 8 || r.bottom > innerHeight - 8) {
        el.scrollIntoView({ block: 'center' });
        r = el.getBoundingClientRect();
      }
      return { at, scrollY, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } };
    });
    if (!focused) break;
    visited += 1;
    const withFocus = decodePng(await page.screenshot());
    if (unfocused?.scrollY !== focused.scrollY) {
      // Blurred at the same scroll position, then focused again to go on from there.
      await page.evaluate(() => {
        window.wcagFocused = document.activeElement;
        document.activeElement.blur();
      });
      unfocused = { scrollY: focused.scrollY, image: decodePng(await page.screenshot()) };
      await page.evaluate(() => window.wcagFocused.focus({ preventScroll: true }));
    }
    const scale = await viewportScale(page, withFocus);
    const { rect } = focused;
    const around = { left: rect.left - 8, top: rect.top - 8, right: rect.right + 8, bottom: rect.bottom + 8 };
    const changed = contrastingChanges(unfocused.image, withFocus, around, 3, scale);
    const needed = Math.max(rect.width, rect.height);
    if (changed < needed) {
      problems.push(
        `${focused.at}: focus changes ${changed.toFixed(0)} CSS px with a contrast of 3:1 or more, ` +
          `${needed.toFixed(0)} needed (a 1 px line along its ${rect.width.toFixed(0)}×${rect.height.toFixed(0)} px box)`,
      );
    }
  }
  return { problems, visited };
}

/**
 * Errors are seen without colour (for forced colours): the error summary's border and
 * each erroneous question's bar contrast 3:1 with the page beside them, and each error
 * message's text contrasts 4.5:1 with its background. Scrolls each into view in turn.
 */
export async function errorVisibilityProblems(page) {
  const count = await page.evaluate(() => {
    const marked = [
      ...document.querySelectorAll('.sku-app #sku-error-summary'),
      ...[...document.querySelectorAll('.sku-app .sku-form-group')].filter((g) =>
        g.querySelector(':scope > .sku-error-message, :scope > .sku-fieldset > .sku-error-message'),
      ),
      ...document.querySelectorAll('.sku-app .sku-error-message'),
    ];
    marked.forEach((e, i) => e.setAttribute('data-wcag-error', String(i)));
    return marked.length;
  });
  if (!count) return ['no error summary and no error message on the page'];
  const problems = [];
  for (let n = 0; n < count; n += 1) {
    const box = await page.evaluate((n) => {
      const e = document.querySelector(`[data-wcag-error="${n}"]`);
      e.removeAttribute('data-wcag-error');
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect();
      const kind = e.id === 'sku-error-summary' ? 'summary' : e.classList.contains('sku-form-group') ? 'group' : 'message';
      const id = kind === 'group' ? e.querySelector('input, select, textarea')?.id ?? '' : e.id;
      return { kind, id, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }, n);
    const image = decodePng(await page.screenshot());
    const scale = await viewportScale(page, image);
    const pixel = (x, y) =>
      (Math.min(image.height - 1, Math.max(0, Math.round(y * scale))) * image.width +
        Math.min(image.width - 1, Math.max(0, Math.round(x * scale)))) * 4;
    if (box.kind !== 'message') {
      // The left edge (2 px into the box) against the page 8 px outside it (beyond a
      // focus outline), along its height.
      let best = 0;
      for (let y = Math.max(box.top, 0) + 4; y < Math.min(box.bottom, image.height / scale) - 4; y += 4) {
        best = Math.max(best, contrast(image.data, pixel(box.left + 2, y), image.data, pixel(box.left - 8, y)));
      }
      if (best < 3) {
        problems.push(
          box.kind === 'summary'
            ? `the error summary's border contrasts ${best.toFixed(2)}:1 with the page, 3:1 needed`
            : `the error bar of the question with #${box.id} contrasts ${best.toFixed(2)}:1 with the page, 3:1 needed`,
        );
      }
      continue;
    }
    // The most common colour in the message's box is its background; text contrasts with it.
    const points = [];
    for (let y = box.top; y < box.bottom; y += 1 / scale) {
      for (let x = box.left; x < box.right; x += 1 / scale) points.push(pixel(x, y));
    }
    const key = (i) => (image.data[i] << 16) | (image.data[i + 1] << 8) | image.data[i + 2];
    const counts = new Map();
    for (const i of points) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
    const commonest = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const background = points.find((i) => key(i) === commonest);
    const ink = points.filter((i) => contrast(image.data, i, image.data, background) >= 4.5).length;
    if (ink < 20) problems.push(`the error message #${box.id} shows ${ink} pixels of text contrasting 4.5:1 with its background`);
  }
  return problems;
}

/**
 * A chosen radio or ticked checkbox looks different from an unchosen one: clicks each
 * `selector` in turn (radios and checkboxes), and compares the control's box before and
 * after. At least 5 % of its area must change with a contrast of 3:1.
 */
export async function selectionVisibleProblems(page, selectors) {
  const problems = [];
  const crop = async (selector) => {
    const r = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      const inView = el.getBoundingClientRect();
      if (inView.top < 0 || inView.bottom > innerHeight) el.scrollIntoView({ block: 'center' });
      const b = el.getBoundingClientRect();
      return { left: b.left, top: b.top, width: b.width, height: b.height };
    }, selector);
    const image = decodePng(await page.screenshot());
    return { r, image, scale: await viewportScale(page, image) };
  };
  for (const selector of selectors) {
    const before = await crop(selector);
    await page.click(selector);
    await page.waitForFunction((sel) => document.querySelector(sel).checked, selector, { timeout: 3000 });
    // Compared as it was before: not focused, not under the pointer, so only the choice
    // itself can make the difference.
    await page.evaluate(() => document.activeElement?.blur());
    if (page.mouse) await page.mouse.move(0, 0);
    const after = await crop(selector);
    const s = before.scale;
    const w = Math.round(before.r.width * s);
    const h = Math.round(before.r.height * s);
    let changed = 0;
    for (let y = 0; y < h; y += 1) {
      for (let x = 0; x < w; x += 1) {
        const i = ((Math.round(before.r.top * s) + y) * before.image.width + Math.round(before.r.left * s) + x) * 4;
        const j = ((Math.round(after.r.top * s) + y) * after.image.width + Math.round(after.r.left * s) + x) * 4;
        if (contrast(before.image.data, i, after.image.data, j) >= 3) changed += 1;
      }
    }
    if (changed < 0.05 * w * h) {
      problems.push(`${selector}: choosing it changes ${changed} of its ${w * h} pixels with a contrast of 3:1, ${Math.ceil(0.05 * w * h)} needed`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// prefers-reduced-motion (2.3.3 is AAA; asked for by the issue)

/**
 * Nothing moves: no running animation or transition in the document, no element of the
 * form with an animation or a transition of any length, no smooth scrolling on the page
 * or the form, and the scroll position is the same two frames later (no scroll animation
 * under way, e.g. right after the form moved focus).
 */
export async function motionProblems(page) {
  return page.evaluate(async () => {
    const describe = (e) => {
      if (!e?.tagName) return String(e);
      const tag = e.tagName.toLowerCase();
      return `${tag}${e.id ? `#${e.id}` : e.className ? `.${String(e.className).split(' ')[0]}` : ''}`;
    };
    const seconds = (list) => Math.max(...list.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
    const problems = [];
    for (const animation of document.getAnimations()) {
      if (animation.playState === 'running') {
        problems.push(`${animation.constructor.name} ${animation.animationName ?? animation.transitionProperty ?? ''} runs on ${describe(animation.effect?.target)}`);
      }
    }
    for (const e of [document.documentElement, document.body, ...document.querySelectorAll('.sku-app, .sku-app *')]) {
      const s = getComputedStyle(e);
      if (s.scrollBehavior === 'smooth') problems.push(`${describe(e)} scrolls smoothly (scroll-behavior: smooth)`);
      if (s.animationName !== 'none' && seconds(s.animationDuration) > 0) problems.push(`${describe(e)} has an animation (${s.animationName}, ${s.animationDuration})`);
      if (seconds(s.transitionDuration) > 0) problems.push(`${describe(e)} has a transition (${s.transitionProperty} ${s.transitionDuration})`);
    }
    const y = scrollY;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    if (scrollY !== y) problems.push(`the page is still scrolling (${y} → ${scrollY} px two frames later)`);
    return [...new Set(problems)].slice(0, 20);
  });
}

// ---------------------------------------------------------------------------------------
// 2.5.3 Label in Name

const axeSource = await readFile(resolve(here, '../node_modules/axe-core/axe.min.js'), 'utf8');

/** Puts axe-core into the page once (by evaluate: any engine; not under a CSP without eval). */
export async function ensureAxe(page) {
  if (await page.evaluate(() => Boolean(window.axe))) return;
  await page.evaluate((source) => {
    (0, eval)(source); // eslint-disable-line no-eval
  }, axeSource);
}

/**
 * Every control's accessible name (axe-core's computation, the same in every engine)
 * contains its visible label: the text of its `<label>`s for a field, its own text for a
 * button, link or summary. Case, spaces and punctuation are ignored; text hidden visually
 * ("Ta bort" + hidden " Kostnad 2") is not part of the visible label.
 */
export async function labelInNameProblems(page) {
  await ensureAxe(page);
  return page.evaluate((selector) => {
    const describe = (e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : e.className ? `.${String(e.className).split(' ')[0]}` : ''}`;
    const hidden = (node, root) => {
      for (let x = node.nodeType === 1 ? node : node.parentElement; x && x !== root.parentElement; x = x.parentElement) {
        const s = getComputedStyle(x);
        if (s.display === 'none' || s.visibility === 'hidden' || s.clipPath !== 'none' || (s.clip && s.clip !== 'auto')) return true;
      }
      return false;
    };
    const visibleText = (root) => {
      let text = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!hidden(node, root)) text += node.data;
      }
      return text;
    };
    const words = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const problems = [];
    window.axe.setup(document);
    try {
      for (const el of document.querySelectorAll(`.sku-app :is(${selector})`)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || hidden(el, el) || el.checkVisibility?.() === false) continue;
        const isField = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
        const label = isField ? [...(el.labels ?? [])].map(visibleText).join(' ') : visibleText(el);
        if (!words(label)) {
          if (!isField) problems.push(`${describe(el)} has no visible text`);
          continue;
        }
        const node = window.axe.utils.getNodeFromTree(el);
        const name = window.axe.commons.text.accessibleTextVirtual(node);
        if (!` ${words(name)} `.includes(` ${words(label)} `)) {
          problems.push(`${describe(el)}: the visible label "${label.trim()}" is not in its accessible name "${name}"`);
        }
      }
    } finally {
      window.axe.teardown();
    }
    return problems;
  }, CONTROLS);
}

// ---------------------------------------------------------------------------------------
// 3.3.7 Redundant Entry

/**
 * What the page asks: each field's question (its group's legend and its label), its
 * `autocomplete` purpose, and the page's instructions (hints, legends, labels). Collect
 * it on every step of a journey and give the list to `askedTwiceProblems`.
 */
export async function questionsOnPage(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const fields = [...document.querySelectorAll('.sku-app .sku-app__main :is(input, select, textarea)')]
      .filter((el) => el.type !== 'file' && el.id !== 'declaration' && !el.closest('.sku-drafts'))
      .map((el) => {
        const legend = clean(el.closest('fieldset')?.querySelector('legend')?.textContent);
        const label = clean([...(el.labels ?? [])].map((l) => l.textContent).join(' '));
        const question = el.type === 'radio' ? legend : clean(`${legend} ${label}`);
        return { id: el.id, question, phrases: [legend, label].filter(Boolean), purpose: el.getAttribute('autocomplete') ?? '' };
      });
    const instructions = [...document.querySelectorAll('.sku-app .sku-app__main .sku-hint')]
      .filter((el) => !el.closest('.sku-drafts'))
      .map((el) => clean(el.textContent));
    return { fields, instructions };
  });
}

const STOP_WORDS = new Set(
  ('vilket vilken vilka vad när hur datum det den de är ska och i på för till av om du din ditt dina er ni ert era ' +
    'man som med har en ett ' +
    'which what when how date does do did the a an is are of for to in on at your you and or with').split(' '),
);

/**
 * 3.3.7: nothing the applicant has answered is asked for again. `visits` is a list of
 * `{ step, fields, instructions }` (from `questionsOnPage`) in the order of the journey.
 * A problem is: the same question on two steps; the same `autocomplete` purpose (the
 * applicant's own data, other than "off") on two fields; or a later step's instruction
 * that names every word (at least two) of an earlier legend or label, its question words
 * left out, i.e. asks for that answer again.
 */
export function askedTwiceProblems(visits) {
  const problems = [];
  const seenQuestion = new Map();
  const seenPurpose = new Map();
  const earlier = [];
  const words = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  for (const { step, fields, instructions } of visits) {
    for (const text of instructions) {
      const said = words(text);
      for (const { step: from, question } of earlier) {
        const subject = words(question).filter((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w));
        if (subject.length >= 2 && subject.every((w) => said.some((s) => s.startsWith(w)))) {
          problems.push(`${step}: the instruction "${text}" asks again for "${question}", answered on ${from}`);
        }
      }
    }
    for (const { id, question, purpose } of fields) {
      const firstAsked = seenQuestion.get(question);
      if (question && firstAsked && firstAsked.step !== step && firstAsked.id !== id) {
        problems.push(`${step}: #${id} asks "${question}", already asked on ${firstAsked.step} (#${firstAsked.id})`);
      }
      if (question && !firstAsked) seenQuestion.set(question, { step, id });
      const token = purpose.trim().split(/\s+/).pop();
      if (token && token !== 'off' && token !== 'on') {
        const other = seenPurpose.get(token);
        if (other && other.id !== id) problems.push(`${step}: #${id} asks for the applicant's ${token} again (#${other.id} on ${other.step})`);
        seenPurpose.set(token, other ?? { step, id });
      }
    }
    // Questions become "earlier" once their step is left: a group's legend ("Vilket datum
    // börjar resan?") and a field's own label, each on its own.
    for (const { phrases } of fields) {
      for (const question of phrases) {
        if (!earlier.some((e) => e.question === question)) earlier.push({ step, question });
      }
    }
  }
  return [...new Set(problems)];
}
